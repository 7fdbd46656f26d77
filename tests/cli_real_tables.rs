//! Scoring as real evaluation tables write it (DESIGN §4), through `mark` and
//! `show --json`/`list --json`: per-occurrence deductions with counts and the cap,
//! levels, surveyed rates, 负面清单 penalties and their floor, the inclusive 2-point
//! bar, unit-scope items in unit and department sessions, a full deduction recorded
//! as 未达标, the one verdict by precedence, and provisional grades. Every figure is
//! worked out by hand in the comments.

mod common;

use common::{Env, assert_num, item};
use serde_json::Value;

/// Department session: 1.1 (6) + 1.2 (10) + 1.3 (4) = max 20, and the penalty 3.2;
/// 4 items. Unit session: every item, max 20 + 2.1 (10) = 30; 7 items.
const REAL: &str = r#"Checklist(
    id: "t-real",
    version: 1,
    title: "测评细则测试表",
    rules: (
        disqualify_from: 2.0,
        grades: [(90.0, "优秀"), (75.0, "良好"), (60.0, "合格"), (0.0, "不合格")],
        levels: [("A", 1.0), ("B", 0.66), ("C", 0.33), ("C#", 0.0)],
    ),
    sections: [
        (code: "1", title: "科室", items: [
            (code: "1.1", title: "道德讲堂", points: 6.0,
             deductions: [("每少开展一次", 1.5, "次"), ("无计划", 2.0)]),
            (code: "1.2", title: "等次项", points: 10.0),
            (code: "1.3", title: "满意率", points: 4.0,
             rate: [(90.0, 0.0), (80.0, 1.0), (0.0, 3.0)]),
        ]),
        (code: "2", title: "全单位", items: [
            (code: "2.1", title: "领导班子", points: 10.0, scope: "unit"),
            (code: "2.2", title: "无违法违纪", veto: true, scope: "unit"),
        ]),
        (code: "3", title: "加分与负面清单", items: [
            (code: "3.1", title: "上级表彰", points: 3.0, bonus: true, scope: "unit"),
            (code: "3.2", title: "被通报", points: 2.0, penalty: true,
             deductions: [("每被通报一次", 1.5, "次")]),
        ]),
    ],
)
"#;

fn env() -> Env {
    let env = Env::new();
    env.write_checklist("t-real.ron", REAL);
    env
}

fn unit_session(env: &Env) -> String {
    let id = env
        .ok([
            "new",
            "--checklist",
            "t-real",
            "--department",
            "全局",
            "--round",
            "2026年11月自查",
            "--date",
            "2026-11-20",
            "--scope",
            "unit",
        ])
        .trim()
        .to_string();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    id
}

/// score, max, percent, deducted, checked, total.
#[track_caller]
fn figures(d: &Value, want: (f64, f64, f64, f64, u64, u64), step: &str) {
    let (score, max, percent, deducted, checked, total) = want;
    assert_num(&d["score"], score, &format!("{step}: score"));
    assert_num(&d["max"], max, &format!("{step}: max"));
    assert_num(&d["percent"], percent, &format!("{step}: percent"));
    assert_num(&d["deducted"], deducted, &format!("{step}: deducted"));
    assert_eq!(d["checked"], checked, "{step}: checked");
    assert_eq!(d["total"], total, "{step}: total");
}

/// verdict code, verdict_text (English: the tests run with ZICHA_LANG=en), grade,
/// provisional_grade.
#[track_caller]
fn verdict(d: &Value, code: &str, text: &str, grade: Option<&str>, provisional: Option<&str>) {
    assert_eq!(d["verdict"], code, "verdict");
    assert_eq!(d["verdict_text"], text, "verdict_text");
    for (field, want) in [("grade", grade), ("provisional_grade", provisional)] {
        match want {
            Some(label) => assert_eq!(d[field], label, "{field}"),
            None => assert!(d[field].is_null(), "{field}: {}", d[field]),
        }
    }
}

