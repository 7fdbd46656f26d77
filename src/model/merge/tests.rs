//! Merge scenarios between two laptops, each "saving" as the store does.

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::*;
use crate::model::revision::stamp;
use crate::model::session::{ChecklistRef, Status};

fn at(time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-21T{time}+08:00")).unwrap()
}

fn new_session() -> Session {
    let mut session = Session::new(
        Uuid::from_u128(7),
        ChecklistRef {
            id: "t".into(),
            version: 1,
            hash: "00".into(),
        },
        "2026年11月自查".into(),
        at("09:00:00").date_naive(),
        "办公室".into(),
        "王敏".into(),
        at("09:00:00"),
    );
    stamp(&mut session, None);
    session
}

/// Edits a saved copy and saves it again, as the store would.
fn edit(saved: &Session, change: impl FnOnce(&mut Session)) -> Session {
    let mut next = saved.clone();
    change(&mut next);
    next.seq += 1;
    stamp(&mut next, Some(saved));
    next
}

fn mark(code: &str, status: Status, note: &str, by: &str, time: &str) -> impl FnOnce(&mut Session) {
    let (code, note, by, time) = (
        code.to_string(),
        note.to_string(),
        by.to_string(),
        time.to_string(),
    );
    move |session: &mut Session| {
        let mut response = session.response(&code).cloned().unwrap_or_default();
        response.status = status;
        response.note = note;
        session.set_response(&code, response, &by, at(&time));
    }
}

/// The session after importing `theirs` into `ours`.
fn import(ours: &Session, theirs: &Session) -> (Session, Merge) {
    let merge = merge(ours, theirs).unwrap();
    (merge.result(ours, theirs).clone(), merge)
}

/// Both directions give the same session, and importing again changes nothing.
#[track_caller]
fn converged(a: &Session, b: &Session) -> Session {
    let (ab, _) = import(a, b);
    let (ba, _) = import(b, a);
    assert_eq!(ab, ba, "the merge is symmetric");
    assert_eq!(merge(&ab, a).unwrap().outcome, Outcome::Unchanged);
    assert_eq!(merge(&ab, b).unwrap().outcome, Outcome::Unchanged);
    ab
}

#[test]
fn edits_to_different_items_are_both_kept() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Pass, "", "王敏", "09:01:00"),
    );
    let a = edit(
        &base,
        mark("1.2", Status::Fail, "无记录", "王敏", "10:00:00"),
    );
    let b = edit(
        &base,
        mark("2.1", Status::Partial, "窗台有灰", "李明", "10:05:00"),
    );
    let merged = converged(&a, &b);
    assert_eq!(merged.status("1.1"), Status::Pass);
    assert_eq!(merged.status("1.2"), Status::Fail);
    assert_eq!(merged.status("2.1"), Status::Partial);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.seq, a.seq.max(b.seq) + 1);
    assert_eq!(merged.format, FORMAT);
    let outcome = merge(&a, &b).unwrap();
    assert_eq!(outcome.taken, vec!["2.1".to_string()]);
}

#[test]
fn a_copy_that_is_only_behind_takes_the_other_as_it_is() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Pass, "", "王敏", "09:01:00"),
    );
    let ahead = edit(
        &base,
        mark("1.1", Status::Fail, "复查未过", "王敏", "10:00:00"),
    );
    assert_eq!(merge(&base, &ahead).unwrap().outcome, Outcome::TakeTheirs);
    assert_eq!(merge(&ahead, &base).unwrap().outcome, Outcome::Unchanged);
    assert_eq!(merge(&ahead, &ahead).unwrap().outcome, Outcome::Unchanged);
}

