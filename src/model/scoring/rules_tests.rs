//! Counts, levels, bonus and penalty items, scope, thresholds, verdicts and rates,
//! each against figures worked out by hand.

use std::collections::BTreeMap;

use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::model::checklist::{Checklist, Deduction, Rules, Scope};
use crate::model::session::ChecklistRef;

pub(super) fn item(code: &str, points: f64) -> Item {
    Item {
        code: code.into(),
        title: code.into(),
        points,
        ..Item::default()
    }
}

pub(super) fn kind(code: &str, points: f64, change: impl FnOnce(&mut Item)) -> Item {
    let mut item = item(code, points);
    change(&mut item);
    item
}

pub(super) fn rules() -> Rules {
    Rules {
        disqualify_from: Some(2.0),
        grades: vec![
            (90.0, "优秀".into()),
            (60.0, "合格".into()),
            (0.0, "不合格".into()),
        ],
        levels: vec![
            ("A".into(), 1.0),
            ("B".into(), 0.66),
            ("C".into(), 0.33),
            ("C#".into(), 0.0),
        ],
        ..Rules::default()
    }
}

pub(super) fn checklist(rules: Rules, items: Vec<Item>) -> Checklist {
    Checklist {
        id: "t".into(),
        version: 1,
        title: "t".into(),
        description: None,
        rules,
        renamed: BTreeMap::new(),
        sections: vec![Section {
            code: "1".into(),
            title: "一".into(),
            items,
            sections: vec![],
        }],
    }
}

pub(super) fn session(scope: Scope) -> Session {
    let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
    let mut session = Session::new(
        Uuid::nil(),
        ChecklistRef {
            id: "t".into(),
            version: 1,
            hash: "h".into(),
        },
        "r".into(),
        now.date_naive(),
        "d".into(),
        String::new(),
        now,
    );
    session.scope = scope;
    session
}

pub(super) fn mark<'a>(session: &'a mut Session, code: &str, status: Status) -> &'a mut Response {
    let response = session.responses.entry(code.into()).or_default();
    response.status = status;
    response
}

/// Picks predefined deductions (0-based index, count).
pub(super) fn deduct(response: &mut Response, picks: &[(usize, u32)]) {
    response.deductions = picks.iter().map(|&(index, _)| index).collect();
    response.counts = picks.iter().filter(|p| p.1 > 1).copied().collect();
}

/// 道德讲堂 2.1, 6 points: 无活动计划 −2 once, 每少开展一次 −1.5 per 次.
pub(super) fn lectures() -> Item {
    kind("2.1", 6.0, |item| {
        item.deductions = vec![
            Deduction::once("无活动计划", 2.0),
            Deduction::per("每少开展一次", 1.5, "次"),
        ]
    })
}

#[test]
fn counts_multiply_per_occurrence_deductions_up_to_the_points() {
    let rules = rules();
    let item = lectures();
    let mut response = Response {
        status: Status::Partial,
        ..Response::default()
    };
    // Three missed quarters: 6 − 3 × 1.5 = 1.5 (not 4.5, as a once-only reading gives).
    deduct(&mut response, &[(1, 3)]);
    assert_eq!(item_score(&rules, &item, Some(&response)), Some(1.5));
    assert_eq!(applied_deduction(&item, &response), 4.5);
    let applied = applied_deductions(&item, &response);
    assert_eq!(
        applied,
        [Applied {
            reason: "每少开展一次",
            points: 1.5,
            count: 3,
            unit: Some("次")
        }]
    );
    assert_eq!(applied[0].total(), 4.5);
    // Plus the plan: 6 − 2 − 4.5 = −0.5, capped at 0 (扣完为止).
    deduct(&mut response, &[(0, 1), (1, 3)]);
    assert_eq!(item_score(&rules, &item, Some(&response)), Some(0.0));
    // A count stored against a once-only deduction counts once: 6 − 2 = 4.
    response.deductions = vec![0];
    response.counts = [(0, 5)].into();
    assert_eq!(item_score(&rules, &item, Some(&response)), Some(4.0));
    assert_eq!(applied_deductions(&item, &response)[0].count, 1);
}

#[test]
fn each_kind_of_level_scores_points_times_ratio() {
    let rules = rules();
    let item = lectures();
    for (label, status, score) in [
        ("A", Status::Pass, 6.0),
        ("B", Status::Partial, 3.96),
        ("C", Status::Partial, 1.98),
        ("C#", Status::Fail, 0.0),
    ] {
        let response = Response {
            status,
            level: Some(label.into()),
            ..Response::default()
        };
        let got = item_score(&rules, &item, Some(&response)).unwrap();
        assert!((got - score).abs() < 1e-9, "{label}: {got} ≠ {score}");
    }
    // B on 2.1 and A on a 4-point item: 3.96 + 4 = 7.96 of 10; deducted 2.04.
    let c = checklist(rules, vec![lectures(), item_four("2.2")]);
    let mut s = session(Scope::Department);
    mark(&mut s, "2.1", Status::Partial).level = Some("B".into());
    mark(&mut s, "2.2", Status::Pass).level = Some("A".into());
    let f = summarize(&c, &s).figures;
    assert!((f.score - 7.96).abs() < 1e-9 && (f.deducted - 2.04).abs() < 1e-9);
    // A label the checklist does not have scores by the status.
    let stray = Response {
        status: Status::Partial,
        level: Some("Z".into()),
        ..Response::default()
    };
    assert_eq!(item_score(&c.rules, &lectures(), Some(&stray)), Some(3.0));
}

fn item_four(code: &str) -> Item {
    item(code, 4.0)
}

