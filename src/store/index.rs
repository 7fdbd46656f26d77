//! The index cache `index.ron` (docs/design.md §5): one [`SessionHead`] per session file, so
//! listings, the home screen, history and the ledger do not read every session.
//!
//! It is never the source of truth. Each entry records how its file looked (size,
//! modification time, and on unix the inode and change time, which no program can set
//! back) and is used only while the file still looks exactly so: an outside edit, a
//! deleted or new file, or a modification time moved into the past or the future all
//! show as a difference, never as "newer than the index". An entry written within
//! [`SETTLE`] of its file's last change is not trusted next time either, because a
//! change in the same clock tick would leave the same stamp.
//!
//! Files that fail to parse are recorded as unreadable (still reported at every
//! start, never listed as sessions). Sessions whose checklist cannot be found are not
//! recorded, since adding the checklist fixes them without touching the file.
//!
//! The index is written with the save protocol while holding `index.lock`; when
//! another process holds it, or the folder is read-only, it is simply not written.
//! (A lock left by a zicha that died on another computer sharing the folder keeps it
//! unwritten until that file is deleted, as for session locks: answers stay right,
//! only slower.)

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use uuid::Uuid;

use super::atomic::{Expect, write_atomic};
use super::checklist_file::FileProblem;
use super::index_format;
pub use super::index_stamp::Stamp;
use super::lock::Lock;
use super::{Store, StoreError, Unreadable, session_fast, session_id_from_name, sweep};
use crate::model::head::SessionHead;
use crate::progress::{Progress, Silent};

pub const INDEX_FILE: &str = "index.ron";
pub const INDEX_LOCK: &str = "index.lock";

/// Bumped when the entry shape changes; with the program version, decides reuse.
const INDEX_FORMAT: u32 = 3;

/// Files read between two progress reports.
const PROGRESS_EVERY: usize = 100;

/// How long after a file's last change its entry is trusted.
pub const SETTLE: Duration = Duration::from_secs(2);

/// A problem as stored: file, line and column, message.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StoredProblem(pub String, pub Option<(usize, usize)>, pub String);

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Content {
    Session(Box<SessionHead>),
    Unreadable(StoredProblem),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    pub id: Uuid,
    pub stamp: Stamp,
    /// Written at least [`SETTLE`] after the file's last change; see the module docs.
    pub settled: bool,
    pub content: Content,
}

/// Every session as a head, and what could not be summarized.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// Sorted by id.
    pub sessions: Vec<SessionHead>,
    /// Files that exist but cannot be read; left untouched.
    pub unreadable: Vec<Unreadable>,
    /// Readable sessions that cannot be scored (their checklist is missing): id, message.
    pub unscored: Vec<(Uuid, String)>,
    /// Files in `sessions/` that are not sessions.
    pub strays: Vec<PathBuf>,
    pub cache: CacheUse,
}

/// How the index served a call (for tests and measurements).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheUse {
    /// Files whose entry was used as it was.
    pub reused: usize,
    /// Files read and summarized.
    pub read: usize,
    /// Whether `index.ron` was written.
    pub written: bool,
}

struct Scanned {
    id: Uuid,
    path: PathBuf,
    stamp: Option<Stamp>,
}

/// What reading one file gave.
enum Outcome {
    Entry(Entry),
    /// Not to be recorded: unreadable for now (an I/O error), or not scorable.
    Unrecorded(Content),
    Unscored(String),
    Gone,
}

impl Store {
    pub fn index_path(&self) -> PathBuf {
        self.root.join(INDEX_FILE)
    }

    /// Every session's head, from the index where it is current, reading only the
    /// files that changed; writes the index back when anything differed.
    pub fn overview(&self) -> Result<Overview, StoreError> {
        self.overview_with(&Silent)
    }

    /// [`Store::overview`], reporting files read (a cold index reads them all).
    pub fn overview_with(&self, progress: &dyn Progress) -> Result<Overview, StoreError> {
        self.overview_at(SystemTime::now(), progress)
    }

