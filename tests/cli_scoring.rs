//! A scripted scoring scenario over the CLI that exercises every rule of DESIGN §4,
//! checked against hand-computed figures; plus the CLI's error paths, `list`, and
//! `finish`/`reopen`.

mod common;

use common::{Env, assert_num, item};
use serde_json::Value;

/// Small numbers, easy to add up by hand. Base maximum with nothing marked:
/// A 10+10+8+5+6+4 = 43, B 3+0+4 = 7 (B2 is a bonus), C 5+5 = 10 → 60. 12 items.
const SCORING: &str = r#"Checklist(
    id: "t-score",
    version: 1,
    title: "评分测试表",
    rules: (
        disqualify_over: 2.0,
        grades: [(90.0, "优秀"), (75.0, "良好"), (60.0, "合格"), (0.0, "不合格")],
    ),
    sections: [
        Section(code: "A", title: "甲", items: [
            Item(code: "A1", title: "通过项", points: 10.0),
            Item(code: "A2", title: "预设扣分", points: 10.0,
                 deductions: [("缺计划", 2.0), ("记录不全", 1.5), ("严重问题", 20.0)]),
            Item(code: "A3", title: "自由扣分", points: 8.0),
            Item(code: "A4", title: "基本达标无扣分", points: 5.0),
            Item(code: "A5", title: "未达标", points: 6.0),
            Item(code: "A6", title: "不适用", points: 4.0),
        ]),
        Section(code: "B", title: "乙", items: [
            Item(code: "B1", title: "否决项", points: 3.0, veto: true),
            Item(code: "B2", title: "加分项", points: 2.0, bonus: true),
            Item(code: "B3", title: "不计分", points: 0.0),
        ], sections: [
            Section(code: "B.1", title: "乙一", items: [
                Item(code: "B11", title: "子节条目", points: 4.0),
            ]),
        ]),
        Section(code: "C", title: "丙", items: [
            Item(code: "C1", title: "丙一", points: 5.0),
            Item(code: "C2", title: "丙二", points: 5.0),
        ]),
    ],
)
"#;

/// One item worth 100, so percent = 100 − deduction: grade thresholds by hand.
const GRADES: &str = r#"(
    id: "t-grade",
    version: 1,
    title: "等级测试表",
    rules: (
        disqualify_over: 2.0,
        grades: [(90.0, "优秀"), (75.0, "良好"), (60.0, "合格"), (0.0, "不合格")],
    ),
    sections: [
        (code: "G", title: "唯一", items: [(code: "G1", title: "百分项", points: 100.0)]),
        (code: "N", title: "不计分", items: [(code: "N1", title: "检查项")]),
    ],
)
"#;

/// The session figures `show --json` reports.
#[derive(Debug, PartialEq)]
struct Figures {
    score: f64,
    max: f64,
    percent: Option<f64>,
    deducted: f64,
    checked: u64,
    total: u64,
    veto: Vec<&'static str>,
    disqualified: bool,
    /// The grade the percent gives: `grade` once nothing is pending, else
    /// `provisional_grade` (in these scenarios no bonus item is left pending alone).
    grade: Option<&'static str>,
}

