use std::io::ErrorKind;
use std::sync::Arc;

use super::*;
use crate::ops::attach::tests::entries;
use crate::store::attachments::taken::jpeg_with_exif_date;
use crate::store::fsops::FaultyFs;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").unwrap()
}

fn fields() -> ActivityFields {
    ActivityFields {
        title: "道德讲堂".into(),
        date: Some(now().date_naive()),
        department: "党群室".into(),
        ..ActivityFields::default()
    }
}

#[test]
fn files_are_attached_numbered_and_removed_and_bad_ones_change_nothing() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let photo = outside.path().join("合影.jpg");
    std::fs::write(&photo, jpeg_with_exif_date("2026:11:18 09:30:00", None)).unwrap();
    let files = (std::slice::from_ref(&photo), "集体合影");
    let added = add_with_files(&store, fields(), "王敏", files, now()).unwrap();
    assert_eq!(added.attachments[0].taken, "2026-11-18T09:30:00");
    assert_eq!(added.attachments[0].caption, "集体合影");
    let plan = outside.path().join("方案.pdf");
    std::fs::write(&plan, b"%PDF-1.4").unwrap();
    let attached = attach(&store, added.id, &[plan], "", now()).unwrap();
    assert_eq!(attached[0].file, "方案.pdf");
    let before = std::fs::read(store.activity_path(added.id)).unwrap();

    // A missing file among good ones: nothing is attached, nothing stored.
    let stored_before = entries(&store.attachments_dir());
    let other = outside.path().join("另一张.png");
    std::fs::write(&other, b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let missing = outside.path().join("没有.jpg");
    let error = attach(&store, added.id, &[other, missing], "", now()).unwrap_err();
    assert!(
        matches!(error, ActivityStoreError::Attachment(_)),
        "{error}"
    );
    assert_eq!(
        std::fs::read(store.activity_path(added.id)).unwrap(),
        before
    );
    assert_eq!(entries(&store.attachments_dir()), stored_before);
    // A bad field refuses the new activity before any file is stored.
    let empty = ActivityFields {
        title: String::new(),
        ..fields()
    };
    let lone = outside.path().join("单独.pdf");
    std::fs::write(&lone, b"%PDF-1.4 lone").unwrap();
    let files = (std::slice::from_ref(&lone), "");
    assert!(add_with_files(&store, empty, "", files, now()).is_err());
    assert_eq!(entries(&store.attachments_dir()), stored_before);

    let error = detach(&store, added.id, 3, now()).unwrap_err();
    assert!(matches!(
        error,
        ActivityStoreError::NoAttachment {
            number: 3,
            count: 2
        }
    ));
    let removed = detach(&store, added.id, 1, now()).unwrap();
    assert_eq!(removed.file, "合影.jpg");
    let left = store.load_activity(added.id).unwrap().activity.attachments;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].file, "方案.pdf");

    let later = DateTime::parse_from_rfc3339("2026-11-22T08:00:00+08:00").unwrap();
    let captioned = caption(&store, added.id, 1, " 活动方案 ", later).unwrap();
    assert_eq!(captioned.attachments[0].caption, "活动方案");
    assert_eq!(
        captioned.updated, later,
        "a caption is an edit, for merging"
    );
    assert!(matches!(
        caption(&store, added.id, 2, "x", later),
        Err(ActivityStoreError::NoAttachment {
            number: 2,
            count: 1
        })
    ));
}

#[test]
fn a_fault_at_any_step_of_an_activity_attach_leaves_the_old_file_and_no_stray_copy() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let files = [outside.path().join("照片.jpg")];
    std::fs::write(&files[0], jpeg_with_exif_date("2026:11:18 09:30:00", None)).unwrap();
    let id = add(&Store::open(data.path()).unwrap(), fields(), "", now())
        .unwrap()
        .id;
    let path = data.path().join("activities").join(format!("{id}.ron"));
    let attachments = data.path().join("attachments");
    let old = std::fs::read(&path).unwrap();
    let steps = {
        let counting = Arc::new(FaultyFs::new(0, ErrorKind::Other));
        let store = Store::open_with(data.path(), counting.clone()).unwrap();
        attach(&store, id, &files, "", now()).unwrap();
        counting.calls()
    };
    std::fs::write(&path, &old).unwrap();
    std::fs::remove_dir_all(&attachments).unwrap();
    assert!(steps >= 8, "a stored copy and an activity save: {steps}");
    for step in 1..=steps {
        let faulty = Arc::new(FaultyFs::new(step, ErrorKind::StorageFull));
        let store = Store::open_with(data.path(), faulty.clone()).unwrap();
        let result = attach(&store, id, &files, "", now());
        let failed_at = faulty.log().get(step - 1).copied().unwrap_or("?");
        let saved =
            crate::store::activities::decode_activity(&std::fs::read(&path).unwrap(), "a").unwrap();
        match result {
            Err(_) if !saved.attachments.is_empty() => {
                // Only the folder sync after the rename failed: it is saved, and
                // its copy is kept.
                assert_eq!(failed_at, "sync_dir", "step {step}");
                assert!(!entries(&attachments).is_empty(), "step {step}");
            }
            Err(error) => {
                assert_eq!(std::fs::read(&path).unwrap(), old, "step {step}");
                assert!(
                    entries(&attachments).is_empty(),
                    "step {step} ({failed_at}): {error}: {:?}",
                    entries(&attachments)
                );
            }
            Ok(_) => assert!(!saved.attachments.is_empty(), "step {step} ({failed_at})"),
        }
        std::fs::write(&path, &old).unwrap();
        let _ = std::fs::remove_dir_all(&attachments);
    }
}
