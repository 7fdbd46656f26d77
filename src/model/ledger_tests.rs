use super::*;
use crate::model::followup::{record_recheck, report_done};
use crate::model::matching::tests::{checklist, item};
use crate::model::rounds::tests::session;
use crate::model::session::{Recheck, RecheckResult, RectificationDone, Session};
use chrono::{DateTime, FixedOffset};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn at(day: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{day}T10:00:00+08:00")).expect("test time")
}

fn assign(session: &mut Session, code: &str, status: Status, owner: &str, due: &str) {
    let response = session.responses.entry(code.into()).or_default();
    response.status = status;
    response.rectification = Some(Rectification {
        owner_department: session.department.clone(),
        owner: owner.into(),
        due: Some(date(due)),
        ..Rectification::default()
    });
}

fn mark(session: &mut Session, code: &str, status: Status) {
    session.responses.entry(code.into()).or_default().status = status;
}

fn rectification<'a>(session: &'a mut Session, code: &str) -> Option<&'a mut Rectification> {
    session
        .responses
        .get_mut(code)
        .and_then(|r| r.rectification.as_mut())
}

fn done(session: &mut Session, code: &str, on: &str) {
    let report = RectificationDone {
        at: at(on),
        by: "李明".into(),
        note: "已整改".into(),
    };
    report_done(code, rectification(session, code), report).expect("done");
}

fn recheck(session: &mut Session, code: &str, result: RecheckResult, on: &str) {
    let recheck = Recheck {
        result,
        by: "王敏".into(),
        at: at(on),
        note: String::new(),
        session: None,
        implied: false,
    };
    record_recheck(code, rectification(session, code), recheck).expect("recheck");
}