#[track_caller]
fn assert_figures(detail: &Value, want: &Figures, step: &str) {
    assert_num(&detail["score"], want.score, &format!("{step}: score"));
    assert_num(&detail["max"], want.max, &format!("{step}: max"));
    match want.percent {
        Some(p) => assert_num(&detail["percent"], p, &format!("{step}: percent")),
        None => assert!(
            detail["percent"].is_null(),
            "{step}: percent {}",
            detail["percent"]
        ),
    }
    assert_num(
        &detail["deducted"],
        want.deducted,
        &format!("{step}: deducted"),
    );
    assert_eq!(detail["checked"], want.checked, "{step}: checked");
    assert_eq!(detail["total"], want.total, "{step}: total");
    let veto: Vec<&str> = detail["veto"]
        .as_array()
        .unwrap_or_else(|| panic!("{step}: veto is not a list"))
        .iter()
        .map(|v| v.as_str().expect("veto codes are strings"))
        .collect();
    assert_eq!(veto, want.veto, "{step}: veto");
    assert_eq!(
        detail["disqualified"], want.disqualified,
        "{step}: disqualified"
    );
    let pending = want.checked < want.total;
    let (grade, provisional) = if pending {
        (None, want.grade)
    } else {
        (want.grade, None)
    };
    for (field, want) in [("grade", grade), ("provisional_grade", provisional)] {
        match want {
            Some(label) => assert_eq!(detail[field], label, "{step}: {field}"),
            None => assert!(detail[field].is_null(), "{step}: {field} {}", detail[field]),
        }
    }
    // One verdict by precedence: 一票否决 > 取消评优资格 > 检查中 > the grade (the
    // tests run with ZICHA_LANG=en).
    let (verdict, text) = if !want.veto.is_empty() {
        ("veto", Some("vetoed"))
    } else if want.disqualified {
        ("disqualified", Some("disqualified from awards"))
    } else if pending {
        ("in_progress", Some("in progress"))
    } else if let Some(grade) = want.grade {
        ("graded", Some(grade))
    } else {
        ("none", None)
    };
    assert_eq!(detail["verdict"], verdict, "{step}: verdict");
    match text {
        Some(text) => assert_eq!(detail["verdict_text"], text, "{step}: verdict_text"),
        None => assert!(detail["verdict_text"].is_null(), "{step}: verdict_text"),
    }
}

#[track_caller]
fn assert_item(detail: &Value, code: &str, status: &str, score: Option<f64>, note: &str) {
    let it = item(detail, code);
    assert_eq!(it["status"], status, "{code}: status");
    match score {
        Some(s) => assert_num(&it["score"], s, &format!("{code}: score")),
        None => assert!(it["score"].is_null(), "{code}: score {}", it["score"]),
    }
    assert_eq!(it["note"], note, "{code}: note");
}

fn scoring_env() -> (Env, String) {
    let env = Env::new();
    env.write_checklist("t-score.ron", SCORING);
    env.write_checklist("t-grade.ron", GRADES);
    let id = env.new_session("t-score", "办公室", "2026年11月自查", "2026-11-20");
    (env, id)
}

