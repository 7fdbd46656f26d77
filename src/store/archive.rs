//! The checklist archive (docs/design.md §5): the exact text each session was made
//! with, stored once under its id, version and hash, so a session always scores
//! against its own checklist.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::atomic::{AtomicError, Expect, write_atomic};
use super::catalog::Entry;
use super::checklist_file::parse_checklist;
use super::{Store, StoreError};
use crate::model::checklist::Checklist;
use crate::model::session::ChecklistRef;

impl Store {
    fn archive_path(&self, id: &str, version: u32, hash: &str) -> PathBuf {
        self.archive_dir()
            .join(format!("{id}-v{version}-{hash}.ron"))
    }

    /// Stores the exact checklist text in the archive (once) and returns the reference to it.
    pub fn archive(&self, entry: &Entry) -> Result<ChecklistRef, StoreError> {
        let checklist = &entry.checklist;
        let path = self.archive_path(&checklist.id, checklist.version, &entry.hash);
        if !path.exists() {
            match write_atomic(
                self.fs.as_ref(),
                &path,
                entry.text.as_bytes(),
                Expect::Absent,
            ) {
                Ok(()) | Err(AtomicError::Changed { .. }) => {}
                Err(error) => return Err(error.into()),
            }
        }
        Ok(ChecklistRef {
            id: checklist.id.clone(),
            version: checklist.version,
            hash: entry.hash.clone(),
        })
    }

    /// The checklist a session was made with: from the archive, else from the catalog by hash.
    pub fn checklist_for(&self, reference: &ChecklistRef) -> Result<Arc<Checklist>, StoreError> {
        // The reference comes from a session file; only a well-formed one may name a file.
        let hex_hash = (1..=64).contains(&reference.hash.len())
            && reference
                .hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !crate::model::validate::is_valid_id(&reference.id) || !hex_hash {
            return Err(StoreError::ChecklistMissing {
                id: reference.id.clone(),
                version: reference.version,
                hash: reference.hash.clone(),
            });
        }
        if let Ok(cache) = self.archived.lock()
            && let Some(found) = cache.get(&reference.hash)
        {
            return Ok(found.clone());
        }
        let path = self.archive_path(&reference.id, reference.version, &reference.hash);
        let checklist = match self.fs.read(&path) {
            Ok(bytes) => Arc::new(
                parse_checklist(&bytes, &path.display().to_string())
                    .map_err(StoreError::BadChecklist)?,
            ),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let entry = self
                    .catalog()
                    .by_hash(&reference.hash)
                    .cloned()
                    .ok_or_else(|| StoreError::ChecklistMissing {
                        id: reference.id.clone(),
                        version: reference.version,
                        hash: reference.hash.clone(),
                    })?;
                self.archive(&entry)?;
                entry.checklist
            }
            Err(error) => return Err(StoreError::io("read", &path, error)),
        };
        if let Ok(mut cache) = self.archived.lock() {
            cache.insert(reference.hash.clone(), checklist.clone());
        }
        Ok(checklist)
    }
}
