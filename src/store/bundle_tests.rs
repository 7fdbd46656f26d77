//! Bundle entries, reproducible bytes and where a bundle may be written.

use super::*;
use crate::store::NewSession;

#[test]
fn entries_are_classified_by_exact_name() {
    let id = "01930000-0000-7000-8000-000000000001";
    assert_eq!(
        classify_entry(&format!("sessions/{id}.ron")),
        BundleEntry::Session(Uuid::parse_str(id).unwrap())
    );
    assert_eq!(
        classify_entry(&format!("problems/{id}.ron")),
        BundleEntry::Problem(Uuid::parse_str(id).unwrap())
    );
    assert_eq!(
        classify_entry("archive/siyou-v1-0123abcd.ron"),
        BundleEntry::Archive("siyou-v1-0123abcd.ron".into())
    );
    for other in [
        "sessions/../../etc/passwd",
        &format!("sessions/{id}.ron.bak"),
        "archive/../x.ron",
        "problems/../x.ron",
        "archive/sub/x.ron",
        "archive/..ron",
        "README.txt",
    ] {
        assert_eq!(classify_entry(other), BundleEntry::Other, "{other}");
    }
}

fn store_with_a_session(dir: &Path) -> Store {
    let store = Store::open(&dir.join("data")).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T09:00:00+08:00").unwrap();
    let checklist = store.catalog().latest_all()[0].checklist.id.clone();
    let request = NewSession {
        checklist,
        department: "办公室".into(),
        round: "r".into(),
        date: now.date_naive(),
        inspector: String::new(),
        scope: Default::default(),
    };
    store.create(request, now).unwrap();
    store
}

#[test]
fn the_same_sessions_make_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_a_session(dir.path());
    let (a, b) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    store.write_bundle(None, &a, false).unwrap();
    store.write_bundle(None, &b, false).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn a_bundle_is_never_written_into_a_managed_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_a_session(dir.path());
    let session = store.scan().unwrap().sessions[0].path.clone();
    let before = std::fs::read(&session).unwrap();
    let data = dir.path().join("data");
    for out in [
        session.clone(),
        data.join("archive/x.zip"),
        data.join("attachments/x.zip"),
        data.join("sessions/../sessions/y.zip"),
        data.join("index.ron"),
    ] {
        let error = store.write_bundle(None, &out, true).unwrap_err();
        assert!(
            matches!(error, BundleError::InsideData { .. }),
            "{out:?}: {error}"
        );
    }
    assert_eq!(std::fs::read(&session).unwrap(), before);
    store
        .write_bundle(None, &data.join("fine.zip"), false)
        .unwrap();
}
