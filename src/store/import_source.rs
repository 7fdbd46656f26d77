//! What `zicha import` reads: another data folder, one session file, or a bundle.
//!
//! Sources are streamed: one session at a time is read (at most a session file's
//! size, DESIGN §5), decoded and handed on, so memory stays bounded whatever the size
//! of the folder or bundle. Archived checklists are read only when a session needs
//! one. Nothing inside a source is trusted: links, folders and special files under a
//! session's name are reported, never followed or opened, and so is every entry that
//! is not imported (`ignored` or `problems`). Problems from outside
//! (`problems/<uuid>.ron`) are read with the same care and handed back in `outside`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use uuid::Uuid;
use zip::ZipArchive;

use super::bundle::{BundleEntry, classify_entry};
use super::import::ImportError;
pub(super) use super::limits::MAX_IMPORT_BYTES;
use super::limits::{MAX_BUNDLE_DIRECTORY, MAX_ENTRIES};
use super::problem_transfer::{IncomingProblem, incoming};
use super::safe_fs::{self, Kind, Links, MAX_SESSION_BYTES};
use super::{session_file, session_id_from_name, zip_scan};
use crate::model::session::Session;

mod bundle;
mod folder;

use bundle::read_bundle;
use folder::read_folder;

/// One session found in a source.
#[derive(Debug, Clone)]
pub(super) struct Incoming {
    pub session: Session,
    /// The file exactly as it was read; written as it is when taken whole.
    pub bytes: Vec<u8>,
    pub newer_format: Option<u32>,
}

/// Where a source keeps the archived checklists its sessions were made with.
pub(super) enum Archive<'a> {
    Folder(PathBuf),
    Zip {
        zip: &'a RefCell<ZipArchive<File>>,
        duplicates: &'a BTreeMap<String, usize>,
    },
    Nowhere,
}

impl Archive<'_> {
    /// The archived text named `name` (a name built from a checked reference).
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        match self {
            Archive::Folder(dir) => {
                safe_fs::read_capped_nofollow(&dir.join(name), MAX_SESSION_BYTES).ok()
            }
            Archive::Zip { zip, duplicates } => {
                let path = format!("archive/{name}");
                if duplicates.contains_key(&path) {
                    return None;
                }
                let mut zip = zip.try_borrow_mut().ok()?;
                let entry = zip.by_name(&path).ok()?;
                let mut bytes = Vec::new();
                safe_fs::read_all_capped(entry, &mut bytes, MAX_SESSION_BYTES).ok()?;
                Some(bytes)
            }
            Archive::Nowhere => None,
        }
    }

    /// A stored attachment of the source by its name (`<sha256>.<ext>`), at most
    /// 50 MiB and counted against the import's budget; `None` when the source has none.
    pub fn attachment(&self, name: &str, budget: &Budget) -> Option<std::io::Result<Vec<u8>>> {
        let over = || std::io::Error::other(over_budget(name));
        let max = safe_fs::MAX_ATTACHMENT_BYTES;
        let read = match self {
            Archive::Folder(dir) => {
                let path = dir.parent()?.join("attachments").join(name);
                match safe_fs::read_capped_nofollow(&path, max) {
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
                    read => read,
                }
            }
            Archive::Zip { zip, duplicates } => {
                let path = format!("attachments/{name}");
                if duplicates.contains_key(&path) {
                    return None;
                }
                let mut zip = zip.try_borrow_mut().ok()?;
                let entry = zip.by_name(&path).ok()?;
                let mut bytes = Vec::new();
                safe_fs::read_all_capped(entry, &mut bytes, max).map(|()| bytes)
            }
            Archive::Nowhere => return None,
        };
        Some(read.and_then(|bytes| {
            if budget.take(bytes.len()) {
                Ok(bytes)
            } else {
                Err(over())
            }
        }))
    }
}

/// What a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SourceKind {
    Folder,
    SessionFile,
    Bundle,
}

/// A source path, checked to be something `import` reads.
#[derive(Debug, Clone)]
pub(super) struct SourcePath {
    pub path: PathBuf,
    pub kind: SourceKind,
    pub label: String,
}

/// What reading one source found besides its sessions.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Sessions in the source, whatever became of them.
    pub ids: BTreeSet<Uuid>,
    /// Sessions in the source's trash (data folders only).
    pub trashed: BTreeSet<Uuid>,
    /// Entries that are not sessions and were not imported.
    pub ignored: Vec<String>,
    /// Entries that could not be read, or were refused.
    pub problems: Vec<String>,
    /// Problems from outside (`problems/<uuid>.ron`).
    pub outside: Vec<IncomingProblem>,
}

/// Bytes left to read in this import, shared by the sessions and the attachments
/// they bring.
#[derive(Debug)]
pub(super) struct Budget {
    pub left: std::cell::Cell<u64>,
}

impl Budget {
    pub fn take(&self, bytes: usize) -> bool {
        let bytes = bytes as u64;
        if bytes > self.left.get() {
            self.left.set(0);
            return false;
        }
        self.left.set(self.left.get() - bytes);
        true
    }
}

fn over_budget(label: &str) -> String {
    format!(
        "{label}: the import stopped here: it read more than {} GiB in all; import the rest separately",
        MAX_IMPORT_BYTES >> 30
    )
}

const ZIP_MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"PK\x05\x06"];