/// Base 10 (one item), a 负面清单 item worth 2 with 每发生一起 −3 per 起.
fn with_penalty() -> Checklist {
    let penalty = kind("9.1", 2.0, |item| {
        item.penalty = true;
        item.deductions = vec![Deduction::per("每发生一起", 3.0, "起")];
    });
    checklist(rules(), vec![item("1.1", 10.0), penalty])
}

#[test]
fn a_penalty_takes_its_points_or_its_deductions_uncapped_never_below_zero() {
    let c = with_penalty();
    let mut s = session(Scope::Department);
    mark(&mut s, "1.1", Status::Pass);
    let figures = |s: &Session| summarize(&c, s).figures;
    // Pending, na or 无此情形: nothing taken. 10/10.
    for status in [Status::Pending, Status::Na, Status::Pass] {
        mark(&mut s, "9.1", status);
        let f = figures(&s);
        assert_eq!((f.score, f.penalties, f.max), (10.0, 0.0, 10.0), "{status}");
    }
    // It happened, no deduction picked: loses its 2 points. 10 − 2 = 8, deducted 2.
    mark(&mut s, "9.1", Status::Fail);
    let f = figures(&s);
    assert_eq!(
        (f.base, f.penalties, f.score, f.deducted),
        (10.0, 2.0, 8.0, 2.0)
    );
    assert_eq!(f.percent(), Some(80.0));
    let penalty = c.item("9.1").unwrap();
    assert_eq!(item_score(&c.rules, penalty, s.response("9.1")), Some(-2.0));
    assert_eq!(points_lost(penalty, Some(-2.0)), 2.0);
    assert!(is_problem(penalty, Status::Fail));
    assert!(!is_problem(penalty, Status::Pass));
    assert_eq!(summarize(&c, &s).problems, 1);
    // Two occurrences: 2 × 3 = 6, more than its 2 points and not capped. 10 − 6 = 4.
    deduct(s.responses.get_mut("9.1").unwrap(), &[(0, 2)]);
    let f = figures(&s);
    assert_eq!((f.penalties, f.score, f.deducted), (6.0, 4.0, 6.0));
    assert_eq!(item_score(&c.rules, penalty, s.response("9.1")), Some(-6.0));
    // Five: 15 taken from 10; the score stops at 0, the deduction shows all 15.
    deduct(s.responses.get_mut("9.1").unwrap(), &[(0, 5)]);
    let f = figures(&s);
    assert_eq!((f.score, f.penalties, f.deducted), (0.0, 15.0, 15.0));
    assert_eq!(f.percent(), Some(0.0));
    // A section of only the penalty item shows what it took.
    let only = Figures::over(&c.rules, [penalty], &s);
    assert_eq!(only.subtotal().as_deref(), Some("-15"));
    assert_eq!(only.max, 0.0);
    // A pass scores 0, not −0.
    mark(&mut s, "9.1", Status::Pass);
    let passed = item_score(&c.rules, penalty, s.response("9.1")).unwrap();
    assert!(passed == 0.0 && passed.is_sign_positive());
}

#[test]
fn a_bonus_adds_outside_the_maximum_and_the_total_shows_each_part() {
    let bonus = kind("8.1", 3.0, |item| item.bonus = true);
    let penalty = kind("9.1", 2.0, |item| item.penalty = true);
    let c = checklist(rules(), vec![item("1.1", 6.0), lectures(), bonus, penalty]);
    let mut s = session(Scope::Department);
    mark(&mut s, "1.1", Status::Pass);
    deduct(mark(&mut s, "2.1", Status::Partial), &[(1, 1)]);
    mark(&mut s, "8.1", Status::Pass);
    mark(&mut s, "9.1", Status::Fail);
    let summary = summarize(&c, &s);
    // 基础分 6 + 4.5 = 10.5, 加分 3, 负面清单 2: 10.5 + 3 − 2 = 11.5 of 12 = 95.83%.
    assert_eq!(summary.base(), 10.5);
    assert_eq!(summary.bonus(), 3.0);
    assert_eq!(summary.penalties(), 2.0);
    assert_eq!(summary.figures.score, 11.5);
    assert_eq!(summary.figures.max, 12.0);
    assert_eq!(summary.deducted(), 3.5, "1.5 short on 2.1 plus the 2 taken");
    assert!((summary.percent().unwrap() - 95.833_333).abs() < 1e-4);
    assert!(summary.disqualified, "3.5 ≥ 2");
    let outside = Figures::over(
        &c.rules,
        [c.item("8.1"), c.item("9.1")].into_iter().flatten(),
        &s,
    );
    assert_eq!(outside.subtotal().as_deref(), Some("+3 -2"));
}

#[test]
fn thresholds_at_exactly_two_inclusive_from_and_strict_over() {
    let from = Rules {
        disqualify_from: Some(2.0),
        ..Rules::default()
    };
    let over = Rules {
        disqualify_over: Some(2.0),
        ..Rules::default()
    };
    assert!(from.disqualifies(2.0), "扣2分以上 includes 2");
    assert!(!from.disqualifies(1.99));
    assert!(!over.disqualifies(2.0), "the older rule is strict");
    assert!(over.disqualifies(2.01));
    assert!(!Rules::default().disqualifies(100.0));
    // The same through a session: 2.1 with exactly 2 deducted (无活动计划).
    let mut s = session(Scope::Department);
    deduct(mark(&mut s, "2.1", Status::Partial), &[(0, 1)]);
    let with = |rules: &Rules| summarize(&checklist(rules.clone(), vec![lectures()]), &s);
    assert_eq!(with(&from).figures.deducted, 2.0);
    assert!(with(&from).disqualified);
    assert!(!with(&over).disqualified);
}
