//! Rounds through the real binary: `compare` with hand-computed classes and deltas
//! across two checklist versions (the old version only in the archive), the prior
//! session chosen within one department, `show --json` re-check marks, and the
//! rectification ledger with `rectify --done`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};

/// "Today" for every run: 2026-12-15.
const NOW: &str = "2026-12-15T10:00:00+08:00";

const CHECKLIST_V1: &str = r#"Checklist(
    id: "rounds-test",
    version: 1,
    title: "轮次测试表",
    rules: (disqualify_over: 2.0, grades: [(90.0, "优秀"), (60.0, "合格"), (0.0, "不合格")]),
    sections: [
        Section(code: "1", title: "领导班子好", items: [
            Item(code: "1.1", title: "中心组学习", points: 4.0,
                 deductions: [("无年度学习计划", 2.0), ("学习记录不全", 1.0)]),
            Item(code: "1.2", title: "民主生活会", points: 3.0),
            Item(code: "1.3", title: "重大事项集体决策", points: 4.0),
            Item(code: "1.5", title: "廉政谈话", points: 3.0),
        ]),
        Section(code: "2", title: "办公环境好", items: [
            Item(code: "2.1", title: "窗明几净", points: 5.0),
            Item(code: "2.2", title: "绿化美观", points: 2.0),
            Item(code: "2.3", title: "制度上墙", points: 2.0),
            Item(code: "2.5", title: "物品整齐", points: 1.0),
        ]),
    ],
)
"#;

/// v2: 1.3 is renumbered 1.4, 2.3 is dropped, 2.4 is new.
const CHECKLIST_V2: &str = r#"Checklist(
    id: "rounds-test",
    version: 2,
    title: "轮次测试表",
    rules: (disqualify_over: 2.0, grades: [(90.0, "优秀"), (60.0, "合格"), (0.0, "不合格")]),
    renamed: { "1.3": "1.4" },
    sections: [
        Section(code: "1", title: "领导班子好", items: [
            Item(code: "1.1", title: "中心组学习", points: 4.0,
                 deductions: [("无年度学习计划", 2.0), ("学习记录不全", 1.0)]),
            Item(code: "1.2", title: "民主生活会", points: 3.0),
            Item(code: "1.4", title: "重大事项集体决策", points: 4.0),
            Item(code: "1.5", title: "廉政谈话", points: 3.0),
        ]),
        Section(code: "2", title: "办公环境好", items: [
            Item(code: "2.1", title: "窗明几净", points: 5.0),
            Item(code: "2.2", title: "绿化美观", points: 2.0),
            Item(code: "2.4", title: "垃圾分类", points: 3.0),
            Item(code: "2.5", title: "物品整齐", points: 1.0),
        ]),
    ],
)
"#;

struct Data {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Data {
    fn new() -> Data {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("data");
        Data { _dir: dir, root }
    }

    fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_zicha"))
            .arg("--data-dir")
            .arg(&self.root)
            .args(args)
            .env("ZICHA_NOW", NOW)
            .env_remove("ZICHA_DATA_DIR")
            .env_remove("ZICHA_LANG")
            .output()
            .expect("run zicha");
        let run = Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run
    }

    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(
            run.code,
            Some(0),
            "zicha {args:?}\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
        run.stdout
    }

    #[track_caller]
    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    }

    #[track_caller]
    fn fails(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, Some(1), "zicha {args:?}\nstdout:\n{}", run.stdout);
        run.stderr
    }

    fn checklists(&self) -> PathBuf {
        self.root.join("checklists")
    }

    fn new_session(&self, department: &str, round: &str, date: &str) -> String {
        let out = self.ok(&[
            "new",
            "--checklist",
            "rounds-test",
            "--department",
            department,
            "--round",
            round,
            "--date",
            date,
            "--inspector",
            "王敏",
        ]);
        out.trim().to_string()
    }

    fn mark(&self, session: &str, code: &str, status: &str, extra: &[&str]) {
        let mut args = vec!["mark", session, code, status];
        args.extend_from_slice(extra);
        self.ok(&args);
    }
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write checklist");
}