/// Every rule of DESIGN §4, one step at a time, against figures worked out by hand.
#[test]
fn scripted_scoring_scenario_matches_hand_computed_figures() {
    let (env, id) = scoring_env();
    let step = |code: &str, status: &str, extra: &[&str]| {
        env.mark(&id, code, status, extra);
        env.show(&id)
    };
    #[allow(clippy::too_many_arguments)]
    fn f(
        score: f64,
        max: f64,
        percent: Option<f64>,
        deducted: f64,
        checked: u64,
        veto: Vec<&'static str>,
        disqualified: bool,
        grade: Option<&'static str>,
    ) -> Figures {
        Figures {
            score,
            max,
            percent,
            deducted,
            checked,
            total: 12,
            veto,
            disqualified,
            grade,
        }
    }

    // Nothing marked: max = 60 (see SCORING), 0/60 = 0% → 不合格 (0 ≥ 0).
    let d = env.show(&id);
    assert_figures(
        &d,
        &f(0.0, 60.0, Some(0.0), 0.0, 0, vec![], false, Some("不合格")),
        "start",
    );
    for code in ["A1", "A2", "B2", "B3", "C1"] {
        assert_item(&d, code, "pending", None, "");
    }
    assert_eq!(d["items"].as_array().unwrap().len(), 12);
    assert_eq!(d["department"], "办公室");
    assert_eq!(d["round"], "2026年11月自查");
    assert_eq!(d["date"], "2026-11-20");
    assert_eq!(d["checklist"], "t-score");

    // pass → P. A1 = 10; score 10; 10/60 = 16.666… → 16.67.
    let d = step("A1", "pass", &["--note", "资料齐全"]);
    assert_figures(
        &d,
        &f(
            10.0,
            60.0,
            Some(16.67),
            0.0,
            1,
            vec![],
            false,
            Some("不合格"),
        ),
        "A1 pass",
    );
    assert_item(&d, "A1", "pass", Some(10.0), "资料齐全");

    // partial with predefined deduction 1 (缺计划 2): A2 = 10 − 2 = 8.
    // score 10 + 8 = 18; 18/60 = 30%; deducted 2, not above 2.0 → not disqualified.
    let d = step("A2", "partial", &["--deduct", "1"]);
    assert_figures(
        &d,
        &f(
            18.0,
            60.0,
            Some(30.0),
            2.0,
            2,
            vec![],
            false,
            Some("不合格"),
        ),
        "A2 −2",
    );
    assert_item(&d, "A2", "partial", Some(8.0), "");

    // two predefined deductions: A2 = 10 − 2 − 1.5 = 6.5; score 16.5; 16.5/60 = 27.5%;
    // deducted 3.5 > 2.0 → disqualified.
    let d = step("A2", "partial", &["--deduct", "1", "--deduct", "2"]);
    assert_figures(
        &d,
        &f(16.5, 60.0, Some(27.5), 3.5, 2, vec![], true, Some("不合格")),
        "A2 −3.5",
    );
    assert_item(&d, "A2", "partial", Some(6.5), "");

    // a deduction above P clamps to 0: A2 = max(0, 10 − 20) = 0; score 10;
    // 10/60 = 16.67%; deducted 10. Deductions that reach P record the item as
    // 未达标 (DESIGN §4), so the status is fail.
    let d = step("A2", "partial", &["--deduct", "3"]);
    assert_figures(
        &d,
        &f(
            10.0,
            60.0,
            Some(16.67),
            10.0,
            2,
            vec![],
            true,
            Some("不合格"),
        ),
        "A2 −20",
    );
    assert_item(&d, "A2", "fail", Some(0.0), "");

    // predefined and free together: A2 = 10 − 2 − 0.5 = 7.5; score 17.5;
    // 17.5/60 = 29.166… → 29.17; deducted 2.5.
    let d = step(
        "A2",
        "partial",
        &[
            "--deduct",
            "1",
            "--deduct-reason",
            "照片不全",
            "--deduct-points",
            "0.5",
        ],
    );
    assert_figures(
        &d,
        &f(
            17.5,
            60.0,
            Some(29.17),
            2.5,
            2,
            vec![],
            true,
            Some("不合格"),
        ),
        "A2 −2.5",
    );
    assert_item(&d, "A2", "partial", Some(7.5), "");

    // a free deduction above P clamps too: A3 = max(0, 8 − 12) = 0; score 17.5;
    // deducted 2.5 + 8 = 10.5; recorded as 未达标 (fail).
    let d = step(
        "A3",
        "partial",
        &["--deduct-reason", "无记录", "--deduct-points", "12"],
    );
    assert_figures(
        &d,
        &f(
            17.5,
            60.0,
            Some(29.17),
            10.5,
            3,
            vec![],
            true,
            Some("不合格"),
        ),
        "A3 −12",
    );
    assert_item(&d, "A3", "fail", Some(0.0), "");

    // the free deduction is replaced: A3 = 8 − 3 = 5; score 22.5; 22.5/60 = 37.5%;
    // deducted 2.5 + 3 = 5.5.
    let d = step(
        "A3",
        "partial",
        &["--deduct-reason", "记录不全", "--deduct-points", "3"],
    );
    assert_figures(
        &d,
        &f(22.5, 60.0, Some(37.5), 5.5, 3, vec![], true, Some("不合格")),
        "A3 −3",
    );
    assert_item(&d, "A3", "partial", Some(5.0), "");

    // partial with no deduction → P/2: A4 = 5/2 = 2.5; score 25; 25/60 = 41.666… → 41.67;
    // deducted 5.5 + 2.5 = 8.
    let d = step("A4", "partial", &["--note", "第一行\n第二行"]);
    assert_figures(
        &d,
        &f(
            25.0,
            60.0,
            Some(41.67),
            8.0,
            4,
            vec![],
            true,
            Some("不合格"),
        ),
        "A4 P/2",
    );
    assert_item(&d, "A4", "partial", Some(2.5), "第一行\n第二行");

    // fail → 0: A5 = 0; deducted 8 + 6 = 14.
    let d = step("A5", "fail", &[]);
    assert_figures(
        &d,
        &f(
            25.0,
            60.0,
            Some(41.67),
            14.0,
            5,
            vec![],
            true,
            Some("不合格"),
        ),
        "A5 fail",
    );
    assert_item(&d, "A5", "fail", Some(0.0), "");

    // na leaves the maximum: max 60 − 4 = 56; 25/56 = 44.642… → 44.64; na counts as checked.
    let d = step("A6", "NA", &[]); // status words are case-insensitive
    assert_figures(
        &d,
        &f(
            25.0,
            56.0,
            Some(44.64),
            14.0,
            6,
            vec![],
            true,
            Some("不合格"),
        ),
        "A6 na",
    );
    assert_item(&d, "A6", "na", None, "");

    // a veto item at fail: B1 = 0 → veto [B1]; deducted 14 + 3 = 17.
    let d = step("B1", "fail", &[]);
    assert_figures(
        &d,
        &f(
            25.0,
            56.0,
            Some(44.64),
            17.0,
            7,
            vec!["B1"],
            true,
            Some("不合格"),
        ),
        "B1 veto",
    );

    // a bonus item adds P on pass but stays out of the max: score 25 + 2 = 27;
    // max 56; 27/56 = 48.214… → 48.21.
    let d = step("B2", "pass", &[]);
    assert_figures(
        &d,
        &f(
            27.0,
            56.0,
            Some(48.21),
            17.0,
            8,
            vec!["B1"],
            true,
            Some("不合格"),
        ),
        "B2 bonus",
    );
    assert_item(&d, "B2", "pass", Some(2.0), "");

    // an item with no points is checked but changes no figure.
    let d = step("B3", "pass", &[]);
    assert_figures(
        &d,
        &f(
            27.0,
            56.0,
            Some(48.21),
            17.0,
            9,
            vec!["B1"],
            true,
            Some("不合格"),
        ),
        "B3 0 points",
    );

    // a nested section's item: B11 = 4; score 31; 31/56 = 55.357… → 55.36.
    let d = step("B11", "pass", &[]);
    assert_figures(
        &d,
        &f(
            31.0,
            56.0,
            Some(55.36),
            17.0,
            10,
            vec!["B1"],
            true,
            Some("不合格"),
        ),
        "B11 pass",
    );

    // Section subtotals in the plain view: A = 10 + 7.5 + 5 + 2.5 + 0 = 25 of
    // 10 + 10 + 8 + 5 + 6 = 39 (A6 na); B = 0 + 2 (bonus) + 0 + 4 = 6 of 3 + 4 = 7;
    // B.1 = 4/4; C has nothing scored → "—".
    let plain = env.ok(["show", &id]);
    let section_line = |code: &str| {
        plain
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no section {code} in\n{plain}"))
            .to_string()
    };
    assert!(section_line("A").ends_with("  25/39"), "{plain}");
    assert!(section_line("B").ends_with("  6/7"), "{plain}");
    assert!(section_line("B.1").ends_with("  4/4"), "{plain}");
    assert!(section_line("C").ends_with("  —"), "{plain}");
    assert!(!plain.contains("NaN") && !plain.contains("inf"), "{plain}");
    // Header: checked 10/12, score 31/56 (55.4%), deducted 17.
    assert!(plain.contains("10/12"), "{plain}");
    assert!(plain.contains("31/56 (55.4%)"), "{plain}");

    // C1, C2 pass: score 31 + 10 = 41; 41/56 = 73.214… → 73.21 → 合格 (60 ≤ 73.21 < 75).
    env.mark(&id, "C1", "达标", &[]); // the Chinese status words work too
    let d = step("C2", "pass", &[]);
    assert_figures(
        &d,
        &f(
            41.0,
            56.0,
            Some(73.21),
            17.0,
            12,
            vec!["B1"],
            true,
            Some("合格"),
        ),
        "C pass",
    );

    // B1 pass clears the veto: score 41 + 3 = 44; 44/56 = 78.571… → 78.57 → 良好;
    // deducted 17 − 3 = 14.
    let d = step("B1", "pass", &[]);
    assert_figures(
        &d,
        &f(
            44.0,
            56.0,
            Some(78.57),
            14.0,
            12,
            vec![],
            true,
            Some("良好"),
        ),
        "B1 pass",
    );

    // Back to pending: A5 leaves the checked count and the deduction, not the max.
    // score 44; deducted 14 − 6 = 8; 44/56 → 78.57; checked 11.
    let d = step("A5", "pending", &[]);
    assert_figures(
        &d,
        &f(44.0, 56.0, Some(78.57), 8.0, 11, vec![], true, Some("良好")),
        "A5 pending",
    );
    assert_item(&d, "A5", "pending", None, "");

    // Final items: statuses, scores and notes as marked; notes are kept across re-marks.
    assert_item(&d, "A1", "pass", Some(10.0), "资料齐全");
    assert_item(&d, "A2", "partial", Some(7.5), "");
    assert_item(&d, "A3", "partial", Some(5.0), "");
    assert_item(&d, "A4", "partial", Some(2.5), "第一行\n第二行");
    assert_item(&d, "A6", "na", None, "");
    assert_item(&d, "B1", "pass", Some(3.0), "");
    assert_item(&d, "B3", "pass", Some(0.0), "");
    assert_item(&d, "B11", "pass", Some(4.0), "");
}