fn codes(d: &Value) -> Vec<String> {
    d["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn counts_levels_rates_and_penalties_in_a_department_session() {
    let env = env();
    let id = env.new_session("t-real", "财务科", "2026年11月自查", "2026-11-20");
    let step = |code: &str, status: &str, extra: &[&str]| {
        env.mark(&id, code, status, extra);
        env.show(&id)
    };

    // Nothing marked: the department session leaves out 2.1, 2.2 and 3.1; max 20.
    // 0 % would be 不合格, but base items are pending: no grade yet.
    let d = env.show(&id);
    assert_eq!(d["scope"], "department");
    assert_eq!(codes(&d), ["1.1", "1.2", "1.3", "3.2"]);
    figures(&d, (0.0, 20.0, 0.0, 0.0, 0, 4), "start");
    verdict(&d, "in_progress", "in progress", None, Some("不合格"));

    // 每少开展一次 1.5 × 3 = 4.5: 1.1 = 6 − 4.5 = 1.5 (not 4.5, as a once-only
    // deduction gave); deducted 4.5 ≥ 2 → 取消评优资格.
    let d = step("1.1", "partial", &["--deduct", "1x3"]);
    let it = item(&d, "1.1");
    assert_eq!(it["status"], "partial");
    assert_num(&it["score"], 1.5, "1.1 score");
    assert_num(&it["deducted"], 4.5, "1.1 deducted");
    assert_eq!(it["deductions"][0]["reason"], "每少开展一次");
    assert_num(&it["deductions"][0]["points"], 1.5, "points per occurrence");
    assert_eq!(it["deductions"][0]["count"], 3);
    figures(&d, (1.5, 20.0, 7.5, 4.5, 1, 4), "1.1 x3");
    assert_eq!(d["disqualified"], true);
    verdict(
        &d,
        "disqualified",
        "disqualified from awards",
        None,
        Some("不合格"),
    );

    // × 4 = 6 reaches the item's 6 points: 扣完为止, recorded as 未达标 with its reasons.
    let d = step("1.1", "partial", &["--deduct", "1x4"]);
    let it = item(&d, "1.1");
    assert_eq!(it["status"], "fail");
    assert_num(&it["score"], 0.0, "1.1 score");
    assert_eq!(it["deductions"][0]["count"], 4);
    figures(&d, (0.0, 20.0, 0.0, 6.0, 1, 4), "1.1 x4");

    // 无计划 2 alone: deducted exactly 2.0 reaches disqualify_from (inclusive).
    let d = step("1.1", "partial", &["--deduct", "2"]);
    assert_eq!(item(&d, "1.1")["deductions"][0]["count"], 1);
    figures(&d, (4.0, 20.0, 20.0, 2.0, 1, 4), "1.1 -2");
    assert_eq!(d["disqualified"], true, "2.0 is 扣2分以上");

    // One occurrence (plain N): 6 − 1.5 = 4.5; deducted 1.5 < 2.
    let d = step("1.1", "partial", &["--deduct", "1"]);
    figures(&d, (4.5, 20.0, 22.5, 1.5, 1, 4), "1.1 x1");
    verdict(&d, "in_progress", "in progress", None, Some("不合格"));

    // Levels: B = 10 × 0.66 = 6.6 (基本达标); C# = 0 (未达标); A = 10 (达标).
    let d = step("1.2", "B", &[]);
    assert_eq!(item(&d, "1.2")["level"], "B");
    assert_eq!(item(&d, "1.2")["status"], "partial");
    figures(&d, (11.1, 20.0, 55.5, 4.9, 2, 4), "1.2 B");
    let d = step("1.2", "C#", &[]);
    assert_eq!(item(&d, "1.2")["status"], "fail");
    figures(&d, (4.5, 20.0, 22.5, 11.5, 2, 4), "1.2 C#");
    let d = step("1.2", "A", &[]);
    assert_eq!(item(&d, "1.2")["status"], "pass");
    assert_eq!(item(&d, "1.2")["level"], "A");
    figures(&d, (14.5, 20.0, 72.5, 1.5, 2, 4), "1.2 A");

    // A rate: 43/50 = 86 % falls in the 80 band, −1: 1.3 = 3 (基本达标).
    let out = env.ok(["mark", &id, "1.3", "--rate", "43/50"]);
    assert!(out.starts_with("1.3 partial 3/4"), "{out}");
    let d = env.show(&id);
    let rate = &item(&d, "1.3")["rate"];
    assert_eq!(rate["numerator"], 43);
    assert_eq!(rate["denominator"], 50);
    assert_num(&rate["percent"], 86.0, "rate percent");
    figures(&d, (17.5, 20.0, 87.5, 2.5, 3, 4), "1.3 86%");

    // 90 % passes; every base item is checked now, so the grade is final
    // (the pending 负面清单 item does not hold it back): 18.5 / 20 = 92.5 % → 优秀.
    env.ok(["mark", &id, "1.3", "--rate", "90%"]);
    let d = env.show(&id);
    assert_eq!(item(&d, "1.3")["status"], "pass");
    figures(&d, (18.5, 20.0, 92.5, 1.5, 3, 4), "1.3 90%");
    verdict(&d, "graded", "优秀", Some("优秀"), None);

    // 负面清单 3.2 happened: it takes its 2 points from the total. 16.5 / 20 = 82.5 %
    // → 良好; deducted 1.5 + 2 = 3.5 → 取消评优资格.
    let d = step("3.2", "fail", &[]);
    let it = item(&d, "3.2");
    assert_eq!(it["penalty"], true);
    assert_num(&it["score"], -2.0, "3.2 score");
    assert_num(&d["penalties"], 2.0, "penalties");
    figures(&d, (16.5, 20.0, 82.5, 3.5, 4, 4), "3.2 fail");
    verdict(
        &d,
        "disqualified",
        "disqualified from awards",
        Some("良好"),
        None,
    );
    // With a counted deduction it takes 1.5 × 3 = 4.5, more than its 2 points (no cap).
    let d = step("3.2", "fail", &["--deduct", "1x3"]);
    assert_num(&d["penalties"], 4.5, "penalties");
    assert_num(&item(&d, "3.2")["score"], -4.5, "3.2 score");
    figures(&d, (14.0, 20.0, 70.0, 6.0, 4, 4), "3.2 x3");
    assert_eq!(d["grade"], "合格");
    // 无此情形: nothing taken.
    let d = step("3.2", "pass", &[]);
    assert_num(&d["penalties"], 0.0, "penalties");
    figures(&d, (18.5, 20.0, 92.5, 1.5, 4, 4), "3.2 pass");
    verdict(&d, "graded", "优秀", Some("优秀"), None);

    // list --json carries the same summary fields.
    let listed = env.ok(["list", "--json"]);
    let listed: Value = serde_json::from_str(&listed).unwrap();
    let row = &listed[0];
    for field in [
        "scope",
        "score",
        "base",
        "bonus",
        "penalties",
        "verdict",
        "verdict_text",
        "grade",
        "provisional_grade",
    ] {
        assert_eq!(row[field], d[field], "list --json {field}");
    }
}

#[test]
fn mark_refuses_what_the_rules_do_not_allow() {
    let env = env();
    let id = env.new_session("t-real", "财务科", "r", "2026-11-20");
    let before = std::fs::read(env.session_path(&id)).unwrap();
    // Names nothing or breaks a rule: exit 1.
    let err = env.fails(["mark", &id, "2.1", "pass"], 1);
    assert!(err.contains("judged once for the whole unit"), "{err}");
    let err = env.fails(["--lang", "zh", "mark", &id, "2.2", "fail"], 1);
    assert!(err.contains("由全单位统一评定"), "{err}");
    let err = env.fails(["mark", &id, "1.1", "partial", "--deduct", "2x2"], 1);
    assert!(err.contains("applied once"), "{err}");
    env.fails(["mark", &id, "1.1", "partial", "--deduct", "1x0"], 1);
    env.fails(["mark", &id, "1.1", "partial", "--deduct", "3x2"], 1);
    let err = env.fails(["mark", &id, "1.2", "b"], 1);
    assert!(err.contains("or a level: A, B, C, C#"), "{err}");
    let err = env.fails(["--lang", "zh", "mark", &id, "1.2", "b"], 1);
    assert!(err.contains("或等次：A、B、C、C#"), "{err}");
    env.fails(["mark", &id, "1.1", "B", "--deduct", "1"], 1);
    env.fails(["mark", &id, "3.2", "A"], 1);
    env.fails(["mark", &id, "3.2", "partial"], 1);
    env.fails(["mark", &id, "1.2", "--rate", "43/50"], 1);
    // Does not parse: exit 2.
    for args in [
        vec!["mark", &id, "1.3"],
        vec!["mark", &id, "1.3", "pass", "--rate", "43/50"],
        vec!["mark", &id, "1.3", "--rate", "51/50"],
        vec!["mark", &id, "1.3", "--rate", "0/0"],
        vec!["mark", &id, "1.3", "--rate", "86"],
        vec!["mark", &id, "1.1", "partial", "--deduct", "1x"],
        vec!["mark", &id, "1.1", "partial", "--deduct", "x3"],
        vec![
            "new",
            "--checklist",
            "t-real",
            "--department",
            "d",
            "--round",
            "r",
            "--scope",
            "全局",
        ],
    ] {
        let out = env.run(&args);
        out.expect_code(2);
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    assert!(
        std::fs::read(env.session_path(&id)).unwrap() == before,
        "session untouched"
    );
}

#[test]
fn a_unit_session_judges_every_item_and_shows_one_verdict() {
    let env = env();
    let id = unit_session(&env);
    let d = env.show(&id);
    assert_eq!(d["scope"], "unit");
    assert_eq!(codes(&d).len(), 7);
    figures(&d, (0.0, 30.0, 0.0, 0.0, 0, 7), "start");

    env.mark(&id, "1.1", "pass", &[]);
    env.mark(&id, "1.2", "A", &[]);
    env.ok(["mark", &id, "1.3", "--rate", "100%"]);
    // 2.1 partial with no deduction: P/2 = 5. Base 6 + 10 + 4 + 5 = 25 of 30;
    // deducted 5 → 取消评优资格. The veto item 2.2 is pending: 83.33 % is only a
    // provisional 良好.
    env.mark(&id, "2.1", "partial", &[]);
    let d = env.show(&id);
    figures(&d, (25.0, 30.0, 83.33, 5.0, 4, 7), "base");
    verdict(
        &d,
        "disqualified",
        "disqualified from awards",
        None,
        Some("良好"),
    );

    // Bonus +3 and a penalty 1.5 × 2 = 3: score 25 + 3 − 3 = 25; deducted 5 + 3 = 8.
    env.mark(&id, "3.1", "pass", &[]);
    env.mark(&id, "3.2", "fail", &["--deduct", "1x2"]);
    let d = env.show(&id);
    assert_num(&d["base"], 25.0, "base");
    assert_num(&d["bonus"], 3.0, "bonus");
    assert_num(&d["penalties"], 3.0, "penalties");
    figures(&d, (25.0, 30.0, 83.33, 8.0, 6, 7), "bonus and penalty");

    // The veto item: 一票否决 comes before 取消评优资格; the grade is final now but
    // never shown beside it.
    env.mark(&id, "2.2", "fail", &[]);
    let d = env.show(&id);
    assert_eq!(d["veto"][0], "2.2");
    verdict(&d, "veto", "vetoed", Some("良好"), None);

    let shown = env.ok(["--lang", "zh", "show", &id]);
    let header: Vec<&str> = shown.lines().take(4).collect();
    let header = header.join("\n");
    assert!(header.contains("全单位检查"), "{header}");
    assert!(header.contains("一票否决 (2.2)"), "{header}");
    assert!(
        !header.contains("良好") && !header.contains("取消评优资格"),
        "one verdict only:\n{header}"
    );
    assert!(
        header.contains("基础分 25 + 加分 3 - 负面清单 3"),
        "{header}"
    );
    let line = |code: &str| {
        shown
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no {code} in\n{shown}"))
            .to_string()
    };
    assert!(line("2.2").contains("存在"), "{shown}");
    assert!(line("3.1").contains("已加分"), "{shown}");
    assert!(
        line("3.2").contains("存在") && line("3.2").ends_with("-3"),
        "{shown}"
    );
    assert!(shown.contains("每被通报一次 x2 次 -3"), "{shown}");
    let listed = env.ok(["--lang", "zh", "list"]);
    assert!(
        listed.contains("一票否决") && !listed.contains("良好"),
        "{listed}"
    );
}

#[test]
fn penalties_never_take_the_score_below_zero() {
    let env = env();
    let id = env.new_session("t-real", "财务科", "r", "2026-11-20");
    env.mark(&id, "1.1", "fail", &[]);
    // 1.5 × 5 = 7.5 taken from a base score of 0: the score stays 0.
    env.mark(&id, "3.2", "fail", &["--deduct", "1x5"]);
    let d = env.show(&id);
    assert_num(&d["penalties"], 7.5, "penalties");
    figures(&d, (0.0, 20.0, 0.0, 13.5, 2, 4), "floor");
}

#[test]
fn a_department_session_on_wenming_danwei_walks_its_own_items() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "财务科", "r", "2026-11-20");
    let d = env.show(&id);
    // 17 department items worth 31 points (checklists/SOURCES.md).
    assert_eq!(d["total"], 17);
    assert_num(&d["max"], 31.0, "max");
    assert!(
        !codes(&d).contains(&"8.1".to_string()),
        "no veto item for a 科室"
    );
    let err = env.fails(["mark", &id, "8.1", "fail"], 1);
    assert!(err.contains("8.1"), "{err}");
    // 4.1 每有一项重点任务未完成 2 × 1 = 2: 4 − 2 = 2, and 2 points is 扣2分以上.
    env.mark(&id, "4.1", "partial", &["--deduct", "1x1"]);
    let d = env.show(&id);
    assert_num(&item(&d, "4.1")["score"], 2.0, "4.1");
    assert_eq!(d["disqualified"], true);
}
