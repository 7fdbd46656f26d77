use super::*;
use crate::model::matching::tests::{checklist, item};
use crate::model::rounds::tests::{mark, session};
use chrono::DateTime;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test time")
}

fn done_at(when: &str) -> RectificationDone {
    RectificationDone {
        at: at(when),
        by: "李明".into(),
        note: " 已整改 ".into(),
    }
}

fn by_hand(result: RecheckResult, when: &str) -> Recheck {
    Recheck {
        result,
        by: "王敏".into(),
        at: at(when),
        note: " 复查 ".into(),
        session: None,
        implied: false,
    }
}

#[test]
fn done_is_reported_once_until_a_recheck_fails_and_never_after_closing() {
    assert!(matches!(
        report_done("1.1", None, done_at("2026-11-20T10:00:00+08:00")),
        Err(EditError::NoRectification { .. })
    ));
    assert!(matches!(
        record_recheck(
            "1.1",
            None,
            by_hand(RecheckResult::Pass, "2026-11-20T10:00:00+08:00")
        ),
        Err(EditError::NoRectification { .. })
    ));
    let mut rect = Rectification {
        owner: "李明".into(),
        ..Rectification::default()
    };
    report_done("1.1", Some(&mut rect), done_at("2026-11-20T10:00:00+08:00")).unwrap();
    assert_eq!(rect.done.as_ref().map(|d| d.note.as_str()), Some("已整改"));
    let twice = report_done("1.1", Some(&mut rect), done_at("2026-11-21T10:00:00+08:00"));
    assert!(
        matches!(twice, Err(EditError::AlreadyDone { .. })),
        "{twice:?}"
    );
    record_recheck(
        "1.1",
        Some(&mut rect),
        by_hand(RecheckResult::Fail, "2026-11-22T10:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(rect.rechecks[0].note, "复查");
    report_done("1.1", Some(&mut rect), done_at("2026-11-23T10:00:00+08:00")).unwrap();
    record_recheck(
        "1.1",
        Some(&mut rect),
        by_hand(RecheckResult::Pass, "2026-11-24T10:00:00+08:00"),
    )
    .unwrap();
    let after = report_done("1.1", Some(&mut rect), done_at("2026-11-25T10:00:00+08:00"));
    let error = after.unwrap_err().to_string();
    assert!(error.contains("already closed by 王敏"), "{error}");
}

#[test]
fn later_walks_recheck_when_they_judge_the_item_and_stop_where_it_is_gone() {
    let v1 = checklist(1, ["a", "b"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let v2 = checklist(2, vec![item("a", 2.0)], &[]);
    let opened = session(1, "办公室", "2026-09-15", "09:00");
    let mut same_day = session(2, "办公室", "2026-09-15", "10:00");
    mark(&mut same_day, "a", Status::Pass);
    let mut pending = session(3, "办公室", "2026-10-15", "09:00");
    mark(&mut pending, "a", Status::Na);
    let mut failing = session(4, "办公室", "2026-11-15", "09:00");
    mark(&mut failing, "a", Status::Fail);
    mark(&mut failing, "b", Status::Fail);
    let mut dropped = session(5, "办公室", "2026-12-15", "09:00");
    dropped.checklist.version = 2;
    let mut passing = session(6, "办公室", "2027-01-15", "09:00");
    mark(&mut passing, "a", Status::Pass);
    mark(&mut passing, "b", Status::Pass);
    let later = [
        Inspection::new(&same_day, &v1),
        Inspection::new(&pending, &v1),
        Inspection::new(&failing, &v1),
        Inspection::new(&dropped, &v2),
        Inspection::new(&passing, &v1),
    ];
    let mut maps = CodeMaps::default();
    let start = Inspection::new(&opened, &v1);
    let a = walk_rechecks(start, "a", later, &mut maps);
    let a: Vec<(RecheckResult, Option<Uuid>)> = a.iter().map(|r| (r.result, r.session)).collect();
    assert_eq!(
        a,
        [
            (RecheckResult::Fail, Some(failing.id)),
            (RecheckResult::Pass, Some(passing.id)),
        ],
        "same-day, na and a version without changes to a are no re-check"
    );
    let b = walk_rechecks(start, "b", later, &mut maps);
    assert_eq!(b.len(), 1, "b is gone in v2: January does not re-check it");
}

#[test]
fn walked_and_recorded_rechecks_merge_in_time_order_up_to_the_first_pass() {
    let recorded = Rectification {
        owner: "李明".into(),
        rechecks: vec![by_hand(RecheckResult::Fail, "2026-11-10T10:00:00+08:00")],
        ..Rectification::default()
    };
    let mut walked_pass = by_hand(RecheckResult::Pass, "2026-11-15T00:00:00+08:00");
    walked_pass.session = Some(Uuid::from_u128(2));
    let walked_late = by_hand(RecheckResult::Fail, "2026-12-15T00:00:00+08:00");
    let followed = followed(&recorded, vec![walked_late, walked_pass]);
    let order: Vec<_> = followed.rechecks.iter().map(|r| r.result).collect();
    assert_eq!(order, [RecheckResult::Fail, RecheckResult::Pass]);
    assert_eq!(
        followed.closing().and_then(|r| r.session),
        Some(Uuid::from_u128(2))
    );
}

#[test]
fn what_a_mark_does_to_last_rounds_rectification() {
    assert_eq!(closes_now(Status::Pass), Some(RecheckResult::Pass));
    assert_eq!(closes_now(Status::Partial), Some(RecheckResult::Fail));
    assert_eq!(closes_now(Status::Fail), Some(RecheckResult::Fail));
    assert_eq!(closes_now(Status::Pending), None);
    assert_eq!(closes_now(Status::Na), None);
}

#[test]
fn heads_count_open_rectifications_as_the_ledger_does() {
    use crate::model::head::SessionHead;
    use crate::model::ledger::{LedgerScope, ledger};
    let v1 = checklist(1, ["a", "b", "c"].map(|c| item(c, 2.0)).to_vec(), &[]);
    let v2 = checklist(
        2,
        ["a2", "b", "c"].map(|c| item(c, 2.0)).to_vec(),
        &[("a", "a2")],
    );
    let mut october = session(1, "办公室", "2026-10-15", "09:00");
    for code in ["a", "b", "c"] {
        mark(&mut october, code, Status::Fail);
        october
            .responses
            .get_mut(code)
            .expect("marked")
            .rectification = Some(Rectification {
            owner: "李明".into(),
            ..Rectification::default()
        });
    }
    let mut november = session(2, "办公室", "2026-11-15", "09:00");
    november.checklist.version = 2;
    november.checklist.hash = "h2".into();
    mark(&mut november, "a2", Status::Pass); // closes a, renamed
    mark(&mut november, "b", Status::Partial); // b stays open
    let all = [
        Inspection::new(&october, &v1),
        Inspection::new(&november, &v2),
    ];
    let mut heads: Vec<SessionHead> = all
        .iter()
        .map(|of| SessionHead::new(of.session, of.checklist))
        .collect();
    assert_eq!(heads[0].open_rectifications, 3, "as its file says");
    count_open_after_walks(&mut heads, |reference| {
        all.iter()
            .find(|of| of.session.checklist == *reference)
            .map(|of| of.checklist)
    });
    let open = ledger(&all, &[], chrono::NaiveDate::MAX, LedgerScope::Open);
    assert_eq!(heads[0].open_rectifications, 2);
    assert_eq!(
        heads[0].open_rectifications,
        open.len(),
        "b and c, as the ledger lists"
    );
}
