//! `zicha import` for the 台账 beside the sessions: activity files merge like sessions
//! (`model::activity::merge_activity`), and a unit profile arriving with a folder or
//! bundle is taken when there is none here; a different one here is kept.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::{self, File};

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;
use zip::ZipArchive;

use super::activities::{LoadedActivity, decode_activity, is_regular};
use super::atomic::{AtomicError, Expect, content_hash, write_atomic};
use super::import::ImportOutcome;
use super::import_source::{Archive, Budget, SourceKind, SourcePath};
use super::limits::MAX_ENTRIES;
use super::safe_fs::{self, Links, MAX_SMALL_BYTES};
use super::unit_file::{UNIT_FILE, parse_unit};
use super::{Store, session_id_from_name};
use crate::model::activity::{ACTIVITY_FORMAT, ActivityMerge, merge_activity};

/// What happened to one incoming activity.
#[derive(Debug, Clone)]
pub struct ImportedActivity {
    pub id: Uuid,
    pub title: String,
    pub date: NaiveDate,
    pub source: String,
    pub outcome: ImportOutcome,
    /// Attachments it brought that were not here, each checked against its hash.
    pub attachments: usize,
}

/// The activities and unit profile a source brought.
#[derive(Debug, Clone, Default)]
pub struct RecordsImport {
    pub activities: Vec<ImportedActivity>,
    /// What became of the source's `unit.ron`, if it had one.
    pub unit: Option<ImportOutcome>,
    pub problems: Vec<String>,
}

/// A record file found in a source: its label, its id (activities) and its bytes.
struct Found {
    label: String,
    id: Option<Uuid>,
    bytes: Vec<u8>,
}

impl Store {
    /// Imports the activities and the unit profile of a data folder or bundle.
    /// Activity attachments come from the source's `attachments/` and count against
    /// the import's `budget`.
    pub(super) fn import_records(
        &self,
        source: &SourcePath,
        budget: &Budget,
        now: DateTime<FixedOffset>,
    ) -> RecordsImport {
        let mut report = RecordsImport::default();
        match source.kind {
            SourceKind::Folder => {
                let found = folder_records(source, &mut report.problems);
                let files = Archive::Folder(source.path.join("archive"));
                self.import_found(found, (&files, budget), &source.label, now, &mut report);
            }
            SourceKind::Bundle => {
                let Some((zip, duplicates)) = open_bundle(source) else {
                    return report;
                };
                let found = bundle_records(source, &zip, &duplicates, &mut report.problems);
                let files = Archive::Zip {
                    zip: &zip,
                    duplicates: &duplicates,
                };
                self.import_found(found, (&files, budget), &source.label, now, &mut report);
            }
            SourceKind::SessionFile => {}
        }
        report
    }

