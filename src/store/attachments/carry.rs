//! Attachments travelling with sessions: bundles hold `attachments/<sha256>.<ext>`
//! for the sessions they pack, and an import takes each one a session refers to
//! from its source, checked against its hash (a mismatch refuses the session).

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::super::atomic::{content_hash, hex};
use super::super::safe_fs::{self, Kind};
use super::super::{Store, StoreError};
use crate::model::attachment::{Attachment, is_sha256};
use crate::model::session::Session;

/// Every attachment a session refers to (current responses and those kept for
/// review), once per stored name, sorted.
pub fn referenced(session: &Session) -> Vec<&Attachment> {
    let mut names = BTreeSet::new();
    let lost = session.conflicts.values().flatten();
    let mut list: Vec<&Attachment> = session
        .responses
        .values()
        .chain(lost)
        .flat_map(|response| &response.attachments)
        .filter(|attachment| names.insert(attachment.stored_name()))
        .collect();
    list.sort_by_key(|attachment| attachment.stored_name());
    list
}

impl Store {
    /// The stored names and sizes of a session's or an activity's attachments, for
    /// a bundle; an attachment missing here (or not a plain file) refuses the
    /// session or activity, as an import would.
    pub(in crate::store) fn bundled_attachments(
        &self,
        attachments: &[&Attachment],
    ) -> Result<Vec<(String, u64)>, String> {
        attachments
            .iter()
            .map(|attachment| {
                let refused = |why: &str| {
                    format!(
                        "its attachment {} ({}) {why}",
                        attachment.file,
                        attachment.stored_name()
                    )
                };
                let path = self
                    .attachment_path(attachment)
                    .ok_or_else(|| refused("has no valid hash"))?;
                match std::fs::symlink_metadata(&path) {
                    Ok(m) if safe_fs::kind_of_type(m.file_type()) == Kind::Regular => {
                        Ok((attachment.stored_name(), m.len()))
                    }
                    _ => Err(refused("is missing in attachments/")),
                }
            })
            .collect()
    }

    /// The bytes of a stored attachment by its name, checked against the hash the
    /// name carries: a bundle never holds a damaged copy.
    pub(in crate::store) fn bundle_entry_bytes(&self, name: &str) -> std::io::Result<Vec<u8>> {
        let path = self.attachments_dir().join(name);
        let bytes = safe_fs::read_capped_nofollow(&path, safe_fs::MAX_ATTACHMENT_BYTES)?;
        let hash = name.split('.').next().unwrap_or_default();
        if hex(&content_hash(&bytes)) != hash {
            return Err(std::io::Error::other(format!(
                "{}: content does not match its hash",
                path.display()
            )));
        }
        Ok(bytes)
    }

    /// Brings the attachments a session or an activity (`what`, for the message
    /// refusing it) refers to from a source: each one missing here is read with
    /// `read` (by stored name), checked against its hash and stored. Returns the
    /// copies written; on a refusal, those are taken back.
    pub(in crate::store) fn bring_attachments(
        &self,
        attachments: &[&Attachment],
        what: &str,
        read: &mut dyn FnMut(&str) -> Option<std::io::Result<Vec<u8>>>,
    ) -> Result<Vec<PathBuf>, String> {
        let mut written = Vec::new();
        let outcome = self.bring_each(attachments, what, read, &mut written);
        if outcome.is_err() {
            for path in &written {
                let _ = self.file_ops().remove_file(path);
            }
        }
        outcome.map(|()| written)
    }

    fn bring_each(
        &self,
        attachments: &[&Attachment],
        what: &str,
        read: &mut dyn FnMut(&str) -> Option<std::io::Result<Vec<u8>>>,
        written: &mut Vec<PathBuf>,
    ) -> Result<(), String> {
        for attachment in attachments {
            let name = attachment.stored_name();
            let refused = |why: String| format!("attachment {} ({name}) {why}", attachment.file);
            if !is_sha256(&attachment.sha256) {
                return Err(refused(format!("has no valid hash; the {what} is refused")));
            }
            if self.read_attachment(attachment).is_ok() {
                continue;
            }
            let bytes = match read(&name) {
                Some(Ok(bytes)) => bytes,
                Some(Err(error)) => return Err(refused(format!("cannot be read: {error}"))),
                None => {
                    return Err(refused(format!(
                        "is neither in what was imported nor here; the {what} is refused"
                    )));
                }
            };
            let actual = hex(&content_hash(&bytes));
            if actual != attachment.sha256 {
                return Err(refused(format!(
                    "does not match its hash (its content hashes to {actual}); the {what} is refused"
                )));
            }
            let stored = self
                .put_attachment_bytes(&attachment.sha256, attachment.kind, &bytes)
                .map_err(|error: StoreError| refused(error.to_string()))?;
            written.extend(stored);
        }
        Ok(())
    }
}
