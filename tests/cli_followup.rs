//! The rectification loop through the real binary (docs/design.md §6, §10, §11):
//! `ledger --json` exactly in the §10 shape, re-check while walking across a
//! `renamed` item, problems from outside with `P-` ids, follow-up on a finished
//! session, and `duties --json` with hand-computed losses.

mod common;

use std::collections::BTreeSet;

use common::Env;
use serde_json::Value;

/// "Today" for every run.
const NOW: &str = "2026-12-15T10:00:00+08:00";

const V1: &str = r#"Checklist(
    id: "loop-test",
    version: 1,
    title: "整改测试表",
    rules: (disqualify_from: 2.0),
    sections: [
        Section(code: "1", title: "领导班子好", items: [
            Item(code: "1.1", title: "中心组学习", points: 4.0, owners: ["办公室"],
                 deductions: [("无年度学习计划", 2.0), ("学习记录不全", 0.5)]),
            Item(code: "1.2", title: "民主生活会", points: 3.0, owners: ["工会", "办公室"],
                 deductions: [("未公开整改措施", 1.0), ("会议记录不全", 0.5)]),
            Item(code: "1.3", title: "重大事项集体决策", points: 4.0, owners: ["办公室"]),
        ]),
    ],
)
"#;

/// v2 renumbers 1.3 as 1.4.
const V2: &str = r#"Checklist(
    id: "loop-test",
    version: 2,
    title: "整改测试表",
    rules: (disqualify_from: 2.0),
    renamed: { "1.3": "1.4" },
    sections: [
        Section(code: "1", title: "领导班子好", items: [
            Item(code: "1.1", title: "中心组学习", points: 4.0, owners: ["办公室"],
                 deductions: [("无年度学习计划", 2.0), ("学习记录不全", 0.5)]),
            Item(code: "1.2", title: "民主生活会", points: 3.0, owners: ["工会", "办公室"],
                 deductions: [("未公开整改措施", 1.0), ("会议记录不全", 0.5)]),
            Item(code: "1.4", title: "重大事项集体决策", points: 4.0, owners: ["办公室"]),
        ]),
    ],
)
"#;

/// The fields of a `ledger --json` entry, exactly (docs/design.md §10).
const LEDGER_FIELDS: [&str; 23] = [
    "kind",
    "id",
    "session",
    "department",
    "checklist",
    "round",
    "date",
    "code",
    "title",
    "status",
    "owner_department",
    "owner",
    "measure",
    "due",
    "overdue",
    "rounds_open",
    "done",
    "done_at",
    "done_by",
    "done_note",
    "recheck",
    "closed",
    "source",
];

fn env() -> Env {
    Env::new()
}

