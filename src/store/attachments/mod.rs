//! `<data>/attachments/`: photos and documents attached to items (DESIGN §12), each
//! stored once under `<sha256>.<ext>` with the save protocol. A session or an
//! activity (DESIGN §14) refers to a stored file by its hash; trashing a session
//! keeps its files, and a file nothing refers to (in `sessions/`, `trash/` or
//! `activities/`) is listed, and removed only on request.

mod carry;
pub mod preview;
pub mod taken;

pub use carry::referenced;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::activities::ActivityStoreError;
use super::atomic::{AtomicError, Expect, content_hash, hex, write_atomic};
use super::safe_fs::{self, Kind, Links, MAX_ATTACHMENT_BYTES, Refusal};
use super::{Store, StoreError, session_file};
use crate::model::attachment::{Attachment, AttachmentKind, is_sha256, stored_name};

/// Why a file was not attached; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    #[error("{path}: no such file")]
    Missing { path: PathBuf },
    #[error("{path}: is a folder; attach the files in it one by one")]
    Folder { path: PathBuf },
    #[error("{path}: is larger than {} MiB, the most zicha attaches", MAX_ATTACHMENT_BYTES >> 20)]
    TooLarge { path: PathBuf },
    #[error(
        "{path}: not a file type zicha attaches; photos (jpg, png) and documents (pdf, doc, docx, xls, xlsx) are"
    )]
    Unsupported { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A file put into `attachments/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub attachment: Attachment,
    /// The stored copy, when this call wrote it (it was not there before): what to
    /// take back if the session that refers to it cannot be saved.
    pub written: Option<PathBuf>,
    /// The downscaled copy cached for documents, when this call wrote it.
    pub preview: Option<PathBuf>,
}

impl Store {
    pub fn attachments_dir(&self) -> PathBuf {
        self.root().join("attachments")
    }

    /// Where the stored copy of `attachment` is; `None` for a hash that is not one
    /// (session files are untrusted, and only a real hash may name a file).
    pub fn attachment_path(&self, attachment: &Attachment) -> Option<PathBuf> {
        is_sha256(&attachment.sha256).then(|| self.attachments_dir().join(attachment.stored_name()))
    }

    /// Reads the file the user named and stores it (once) under its hash. A link
    /// the user names is followed (it is the user's own); a FIFO or device is refused.
    pub fn store_attachment(&self, path: &Path, caption: &str) -> Result<Stored, AttachmentError> {
        let file = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = read_source(path)?;
        let kind =
            AttachmentKind::of(&file, &bytes).ok_or_else(|| AttachmentError::Unsupported {
                path: path.to_path_buf(),
            })?;
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        let sha256 = hex(&content_hash(&bytes));
        let written = self.put_attachment_bytes(&sha256, kind, &bytes)?;
        let attachment = Attachment {
            file,
            size: bytes.len() as u64,
            taken: taken::taken(&bytes, modified),
            caption: caption.trim().to_string(),
            sha256,
            kind,
        };
        let preview = self.cache_preview(&attachment, &bytes);
        Ok(Stored {
            attachment,
            written,
            preview,
        })
    }

    /// Stores every file, or none: a file that cannot be attached takes back those
    /// stored before it in this call.
    pub fn store_attachments(
        &self,
        files: &[PathBuf],
        caption: &str,
    ) -> Result<Vec<Stored>, AttachmentError> {
        let mut stored = Vec::new();
        for file in files {
            match self.store_attachment(file, caption) {
                Ok(one) => stored.push(one),
                Err(error) => {
                    self.discard_written(&stored);
                    return Err(error);
                }
            }
        }
        Ok(stored)
    }

    /// Stores `bytes` (whose hash is `sha256`, checked by the caller) unless a copy
    /// with that content is there; returns the path when this call wrote it. A file
    /// under the name with other content (damaged, or planted) is replaced.
    pub fn put_attachment_bytes(
        &self,
        sha256: &str,
        kind: AttachmentKind,
        bytes: &[u8],
    ) -> Result<Option<PathBuf>, StoreError> {
        let dir = self.attachments_dir();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the folder", &dir, e))?;
        safe_fs::real_folder(&dir).map_err(|e| StoreError::io("use the folder", &dir, e))?;
        let path = dir.join(stored_name(sha256, kind));
        let expect = match safe_fs::read_capped_nofollow(&path, MAX_ATTACHMENT_BYTES) {
            Ok(existing) if hex(&content_hash(&existing)) == sha256 => return Ok(None),
            Ok(existing) => Expect::Content(content_hash(&existing)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Expect::Absent,
            Err(error) => return Err(StoreError::io("read", &path, error)),
        };
        match write_atomic(self.file_ops(), &path, bytes, expect) {
            Ok(()) => Ok(Some(path)),
            // Another zicha stored the same content meanwhile.
            Err(AtomicError::Changed { .. }) if expect == Expect::Absent => Ok(None),
            Err(error) => {
                if matches!(error, AtomicError::Io { renamed: true, .. }) {
                    let _ = self.file_ops().remove_file(&path);
                }
                Err(error.into())
            }
        }
    }

    /// Takes back copies written for a change that was not saved.
    pub fn discard_written(&self, stored: &[Stored]) {
        let paths = stored
            .iter()
            .flat_map(|s| s.written.iter().chain(&s.preview));
        for path in paths {
            let _ = self.file_ops().remove_file(path);
        }
    }

    /// The bytes of a stored attachment, checked against its hash.
    pub fn read_attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, StoreError> {
        let path = self.attachment_path(attachment).ok_or_else(|| {
            StoreError::io(
                "find",
                &self.attachments_dir().join(&attachment.file),
                io::Error::new(io::ErrorKind::InvalidData, "not a SHA-256 hash"),
            )
        })?;
        let bytes = safe_fs::read_capped_nofollow(&path, MAX_ATTACHMENT_BYTES)
            .map_err(|e| StoreError::io("read", &path, e))?;
        if hex(&content_hash(&bytes)) != attachment.sha256 {
            return Err(StoreError::io(
                "read",
                &path,
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    "content does not match its hash",
                ),
            ));
        }
        Ok(bytes)
    }

    /// Stored names that sessions refer to, in `sessions/` and `trash/`, and
    /// activities in `activities/`. A file that cannot be read counts as referring
    /// to everything it might: nothing is listed as unreferenced then.
    fn referenced_attachments(&self) -> Result<Option<BTreeSet<String>>, StoreError> {
        let mut names = BTreeSet::new();
        if !self.activity_references(&mut names)? {
            return Ok(None);
        }
        for dir in [self.sessions_dir(), self.trash_dir()] {
            let entries =
                fs::read_dir(&dir).map_err(|e| StoreError::io("read the folder", &dir, e))?;
            for entry in entries.filter_map(Result::ok) {
                let path = entry.path();
                if path.extension().is_none_or(|ext| ext != "ron") {
                    continue;
                }
                let Ok(bytes) = safe_fs::read_capped_nofollow(&path, safe_fs::MAX_SESSION_BYTES)
                else {
                    return Ok(None);
                };
                let Ok(decoded) = session_file::decode(&bytes, &path.display().to_string()) else {
                    return Ok(None);
                };
                let session = decoded.session;
                let responses = session.responses.values();
                let lost = session.conflicts.values().flatten();
                for response in responses.chain(lost) {
                    names.extend(response.attachments.iter().map(Attachment::stored_name));
                }
            }
        }
        Ok(Some(names))
    }

    /// Adds the stored names activities refer to; `false` when an activity file
    /// cannot be read (it may refer to any of them).
    fn activity_references(&self, names: &mut BTreeSet<String>) -> Result<bool, StoreError> {
        for id in self.activity_ids()? {
            match self.load_activity(id) {
                Ok(loaded) => names.extend(
                    loaded
                        .activity
                        .attachments
                        .iter()
                        .map(Attachment::stored_name),
                ),
                Err(ActivityStoreError::NoSuchActivity(_)) => {} // removed while we looked
                Err(_) => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Stored files no session (nor a trashed one) nor activity refers to, sorted.
    /// Empty while a session or activity file cannot be read, since it may refer to
    /// any of them.
    pub fn unreferenced_attachments(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.attachments_dir();
        let Some(referenced) = self.referenced_attachments()? else {
            return Ok(Vec::new());
        };
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(StoreError::io("read the folder", &dir, error)),
        };
        let mut unreferenced: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| {
                entry
                    .file_type()
                    .is_ok_and(|kind| safe_fs::kind_of_type(kind) == Kind::Regular)
            })
            .filter(|entry| is_stored_name(&entry.file_name().to_string_lossy()))
            .filter(|entry| !referenced.contains(&*entry.file_name().to_string_lossy()))
            .map(|entry| entry.path())
            .collect();
        unreferenced.sort();
        Ok(unreferenced)
    }

    /// Removes the stored files no session nor activity refers to; returns them.
    pub fn remove_unreferenced_attachments(&self) -> Result<Vec<PathBuf>, StoreError> {
        let unreferenced = self.unreferenced_attachments()?;
        for path in &unreferenced {
            self.file_ops()
                .remove_file(path)
                .map_err(|e| StoreError::io("remove", path, e))?;
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            if let Some(stem) = stem {
                let _ = self
                    .file_ops()
                    .remove_file(&self.thumbs_dir().join(format!("{stem}.jpg")));
            }
        }
        if !unreferenced.is_empty() {
            let dir = self.attachments_dir();
            self.file_ops()
                .sync_dir(&dir)
                .map_err(|e| StoreError::io("sync the folder", &dir, e))?;
        }
        Ok(unreferenced)
    }
}

/// `<sha256>.<ext>` of a kind zicha stores.
pub fn is_stored_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(hash, extension)| {
        is_sha256(hash)
            && AttachmentKind::ALL
                .iter()
                .any(|k| k.extension() == extension)
    })
}

fn read_source(path: &Path) -> Result<Vec<u8>, AttachmentError> {
    let path_buf = path.to_path_buf();
    match fs::metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Err(AttachmentError::Missing { path: path_buf });
        }
        Ok(metadata) if metadata.is_dir() => {
            return Err(AttachmentError::Folder { path: path_buf });
        }
        Ok(metadata) if metadata.len() > MAX_ATTACHMENT_BYTES => {
            return Err(AttachmentError::TooLarge { path: path_buf });
        }
        _ => {}
    }
    safe_fs::read_capped(path, MAX_ATTACHMENT_BYTES, Links::Follow).map_err(|source| {
        match safe_fs::refusal(&source) {
            Some(Refusal::TooLarge { .. }) => AttachmentError::TooLarge { path: path_buf },
            Some(Refusal::Folder) => AttachmentError::Folder { path: path_buf },
            _ if source.kind() == io::ErrorKind::NotFound => {
                AttachmentError::Missing { path: path_buf }
            }
            _ => AttachmentError::Unreadable {
                path: path_buf,
                source,
            },
        }
    })
}

#[cfg(test)]
mod activity_tests;
#[cfg(test)]
mod tests;