    /// [`Store::overview`] with the clock at `now`, which decides whether a file has
    /// settled (tests move it forward instead of waiting).
    #[cfg(test)]
    pub(crate) fn overview_as_of(&self, now: SystemTime) -> Result<Overview, StoreError> {
        self.overview_at(now, &Silent)
    }

    fn overview_at(
        &self,
        now: SystemTime,
        progress: &dyn Progress,
    ) -> Result<Overview, StoreError> {
        // The folder scan (a stat per file) runs while the index is decoded.
        let (scanned, mut known) = std::thread::scope(|scope| {
            let index = scope.spawn(|| self.read_index());
            let scanned = self.scan_stamped();
            (scanned, index.join().unwrap_or_default())
        });
        let (files, strays) = scanned?;
        let mut entries: Vec<Entry> = Vec::with_capacity(files.len());
        let mut to_read: Vec<&Scanned> = Vec::new();
        let mut replaced: HashMap<Uuid, Entry> = HashMap::new();
        for file in &files {
            match known.remove(&file.id) {
                Some(entry) if entry.settled && Some(entry.stamp) == file.stamp => {
                    entries.push(entry);
                }
                Some(entry) => {
                    replaced.insert(file.id, entry);
                    to_read.push(file);
                }
                None => to_read.push(file),
            }
        }
        let reused = entries.len();
        // Entries left in `known` belong to files that are gone.
        let mut changed = !known.is_empty();
        let mut unrecorded = Vec::new();
        let mut unscored = Vec::new();
        for (file, outcome) in to_read.iter().zip(self.read_files(&to_read, now, progress)) {
            let before = replaced.remove(&file.id);
            match outcome {
                Outcome::Entry(entry) => {
                    changed |= before.as_ref() != Some(&entry);
                    entries.push(entry);
                }
                Outcome::Unrecorded(content) => {
                    changed |= before.is_some();
                    unrecorded.push((file.id, content));
                }
                Outcome::Unscored(message) => {
                    changed |= before.is_some();
                    unscored.push((file.id, message));
                }
                Outcome::Gone => changed |= before.is_some(),
            }
        }
        entries.sort_by_key(|entry| entry.id);
        let written = changed && self.write_index(&entries);
        let mut overview = Overview {
            strays,
            unscored,
            cache: CacheUse {
                reused,
                read: to_read.len(),
                written,
            },
            ..Overview::default()
        };
        let contents = entries
            .into_iter()
            .map(|entry| (entry.id, entry.content))
            .chain(unrecorded);
        for (id, content) in contents {
            match content {
                Content::Session(head) => overview.sessions.push(*head),
                Content::Unreadable(StoredProblem(file, place, message)) => {
                    overview.unreadable.push(Unreadable {
                        id,
                        problem: FileProblem {
                            file,
                            place,
                            message,
                        },
                    });
                }
            }
        }
        overview.sessions.sort_by_key(|head| head.id);
        overview.unreadable.sort_by_key(|file| file.id);
        // Open rectifications as the ledger counts them: later walks' 达标 close them.
        crate::model::followup::count_open_after_walks(&mut overview.sessions, |reference| {
            self.checklist_for(reference).ok()
        });
        Ok(overview)
    }