    fn import_found(
        &self,
        found: Vec<Found>,
        files: (&Archive<'_>, &Budget),
        source: &str,
        now: DateTime<FixedOffset>,
        report: &mut RecordsImport,
    ) {
        for record in found {
            match record.id {
                Some(id) => {
                    if let Some(imported) = self.import_activity(id, &record, files, source, now) {
                        report.activities.push(imported);
                    }
                }
                None => report.unit = Some(self.import_unit(&record, now)),
            }
        }
    }

    /// Merges one activity after bringing the files it attaches, each checked against
    /// its hash; an activity that is not imported takes back the copies brought for it.
    fn import_activity(
        &self,
        id: Uuid,
        record: &Found,
        (files, budget): (&Archive<'_>, &Budget),
        source: &str,
        now: DateTime<FixedOffset>,
    ) -> Option<ImportedActivity> {
        let theirs = match decode_activity(&record.bytes, &record.label) {
            Ok(activity) if activity.id == id => activity,
            Ok(_) => return None,
            Err(_) => return None,
        };
        let describe = |outcome, attachments| ImportedActivity {
            id,
            title: theirs.title.clone(),
            date: theirs.date,
            source: source.to_string(),
            outcome,
            attachments,
        };
        if theirs.format > ACTIVITY_FORMAT {
            return Some(describe(
                ImportOutcome::Skipped(format!(
                    "made by a newer zicha (format {}); update zicha to import it",
                    theirs.format
                )),
                0,
            ));
        }
        let _lock = match self.lock_activity(id, now) {
            Ok(lock) => lock,
            Err(error) => {
                return Some(describe(
                    ImportOutcome::Skipped(format!("in use here: {error}")),
                    0,
                ));
            }
        };
        let attached: Vec<_> = theirs.attachments.iter().collect();
        let brought = self.bring_attachments(&attached, "activity", &mut |name| {
            files.attachment(name, budget)
        });
        let written = match brought {
            Ok(written) => written,
            Err(why) => return Some(describe(ImportOutcome::Skipped(why), 0)),
        };
        let path = self.activity_path(id);
        let outcome = if !path.exists() {
            self.write_record(&path, &record.bytes, Expect::Absent, ImportOutcome::Added)
        } else {
            match self.load_activity(id) {
                Err(error) => {
                    ImportOutcome::Skipped(format!("the copy here cannot be read: {error}"))
                }
                Ok(LoadedActivity { on_disk, .. })
                    if on_disk == Some(content_hash(&record.bytes)) =>
                {
                    ImportOutcome::Unchanged
                }
                Ok(LoadedActivity {
                    activity: ours,
                    on_disk,
                }) => {
                    let expect = on_disk.map_or(Expect::Absent, Expect::Content);
                    match merge_activity(&ours, &theirs) {
                        Some(ActivityMerge::TakeTheirs) => {
                            self.write_record(&path, &record.bytes, expect, ImportOutcome::Merged)
                        }
                        Some(ActivityMerge::Merged(merged)) => {
                            let text = super::activities::encode_activity(&merged);
                            self.write_record(&path, text.as_bytes(), expect, ImportOutcome::Merged)
                        }
                        _ => ImportOutcome::Unchanged,
                    }
                }
            }
        };
        if matches!(outcome, ImportOutcome::Skipped(_)) {
            for path in &written {
                let _ = self.file_ops().remove_file(path);
            }
            return Some(describe(outcome, 0));
        }
        Some(describe(outcome, written.len()))
    }

    fn write_record(
        &self,
        path: &std::path::Path,
        bytes: &[u8],
        expect: Expect,
        done: ImportOutcome,
    ) -> ImportOutcome {
        match write_atomic(self.file_ops(), path, bytes, expect) {
            Ok(()) | Err(AtomicError::Io { renamed: true, .. }) => done,
            Err(AtomicError::Changed { .. }) => ImportOutcome::Skipped(
                "it changed here while importing; nothing was overwritten, import again".into(),
            ),
            Err(error) => ImportOutcome::Skipped(error.to_string()),
        }
    }

    fn import_unit(&self, record: &Found, now: DateTime<FixedOffset>) -> ImportOutcome {
        let theirs = match parse_unit(&record.bytes, &record.label) {
            Ok(unit) => unit,
            Err(error) => return ImportOutcome::Skipped(error.to_string().replace('\n', "; ")),
        };
        match self.load_unit() {
            Ok(None) => match self.save_unit(&theirs, None, now) {
                Ok(_) => ImportOutcome::Added,
                Err(error) => ImportOutcome::Skipped(error.to_string()),
            },
            Ok(Some(ours)) if ours.unit == theirs => ImportOutcome::Unchanged,
            Ok(Some(_)) => ImportOutcome::Skipped(format!(
                "this folder has its own {UNIT_FILE}, which is kept; compare it with {}",
                record.label
            )),
            Err(error) => ImportOutcome::Skipped(format!(
                "the {UNIT_FILE} here cannot be read, so it is left as it is: {error}"
            )),
        }
    }
}

fn folder_records(source: &SourcePath, problems: &mut Vec<String>) -> Vec<Found> {
    let mut found = Vec::new();
    let unit = source.path.join(UNIT_FILE);
    match safe_fs::read_capped_nofollow(&unit, MAX_SMALL_BYTES) {
        Ok(bytes) => found.push(Found {
            label: unit.display().to_string(),
            id: None,
            bytes,
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => problems.push(format!("{}: {error}; not imported", unit.display())),
    }
    let dir = source.path.join("activities");
    let Ok(entries) = fs::read_dir(&dir) else {
        return found;
    };
    let mut files: Vec<(Uuid, std::path::PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .take(MAX_ENTRIES)
        .filter_map(|entry| {
            let id = session_id_from_name(&entry.file_name().to_string_lossy())?;
            Some((id, entry.path(), is_regular(&entry)))
        })
        .collect();
    files.sort();
    for (id, path, regular) in files {
        let label = path.display().to_string();
        let read = if regular {
            safe_fs::read_capped_nofollow(&path, MAX_SMALL_BYTES)
        } else {
            Err(std::io::Error::other("not a regular file"))
        };
        match read {
            Ok(bytes) => found.push(record(label, Some(id), bytes, problems)),
            Err(error) => problems.push(format!("{label}: {error}; not imported")),
        }
    }
    found.retain(|record| !record.bytes.is_empty());
    found
}

/// A record whose bytes must decode as the activity its name says, else a problem.
fn record(label: String, id: Option<Uuid>, bytes: Vec<u8>, problems: &mut Vec<String>) -> Found {
    if let Some(id) = id {
        match decode_activity(&bytes, &label) {
            Ok(activity) if activity.id == id => {}
            Ok(activity) => {
                problems.push(format!(
                    "{label}: the file holds activity {}, not the one its name says; not imported",
                    activity.id
                ));
                return Found {
                    label,
                    id: Some(id),
                    bytes: Vec::new(),
                };
            }
            Err(problem) => {
                problems.push(format!("{problem} (not imported)"));
                return Found {
                    label,
                    id: Some(id),
                    bytes: Vec::new(),
                };
            }
        }
    }
    Found { label, id, bytes }
}

/// A bundle opened for its records, and how often each name occurs in it (the
/// names that occur more than once are never read).
type OpenBundle = (RefCell<ZipArchive<File>>, BTreeMap<String, usize>);

fn open_bundle(source: &SourcePath) -> Option<OpenBundle> {
    let file = safe_fs::open_regular(&source.path, Links::Follow).ok()?;
    let zip = ZipArchive::new(file).ok()?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for name in zip.file_names().take(MAX_ENTRIES) {
        *counts.entry(name.to_string()).or_default() += 1;
    }
    let duplicates = counts.into_iter().filter(|(_, count)| *count > 1).collect();
    Some((RefCell::new(zip), duplicates))
}

fn bundle_records(
    source: &SourcePath,
    zip: &RefCell<ZipArchive<File>>,
    duplicates: &BTreeMap<String, usize>,
    problems: &mut Vec<String>,
) -> Vec<Found> {
    let names: Vec<String> = zip
        .borrow()
        .file_names()
        .take(MAX_ENTRIES)
        .filter(|name| name.starts_with("activities/") || *name == UNIT_FILE)
        .map(str::to_string)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut found = Vec::new();
    for name in names {
        let count = duplicates.get(&name).copied().unwrap_or(1);
        let id = match name.strip_prefix("activities/") {
            Some(file) => match session_id_from_name(file) {
                Some(id) => Some(id),
                None => continue,
            },
            None if name == UNIT_FILE => None,
            None => continue,
        };
        let label = format!("{}:{name}", source.label);
        if count > 1 {
            problems.push(format!(
                "{label}: {count} entries have this name; none of them was imported"
            ));
            continue;
        }
        let mut zip = zip.borrow_mut();
        let Ok(entry) = zip.by_name(&name) else {
            continue;
        };
        let mut bytes = Vec::new();
        match safe_fs::read_all_capped(entry, &mut bytes, MAX_SMALL_BYTES) {
            Ok(()) => found.push(record(label, id, bytes, problems)),
            Err(error) => problems.push(format!("{label}: {error}; not imported")),
        }
    }
    found.retain(|record| !record.bytes.is_empty());
    found
}
