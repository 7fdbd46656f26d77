//! Limits an incoming session must keep, checked the same way by `import` and by
//! `bundle`, so that a bundle never holds what an import refuses (DESIGN §5).

use super::Store;
use crate::model::session::Session;

/// Responses (and items in conflict) a session may hold beyond its checklist's items.
pub const RESPONSE_MARGIN: usize = 100;
/// The most entries a bundle may hold, and that an import looks at in one folder.
pub const MAX_ENTRIES: usize = 200_000;
/// The largest list of entries (zip central directory) of a bundle that is read.
pub const MAX_BUNDLE_DIRECTORY: u64 = 64 << 20;
/// The most one `zicha import` unpacks and reads in all, over every source; a
/// bundle holds no more.
pub const MAX_IMPORT_BYTES: u64 = 16 << 30;

impl Store {
    /// Why `session` is refused, if it is: more responses or conflicts than its
    /// checklist has items, plus a margin. The checklist must be archived or known.
    pub fn check_session_limits(&self, session: &Session) -> Result<(), String> {
        let checklist = self
            .checklist_for(&session.checklist)
            .map_err(|error| error.to_string())?;
        let items = checklist.items().len();
        let max = items + RESPONSE_MARGIN;
        for (what, count) in [
            ("responses", session.responses.len()),
            ("items in conflict", session.conflicts.len()),
        ] {
            if count > max {
                return Err(format!(
                    "it holds {count} {what}, but its checklist {} v{} has {items} items (at most {max} are accepted)",
                    checklist.id, checklist.version
                ));
            }
        }
        Ok(())
    }
}
