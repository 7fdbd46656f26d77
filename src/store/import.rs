//! `zicha import`: sessions from other data folders, session files and bundles.
//!
//! Each incoming session is written under its lock with the save protocol's
//! conflict check:
//! - new here: added as it is, byte for byte, with its archived checklist;
//! - here too: merged per item (`model::merge`); when one copy already has all of the
//!   other, the fuller copy is kept byte for byte, so importing twice changes nothing
//!   and a fast-forward gives the same file git would;
//! - in this folder's trash: "deleted here", skipped (never silently brought back);
//!   `restore` brings it back, merged with the trashed copy;
//! - in the other folder's trash but alive here: reported, kept (import never deletes).
//!
//! Archived checklists are content-addressed: an existing one is never rewritten,
//! and an incoming one is taken only if its text hashes to the name the session
//! refers to and parses as that checklist id and version.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::atomic::{AtomicError, ContentHash, Expect, write_atomic};
use super::import_source::{
    Archive, Budget, Incoming, Intake, MAX_IMPORT_BYTES, SourcePath, classify, read_source,
    trash_files, trashed_ids,
};
use super::{ReadOnly, Store, session_file};
use crate::model::merge::{self, Outcome};
use crate::model::session::Session;
use crate::progress::Progress;

pub use super::import_report::*;

/// Imports the sessions a source hands on, and counts them for progress.
struct Importing<'a> {
    store: &'a Store,
    trash: &'a BTreeSet<Uuid>,
    options: ImportOptions,
    now: DateTime<FixedOffset>,
    progress: &'a dyn Progress,
    budget: &'a Budget,
    /// The source being read.
    label: String,
    /// What became of its sessions so far.
    sessions: Vec<ImportedSession>,
    /// Sessions handed on and announced, over all sources so far.
    done: usize,
    total: usize,
}

impl Intake for Importing<'_> {
    fn expect(&mut self, count: usize) {
        self.total += count;
        self.progress.report(self.done, self.total);
    }

    fn take(&mut self, incoming: &Incoming, archive: &Archive<'_>) {
        let outcome = self.store.import_with_attachments(
            incoming,
            archive,
            self.budget,
            (self.trash, self.options),
            self.now,
        );
        self.sessions.push(outcome.describe(incoming, &self.label));
        self.done += 1;
        self.progress.report(self.done, self.total.max(self.done));
    }
}

