//! Checklists that arrive with an import: an archived text is taken only if it
//! hashes to the name the session refers to and parses as that id and version.

use super::Store;
use super::atomic::{AtomicError, Expect, write_atomic};
use super::bundle::archive_name;
use super::catalog::text_hash;
use super::checklist_file::parse_checklist;
use super::import_source::Archive;
use crate::model::session::ChecklistRef;
use crate::model::validate::is_valid_id;

impl Store {
    /// Makes sure the archive holds the checklist text `reference` names, taking it
    /// from the source (checked against its hash) or from the catalog.
    pub(super) fn ensure_archived(
        &self,
        reference: &ChecklistRef,
        archive: &Archive<'_>,
    ) -> Result<(), String> {
        let well_formed = is_valid_id(&reference.id)
            && (1..=64).contains(&reference.hash.len())
            && reference
                .hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let described = format!(
            "checklist {} v{} ({})",
            reference.id, reference.version, reference.hash
        );
        if !well_formed {
            return Err(format!("its {described} is not a valid reference"));
        }
        let name = archive_name(reference);
        let path = self.archive_dir().join(&name);
        if path.exists() {
            return Ok(());
        }
        let Some(bytes) = archive.get(&name) else {
            return match self.catalog().by_hash(&reference.hash) {
                Some(entry)
                    if entry.checklist.id == reference.id
                        && entry.checklist.version == reference.version =>
                {
                    let entry = entry.clone();
                    self.archive(&entry).map(|_| ()).map_err(|e| e.to_string())
                }
                _ => Err(format!(
                    "its {described} is neither in what was imported nor known here"
                )),
            };
        };
        check_archived_text(reference, &name, &bytes)?;
        match write_atomic(self.file_ops(), &path, &bytes, Expect::Absent) {
            Ok(()) | Err(AtomicError::Changed { .. }) => Ok(()),
            Err(error) => Err(error.to_string()),
        }
    }
}

/// An incoming archived checklist must be the text its name promises.
fn check_archived_text(reference: &ChecklistRef, name: &str, bytes: &[u8]) -> Result<(), String> {
    let refused = |why: String| Err(format!("archived checklist {name} refused: {why}"));
    let Ok(text) = std::str::from_utf8(bytes) else {
        return refused("not UTF-8 text".into());
    };
    let hash = text_hash(text);
    if hash != reference.hash {
        return refused(format!(
            "its text hashes to {hash}, not {} as its name says",
            reference.hash
        ));
    }
    match parse_checklist(bytes, name) {
        Ok(checklist) if checklist.id == reference.id && checklist.version == reference.version => {
            Ok(())
        }
        Ok(checklist) => refused(format!(
            "it is {} v{}, not {} v{}",
            checklist.id, checklist.version, reference.id, reference.version
        )),
        Err(problems) => refused(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}
