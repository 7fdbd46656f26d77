//! Where sessions go when they leave `sessions/`: `recovery/` for emergency copies
//! (a conflict, an exit or a panic with unsaved edits) and `trash/` for deleted ones.

use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::atomic::{Expect, write_atomic};
use super::{Store, StoreError, session_file};
use crate::model::session::Session;

impl Store {
    /// Writes `session` as it is in memory to `recovery/` (`why`: "exit", "panic",
    /// "unsaved"…); returns the path.
    pub fn recover(&self, session: &Session, why: &str) -> Result<PathBuf, StoreError> {
        let text = session_file::encode(session)?;
        self.write_recovery(session.id, why, text.as_bytes())
    }

    /// Writes an emergency copy to `recovery/`; returns its path.
    pub fn write_recovery(&self, id: Uuid, why: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S%.3f");
        let path = self.recovery_dir().join(format!("{id}.{why}-{stamp}.ron"));
        write_atomic(self.fs.as_ref(), &path, bytes, Expect::Absent)?;
        Ok(path)
    }

    pub fn recovery_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(self.recovery_dir())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Moves a session to `trash/` (recoverable by moving it back).
    pub fn trash(&self, id: Uuid, now: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        let _lock = self.lock(id, now)?;
        let from = self.session_path(id);
        let to = self.trash_dir().join(format!("{id}.ron"));
        let to = if to.exists() {
            self.trash_dir()
                .join(format!("{id}.{}.ron", now.format("%Y%m%dT%H%M%S")))
        } else {
            to
        };
        fs::rename(&from, &to).map_err(|e| StoreError::io("move to the trash", &from, e))?;
        self.fs
            .sync_dir(&self.sessions_dir())
            .map_err(|e| StoreError::io("sync the folder", &self.sessions_dir(), e))?;
        Ok(to)
    }
}
