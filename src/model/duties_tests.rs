use super::*;
use crate::model::checklist::Item;
use crate::model::ledger::{LedgerScope, ledger};
use crate::model::matching::tests::{checklist, item};
use crate::model::rounds::tests::{mark, session};
use crate::model::session::{Rectification, Session, Status};

fn led(code: &str, points: f64, owners: &[&str]) -> Item {
    Item {
        owners: owners.iter().map(|o| o.to_string()).collect(),
        ..item(code, points)
    }
}

fn with_deduction(session: &mut Session, code: &str, index: usize) {
    let response = session.responses.entry(code.into()).or_default();
    response.status = Status::Partial;
    response.deductions = vec![index];
}

/// 办公室 leads a, b and u (a unit item); 工会 leads c. Deductions of 1 and 3 points
/// (the test items' two), 2.0 disqualifies.
fn round_checklist() -> crate::model::checklist::Checklist {
    let mut unit_item = led("u", 2.0, &["办公室"]);
    unit_item.scope = Scope::Unit;
    let mut list = checklist(
        1,
        vec![
            led("a", 4.0, &["办公室", "工会"]),
            led("b", 4.0, &["办公室"]),
            led("c", 4.0, &["工会"]),
            unit_item,
            item("free", 4.0),
        ],
        &[],
    );
    list.rules.disqualify_from = Some(2.0);
    list
}

#[test]
fn a_lead_department_loses_on_its_items_in_unit_sessions_and_its_own_session_only() {
    let list = round_checklist();
    let mut office = session(1, "办公室", "2026-11-15", "09:00");
    with_deduction(&mut office, "a", 0); // -1
    mark(&mut office, "c", Status::Fail); // 工会 leads c, but this is 办公室's session
    let mut union = session(2, "工会", "2026-11-15", "10:00");
    mark(&mut union, "a", Status::Fail); // 办公室 leads a, but this is 工会's session
    with_deduction(&mut union, "c", 0); // -1
    let mut unit = session(3, "全局", "2026-11-16", "09:00");
    unit.scope = Scope::Unit;
    mark(&mut unit, "u", Status::Partial); // -1 (half of 2, no deduction)
    with_deduction(&mut unit, "c", 0); // -1 for 工会
    mark(&mut unit, "b", Status::Pass);
    let round = [&office, &union, &unit].map(|s| Inspection::new(s, &list));
    let list_of = duties(&round, &[]);
    let office_duty = &list_of[0];
    assert_eq!(office_duty.department, "办公室");
    assert_eq!(office_duty.items, 3, "a, b and u");
    assert_eq!(
        office_duty.lost, 2.0,
        "a in its own session, u in the unit session"
    );
    assert!(office_duty.disqualified, "2.0 reaches disqualify_from 2.0");
    let details: Vec<(&str, f64)> = office_duty
        .details
        .iter()
        .map(|d| (d.code.as_str(), d.lost))
        .collect();
    assert_eq!(details, [("a", 1.0), ("u", 1.0)]);
    let union_duty = &list_of[1];
    assert_eq!(
        (union_duty.department.as_str(), union_duty.items),
        ("工会", 1)
    );
    assert_eq!(union_duty.lost, 2.0);
    assert!(union_duty.disqualified);
}

#[test]
fn below_the_threshold_is_not_disqualified_and_the_older_rule_is_strict() {
    let mut list = round_checklist();
    let mut office = session(1, "办公室", "2026-11-15", "09:00");
    with_deduction(&mut office, "a", 0); // -1
    mark(&mut office, "b", Status::Partial); // -2 (half of 4)
    let round = [Inspection::new(&office, &list)];
    assert!(duties(&round, &[])[0].disqualified, "3.0 ≥ 2.0");
    let mut lighter = session(1, "办公室", "2026-11-15", "09:00");
    with_deduction(&mut lighter, "a", 0);
    let round = [Inspection::new(&lighter, &list)];
    let duty = &duties(&round, &[])[0];
    assert_eq!(duty.lost, 1.0);
    assert!(!duty.disqualified);
    list.rules.disqualify_from = None;
    list.rules.disqualify_over = Some(3.0);
    let round = [Inspection::new(&office, &list)];
    assert!(!duties(&round, &[])[0].disqualified, "3.0 is not over 3.0");
}

#[test]
fn open_rectifications_count_for_the_department_written_on_them_else_the_lead() {
    let list = round_checklist();
    let mut office = session(1, "办公室", "2026-11-15", "09:00");
    for (code, department) in [("a", ""), ("b", "工会"), ("free", "")] {
        let response = office.responses.entry(code.into()).or_default();
        response.status = Status::Fail;
        response.rectification = Some(Rectification {
            owner_department: department.into(),
            owner: "李明".into(),
            ..Rectification::default()
        });
    }
    let round = [Inspection::new(&office, &list)];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let open = ledger(&round, &[], today, LedgerScope::Open);
    let counts: Vec<(String, usize)> = duties(&round, &open)
        .into_iter()
        .map(|d| (d.department, d.open_rectifications))
        .collect();
    assert!(
        counts.contains(&("办公室".into(), 2)),
        "a (lead) and free (found there): {counts:?}"
    );
    assert!(
        counts.contains(&("工会".into(), 1)),
        "b, written: {counts:?}"
    );
}

#[test]
fn each_department_leads_a_各科室_item_in_its_own_session() {
    let mut list = checklist(
        1,
        vec![
            led("e", 4.0, &["各科室", "办公室"]),
            led("a", 2.0, &["办公室"]),
        ],
        &[],
    );
    list.rules.disqualify_from = Some(2.0);
    let mut office = session(1, "办公室", "2026-11-15", "09:00");
    mark(&mut office, "e", Status::Partial); // -2 for 办公室
    let mut union = session(2, "工会", "2026-11-15", "10:00");
    with_deduction(&mut union, "e", 0); // -1 for 工会
    let mut unit = session(3, "全局", "2026-11-16", "09:00");
    unit.scope = Scope::Unit;
    mark(&mut unit, "e", Status::Fail); // no single lead in a unit session
    let round = [&office, &union, &unit].map(|s| Inspection::new(s, &list));
    let found: Vec<(String, usize, f64)> = duties(&round, &[])
        .into_iter()
        .map(|d| (d.department, d.items, d.lost))
        .collect();
    assert_eq!(
        found,
        [("办公室".to_string(), 2, 2.0), ("工会".to_string(), 1, 1.0)],
        "no department named 各科室"
    );
}