fn summary(entries: &[LedgerEntry]) -> Vec<(String, String, bool, usize)> {
    entries
        .iter()
        .map(|e| {
            (
                e.department.clone(),
                e.code().unwrap_or_default().to_string(),
                e.overdue,
                e.rounds_open().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn open_then_done_then_a_failed_recheck_then_a_passed_one_closes() {
    let list = checklist(1, vec![item("a", 2.0)], &[]);
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    assign(&mut october, "a", Status::Fail, "李明", "2026-11-01");
    let entry = |s: &Session, today: &str, scope| {
        ledger(&[Inspection::new(s, &list)], &[], date(today), scope)
    };
    let open = entry(&october, "2026-11-02", LedgerScope::Open);
    assert_eq!(open[0].rectification.state(), FollowUpState::Open);
    assert!(open[0].overdue, "open past its due date");

    done(&mut october, "a", "2026-11-05");
    let reported = entry(&october, "2026-11-06", LedgerScope::Open);
    assert_eq!(reported[0].rectification.state(), FollowUpState::Done);
    assert!(
        !reported[0].overdue,
        "reported done: waiting for the re-check"
    );
    assert!(reported[0].is_open(), "done is not closed");

    recheck(&mut october, "a", RecheckResult::Fail, "2026-11-08");
    let failed = entry(&october, "2026-11-09", LedgerScope::Open);
    assert_eq!(failed[0].rectification.state(), FollowUpState::Failed);
    assert!(
        failed[0].rectification.done.is_some(),
        "a failed re-check keeps done"
    );
    assert!(failed[0].overdue, "open again, and past its due date");

    recheck(&mut october, "a", RecheckResult::Pass, "2026-11-12");
    assert!(entry(&october, "2026-11-13", LedgerScope::Open).is_empty());
    let closed = entry(&october, "2026-11-13", LedgerScope::All);
    let closing = closed[0].rectification.closing().expect("closed");
    assert_eq!(
        (closing.by.as_str(), closing.at),
        ("王敏", at("2026-11-12"))
    );
    assert_eq!(closed[0].rectification.rechecks.len(), 2);
    assert!(!closed[0].overdue);
    assert!(closed[0].closed_by_walk().is_none(), "closed by hand");
    let again = Recheck {
        result: RecheckResult::Pass,
        by: "王敏".into(),
        at: at("2026-11-13"),
        note: String::new(),
        session: None,
        implied: false,
    };
    let refused = record_recheck("a", rectification(&mut october, "a"), again);
    assert!(matches!(
        refused,
        Err(crate::model::edit::EditError::AlreadyClosed { .. })
    ));
}

#[test]
fn a_later_session_marking_the_renamed_item_pass_closes_it_without_touching_the_earlier_file() {
    let v1 = checklist(1, ["old", "b"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let v2 = checklist(
        2,
        ["new", "b"].map(|c| item(c, 2.0)).to_vec(),
        &[("old", "new")],
    );
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    october.checklist.version = 1;
    assign(&mut october, "old", Status::Fail, "李明", "2026-11-01");
    assign(&mut october, "b", Status::Fail, "张华", "2026-11-01");
    let before = october.clone();
    let mut november = session(2, "办公室", "2026-11-15", "09:00");
    november.checklist.version = 2;
    november.inspector = "赵强".into();
    mark(&mut november, "new", Status::Pass);
    mark(&mut november, "b", Status::Partial);
    let all = [
        Inspection::new(&october, &v1),
        Inspection::new(&november, &v2),
    ];
    let today = date("2026-12-01");

    let open = ledger(&all, &[], today, LedgerScope::Open);
    assert_eq!(summary(&open), [("办公室".into(), "b".into(), true, 2)]);
    let failed = open[0]
        .rectification
        .recheck()
        .expect("re-checked by the walk");
    assert_eq!(failed.result, RecheckResult::Fail);
    assert_eq!(failed.session, Some(november.id));

    let every = ledger(&all, &[], today, LedgerScope::All);
    let closed = every
        .iter()
        .find(|e| e.code() == Some("old"))
        .expect("listed");
    assert!(!closed.is_open());
    let closing = closed.rectification.closing().expect("closed");
    assert_eq!(closing.session, Some(november.id));
    assert_eq!(closing.by, "赵强", "the later session's inspector");
    assert_eq!(closing.at.date_naive(), november.date);
    let walk = closed.closed_by_walk().expect("by a walk");
    assert_eq!(
        (walk.round.as_str(), walk.date),
        (november.round.as_str(), november.date)
    );
    assert_eq!(
        closed.rounds_open(),
        Some(1),
        "the closing session does not count"
    );
    assert_eq!(october, before, "derived when reading, never written");
}

#[test]
fn rounds_open_counts_later_sessions_until_closed_or_gone() {
    let list = checklist(1, ["a", "b", "c"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    assign(&mut october, "a", Status::Fail, "李明", "2026-11-01");
    assign(&mut october, "b", Status::Partial, "张华", "2026-12-31");
    let mut november = session(2, "办公室", "2026-11-15", "09:00");
    mark(&mut november, "a", Status::Partial); // a failed its re-check
    mark(&mut november, "b", Status::Pass); // b closed by the walk
    let mut december = session(3, "办公室", "2026-12-10", "09:00"); // a pending: counts
    assign(&mut december, "c", Status::Fail, "赵强", "2026-12-20");
    let mut elsewhere = session(4, "党群科", "2026-11-20", "09:00");
    assign(&mut elsewhere, "a", Status::Fail, "钱进", "2026-11-30");
    let all = [&october, &november, &december, &elsewhere].map(|s| Inspection::new(s, &list));
    let entries = ledger(&all, &[], date("2026-12-15"), LedgerScope::Open);
    assert_eq!(
        summary(&entries),
        [
            ("办公室".into(), "a".into(), true, 3),
            ("党群科".into(), "a".into(), true, 1),
            ("办公室".into(), "c".into(), false, 1),
        ]
    );
    assert_eq!(entries[0].rectification.owner, "李明");
    assert_eq!(entries[0].item().map(|i| i.status), Some(Status::Fail));
    assert_eq!(entries[0].session_id(), Some(Uuid::from_u128(1)));
}

#[test]
fn closed_by_hand_counts_only_sessions_up_to_that_day() {
    let list = checklist(1, ["a", "b"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    assign(&mut october, "a", Status::Fail, "李明", "2026-11-01");
    assign(&mut october, "b", Status::Fail, "张华", "2026-11-01");
    recheck(&mut october, "a", RecheckResult::Pass, "2026-11-10");
    let mut november = session(2, "办公室", "2026-11-15", "09:00");
    mark(&mut november, "a", Status::Fail);
    let all = [&october, &november].map(|s| Inspection::new(s, &list));
    let today = date("2026-12-15");
    let open = ledger(&all, &[], today, LedgerScope::Open);
    assert_eq!(summary(&open), [("办公室".into(), "b".into(), true, 2)]);
    let every = ledger(&all, &[], today, LedgerScope::All);
    let closed = &every[1];
    assert_eq!(closed.code(), Some("a"));
    assert_eq!(
        closed.rounds_open(),
        Some(1),
        "closed before November's session"
    );
    assert_eq!(
        closed.rectification.rechecks.len(),
        1,
        "nothing after the closing"
    );
}

#[test]
fn the_item_gone_from_a_later_version_stops_the_count() {
    let v1 = checklist(1, ["old", "gone"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let v2 = checklist(2, vec![item("new", 2.0)], &[("old", "new")]);
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    october.checklist.version = 1;
    assign(&mut october, "old", Status::Fail, "李明", "2027-01-01");
    assign(&mut october, "gone", Status::Fail, "李明", "2027-01-01");
    let mut november = session(2, "办公室", "2026-11-15", "09:00");
    november.checklist.version = 2;
    mark(&mut november, "new", Status::Fail);
    let all = [
        Inspection::new(&october, &v1),
        Inspection::new(&november, &v2),
    ];
    let entries = ledger(&all, &[], date("2026-12-15"), LedgerScope::Open);
    assert_eq!(
        summary(&entries),
        [
            ("办公室".into(), "old".into(), false, 2),
            ("办公室".into(), "gone".into(), false, 1),
        ]
    );
}

#[test]
fn overdue_needs_an_open_rectification_past_its_due_date() {
    let mut rect = Rectification {
        owner: "李明".into(),
        due: Some(date("2026-12-14")),
        ..Rectification::default()
    };
    assert!(is_overdue(&rect, date("2026-12-15")));
    assert!(
        !is_overdue(&rect, date("2026-12-14")),
        "due today is not yet overdue"
    );
    rect.due = None;
    assert!(!is_overdue(&rect, date("2027-01-01")));
    rect.due = Some(date("2026-12-14"));
    rect.done = Some(RectificationDone {
        at: at("2026-12-20"),
        by: "李明".into(),
        note: String::new(),
    });
    assert!(!is_overdue(&rect, date("2026-12-31")), "reported done");
    rect.rechecks.push(Recheck {
        result: RecheckResult::Pass,
        by: "王敏".into(),
        at: at("2026-12-21"),
        note: String::new(),
        session: None,
        implied: false,
    });
    assert!(!is_overdue(&rect, date("2026-12-31")), "closed");
}

#[test]
fn problems_from_outside_are_listed_with_their_source_and_no_rounds() {
    let now = at("2026-11-20");
    let problem = Problem {
        format: crate::model::problem::PROBLEM_FORMAT,
        id: Uuid::from_u128(9),
        department: "财务科".into(),
        title: "公示栏内容过期".into(),
        source: "市文明办通报".into(),
        date: date("2026-11-20"),
        by: String::new(),
        created: now,
        updated: now,
        seq: 1,
        rectification: Rectification {
            owner: "李明".into(),
            due: Some(date("2026-11-30")),
            ..Rectification::default()
        },
        rev: String::new(),
        seen: Vec::new(),
    };
    let entries = ledger(
        &[],
        std::slice::from_ref(&problem),
        date("2026-12-01"),
        LedgerScope::Open,
    );
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.problem_id(), Some(problem.id));
    assert_eq!(
        (entry.session_id(), entry.code(), entry.rounds_open()),
        (None, None, None)
    );
    assert!(entry.overdue);
    assert_eq!(entry.responsible(), "财务科");
    assert!(matches!(&entry.origin, Origin::Problem { source, .. } if source == "市文明办通报"));
}