/// Says what `path` is; a path the user typed may be a link of the user's own, but
/// never a FIFO or device.
pub(super) fn classify(path: &Path) -> Result<SourcePath, ImportError> {
    let io_error = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let label = path.display().to_string();
    let metadata = fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        let sessions = path.join("sessions");
        if !sessions.is_dir() {
            return Err(ImportError::NotASource {
                path: path.to_path_buf(),
                why: "a folder without sessions/ in it; give a zicha data folder".into(),
            });
        }
        return Ok(SourcePath {
            path: path.to_path_buf(),
            kind: SourceKind::Folder,
            label,
        });
    }
    let mut file = safe_fs::open_regular(path, Links::Follow).map_err(io_error)?;
    let mut head = [0u8; 4];
    let read = file.read(&mut head).map_err(io_error)?;
    let kind = if ZIP_MAGIC.contains(&&head[..read]) {
        SourceKind::Bundle
    } else {
        SourceKind::SessionFile
    };
    Ok(SourcePath {
        path: path.to_path_buf(),
        kind,
        label,
    })
}

/// Decodes a session file; a file that fails is a problem, never a crash.
fn decode(bytes: Vec<u8>, label: &str, named: Option<Uuid>, found: &mut Found) -> Option<Incoming> {
    match session_file::decode(&bytes, label) {
        Ok(decoded) if named.is_some_and(|id| id != decoded.session.id) => {
            found.problems.push(format!(
                "{label}: the file holds session {}, not the one its name says; not imported",
                decoded.session.id
            ));
            None
        }
        Ok(decoded) => {
            found.ids.insert(decoded.session.id);
            Some(Incoming {
                session: decoded.session,
                bytes,
                newer_format: decoded.newer_format,
            })
        }
        Err(problem) => {
            found.problems.push(format!("{problem} (not imported)"));
            None
        }
    }
}

/// A problem file read from a source, counted against the budget and decoded;
/// a failure is a problem of the import. Stops the source once the budget is spent.
fn take_problem(
    read: std::io::Result<Vec<u8>>,
    label: &str,
    id: Uuid,
    budget: &Budget,
    found: &mut Found,
) -> Flow {
    match read {
        Ok(bytes) if !budget.take(bytes.len()) => {
            found.problems.push(over_budget(label));
            return Flow::Stop;
        }
        Ok(bytes) => match incoming(bytes, label, Some(id)) {
            Ok(problem) => found.outside.push(problem),
            Err(why) => found.problems.push(why),
        },
        Err(error) => found
            .problems
            .push(format!("{label}: cannot read: {error}; not imported")),
    }
    Flow::Go
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// Reads of one session file, counted against the budget, decoded and handed to
/// `take`; a failure is a problem. Stops the source once the budget is spent.
fn hand_on(
    read: std::io::Result<Vec<u8>>,
    label: &str,
    id: Uuid,
    budget: &Budget,
    found: &mut Found,
    take: &mut dyn FnMut(&Incoming),
) -> Flow {
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(error) => {
            found
                .problems
                .push(format!("{label}: cannot read: {error}; not imported"));
            return Flow::Go;
        }
    };
    if !budget.take(bytes.len()) {
        found.problems.push(over_budget(label));
        return Flow::Stop;
    }
    if let Some(incoming) = decode(bytes, label, Some(id), found) {
        take(&incoming);
    }
    Flow::Go
}

/// Where the sessions of a source go, one at a time.
pub(super) trait Intake {
    /// `count` more sessions are on their way, as far as the names in the source
    /// tell (some may turn out unreadable); said before they come, for progress.
    fn expect(&mut self, count: usize);
    fn take(&mut self, incoming: &Incoming, archive: &Archive<'_>);
}

/// Hands each session of `source` to `intake`, one at a time.
pub(super) fn read_source(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    match source.kind {
        SourceKind::Folder => read_folder(source, budget, intake),
        SourceKind::SessionFile => read_session_file(source, budget, intake),
        SourceKind::Bundle => read_bundle(source, budget, intake),
    }
}

/// Ids of the sessions in a trash folder: `<uuid>.ron` or `<uuid>.<when>.ron`.
pub(super) fn trashed_ids(trash: &Path) -> BTreeSet<Uuid> {
    trash_files(trash).into_keys().collect()
}

/// Trash files by session id, newest deletion last; links and special files are left out.
pub(super) fn trash_files(trash: &Path) -> BTreeMap<Uuid, Vec<PathBuf>> {
    let mut found: BTreeMap<Uuid, Vec<PathBuf>> = BTreeMap::new();
    let Ok(entries) = fs::read_dir(trash) else {
        return found;
    };
    for entry in entries.filter_map(Result::ok).take(MAX_ENTRIES) {
        let regular = entry
            .file_type()
            .is_ok_and(|kind| safe_fs::kind_of_type(kind) == Kind::Regular);
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.get(..36) else {
            continue;
        };
        let rest = &name[36..];
        if !regular || !(rest == ".ron" || (rest.starts_with('.') && rest.ends_with(".ron"))) {
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

fn read_session_file(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    let path = &source.path;
    let bytes = safe_fs::read_capped(path, MAX_SESSION_BYTES, Links::Follow).map_err(|source| {
        ImportError::Io {
            path: path.to_path_buf(),
            source,
        }
    })?;
    // A session file inside a data folder brings that folder's archive along.
    let archive = path
        .parent()
        .filter(|dir| dir.file_name().is_some_and(|name| name == "sessions"))
        .and_then(Path::parent)
        .map_or(Archive::Nowhere, |root| {
            Archive::Folder(root.join("archive"))
        });
    let mut found = Found::default();
    intake.expect(1);
    budget.take(bytes.len());
    if let Some(incoming) = decode(bytes, &source.label, None, &mut found) {
        intake.take(&incoming, &archive);
    }
    Ok(found)
}