/// Grade thresholds and the disqualification limit at their boundaries: one
/// 100-point item, so percent = 100 − deduction and deducted = deduction.
#[test]
fn grade_thresholds_and_disqualification_boundaries() {
    let (env, _) = scoring_env();
    let id = env.new_session("t-grade", "办公室", "r", "2026-11-20");
    for (points, percent, grade, disqualified) in [
        ("0", 100.0, "优秀", false),    // 100 − 0
        ("2", 98.0, "优秀", false),     // 2 is not above 2.0
        ("2.01", 97.99, "优秀", true),  // 2.01 > 2.0
        ("10", 90.0, "优秀", true),     // 90 ≥ 90
        ("10.01", 89.99, "良好", true), // 89.99 < 90
        ("25", 75.0, "良好", true),     // 75 ≥ 75
        ("25.5", 74.5, "合格", true),   // 74.5 < 75
        ("40", 60.0, "合格", true),     // 60 ≥ 60
        ("40.5", 59.5, "不合格", true), // 59.5 < 60
        ("100", 0.0, "不合格", true),   // 0 ≥ 0
    ] {
        env.mark(
            &id,
            "G1",
            "partial",
            &["--deduct-reason", "扣分", "--deduct-points", points],
        );
        let d = env.show(&id);
        let step = format!("G1 −{points}");
        assert_figures(
            &d,
            &Figures {
                score: percent,
                max: 100.0,
                percent: Some(percent),
                deducted: 100.0 - percent,
                checked: 1,
                total: 2,
                veto: vec![],
                disqualified,
                grade: Some(grade),
            },
            &step,
        );
    }

    // Everything na: max 0 → no percent, no grade, and "—" rather than NaN.
    env.mark(&id, "G1", "na", &[]);
    env.mark(&id, "N1", "na", &[]);
    let d = env.show(&id);
    assert_figures(
        &d,
        &Figures {
            score: 0.0,
            max: 0.0,
            percent: None,
            deducted: 0.0,
            checked: 2,
            total: 2,
            veto: vec![],
            disqualified: false,
            grade: None,
        },
        "all na",
    );
    let plain = env.ok(["show", &id]);
    assert!(!plain.contains("NaN"), "{plain}");
    assert!(plain.contains("0/0 (—)"), "{plain}");
    let listed = env.ok(["list"]);
    assert!(!listed.contains("NaN"), "{listed}");
}