    /// Session files with their stamps, sorted by id, and strays.
    fn scan_stamped(&self) -> Result<(Vec<Scanned>, Vec<PathBuf>), StoreError> {
        let dir = self.sessions_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io("read the folder", &dir, e))?;
        let mut files = Vec::new();
        let mut strays = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = entry.path();
            let regular = entry.file_type().is_ok_and(|kind| {
                super::safe_fs::kind_of_type(kind) == super::safe_fs::Kind::Regular
            });
            if let Some(id) = session_id_from_name(&name) {
                files.push(Scanned {
                    id,
                    path,
                    stamp: None,
                });
            } else if !sweep::is_ours(&name) || !regular {
                strays.push(path);
            }
        }
        files.sort_by_key(|file| file.id);
        strays.sort();
        let paths: Vec<&Path> = files.iter().map(|file| file.path.as_path()).collect();
        let stamps = Stamp::of_all(&paths);
        for (file, stamp) in files.iter_mut().zip(stamps) {
            file.stamp = stamp;
        }
        Ok((files, strays))
    }

    /// The entries of a readable index of this program, by id; empty otherwise.
    fn read_index(&self) -> HashMap<Uuid, Entry> {
        let Ok(bytes) = super::safe_fs::read_capped_nofollow(
            &self.index_path(),
            super::safe_fs::MAX_INDEX_BYTES,
        ) else {
            return HashMap::new();
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return HashMap::new();
        };
        index_format::decode(&text, INDEX_FORMAT, &program())
            .unwrap_or_default()
            .into_iter()
            .map(|entry| (entry.id, entry))
            .collect()
    }

    /// Reads and summarizes files on a few threads; outcomes in the order of `files`.
    fn read_files(
        &self,
        files: &[&Scanned],
        now: SystemTime,
        progress: &dyn Progress,
    ) -> Vec<Outcome> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(files.len() / 64 + 1);
        let slots: Vec<Mutex<Option<Outcome>>> = files.iter().map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        let finished = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(index) else { break };
                        let outcome = self.read_file(file, now);
                        if let Some(slot) = slots.get(index)
                            && let Ok(mut slot) = slot.lock()
                        {
                            *slot = Some(outcome);
                        }
                        let done = finished.fetch_add(1, Ordering::Relaxed) + 1;
                        if done.is_multiple_of(PROGRESS_EVERY) || done == files.len() {
                            progress.report(done, files.len());
                        }
                    }
                });
            }
        });
        slots
            .into_iter()
            .map(|slot| slot.into_inner().ok().flatten().unwrap_or(Outcome::Gone))
            .collect()
    }

    fn read_file(&self, file: &Scanned, now: SystemTime) -> Outcome {
        let label = file.path.display().to_string();
        let bytes = match self.fs.read(&file.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Outcome::Gone,
            Err(error) => {
                return Outcome::Unrecorded(Content::Unreadable(StoredProblem(
                    label,
                    None,
                    format!("cannot read: {error}"),
                )));
            }
        };
        // A file that changed while it was read is summarized but not trusted next time.
        let after = fs::symlink_metadata(&file.path).ok().map(|m| Stamp::of(&m));
        let Some(stamp) = file.stamp.filter(|stamp| after == Some(*stamp)) else {
            return match summarize_bytes(self, &bytes, file.id, &label) {
                Ok(content) => Outcome::Unrecorded(content),
                Err(message) => Outcome::Unscored(message),
            };
        };
        match summarize_bytes(self, &bytes, file.id, &label) {
            Ok(content) => Outcome::Entry(Entry {
                id: file.id,
                stamp,
                settled: stamp.settled_at(now),
                content,
            }),
            Err(message) => Outcome::Unscored(message),
        }
    }

    /// Writes the index under its lock; false when it was not written.
    fn write_index(&self, entries: &[Entry]) -> bool {
        let Ok(_lock) = Lock::acquire(&self.root.join(INDEX_LOCK), crate::clock::now()) else {
            return false;
        };
        let text = index_format::encode(INDEX_FORMAT, &program(), entries);
        write_atomic(
            self.fs.as_ref(),
            &self.index_path(),
            text.as_bytes(),
            Expect::Anything,
        )
        .is_ok()
    }
}

/// The program that wrote an index: another version may score differently.
fn program() -> String {
    format!("zicha {}", env!("CARGO_PKG_VERSION"))
}

/// The head of a session file, an unreadable record, or why it cannot be scored.
fn summarize_bytes(store: &Store, bytes: &[u8], id: Uuid, label: &str) -> Result<Content, String> {
    let decoded = match session_fast::decode(bytes, label) {
        Ok(decoded) => decoded,
        Err(problem) => return Ok(unreadable(problem)),
    };
    let session = decoded.session;
    if session.id != id {
        return Ok(unreadable(super::misnamed(label, session.id, id)));
    }
    match store.checklist_for(&session.checklist) {
        Ok(checklist) => Ok(Content::Session(Box::new(SessionHead::new(
            &session, &checklist,
        )))),
        Err(error) => Err(error.to_string()),
    }
}

fn unreadable(problem: FileProblem) -> Content {
    Content::Unreadable(StoredProblem(problem.file, problem.place, problem.message))
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
