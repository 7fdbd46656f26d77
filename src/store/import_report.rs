//! What `zicha import` reports: per session its outcome, what was taken, conflicts
//! and attachments; problems and activities beside.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use uuid::Uuid;

use super::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}: {why}", path.display())]
    NotASource { path: PathBuf, why: String },
    #[error("{}: not a readable bundle: {message}", path.display())]
    Bundle { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Bring back sessions that are in this folder's trash.
    pub restore: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Added,
    Merged,
    Unchanged,
    /// Was in this folder's trash and is back, merged with the trashed copy.
    Restored,
    /// In this folder's trash: left there.
    DeletedHere,
    /// Not imported, with why.
    Skipped(String),
}

impl ImportOutcome {
    /// The stable word used in `--json`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ImportOutcome::Added => "added",
            ImportOutcome::Merged => "merged",
            ImportOutcome::Unchanged => "unchanged",
            ImportOutcome::Restored => "restored",
            ImportOutcome::DeletedHere => "deleted_here",
            ImportOutcome::Skipped(_) => "skipped",
        }
    }
}

/// What happened to one incoming session.
#[derive(Debug, Clone)]
pub struct ImportedSession {
    pub id: Uuid,
    pub department: String,
    pub round: String,
    pub date: NaiveDate,
    pub source: String,
    pub outcome: ImportOutcome,
    /// Items whose response now comes from the imported copy.
    pub taken: Vec<String>,
    /// Items with open conflicts after the import.
    pub conflicts: Vec<String>,
    /// Both copies changed the header differently.
    pub header_conflict: Option<HeaderConflict>,
    /// Attachments this session brought that were not here, each checked against its hash.
    pub attachments: usize,
}

/// A header (round, date, department, inspector, finished) changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderConflict {
    /// Whose header is now in effect: `here` or `imported`.
    pub kept: &'static str,
    /// The losing copy, whole, in `recovery/` for review.
    pub copy: PathBuf,
}

/// What happened to one incoming problem from outside.
#[derive(Debug, Clone)]
pub struct ImportedProblem {
    pub id: Uuid,
    pub department: String,
    pub title: String,
    pub source: String,
    pub outcome: ImportOutcome,
}

/// A session alive here that the other folder has in its trash.
#[derive(Debug, Clone)]
pub struct DeletedThere {
    pub id: Uuid,
    pub source: String,
}

#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub sessions: Vec<ImportedSession>,
    pub deleted_there: Vec<DeletedThere>,
    /// Files in the sources that are not sessions (never loaded, never deleted).
    pub ignored: Vec<String>,
    /// Files in the sources that could not be read.
    pub problems: Vec<String>,
    /// Problems from outside, merged like sessions.
    pub outside: Vec<ImportedProblem>,
    /// Activities of the 台账 the sources brought (docs/design.md §14).
    pub activities: Vec<super::activities_import::ImportedActivity>,
    /// What became of a unit profile the sources brought (the last one).
    pub unit: Option<ImportOutcome>,
}

impl ImportReport {
    /// Attachments copied in, over all sessions and activities.
    pub fn attachments(&self) -> usize {
        let sessions: usize = self.sessions.iter().map(|s| s.attachments).sum();
        sessions + self.activities.iter().map(|a| a.attachments).sum::<usize>()
    }

    pub fn count(&self, outcome: &str) -> usize {
        self.sessions
            .iter()
            .filter(|s| s.outcome.as_str() == outcome)
            .count()
    }

    /// Sessions that were not imported or files that could not be read.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
            || self
                .sessions
                .iter()
                .any(|s| matches!(s.outcome, ImportOutcome::Skipped(_)))
            || self
                .outside
                .iter()
                .any(|p| matches!(p.outcome, ImportOutcome::Skipped(_)))
            || self
                .activities
                .iter()
                .any(|a| matches!(a.outcome, ImportOutcome::Skipped(_)))
    }
}
