use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::session::Response;
use crate::store::{LoadedSession, NewSession};

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").unwrap()
}

pub fn new_session(store: &Store) -> LoadedSession {
    let request = NewSession {
        checklist: "wenming-danwei".into(),
        department: "办公室".into(),
        round: "2026年11月自查".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        inspector: "王敏".into(),
        scope: Default::default(),
    };
    store.create(request, now()).unwrap()
}

fn stored_files(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.attachments_dir())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn photo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(
        &path,
        taken::jpeg_with_exif_date("2026:11:18 09:30:00", None),
    )
    .unwrap();
    path
}

fn attach_to(store: &Store, loaded: &mut LoadedSession, code: &str, stored: &Stored) {
    let mut response = Response::default();
    response.attachments.push(stored.attachment.clone());
    loaded.session.set_response(code, response, "王敏", now());
    store.save(loaded).unwrap();
}

#[test]
fn the_same_photo_twice_is_stored_once() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let first = store
        .store_attachment(&photo(outside.path(), "IMG_0001.JPG"), "门厅")
        .unwrap();
    let again = store
        .store_attachment(&photo(outside.path(), "副本.jpg"), "")
        .unwrap();
    assert!(first.written.is_some());
    assert_eq!(again.written, None, "already stored");
    assert_eq!(first.attachment.sha256, again.attachment.sha256);
    assert_eq!(again.attachment.file, "副本.jpg");
    assert_eq!(first.attachment.taken, "2026-11-18T09:30:00");
    assert_eq!(first.attachment.caption, "门厅");
    assert_eq!(stored_files(&store), [first.attachment.stored_name()]);
    let bytes = store.read_attachment(&first.attachment).unwrap();
    assert_eq!(bytes.len() as u64, first.attachment.size);
}

#[test]
fn a_damaged_stored_copy_is_replaced_and_a_bad_hash_names_no_file() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let source = photo(outside.path(), "a.jpg");
    let first = store.store_attachment(&source, "").unwrap();
    let path = first.written.unwrap();
    fs::write(&path, b"damaged").unwrap();
    assert!(store.read_attachment(&first.attachment).is_err());
    let again = store.store_attachment(&source, "").unwrap();
    assert_eq!(again.written.as_ref(), Some(&path));
    store.read_attachment(&again.attachment).unwrap();
    let mut planted = again.attachment.clone();
    planted.sha256 = "../../sessions/x".into();
    assert_eq!(store.attachment_path(&planted), None);
}

#[test]
fn bad_files_are_refused_and_nothing_is_stored() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let big = outside.path().join("big.pdf");
    fs::File::create(&big)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    let text = outside.path().join("notes.txt");
    fs::write(&text, "hello").unwrap();
    let refused = |path: &Path| store.store_attachment(path, "").unwrap_err();
    assert!(matches!(
        refused(&outside.path().join("absent.jpg")),
        AttachmentError::Missing { .. }
    ));
    assert!(matches!(
        refused(outside.path()),
        AttachmentError::Folder { .. }
    ));
    assert!(matches!(refused(&big), AttachmentError::TooLarge { .. }));
    assert!(matches!(
        refused(&text),
        AttachmentError::Unsupported { .. }
    ));
    assert!(stored_files(&store).is_empty());
    let words = crate::i18n::errors::attachment_error(crate::i18n::Lang::Zh, &refused(&text));
    assert!(words.contains("不是可附上的文件类型"), "{words}");
}

#[test]
fn an_image_that_does_not_decode_is_still_attached_as_a_file() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let broken = outside.path().join("坏图.jpg");
    fs::write(&broken, b"not really a jpeg").unwrap();
    let stored = store.store_attachment(&broken, "").unwrap();
    assert_eq!(stored.attachment.kind, AttachmentKind::Jpeg);
    assert!(!stored.attachment.taken.is_empty(), "the file's time");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let outside = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let pipe = outside.path().join("pipe.jpg");
    let c = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    assert!(matches!(
        store.store_attachment(&pipe, ""),
        Err(AttachmentError::Unreadable { .. })
    ));
}

#[test]
fn a_trashed_session_keeps_its_attachments_and_only_unreferenced_ones_are_removed() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let kept = store
        .store_attachment(&photo(outside.path(), "a.jpg"), "")
        .unwrap();
    let loose_source = outside.path().join("方案.pdf");
    fs::write(&loose_source, b"%PDF-1.4 plan").unwrap();
    let loose = store.store_attachment(&loose_source, "").unwrap();
    let mut loaded = new_session(&store);
    attach_to(&store, &mut loaded, "1.1", &kept);
    store.trash(loaded.session.id, now()).unwrap();

    let kept_path = store.attachment_path(&kept.attachment).unwrap();
    let loose_path = store.attachment_path(&loose.attachment).unwrap();
    assert_eq!(
        store.unreferenced_attachments().unwrap(),
        [loose_path.as_path()]
    );
    assert_eq!(
        store.remove_unreferenced_attachments().unwrap(),
        [loose_path.as_path()]
    );
    assert!(kept_path.exists(), "the trashed session still refers to it");
    assert!(!loose_path.exists());
    assert!(store.unreferenced_attachments().unwrap().is_empty());
}

#[test]
fn an_unreadable_session_keeps_everything_listed_as_referenced() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    store
        .store_attachment(&photo(outside.path(), "a.jpg"), "")
        .unwrap();
    let loaded = new_session(&store);
    fs::write(store.session_path(loaded.session.id), "Session(").unwrap();
    assert!(store.unreferenced_attachments().unwrap().is_empty());
}

#[test]
fn an_import_refuses_an_attachment_whose_content_does_not_match_its_hash() {
    let outside = tempfile::tempdir().unwrap();
    let theirs_dir = tempfile::tempdir().unwrap();
    let theirs = Store::open(theirs_dir.path()).unwrap();
    let stored = theirs
        .store_attachment(&photo(outside.path(), "a.jpg"), "")
        .unwrap();
    let mut loaded = new_session(&theirs);
    attach_to(&theirs, &mut loaded, "2.2", &stored);
    let copy = stored.written.unwrap();
    let good = fs::read(&copy).unwrap();
    fs::write(&copy, b"swapped content").unwrap();

    let ours_dir = tempfile::tempdir().unwrap();
    let ours = Store::open(ours_dir.path()).unwrap();
    let paths = [theirs_dir.path().to_path_buf()];
    let progress = crate::progress::Silent;
    let report = ours
        .import(&paths, Default::default(), now(), &progress)
        .unwrap();
    let why = match &report.sessions[0].outcome {
        crate::store::import::ImportOutcome::Skipped(why) => why.clone(),
        other => panic!("imported: {other:?}"),
    };
    assert!(why.contains("does not match its hash"), "{why}");
    assert!(!ours.session_path(loaded.session.id).exists());
    assert!(stored_files(&ours).is_empty());

    fs::write(&copy, good).unwrap();
    let report = ours
        .import(&paths, Default::default(), now(), &progress)
        .unwrap();
    assert_eq!(report.count("added"), 1);
    assert_eq!(report.attachments(), 1);
    ours.read_attachment(&stored.attachment).unwrap();
}
