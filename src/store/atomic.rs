//! The save protocol: temp file in the same folder, fsync, check the target is
//! still what we loaded, rename over it, fsync the folder. Never truncate in place.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::fsops::FileOps;

pub type ContentHash = [u8; 32];

pub fn content_hash(bytes: &[u8]) -> ContentHash {
    Sha256::digest(bytes).into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the target must be just before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The file must not exist yet.
    Absent,
    /// The file must still have exactly this content.
    Content(ContentHash),
    /// Whatever is there is replaced (caches such as the index).
    Anything,
}

#[derive(Debug, thiserror::Error)]
pub enum AtomicError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
        /// The new content is already in place (only the folder sync failed).
        renamed: bool,
    },
    #[error("{path} was changed by someone else since it was loaded")]
    Changed { path: PathBuf },
}

pub const TEMP_SUFFIX: &str = ".tmp";

/// A short tag of this computer's name, carried in temp file names so that a sweep
/// on a shared folder can tell its own temp files from another computer's.
pub fn host_tag() -> &'static str {
    static TAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TAG.get_or_init(|| hex(&content_hash(super::lock::this_host().as_bytes())[..4]))
}

/// The temp file name for `target`: `<name>.<host>-<pid>-<n>.tmp` in the same folder.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(
        "{name}.{}-{}-{n}{TEMP_SUFFIX}",
        host_tag(),
        std::process::id()
    ))
}

/// Who wrote a temp file, as its name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TempWriter {
    /// The writer's [`host_tag`]; `None` for names of older zicha versions, which
    /// did not record it.
    pub host: Option<String>,
    pub pid: u32,
}

/// The target a temp file belongs to and who wrote it, if `name` is one of ours.
pub fn temp_parts(name: &str) -> Option<(&str, TempWriter)> {
    let stem = name.strip_suffix(TEMP_SUFFIX)?;
    let (target, tag) = stem.rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = tag.split('-').collect();
    let (host, pid, n) = match parts.as_slice() {
        [host, pid, n] => {
            let hex = host.len() == 8 && host.bytes().all(|b| b.is_ascii_hexdigit());
            (Some(hex.then(|| host.to_string())?), *pid, *n)
        }
        [pid, n] => (None, *pid, *n),
        _ => return None,
    };
    if !(digits(pid) && digits(n)) {
        return None;
    }
    let pid = pid.parse().ok()?;
    Some((target, TempWriter { host, pid }))
}

/// The target a temp file belongs to, if `name` is one of ours.
pub fn temp_target(name: &str) -> Option<&str> {
    temp_parts(name).map(|(target, _)| target)
}

pub fn write_atomic(
    fs: &dyn FileOps,
    target: &Path,
    bytes: &[u8],
    expect: Expect,
) -> Result<(), AtomicError> {
    write_in_place(fs, target, bytes, expect)?;
    sync_parent(fs, target)
}

/// Syncs the folder of `target`, whose new content is already in place.
fn sync_parent(fs: &dyn FileOps, target: &Path) -> Result<(), AtomicError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    fs.sync_dir(dir).map_err(|source| AtomicError::Io {
        action: "sync the folder",
        path: dir.to_path_buf(),
        source,
        renamed: true,
    })
}

/// [`write_atomic`] of a new file without the folder sync, for writing many files
/// into one folder: the caller syncs the folder once after the last one. Each file's
/// content is synced before it gets its name, so a crash can lose recent files but
/// never leaves a torn one.
pub fn write_new_without_folder_sync(
    fs: &dyn FileOps,
    target: &Path,
    bytes: &[u8],
) -> Result<(), AtomicError> {
    write_in_place(fs, target, bytes, Expect::Absent)
}

/// Writes and syncs a temp file next to `target` and gives it the target's name,
/// checked against `expect`; everything of the save protocol but the folder sync.
fn write_in_place(
    fs: &dyn FileOps,
    target: &Path,
    bytes: &[u8],
    expect: Expect,
) -> Result<(), AtomicError> {
    place_written(fs, target, expect, &mut |fs, file| {
        fs.write_all(file, bytes)
    })
}

/// [`write_atomic`] for content too large to hold in memory: `write` streams it into
/// the temp file (a bundle). Any error leaves the target as it was.
pub fn write_atomic_streamed(
    fs: &dyn FileOps,
    target: &Path,
    expect: Expect,
    write: &mut dyn FnMut(&mut File) -> io::Result<()>,
) -> Result<(), AtomicError> {
    place_written(fs, target, expect, &mut |_, file| write(file))?;
    sync_parent(fs, target)
}

type Writer<'a> = dyn FnMut(&dyn FileOps, &mut File) -> io::Result<()> + 'a;

