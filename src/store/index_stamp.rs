//! How a session file looked when its index entry was made (see `index`).

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::index::SETTLE;

/// How a session file looked when its entry was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    /// Modification time: seconds and nanoseconds from 1970 (negative before).
    pub modified: (i64, u32),
    /// Unix change time (0 elsewhere).
    pub changed: (i64, u32),
    /// Unix inode (0 elsewhere): the save protocol gives every save a new one.
    pub inode: u64,
}

impl Stamp {
    pub fn of(metadata: &fs::Metadata) -> Stamp {
        let modified = metadata.modified().map_or((0, 0), split_time);
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let nanos = u32::try_from(metadata.ctime_nsec()).unwrap_or(0);
            ((metadata.ctime(), nanos), metadata.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = ((0, 0), 0);
        Stamp {
            size: metadata.len(),
            modified,
            changed,
            inode,
        }
    }

    /// The stamps of `paths` (`None` where there is no file to stat), taken on as
    /// many threads as there are cores: for 10,000 files the stats are a good part
    /// of a list's time on one core.
    pub fn of_all(paths: &[&Path]) -> Vec<Option<Stamp>> {
        let mut stamps = vec![None; paths.len()];
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = paths.len().div_ceil(threads).max(256);
        let stat = |(paths, stamps): (&[&Path], &mut [Option<Stamp>])| {
            for (path, stamp) in paths.iter().zip(stamps) {
                *stamp = fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m));
            }
        };
        std::thread::scope(|scope| {
            let mut parts = paths.chunks(chunk).zip(stamps.chunks_mut(chunk));
            let first = parts.next();
            for part in parts {
                scope.spawn(move || stat(part));
            }
            if let Some(first) = first {
                stat(first);
            }
        });
        stamps
    }

    /// Whether the file's last change is at least [`SETTLE`] before `now`.
    pub(super) fn settled_at(&self, now: SystemTime) -> bool {
        let (now_secs, now_nanos) = split_time(now);
        let last = self.modified.max(self.changed);
        let now = i128::from(now_secs) * 1_000_000_000 + i128::from(now_nanos);
        let last = i128::from(last.0) * 1_000_000_000 + i128::from(last.1);
        last + SETTLE.as_nanos() as i128 <= now
    }
}

fn split_time(time: SystemTime) -> (i64, u32) {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => (
            i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            after.subsec_nanos(),
        ),
        Err(before) => {
            let before = before.duration();
            let secs = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
            match before.subsec_nanos() {
                0 => (-secs, 0),
                nanos => (-secs - 1, 1_000_000_000 - nanos),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_of_many_files_are_each_files_stamp_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = (0..700)
            .map(|n| dir.path().join(format!("{n}.ron")))
            .collect();
        for path in paths.iter().step_by(3) {
            fs::write(path, path.to_string_lossy().as_bytes()).unwrap();
        }
        let borrowed: Vec<&Path> = paths.iter().map(|path| path.as_path()).collect();
        let stamps = Stamp::of_all(&borrowed);
        assert_eq!(stamps.len(), paths.len());
        for (path, stamp) in paths.iter().zip(&stamps) {
            let alone = fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m));
            assert_eq!(*stamp, alone, "{}", path.display());
        }
        assert_eq!(stamps.iter().flatten().count(), 234);
        assert!(Stamp::of_all(&[]).is_empty());
    }
}
