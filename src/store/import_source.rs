//! What `zicha import` reads: another data folder, one session file, or a bundle.
//! Everything is read into memory and checked before anything here is written.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::bundle::{self, BundleEntry};
use super::import::ImportError;
use super::problem_transfer::{IncomingProblem, incoming, read_folder_problems};
use super::session_file;
use super::{session_id_from_name, sweep};
use crate::model::session::Session;

/// One session found in a source.
#[derive(Debug, Clone)]
pub(super) struct Incoming {
    pub session: Session,
    /// The file exactly as it was read; written as it is when taken whole.
    pub bytes: Vec<u8>,
    pub newer_format: Option<u32>,
}

/// Where a source keeps the archived checklists its sessions were made with.
#[derive(Debug, Clone)]
pub(super) enum Archive {
    Folder(PathBuf),
    Files(BTreeMap<String, Vec<u8>>),
    Nowhere,
}

impl Archive {
    /// The archived text named `name` (a name built from a checked reference).
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        match self {
            Archive::Folder(dir) => fs::read(dir.join(name)).ok(),
            Archive::Files(files) => files.get(name).cloned(),
            Archive::Nowhere => None,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Source {
    pub label: String,
    pub sessions: Vec<Incoming>,
    pub archive: Archive,
    /// Sessions in the source's trash (data folders only).
    pub trashed: BTreeSet<Uuid>,
    /// Files that are not sessions and were not imported (sync conflicts, backups, …).
    pub ignored: Vec<String>,
    /// Session files that could not be read.
    pub problems: Vec<String>,
    /// Problems from outside (`problems/<uuid>.ron`).
    pub outside: Vec<IncomingProblem>,
}

impl Source {
    fn new(label: String, archive: Archive) -> Source {
        Source {
            label,
            sessions: Vec::new(),
            archive,
            trashed: BTreeSet::new(),
            ignored: Vec::new(),
            problems: Vec::new(),
            outside: Vec::new(),
        }
    }

    /// Decodes a session file; a file that fails is a problem, never a crash.
    fn add(&mut self, bytes: Vec<u8>, label: &str, named: Option<Uuid>) {
        match session_file::decode(&bytes, label) {
            Ok(decoded) if named.is_some_and(|id| id != decoded.session.id) => {
                self.problems.push(format!(
                    "{label}: the file holds session {}, not the one its name says; not imported",
                    decoded.session.id
                ));
            }
            Ok(decoded) => self.sessions.push(Incoming {
                session: decoded.session,
                bytes,
                newer_format: decoded.newer_format,
            }),
            Err(problem) => self.problems.push(format!("{problem} (not imported)")),
        }
    }
}

const ZIP_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"PK\x05\x06"];

pub(super) fn read_source(path: &Path) -> Result<Source, ImportError> {
    let io_error = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return read_folder(path);
    }
    let mut head = [0u8; 4];
    let mut file = fs::File::open(path).map_err(io_error)?;
    let read = file.read(&mut head).map_err(io_error)?;
    if ZIP_MAGIC.contains(&&head[..read]) {
        read_bundle(path)
    } else {
        read_session_file(path)
    }
}

fn read_folder(root: &Path) -> Result<Source, ImportError> {
    let sessions_dir = root.join("sessions");
    if !sessions_dir.is_dir() {
        return Err(ImportError::NotASource {
            path: root.to_path_buf(),
            why: "a folder without sessions/ in it; give a zicha data folder".into(),
        });
    }
    let entries = fs::read_dir(&sessions_dir).map_err(|source| ImportError::Io {
        path: sessions_dir.clone(),
        source,
    })?;
    let mut source = Source::new(
        root.display().to_string(),
        Archive::Folder(root.join("archive")),
    );
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            )
        })
        .collect();
    names.sort();
    for (name, path) in names {
        let label = path.display().to_string();
        if let Some(id) = session_id_from_name(&name) {
            match fs::read(&path) {
                Ok(bytes) => source.add(bytes, &label, Some(id)),
                Err(error) => source
                    .problems
                    .push(format!("{label}: cannot read: {error}")),
            }
        } else if !sweep::is_ours(&name) {
            source.ignored.push(label);
        }
    }
    source.trashed = trashed_ids(&root.join("trash"));
    let (outside, unreadable) = read_folder_problems(root);
    source.outside = outside;
    source.problems.extend(unreadable);
    Ok(source)
}

/// Ids of the sessions in a trash folder: `<uuid>.ron` or `<uuid>.<when>.ron`.
pub(super) fn trashed_ids(trash: &Path) -> BTreeSet<Uuid> {
    trash_files(trash).into_keys().collect()
}

/// Trash files by session id, newest deletion last.
pub(super) fn trash_files(trash: &Path) -> BTreeMap<Uuid, Vec<PathBuf>> {
    let mut found: BTreeMap<Uuid, Vec<PathBuf>> = BTreeMap::new();
    let Ok(entries) = fs::read_dir(trash) else {
        return found;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.get(..36) else {
            continue;
        };
        let rest = &name[36..];
        if !(rest == ".ron" || (rest.starts_with('.') && rest.ends_with(".ron"))) {
            continue;
        }
        if let Some(id) = session_id_from_name(&format!("{stem}.ron")) {
            found.entry(id).or_default().push(entry.path());
        }
    }
    for paths in found.values_mut() {
        // `<id>.ron` is the first deletion; later ones carry a sortable time stamp.
        paths.sort_by_key(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            (name.as_ref().is_some_and(|n| n.len() > 40), name)
        });
    }
    found
}

fn read_session_file(path: &Path) -> Result<Source, ImportError> {
    let bytes = fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // A session file inside a data folder brings that folder's archive along.
    let archive = path
        .parent()
        .filter(|dir| dir.file_name().is_some_and(|name| name == "sessions"))
        .and_then(Path::parent)
        .map_or(Archive::Nowhere, |root| {
            Archive::Folder(root.join("archive"))
        });
    let label = path.display().to_string();
    let mut source = Source::new(label.clone(), archive);
    source.add(bytes, &label, None);
    Ok(source)
}

fn read_bundle(path: &Path) -> Result<Source, ImportError> {
    let entries = bundle::read_entries(path)?;
    let label = path.display().to_string();
    let mut archive = BTreeMap::new();
    let mut source = Source::new(label.clone(), Archive::Nowhere);
    for entry in entries {
        let entry_label = format!("{label}:{}", entry.name);
        match entry.kind {
            BundleEntry::Session(id) => source.add(entry.bytes, &entry_label, Some(id)),
            BundleEntry::Problem(id) => match incoming(entry.bytes, &entry_label, Some(id)) {
                Ok(problem) => source.outside.push(problem),
                Err(why) => source.problems.push(why),
            },
            BundleEntry::Archive(name) => {
                archive.insert(name, entry.bytes);
            }
            BundleEntry::Other => source.ignored.push(entry_label),
        }
    }
    source.archive = Archive::Files(archive);
    Ok(source)
}
