//! The data directory: sessions, checklists, archive, trash, recovery (docs/design.md §5).

pub mod activities;
mod activities_bundle;
pub mod activities_import;
mod archive;
pub mod atomic;
pub mod attachments;
pub mod bundle;
pub mod catalog;
pub mod checklist_file;
pub mod checklist_text;
pub mod demo;
mod error;
pub mod fsops;
pub mod import;
mod import_checklists;
mod import_report;
mod import_source;
pub mod index;
mod index_format;
mod index_stamp;
mod limits;
pub mod lock;
pub mod paths;
pub mod problem_transfer;
pub mod problems;
mod recovery;
mod revisions;
mod ron_budget;
pub mod safe_fs;
mod scan;
pub mod series;
pub mod session_fast;
pub mod session_file;
mod session_reader;
pub mod settings;
mod sweep;
pub mod table_read;
pub mod unit_file;
mod zip_scan;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use crate::model::checklist::{Checklist, Scope};
use crate::model::session::Session;
use crate::model::text::normalize_name;
use atomic::{AtomicError, ContentHash, Expect, content_hash, write_atomic};
use catalog::Catalog;
use checklist_file::FileProblem;
use fsops::{FileOps, RealFs};
use lock::Lock;

pub use error::StoreError;
pub use scan::session_id_from_name;

/// Why a session opens read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    NewerFormat(u32),
}

/// A session as loaded, with what is needed to save it safely.
#[derive(Debug, Clone)]
pub struct LoadedSession {
    pub session: Session,
    /// Hash of the file as last read or written; `None` for a session not yet on disk.
    pub on_disk: Option<ContentHash>,
    pub read_only: Option<ReadOnly>,
}

/// A session file that exists but cannot be read.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub id: Uuid,
    pub problem: FileProblem,
}

/// Files in `sessions/` that are not sessions (sync conflicts, editor backups, …).
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub sessions: Vec<SessionFile>,
    pub strays: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFile {
    pub id: Uuid,
    pub path: PathBuf,
    pub size: u64,
    pub modified: Option<std::time::SystemTime>,
}

/// The data folder's managed subfolders (DESIGN §5), including those later features
/// fill. A folder added here is covered by the output-path check; its files must be
/// read and written through `safe_fs` and the save protocol like all others.
pub const MANAGED_DIRS: [&str; 8] = [
    "sessions",
    "checklists",
    "archive",
    "trash",
    "recovery",
    "attachments",
    "problems",
    "activities",
];

/// Files the store manages directly in the data folder.
pub const MANAGED_FILES: [&str; 5] = [
    "index.ron",
    "index.lock",
    "settings.ron",
    "unit.ron",
    "unit.lock",
];

#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    fs: Arc<dyn FileOps>,
    catalog: RwLock<Option<Arc<Catalog>>>,
    archived: Mutex<HashMap<String, Arc<Checklist>>>,
}

