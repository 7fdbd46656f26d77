//! The scoring rules that predate levels, counts, penalties, scope and rates.

use super::*;
use crate::model::checklist::{Checklist, Deduction, Rules};
use crate::model::session::{ChecklistRef, FreeDeduction};
use chrono::DateTime;
use std::collections::BTreeMap;
use uuid::Uuid;

fn item(code: &str, points: f64) -> Item {
    Item {
        code: code.into(),
        title: code.into(),
        standard: None,
        points,
        methods: vec![],
        evidence: vec![],
        owners: vec![],
        deductions: vec![Deduction::once("甲", 1.0), Deduction::once("乙", 2.5)],
        ..Item::default()
    }
}

fn checklist(items: Vec<Item>) -> Checklist {
    Checklist {
        id: "t".into(),
        version: 1,
        title: "t".into(),
        description: None,
        rules: Rules {
            disqualify_over: Some(2.0),
            grades: vec![
                (90.0, "优秀".into()),
                (60.0, "合格".into()),
                (0.0, "不合格".into()),
            ],
            ..Rules::default()
        },
        renamed: BTreeMap::new(),
        sections: vec![Section {
            code: "1".into(),
            title: "一".into(),
            items,
            sections: vec![],
        }],
    }
}

fn session() -> Session {
    let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
    Session::new(
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
    )
}

fn mark<'a>(session: &'a mut Session, code: &str, status: Status) -> &'a mut Response {
    session.responses.entry(code.into()).or_default().status = status;
    session.responses.get_mut(code).unwrap()
}

#[test]
fn statuses_score_as_specified() {
    let it = item("1", 4.0);
    let response = |status| Response {
        status,
        ..Response::default()
    };
    assert_eq!(item_score(&Rules::default(), &it, None), None);
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response(Status::Pass))),
        Some(4.0)
    );
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response(Status::Partial))),
        Some(2.0)
    );
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response(Status::Fail))),
        Some(0.0)
    );
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response(Status::Na))),
        None
    );
}

#[test]
fn partial_applies_picked_and_free_deductions_clamped() {
    let it = item("1", 4.0);
    let mut response = Response {
        status: Status::Partial,
        deductions: vec![0],
        ..Response::default()
    };
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response)),
        Some(3.0)
    );
    response.free_deduction = Some(FreeDeduction {
        reason: "另有".into(),
        points: 0.5,
    });
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response)),
        Some(2.5)
    );
    response.deductions = vec![0, 1];
    response.free_deduction = Some(FreeDeduction {
        reason: "大量".into(),
        points: 10.0,
    });
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response)),
        Some(0.0),
        "clamped at 0"
    );
}

#[test]
fn partial_with_only_a_zero_deduction_is_not_half() {
    let it = item("1", 4.0);
    let response = Response {
        status: Status::Partial,
        free_deduction: Some(FreeDeduction {
            reason: "提醒".into(),
            points: 0.0,
        }),
        ..Response::default()
    };
    assert_eq!(
        item_score(&Rules::default(), &it, Some(&response)),
        Some(4.0)
    );
}

#[test]
fn summary_figures_and_verdicts() {
    let mut bonus = item("b", 2.0);
    bonus.bonus = true;
    let mut veto = item("v", 0.0);
    veto.veto = true;
    let c = checklist(vec![
        item("1", 4.0),
        item("2", 3.0),
        item("3", 5.0),
        item("4", 8.0),
        bonus,
        veto,
    ]);
    let mut s = session();
    mark(&mut s, "1", Status::Pass);
    mark(&mut s, "2", Status::Partial).deductions = vec![1];
    mark(&mut s, "3", Status::Na);
    mark(&mut s, "b", Status::Pass);
    let summary = summarize(&c, &s);
    let f = summary.figures;
    assert_eq!(f.max, 15.0, "4 + 3 + 8; na and bonus excluded");
    assert_eq!(f.score, 4.0 + 0.5 + 2.0);
    assert_eq!(f.deducted, 2.5, "pending item 4 is not a deduction");
    assert_eq!((f.checked, f.total), (4, 6));
    assert!(summary.disqualified, "2.5 > 2.0");
    // Item 4 is still pending: the grade is provisional until it is checked.
    assert_eq!(summary.grade, None);
    assert_eq!(
        summary.provisional_grade.as_deref(),
        Some("不合格"),
        "6.5/15 = 43%"
    );
    assert!(summary.veto.is_empty());
    assert_eq!(summary.problems, 1);

    mark(&mut s, "v", Status::Fail);
    mark(&mut s, "4", Status::Pass);
    let summary = summarize(&c, &s);
    assert_eq!(summary.veto, ["v"]);
    assert_eq!(summary.grade.as_deref(), Some("优秀"), "14.5/15 = 96.7%");
}

#[test]
fn a_bonus_not_earned_is_not_a_problem() {
    let mut bonus = item("b", 2.0);
    bonus.bonus = true;
    let c = checklist(vec![item("1", 4.0), bonus.clone()]);
    let mut s = session();
    mark(&mut s, "b", Status::Fail);
    let summary = summarize(&c, &s);
    assert_eq!(summary.problems, 0);
    assert_eq!(
        summary.figures.deducted, 0.0,
        "bonus points are never deducted"
    );
    assert!(!is_problem(&bonus, Status::Fail));
    assert!(is_problem(&item("1", 4.0), Status::Partial));
    let mut earned = session();
    mark(&mut earned, "b", Status::Pass);
    let only_bonus = Figures::over(&Rules::default(), [&bonus], &earned);
    assert_eq!(
        only_bonus.subtotal().as_deref(),
        Some("+2"),
        "a bonus-only section shows what it earned"
    );
    assert_eq!(only_bonus.percent(), None);
}

#[test]
fn deduction_at_the_limit_is_not_disqualifying() {
    let c = checklist(vec![item("1", 4.0)]);
    let mut s = session();
    mark(&mut s, "1", Status::Partial).free_deduction = Some(FreeDeduction {
        reason: "x".into(),
        points: 2.0,
    });
    assert!(!summarize(&c, &s).disqualified);
}

#[test]
fn all_na_and_no_points_give_no_percent_and_no_grade() {
    let c = checklist(vec![item("1", 4.0), item("2", 0.0)]);
    let mut s = session();
    mark(&mut s, "1", Status::Na);
    mark(&mut s, "2", Status::Pass);
    let summary = summarize(&c, &s);
    assert_eq!(summary.percent(), None);
    assert_eq!(summary.grade, None);
    assert!(!summary.figures.has_score());
    assert_eq!(summary.figures.checked, 2);
}

#[test]
fn deductions_above_points_clamp_and_count_once() {
    let mut it = item("1", 2.0);
    it.deductions = vec![Deduction::once("大", 5.0)];
    let c = checklist(vec![it]);
    let mut s = session();
    mark(&mut s, "1", Status::Partial).deductions = vec![0];
    let f = summarize(&c, &s).figures;
    assert_eq!((f.score, f.deducted), (0.0, 2.0));
}

#[test]
fn section_with_nothing_checked_has_no_score() {
    let c = checklist(vec![item("1", 4.0)]);
    let s = session();
    let f = section_figures(&c.rules, &c.sections[0], &s);
    assert!(!f.has_score());
    assert_eq!(f.subtotal(), None);
    assert_eq!(f.max, 4.0);
}

#[test]
fn points_format_without_trailing_zeros() {
    assert_eq!(format_points(4.0), "4");
    assert_eq!(format_points(2.5), "2.5");
    assert_eq!(format_points(0.125), "0.13");
    assert_eq!(format_points(-0.0), "0");
}