/// Round 1 with v1 (办公室 and 党群科), then v1 removed from the user folder and
/// round 2 of 办公室 with v2. Returns (office round 1, party round 1, office round 2).
fn two_rounds(data: &Data) -> (String, String, String) {
    let v1_file = data.checklists().join("rounds-test.ron");
    write(&v1_file, CHECKLIST_V1);

    let office_1 = data.new_session("办公室", "2026年10月自查", "2026-10-15");
    data.mark(
        &office_1,
        "1.1",
        "partial",
        &["--deduct", "1", "--owner", "李明", "--due", "2026-11-30"],
    );
    data.mark(
        &office_1,
        "1.2",
        "fail",
        &["--owner", "张华", "--due", "2026-12-31"],
    );
    data.mark(&office_1, "1.3", "fail", &[]);
    data.mark(&office_1, "2.1", "pass", &[]);
    data.mark(&office_1, "2.2", "na", &[]);
    data.mark(&office_1, "2.3", "pass", &[]);
    data.mark(&office_1, "2.5", "pass", &[]);

    // Another department, dated between the two office rounds: never the office's prior.
    let party_1 = data.new_session("党群科", "2026年10月自查", "2026-10-20");
    data.mark(
        &party_1,
        "1.1",
        "fail",
        &["--owner", "赵强", "--due", "2026-12-01"],
    );
    data.mark(&party_1, "2.1", "pass", &[]);

    fs::remove_file(&v1_file).expect("remove v1");
    write(&data.checklists().join("rounds-test-v2.ron"), CHECKLIST_V2);

    let office_2 = data.new_session("办公室", "2026年11月自查", "2026-11-15");
    data.mark(&office_2, "1.1", "partial", &["--deduct", "2"]);
    data.mark(&office_2, "1.2", "partial", &[]);
    data.mark(&office_2, "1.4", "pass", &[]);
    data.mark(
        &office_2,
        "1.5",
        "fail",
        &["--owner", "钱进", "--due", "2027-01-15"],
    );
    data.mark(&office_2, "2.1", "partial", &[]);
    data.mark(&office_2, "2.2", "pass", &[]);
    data.mark(&office_2, "2.4", "pass", &[]);
    data.mark(&office_2, "2.5", "pass", &[]);
    (office_1, party_1, office_2)
}

fn item<'a>(items: &'a Value, code: &str) -> &'a Value {
    items
        .as_array()
        .and_then(|items| items.iter().find(|item| item["code"] == code))
        .unwrap_or_else(|| panic!("no item {code} in {items:#}"))
}