/// The same kind of run on a built-in checklist (wenming-keshi v2, 100 points, 32 items;
/// 1.1 = 4, 1.2 = 6 with deductions 1 per 次 / 0.5 per 人次 / 2, 2.2 = 3, 10.1 a
/// 0-point veto item).
#[test]
fn scoring_on_a_builtin_checklist() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "财务科", "2026年11月自查", "2026-11-20");
    env.mark(&id, "1.1", "pass", &[]);
    // 1.2: 6 − 1 (每少一次集中学习) − 2 (学习记录后补) = 3
    env.mark(&id, "1.2", "partial", &["--deduct", "1", "--deduct", "3"]);
    env.mark(
        &id,
        "2.2",
        "fail",
        &["--owner", "李明", "--due", "2026-12-01"],
    );
    env.mark(&id, "10.1", "fail", &[]);
    let d = env.show(&id);
    // score 4 + 3 + 0 + 0 = 7 of 100 → 7%; deducted 0 + 3 + 3 = 6 > 2 → disqualified.
    assert_figures(
        &d,
        &Figures {
            score: 7.0,
            max: 100.0,
            percent: Some(7.0),
            deducted: 6.0,
            checked: 4,
            total: 32,
            veto: vec!["10.1"],
            disqualified: true,
            grade: Some("不合格"),
        },
        "wenming-keshi",
    );
    assert_item(&d, "1.2", "partial", Some(3.0), "");
    assert_item(&d, "10.1", "fail", Some(0.0), "");
    let rect = &item(&d, "2.2")["rectification"];
    assert_eq!(rect["owner"], "李明");
    assert_eq!(rect["due"], "2026-12-01");
    assert_eq!(d["open_rectifications"], 1);
}

