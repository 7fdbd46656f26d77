//! Finding sessions: the files in `sessions/` and a session by its id or a prefix.

use std::fs;

use uuid::Uuid;

use super::{Scan, SessionFile, Store, StoreError, safe_fs, sweep};

impl Store {
    /// Session files and strays in `sessions/`, sorted by id.
    pub fn scan(&self) -> Result<Scan, StoreError> {
        let dir = self.sessions_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io("read the folder", &dir, e))?;
        let mut scan = Scan::default();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let regular = entry
                .file_type()
                .is_ok_and(|kind| safe_fs::kind_of_type(kind) == safe_fs::Kind::Regular);
            if let Some(id) = session_id_from_name(&name) {
                // A link or FIFO under a session's name is listed, and reported
                // as unreadable when it is loaded; it is never opened.
                let metadata = entry.metadata().ok();
                scan.sessions.push(SessionFile {
                    id,
                    path,
                    size: metadata.as_ref().map_or(0, |m| m.len()),
                    modified: metadata.and_then(|m| m.modified().ok()),
                });
            } else if !sweep::is_ours(&name) || !regular {
                scan.strays.push(path);
            }
        }
        scan.sessions.sort_by_key(|file| file.id);
        scan.strays.sort();
        Ok(scan)
    }

    /// Finds a session by full id or unique prefix.
    pub fn resolve(&self, prefix: &str) -> Result<Uuid, StoreError> {
        let wanted = prefix.trim().to_ascii_lowercase();
        if let Ok(id) = Uuid::parse_str(&wanted) {
            return if self.session_path(id).exists() {
                Ok(id)
            } else {
                Err(StoreError::NoSuchSession(prefix.to_string()))
            };
        }
        by_prefix(
            prefix,
            || {
                Ok(self
                    .scan()?
                    .sessions
                    .into_iter()
                    .map(|file| file.id)
                    .collect())
            },
            || StoreError::NoSuchSession(prefix.to_string()),
            |matches| StoreError::Ambiguous {
                prefix: prefix.to_string(),
                matches,
            },
        )
    }
}

/// The one id of `ids` that starts with `prefix` (trimmed, any case): `none` when
/// no id does (or the prefix is empty), `many` with every match when several do.
/// Sessions, activities and problems are all found so.
pub(super) fn by_prefix<E>(
    prefix: &str,
    ids: impl FnOnce() -> Result<Vec<Uuid>, E>,
    none: impl FnOnce() -> E,
    many: impl FnOnce(Vec<String>) -> E,
) -> Result<Uuid, E> {
    let wanted = prefix.trim().to_ascii_lowercase();
    let matches: Vec<Uuid> = if wanted.is_empty() {
        Vec::new()
    } else {
        ids()?
            .into_iter()
            .filter(|id| id.to_string().starts_with(&wanted))
            .collect()
    };
    match matches.as_slice() {
        [id] => Ok(*id),
        [] => Err(none()),
        several => Err(many(several.iter().map(ToString::to_string).collect())),
    }
}

/// `<uuid>.ron` → the uuid; anything else is not a session file.
pub fn session_id_from_name(name: &str) -> Option<Uuid> {
    let stem = name.strip_suffix(".ron")?;
    if stem.len() != 36 {
        return None;
    }
    let id = Uuid::parse_str(stem).ok()?;
    (id.to_string() == stem).then_some(id)
}
