use super::*;
use crate::model::matching::tests::{checklist, item};
use crate::model::rounds::prior_of as prior_session;
use crate::model::scoring::summarize;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

#[test]
fn names_run_past_the_list() {
    let names = department_names(50);
    assert_eq!(names[0], "办公室");
    assert_eq!(names[25], "第一执法大队");
    assert_eq!(names[49], "第二十五执法大队");
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert_eq!(unique.len(), 50);
    assert_eq!(chinese_number(10), "十");
    assert_eq!(chinese_number(40), "四十");
}

#[test]
fn rounds_go_back_twice_a_month() {
    let found = rounds(4, day("2026-11-21"));
    let labels: Vec<&str> = found.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "2026年10月上半月自查",
            "2026年10月下半月自查",
            "2026年11月上半月自查",
            "2026年11月下半月自查"
        ]
    );
    assert!(found.windows(2).all(|w| w[0].start < w[1].start));
    let across_new_year = rounds(3, day("2027-01-03"));
    assert_eq!(across_new_year[0].label, "2026年12月上半月自查");
}

fn tiny_checklist() -> Checklist {
    let mut veto = item("1.4", 0.0);
    veto.veto = true;
    let mut bonus = item("1.5", 2.0);
    bonus.bonus = true;
    checklist(
        1,
        vec![
            item("1.1", 4.0),
            item("1.2", 3.0),
            item("1.3", 3.0),
            veto,
            bonus,
        ],
        &[],
    )
}

#[test]
fn a_series_is_deterministic_chronological_and_drifts() {
    let checklist = tiny_checklist();
    let reference = ChecklistRef {
        id: checklist.id.clone(),
        version: 1,
        hash: "00".into(),
    };
    let with = DemoChecklist {
        reference: &reference,
        checklist: &checklist,
    };
    let plan = DemoPlan {
        departments: 1,
        rounds: 40,
        seed: 7,
        until: day("2026-11-21"),
    };
    let all_rounds = rounds(plan.rounds, plan.until);
    let series = department_series(&plan, 0, "办公室", with, &all_rounds);
    let again = department_series(&plan, 0, "办公室", with, &all_rounds);
    assert_eq!(series, again, "same seed, same sessions");
    assert_eq!(series.len(), 40);
    assert!(series.windows(2).all(|w| w[0].date < w[1].date));
    assert!(series.last().is_some_and(|s| !s.is_finished()));
    assert!(series[..39].iter().all(Session::is_finished));
    // Each session's prior is the one before it.
    assert_eq!(
        prior_session(&series[5], &series).map(|s| s.id),
        Some(series[4].id)
    );
    let problems: usize = series
        .iter()
        .map(|s| summarize(&checklist, s).problems)
        .sum();
    assert!(problems > 0, "some problems over 40 rounds");
    let closed = series
        .iter()
        .flat_map(|s| s.responses.values())
        .filter_map(|r| r.rectification.as_ref())
        .filter(|r| r.done.is_some())
        .count();
    assert!(closed > 0, "some rectifications were closed later");
    let bonus_fixes = series
        .iter()
        .filter_map(|s| s.responses.get("1.5"))
        .filter(|r| r.rectification.is_some())
        .count();
    assert_eq!(bonus_fixes, 0, "a bonus not earned needs no rectification");
    let ids: std::collections::BTreeSet<Uuid> = series.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), 40, "ids are unique");
}
