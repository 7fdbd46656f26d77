//! Bundles (`zicha bundle`): a zip of session files and the archived checklists they
//! were made with, to carry sessions to another machine. Entries are stored byte for
//! byte, sorted, with a fixed time stamp, so the same sessions make the same bundle.
//!
//! ```text
//! archive/<id>-v<version>-<hash>.ron
//! problems/<uuid>.ron      problems from outside (of the round's departments)
//! sessions/<uuid>.ron
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use uuid::Uuid;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::atomic::{AtomicError, Expect, write_atomic};
use super::import::ImportError;
use super::{Store, StoreError, session_file, session_id_from_name};
use crate::model::session::ChecklistRef;
use crate::model::text::normalize_name;

/// The largest entry a bundle may hold; sessions and checklists are far smaller.
const MAX_ENTRY_BYTES: u64 = 32 << 20;
/// The most a bundle may unpack to in all.
const MAX_TOTAL_BYTES: u64 = 1 << 30;
const MAX_ENTRIES: usize = 200_000;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{} already exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("no sessions to bundle{}", .0.as_ref().map(|r| format!(" in round {r:?}")).unwrap_or_default())]
    Empty(Option<String>),
    #[error("cannot write the bundle: {0}")]
    Zip(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What went into a bundle.
#[derive(Debug, Clone, Default)]
pub struct BundleReport {
    pub sessions: Vec<Uuid>,
    /// Problems from outside that went along.
    pub problems: usize,
    pub checklists: Vec<String>,
    /// Sessions left out, with why.
    pub skipped: Vec<String>,
}

impl Store {
    /// Writes the sessions of `round` (all when `None`) and their checklists to `out`.
    pub fn write_bundle(
        &self,
        round: Option<&str>,
        out: &Path,
        replace: bool,
    ) -> Result<BundleReport, BundleError> {
        if !replace && out.exists() {
            return Err(BundleError::Exists(out.to_path_buf()));
        }
        let wanted = round.map(normalize_name);
        let mut report = BundleReport::default();
        let mut entries: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut references: BTreeSet<(String, u32, String)> = BTreeSet::new();
        let mut bundled_departments: BTreeSet<String> = BTreeSet::new();
        for file in self.scan()?.sessions {
            let label = file.path.display().to_string();
            let bytes = match fs::read(&file.path) {
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
            match self.archived_text(&session.checklist) {
                Ok((name, text)) => {
                    let reference = &session.checklist;
                    references.insert((
                        reference.id.clone(),
                        reference.version,
                        reference.hash.clone(),
                    ));
                    entries.insert(format!("archive/{name}"), text);
                }
                Err(error) => {
                    report.skipped.push(format!("{label}: {error}"));
                    continue;
                }
            }
            entries.insert(format!("sessions/{}.ron", file.id), bytes);
            report.sessions.push(file.id);
            bundled_departments.insert(normalize_name(&session.department));
        }
        // A round's bundle carries the problems of the round's departments.
        let departments = wanted.as_ref().map(|_| &bundled_departments);
        let (problems, unreadable) = self.bundle_problems(departments)?;
        report.problems = problems.len();
        report.skipped.extend(unreadable);
        entries.extend(problems);
        if report.sessions.is_empty() && report.problems == 0 {
            return Err(BundleError::Empty(round.map(str::to_string)));
        }
        report.checklists = references
            .into_iter()
            .map(|(id, version, hash)| format!("{id} v{version} ({hash})"))
            .collect();
        let zipped = zip_entries(&entries).map_err(|e| BundleError::Zip(e.to_string()))?;
        let expect = if replace {
            Expect::Anything
        } else {
            Expect::Absent
        };
        match write_atomic(self.file_ops(), out, &zipped, expect) {
            Ok(()) => Ok(report),
            Err(AtomicError::Changed { path }) => Err(BundleError::Exists(path)),
            Err(other) => Err(BundleError::Store(other.into())),
        }
    }

    /// The archive file name and exact text of a session's checklist, archiving it
    /// from the catalog first if needed.
    fn archived_text(&self, reference: &ChecklistRef) -> Result<(String, Vec<u8>), StoreError> {
        self.checklist_for(reference)?;
        let name = archive_name(reference);
        let path = self.archive_dir().join(&name);
        let text = self
            .file_ops()
            .read(&path)
            .map_err(|e| StoreError::io("read", &path, e))?;
        Ok((name, text))
    }
}

/// `<id>-v<version>-<hash>.ron`, the archive's name for a checklist text.
pub fn archive_name(reference: &ChecklistRef) -> String {
    format!(
        "{}-v{}-{}.ron",
        reference.id, reference.version, reference.hash
    )
}

fn zip_entries(entries: &BTreeMap<String, Vec<u8>>) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// What a bundle entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum BundleEntry {
    Session(Uuid),
    /// A problem from outside (`problems/<uuid>.ron`).
    Problem(Uuid),
    /// An archived checklist, by its file name.
    Archive(String),
    Other,
}

#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub name: String,
    pub kind: BundleEntry,
    pub bytes: Vec<u8>,
}

