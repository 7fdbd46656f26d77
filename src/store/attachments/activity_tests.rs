//! Attachments of activities (docs/design.md §14) in the one attachment store: they
//! count as references, travel in bundles and are checked by imports like a
//! session's.

use std::io::{Read, Write};
use std::path::Path;

use uuid::Uuid;

use super::tests::{new_session, now};
use super::*;
use crate::model::activity::{Activity, ActivityFields};
use crate::progress::Silent;
use crate::store::activities::LoadedActivity;
use crate::store::import::{ImportOptions, ImportOutcome};

fn photo(dir: &Path, name: &str, date: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, taken::jpeg_with_exif_date(date, None)).unwrap();
    path
}

/// An activity with `files` attached, saved in `store`.
fn activity_with(store: &Store, id: u128, files: &[PathBuf]) -> Activity {
    let fields = ActivityFields {
        title: "道德讲堂".into(),
        date: Some(now().date_naive()),
        department: "党群室".into(),
        ..ActivityFields::default()
    };
    let mut activity = Activity::new(Uuid::from_u128(id), fields, "王敏", now()).unwrap();
    let stored = store.store_attachments(files, "集体合影").unwrap();
    activity.attach(stored.into_iter().map(|s| s.attachment));
    let _lock = store.lock_activity(activity.id, now()).unwrap();
    let mut loaded = LoadedActivity {
        activity,
        on_disk: None,
    };
    store.save_activity(&mut loaded).unwrap();
    loaded.activity
}

fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_file_only_an_activity_attaches_is_referenced_and_never_removed() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let kept = photo(outside.path(), "合影.jpg", "2026:11:18 09:30:00");
    let activity = activity_with(&store, 1, std::slice::from_ref(&kept));
    let stray = store
        .store_attachment(&photo(outside.path(), "x.jpg", "2026:11:19 10:00:00"), "")
        .unwrap();
    let stray_name = stray.attachment.stored_name();
    assert_eq!(
        names(&store.unreferenced_attachments().unwrap()),
        std::slice::from_ref(&stray_name)
    );
    assert_eq!(
        names(&store.remove_unreferenced_attachments().unwrap()),
        [stray_name]
    );
    // The activity's file is still there and still reads as its hash says.
    store.read_attachment(&activity.attachments[0]).unwrap();

    // An activity file that cannot be read may refer to anything: nothing is listed.
    let damaged = store.activity_path(Uuid::from_u128(2));
    fs::write(&damaged, "Activity(").unwrap();
    store
        .store_attachment(&photo(outside.path(), "y.jpg", "2026:11:20 10:00:00"), "")
        .unwrap();
    assert!(store.unreferenced_attachments().unwrap().is_empty());
    fs::remove_file(&damaged).unwrap();
    assert_eq!(store.unreferenced_attachments().unwrap().len(), 1);
}

/// Rewrites a bundle with `change` applied to every entry's bytes.
fn rewrite_bundle(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut zip = zip::ZipArchive::new(fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(fs::File::create(to).unwrap());
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).unwrap();
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&change(&name, bytes)).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn bundles_carry_an_activitys_files_and_imports_check_them_by_hash() {
    let here = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let source = Store::open(here.path()).unwrap();
    new_session(&source);
    let files = [
        photo(outside.path(), "合影.jpg", "2026:11:18 09:30:00"),
        photo(outside.path(), "签到表.jpg", "2026:11:18 09:00:00"),
    ];
    let activity = activity_with(&source, 1, &files);
    let bundle = outside.path().join("b.zip");
    let report = source.write_bundle(None, &bundle, false).unwrap();
    assert_eq!(report.attachments, 2, "{:?}", report.skipped);

    let there = tempfile::tempdir().unwrap();
    let target = Store::open(there.path()).unwrap();
    let imported = target
        .import(
            std::slice::from_ref(&bundle),
            ImportOptions::default(),
            now(),
            &Silent,
        )
        .unwrap();
    assert_eq!(imported.activities.len(), 1);
    assert_eq!(imported.activities[0].outcome, ImportOutcome::Added);
    assert_eq!(imported.activities[0].attachments, 2);
    assert_eq!(imported.attachments(), 2);
    let loaded = target.load_activity(activity.id).unwrap().activity;
    assert_eq!(loaded.attachments, activity.attachments);
    for attachment in &loaded.attachments {
        target.read_attachment(attachment).unwrap();
    }

    // A bundle whose photo was swapped: the activity is refused, nothing is stored.
    let tampered = outside.path().join("tampered.zip");
    rewrite_bundle(&bundle, &tampered, |name, mut bytes| {
        if name.starts_with("attachments/") {
            bytes.extend_from_slice(b"tampered");
        }
        bytes
    });
    let third = tempfile::tempdir().unwrap();
    let target = Store::open(third.path()).unwrap();
    let imported = target
        .import(&[tampered], ImportOptions::default(), now(), &Silent)
        .unwrap();
    let why = match &imported.activities[0].outcome {
        ImportOutcome::Skipped(why) => why.clone(),
        other => panic!("imported: {other:?}"),
    };
    assert!(why.contains("does not match its hash"), "{why}");
    assert!(why.contains("the activity is refused"), "{why}");
    assert!(!target.activity_path(activity.id).exists());
    let stored = fs::read_dir(target.attachments_dir()).map_or(0, |dir| dir.count());
    assert_eq!(stored, 0, "no copy is kept of a refused activity's files");
}

#[test]
fn an_activity_whose_file_is_missing_here_is_left_out_of_a_bundle() {
    let here = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let source = Store::open(here.path()).unwrap();
    new_session(&source);
    let activity = activity_with(
        &source,
        1,
        &[photo(outside.path(), "合影.jpg", "2026:11:18 09:30:00")],
    );
    fs::remove_file(source.attachment_path(&activity.attachments[0]).unwrap()).unwrap();
    let bundle = outside.path().join("b.zip");
    let report = source.write_bundle(None, &bundle, false).unwrap();
    assert_eq!(report.attachments, 0);
    assert!(
        report
            .skipped
            .iter()
            .any(|why| why.contains("is missing in attachments/")),
        "{:?}",
        report.skipped
    );
    let zip = zip::ZipArchive::new(fs::File::open(&bundle).unwrap()).unwrap();
    assert!(!zip.file_names().any(|name| name.starts_with("activities/")));
}