fn run(env: &Env, args: &[&str]) -> common::Out {
    let output = env
        .cmd()
        .env("ZICHA_NOW", NOW)
        .args(args)
        .output()
        .expect("run zicha");
    common::Out {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
fn ok(env: &Env, args: &[&str]) -> String {
    let out = run(env, args);
    out.expect_code(0);
    out.stdout
}

#[track_caller]
fn json(env: &Env, args: &[&str]) -> Value {
    let out = ok(env, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

#[track_caller]
fn fails(env: &Env, args: &[&str], code: i32) -> String {
    let out = run(env, args);
    out.expect_code(code);
    out.stderr
}

fn new_session(env: &Env, department: &str, round: &str, date: &str, inspector: &str) -> String {
    ok(
        env,
        &[
            "new",
            "--checklist",
            "loop-test",
            "--department",
            department,
            "--round",
            round,
            "--date",
            date,
            "--inspector",
            inspector,
        ],
    )
    .trim()
    .to_string()
}

fn mark(env: &Env, session: &str, code: &str, status: &str, extra: &[&str]) {
    let mut args = vec!["mark", session, code, status];
    args.extend_from_slice(extra);
    ok(env, &args);
}

fn entries(value: &Value) -> &Vec<Value> {
    value.as_array().expect("an array")
}

fn find<'a>(all: &'a Value, session: &str, code: &str) -> &'a Value {
    entries(all)
        .iter()
        .find(|e| e["session"] == session && e["code"] == code)
        .unwrap_or_else(|| panic!("{session} {code} in {all:#}"))
}

/// October with v1: 1.1 and 1.3 to fix. Then v2 and November: 1.1 still 基本达标,
/// 1.4 (was 1.3) 达标. Returns (October, November).
fn two_rounds(env: &Env) -> (String, String) {
    env.write_checklist("loop-test.ron", V1);
    let october = new_session(env, "办公室", "2026年10月自查", "2026-10-15", "王敏");
    mark(
        env,
        &october,
        "1.1",
        "partial",
        &[
            "--deduct",
            "1",
            "--owner-department",
            "办公室",
            "--owner",
            "李明",
            "--measure",
            "补制年度学习计划",
            "--due",
            "2026-11-10",
        ],
    );
    mark(
        env,
        &october,
        "1.3",
        "fail",
        &[
            "--owner-department",
            "办公室",
            "--owner",
            "张华",
            "--due",
            "2026-11-30",
        ],
    );
    env.write_checklist("loop-test.ron", V2);
    let november = new_session(env, "办公室", "2026年11月自查", "2026-11-15", "赵强");
    mark(env, &november, "1.1", "partial", &["--deduct", "2"]);
    mark(env, &november, "1.4", "pass", &[]);
    (october, november)
}

#[test]
fn ledger_json_has_exactly_the_fields_of_the_contract_and_a_later_pass_closes_a_renamed_item() {
    let env = env();
    let (october, november) = two_rounds(&env);
    let october_file = std::fs::read(env.session_path(&october)).expect("file");
    let problem = ok(
        &env,
        &[
            "problem",
            "add",
            "--department",
            "财务科",
            "--title",
            "公示栏内容过期",
            "--source",
            "市文明办通报",
            "--date",
            "2026-12-01",
            "--owner-department",
            "财务科",
            "--owner",
            "孙丽",
            "--due",
            "2026-12-10",
        ],
    );
    let problem = problem.trim().to_string();
    assert!(problem.starts_with("P-"), "{problem}");

    let all = json(&env, &["ledger", "--all", "--json"]);
    let wanted: BTreeSet<&str> = LEDGER_FIELDS.into_iter().collect();
    for entry in entries(&all) {
        let keys: BTreeSet<&str> = entry
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, wanted, "{entry:#}");
    }
    assert_eq!(entries(&all).len(), 3);

    // 1.1: November's walk re-checked it and it stays open, one more round.
    let open_item = find(&all, &october, "1.1");
    assert_eq!(open_item["kind"], "item");
    assert_eq!(open_item["id"], Value::Null);
    assert_eq!(open_item["source"], Value::Null);
    assert_eq!(open_item["checklist"], "loop-test");
    assert_eq!(open_item["round"], "2026年10月自查");
    assert_eq!(open_item["date"], "2026-10-15");
    assert_eq!(open_item["title"], "中心组学习");
    assert_eq!(open_item["status"], "partial");
    assert_eq!(open_item["owner_department"], "办公室");
    assert_eq!(open_item["owner"], "李明");
    assert_eq!(open_item["measure"], "补制年度学习计划");
    assert_eq!(open_item["due"], "2026-11-10");
    assert_eq!(open_item["overdue"], true);
    assert_eq!(open_item["rounds_open"], 2);
    assert_eq!(open_item["done"], false);
    assert_eq!(open_item["done_at"], Value::Null);
    assert_eq!(open_item["closed"], false);
    assert_eq!(open_item["recheck"]["result"], "fail");
    assert_eq!(open_item["recheck"]["session"], november.as_str());
    assert_eq!(open_item["recheck"]["by"], "赵强");

    // 1.3 became 1.4, which November marked 达标: closed in that session.
    let closed = find(&all, &october, "1.3");
    assert_eq!(closed["closed"], true);
    assert_eq!(closed["overdue"], false);
    assert_eq!(closed["rounds_open"], 1);
    let recheck = &closed["recheck"];
    assert_eq!(recheck["result"], "pass");
    assert_eq!(recheck["session"], november.as_str());
    assert_eq!(recheck["by"], "赵强", "the later session's inspector");
    assert!(
        recheck["at"]
            .as_str()
            .unwrap_or_default()
            .starts_with("2026-11-15"),
        "the later session's date: {recheck}"
    );
    assert_eq!(
        std::fs::read(env.session_path(&october)).expect("file"),
        october_file,
        "derived when reading: the earlier file is never rewritten"
    );

    // The problem: null where it has no session.
    let outside = entries(&all)
        .iter()
        .find(|e| e["kind"] == "problem")
        .expect("problem entry");
    assert_eq!(outside["id"], problem.as_str());
    for field in [
        "session",
        "checklist",
        "round",
        "code",
        "status",
        "rounds_open",
    ] {
        assert_eq!(outside[field], Value::Null, "{field}");
    }
    assert_eq!(outside["source"], "市文明办通报");
    assert_eq!(outside["department"], "财务科");
    assert_eq!(outside["owner"], "孙丽");
    assert_eq!(outside["overdue"], true);

    // Without --all: only what is not closed.
    let open = json(&env, &["ledger", "--json"]);
    assert_eq!(entries(&open).len(), 2);
    assert!(entries(&open).iter().all(|e| e["closed"] == false));

    // show --json of October carries the derived re-check too.
    let shown = env.show(&october);
    let rect = &common::item(&shown, "1.3")["rectification"];
    assert_eq!(rect["closed"], true);
    assert_eq!(rect["recheck"]["session"], november.as_str());
    assert_eq!(rect["owner"], "张华");
    assert_eq!(
        shown["open_rectifications"], 1,
        "1.3 closed by November's walk"
    );
    let listed = json(&env, &["list", "--json"]);
    let october_row = entries(&listed)
        .iter()
        .find(|s| s["id"] == october.as_str())
        .expect("listed");
    assert_eq!(
        october_row["open_rectifications"], 1,
        "the index counts as the ledger"
    );
}

#[test]
fn problems_go_through_the_loop_by_a_unique_prefix_and_are_stored_one_file_each() {
    let env = env();
    let id = ok(
        &env,
        &[
            "problem",
            "add",
            "--department",
            "办公室",
            "--title",
            "档案未归档",
        ],
    );
    let id = id.trim().to_string();
    let uuid = id.strip_prefix("P-").expect("P- id");
    let file = env.data.join("problems").join(format!("{uuid}.ron"));
    let text = std::fs::read_to_string(&file).expect("problems/<uuid>.ron");
    assert!(text.contains("title: \"档案未归档\""), "{text}");

    let prefix = format!("P-{}", &uuid[..13]);
    let out = ok(
        &env,
        &[
            "--lang",
            "zh",
            "rectify",
            &prefix,
            "--done",
            "--note",
            "已归档",
        ],
    );
    assert!(out.contains("待复查"), "{out}");
    ok(
        &env,
        &[
            "recheck",
            &prefix,
            "--fail",
            "--note",
            "目录不全",
            "--by",
            "王敏",
        ],
    );
    let open = json(&env, &["ledger", "--json"]);
    assert_eq!(open[0]["recheck"]["result"], "fail");
    assert_eq!(open[0]["done"], true, "a failed re-check keeps done");
    ok(
        &env,
        &["recheck", &id.to_lowercase(), "--pass", "--by", "王敏"],
    );
    assert!(entries(&json(&env, &["ledger", "--json"])).is_empty());
    let text = std::fs::read_to_string(&file).expect("file");
    assert!(text.contains("result: pass"), "{text}");

    // Names that resolve to nothing, and mixing a problem with a code.
    let missing = fails(&env, &["recheck", "P-ffff", "--pass"], 1);
    assert!(missing.contains("no problem matches"), "{missing}");
    let with_code = fails(&env, &["rectify", &id, "1.1", "--done"], 1);
    assert!(with_code.contains("no item code"), "{with_code}");
    fails(
        &env,
        &[
            "problem",
            "add",
            "--department",
            "办公室",
            "--title",
            "x",
            "--due",
            "2026-02-30",
        ],
        2,
    );
    fails(&env, &["recheck", &id], 2);
}

#[test]
fn follow_up_on_a_finished_session_records_who_and_when_and_keeps_its_figures() {
    let env = env();
    let (october, _) = two_rounds(&env);
    ok(&env, &["finish", &october]);
    let before = env.show(&october);
    let without_code = fails(&env, &["rectify", &october, "--done"], 1);
    assert!(
        without_code.contains("give the item code"),
        "{without_code}"
    );
    let no_rect = fails(&env, &["recheck", &october, "1.2", "--pass"], 1);
    assert!(no_rect.contains("no rectification"), "{no_rect}");
    ok(
        &env,
        &[
            "rectify",
            &october,
            "1.1",
            "--done",
            "--note",
            "-已补 计划",
            "--by",
            "李明",
        ],
    );
    let after = env.show(&october);
    for key in [
        "score", "max", "deducted", "checked", "verdict", "finished", "seq",
    ] {
        if key == "seq" {
            assert_ne!(after[key], before[key], "saved");
        } else {
            assert_eq!(after[key], before[key], "{key}");
        }
    }
    let item = common::item(&after, "1.1");
    assert_eq!(item["status"], "partial");
    let rect = &item["rectification"];
    assert_eq!(rect["done_by"], "李明");
    assert_eq!(rect["done_at"], NOW);
    assert_eq!(rect["done_note"], "-已补 计划");

    // A due date alone makes a rectification (docs/design.md §10).
    ok(&env, &["reopen", &october]);
    mark(&env, &october, "1.2", "fail", &["--due", "2026-12-31"]);
    let due_only = env.show(&october);
    let rect = &common::item(&due_only, "1.2")["rectification"];
    assert_eq!(
        (rect["due"].as_str(), rect["owner"].as_str()),
        (Some("2026-12-31"), Some(""))
    );
}

/// Losses worked out by hand. 办公室 leads 1.1 and 1.3; 工会 leads 1.2.
/// November: 办公室's session loses 2.0 on 1.1 (its first deduction) — exactly the
/// threshold, so 取消评优资格 — and 1.2 failing there is 工会's item in another
/// department's session: not counted. 工会's session loses 1.0 + 0.5 = 1.5 on 1.2:
/// below 2.0.
#[test]
fn duties_json_sums_what_each_lead_department_lost_in_its_own_session() {
    let env = env();
    env.write_checklist("loop-test.ron", V1);
    let old_office = new_session(&env, "办公室", "2026年10月自查", "2026-10-15", "王敏");
    mark(&env, &old_office, "1.1", "fail", &[]);
    let office = new_session(&env, "办公室", "2026年11月自查", "2026-11-15", "王敏");
    mark(&env, &office, "1.1", "partial", &["--deduct", "1"]);
    mark(&env, &office, "1.2", "fail", &[]);
    mark(&env, &office, "1.3", "pass", &["--owner", "李明"]);
    let union = new_session(&env, "工会", "2026年11月自查", "2026-11-16", "王敏");
    mark(
        &env,
        &union,
        "1.2",
        "partial",
        &["--deduct", "1", "--deduct", "2"],
    );

    let duties = json(&env, &["duties", "--json"]);
    let by_name = |name: &str| -> &Value {
        entries(&duties)
            .iter()
            .find(|d| d["department"] == name)
            .unwrap_or_else(|| panic!("{name} in {duties:#}"))
    };
    let office_duty = by_name("办公室");
    assert_eq!(office_duty["items"], 2);
    assert_eq!(office_duty["lost"], 2.0);
    assert_eq!(office_duty["disqualified"], true);
    assert_eq!(
        office_duty["open_rectifications"], 1,
        "1.3's, which it leads"
    );
    let details = office_duty["details"].as_array().expect("details");
    assert_eq!(details.len(), 1);
    assert_eq!(details[0]["session"], office.as_str());
    assert_eq!(details[0]["code"], "1.1");
    assert_eq!(details[0]["title"], "中心组学习");
    assert_eq!(details[0]["lost"], 2.0);
    let union_duty = by_name("工会");
    assert_eq!(union_duty["items"], 1);
    assert_eq!(union_duty["lost"], 1.5);
    assert_eq!(union_duty["disqualified"], false);
    assert_eq!(union_duty["details"][0]["session"], union.as_str());
    let keys: BTreeSet<&str> = office_duty
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "department",
            "items",
            "lost",
            "open_rectifications",
            "disqualified",
            "details"
        ])
    );

    // An older round by name: 办公室 lost all of 1.1 (4 points) then.
    let october = json(&env, &["duties", "--round", "2026年10月自查", "--json"]);
    let office_then = entries(&october)
        .iter()
        .find(|d| d["department"] == "办公室")
        .expect("办公室");
    assert_eq!(office_then["lost"], 4.0);
    let missing = fails(&env, &["duties", "--round", "2025年"], 1);
    assert!(missing.contains("no round"), "{missing}");

    let text = ok(&env, &["--lang", "zh", "duties"]);
    assert!(
        text.contains("责任分解") && text.contains("取消评优资格"),
        "{text}"
    );
}