/// How an imported session is to be written.
enum Write<'a> {
    Bytes(&'a [u8]),
    Session(&'a Session),
}

impl Store {
    /// Imports every path. Each is checked to be a source before anything is
    /// written; then the sources are streamed one after the other, one session at a
    /// time, so memory stays bounded whatever their size.
    pub fn import(
        &self,
        paths: &[PathBuf],
        options: ImportOptions,
        now: DateTime<FixedOffset>,
        progress: &dyn Progress,
    ) -> Result<ImportReport, ImportError> {
        let sources = paths
            .iter()
            .map(|path| classify(path))
            .collect::<Result<Vec<SourcePath>, ImportError>>()?;
        let mut report = ImportReport::default();
        let trash = trashed_ids(&self.trash_dir());
        let budget = Budget {
            left: std::cell::Cell::new(MAX_IMPORT_BYTES),
        };
        let mut importing = Importing {
            store: self,
            trash: &trash,
            options,
            now,
            progress,
            budget: &budget,
            label: String::new(),
            sessions: Vec::new(),
            done: 0,
            total: 0,
        };
        for source in &sources {
            importing.label.clone_from(&source.label);
            let mut found = read_source(source, &budget, &mut importing)?;
            let mut sessions = std::mem::take(&mut importing.sessions);
            sessions.sort_by_key(|imported| imported.id);
            report.sessions.append(&mut sessions);
            for id in &found.trashed {
                if !found.ids.contains(id) && self.session_path(*id).exists() {
                    report.deleted_there.push(DeletedThere {
                        id: *id,
                        source: source.label.clone(),
                    });
                }
            }
            for incoming in &found.outside {
                report.outside.push(ImportedProblem {
                    id: incoming.problem.id,
                    department: incoming.problem.department.clone(),
                    title: incoming.problem.title.clone(),
                    source: source.label.clone(),
                    outcome: self.import_problem(incoming),
                });
            }
            report.ignored.append(&mut found.ignored);
            report.problems.append(&mut found.problems);
            let mut records = self.import_records(source, &budget, now);
            report.activities.append(&mut records.activities);
            report.problems.append(&mut records.problems);
            if records.unit.is_some() {
                report.unit = records.unit;
            }
        }
        Ok(report)
    }

    /// [`Store::import_one`] after bringing the attachments the session refers to;
    /// a session that is not imported takes back the copies brought for it.
    fn import_with_attachments(
        &self,
        incoming: &Incoming,
        archive: &Archive<'_>,
        budget: &Budget,
        (trash, options): (&BTreeSet<Uuid>, ImportOptions),
        now: DateTime<FixedOffset>,
    ) -> Step {
        let id = incoming.session.id;
        let deleted_here =
            !self.session_path(id).exists() && trash.contains(&id) && !options.restore;
        if deleted_here || incoming.newer_format.is_some() {
            return self.import_one(incoming, archive, trash, options, now);
        }
        let attachments = super::attachments::referenced(&incoming.session);
        let brought = self.bring_attachments(&attachments, "session", &mut |name| {
            archive.attachment(name, budget)
        });
        let written = match brought {
            Ok(written) => written,
            Err(why) => return Step::skipped(why),
        };
        let mut step = self.import_one(incoming, archive, trash, options, now);
        if matches!(step.outcome, ImportOutcome::Skipped(_)) {
            for path in &written {
                let _ = self.file_ops().remove_file(path);
            }
        } else {
            step.attachments = written.len();
        }
        step
    }

    fn import_one(
        &self,
        incoming: &Incoming,
        archive: &Archive<'_>,
        trash: &BTreeSet<Uuid>,
        options: ImportOptions,
        now: DateTime<FixedOffset>,
    ) -> Step {
        let theirs = &incoming.session;
        let id = theirs.id;
        if let Some(format) = incoming.newer_format {
            return Step::skipped(format!(
                "made by a newer zicha (format {format}); update zicha to import it"
            ));
        }
        let _lock = match self.lock(id, now) {
            Ok(lock) => lock,
            Err(error) => return Step::skipped(format!("in use here: {error}")),
        };
        let within_limits = self
            .ensure_archived(&theirs.checklist, archive)
            .and_then(|()| self.check_session_limits(theirs));
        if let Err(why) = within_limits {
            return Step::skipped(why);
        }
        if self.session_path(id).exists() {
            return self.merge_into_existing(incoming, archive, now);
        }
        if trash.contains(&id) {
            if options.restore {
                return self.restore(incoming, archive, now);
            }
            return Step::plain(ImportOutcome::DeletedHere);
        }
        if let Err(why) = self.ensure_archived(&theirs.checklist, archive) {
            return Step::skipped(why);
        }
        match self.write_session(id, Write::Bytes(&incoming.bytes), None) {
            Ok(()) => Step {
                outcome: ImportOutcome::Added,
                taken: theirs.responses.keys().cloned().collect(),
                conflicts: theirs.conflicts.keys().cloned().collect(),
                header_conflict: None,
                attachments: 0,
            },
            Err(why) => Step::skipped(why),
        }
    }

    fn merge_into_existing(
        &self,
        incoming: &Incoming,
        archive: &Archive<'_>,
        now: DateTime<FixedOffset>,
    ) -> Step {
        let theirs = &incoming.session;
        let ours = match self.load(theirs.id) {
            Ok(loaded) => match loaded.read_only {
                None => loaded,
                Some(ReadOnly::NewerFormat(format)) => {
                    return Step::skipped(format!(
                        "the copy here was made by a newer zicha (format {format})"
                    ));
                }
            },
            Err(error) => {
                return Step::skipped(format!("the copy here cannot be read: {error}"));
            }
        };
        // The same file (importing a bundle again): nothing to merge.
        if ours.on_disk == Some(super::atomic::content_hash(&incoming.bytes)) {
            return Step {
                outcome: ImportOutcome::Unchanged,
                taken: Vec::new(),
                conflicts: ours.session.conflicts.keys().cloned().collect(),
                header_conflict: None,
                attachments: 0,
            };
        }
        let merged = match merge::merge_as_of(&ours.session, theirs, now) {
            Ok(merged) => merged,
            Err(error) => return Step::skipped(error.to_string()),
        };
        let header_conflict = if merged.header_conflict {
            match self.keep_losing_header(&ours.session, incoming, &merged) {
                Ok(conflict) => Some(conflict),
                Err(why) => return Step::skipped(why),
            }
        } else {
            None
        };
        let write = match &merged.outcome {
            Outcome::Unchanged => None,
            Outcome::TakeTheirs => Some(Write::Bytes(&incoming.bytes)),
            Outcome::Merged(session) => Some(Write::Session(session)),
        };
        if let Some(write) = write {
            if let Err(why) = self.ensure_archived(&theirs.checklist, archive) {
                return Step::skipped(why);
            }
            if let Err(why) = self.write_session(theirs.id, write, ours.on_disk) {
                return Step::skipped(why);
            }
        }
        Step {
            outcome: if merged.outcome == Outcome::Unchanged {
                ImportOutcome::Unchanged
            } else {
                ImportOutcome::Merged
            },
            taken: merged.taken,
            conflicts: merged.conflicts,
            header_conflict,
            attachments: 0,
        }
    }

    /// Writes the copy whose header lost a merge to `recovery/`, whole, so that
    /// nothing typed in it vanishes; before anything is merged.
    fn keep_losing_header(
        &self,
        ours: &Session,
        incoming: &Incoming,
        merged: &merge::Merge,
    ) -> Result<HeaderConflict, String> {
        let result = merged.result(ours, &incoming.session);
        let theirs = &incoming.session;
        let theirs_won = (&result.round, result.date, &result.department)
            == (&theirs.round, theirs.date, &theirs.department)
            && (&result.inspector, result.finished) == (&theirs.inspector, theirs.finished);
        let ours_text;
        let (kept, lost): (&'static str, &[u8]) = if theirs_won {
            ours_text = session_file::encode(ours).map_err(|e| e.to_string())?;
            ("imported", ours_text.as_bytes())
        } else {
            ("here", &incoming.bytes)
        };
        self.write_recovery(ours.id, "header-conflict", lost)
            .map(|copy| HeaderConflict { kept, copy })
            .map_err(|error| format!("the losing header could not be kept: {error}"))
    }

    /// Brings a trashed session back, merged with the newest trashed copy.
    fn restore(
        &self,
        incoming: &Incoming,
        archive: &Archive<'_>,
        now: DateTime<FixedOffset>,
    ) -> Step {
        let theirs = &incoming.session;
        if let Err(why) = self.ensure_archived(&theirs.checklist, archive) {
            return Step::skipped(why);
        }
        let trashed = self.newest_trashed(theirs.id);
        let merged = trashed
            .as_ref()
            .and_then(|(session, _)| merge::merge_as_of(session, theirs, now).ok());
        let (write, taken, conflicts) = match (&trashed, &merged) {
            (Some((_, trashed_bytes)), Some(merged)) => {
                let write = match &merged.outcome {
                    Outcome::Unchanged => Write::Bytes(trashed_bytes),
                    Outcome::TakeTheirs => Write::Bytes(&incoming.bytes),
                    Outcome::Merged(session) => Write::Session(session),
                };
                (write, merged.taken.clone(), merged.conflicts.clone())
            }
            _ => (
                Write::Bytes(&incoming.bytes),
                theirs.responses.keys().cloned().collect(),
                theirs.conflicts.keys().cloned().collect(),
            ),
        };
        match self.write_session(theirs.id, write, None) {
            Ok(()) => Step {
                outcome: ImportOutcome::Restored,
                taken,
                conflicts,
                header_conflict: None,
                attachments: 0,
            },
            Err(why) => Step::skipped(why),
        }
    }

    /// The most recently trashed copy of a session that can be read, with its bytes.
    fn newest_trashed(&self, id: Uuid) -> Option<(Session, Vec<u8>)> {
        let path = trash_files(&self.trash_dir()).remove(&id)?.pop()?;
        let bytes = self.file_ops().read(&path).ok()?;
        let decoded = session_file::decode(&bytes, &path.display().to_string()).ok()?;
        Some((decoded.session, bytes))
    }

    /// Writes a session file with the save protocol: new (`None`) or replacing
    /// exactly the content `on_disk`.
    fn write_session(
        &self,
        id: Uuid,
        write: Write<'_>,
        on_disk: Option<ContentHash>,
    ) -> Result<(), String> {
        let encoded;
        let bytes = match write {
            Write::Bytes(bytes) => bytes,
            Write::Session(session) => {
                encoded = session_file::encode(session).map_err(|e| e.to_string())?;
                encoded.as_bytes()
            }
        };
        let expect = on_disk.map_or(Expect::Absent, Expect::Content);
        match write_atomic(self.file_ops(), &self.session_path(id), bytes, expect) {
            Ok(()) | Err(AtomicError::Io { renamed: true, .. }) => Ok(()),
            Err(AtomicError::Changed { .. }) => {
                Err("it changed here while importing; nothing was overwritten, import again".into())
            }
            Err(error) => Err(error.to_string()),
        }
    }
}

/// The result of importing one session, before it is described for the report.
struct Step {
    outcome: ImportOutcome,
    taken: Vec<String>,
    conflicts: Vec<String>,
    header_conflict: Option<HeaderConflict>,
    attachments: usize,
}

impl Step {
    fn plain(outcome: ImportOutcome) -> Step {
        Step {
            outcome,
            taken: Vec::new(),
            conflicts: Vec::new(),
            header_conflict: None,
            attachments: 0,
        }
    }

    fn skipped(why: String) -> Step {
        Step::plain(ImportOutcome::Skipped(why))
    }

    fn describe(self, incoming: &Incoming, source: &str) -> ImportedSession {
        let session = &incoming.session;
        ImportedSession {
            id: session.id,
            department: session.department.clone(),
            round: session.round.clone(),
            date: session.date,
            source: source.to_string(),
            outcome: self.outcome,
            taken: self.taken,
            conflicts: self.conflicts,
            header_conflict: self.header_conflict,
            attachments: self.attachments,
        }
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
