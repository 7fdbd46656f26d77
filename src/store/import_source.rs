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

fn read_folder(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    let root = &source.path;
    let sessions_dir = root.join("sessions");
    let entries = fs::read_dir(&sessions_dir).map_err(|source| ImportError::Io {
        path: sessions_dir.clone(),
        source,
    })?;
    let mut found = Found::default();
    let mut names: Vec<(String, PathBuf, Kind)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if names.len() == MAX_ENTRIES {
            found.problems.push(format!(
                "{}: more than {MAX_ENTRIES} entries; the rest were not looked at",
                sessions_dir.display()
            ));
            break;
        }
        let kind = entry
            .file_type()
            .map_or(Kind::Special, safe_fs::kind_of_type);
        let name = entry.file_name().to_string_lossy().into_owned();
        names.push((name, entry.path(), kind));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    intake.expect(
        names
            .iter()
            .filter(|(name, ..)| session_id_from_name(name).is_some())
            .count(),
    );
    let archive = Archive::Folder(root.join("archive"));
    for (name, path, kind) in names {
        let label = path.display().to_string();
        let Some(id) = session_id_from_name(&name) else {
            found.ignored.push(label);
            continue;
        };
        if kind != Kind::Regular {
            found.problems.push(refused(&label, kind));
            continue;
        }
        let read = safe_fs::read_capped_nofollow(&path, MAX_SESSION_BYTES);
        if hand_on(read, &label, id, budget, &mut found, &mut |incoming| {
            intake.take(incoming, &archive)
        }) == Flow::Stop
        {
            break;
        }
    }
    found.trashed = trashed_ids(&root.join("trash"));
    read_folder_problems(&root.join("problems"), budget, &mut found);
    Ok(found)
}

fn refused(label: &str, kind: Kind) -> String {
    let why = match kind {
        Kind::Link => safe_fs::Refusal::Link,
        Kind::Folder => safe_fs::Refusal::Folder,
        _ => safe_fs::Refusal::Special,
    };
    format!("{label}: {why}; not imported")
}

/// The problems from outside in another data folder's `problems/`: regular files
/// named by a uuid, each read like a session file; a link, folder or special file
/// under such a name is reported, never opened. A `problems` that is not a real
/// folder is reported and left alone.
fn read_folder_problems(dir: &Path, budget: &Budget, found: &mut Found) {
    match safe_fs::kind_of(dir) {
        Ok(Kind::Folder) => {}
        Ok(Kind::Missing) => return,
        Ok(kind) => {
            found
                .problems
                .push(refused(&dir.display().to_string(), kind));
            return;
        }
        Err(error) => {
            found
                .problems
                .push(format!("{}: cannot read: {error}", dir.display()));
            return;
        }
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(Uuid, PathBuf, Kind)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if files.len() == MAX_ENTRIES {
            found.problems.push(format!(
                "{}: more than {MAX_ENTRIES} entries; the rest were not looked at",
                dir.display()
            ));
            break;
        }
        let Some(id) = session_id_from_name(&entry.file_name().to_string_lossy()) else {
            continue;
        };
        let kind = entry
            .file_type()
            .map_or(Kind::Special, safe_fs::kind_of_type);
        files.push((id, entry.path(), kind));
    }
    files.sort_by_key(|(id, ..)| *id);
    for (id, path, kind) in files {
        let label = path.display().to_string();
        if kind != Kind::Regular {
            found.problems.push(refused(&label, kind));
            continue;
        }
        let read = safe_fs::read_capped_nofollow(&path, MAX_SESSION_BYTES);
        if take_problem(read, &label, id, budget, found) == Flow::Stop {
            break;
        }
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

fn read_bundle(
    source: &SourcePath,
    budget: &Budget,
    intake: &mut dyn Intake,
) -> Result<Found, ImportError> {
    let path = &source.path;
    let bad = |message: String| ImportError::Bundle {
        path: path.to_path_buf(),
        message,
    };
    let mut file =
        safe_fs::open_regular(path, Links::Follow).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let directory =
        zip_scan::scan(&mut file, MAX_ENTRIES as u64, MAX_BUNDLE_DIRECTORY).map_err(bad)?;
    let zip = RefCell::new(ZipArchive::new(file).map_err(|e| bad(e.to_string()))?);
    let mut found = Found::default();
    for (name, count) in &directory.duplicates {
        found.problems.push(format!(
            "{}:{name}: {count} entries have this name; none of them was imported",
            source.label
        ));
    }
    let archive = Archive::Zip {
        zip: &zip,
        duplicates: &directory.duplicates,
    };
    let entries = zip.borrow().len();
    intake.expect(
        zip.borrow()
            .file_names()
            .filter(|name| {
                matches!(classify_entry(name), BundleEntry::Session(_))
                    && !directory.duplicates.contains_key(*name)
            })
            .count(),
    );
    for index in 0..entries {
        let (name, kind, bytes) = {
            let mut zip = zip.borrow_mut();
            let mut entry = zip.by_index(index).map_err(|e| bad(e.to_string()))?;
            let name = entry.name().to_string();
            if entry.is_dir() {
                continue;
            }
            let kind = classify_entry(&name);
            let (BundleEntry::Session(_) | BundleEntry::Problem(_)) = kind else {
                drop(entry);
                if kind == BundleEntry::Other {
                    found.ignored.push(format!("{}:{name}", source.label));
                }
                continue;
            };
            if directory.duplicates.contains_key(&name) {
                continue;
            }
            let mut bytes = Vec::new();
            let read = safe_fs::read_all_capped(&mut entry, &mut bytes, MAX_SESSION_BYTES);
            (name, kind, read.map(|()| bytes))
        };
        let label = format!("{}:{name}", source.label);
        let id = match kind {
            BundleEntry::Session(id) => id,
            BundleEntry::Problem(id) => {
                if take_problem(bytes, &label, id, budget, &mut found) == Flow::Stop {
                    break;
                }
                continue;
            }
            _ => continue,
        };
        if hand_on(bytes, &label, id, budget, &mut found, &mut |incoming| {
            intake.take(incoming, &archive)
        }) == Flow::Stop
        {
            break;
        }
    }
    Ok(found)
}
