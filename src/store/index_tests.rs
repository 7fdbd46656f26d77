//! The index is a cache: every way a session file can change must show.

use std::fs::{self, File};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;

use super::*;
use crate::model::demo::DemoPlan;
use crate::store::demo::write_demo;

/// A store with 4 departments × 5 rounds of demo sessions and 5 unit sessions (全局).
fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let plan = DemoPlan {
        departments: 4,
        rounds: 5,
        seed: 11,
        until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
    };
    assert_eq!(write_demo(&store, &plan).unwrap(), 25);
    (dir, store)
}

/// A moment late enough that every file written so far has settled.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(60)
}

/// Heads computed from the session files themselves, by id.
fn heads_from_files(store: &Store) -> Vec<SessionHead> {
    let (loaded, _) = store.load_all().unwrap();
    loaded
        .iter()
        .map(|l| {
            let checklist = store.checklist_for(&l.session.checklist).unwrap();
            SessionHead::new(&l.session, &checklist)
        })
        .collect()
}

fn some_file(store: &Store, n: usize) -> (Uuid, PathBuf) {
    let scan = store.scan().unwrap();
    let file = &scan.sessions[n];
    (file.id, file.path.clone())
}

fn set_modified(path: &std::path::Path, time: SystemTime) {
    let file = File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

fn head_of(overview: &Overview, id: Uuid) -> Option<&SessionHead> {
    overview.sessions.iter().find(|head| head.id == id)
}

#[test]
fn built_when_missing_then_reused_and_equal_to_the_files() {
    let (_dir, store) = demo_store();
    let cold = store.overview_as_of(later()).unwrap();
    assert_eq!(
        cold.cache,
        CacheUse {
            reused: 0,
            read: 25,
            written: true
        }
    );
    assert!(store.index_path().exists());
    let warm = store.overview_as_of(later()).unwrap();
    assert_eq!(
        warm.cache,
        CacheUse {
            reused: 25,
            read: 0,
            written: false
        }
    );
    assert_eq!(warm.sessions, cold.sessions);
    assert_eq!(warm.sessions, heads_from_files(&store));
}

#[test]
fn files_changed_within_the_settling_time_are_read_again() {
    let (_dir, store) = demo_store();
    let first = store.overview().unwrap();
    assert_eq!(first.cache.read, 25);
    // Just written: a change in the same clock tick would leave the same stamp.
    let second = store.overview().unwrap();
    assert_eq!(second.cache.reused, 0, "{:?}", second.cache);
    let settled = store.overview_as_of(later()).unwrap();
    assert!(settled.cache.written);
    assert_eq!(store.overview_as_of(later()).unwrap().cache.reused, 25);
}

/// Unix only: elsewhere the index has no change time or inode to go by.
#[cfg(unix)]
#[test]
fn an_outside_edit_of_the_same_size_and_time_is_seen() {
    let (_dir, store) = demo_store();
    store.overview_as_of(later()).unwrap();
    let (id, path) = some_file(&store, 3);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("status: pass"));
    // Same length, same modification time: only the change time (unix) tells.
    fs::write(&path, text.replacen("status: pass", "status: fail", 1)).unwrap();
    set_modified(&path, before);
    let overview = store.overview_as_of(later()).unwrap();
    assert_eq!(overview.cache.read, 1);
    let expected = heads_from_files(&store);
    assert_eq!(overview.sessions, expected);
    assert!(head_of(&overview, id).is_some_and(|head| head.problems > 0));
}

#[test]
fn a_clock_skew_into_the_past_or_the_future_is_seen() {
    let (_dir, store) = demo_store();
    store.overview_as_of(later()).unwrap();
    let (id, path) = some_file(&store, 5);
    let text = fs::read_to_string(&path).unwrap();
    // Older than the index itself: "newer than the index" would miss this.
    fs::write(&path, text.replace("department: \"", "department: \"新")).unwrap();
    set_modified(
        &path,
        SystemTime::now() - Duration::from_secs(400 * 24 * 3600),
    );
    let overview = store.overview_as_of(later()).unwrap();
    assert_eq!(overview.cache.read, 1);
    assert!(head_of(&overview, id).is_some_and(|head| head.department.starts_with('新')));

    let (id, path) = some_file(&store, 6);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("round: \"", "round: \"补查")).unwrap();
    set_modified(
        &path,
        SystemTime::now() + Duration::from_secs(30 * 24 * 3600),
    );
    let overview = store.overview_as_of(later()).unwrap();
    assert!(head_of(&overview, id).is_some_and(|head| head.round.starts_with("补查")));
    // A file dated in the future has not settled yet: it is read every time.
    let again = store.overview_as_of(later()).unwrap();
    assert_eq!(again.cache.read, 1);
    assert_eq!(again.sessions, heads_from_files(&store));
}

