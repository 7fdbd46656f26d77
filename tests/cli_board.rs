//! The round board (DESIGN §15) through the CLI: `board --json` with every figure
//! worked out by hand, bands at their thresholds, ties sharing a rank, the on-time
//! rate from the dates rectifications were closed, and `mark --rate` refusals.

mod common;

use common::{Env, assert_num};
use serde_json::Value;

/// 1.1 (40) + 1.2 (40, a rate) + 1.3 (20) = max 100, so points are percents.
const BOARD: &str = r#"Checklist(
    id: "t-board",
    version: 1,
    title: "排名测试表",
    rules: (
        disqualify_from: 30.0,
        grades: [(90.0, "优秀"), (75.0, "良好"), (60.0, "合格"), (0.0, "不合格")],
    ),
    sections: [
        (code: "1", title: "科室", items: [
            (code: "1.1", title: "学习制度", points: 40.0),
            (code: "1.2", title: "群众满意率", points: 40.0,
             rate: [(90.0, 0.0), (80.0, 10.0), (0.0, 40.0)]),
            (code: "1.3", title: "环境卫生", points: 20.0),
        ]),
    ],
)
"#;

const NOVEMBER: &str = "2026年11月";

fn session(env: &Env, department: &str, round: &str, date: &str) -> String {
    env.new_session("t-board", department, round, date)
}