fn place_written(
    fs: &dyn FileOps,
    target: &Path,
    expect: Expect,
    write: &mut Writer<'_>,
) -> Result<(), AtomicError> {
    let temp = temp_path(target);
    let io_error = |action, path: &Path, source| AtomicError::Io {
        action,
        path: path.to_path_buf(),
        source,
        renamed: false,
    };
    let mut file = fs
        .create_new(&temp)
        .map_err(|e| io_error("create", &temp, e))?;
    let written = write(fs, &mut file)
        .map_err(|e| io_error("write", &temp, e))
        .and_then(|()| fs.sync_file(&file).map_err(|e| io_error("sync", &temp, e)));
    drop(file);
    let placed = written.and_then(|()| match expect {
        Expect::Absent => place_new(fs, &temp, target),
        _ => check_target(fs, target, expect).and_then(|()| {
            fs.rename(&temp, target)
                .map_err(|e| io_error("replace", target, e))
        }),
    });
    if placed.is_err() {
        // Best effort: a temp left behind is swept at the next start.
        let _ = fs.remove_file(&temp);
    }
    placed
}

/// Puts a new file in place without ever replacing one that appeared meanwhile:
/// a hard link fails if the name exists. Where links are not supported (some
/// network or FAT folders) it falls back to check-then-rename.
fn place_new(fs: &dyn FileOps, temp: &Path, target: &Path) -> Result<(), AtomicError> {
    match fs.hard_link(temp, target) {
        Ok(()) => {
            let _ = fs.remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(AtomicError::Changed {
            path: target.to_path_buf(),
        }),
        Err(_) => check_target(fs, target, Expect::Absent).and_then(|()| {
            fs.rename(temp, target).map_err(|source| AtomicError::Io {
                action: "create",
                path: target.to_path_buf(),
                source,
                renamed: false,
            })
        }),
    }
}

fn check_target(fs: &dyn FileOps, target: &Path, expect: Expect) -> Result<(), AtomicError> {
    // A link or a special file in the target's place is never replaced.
    super::safe_fs::regular_or_missing(target).map_err(|source| AtomicError::Io {
        action: "replace",
        path: target.to_path_buf(),
        source,
        renamed: false,
    })?;
    if expect == Expect::Anything {
        return Ok(());
    }
    let current = match fs.read(target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(AtomicError::Io {
                action: "read",
                path: target.to_path_buf(),
                source,
                renamed: false,
            });
        }
    };
    let unchanged = match (expect, &current) {
        (Expect::Anything, _) | (Expect::Absent, None) => true,
        (Expect::Content(hash), Some(bytes)) => content_hash(bytes) == hash,
        (Expect::Absent, Some(_)) | (Expect::Content(_), None) => false,
    };
    if unchanged {
        Ok(())
    } else {
        Err(AtomicError::Changed {
            path: target.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fsops::{FaultyFs, RealFs};

    #[test]
    fn temp_names_round_trip() {
        let temp = temp_path(Path::new("/d/abc.ron"));
        let name = temp.file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_target(name), Some("abc.ron"));
        assert_eq!(temp_target("abc.ron"), None);
        assert_eq!(temp_target("abc.ron.x-1.tmp"), None);
        let (_, writer) = temp_parts(name).unwrap();
        assert_eq!(writer.host.as_deref(), Some(host_tag()));
        assert_eq!(writer.pid, std::process::id());
        let (target, legacy) = temp_parts("abc.ron.123-4.tmp").unwrap();
        assert_eq!((target, legacy.host, legacy.pid), ("abc.ron", None, 123));
    }

    #[test]
    fn writes_checks_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s.ron");
        write_atomic(&RealFs, &target, b"one", Expect::Absent).unwrap();
        assert!(matches!(
            write_atomic(&RealFs, &target, b"two", Expect::Absent),
            Err(AtomicError::Changed { .. })
        ));
        write_atomic(
            &RealFs,
            &target,
            b"two",
            Expect::Content(content_hash(b"one")),
        )
        .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert!(matches!(
            write_atomic(
                &RealFs,
                &target,
                b"three",
                Expect::Content(content_hash(b"one"))
            ),
            Err(AtomicError::Changed { .. })
        ));
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp left"
        );
    }

    #[test]
    fn a_fault_at_any_step_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s.ron");
        std::fs::write(&target, b"old").unwrap();
        let steps = {
            let probe = dir.path().join("probe");
            std::fs::write(&probe, b"p").unwrap();
            let counting = FaultyFs::new(0, io::ErrorKind::Other);
            let expect = Expect::Content(content_hash(b"p"));
            write_atomic(&counting, &probe, b"x", expect).unwrap();
            counting.calls()
        };
        for n in 1..=steps {
            let fs = FaultyFs::new(n, io::ErrorKind::StorageFull);
            let result = write_atomic(&fs, &target, b"new", Expect::Content(content_hash(b"old")));
            let renamed = matches!(result, Err(AtomicError::Io { renamed: true, .. }));
            assert!(result.is_err(), "step {n} must fail");
            let expected: &[u8] = if renamed { b"new" } else { b"old" };
            assert_eq!(std::fs::read(&target).unwrap(), expected, "step {n}");
            std::fs::write(&target, b"old").unwrap();
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "target and probe only: {leftovers:?}");
    }
}
