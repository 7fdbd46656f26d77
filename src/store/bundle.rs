//! Bundles (`zicha bundle`): a zip of session files and the archived checklists they
//! were made with, to carry sessions to another machine. Entries are stored byte for
//! byte, sorted, with a fixed time stamp, so the same sessions make the same bundle.
//!
//! ```text
//! archive/<id>-v<version>-<hash>.ron
//! problems/<uuid>.ron      problems from outside (of the round's departments)
//! sessions/<uuid>.ron
//! unit.ron                       the unit profile, if there is one
//! activities/<uuid>.ron          every activity of the 台账
//! attachments/<sha256>.<ext>     the photos and documents the sessions and activities refer to
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use uuid::Uuid;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::activities_bundle::records_for_bundle;
use super::atomic::{AtomicError, ContentHash, Expect, content_hash, write_atomic_streamed};
use super::limits::{MAX_ENTRIES, MAX_IMPORT_BYTES};
use super::{MANAGED_DIRS, MANAGED_FILES, Store, StoreError, session_file, session_id_from_name};
use crate::model::session::ChecklistRef;
use crate::model::text::normalize_name;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{} already exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error(
        "{} is inside the data folder's {folder}, which only zicha writes; choose a place outside it",
        path.display()
    )]
    InsideData { path: PathBuf, folder: String },
    #[error("no sessions to bundle{}", .0.as_ref().map(|r| format!(" in round {r:?}")).unwrap_or_default())]
    Empty(Option<String>),
    #[error("cannot write the bundle: {0}")]
    Zip(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A small entry read before the zip is written: its name in the zip, its bytes.
type NamedBytes = (String, Vec<u8>);

/// What went into a bundle.
#[derive(Debug, Clone, Default)]
pub struct BundleReport {
    pub sessions: Vec<Uuid>,
    /// Problems from outside that went along.
    pub problems: usize,
    pub checklists: Vec<String>,
    /// Stored attachments packed (each once).
    pub attachments: usize,
    /// Sessions left out, with why.
    pub skipped: Vec<String>,
}

/// A session chosen for the bundle: read again when written, and written only if
/// it still has the content that was checked.
struct Chosen {
    id: Uuid,
    path: PathBuf,
    hash: ContentHash,
}

impl Store {
    /// Writes the sessions of `round` (all when `None`) and their checklists to `out`.
    /// Every session is checked against the limits `import` applies, and the zip is
    /// streamed to disk one entry at a time.
    pub fn write_bundle(
        &self,
        round: Option<&str>,
        out: &Path,
        replace: bool,
    ) -> Result<BundleReport, BundleError> {
        self.refuse_output_inside(out)?;
        if !replace && out.exists() {
            return Err(BundleError::Exists(out.to_path_buf()));
        }
        let wanted = round.map(normalize_name);
        let mut report = BundleReport::default();
        let mut chosen: Vec<Chosen> = Vec::new();
        let mut archives: BTreeMap<String, u64> = BTreeMap::new();
        let mut references: BTreeSet<(String, u32, String)> = BTreeSet::new();
        let mut bundled_departments: BTreeSet<String> = BTreeSet::new();
        let mut attachments: BTreeSet<String> = BTreeSet::new();
        let mut total = 0u64;
        for file in self.scan()?.sessions {
            let label = file.path.display().to_string();
            let bytes = match self.file_ops().read(&file.path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    report
                        .skipped
                        .push(format!("{label}: cannot read: {error}"));
                    continue;
                }
            };
            let session = match session_file::decode(&bytes, &label) {
                Ok(decoded) if decoded.session.id == file.id => decoded.session,
                Ok(_) => {
                    report
                        .skipped
                        .push(format!("{label}: holds another session than its name says"));
                    continue;
                }
                Err(problem) => {
                    report.skipped.push(problem.to_string());
                    continue;
                }
            };
            if wanted
                .as_ref()
                .is_some_and(|wanted| normalize_name(&session.round) != *wanted)
            {
                continue;
            }
            let archive = self
                .archived_size(&session.checklist)
                .map_err(|error| error.to_string())
                .and_then(|found| self.check_session_limits(&session).map(|()| found))
                .and_then(|found| {
                    let attached = super::attachments::referenced(&session);
                    Ok((found, self.bundled_attachments(&attached)?))
                });
            let ((name, size), attached) = match archive {
                Ok(found) => found,
                Err(error) => {
                    report.skipped.push(format!("{label}: {error}"));
                    continue;
                }
            };
            let new_archive = !archives.contains_key(&name);
            let new_attachments: Vec<(String, u64)> = attached
                .into_iter()
                .filter(|(name, _)| !attachments.contains(name))
                .collect();
            let adds = bytes.len() as u64
                + if new_archive { size } else { 0 }
                + new_attachments.iter().map(|(_, size)| size).sum::<u64>();
            let entries = chosen.len()
                + archives.len()
                + attachments.len()
                + 1
                + usize::from(new_archive)
                + new_attachments.len();
            if total + adds > MAX_IMPORT_BYTES || entries > MAX_ENTRIES {
                report.skipped.push(format!(
                    "{label}: the bundle would hold more than an import accepts ({MAX_ENTRIES} entries, {} GiB); bundle by round",
                    MAX_IMPORT_BYTES >> 30
                ));
                continue;
            }
            total += adds;
            let reference = &session.checklist;
            references.insert((
                reference.id.clone(),
                reference.version,
                reference.hash.clone(),
            ));
            archives.insert(name, size);
            bundled_departments.insert(normalize_name(&session.department));
            attachments.extend(new_attachments.into_iter().map(|(name, _)| name));
            chosen.push(Chosen {
                id: file.id,
                path: file.path,
                hash: content_hash(&bytes),
            });
        }
        // A round's bundle carries the problems of the round's departments.
        let departments = wanted.as_ref().map(|_| &bundled_departments);
        let (mut problems, unreadable) = self.bundle_problems(departments)?;
        report.skipped.extend(unreadable);
        let problem_bytes: u64 = problems.iter().map(|(_, bytes)| bytes.len() as u64).sum();
        let mut entries = chosen.len() + archives.len() + attachments.len() + problems.len();
        let too_much = |folder: &str| {
            format!(
                "{folder}: the bundle would hold more than an import accepts ({MAX_ENTRIES} entries, {} GiB); bundle by round",
                MAX_IMPORT_BYTES >> 30
            )
        };
        if total + problem_bytes > MAX_IMPORT_BYTES || entries > MAX_ENTRIES {
            report.skipped.push(too_much("problems/"));
            entries -= problems.len();
            problems.clear();
        } else {
            total += problem_bytes;
        }
        // The unit profile and every activity, with the files they attach.
        let mut records = records_for_bundle(self);
        report.skipped.append(&mut records.skipped);
        if !records.fit_into((total, entries), &mut attachments) {
            report.skipped.push(too_much("activities/"));
        }
        let mut changed: Vec<Uuid> = Vec::new();
        let archive_names: Vec<String> = archives.into_keys().collect();
        let attachment_names: Vec<String> = attachments.into_iter().collect();
        if !chosen.is_empty() || !problems.is_empty() {
            let expect = if replace {
                Expect::Anything
            } else {
                Expect::Absent
            };
            let written = write_atomic_streamed(self.file_ops(), out, expect, &mut |file| {
                changed.clear();
                let names = (&archive_names[..], &attachment_names[..]);
                let small = (&problems[..], &records.entries[..]);
                self.stream_zip(file, names, &chosen, small, &mut changed)
            });
            match written {
                Ok(()) => {}
                Err(AtomicError::Changed { path }) => return Err(BundleError::Exists(path)),
                Err(AtomicError::Io { source, .. }) if source.kind() == io::ErrorKind::Other => {
                    return Err(BundleError::Zip(source.to_string()));
                }
                Err(other) => return Err(BundleError::Store(other.into())),
            }
        }
        for file in &chosen {
            if changed.contains(&file.id) {
                report.skipped.push(format!(
                    "{}: changed while the bundle was written; bundle again to include it",
                    file.path.display()
                ));
            } else {
                report.sessions.push(file.id);
            }
        }
        report.problems = problems.len();
        if report.sessions.is_empty() && report.problems == 0 {
            if !chosen.is_empty() {
                let _ = std::fs::remove_file(out);
            }
            return Err(BundleError::Empty(round.map(str::to_string)));
        }
        report.checklists = references
            .into_iter()
            .map(|(id, version, hash)| format!("{id} v{version} ({hash})"))
            .collect();
        report.attachments = attachment_names.len();
        Ok(report)
    }

    /// Writes the zip: archived checklists, then sessions, each read as it is
    /// written, then the problems from outside (read before, being small), the
    /// activities and the unit profile, then attachments (stored, not compressed again).
    fn stream_zip(
        &self,
        file: &mut File,
        (archives, attachments): (&[String], &[String]),
        chosen: &[Chosen],
        (problems, records): (&[NamedBytes], &[NamedBytes]),
        changed: &mut Vec<Uuid>,
    ) -> io::Result<()> {
        let zip_error = |error: zip::result::ZipError| io::Error::other(error.to_string());
        let mut writer = ZipWriter::new(BufWriter::new(file));
        for name in archives {
            let bytes = self.file_ops().read(&self.archive_dir().join(name))?;
            writer
                .start_file(format!("archive/{name}"), entry_options())
                .map_err(zip_error)?;
            writer.write_all(&bytes)?;
        }
        for session in chosen {
            let bytes = self.file_ops().read(&session.path)?;
            if content_hash(&bytes) != session.hash {
                changed.push(session.id);
                continue;
            }
            writer
                .start_file(format!("sessions/{}.ron", session.id), entry_options())
                .map_err(zip_error)?;
            writer.write_all(&bytes)?;
        }
        for (name, bytes) in problems {
            writer
                .start_file(name.as_str(), entry_options())
                .map_err(zip_error)?;
            writer.write_all(bytes)?;
        }
        for (name, bytes) in records {
            writer
                .start_file(name.as_str(), entry_options())
                .map_err(zip_error)?;
            writer.write_all(bytes)?;
        }
        for name in attachments {
            let bytes = self.bundle_entry_bytes(name)?;
            let options = entry_options().compression_method(CompressionMethod::Stored);
            writer
                .start_file(format!("attachments/{name}"), options)
                .map_err(zip_error)?;
            writer.write_all(&bytes)?;
        }
        writer.finish().map_err(zip_error)?.flush()
    }

    /// The archive file name and size of a session's checklist, archiving it from the
    /// catalog first if needed.
    fn archived_size(&self, reference: &ChecklistRef) -> Result<(String, u64), StoreError> {
        self.checklist_for(reference)?;
        let name = archive_name(reference);
        let path = self.archive_dir().join(&name);
        let text = self
            .file_ops()
            .read(&path)
            .map_err(|e| StoreError::io("read", &path, e))?;
        Ok((name, text.len() as u64))
    }

    /// A bundle written into `sessions/`, `archive/` or any managed folder (or over a
    /// managed file) would overwrite data that only the store may write.
    fn refuse_output_inside(&self, out: &Path) -> Result<(), BundleError> {
        let (Some(target), Ok(root)) = (resolved(out), self.root().canonicalize()) else {
            return Ok(());
        };
        let same = |a: &Path, b: &Path| {
            if cfg!(any(windows, target_os = "macos")) {
                a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
            } else {
                a == b
            }
        };
        let within = |dir: &Path| target.ancestors().any(|ancestor| same(ancestor, dir));
        for dir in MANAGED_DIRS {
            if within(&root.join(dir)) {
                return Err(BundleError::InsideData {
                    path: out.to_path_buf(),
                    folder: format!("{dir}/"),
                });
            }
        }
        for file in MANAGED_FILES {
            if same(&target, &root.join(file)) {
                return Err(BundleError::InsideData {
                    path: out.to_path_buf(),
                    folder: (*file).to_string(),
                });
            }
        }
        Ok(())
    }
}

