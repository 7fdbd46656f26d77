//! `--json` shapes of `import` and `conflicts` (field names stable; see the README).

use serde::Serialize;

use crate::model::checklist::Checklist;
use crate::model::merge::ItemConflict;
use crate::model::session::{Response, Session};
use crate::store::import::{ImportOutcome, ImportReport};

#[derive(Debug, Serialize)]
pub struct ImportJson {
    pub sessions: Vec<ImportedJson>,
    pub added: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub restored: usize,
    pub deleted_here: usize,
    pub skipped: usize,
    /// Attachments copied in (for sessions and activities), each checked against its hash.
    pub attachments: usize,
    /// Imported sessions left with open conflicts.
    pub in_conflict: usize,
    pub deleted_there: Vec<DeletedThereJson>,
    pub ignored: Vec<String>,
    pub problems: Vec<String>,
    /// Problems from outside (`problem add`), merged like sessions.
    pub outside: Vec<ImportedProblemJson>,
    /// Activities of the 台账 (docs/design.md §14), merged like sessions.
    pub activities: Vec<ImportedActivityJson>,
    /// What became of a unit profile that came along (`added`, `unchanged`,
    /// `skipped`: one is here already and is kept); `null` when none came.
    pub unit: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ImportedProblemJson {
    /// `P-<uuid>`.
    pub id: String,
    pub department: String,
    pub title: String,
    pub source: String,
    /// `added|merged|unchanged|skipped`
    pub outcome: &'static str,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ImportedActivityJson {
    pub id: String,
    pub title: String,
    pub date: String,
    pub source: String,
    pub outcome: &'static str,
    pub reason: Option<String>,
    /// Attachments it brought that were not here, each checked against its hash.
    pub attachments: usize,
}

#[derive(Debug, Serialize)]
pub struct ImportedJson {
    pub id: String,
    pub department: String,
    pub round: String,
    pub date: String,
    pub source: String,
    /// `added|merged|unchanged|restored|deleted_here|skipped`
    pub outcome: &'static str,
    /// Why it was skipped; `null` otherwise.
    pub reason: Option<String>,
    pub taken: Vec<String>,
    pub conflicts: Vec<String>,
    /// Both copies changed the header differently; `null` otherwise.
    pub header_conflict: Option<HeaderConflictJson>,
    /// Attachments this session brought.
    pub attachments: usize,
}

#[derive(Debug, Serialize)]
pub struct HeaderConflictJson {
    /// `here` or `imported`: whose header is now in effect.
    pub kept: &'static str,
    /// The losing copy, whole, in `recovery/`.
    pub copy: String,
}

#[derive(Debug, Serialize)]
pub struct DeletedThereJson {
    pub id: String,
    pub source: String,
}

pub fn import_report(report: &ImportReport) -> ImportJson {
    ImportJson {
        sessions: report
            .sessions
            .iter()
            .map(|s| ImportedJson {
                id: s.id.to_string(),
                department: s.department.clone(),
                round: s.round.clone(),
                date: s.date.to_string(),
                source: s.source.clone(),
                outcome: s.outcome.as_str(),
                reason: match &s.outcome {
                    ImportOutcome::Skipped(why) => Some(why.clone()),
                    _ => None,
                },
                taken: s.taken.clone(),
                conflicts: s.conflicts.clone(),
                header_conflict: s.header_conflict.as_ref().map(|c| HeaderConflictJson {
                    kept: c.kept,
                    copy: c.copy.display().to_string(),
                }),
                attachments: s.attachments,
            })
            .collect(),
        added: report.count("added"),
        merged: report.count("merged"),
        unchanged: report.count("unchanged"),
        restored: report.count("restored"),
        deleted_here: report.count("deleted_here"),
        skipped: report.count("skipped"),
        attachments: report.attachments(),
        in_conflict: super::import_text::in_conflict(report),
        deleted_there: report
            .deleted_there
            .iter()
            .map(|d| DeletedThereJson {
                id: d.id.to_string(),
                source: d.source.clone(),
            })
            .collect(),
        ignored: report.ignored.clone(),
        problems: report.problems.clone(),
        outside: report
            .outside
            .iter()
            .map(|p| ImportedProblemJson {
                id: crate::model::problem::label(p.id),
                department: p.department.clone(),
                title: p.title.clone(),
                source: p.source.clone(),
                outcome: p.outcome.as_str(),
                reason: match &p.outcome {
                    ImportOutcome::Skipped(why) => Some(why.clone()),
                    _ => None,
                },
            })
            .collect(),
        activities: report
            .activities
            .iter()
            .map(|a| ImportedActivityJson {
                id: a.id.to_string(),
                title: a.title.clone(),
                date: a.date.to_string(),
                source: a.source.clone(),
                outcome: a.outcome.as_str(),
                reason: match &a.outcome {
                    ImportOutcome::Skipped(why) => Some(why.clone()),
                    _ => None,
                },
                attachments: a.attachments,
            })
            .collect(),
        unit: report.unit.as_ref().map(ImportOutcome::as_str),
    }
}

#[derive(Debug, Serialize)]
pub struct ConflictJson {
    pub session: String,
    pub department: String,
    pub round: String,
    pub date: String,
    pub code: String,
    /// The item's title in the session's checklist; `null` if it is not there.
    pub title: Option<String>,
    /// The response in effect; `null` when there is none.
    pub current: Option<VersionJson>,
    /// The losing versions, oldest first; `resolve --theirs N` takes number N (1-based).
    pub others: Vec<VersionJson>,
}

#[derive(Debug, Serialize)]
pub struct VersionJson {
    /// `pending|pass|partial|fail|na`
    pub status: &'static str,
    pub note: String,
    pub evidence: Vec<String>,
    /// True for a cleared item.
    pub cleared: bool,
    pub by: String,
    /// RFC 3339, or `null`.
    pub at: Option<String>,
}

fn version(response: &Response) -> VersionJson {
    VersionJson {
        status: response.status.as_str(),
        note: response.note.clone(),
        evidence: response.evidence.clone(),
        cleared: response.is_blank(),
        by: response.by.clone(),
        at: response.at.map(|at| at.to_rfc3339()),
    }
}

pub fn conflicts(
    session: &Session,
    checklist: Option<&Checklist>,
    items: &[ItemConflict<'_>],
) -> Vec<ConflictJson> {
    items
        .iter()
        .map(|conflict| ConflictJson {
            session: session.id.to_string(),
            department: session.department.clone(),
            round: session.round.clone(),
            date: session.date.to_string(),
            code: conflict.code.to_string(),
            title: checklist
                .and_then(|c| c.item(conflict.code))
                .map(|item| item.title.clone()),
            current: conflict.current.map(version),
            others: conflict.others.iter().map(version).collect(),
        })
        .collect()
}
