//! The checklists on offer: built-in ones embedded in the binary plus the user's own.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::atomic::{content_hash, hex};
use super::checklist_file::{FileProblem, parse_checklist};
use crate::model::checklist::Checklist;

include!(concat!(env!("OUT_DIR"), "/builtin_checklists.rs"));

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Builtin(&'static str),
    User(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub checklist: Arc<Checklist>,
    /// The exact text the checklist was read from; archived byte for byte.
    pub text: Arc<str>,
    pub hash: String,
    pub source: Source,
}

/// The short content hash that names an archived checklist text.
pub fn text_hash(text: &str) -> String {
    hex(&content_hash(text.as_bytes())[..8])
}

#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    /// User files that failed to load; reported, never fatal.
    pub problems: Vec<FileProblem>,
}

impl Catalog {
    pub fn load(user_dir: &Path) -> Catalog {
        let mut catalog = Catalog::default();
        for (name, text) in BUILTIN_CHECKLISTS {
            match parse_checklist(text.as_bytes(), &format!("checklists/{name}")) {
                Ok(checklist) => catalog.entries.push(Entry {
                    checklist: Arc::new(checklist),
                    text: Arc::from(*text),
                    hash: text_hash(text),
                    source: Source::Builtin(name),
                }),
                Err(problems) => catalog.problems.extend(problems),
            }
        }
        let mut paths: Vec<PathBuf> = fs::read_dir(user_dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        paths.sort();
        for path in paths {
            let label = path.display().to_string();
            let read =
                super::safe_fs::read_capped_nofollow(&path, super::safe_fs::MAX_SESSION_BYTES);
            let bytes = match read {
                Ok(bytes) => bytes,
                Err(error) => {
                    catalog.problems.push(FileProblem {
                        file: label,
                        place: None,
                        message: format!("cannot read: {error}"),
                    });
                    continue;
                }
            };
            match parse_checklist(&bytes, &label) {
                Ok(checklist) => {
                    let text: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes).as_ref());
                    catalog.entries.push(Entry {
                        checklist: Arc::new(checklist),
                        hash: text_hash(&text),
                        text,
                        source: Source::User(path),
                    });
                }
                Err(problems) => catalog.problems.extend(problems),
            }
        }
        catalog
    }

    /// The version to use for new sessions: the highest; built-in wins a tie.
    pub fn latest(&self, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|entry| entry.checklist.id == id)
            .max_by_key(|entry| {
                let builtin = matches!(entry.source, Source::Builtin(_));
                (entry.checklist.version, builtin)
            })
    }

    pub fn by_hash(&self, hash: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.hash == hash)
    }

    /// One entry per id (the one `latest` picks), sorted by id.
    pub fn latest_all(&self) -> Vec<&Entry> {
        let mut ids: Vec<&str> = self
            .entries
            .iter()
            .map(|entry| entry.checklist.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().filter_map(|id| self.latest(id)).collect()
    }

    pub fn all(&self) -> &[Entry] {
        &self.entries
    }
}