#[test]
fn mark_errors_list_the_valid_choices() {
    let (env, id) = scoring_env();
    let before = std::fs::read(env.session_path(&id)).unwrap();

    let err = env.fails(["mark", &id, "Z9", "pass"], 1);
    assert!(err.contains("Z9"), "{err}");
    for code in ["A1", "A2", "A6", "B1", "B11", "C2"] {
        assert!(err.contains(code), "valid code {code} not listed: {err}");
    }

    let err = env.fails(["mark", &id, "A1", "ok"], 1);
    for status in ["pending", "pass", "partial", "fail", "na"] {
        assert!(err.contains(status), "status {status} not listed: {err}");
    }

    let err = env.fails(["mark", &id, "A2", "partial", "--deduct", "9"], 1);
    assert!(err.contains("9"), "{err}");
    for choice in ["1. 缺计划 (-2)", "2. 记录不全 (-1.5)", "3. 严重问题 (-20)"] {
        assert!(err.contains(choice), "{choice:?} not listed: {err}");
    }
    let err = env.fails(["mark", &id, "A2", "partial", "--deduct", "0"], 1);
    assert!(err.contains("缺计划"), "{err}");
    let err = env.fails(["mark", &id, "A1", "partial", "--deduct", "1"], 1);
    assert!(
        err.contains("none"),
        "an item without deductions says so: {err}"
    );

    let err = env.fails(
        [
            "mark",
            &id,
            "A3",
            "partial",
            "--deduct-reason",
            "x",
            "--deduct-points=-1",
        ],
        1,
    );
    assert!(err.contains("-1"), "{err}");
    let err = env.fails(
        [
            "mark",
            &id,
            "A3",
            "partial",
            "--deduct-reason",
            "x",
            "--deduct-points",
            "NaN",
        ],
        1,
    );
    assert!(err.contains("NaN"), "{err}");
    env.fails(
        [
            "mark",
            &id,
            "A3",
            "partial",
            "--deduct-reason",
            "  ",
            "--deduct-points",
            "1",
        ],
        1,
    );
    env.fails(["mark", &id, "A3", "fail", "--due", "2026-12-01"], 1);

    let err = env.fails(["mark", "ffffffff", "A1", "pass"], 1);
    assert!(err.contains("ffffffff"), "{err}");
    let err = env.fails(["show", "nonsense"], 1);
    assert!(err.contains("nonsense"), "{err}");
    let err = env.fails(
        [
            "new",
            "--checklist",
            "no-such",
            "--department",
            "d",
            "--round",
            "r",
        ],
        1,
    );
    assert!(
        err.contains("t-score") && err.contains("wenming-danwei"),
        "{err}"
    );

    // Nothing above touched the session.
    assert!(
        std::fs::read(env.session_path(&id)).unwrap() == before,
        "session untouched"
    );
    assert_eq!(env.show(&id)["checked"], 0);
}