/// Runs `zicha` at a pinned time (the day a rectification is closed).
fn at(env: &Env, now: &str, args: &[&str]) {
    let out = env.cmd().env("ZICHA_NOW", now).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn board(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["board", "--json"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    out.expect_code(0);
    match out.json() {
        Value::Array(rows) => rows,
        other => panic!("not an array: {other}"),
    }
}

/// A round of five departments and a unit session, and October's 办公室 session
/// whose two rectifications were closed one on time and one late.
fn round() -> Env {
    let env = Env::new();
    env.write_checklist("t-board.ron", BOARD);

    // October, 办公室: 1.1 and 1.3 fail with rectifications due 2026-10-20.
    let october = session(&env, "办公室", "2026年10月", "2026-10-10");
    env.mark(
        &october,
        "1.1",
        "fail",
        &["--owner", "张三", "--due", "2026-10-20"],
    );
    env.mark(
        &october,
        "1.3",
        "fail",
        &["--owner", "李四", "--due", "2026-10-20"],
    );
    // Reported done and re-checked (销号) two days early, and five days late: 1 of 2
    // on time = 50 %.
    at(
        &env,
        "2026-10-18T09:00:00+08:00",
        &["rectify", &october, "1.1", "--done"],
    );
    at(
        &env,
        "2026-10-18T09:00:00+08:00",
        &["recheck", &october, "1.1", "--pass"],
    );
    at(
        &env,
        "2026-10-25T16:30:00+08:00",
        &["rectify", &october, "1.3", "--done"],
    );
    at(
        &env,
        "2026-10-25T16:30:00+08:00",
        &["recheck", &october, "1.3", "--pass"],
    );

    // 办公室: 40 + (43/50 = 86 % → the 80 band, −10) 30 + 20 = 90; deducted 10.
    let office = session(&env, "办公室", NOVEMBER, "2026-11-16");
    env.mark(&office, "1.1", "pass", &[]);
    env.ok(["mark", &office, "1.2", "--rate", "43/50"]);
    env.mark(&office, "1.3", "pass", &[]);

    // 党群室: 40 + (45/50 = 90 %, exactly the top band) 40 + partial P/2 = 10 → 90,
    // deducted 10: tied with 办公室. Its rectification is open.
    let party = session(&env, "党群室", NOVEMBER, "2026-11-17");
    env.mark(&party, "1.1", "pass", &[]);
    env.ok(["mark", &party, "1.2", "--rate", "45/50"]);
    env.mark(
        &party,
        "1.3",
        "partial",
        &["--owner", "王五", "--due", "2026-12-01"],
    );

    // 后勤服务中心: 40 + (100 %) 40, 1.3 pending → 80 of 100, nothing deducted, 检查中.
    let logistics = session(&env, "后勤服务中心", NOVEMBER, "2026-11-17");
    env.mark(&logistics, "1.1", "pass", &[]);
    env.ok(["mark", &logistics, "1.2", "--rate", "100%"]);

    // 财务科: (40 − 15) 25 + (40/50 = 80 %, −10) 30 + 20 = 75; deducted 25 → 良好.
    let finance = session(&env, "财务科", NOVEMBER, "2026-11-18");
    env.mark(
        &finance,
        "1.1",
        "partial",
        &["--deduct-reason", "记录不全", "--deduct-points", "15"],
    );
    env.ok(["mark", &finance, "1.2", "--rate", "80%"]);
    env.mark(&finance, "1.3", "pass", &[]);

    // 人事科: 0 + 40 + 20 = 60 (not below 60), but deducted 40 ≥ 30 → 取消评优资格: red.
    let personnel = session(&env, "人事科", NOVEMBER, "2026-11-18");
    env.mark(&personnel, "1.1", "fail", &[]);
    env.ok(["mark", &personnel, "1.2", "--rate", "90%"]);
    env.mark(&personnel, "1.3", "pass", &[]);

    // A unit session of the round is not a department: not on the board.
    env.ok([
        "new",
        "--checklist",
        "t-board",
        "--department",
        "全局",
        "--round",
        NOVEMBER,
        "--date",
        "2026-11-20",
        "--scope",
        "unit",
    ]);
    env
}

#[test]
fn board_json_ranks_the_round_with_bands_ties_and_on_time_rates() {
    let env = round();
    // The newest round by default, the same as naming it.
    let rows = board(&env, &[]);
    assert_eq!(rows, board(&env, &["--round", NOVEMBER]));
    let fields: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields.len(),
        11,
        "rank, session, department, percent, deducted, verdict, checked, total, open_rectifications, on_time_rate, band: {fields:?}"
    );
    // (rank, department, percent, deducted, verdict, checked, open, on time, band)
    type Row = (
        u64,
        &'static str,
        f64,
        f64,
        &'static str,
        u64,
        u64,
        Option<f64>,
        &'static str,
    );
    let want: [Row; 5] = [
        (1, "办公室", 90.0, 10.0, "graded", 3, 0, Some(50.0), "green"),
        (1, "党群室", 90.0, 10.0, "graded", 3, 1, None, "green"),
        (
            3,
            "后勤服务中心",
            80.0,
            0.0,
            "in_progress",
            2,
            0,
            None,
            "yellow",
        ),
        (4, "财务科", 75.0, 25.0, "graded", 3, 0, None, "yellow"),
        (5, "人事科", 60.0, 40.0, "disqualified", 3, 0, None, "red"),
    ];
    assert_eq!(rows.len(), want.len(), "{rows:#?}");
    for (row, want) in rows.iter().zip(want) {
        let (rank, department, percent, deducted, verdict, checked, open, on_time, band) = want;
        let what = department;
        assert_eq!(row["rank"], rank, "{what}");
        assert_eq!(row["department"], department);
        assert_num(&row["percent"], percent, &format!("{what} percent"));
        assert_num(&row["deducted"], deducted, &format!("{what} deducted"));
        assert_eq!(row["verdict"], verdict, "{what}");
        assert_eq!(row["checked"], checked, "{what}");
        assert_eq!(row["total"], 3, "{what}");
        assert_eq!(row["open_rectifications"], open, "{what}");
        match on_time {
            Some(rate) => assert_num(&row["on_time_rate"], rate, &format!("{what} on time")),
            None => assert!(row["on_time_rate"].is_null(), "{what}: {row}"),
        }
        assert_eq!(row["band"], band, "{what}");
        assert!(uuid::Uuid::parse_str(row["session"].as_str().unwrap()).is_ok());
    }

    // October: 办公室 alone, 0 of 100 (1.2 pending): red; both closed by then.
    let october = board(&env, &["--round", "2026年10月"]);
    assert_eq!(october.len(), 1);
    assert_eq!(october[0]["band"], "red");
    assert_num(&october[0]["percent"], 0.0, "October percent");
    assert_num(&october[0]["on_time_rate"], 50.0, "October on time");
}

#[test]
fn board_text_shows_band_words_and_unknown_rounds_fail() {
    let env = round();
    let out = env.ok(["--lang", "zh", "board"]);
    assert!(out.starts_with("排名：2026年11月\n"), "{out}");
    for words in [
        "名次",
        "按时整改率",
        "绿灯",
        "黄灯",
        "红灯",
        "取消评优资格",
        "50%",
    ] {
        assert!(out.contains(words), "{words} in\n{out}");
    }
    let office = out.lines().find(|l| l.contains("办公室")).unwrap();
    assert!(
        office.starts_with('1') && office.contains("90%"),
        "{office}"
    );
    let stderr = env.fails(["board", "--round", "2027年1月"], 1);
    assert!(
        stderr.contains("2026年11月"),
        "names the known rounds: {stderr}"
    );

    let empty = Env::new();
    assert_eq!(board(&empty, &[]), Vec::<Value>::new());
}

#[test]
fn impossible_rates_are_refused_and_change_nothing() {
    let env = round();
    let id = session(&env, "办公室", "2026年12月", "2026-12-01");
    env.ok(["mark", &id, "1.2", "--rate", "43/50"]);
    let before = std::fs::read(env.session_path(&id)).unwrap();
    for rate in ["51/50", "0/0", "-3%", "很高", "86", "101%"] {
        let out = env.run(["mark", &id, "1.2", "--rate", rate]);
        out.expect_code(2);
        assert!(!out.stderr.is_empty(), "{rate}");
    }
    assert_eq!(std::fs::read(env.session_path(&id)).unwrap(), before);
    let detail = env.show(&id);
    let item = common::item(&detail, "1.2");
    assert_eq!(item["status"], "partial");
    assert_num(&item["score"], 30.0, "43/50 = 86 %: 40 − 10");
    assert_num(&item["rate"]["percent"], 86.0, "rate percent");
}
