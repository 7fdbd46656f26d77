//! The checklists on offer: built-in ones embedded in the binary, the user's own, and
//! those known only from the archive (arrived with an import or a bundle).

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
    /// An archived text (`archive/<id>-v<ver>-<hash>.ron`), e.g. from another machine.
    Archive(PathBuf),
}

impl Source {
    /// Which wins when the same id and version are in several places: the user's
    /// folder, then the built-in one, then the archive (DESIGN §13).
    fn rank(&self) -> u8 {
        match self {
            Source::User(_) => 2,
            Source::Builtin(_) => 1,
            Source::Archive(_) => 0,
        }
    }
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
    /// Built-in checklists and those in `user_dir`.
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
        for (path, bytes) in ron_files(user_dir, &mut catalog.problems) {
            catalog.add(&path, &bytes, Source::User(path.clone()));
        }
        catalog
    }

    /// Built-in, user and archived checklists; an archived text whose id and version
    /// are also in the user's folder or built in is left out (those win).
    pub fn load_with_archive(user_dir: &Path, archive_dir: &Path) -> Catalog {
        let mut catalog = Catalog::load(user_dir);
        for (path, bytes) in ron_files(archive_dir, &mut catalog.problems) {
            catalog.add(&path, &bytes, Source::Archive(path.clone()));
        }
        catalog
    }

    fn add(&mut self, path: &Path, bytes: &[u8], source: Source) {
        match parse_checklist(bytes, &path.display().to_string()) {
            Ok(checklist) => {
                let text: Arc<str> = Arc::from(String::from_utf8_lossy(bytes).as_ref());
                self.entries.push(Entry {
                    checklist: Arc::new(checklist),
                    hash: text_hash(&text),
                    text,
                    source,
                });
            }
            Err(problems) => self.problems.extend(problems),
        }
    }

    /// The version to use for new sessions: the highest; on a tie the user's file,
    /// then the built-in one, then the archived one.
    pub fn latest(&self, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|entry| entry.checklist.id == id)
            .max_by_key(|entry| (entry.checklist.version, entry.source.rank()))
    }

    pub fn by_hash(&self, hash: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .filter(|entry| entry.hash == hash)
            .max_by_key(|entry| entry.source.rank())
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

/// The `.ron` files of a folder, sorted, with their bytes; unreadable ones are problems.
fn ron_files(dir: &Path, problems: &mut Vec<FileProblem>) -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match super::safe_fs::read_capped_nofollow(&path, super::safe_fs::MAX_SESSION_BYTES) {
            Ok(bytes) => files.push((path, bytes)),
            Err(error) => problems.push(FileProblem {
                file: path.display().to_string(),
                place: None,
                message: format!("cannot read: {error}"),
            }),
        }
    }
    files
}
