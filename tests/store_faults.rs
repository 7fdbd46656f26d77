//! I/O faults: every file operation of a save fails in turn (no space, permission
//! denied, read-only); the old file stays byte-identical (or, when only the final
//! folder sync failed, the complete new file is in place), the error is clear, the
//! edits in memory survive, and a retry succeeds. Then a real full disk (tmpfs).

use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use zicha::model::session::{Response, Status};
use zicha::store::fsops::{FaultyFs, RealFs};
use zicha::store::{NewSession, Store, StoreError};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").unwrap()
}

fn new_session(store: &Store) -> uuid::Uuid {
    let request = NewSession {
        checklist: "wenming-danwei".into(),
        department: "办公室".into(),
        round: "2026年11月自查".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        inspector: "王敏".into(),
        scope: Default::default(),
    };
    store.create(request, now()).expect("create").session.id
}

fn mark(loaded: &mut zicha::store::LoadedSession, note: &str) {
    let response = Response {
        status: Status::Fail,
        note: note.into(),
        ..Response::default()
    };
    loaded.session.set_response("1.1", response, "王敏", now());
}

/// How many file operations one save of an existing session makes.
fn operations_per_save(root: &Path, id: uuid::Uuid) -> usize {
    let counting = Arc::new(FaultyFs::new(0, ErrorKind::Other));
    let store = Store::open_with(root, counting.clone()).unwrap();
    let mut loaded = store.load(id).unwrap();
    let before = counting.calls();
    mark(&mut loaded, "counting");
    store.save(&mut loaded).unwrap();
    counting.calls() - before
}

#[test]
fn a_fault_at_every_step_of_a_save_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let id = new_session(&Store::open(root).unwrap());
    let steps = operations_per_save(root, id);
    assert!(
        steps >= 5,
        "create, write, sync, check, rename, sync folder: {steps}"
    );
    let path = root.join("sessions").join(format!("{id}.ron"));
    for kind in [
        ErrorKind::StorageFull,
        ErrorKind::PermissionDenied,
        ErrorKind::ReadOnlyFilesystem,
    ] {
        for step in 1..=steps {
            let old = std::fs::read(&path).unwrap();
            let faulty = Arc::new(FaultyFs::new(0, kind));
            let store = Store::open_with(root, faulty.clone()).unwrap();
            let mut loaded = store.load(id).unwrap();
            let note = format!("{kind:?} at step {step}");
            mark(&mut loaded, &note);
            let faulty_step = Arc::new(FaultyFs::new(step, kind));
            let store = Store::open_with(root, faulty_step.clone()).unwrap();
            let result = store.save(&mut loaded);
            let log = faulty_step.log();
            let failed = log.get(step - 1).copied().unwrap_or("?");
            let now_on_disk = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
            match result {
                // A failed look at the saved version before writing is tolerated;
                // the save itself then went through completely.
                Ok(()) => {
                    assert_eq!(
                        failed, "read",
                        "{kind:?} step {step}: only a read may fail quietly"
                    );
                    assert!(
                        now_on_disk.contains(&note),
                        "{kind:?} step {step}: the save is whole"
                    );
                    continue;
                }
                Err(error) => {
                    let message = error.to_string();
                    assert!(
                        message.contains("injected fault"),
                        "the cause is named: {message}"
                    );
                    assert!(matches!(error, StoreError::Io { .. }), "{error:?}");
                }
            }
            if failed == "sync_dir" {
                assert!(
                    now_on_disk.contains(&note),
                    "after the rename the new file is whole"
                );
            } else {
                assert_eq!(
                    now_on_disk.as_bytes(),
                    old,
                    "{kind:?}: step {step} ({failed}) changed the file"
                );
            }
            assert_eq!(
                loaded.session.response("1.1").unwrap().note,
                note,
                "edits survive in memory"
            );
            faulty_step.heal();
            store.save(&mut loaded).expect("a retry succeeds");
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.contains(&note),
                "{kind:?} step {step}: the retry wrote the edit"
            );
            let leftovers: Vec<_> = std::fs::read_dir(root.join("sessions"))
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .collect();
            assert!(leftovers.is_empty(), "no temp file left: {leftovers:?}");
        }
    }
}

/// Mounts a small tmpfs, or says why the test is skipped.
struct SmallDisk {
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: usize) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).ok()?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(&path)
            .stderr(std::process::Stdio::null())
            .status();
        match status {
            Ok(status) if status.success() => Some(SmallDisk { path, _dir: dir }),
            _ => {
                eprintln!(
                    "skipped: cannot mount a tmpfs here (needs root); the fault-injection test covers full disks"
                );
                None
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_real_full_disk_keeps_the_old_file_and_the_edits() {
    let Some(disk) = SmallDisk::mount(256) else {
        return;
    };
    let root = disk.path.join("data");
    let store = Store::open_with(&root, Arc::new(RealFs)).unwrap();
    let id = new_session(&store);
    let path = root.join("sessions").join(format!("{id}.ron"));
    let old = std::fs::read(&path).unwrap();
    // Fill the disk.
    let filler = disk.path.join("filler");
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = vec![b'x'; size];
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&filler)
            .unwrap();
        if std::io::Write::write_all(&mut file, &chunk).is_err() {
            size /= 2;
        }
    }
    let mut loaded = store.load(id).unwrap();
    mark(&mut loaded, &"满".repeat(50_000));
    let error = store.save(&mut loaded).expect_err("the disk is full");
    assert!(error.to_string().contains("No space left"), "{error}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        old,
        "the old file is byte-identical"
    );
    assert!(
        loaded.session.response("1.1").is_some(),
        "the edit is still in memory"
    );
    std::fs::remove_file(&filler).unwrap();
    store
        .save(&mut loaded)
        .expect("with room again the retry succeeds");
    assert!(std::fs::read_to_string(&path).unwrap().contains("满满满"));
}
