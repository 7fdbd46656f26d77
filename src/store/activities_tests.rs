use super::*;
use crate::model::activity::{ActivityFields, Copy};
use crate::progress::Silent;
use crate::store::import::{ImportOptions, ImportOutcome};
use chrono::NaiveDate;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn add(store: &Store, id: u128, title: &str, by: &str) -> LoadedActivity {
    let fields = ActivityFields {
        title: title.into(),
        date: Some(day("2026-11-03")),
        department: "党群室".into(),
        kind: "道德讲堂".into(),
        participants: Some(40),
        ..ActivityFields::default()
    };
    let activity = Activity::new(
        Uuid::from_u128(id),
        fields,
        by,
        at("2026-11-03T16:00:00+08:00"),
    )
    .unwrap();
    let mut loaded = LoadedActivity {
        activity,
        on_disk: None,
    };
    let _lock = store.lock_activity(loaded.activity.id, at("2026-11-03T16:00:00+08:00"));
    store.save_activity(&mut loaded).unwrap();
    loaded
}

#[test]
fn activities_save_load_and_refuse_a_file_changed_behind_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut loaded = add(&store, 1, "道德讲堂", "王敏");
    assert_eq!(loaded.activity.seq, 1);
    let again = store.load_activity(loaded.activity.id).unwrap();
    assert_eq!(again.activity, loaded.activity);
    assert_eq!(
        store.resolve_activity("00000000").unwrap(),
        loaded.activity.id
    );
    assert!(matches!(
        store.resolve_activity("ffff"),
        Err(ActivityStoreError::NoSuchActivity(_))
    ));
    // Someone else saves it meanwhile: ours goes to recovery/, theirs stays.
    let mut other = again.clone();
    other.activity.note = "别处改过".into();
    store.save_activity(&mut other).unwrap();
    loaded.activity.title = "改名".into();
    assert!(matches!(
        store.save_activity(&mut loaded),
        Err(ActivityStoreError::Conflict { .. })
    ));
    let now = store.load_activity(loaded.activity.id).unwrap();
    assert_eq!(now.activity.note, "别处改过");
    assert_eq!(store.recovery_files().len(), 1);
}

#[test]
fn damaged_files_are_reported_and_left_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    add(&store, 1, "道德讲堂", "王敏");
    let broken = store.activity_path(Uuid::from_u128(2));
    fs::write(&broken, "Activity(format: 1, id: \"oops\"").unwrap();
    let found = store.load_activities().unwrap();
    assert_eq!(found.activities.len(), 1);
    assert_eq!(found.unreadable.len(), 1);
    assert!(found.unreadable[0].to_string().contains(":1:"), "located");
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "Activity(format: 1, id: \"oops\""
    );
}

#[cfg(unix)]
#[test]
fn links_and_fifos_under_an_activity_name_are_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let good = add(&store, 1, "道德讲堂", "王敏");
    let link = store.activity_path(Uuid::from_u128(3));
    std::os::unix::fs::symlink(store.activity_path(good.activity.id), &link).unwrap();
    let fifo = store.activity_path(Uuid::from_u128(4));
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    let found = store.load_activities().unwrap();
    assert_eq!(found.activities.len(), 1);
    assert_eq!(found.unreadable.len(), 2, "{:?}", found.unreadable);
}

#[test]
fn two_inspectors_activities_merge_on_import() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let ours = Store::open(here.path()).unwrap();
    let theirs = Store::open(there.path()).unwrap();
    // The same activity recorded here, copied there; each then adds something.
    let shared = add(&ours, 1, "道德讲堂", "王敏");
    fs::copy(
        ours.activity_path(shared.activity.id),
        theirs.activity_path(shared.activity.id),
    )
    .unwrap();
    let mut mine = ours.load_activity(shared.activity.id).unwrap();
    mine.activity
        .hand_in(
            Copy::Electronic,
            day("2026-11-04"),
            at("2026-11-04T09:00:00+08:00"),
        )
        .unwrap();
    ours.save_activity(&mut mine).unwrap();
    let mut yours = theirs.load_activity(shared.activity.id).unwrap();
    yours
        .activity
        .hand_in(
            Copy::Paper,
            day("2026-11-05"),
            at("2026-11-05T09:00:00+08:00"),
        )
        .unwrap();
    theirs.save_activity(&mut yours).unwrap();
    add(&theirs, 2, "志愿服务", "李明");
    let now = at("2026-11-06T09:00:00+08:00");
    let report = ours
        .import(
            &[there.path().to_path_buf()],
            ImportOptions::default(),
            now,
            &Silent,
        )
        .unwrap();
    let outcomes: Vec<_> = report
        .activities
        .iter()
        .map(|a| (a.id.as_u128(), a.outcome.clone()))
        .collect();
    assert_eq!(
        outcomes,
        [(1, ImportOutcome::Merged), (2, ImportOutcome::Added)]
    );
    let merged = ours.load_activity(shared.activity.id).unwrap().activity;
    assert_eq!(merged.electronic.map(|h| h.date), Some(day("2026-11-04")));
    assert_eq!(merged.paper.map(|h| h.date), Some(day("2026-11-05")));
    // The other way round gives the same activity; importing again changes nothing.
    theirs
        .import(
            &[here.path().to_path_buf()],
            ImportOptions::default(),
            now,
            &Silent,
        )
        .unwrap();
    let back = theirs.load_activity(shared.activity.id).unwrap().activity;
    assert_eq!(
        back,
        ours.load_activity(shared.activity.id).unwrap().activity
    );
    let again = ours
        .import(
            &[there.path().to_path_buf()],
            ImportOptions::default(),
            now,
            &Silent,
        )
        .unwrap();
    assert!(
        again
            .activities
            .iter()
            .all(|a| a.outcome == ImportOutcome::Unchanged)
    );
}

#[test]
fn bundles_carry_activities_and_the_unit_profile() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let source = Store::open(here.path()).unwrap();
    let now = at("2026-11-06T09:00:00+08:00");
    let session = crate::store::NewSession {
        checklist: "wenming-danwei".into(),
        department: "办公室".into(),
        round: "2026年11月自查".into(),
        date: day("2026-11-06"),
        inspector: "王敏".into(),
        scope: Default::default(),
    };
    source.create(session, now).unwrap();
    add(&source, 1, "道德讲堂", "王敏");
    let unit = crate::model::unit::Unit::new("某局".into(), vec!["办公室".into()]);
    source.save_unit(&unit, None, now).unwrap();
    let bundle = there.path().join("b.zip");
    source.write_bundle(None, &bundle, false).unwrap();
    let target = Store::open(&there.path().join("data")).unwrap();
    let report = target
        .import(&[bundle], ImportOptions::default(), now, &Silent)
        .unwrap();
    assert!(report.ignored.is_empty(), "{:?}", report.ignored);
    assert_eq!(report.activities.len(), 1);
    assert_eq!(report.unit, Some(ImportOutcome::Added));
    assert_eq!(target.load_unit().unwrap().unwrap().unit, unit);
    assert_eq!(target.load_activities().unwrap().activities.len(), 1);
}