/// Problems travel in bundles and merge on import like sessions: a new one is
/// added, an unchanged one stays, and two offices' re-checks of one problem are
/// both kept.
#[test]
fn problems_travel_in_bundles_and_concurrent_rechecks_merge() {
    let here = env();
    let there = env();
    let id = ok(
        &here,
        &[
            "problem",
            "add",
            "--department",
            "办公室",
            "--title",
            "宣传栏破损",
            "--source",
            "测评反馈",
        ],
    );
    let id = id.trim().to_string();
    let bundle = here.root.path().join("b.zip");
    let bundle = bundle.to_str().expect("path");
    let out = ok(&here, &["bundle", "-o", bundle]);
    assert!(out.contains("Problem 1"), "{out}");

    let imported = json(&there, &["import", bundle, "--json"]);
    assert_eq!(imported["outside"][0]["id"], id.as_str());
    assert_eq!(imported["outside"][0]["outcome"], "added");
    let again = json(&there, &["import", bundle, "--json"]);
    assert_eq!(again["outside"][0]["outcome"], "unchanged");

    ok(
        &here,
        &[
            "recheck",
            &id,
            "--fail",
            "--note",
            "仍有破损",
            "--by",
            "王敏",
        ],
    );
    ok(
        &there,
        &["rectify", &id, "--done", "--note", "已更换", "--by", "李明"],
    );
    let back = there.root.path().join("back.zip");
    let back = back.to_str().expect("path");
    ok(&there, &["bundle", "-o", back]);
    let merged = json(&here, &["import", back, "--json"]);
    assert_eq!(merged["outside"][0]["outcome"], "merged");
    let entry = &json(&here, &["ledger", "--json"])[0];
    assert_eq!(entry["done_by"], "李明", "theirs: the done report");
    assert_eq!(
        entry["recheck"]["result"], "fail",
        "ours: the failed re-check"
    );

    // A whole data folder brings its problems too.
    let third = env();
    let folder = here.data.to_str().expect("path");
    let from_folder = json(&third, &["import", folder, "--json"]);
    assert_eq!(from_folder["outside"][0]["outcome"], "added");
    assert_eq!(entries(&json(&third, &["ledger", "--json"])).len(), 1);
}
