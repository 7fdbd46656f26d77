//! The 台账 deadlines through the real binary (docs/design.md §14): `activity list
//! --json` and `deadlines --json` with late flags computed by hand below, the clock
//! pinned by ZICHA_NOW, the activity ledger export, and clear errors.

mod common;

use common::{Env, Out};
use serde_json::{Value, json};

/// "Today" for every run: Friday 2026-11-20, in the second half of November.
const NOW: &str = "2026-11-20T10:00:00+08:00";

const UNIT: &str = r#"Unit(
    name: "某某市城市管理局",
    departments: ["办公室", "党群室", "财务科", "法制规划科"],
    report_within_days: 3,
    monthly_report_day: 20,
    inspection: "half-month",
)
"#;

fn run(env: &Env, args: &[&str]) -> Out {
    let output = env
        .cmd()
        .env("ZICHA_NOW", NOW)
        .args(args)
        .output()
        .expect("run zicha");
    Out {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn ok(env: &Env, args: &[&str]) -> String {
    let out = run(env, args);
    out.expect_code(0);
    out.stdout
}

fn add(env: &Env, title: &str, date: &str, department: &str) -> String {
    let id = ok(
        env,
        &[
            "activity",
            "add",
            "--title",
            title,
            "--date",
            date,
            "--department",
            department,
            "--kind",
            "道德讲堂",
            "--participants",
            "30",
        ],
    );
    id.trim().to_string()
}

/// Five activities; due = date + 3 days. Late by hand, today 2026-11-20:
/// - E 10-28, nothing in: due 10-31, missing after it → late;
/// - A 11-03, in 11-05 / 11-06: due 11-06, both by then → on time;
/// - B 11-10, in 11-12 / 11-14: due 11-13, paper a day after → late;
/// - D 11-12, electronic 11-13 only: due 11-15, paper missing → late;
/// - C 11-18, nothing in: due 11-21, not yet → due, not late.
fn ledger(env: &Env) -> [String; 5] {
    std::fs::create_dir_all(&env.data).unwrap();
    std::fs::write(env.data.join("unit.ron"), UNIT).unwrap();
    let e = add(env, "十月志愿服务", "2026-10-28", "办公室");
    let a = add(env, "道德讲堂", "2026-11-03", "党群室");
    let b = add(env, "志愿服务", "2026-11-10", "办公室");
    let d = add(env, "读书会", "2026-11-12", "法制规划科");
    let c = add(env, "我们的节日", "2026-11-18", "财务科");
    let report = |id: &str, extra: &[&str]| {
        let mut args = vec!["activity", "report", id];
        args.extend_from_slice(extra);
        ok(env, &args);
    };
    report(&a, &["--electronic", "2026-11-05", "--paper", "2026-11-06"]);
    report(&b, &["--electronic", "2026-11-12"]);
    report(&b, &["--paper", "2026-11-14"]);
    report(&d, &["--electronic", "2026-11-13"]);
    [e, a, b, d, c]
}

fn titles_and_late(list: &Value) -> Vec<(String, bool)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap().to_string(),
                a["late"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn activity_list_json_carries_due_days_and_hand_computed_late_flags() {
    let env = Env::new();
    let [e, _, b, ..] = ledger(&env);
    let list: Value = serde_json::from_str(&ok(&env, &["activity", "list", "--json"])).unwrap();
    let pairs = |list: &Value| titles_and_late(list);
    assert_eq!(
        pairs(&list),
        [
            ("十月志愿服务".to_string(), true),
            ("道德讲堂".to_string(), false),
            ("志愿服务".to_string(), true),
            ("读书会".to_string(), true),
            ("我们的节日".to_string(), false),
        ]
    );
    let first = &list[0];
    assert_eq!(first["id"], json!(e));
    assert_eq!(first["due"], json!("2026-10-31"));
    assert_eq!(first["electronic"], Value::Null);
    assert_eq!(first["department"], json!("办公室"));
    assert_eq!(first["kind"], json!("道德讲堂"));
    assert_eq!(first["participants"], json!(30));
    let second_late = &list[2];
    assert_eq!(second_late["id"], json!(b));
    assert_eq!(second_late["due"], json!("2026-11-13"));
    assert_eq!(second_late["electronic"], json!("2026-11-12"));
    assert_eq!(second_late["paper"], json!("2026-11-14"));
    let november: Value = serde_json::from_str(&ok(
        &env,
        &["activity", "list", "--month", "2026-11", "--late", "--json"],
    ))
    .unwrap();
    assert_eq!(
        pairs(&november),
        [("志愿服务".to_string(), true), ("读书会".to_string(), true)]
    );
}

#[test]
fn deadlines_json_lists_what_is_due_late_and_not_inspected() {
    let env = Env::new();
    let [_, _, _, _, c] = ledger(&env);
    // 办公室 was inspected this half (11-17); 党群室 only in the first half (11-10).
    let office = env.new_session("wenming-keshi", "办公室", "2026年11月下半月", "2026-11-17");
    env.new_session("wenming-keshi", "党群室", "2026年11月上半月", "2026-11-10");
    for (code, due) in [
        ("1.1", "2026-11-18"),
        ("1.2", "2026-11-25"),
        ("1.3", "2026-12-10"),
    ] {
        ok(
            &env,
            &[
                "mark", &office, code, "fail", "--owner", "张三", "--due", due,
            ],
        );
    }
    let deadlines: Value = serde_json::from_str(&ok(&env, &["deadlines", "--json"])).unwrap();
    assert_eq!(deadlines["month"], json!("2026-11"));
    assert_eq!(deadlines["monthly_report_due"], json!("2026-11-20"));
    assert_eq!(
        deadlines["period"],
        json!({"from": "2026-11-16", "to": "2026-11-30"})
    );
    assert_eq!(
        deadlines["not_inspected"],
        json!(["党群室", "财务科", "法制规划科"])
    );
    assert_eq!(
        titles_and_late(&deadlines["activities_late"]),
        [
            ("十月志愿服务".to_string(), true),
            ("志愿服务".to_string(), true),
            ("读书会".to_string(), true),
        ]
    );
    let due = deadlines["activities_due"].as_array().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["id"], json!(c));
    assert_eq!(due[0]["late"], json!(false));
    // Due within 7 days (by 11-27) or overdue: 1.1 overdue, 1.2 due; 1.3 later.
    let rectifications: Vec<(String, bool)> = deadlines["rectifications_due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_string(),
                r["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rectifications,
        [("1.1".to_string(), true), ("1.2".to_string(), false)]
    );

    // A past month is judged on its last half; only its own late activity shows.
    let october: Value =
        serde_json::from_str(&ok(&env, &["deadlines", "--month", "2026-10", "--json"])).unwrap();
    assert_eq!(october["monthly_report_due"], json!("2026-10-20"));
    assert_eq!(
        october["period"],
        json!({"from": "2026-10-16", "to": "2026-10-31"})
    );
    assert_eq!(october["not_inspected"].as_array().unwrap().len(), 4);
    assert_eq!(
        titles_and_late(&october["activities_late"]),
        [("十月志愿服务".to_string(), true)]
    );
    assert_eq!(october["activities_due"], json!([]));
}

#[test]
fn the_activity_ledger_exports_as_csv_and_xlsx() {
    let env = Env::new();
    ledger(&env);
    ok(
        &env,
        &[
            "activity", "export", "--format", "csv", "--month", "2026-11", "-o", "t.csv",
        ],
    );
    let csv = std::fs::read_to_string(env.cwd.join("t.csv")).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Date,Activity,Department,People,Handed in (electronic/paper),Late,Material/attachments"
    );
    assert_eq!(
        lines[1],
        "2026-11-03,道德讲堂,党群室,30,2026-11-05 / 2026-11-06,no,"
    );
    assert_eq!(
        lines[2],
        "2026-11-10,志愿服务,办公室,30,2026-11-12 / 2026-11-14,yes,"
    );
    assert_eq!(lines.len(), 6, "4 activities, a header and the last CRLF");
    let out = env
        .cmd()
        .env("ZICHA_NOW", NOW)
        .env("ZICHA_LANG", "zh")
        .args(["activity", "export", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let xlsx = std::fs::read(env.cwd.join("创建活动台账.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"));
    // Never over an existing file without --force.
    let again = run(
        &env,
        &[
            "activity", "export", "--format", "csv", "--month", "2026-11", "-o", "t.csv",
        ],
    );
    again.expect_code(1);
}

#[test]
fn bad_input_gets_clear_errors() {
    let env = Env::new();
    let [_, _, _, _, c] = ledger(&env);
    let no_date = run(
        &env,
        &[
            "activity",
            "add",
            "--title",
            "t",
            "--date",
            "2026-02-30",
            "--department",
            "办公室",
        ],
    );
    no_date.expect_code(2);
    assert!(
        no_date.stderr.contains("\"2026-02-30\" is not a date"),
        "{}",
        no_date.stderr
    );
    let bad_month = run(&env, &["deadlines", "--month", "2026-13"]);
    bad_month.expect_code(2);
    assert!(
        bad_month.stderr.contains("is not a month"),
        "{}",
        bad_month.stderr
    );

    // Neither copy named: a usage error.
    run(&env, &["activity", "report", &c]).expect_code(2);
    let unknown = run(
        &env,
        &["activity", "report", "ffffffff", "--paper", "2026-11-20"],
    );
    unknown.expect_code(1);
    assert!(
        unknown.stderr.contains("no activity matches \"ffffffff\""),
        "{}",
        unknown.stderr
    );

    let early = run(&env, &["activity", "report", &c, "--paper", "2026-11-17"]);
    early.expect_code(1);
    assert!(
        early
            .stderr
            .contains("handed in on 2026-11-17 is dated before the activity (2026-11-18)"),
        "{}",
        early.stderr
    );
    let zh = env
        .cmd()
        .env("ZICHA_NOW", NOW)
        .env("ZICHA_LANG", "zh")
        .args(["activity", "report", &c, "--paper", "2026-11-17"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&zh.stderr);
    assert!(
        stderr.contains("材料报送日期 2026-11-17 早于活动日期 2026-11-18"),
        "{stderr}"
    );

    let twice = UNIT.replace("\"法制规划科\"]", "\"法制规划科\", \"党群室\"]");
    std::fs::write(env.data.join("unit.ron"), twice).unwrap();
    let located = run(&env, &["deadlines"]);
    located.expect_code(1);
    let path = env.data.join("unit.ron").display().to_string();
    assert_eq!(
        located.stderr.trim(),
        format!("{path}:3:49: department \"党群室\" is named twice (at 2 and 5)")
    );
    // The profile is left byte for byte for the user to repair.
    assert!(
        std::fs::read_to_string(env.data.join("unit.ron"))
            .unwrap()
            .contains("\"党群室\"]")
    );
}

#[test]
fn two_inspectors_activity_records_merge_through_import() {
    let here = Env::new();
    let there = Env::new();
    let id = add(&here, "道德讲堂", "2026-11-16", "党群室");
    ok(
        &here,
        &["activity", "report", &id, "--electronic", "2026-11-17"],
    );
    let data = |env: &Env| env.data.display().to_string();
    let first: Value =
        serde_json::from_str(&ok(&there, &["import", &data(&here), "--json"])).unwrap();
    assert_eq!(first["activities"][0]["outcome"], json!("added"));
    // Each records what they saw: the paper copy here, a second activity there.
    ok(&here, &["activity", "report", &id, "--paper", "2026-11-19"]);
    add(&there, "志愿服务", "2026-11-18", "办公室");
    let merged: Value =
        serde_json::from_str(&ok(&there, &["import", &data(&here), "--json"])).unwrap();
    assert_eq!(merged["activities"][0]["outcome"], json!("merged"));
    ok(&here, &["import", &data(&there)]);
    let list = |env: &Env| -> Value {
        serde_json::from_str(&ok(env, &["activity", "list", "--json"])).unwrap()
    };
    assert_eq!(
        list(&here),
        list(&there),
        "both folders hold the same ledger"
    );
    let lecture = &list(&here)[0];
    assert_eq!(lecture["electronic"], json!("2026-11-17"));
    assert_eq!(lecture["paper"], json!("2026-11-19"));
    assert_eq!(list(&here).as_array().unwrap().len(), 2);
    let again: Value =
        serde_json::from_str(&ok(&there, &["import", &data(&here), "--json"])).unwrap();
    assert!(
        again["activities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["outcome"] == json!("unchanged")),
        "{again}"
    );
}

/// Round documents take the unit's name and its department order from unit.ron when
/// neither `--unit` nor `ZICHA_UNIT` names the unit.
#[test]
fn round_documents_follow_the_unit_profile() {
    let env = Env::new();
    std::fs::create_dir_all(&env.data).unwrap();
    std::fs::write(env.data.join("unit.ron"), UNIT).unwrap();
    let round = "2026年11月下半月自查";
    // Created in the opposite of the profile's order (and of pinyin order).
    for department in ["法制规划科", "财务科", "党群室", "办公室"] {
        env.new_session("wenming-keshi", department, round, "2026-11-18");
    }
    let out = env.cwd.join("round.md");
    let path = out.display().to_string();
    let md = run(
        &env,
        &["export", "--round", round, "--format", "md", "-o", &path],
    );
    md.expect_code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("某某市城市管理局"), "{text}");
    let at = |name: &str| text.find(name).unwrap_or(usize::MAX);
    let order = ["办公室", "党群室", "财务科", "法制规划科"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{text}");

    let named = env
        .cmd()
        .env("ZICHA_NOW", NOW)
        .env("ZICHA_UNIT", "另一个单位")
        .args([
            "export", "--round", round, "--format", "md", "--force", "-o", &path,
        ])
        .output()
        .expect("run zicha");
    assert!(named.status.success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("另一个单位") && !text.contains("某某市城市管理局"));
}