fn classify(name: &str) -> BundleEntry {
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
    if let Some(file) = name.strip_prefix("archive/")
        && file.ends_with(".ron")
        && !file.starts_with('.')
        && !file.contains(['/', '\\'])
    {
        return BundleEntry::Archive(file.to_string());
    }
    BundleEntry::Other
}

/// Reads every session and archive entry of a bundle into memory, within limits, so
/// a damaged or hostile zip can neither fill the memory nor write anywhere.
pub(super) fn read_entries(path: &Path) -> Result<Vec<Entry>, ImportError> {
    let bad = |message: String| ImportError::Bundle {
        path: path.to_path_buf(),
        message,
    };
    let file = fs::File::open(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut archive = ZipArchive::new(file).map_err(|e| bad(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(bad(format!("more than {MAX_ENTRIES} entries")));
    }
    let mut total = 0u64;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut zipped = archive.by_index(index).map_err(|e| bad(e.to_string()))?;
        if zipped.is_dir() {
            continue;
        }
        let name = zipped.name().to_string();
        let kind = classify(&name);
        if kind == BundleEntry::Other {
            entries.push(Entry {
                name,
                kind,
                bytes: Vec::new(),
            });
            continue;
        }
        let mut bytes = Vec::new();
        (&mut zipped)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        if bytes.len() as u64 > MAX_ENTRY_BYTES {
            return Err(bad(format!(
                "{name} is larger than {MAX_ENTRY_BYTES} bytes"
            )));
        }
        total += bytes.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(bad(format!("unpacks to more than {MAX_TOTAL_BYTES} bytes")));
        }
        entries.push(Entry { name, kind, bytes });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_classified_by_exact_name() {
        let id = "01930000-0000-7000-8000-000000000001";
        assert_eq!(
            classify(&format!("sessions/{id}.ron")),
            BundleEntry::Session(Uuid::parse_str(id).unwrap())
        );
        assert_eq!(
            classify(&format!("problems/{id}.ron")),
            BundleEntry::Problem(Uuid::parse_str(id).unwrap())
        );
        assert_eq!(
            classify("archive/siyou-v1-0123abcd.ron"),
            BundleEntry::Archive("siyou-v1-0123abcd.ron".into())
        );
        for other in [
            "sessions/../../etc/passwd",
            &format!("sessions/{id}.ron.bak"),
            "archive/../x.ron",
            "problems/../x.ron",
            "archive/sub/x.ron",
            "archive/..ron",
            "README.txt",
        ] {
            assert_eq!(classify(other), BundleEntry::Other, "{other}");
        }
    }

    #[test]
    fn the_same_entries_make_the_same_bytes() {
        let entries = BTreeMap::from([
            ("archive/a-v1-00.ron".to_string(), b"(x)".to_vec()),
            (
                "sessions/01930000-0000-7000-8000-000000000001.ron".to_string(),
                "会议".as_bytes().to_vec(),
            ),
        ]);
        let first = zip_entries(&entries).unwrap();
        assert_eq!(first, zip_entries(&entries).unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        fs::write(&path, &first).unwrap();
        let read = read_entries(&path).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].kind, BundleEntry::Archive("a-v1-00.ron".into()));
        assert_eq!(read[1].bytes, "会议".as_bytes());
    }
}