#[test]
fn compare_across_versions_matches_hand_computed_classes_and_deltas() {
    let data = Data::new();
    let (office_1, _party_1, office_2) = two_rounds(&data);
    assert!(!data.checklists().join("rounds-test.ron").exists());
    let archived = fs::read_dir(data.root.join("archive"))
        .expect("archive")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("rounds-test-v1-")
        })
        .count();
    assert_eq!(archived, 1, "v1 lives on in the archive");

    let c = data.json(&["compare", &office_2, "--json"]);
    assert_eq!(c["current"], office_2.as_str());
    assert_eq!(
        c["prior"],
        office_1.as_str(),
        "the office's round 1, not 党群科's"
    );

    // Prior (v1): 1.1 partial −2 → 2; 1.2 fail 0; 1.3 fail 0; 1.5 pending; 2.1 pass 5;
    // 2.2 na; 2.3 pass 2; 2.5 pass 1. Score 2+0+0+5+2+1 = 10.
    // Max 4+3+4+3+5+2+1 = 22 (2.2 na left out; pending 1.5 counts). 10/22 = 45.45%.
    // Deducted over checked items: (4−2)+(3−0)+(4−0) = 9 > 2 → disqualified.
    let prior = &c["prior_summary"];
    assert_eq!(prior["id"], office_1.as_str());
    assert_eq!(prior["checklist_version"], 1);
    assert_eq!(prior["score"], 10.0);
    assert_eq!(prior["max"], 22.0);
    assert_eq!(prior["percent"], 45.45);
    assert_eq!(prior["deducted"], 9.0);
    assert_eq!(prior["disqualified"], true);
    // 1.5 is pending: the grade is only provisional (DESIGN §4).
    assert!(prior["grade"].is_null(), "{}", prior["grade"]);
    assert_eq!(prior["provisional_grade"], "不合格");
    assert_eq!(prior["verdict"], "disqualified");

    // Current (v2): 1.1 partial −1 → 3; 1.2 partial, no deduction → 1.5; 1.4 pass 4;
    // 1.5 fail 0; 2.1 partial → 2.5; 2.2 pass 2; 2.4 pass 3; 2.5 pass 1.
    // Score 3+1.5+4+0+2.5+2+3+1 = 17. Max 4+3+4+3+5+2+3+1 = 25. 17/25 = 68%.
    // Deducted 1+1.5+0+3+2.5 = 8.
    let current = &c["current_summary"];
    assert_eq!(current["checklist_version"], 2);
    assert_eq!(current["score"], 17.0);
    assert_eq!(current["max"], 25.0);
    assert_eq!(current["percent"], 68.0);
    assert_eq!(current["deducted"], 8.0);
    assert_eq!(current["grade"], "合格");

    // 17 − 10 = 7 points; 68 − 45.4545… = 22.5454… → 22.55 percent points.
    assert_eq!(c["score_delta"], 7.0);
    assert_eq!(c["percent_delta"], 22.55);

    let items = &c["items"];
    let expected = [
        // code, prior, current, delta, class
        ("1.1", json!("partial"), json!("partial"), 1.0, "improved"), // 2 → 3
        ("1.2", json!("fail"), json!("partial"), 1.5, "improved"),    // 0 → 1.5
        ("1.4", json!("fail"), json!("pass"), 4.0, "improved"),       // was 1.3: 0 → 4
        ("1.5", json!("pending"), json!("fail"), 0.0, "newly_checked"), // – → 0
        ("2.1", json!("pass"), json!("partial"), -2.5, "regressed"),  // 5 → 2.5
        ("2.2", json!("na"), json!("pass"), 2.0, "changed"),          // – → 2
        ("2.4", json!(null), json!("pass"), 3.0, "added"),            // – → 3
        ("2.5", json!("pass"), json!("pass"), 0.0, "unchanged"),      // 1 → 1
        ("2.3", json!("pass"), json!(null), -2.0, "removed"),         // 2 → –
    ];
    let codes: Vec<&str> = items
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    let expected_codes: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(codes, expected_codes, "checklist order, removed last");
    for (code, prior, current, delta, class) in expected {
        let found = item(items, code);
        assert_eq!(found["prior"], prior, "{code}");
        assert_eq!(found["current"], current, "{code}");
        assert_eq!(found["delta"], delta, "{code}");
        assert_eq!(found["class"], class, "{code}");
    }
    assert_eq!(item(items, "1.4")["renamed_from"], "1.3");
    assert_eq!(item(items, "1.1")["renamed_from"], Value::Null);
    // Deltas add up to the score change: 1+1.5+4+0−2.5+2+3+0−2 = 7.
    let sum: f64 = items
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["delta"].as_f64())
        .sum();
    assert!((sum - 7.0).abs() < 1e-9, "{sum}");
    assert_eq!(
        c["counts"],
        json!({"improved": 3, "regressed": 1, "unchanged": 1, "changed": 1,
               "newly_checked": 1, "added": 1, "removed": 1})
    );

    // Naming the prior explicitly gives the same comparison.
    assert_eq!(data.json(&["compare", &office_2, &office_1, "--json"]), c);
}

#[test]
fn compare_text_puts_regressions_first_and_no_prior_is_an_error() {
    let data = Data::new();
    let (office_1, party_1, office_2) = two_rounds(&data);
    let text = data.ok(&["--lang", "en", "compare", &office_2]);
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("Code"))
        .skip(1)
        .collect();
    assert!(
        rows[0].starts_with("2.1 ") && rows[0].ends_with("regressed"),
        "{text}"
    );
    assert!(
        rows[1].starts_with("1.1 ") && rows[1].ends_with("improved"),
        "{text}"
    );
    assert!(text.contains("1.4 (was 1.3)"), "{text}");
    assert!(
        text.contains("10/22 (45.5%)") && text.contains("17/25 (68.0%)"),
        "{text}"
    );
    assert!(text.contains("+7 (+22.55%)"), "{text}");

    // Errors follow --lang: Chinese by default, English on request.
    let error = data.fails(&["compare", &office_1]);
    assert!(
        error.starts_with("错误：") && error.contains("没有上一轮"),
        "{error}"
    );
    let error = data.fails(&["--lang", "en", "compare", &party_1]);
    assert!(
        error.starts_with("error: ") && error.contains("has no prior session"),
        "{error}"
    );
}