/// `path` with links and `..` resolved as far as it exists (a folder about to be
/// made is resolved through its existing parent).
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut missing = Vec::new();
    let mut current = path.to_path_buf();
    loop {
        if let Ok(real) = current.canonicalize() {
            return Some(
                missing
                    .into_iter()
                    .rev()
                    .fold(real, |all, part| all.join(part)),
            );
        }
        missing.push(current.file_name()?.to_owned());
        current = match current.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
    }
}

/// `<id>-v<version>-<hash>.ron`, the archive's name for a checklist text.
pub fn archive_name(reference: &ChecklistRef) -> String {
    format!(
        "{}-v{}-{}.ron",
        reference.id, reference.version, reference.hash
    )
}

fn entry_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
        .large_file(false)
}

/// What a bundle entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum BundleEntry {
    Session(Uuid),
    /// A problem from outside (`problems/<uuid>.ron`).
    Problem(Uuid),
    /// An activity or the unit profile, imported apart (`activities_import`).
    Record,
    /// An archived checklist, by its file name.
    Archive(String),
    /// A stored attachment, by its file name (`<sha256>.<ext>`).
    Attachment(String),
    Other,
}

pub(super) fn classify_entry(name: &str) -> BundleEntry {
    if let Some(file) = name.strip_prefix("sessions/")
        && let Some(id) = session_id_from_name(file)
    {
        return BundleEntry::Session(id);
    }
    if let Some(file) = name.strip_prefix("problems/")
        && let Some(id) = session_id_from_name(file)
    {
        return BundleEntry::Problem(id);
    }
    if name == super::unit_file::UNIT_FILE
        || name
            .strip_prefix("activities/")
            .is_some_and(|file| session_id_from_name(file).is_some())
    {
        return BundleEntry::Record;
    }
    if let Some(file) = name.strip_prefix("archive/")
        && file.ends_with(".ron")
        && !file.starts_with('.')
        && !file.contains(['/', '\\'])
    {
        return BundleEntry::Archive(file.to_string());
    }
    if let Some(file) = name.strip_prefix("attachments/")
        && super::attachments::is_stored_name(file)
    {
        return BundleEntry::Attachment(file.to_string());
    }
    BundleEntry::Other
}

#[cfg(test)]
#[path = "bundle_tests.rs"]
mod tests;
