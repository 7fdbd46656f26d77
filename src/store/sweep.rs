//! Start-up sweep: temp files and lock files that dead processes left behind.
//!
//! A session's temp file is only ever written under that session's lock, so a temp
//! whose session lock can be taken is stale. Elsewhere (archive, recovery) the temp
//! name carries the writer's pid, and a temp of a process no longer alive is stale.

use std::fs;
use std::path::Path;

use super::Store;
use super::atomic::{TEMP_SUFFIX, temp_target};

use super::session_id_from_name;

/// Names in `sessions/` that the store itself makes (not strays).
pub fn is_ours(name: &str) -> bool {
    name.ends_with(".lock") && session_id_from_name(&name.replace(".lock", ".ron")).is_some()
        || temp_target(name).is_some_and(|target| session_id_from_name(target).is_some())
}

pub fn sweep(store: &Store) {
    let now = chrono::Local::now().fixed_offset();
    if let Ok(entries) = fs::read_dir(store.sessions_dir()) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(target) = temp_target(&name)
                && let Some(id) = session_id_from_name(target)
            {
                if let Ok(lock) = store.lock(id, now) {
                    let _ = fs::remove_file(entry.path());
                    drop(lock);
                }
            } else if let Some(stem) = name.strip_suffix(".lock")
                && let Some(id) = session_id_from_name(&format!("{stem}.ron"))
            {
                // Taking over a dead holder's lock and dropping it removes the file.
                drop(store.lock(id, now));
            }
        }
    }
    for dir in [
        store.archive_dir(),
        store.recovery_dir(),
        store.root().to_path_buf(),
    ] {
        sweep_dead_writers(&dir);
    }
}

fn sweep_dead_writers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if temp_target(&name).is_none() {
            continue;
        }
        let pid = name
            .strip_suffix(TEMP_SUFFIX)
            .and_then(|stem| stem.rsplit_once('.'))
            .and_then(|(_, tag)| tag.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| !process_alive(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 only checks whether the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(pid: u32) -> bool {
    pid == std::process::id()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_names_are_recognised() {
        let id = "01930000-0000-7000-8000-000000000001";
        assert!(is_ours(&format!("{id}.lock")));
        assert!(is_ours(&format!("{id}.ron.123-0.tmp")));
        assert!(!is_ours(&format!("{id}.sync-conflict-20261121-abc.ron")));
        assert!(!is_ours("notes.txt"));
    }
}
