//! Scope, verdicts, provisional grades and rates, each against figures worked out
//! by hand (the helpers are `rules_tests`').

use super::rules_tests::{checklist, deduct, item, kind, lectures, mark, rules, session};
use super::*;
use crate::model::checklist::{Checklist, Scope};
use crate::model::rate::SurveyedRate;
use crate::model::verdict::Verdict;

/// 1.1 (4) for each department; 7.1 (6) and the veto item 8.1 judged for the whole unit.
fn scoped() -> Checklist {
    let unit = |code: &str, points, veto| {
        kind(code, points, |item| {
            item.scope = Scope::Unit;
            item.veto = veto;
        })
    };
    checklist(
        rules(),
        vec![
            item("1.1", 4.0),
            unit("7.1", 6.0, false),
            unit("8.1", 0.0, true),
        ],
    )
}

#[test]
fn unit_items_count_in_unit_sessions_and_are_left_out_of_department_ones() {
    let c = scoped();
    let mut department = session(Scope::Department);
    mark(&mut department, "1.1", Status::Pass);
    // Stray responses to unit items (an edited file) are left out as well.
    mark(&mut department, "7.1", Status::Fail);
    mark(&mut department, "8.1", Status::Fail);
    let summary = summarize(&c, &department);
    let f = summary.figures;
    assert_eq!((f.score, f.max, f.checked, f.total), (4.0, 4.0, 1, 1));
    assert!(summary.veto.is_empty());
    assert_eq!(summary.verdict(), Verdict::Graded("优秀".into()));
    assert_eq!(
        c.items_in(Scope::Department)
            .iter()
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>(),
        ["1.1"]
    );

    let mut unit = session(Scope::Unit);
    mark(&mut unit, "1.1", Status::Pass);
    mark(&mut unit, "7.1", Status::Pass);
    let summary = summarize(&c, &unit);
    let f = summary.figures;
    assert_eq!((f.score, f.max, f.checked, f.total), (10.0, 10.0, 2, 3));
    assert_eq!(
        summary.verdict(),
        Verdict::InProgress,
        "the veto item is pending"
    );
    mark(&mut unit, "8.1", Status::Fail);
    assert_eq!(summarize(&c, &unit).veto, ["8.1"]);
    let section = section_figures(&c.rules, &c.sections[0], &department);
    assert_eq!(section.total, 1);
}

#[test]
fn verdicts_follow_their_precedence() {
    let veto = kind("8.1", 0.0, |item| item.veto = true);
    let c = checklist(rules(), vec![lectures(), item("1.2", 4.0), veto]);
    let mut s = session(Scope::Department);
    let verdict = |s: &Session| summarize(&c, s).verdict();
    assert_eq!(verdict(&s), Verdict::InProgress);
    assert_eq!(Verdict::InProgress.code(), "in_progress");
    // Pending items, 2 deducted: 取消评优资格 comes before 检查中.
    deduct(mark(&mut s, "2.1", Status::Partial), &[(0, 1)]);
    assert_eq!(verdict(&s), Verdict::Disqualified);
    // A failed veto item comes before everything.
    mark(&mut s, "8.1", Status::Fail);
    assert_eq!(verdict(&s), Verdict::Veto);
    assert_eq!(verdict(&s).code(), "veto");
    assert_eq!(verdict(&s).zh(), Some("一票否决"));
    // Veto cleared, 2.1 passed, 1.2 still pending: 检查中.
    mark(&mut s, "8.1", Status::Pass);
    mark(&mut s, "2.1", Status::Pass).deductions.clear();
    assert_eq!(verdict(&s), Verdict::InProgress);
    assert_eq!(verdict(&s).zh(), Some("检查中"));
    // Everything checked: 6 + 4 = 10 of 10, the grade.
    mark(&mut s, "1.2", Status::Pass);
    assert_eq!(verdict(&s), Verdict::Graded("优秀".into()));
    assert_eq!(verdict(&s).code(), "graded");
    assert_eq!(verdict(&s).zh(), Some("优秀"));
    // No grades defined and nothing pending: none.
    let plain = checklist(Rules::default(), vec![lectures(), item("1.2", 4.0)]);
    assert_eq!(summarize(&plain, &s).verdict(), Verdict::None);
    assert_eq!(Verdict::None.code(), "none");
    assert_eq!(Verdict::Disqualified.zh(), Some("取消评优资格"));
}

#[test]
fn a_grade_is_provisional_while_a_base_or_veto_item_is_pending() {
    let veto = kind("8.1", 0.0, |item| item.veto = true);
    let bonus = kind("8.2", 2.0, |item| item.bonus = true);
    let penalty = kind("9.1", 2.0, |item| item.penalty = true);
    let c = checklist(
        rules(),
        vec![item("1.1", 10.0), item("1.2", 10.0), veto, bonus, penalty],
    );
    let mut s = session(Scope::Department);
    // 3 of 5 pending, 1.1 passed: 10 of 20 = 50% would be 不合格, provisionally.
    mark(&mut s, "1.1", Status::Pass);
    let summary = summarize(&c, &s);
    assert_eq!(summary.grade, None);
    assert_eq!(summary.provisional_grade.as_deref(), Some("不合格"));
    assert_eq!(summary.current_grade(), Some("不合格"));
    assert!(!summary.is_final());
    assert_eq!(summary.figures.pending_base, 2, "1.2 and the veto item");
    // Both base items passed, the veto item still pending: still provisional, 优秀.
    mark(&mut s, "1.2", Status::Pass);
    let summary = summarize(&c, &s);
    assert_eq!(
        (summary.grade, summary.provisional_grade.as_deref()),
        (None, Some("优秀"))
    );
    // The veto item checked; bonus and penalty may stay pending: final.
    mark(&mut s, "8.1", Status::Pass);
    let summary = summarize(&c, &s);
    assert_eq!(summary.grade.as_deref(), Some("优秀"));
    assert_eq!(summary.provisional_grade, None);
    assert_eq!(summary.verdict(), Verdict::Graded("优秀".into()));
}

#[test]
fn rate_items_score_the_band_at_its_exact_threshold() {
    let rate = kind("6.1", 4.0, |item| {
        item.rate = vec![(85.0, 0.0), (75.0, 1.0), (0.0, 2.5)];
    });
    let c = checklist(rules(), vec![rate]);
    let mut s = session(Scope::Department);
    let fraction = |numerator, denominator| SurveyedRate::Fraction {
        numerator,
        denominator,
    };
    for (rate, status, score) in [
        (fraction(17, 20), Status::Pass, 4.0), // 85% exactly
        (fraction(43, 50), Status::Pass, 4.0), // 86%
        (SurveyedRate::Percent(84.9), Status::Partial, 3.0), // below 85
        (fraction(15, 20), Status::Partial, 3.0), // 75% exactly
        (SurveyedRate::Percent(74.99), Status::Partial, 1.5), // 4 − 2.5
        (SurveyedRate::Percent(0.0), Status::Partial, 1.5), // the 0 band
    ] {
        mark(&mut s, "6.1", status).rate = Some(rate);
        let f = summarize(&c, &s).figures;
        assert_eq!((f.score, f.deducted), (score, 4.0 - score), "{rate}");
    }
    // Without a rate the status scores as usual: partial without deductions is P/2.
    mark(&mut s, "6.1", Status::Partial).rate = None;
    assert_eq!(summarize(&c, &s).figures.score, 2.0);
}
