//! The saved version a save gives revision ids against (`model::revision::stamp`).

use uuid::Uuid;

use super::Store;
use super::atomic::{ContentHash, content_hash};
use super::session_file;
use crate::model::session::Session;

impl Store {
    /// The session as last saved, if its file still holds exactly `expected`
    /// (otherwise the save is about to fail its conflict check anyway).
    pub(super) fn saved_version(&self, id: Uuid, expected: Option<ContentHash>) -> Option<Session> {
        let expected = expected?;
        let path = self.session_path(id);
        let bytes = self.fs.read(&path).ok()?;
        if content_hash(&bytes) != expected {
            return None;
        }
        let label = path.display().to_string();
        session_file::decode(&bytes, &label)
            .ok()
            .map(|decoded| decoded.session)
    }
}