#[test]
fn show_json_marks_items_to_recheck_from_the_prior_round() {
    let data = Data::new();
    let (office_1, _party_1, office_2) = two_rounds(&data);
    let shown = data.json(&["show", &office_2, "--json"]);
    let recheck: Vec<&str> = shown["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["recheck"] == true)
        .filter_map(|i| i["code"].as_str())
        .collect();
    // Prior problems: 1.1 partial, 1.2 fail, 1.3 fail (now 1.4); 2.x passed or na.
    assert_eq!(recheck, ["1.1", "1.2", "1.4"]);
    let first = data.json(&["show", &office_1, "--json"]);
    assert!(
        first["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["recheck"] == false),
        "round 1 has no prior"
    );
}

#[test]
fn ledger_lists_open_rectifications_and_rectify_closes_one() {
    let data = Data::new();
    let (office_1, party_1, office_2) = two_rounds(&data);

    // Today is 2026-12-15. Sorted by due date. Rounds open: the office's 1.1 and 1.2
    // are still partial in round 2 → 2; the others have no later session → 1.
    let open = data.json(&["ledger", "--json"]);
    let rows: Vec<(String, String, String, bool, u64)> = open
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            (
                e["session"].as_str().unwrap_or_default().to_string(),
                e["code"].as_str().unwrap_or_default().to_string(),
                e["owner"].as_str().unwrap_or_default().to_string(),
                e["overdue"].as_bool().unwrap_or_default(),
                e["rounds_open"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let row = |session: &str, code: &str, owner: &str, overdue, rounds| {
        (
            session.to_string(),
            code.to_string(),
            owner.to_string(),
            overdue,
            rounds,
        )
    };
    assert_eq!(
        rows,
        [
            row(&office_1, "1.1", "李明", true, 2),  // due 2026-11-30
            row(&party_1, "1.1", "赵强", true, 1),   // due 2026-12-01
            row(&office_1, "1.2", "张华", false, 2), // due 2026-12-31
            row(&office_2, "1.5", "钱进", false, 1), // due 2027-01-15
        ]
    );
    assert_eq!(open[1]["department"], "党群科");
    assert_eq!(open[0]["due"], "2026-11-30");
    assert_eq!(open[0]["done"], false);

    let table = data.ok(&["ledger"]);
    let overdue_line = table
        .lines()
        .find(|line| line.contains("李明"))
        .expect("李明's row");
    assert!(overdue_line.contains("逾期"), "{table}");
    let later_line = table
        .lines()
        .find(|l| l.contains("钱进"))
        .expect("钱进's row");
    assert!(!later_line.contains("逾期"), "{table}");

    // A finished session is read-only.
    let finished = data.ok(&["finish", &office_2]);
    assert_eq!(finished.trim(), format!("{office_2} 已完成检查（只读）"));
    let error = data.fails(&["rectify", &office_2, "1.5", "--done"]);
    assert!(error.contains("已完成，为只读"), "{error}");
    let error = data.fails(&["--lang", "en", "rectify", &office_2, "1.5", "--done"]);
    assert!(error.contains("is finished and read-only"), "{error}");
    let reopened = data.ok(&["--lang", "en", "reopen", &office_2]);
    assert_eq!(reopened.trim(), format!("{office_2} reopened"));

    let out = data.ok(&[
        "rectify",
        &office_1,
        "1.1",
        "--done",
        "--note",
        "已补年度学习计划",
        "--by",
        "刘芳",
    ]);
    assert!(out.contains("刘芳") && out.contains(NOW), "{out}");
    let again = data.fails(&["rectify", &office_1, "1.1", "--done"]);
    assert!(again.contains("已由 刘芳"), "{again}");
    let missing = data.fails(&["--lang", "en", "rectify", &office_1, "2.1", "--done"]);
    assert!(missing.contains("no rectification"), "{missing}");

    let open = data.json(&["ledger", "--json"]);
    assert_eq!(open.as_array().map(Vec::len), Some(3));
    assert!(
        !open
            .as_array()
            .expect("array")
            .iter()
            .any(|e| e["session"] == office_1.as_str() && e["code"] == "1.1"),
        "closed one is gone: {open:#}"
    );

    let all = data.json(&["ledger", "--all", "--json"]);
    assert_eq!(all.as_array().map(Vec::len), Some(4));
    let closed = all
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["session"] == office_1.as_str() && e["code"] == "1.1")
        .expect("closed entry in --all");
    assert_eq!(closed["done"], true);
    assert_eq!(closed["done_by"], "刘芳");
    assert_eq!(closed["done_at"], NOW);
    assert_eq!(closed["done_note"], "已补年度学习计划");
    assert_eq!(closed["overdue"], false);
    assert_eq!(closed["owner"], "李明");

    // The session file keeps it too.
    let shown = data.json(&["show", &office_1, "--json"]);
    let rect = &item(&shown["items"], "1.1")["rectification"];
    assert_eq!(rect["done_by"], "刘芳");
    assert_eq!(rect["done_at"], NOW);
    assert_eq!(item(&shown["items"], "1.1")["status"], "partial");
}