#[test]
fn usage_errors_exit_2() {
    let (env, id) = scoring_env();
    let before = std::fs::read(env.session_path(&id)).unwrap();
    for args in [
        vec!["mark", id.as_str()],
        vec!["mark", id.as_str(), "A1"],
        vec!["mark", id.as_str(), "A2", "partial", "--deduct", "x"],
        vec!["mark", id.as_str(), "A2", "partial", "--deduct", "-1"],
        vec!["mark", id.as_str(), "A3", "partial", "--deduct-reason", "x"],
        vec!["mark", id.as_str(), "A3", "partial", "--deduct-points", "1"],
        vec![
            "mark",
            id.as_str(),
            "A3",
            "partial",
            "--deduct-points",
            "abc",
            "--deduct-reason",
            "x",
        ],
        vec![
            "mark",
            id.as_str(),
            "A3",
            "fail",
            "--owner",
            "x",
            "--due",
            "12/01/2026",
        ],
        vec!["mark", id.as_str(), "A3", "fail", "--bogus"],
        vec!["new", "--checklist", "t-score", "--department", "d"],
        vec![
            "new",
            "--checklist",
            "t-score",
            "--department",
            "d",
            "--round",
            "r",
            "--date",
            "2026-13-01",
        ],
        vec!["list", "--json", "extra"],
        vec!["show"],
        vec!["frobnicate"],
        vec!["check"],
    ] {
        let out = env.run(&args);
        out.expect_code(2);
        assert!(
            !out.stderr.is_empty(),
            "{args:?}: usage errors explain themselves"
        );
    }
    assert!(
        std::fs::read(env.session_path(&id)).unwrap() == before,
        "session untouched"
    );
}

#[test]
fn list_json_shape_and_filters() {
    let (env, first) = scoring_env();
    let second = env.new_session("t-score", "财务科", "2026年11月自查", "2026-11-21");
    let third = env.new_session("t-grade", "办公室", "2026年12月自查", "2026-12-05");
    env.mark(&second, "A1", "pass", &[]);

    let all = env.run(["list", "--json"]);
    all.expect_code(0);
    let all = all.json();
    let rows = all.as_array().expect("list --json is an array");
    assert_eq!(rows.len(), 3);
    for row in rows {
        for key in [
            "id",
            "round",
            "date",
            "department",
            "checklist",
            "score",
            "max",
            "percent",
            "deducted",
            "checked",
            "total",
            "veto",
            "disqualified",
            "grade",
        ] {
            assert!(row.get(key).is_some(), "list row lacks {key}: {row}");
        }
        assert!(row.get("items").is_none(), "list rows carry no items");
    }
    // Newest first.
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [third.as_str(), second.as_str(), first.as_str()]);
    // The summary matches show: second has A1 pass → 10/60.
    assert_num(&rows[1]["score"], 10.0, "list score");
    assert_num(&rows[1]["max"], 60.0, "list max");
    assert_num(&rows[1]["percent"], 16.67, "list percent");
    assert_eq!(rows[1]["department"], "财务科");

    let ids_of = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["list", "--json"];
        full.extend_from_slice(args);
        let out = env.run(&full);
        out.expect_code(0);
        out.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids_of(&["--round", "2026年11月自查"]),
        [second.as_str(), first.as_str()]
    );
    assert_eq!(
        ids_of(&["--department", "办公室"]),
        [third.as_str(), first.as_str()]
    );
    assert_eq!(
        ids_of(&["--round", "2026年11月自查", "--department", "办公室"]),
        [first.as_str()]
    );
    // Names compare after trimming and Unicode normalisation.
    assert_eq!(ids_of(&["--department", "  财务科 "]), [second.as_str()]);
    assert!(ids_of(&["--round", "2027年"]).is_empty());

    // The plain list has one row per session.
    let plain = env.ok(["list", "--round", "2026年11月自查"]);
    assert!(plain.contains(&first) && plain.contains(&second), "{plain}");
    assert!(!plain.contains(&third), "{plain}");
}

