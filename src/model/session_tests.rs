//! Statuses, responses and a session's edits.

use super::*;

#[test]
fn status_parses_english_and_chinese() {
    assert_eq!("pass".parse(), Ok(Status::Pass));
    assert_eq!("PARTIAL".parse(), Ok(Status::Partial));
    assert_eq!("未达标".parse(), Ok(Status::Fail));
    let err = "ok".parse::<Status>().unwrap_err().to_string();
    assert!(err.contains("pending, pass, partial, fail, na"), "{err}");
}

fn empty_session() -> (Session, DateTime<FixedOffset>) {
    let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
    let reference = ChecklistRef {
        id: "t".into(),
        version: 1,
        hash: "h".into(),
    };
    let session = Session::new(
        Uuid::nil(),
        reference,
        "r".into(),
        now.date_naive(),
        "办公室".into(),
        String::new(),
        now,
    );
    (session, now)
}

#[test]
fn blank_responses_are_dropped() {
    let (mut session, now) = empty_session();
    let marked = Response {
        status: Status::Pass,
        ..Response::default()
    };
    session.set_response("1.1", marked, "王敏", now);
    assert_eq!(session.status("1.1"), Status::Pass);
    assert_eq!(session.response("1.1").map(|r| r.by.as_str()), Some("王敏"));
    session.set_response("1.1", Response::default(), "王敏", now);
    assert!(session.responses.is_empty());
}

#[test]
fn counts_are_kept_only_for_picked_deductions_applied_more_than_once() {
    let (mut session, now) = empty_session();
    let counted = Response {
        status: Status::Partial,
        deductions: vec![1],
        counts: [(0, 4), (1, 3), (2, 1)].into(),
        ..Response::default()
    };
    session.set_response("2.1", counted, "王敏", now);
    let stored = session.response("2.1").unwrap();
    assert_eq!(stored.counts, [(1, 3)].into());
    assert_eq!((stored.count(0), stored.count(1)), (1, 3));
    let unpicked = Response {
        counts: [(1, 3)].into(),
        ..Response::default()
    };
    session.set_response("2.1", unpicked, "王敏", now);
    assert!(session.responses.is_empty(), "a count alone is blank");
}

#[test]
fn a_status_clears_the_level_and_the_rate() {
    let mut response = Response {
        status: Status::Partial,
        level: Some("B".into()),
        rate: Some(SurveyedRate::Percent(80.0)),
        ..Response::default()
    };
    response.set_status(Status::Pass);
    assert_eq!(
        (response.status, response.level, response.rate),
        (Status::Pass, None, None)
    );
}

#[test]
fn open_rectification() {
    let mut response = Response::default();
    assert!(!response.has_open_rectification());
    response.rectification = Some(Rectification {
        owner: "李明".into(),
        ..Rectification::default()
    });
    assert!(response.has_open_rectification());
}

#[test]
fn a_done_rectification_of_an_older_format_counts_as_closed() {
    let (mut session, now) = empty_session();
    let done = RectificationDone {
        at: now,
        by: "王敏".into(),
        note: "已整改".into(),
    };
    let closed_before = Response {
        status: Status::Fail,
        rectification: Some(Rectification {
            owner: "工会".into(),
            done: Some(done.clone()),
            ..Rectification::default()
        }),
        ..Response::default()
    };
    let open = Response {
        status: Status::Fail,
        rectification: Some(Rectification {
            owner: "李明".into(),
            ..Rectification::default()
        }),
        ..Response::default()
    };
    session
        .responses
        .insert("1.1".into(), closed_before.clone());
    session.responses.insert("1.2".into(), open);
    let mut current = session.clone();
    current.imply_legacy_rechecks();
    assert!(
        current.response("1.1").unwrap().has_open_rectification(),
        "format 3: done is not closed"
    );
    session.format = 2;
    session.imply_legacy_rechecks();
    let rect = session
        .response("1.1")
        .unwrap()
        .rectification
        .clone()
        .unwrap();
    assert_eq!(rect.owner, "工会", "the owner stays as written");
    let implied = rect.closing().expect("closed");
    assert!(implied.implied);
    assert_eq!((implied.by.as_str(), implied.at), ("王敏", now));
    assert!(session.response("1.2").unwrap().has_open_rectification());
}