#[test]
fn ancestry_beats_a_skewed_clock() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Fail, "未整改", "王敏", "10:00:00"),
    );
    // B imported A's version, then edited it on a laptop whose clock is an hour behind.
    let b = edit(
        &base,
        mark("1.1", Status::Pass, "已整改", "李明", "09:00:00"),
    );
    let merged = converged(&base, &b);
    assert_eq!(merged.status("1.1"), Status::Pass);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn the_same_item_changed_on_both_keeps_the_loser_for_review() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Pass, "", "王敏", "09:01:00"),
    );
    let a = edit(
        &base,
        mark("1.1", Status::Fail, "A 的备注", "王敏", "10:00:00"),
    );
    let b = edit(
        &base,
        mark("1.1", Status::Partial, "B 的备注", "李明", "10:30:00"),
    );
    let merged = converged(&a, &b);
    assert_eq!(merged.status("1.1"), Status::Partial, "the later edit wins");
    let open = conflicts(&merged);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].code, "1.1");
    assert_eq!(open[0].others.len(), 1);
    assert_eq!(
        open[0].others[0].note, "A 的备注",
        "the loser's note is kept"
    );
    assert_eq!(open[0].others[0].status, Status::Fail);
    assert_eq!(merge(&a, &b).unwrap().conflicts, vec!["1.1".to_string()]);

    // A copy that imported the conflict and edits on keeps it open.
    let (a_merged, _) = import(&a, &b);
    let later = edit(&a_merged, mark("1.2", Status::Pass, "", "王敏", "11:00:00"));
    assert_eq!(conflicts(&converged(&later, &b)).len(), 1);
}

#[test]
fn the_same_change_on_both_is_no_conflict() {
    let base = new_session();
    let a = edit(&base, mark("1.1", Status::Pass, "好", "王敏", "10:00:00"));
    let b = edit(&base, mark("1.1", Status::Pass, "好", "李明", "10:01:00"));
    let merged = converged(&a, &b);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.responses["1.1"].by, "李明");
    // Later edits on either side descend from the agreed version: still no conflict.
    let (a2, _) = import(&a, &b);
    let a3 = edit(&a2, mark("1.1", Status::Fail, "又坏了", "王敏", "12:00:00"));
    let after = converged(&a3, &b);
    assert_eq!(after.status("1.1"), Status::Fail);
    assert!(after.conflicts.is_empty());
}

#[test]
fn a_cleared_item_stays_cleared_and_a_clear_against_an_edit_is_a_conflict() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Fail, "有问题", "王敏", "09:01:00"),
    );
    let cleared = edit(&base, |s| {
        s.set_response("1.1", Response::default(), "王敏", at("10:00:00"));
    });
    let merged = converged(&base, &cleared);
    assert!(merged.responses["1.1"].is_blank(), "not resurrected");

    let edited = edit(
        &base,
        mark("1.1", Status::Fail, "补充说明", "李明", "09:30:00"),
    );
    let merged = converged(&cleared, &edited);
    assert!(merged.responses["1.1"].is_blank(), "the clear is later");
    assert_eq!(
        merged.conflicts["1.1"][0].note, "补充说明",
        "the note is not lost"
    );
}

#[test]
fn resolving_settles_the_conflict_on_every_copy() {
    let base = edit(
        &new_session(),
        mark("1.1", Status::Pass, "", "王敏", "09:01:00"),
    );
    let a = edit(&base, mark("1.1", Status::Fail, "A", "王敏", "10:00:00"));
    let b = edit(&base, mark("1.1", Status::Partial, "B", "李明", "10:30:00"));
    let (both_a, _) = import(&a, &b);
    let (both_b, _) = import(&b, &a);

    for (resolution, status, note) in [
        (Resolution::Mine, Status::Partial, "B"),
        (Resolution::Theirs(0), Status::Fail, "A"),
        (Resolution::BothNotes, Status::Partial, "B\nA"),
    ] {
        let mut resolved = both_a.clone();
        resolve(&mut resolved, "1.1", resolution, "组长", at("12:00:00")).unwrap();
        assert!(resolved.conflicts.is_empty());
        assert_eq!(resolved.status("1.1"), status, "{resolution:?}");
        assert_eq!(resolved.responses["1.1"].note, note, "{resolution:?}");
        let resolved = edit(&both_a, |s| *s = resolved.clone());
        for other in [&a, &b, &both_b] {
            let merged = converged(&resolved, other);
            assert!(merged.conflicts.is_empty(), "{resolution:?}");
            assert_eq!(merged.responses["1.1"].note, note);
        }
    }
    let mut session = both_a.clone();
    assert_eq!(
        resolve(&mut session, "9.9", Resolution::Mine, "x", at("12:00:00")),
        Err(ResolveError::NoConflict("9.9".into()))
    );
    assert!(matches!(
        resolve(
            &mut session,
            "1.1",
            Resolution::Theirs(3),
            "x",
            at("12:00:00")
        ),
        Err(ResolveError::NoSuchVersion { count: 1, .. })
    ));
}