impl Store {
    /// Opens (creating if needed) a data directory and sweeps what dead processes left.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        Store::open_with(root, Arc::new(RealFs))
    }

    pub fn open_with(root: &Path, fs: Arc<dyn FileOps>) -> Result<Store, StoreError> {
        let store = Store {
            root: root.to_path_buf(),
            fs,
            catalog: RwLock::new(None),
            archived: Mutex::new(HashMap::new()),
        };
        for dir in [
            store.sessions_dir(),
            store.checklists_dir(),
            store.archive_dir(),
            store.trash_dir(),
            store.recovery_dir(),
            store.activities_dir(),
        ] {
            fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
            safe_fs::real_folder(&dir).map_err(|e| StoreError::io("use the folder", &dir, e))?;
        }
        sweep::sweep(&store);
        Ok(store)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    /// Every folder the store manages or will manage; nothing else may write in them.
    pub fn managed_dirs(&self) -> Vec<PathBuf> {
        MANAGED_DIRS.iter().map(|dir| self.root.join(dir)).collect()
    }
    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join("sessions")
    }
    pub fn checklists_dir(&self) -> PathBuf {
        self.root.join("checklists")
    }
    pub fn archive_dir(&self) -> PathBuf {
        self.root.join("archive")
    }
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }
    pub fn recovery_dir(&self) -> PathBuf {
        self.root.join("recovery")
    }
    pub fn session_path(&self, id: Uuid) -> PathBuf {
        self.sessions_dir().join(format!("{id}.ron"))
    }
    pub fn lock_path(&self, id: Uuid) -> PathBuf {
        self.sessions_dir().join(format!("{id}.lock"))
    }
    pub fn file_ops(&self) -> &dyn FileOps {
        self.fs.as_ref()
    }

    /// The checklists on offer, loaded once and kept until [`Store::refresh_catalog`].
    pub fn catalog(&self) -> Arc<Catalog> {
        if let Ok(cached) = self.catalog.read()
            && let Some(catalog) = cached.as_ref()
        {
            return catalog.clone();
        }
        let catalog = Arc::new(Catalog::load_with_archive(
            &self.checklists_dir(),
            &self.archive_dir(),
        ));
        if let Ok(mut cached) = self.catalog.write() {
            *cached = Some(catalog.clone());
        }
        catalog
    }

    /// Forgets the loaded checklists, so a checklist just written is offered.
    pub fn refresh_catalog(&self) {
        if let Ok(mut cached) = self.catalog.write() {
            *cached = None;
        }
    }

    pub fn load(&self, id: Uuid) -> Result<LoadedSession, StoreError> {
        let path = self.session_path(id);
        let bytes = self.fs.read(&path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => StoreError::NoSuchSession(id.to_string()),
            _ => StoreError::io("read", &path, e),
        })?;
        let label = path.display().to_string();
        let loaded = decode_loaded(&bytes, &label)?;
        // Saves go to the file named by the id inside, so a copy under another
        // name would overwrite the original without its lock: refuse it.
        if loaded.session.id != id {
            return Err(StoreError::Unreadable(misnamed(
                &label,
                loaded.session.id,
                id,
            )));
        }
        Ok(loaded)
    }

    /// Loads every session; unreadable ones are returned apart, untouched.
    pub fn load_all(&self) -> Result<(Vec<LoadedSession>, Vec<Unreadable>), StoreError> {
        let mut loaded = Vec::new();
        let mut unreadable = Vec::new();
        for file in self.scan()?.sessions {
            match self.load(file.id) {
                Ok(session) => loaded.push(session),
                Err(StoreError::Unreadable(problem)) => unreadable.push(Unreadable {
                    id: file.id,
                    problem,
                }),
                Err(StoreError::Io { path, source, .. }) => unreadable.push(Unreadable {
                    id: file.id,
                    problem: FileProblem {
                        file: path.display().to_string(),
                        place: None,
                        message: format!("cannot read: {source}"),
                    },
                }),
                Err(StoreError::NoSuchSession(_)) => {} // deleted while we looked
                Err(other) => return Err(other),
            }
        }
        Ok((loaded, unreadable))
    }

    /// Takes the session's lock; hold it for as long as the session is being edited.
    pub fn lock(&self, id: Uuid, now: DateTime<FixedOffset>) -> Result<Lock, StoreError> {
        Ok(Lock::acquire(&self.lock_path(id), now)?)
    }

    /// Saves with the save protocol; bumps `seq`. On a conflict the on-disk file is
    /// left alone and this version goes to `recovery/`.
    pub fn save(&self, loaded: &mut LoadedSession) -> Result<(), StoreError> {
        let id = loaded.session.id;
        if let Some(ReadOnly::NewerFormat(format)) = loaded.read_only {
            return Err(StoreError::ReadOnly {
                id,
                reason: format!("it was written by a newer zicha (format {format})"),
            });
        }
        let mut next = loaded.session.clone();
        next.seq += 1;
        next.format = crate::model::session::FORMAT;
        let saved = self.saved_version(id, loaded.on_disk);
        crate::model::revision::stamp(&mut next, saved.as_ref());
        let text = session_file::encode(&next)?;
        let expect = loaded.on_disk.map_or(Expect::Absent, Expect::Content);
        let path = self.session_path(id);
        match write_atomic(self.fs.as_ref(), &path, text.as_bytes(), expect) {
            Ok(()) => {
                loaded.session = next;
                loaded.on_disk = Some(content_hash(text.as_bytes()));
                Ok(())
            }
            Err(AtomicError::Io {
                renamed: true,
                action,
                path,
                source,
            }) => {
                loaded.session = next;
                loaded.on_disk = Some(content_hash(text.as_bytes()));
                Err(StoreError::Io {
                    action,
                    path,
                    source,
                })
            }
            Err(AtomicError::Changed { .. }) => {
                let copy = self.write_recovery(id, "conflict", text.as_bytes())?;
                Err(StoreError::Conflict { id, copy })
            }
            Err(other) => Err(other.into()),
        }
    }

    /// Creates a new session with the latest version of a checklist, archiving its text.
    pub fn create(
        &self,
        request: NewSession,
        now: DateTime<FixedOffset>,
    ) -> Result<LoadedSession, StoreError> {
        let catalog = self.catalog();
        let entry = catalog.latest(&request.checklist).cloned().ok_or_else(|| {
            StoreError::UnknownChecklist {
                id: request.checklist.clone(),
                available: catalog
                    .latest_all()
                    .iter()
                    .map(|entry| entry.checklist.id.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })?;
        let reference = self.archive(&entry)?;
        let session = Session::new(
            Uuid::now_v7(),
            reference,
            normalize_name(&request.round),
            request.date,
            normalize_name(&request.department),
            normalize_name(&request.inspector),
            now,
        );
        let session = Session {
            scope: request.scope,
            ..session
        };
        let mut loaded = LoadedSession {
            session,
            on_disk: None,
            read_only: None,
        };
        self.save(&mut loaded)?;
        Ok(loaded)
    }
}

/// What a new session needs.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub checklist: String,
    pub department: String,
    pub round: String,
    pub date: NaiveDate,
    pub inspector: String,
    /// A unit session judges every item; a department session leaves unit items out.
    pub scope: Scope,
}

fn decode_loaded(bytes: &[u8], label: &str) -> Result<LoadedSession, StoreError> {
    let decoded = session_file::decode(bytes, label).map_err(StoreError::Unreadable)?;
    Ok(LoadedSession {
        session: decoded.session,
        on_disk: Some(content_hash(bytes)),
        read_only: decoded.newer_format.map(ReadOnly::NewerFormat),
    })
}

/// A session file whose name does not match the id inside.
fn misnamed(label: &str, inside: Uuid, named: Uuid) -> FileProblem {
    FileProblem {
        file: label.to_string(),
        place: None,
        message: format!(
            "the file holds session {inside}, not {named} as its name says (a copy?); left as it is"
        ),
    }
}