#[test]
fn a_finished_session_refuses_marks_until_reopened() {
    let (env, id) = scoring_env();
    env.mark(&id, "A1", "pass", &[]);
    let out = env.ok(["finish", &id]);
    assert!(out.contains("finished"), "{out}");
    assert_eq!(env.show(&id)["finished"], true);
    let before = std::fs::read(env.session_path(&id)).unwrap();

    let err = env.fails(["mark", &id, "A2", "pass"], 1);
    assert!(err.contains("reopen"), "{err}");
    assert!(
        std::fs::read(env.session_path(&id)).unwrap() == before,
        "session untouched"
    );
    // A unique prefix works as the session id too.
    env.ok(["reopen", &id[..13]]);
    assert_eq!(env.show(&id)["finished"], false);
    env.mark(&id, "A2", "pass", &[]);
    let d = env.show(&id);
    // A1 + A2 = 20 of 60.
    assert_num(&d["score"], 20.0, "score after reopen");
    assert_eq!(d["checked"], 2);
}

/// With N1 still pending the grade is only provisional (DESIGN §4): `list` shows the
/// one verdict 检查中, `show` adds the provisional grade after it, JSON `grade` is null.
#[test]
fn text_output_shows_one_verdict_and_the_provisional_grade() {
    let (env, _) = scoring_env();
    let id = env.new_session("t-grade", "办公室", "r", "2026-11-20");
    env.mark(&id, "G1", "pass", &[]);
    let shown = env.ok(["--lang", "zh", "show", &id]);
    assert!(shown.contains("检查中（暂评 优秀）"), "{shown}");
    let listed = env.ok(["--lang", "zh", "list", "--round", "r"]);
    assert!(
        listed.contains("检查中") && !listed.contains("优秀"),
        "{listed}"
    );
    let shown = env.ok(["show", &id]);
    assert!(shown.contains("in progress (provisional: 优秀)"), "{shown}");
    let detail = env.show(&id);
    assert!(detail["grade"].is_null(), "{}", detail["grade"]);
    assert_eq!(detail["provisional_grade"], "优秀");
    assert_eq!(detail["verdict"], "in_progress", "N1 is pending");
    env.mark(&id, "N1", "pass", &[]);
    let detail = env.show(&id);
    assert_eq!(detail["verdict"], "graded");
    assert_eq!(detail["grade"], "优秀");
    assert!(detail["provisional_grade"].is_null());
    let listed = env.ok(["--lang", "zh", "list", "--round", "r"]);
    assert!(
        listed.contains("优秀") && !listed.contains("检查中"),
        "{listed}"
    );
    // A grade keeps its label in either language.
    let english = env.ok(["--lang", "en", "show", &id, "--json"]);
    assert!(english.contains("\"verdict_text\": \"优秀\""), "{english}");
    env.mark(
        &id,
        "G1",
        "partial",
        &["--deduct-reason", "x", "--deduct-points", "5"],
    );
    let english = env.ok(["--lang", "en", "list", "--json", "--round", "r"]);
    assert!(
        english.contains("\"verdict_text\": \"disqualified from awards\""),
        "{english}"
    );
}