#[test]
fn a_deleted_file_leaves_and_a_new_file_joins() {
    let (_dir, store) = demo_store();
    store.overview_as_of(later()).unwrap();
    let (gone, path) = some_file(&store, 0);
    fs::remove_file(&path).unwrap();
    let overview = store.overview_as_of(later()).unwrap();
    assert!(
        overview.cache.written,
        "the entry of a deleted file is dropped"
    );
    assert_eq!(overview.sessions.len(), 24);
    assert!(head_of(&overview, gone).is_none());

    let request = crate::store::NewSession {
        checklist: "siyou".into(),
        department: "新科室".into(),
        round: "2026年12月上半月自查".into(),
        date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        inspector: "王敏".into(),
        scope: Default::default(),
    };
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T09:00:00+08:00").unwrap();
    let created = store.create(request, now).unwrap().session.id;
    let overview = store.overview_as_of(later()).unwrap();
    assert_eq!(overview.cache.read, 1);
    assert!(head_of(&overview, created).is_some_and(|head| head.department == "新科室"));
    assert_eq!(overview.sessions, heads_from_files(&store));
}

#[test]
fn a_corrupt_file_is_reported_as_unreadable_every_time_and_never_listed() {
    let (_dir, store) = demo_store();
    store.overview_as_of(later()).unwrap();
    let (id, path) = some_file(&store, 2);
    let text = fs::read(&path).unwrap();
    fs::write(&path, &text[..text.len() / 3]).unwrap();
    for _ in 0..2 {
        let overview = store.overview_as_of(later()).unwrap();
        assert!(head_of(&overview, id).is_none());
        let ids: Vec<Uuid> = overview.unreadable.iter().map(|u| u.id).collect();
        assert_eq!(ids, [id]);
        assert!(overview.unreadable[0].problem.to_string().contains(':'));
    }
    assert_eq!(
        fs::read(&path).unwrap(),
        &text[..text.len() / 3],
        "left as it is"
    );
    let index = fs::read_to_string(store.index_path()).unwrap();
    let line = index.lines().find(|line| line.contains(&id.to_string()));
    assert!(
        line.is_some_and(|line| line.contains("\tU\t")),
        "recorded as unreadable, not as a session: {line:?}"
    );
}

#[test]
fn a_damaged_or_foreign_index_is_rebuilt() {
    let (_dir, store) = demo_store();
    let expected = store.overview_as_of(later()).unwrap().sessions;
    fs::write(store.index_path(), "这不是索引 (").unwrap();
    let overview = store.overview_as_of(later()).unwrap();
    assert_eq!(overview.cache.read, 25);
    assert_eq!(overview.sessions, expected);
    let text = fs::read_to_string(store.index_path()).unwrap();
    fs::write(
        store.index_path(),
        text.replacen("zicha ", "zicha 0.0.0-old-", 1),
    )
    .unwrap();
    assert_eq!(store.overview_as_of(later()).unwrap().cache.read, 25);
}

#[test]
fn an_index_entry_that_lies_is_not_believed_once_the_file_changes() {
    let (_dir, store) = demo_store();
    store.overview_as_of(later()).unwrap();
    // Someone edits the index by hand: the stamps still decide.
    let text = fs::read_to_string(store.index_path()).unwrap();
    fs::write(store.index_path(), text.replace("办公室", "假科室")).unwrap();
    let (_, path) = some_file(&store, 0);
    let session = fs::read_to_string(&path).unwrap();
    fs::write(&path, session.replacen("seq: ", "seq: 1", 1)).unwrap();
    let overview = store.overview_as_of(later()).unwrap();
    let files = heads_from_files(&store);
    let first = overview.sessions.iter().find(|h| h.id == files[0].id);
    assert_eq!(first, files.first());
}

#[test]
fn a_busy_lock_means_the_index_is_not_written_but_answers_are_right() {
    let (_dir, store) = demo_store();
    let held = Lock::acquire(&store.root().join(INDEX_LOCK), crate::clock::now()).unwrap();
    let overview = store.overview_as_of(later()).unwrap();
    assert!(!overview.cache.written);
    assert!(!store.index_path().exists());
    assert_eq!(overview.sessions, heads_from_files(&store));
    drop(held);
    assert!(store.overview_as_of(later()).unwrap().cache.written);
}

#[test]
fn strays_are_listed_and_temp_files_are_not() {
    let (_dir, store) = demo_store();
    fs::write(store.sessions_dir().join("notes.txt"), "x").unwrap();
    let overview = store.overview_as_of(later()).unwrap();
    assert_eq!(overview.strays.len(), 1);
    assert_eq!(overview.sessions.len(), 25);
}

/// Remembers the last report.
#[derive(Default)]
struct LastReport(std::sync::Mutex<Option<(usize, usize)>>);

impl Progress for LastReport {
    fn report(&self, done: usize, total: usize) {
        if let Ok(mut last) = self.0.lock() {
            *last = Some((done, total));
        }
    }
}

#[test]
fn a_cold_build_reports_every_file_read_and_a_warm_one_nothing() {
    let (_dir, store) = demo_store();
    let cold = LastReport::default();
    store.overview_at(later(), &cold).unwrap();
    assert_eq!(*cold.0.lock().unwrap(), Some((25, 25)));
    let warm = LastReport::default();
    let overview = store.overview_at(later(), &warm).unwrap();
    assert_eq!(overview.cache.reused, 25);
    assert_eq!(*warm.0.lock().unwrap(), None);
}
