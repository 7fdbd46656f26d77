//! Start-up sweep: temp files and lock files that dead processes left behind.
//!
//! The sweep never takes a session lock and never deletes a file another process may
//! still be writing. A temp file's name carries its writer's host and pid
//! (`atomic::temp_parts`): one of this host whose process is gone is removed; one of
//! another host (a shared folder), or of an older zicha that did not record its host,
//! only once it is older than [`FOREIGN_TEMP_AGE`]. Lock files are removed only when
//! they name a dead process of this host (`lock::remove_if_dead`). Links and special
//! files are never touched.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::Store;
use super::atomic::{host_tag, temp_parts, temp_target};
use super::lock::{self, process_alive};
use super::safe_fs::{Kind, kind_of_type};

use super::session_id_from_name;

/// How old a temp file of another computer must be before a sweep removes it.
pub const FOREIGN_TEMP_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Names in `sessions/` that the store itself makes (not strays).
pub fn is_ours(name: &str) -> bool {
    name.ends_with(".lock") && session_id_from_name(&name.replace(".lock", ".ron")).is_some()
        || temp_target(name).is_some_and(|target| session_id_from_name(target).is_some())
}

pub fn sweep(store: &Store) {
    sweep_dead_locks(&store.sessions_dir());
    sweep_dead_locks(&store.activities_dir());
    lock::remove_if_dead(&store.root().join(super::unit_file::UNIT_LOCK));
    let now = SystemTime::now();
    for dir in [
        store.sessions_dir(),
        store.activities_dir(),
        store.archive_dir(),
        store.recovery_dir(),
        store.attachments_dir(),
        store.thumbs_dir(),
        store.root().to_path_buf(),
    ] {
        sweep_dead_writers(&dir, now);
    }
    lock::remove_if_dead(&store.root().join(super::index::INDEX_LOCK));
}

/// Removes `<uuid>.lock` files of dead processes of this host from `dir`.
fn sweep_dead_locks(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let regular = entry
            .file_type()
            .is_ok_and(|kind| kind_of_type(kind) == Kind::Regular);
        if regular
            && let Some(stem) = name.strip_suffix(".lock")
            && session_id_from_name(&format!("{stem}.ron")).is_some()
        {
            lock::remove_if_dead(&entry.path());
        }
    }
}

fn sweep_dead_writers(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((_, writer)) = temp_parts(&name) else {
            continue;
        };
        // DirEntry metadata does not follow links.
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if kind_of_type(metadata.file_type()) != Kind::Regular {
            continue;
        }
        let ours = writer.host.as_deref() == Some(host_tag());
        let stale = if ours {
            writer.pid != std::process::id() && !process_alive(writer.pid)
        } else {
            metadata
                .modified()
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age >= FOREIGN_TEMP_AGE)
        };
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_names_are_recognised() {
        let id = "01930000-0000-7000-8000-000000000001";
        assert!(is_ours(&format!("{id}.lock")));
        assert!(is_ours(&format!("{id}.ron.123-0.tmp")));
        assert!(is_ours(&format!("{id}.ron.0a1b2c3d-123-0.tmp")));
        assert!(!is_ours(&format!("{id}.sync-conflict-20261121-abc.ron")));
        assert!(!is_ours("notes.txt"));
    }

    #[test]
    fn only_dead_writers_of_this_host_and_old_foreign_temps_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let name = |host: &str, pid: u32| format!("x.ron.{host}-{pid}-0.tmp");
        let dead = 999_999_999u32;
        let files = [
            (name(host_tag(), dead), true),
            (name(host_tag(), std::process::id()), false),
            (name("00000000", dead), false),
            (format!("x.ron.{dead}-0.tmp"), false),
        ];
        for (file, _) in &files {
            fs::write(dir.path().join(file), b"half").unwrap();
        }
        let old = "x.ron.00000000-5-1.tmp";
        let handle = fs::File::create(dir.path().join(old)).unwrap();
        handle
            .set_modified(SystemTime::now() - FOREIGN_TEMP_AGE - Duration::from_secs(60))
            .unwrap();
        sweep_dead_writers(dir.path(), SystemTime::now());
        for (file, swept) in &files {
            assert_eq!(!dir.path().join(file).exists(), *swept, "{file}");
        }
        assert!(!dir.path().join(old).exists(), "an old foreign temp goes");
    }
}
