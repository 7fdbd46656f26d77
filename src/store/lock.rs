//! Lock files (`<name>.lock`) held while a session is open for editing.
//!
//! The holder keeps an OS lock on the file; when a process dies, the OS lock goes
//! with it, so a lock file whose OS lock can be taken belongs to a dead process.
//! The file also names the holder (host, pid, start time) for messages, and a
//! leftover from another host is respected because its process cannot be checked.
//!
//! Lock files are opened without following links and only if they are regular files
//! (`safe_fs`): a `.lock` that is a link is refused and left alone, never truncated.
//! A start-up sweep removes lock files of dead processes of this host; it holds the OS
//! lock for a moment only, and an acquirer that meets a lock whose named holder is dead
//! waits for that moment to pass instead of reporting the lock as in use.

use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub host: String,
    pub pid: u32,
    pub since: DateTime<FixedOffset>,
}

impl fmt::Display for LockInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "process {} on {} since {}",
            self.pid,
            crate::model::text::sanitize_line(&self.host),
            self.since.format("%Y-%m-%d %H:%M:%S")
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path} is in use by {holder}")]
    Held { path: PathBuf, holder: LockInfo },
    #[error(
        "{path} is held by {holder} on another computer; if zicha no longer runs there, delete {path}"
    )]
    HeldElsewhere { path: PathBuf, holder: LockInfo },
    #[error("{path} is in use by another process")]
    HeldUnknown { path: PathBuf },
    #[error("cannot lock {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// A held lock; dropping it removes the lock file and releases the OS lock.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    file: Option<File>,
}

pub fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// How long an acquirer waits for a lock that is only being released (a sweep
/// removing a dead process's lock, or a holder just starting to write its name).
const RELEASE_WAIT: Duration = Duration::from_millis(1500);
const RETRY_PAUSE: Duration = Duration::from_millis(5);

impl Lock {
    pub fn acquire(path: &Path, now: DateTime<FixedOffset>) -> Result<Lock, LockError> {
        let io_error = |source| LockError::Io {
            path: path.to_path_buf(),
            source,
        };
        let started = std::time::Instant::now();
        let host = this_host();
        // A holder may unlink the file between our open and our lock; retry then.
        let mut unlinked = 0;
        while unlinked < 8 {
            let mut file = super::safe_fs::open_or_create_nofollow(path).map_err(io_error)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let holder = read_info(&mut file);
                    let passing = holder
                        .as_ref()
                        .is_none_or(|h| h.host == host && !process_alive(h.pid));
                    if passing && started.elapsed() < RELEASE_WAIT {
                        drop(file);
                        std::thread::sleep(RETRY_PAUSE);
                        continue;
                    }
                    return Err(match holder {
                        Some(holder) => LockError::Held {
                            path: path.to_path_buf(),
                            holder,
                        },
                        None => LockError::HeldUnknown {
                            path: path.to_path_buf(),
                        },
                    });
                }
                Err(TryLockError::Error(source)) => return Err(io_error(source)),
            }
            if !same_file(&file, path) {
                unlinked += 1;
                continue;
            }
            if let Some(holder) = read_info(&mut file)
                && holder.host != host
            {
                return Err(LockError::HeldElsewhere {
                    path: path.to_path_buf(),
                    holder,
                });
            }
            let info = LockInfo {
                host,
                pid: std::process::id(),
                since: now,
            };
            let text = ron::to_string(&info).unwrap_or_default();
            file.set_len(0).map_err(io_error)?;
            file.rewind().map_err(io_error)?;
            file.write_all(text.as_bytes()).map_err(io_error)?;
            file.sync_all().map_err(io_error)?;
            return Ok(Lock {
                path: path.to_path_buf(),
                file: Some(file),
            });
        }
        Err(LockError::HeldUnknown {
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Removes the lock file at `path` if it names a process of this host that is no
/// longer alive and nobody holds it; for the start-up sweep. Never creates a lock
/// file, never writes one, and leaves links and special files alone.
pub fn remove_if_dead(path: &Path) {
    let Ok(mut file) = super::safe_fs::open_existing_nofollow(path) else {
        return;
    };
    let Some(holder) = read_info(&mut file) else {
        return;
    };
    if holder.host != this_host() || process_alive(holder.pid) {
        return;
    }
    if file.try_lock().is_ok() && same_file(&file, path) && read_info(&mut file) == Some(holder) {
        // Unlink while holding the OS lock, as a holder does when it lets go.
        let _ = fs::remove_file(path);
    }
}

/// Whether a process with this id runs on this computer.
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 only checks whether the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn process_alive(pid: u32) -> bool {
    pid == std::process::id()
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unlink while still holding the OS lock, so nobody locks a file about to vanish.
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    let mut text = Vec::new();
    file.rewind().ok()?;
    super::safe_fs::read_all_capped(&mut *file, &mut text, super::safe_fs::MAX_SMALL_BYTES).ok()?;
    ron::from_str(std::str::from_utf8(&text).ok()?).ok()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-21T09:00:00+08:00").unwrap()
    }

    #[test]
    fn a_held_lock_refuses_a_second_holder_and_names_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.lock");
        let first = Lock::acquire(&path, now()).unwrap();
        let error = Lock::acquire(&path, now()).unwrap_err().to_string();
        assert!(
            error.contains(&format!("process {}", std::process::id())),
            "{error}"
        );
        drop(first);
        assert!(!path.exists(), "released locks leave no file");
        Lock::acquire(&path, now()).unwrap();
    }

    #[test]
    fn a_dead_holder_on_this_host_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.lock");
        let stale = LockInfo {
            host: this_host(),
            pid: 999_999,
            since: now(),
        };
        fs::write(&path, ron::to_string(&stale).unwrap()).unwrap();
        let lock = Lock::acquire(&path, now()).unwrap();
        let text = fs::read_to_string(lock.path()).unwrap();
        assert!(text.contains(&std::process::id().to_string()), "{text}");
    }

    #[test]
    fn a_leftover_from_another_host_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.lock");
        let other = LockInfo {
            host: "另一台电脑".into(),
            pid: 42,
            since: now(),
        };
        fs::write(&path, ron::to_string(&other).unwrap()).unwrap();
        let error = Lock::acquire(&path, now()).unwrap_err();
        assert!(matches!(error, LockError::HeldElsewhere { .. }), "{error}");
        assert!(path.exists(), "someone else's lock file is not deleted");
    }
}
