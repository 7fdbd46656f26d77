use super::*;
use crate::model::session::{ChecklistRef, Status};
use uuid::Uuid;

fn at(time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-21T{time}+08:00")).unwrap()
}

fn session() -> Session {
    Session::new(
        Uuid::nil(),
        ChecklistRef {
            id: "t".into(),
            version: 1,
            hash: "00".into(),
        },
        "r".into(),
        at("09:00:00").date_naive(),
        "办公室".into(),
        "王敏".into(),
        at("09:00:00"),
    )
}

fn mark(session: &mut Session, code: &str, status: Status, note: &str, time: &str) {
    let mut response = session.response(code).cloned().unwrap_or_default();
    response.status = status;
    response.note = note.into();
    session.set_response(code, response, "王敏", at(time));
}

/// What a save does: stamp against the previous save.
fn saved(next: &Session, before: Option<&Session>) -> Session {
    let mut next = next.clone();
    stamp(&mut next, before);
    next
}

#[test]
fn an_unchanged_response_keeps_its_id_and_a_changed_one_descends() {
    let mut s = session();
    mark(&mut s, "1.1", Status::Pass, "", "09:01:00");
    let first = saved(&s, None);
    let first_rev = first.responses["1.1"].rev.clone();
    assert_eq!(first_rev.len(), 12);
    assert_eq!(saved(&first, Some(&first)), first, "nothing changed");

    let mut edited = first.clone();
    mark(&mut edited, "1.1", Status::Fail, "窗台有灰", "09:02:00");
    let second = saved(&edited, Some(&first));
    let response = &second.responses["1.1"];
    assert_ne!(response.rev, first_rev);
    assert_eq!(response.seen, vec![first_rev.clone()]);
    assert_eq!(
        response_version(response).order(&response_version(&first.responses["1.1"])),
        Order::Descends
    );
}

#[test]
fn keystrokes_between_saves_make_one_version_and_stale_copies_agree() {
    let mut s = session();
    mark(&mut s, "1.1", Status::Pass, "", "09:01:00");
    let first = saved(&s, None);
    let mut typing = first.clone();
    for (n, note) in ["会", "会议", "会议记录"].iter().enumerate() {
        mark(
            &mut typing,
            "1.1",
            Status::Pass,
            note,
            &format!("09:02:0{n}"),
        );
    }
    let second = saved(&typing, Some(&first));
    assert_eq!(second.responses["1.1"].seen.len(), 1, "one step, not three");
    // A copy that kept the pre-save ids saves to the same ids.
    assert_eq!(saved(&typing, Some(&second)), second);
}

#[test]
fn a_cleared_item_leaves_a_tombstone_that_descends_from_it() {
    let mut s = session();
    mark(&mut s, "1.1", Status::Fail, "未整改", "09:01:00");
    let first = saved(&s, None);
    let mut cleared = first.clone();
    cleared.responses.remove("1.1");
    cleared.updated = at("09:05:00");
    let second = saved(&cleared, Some(&first));
    let tombstone = &second.responses["1.1"];
    assert!(tombstone.is_blank());
    assert_eq!(tombstone.at, Some(at("09:05:00")));
    assert_eq!(tombstone.seen, vec![first.responses["1.1"].rev.clone()]);
    assert_eq!(saved(&second, Some(&second)), second);
    let mut again = second.clone();
    again.responses.remove("1.1");
    assert_eq!(
        saved(&again, Some(&second)),
        second,
        "a tombstone stays put"
    );
}

#[test]
fn format_one_content_gets_the_same_ids_on_every_copy() {
    let mut s = session();
    mark(&mut s, "1.1", Status::Pass, "好", "09:01:00");
    let old = s.clone();
    assert!(old.responses["1.1"].rev.is_empty());
    let here = saved(&old, Some(&old));
    let there = with_ids(&old);
    assert_eq!(here.responses["1.1"].rev, there.responses["1.1"].rev);
    assert_eq!(here.header_rev, there.header_rev);
}

#[test]
fn finishing_changes_the_header_revision() {
    let first = saved(&session(), None);
    assert_eq!(first.header_rev.len(), 12);
    let mut finished = first.clone();
    finished.finished = Some(at("10:00:00"));
    let second = saved(&finished, Some(&first));
    assert_eq!(second.header_seen, vec![first.header_rev.clone()]);
    assert_eq!(
        header_version(&second).order(&header_version(&first)),
        Order::Descends
    );
}

#[test]
fn ancestry_is_bounded_and_without_repeats() {
    let ids: Vec<String> = (0..30).map(|n| format!("{}", n % 20)).collect();
    let kept = ancestry(&ids);
    assert_eq!(kept.len(), ANCESTRY_LIMIT);
    assert_eq!(kept[0], "0");
    let mut sorted = kept.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), kept.len());
}