#[test]
fn three_copies_converge_and_keep_every_loser() {
    let base = new_session();
    let a = edit(&base, mark("1.1", Status::Fail, "A", "甲", "10:00:00"));
    let b = edit(&base, mark("1.1", Status::Pass, "B", "乙", "10:10:00"));
    let c = edit(&base, mark("1.1", Status::Na, "C", "丙", "10:20:00"));
    let (ab, _) = import(&a, &b);
    let (abc, _) = import(&ab, &c);
    let (ca, _) = import(&c, &a);
    let (cab, _) = import(&ca, &b);
    assert_eq!(abc, cab);
    let notes: Vec<&str> = abc.conflicts["1.1"]
        .iter()
        .map(|r| r.note.as_str())
        .collect();
    assert_eq!(notes, ["A", "B"]);
    assert_eq!(abc.responses["1.1"].note, "C");
}

#[test]
fn finishing_and_reopening_merge_by_ancestry() {
    let base = new_session();
    let finished = edit(&base, |s| s.finished = Some(at("10:00:00")));
    // The other laptop imported the finished copy and reopened it, its clock behind.
    let reopened = edit(&finished, |s| s.finished = None);
    let merged = converged(&finished, &reopened);
    assert_eq!(merged.finished, None);
    // Edits elsewhere in the session do not undo a finish.
    let edited = edit(&base, mark("1.1", Status::Pass, "", "李明", "11:00:00"));
    let merged = converged(&finished, &edited);
    assert_eq!(merged.finished, Some(at("10:00:00")));
    assert_eq!(merged.status("1.1"), Status::Pass);
}

#[test]
fn old_format_copies_merge_by_content() {
    let mut old = new_session();
    old.format = 1;
    old.header_rev.clear();
    mark("1.1", Status::Pass, "旧", "王敏", "09:00:00")(&mut old);
    mark("1.2", Status::Fail, "", "王敏", "09:00:00")(&mut old);
    assert!(old.responses.values().all(|r| r.rev.is_empty()));
    let upgraded = edit(&old, mark("1.1", Status::Fail, "新", "李明", "10:00:00"));
    assert_eq!(merge(&old, &upgraded).unwrap().outcome, Outcome::TakeTheirs);
    assert_eq!(merge(&upgraded, &old).unwrap().outcome, Outcome::Unchanged);
}

#[test]
fn different_checklists_or_sessions_are_not_merged() {
    let a = new_session();
    let mut b = a.clone();
    b.checklist.version = 2;
    assert!(matches!(
        merge(&a, &b),
        Err(MergeError::DifferentChecklists { .. })
    ));
    b = a.clone();
    b.id = Uuid::from_u128(8);
    assert!(matches!(
        merge(&a, &b),
        Err(MergeError::DifferentSessions { .. })
    ));
}

#[test]
fn joined_notes_keep_every_distinct_note_once() {
    assert_eq!(joined_notes(["甲", "乙"]), "甲\n乙");
    assert_eq!(
        joined_notes(["会议记录不全", "会议记录不全,需补签"]),
        "会议记录不全,需补签"
    );
    assert_eq!(joined_notes(["同", "同", ""]), "同");
    assert_eq!(joined_notes(["", "  "]), "");
}

#[test]
fn saves_alone_leave_a_session_the_same_but_its_scope_does_not() {
    let a = new_session();
    let mut b = a.clone();
    b.seq += 3;
    b.updated = at("10:00:00");
    b.format = 0;
    assert!(same_apart_from_saves(&a, &b));
    b.scope = crate::model::checklist::Scope::Unit;
    assert!(!same_apart_from_saves(&a, &b), "the scope is compared");
}
