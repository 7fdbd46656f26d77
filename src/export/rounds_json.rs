//! The `--json` shapes of `compare` and `ledger` (docs/design.md §6). Field names are stable.
//!
//! `compare --json`:
//! - `current`, `prior`: session ids;
//! - `current_summary`, `prior_summary`: the same summary objects as `list --json`;
//! - `score_delta` (points) and `percent_delta` (percent points, null when either
//!   side has no maximum);
//! - `counts`: items per class, every class present;
//! - `items`, current checklist order then removed items: `code` (current code; the
//!   prior code for a removed item), `renamed_from` (the prior code when it differs,
//!   else null), `title`, `prior` and `current` (status word, null where the item is
//!   absent from that side's checklist; an unanswered item is `"pending"`),
//!   `prior_score`, `current_score` (null when unscored), `delta` (current − prior
//!   score, unscored counting as 0), `class` (improved, regressed, unchanged, changed,
//!   newly_checked, added, removed).
//!
//! `ledger --json`: an array of rectifications (see [`LedgerEntryJson`]).

use serde::Serialize;

use super::json::{SessionSummary, round2, session_summary};
use crate::model::compare::{Class, Comparison, Inspection, ItemChange};
use crate::model::ledger::LedgerEntry;

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonJson {
    pub current: String,
    pub prior: String,
    pub current_summary: SessionSummary,
    pub prior_summary: SessionSummary,
    pub score_delta: f64,
    pub percent_delta: Option<f64>,
    pub counts: CountsJson,
    pub items: Vec<ChangeJson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountsJson {
    pub improved: usize,
    pub regressed: usize,
    pub unchanged: usize,
    pub changed: usize,
    pub newly_checked: usize,
    pub added: usize,
    pub removed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeJson {
    pub code: String,
    pub renamed_from: Option<String>,
    pub title: String,
    pub prior: Option<&'static str>,
    pub current: Option<&'static str>,
    pub prior_score: Option<f64>,
    pub current_score: Option<f64>,
    pub delta: f64,
    pub class: &'static str,
}

pub fn comparison(
    prior: Inspection<'_>,
    current: Inspection<'_>,
    comparison: &Comparison,
    lang: crate::i18n::Lang,
) -> ComparisonJson {
    let counts = &comparison.counts;
    ComparisonJson {
        current: comparison.current_id.to_string(),
        prior: comparison.prior_id.to_string(),
        current_summary: session_summary(
            current.checklist,
            current.session,
            &comparison.current,
            lang,
        ),
        prior_summary: session_summary(prior.checklist, prior.session, &comparison.prior, lang),
        score_delta: round2(comparison.score_delta()),
        percent_delta: comparison.percent_delta().map(round2),
        counts: CountsJson {
            improved: counts.get(Class::Improved),
            regressed: counts.get(Class::Regressed),
            unchanged: counts.get(Class::Unchanged),
            changed: counts.get(Class::Changed),
            newly_checked: counts.get(Class::NewlyChecked),
            added: counts.get(Class::Added),
            removed: counts.get(Class::Removed),
        },
        items: comparison.items.iter().map(change).collect(),
    }
}

fn change(change: &ItemChange) -> ChangeJson {
    ChangeJson {
        code: change.code.clone(),
        renamed_from: change.renamed_from.clone(),
        title: change.title.clone(),
        prior: change.prior.map(|status| status.as_str()),
        current: change.current.map(|status| status.as_str()),
        prior_score: change.prior_score.map(round2),
        current_score: change.current_score.map(round2),
        delta: round2(change.delta),
        class: change.class.as_str(),
    }
}

/// One rectification in `ledger --json`.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerEntryJson {
    /// The id of the session where the rectification was recorded.
    pub session: String,
    pub department: String,
    pub checklist: String,
    pub round: String,
    pub date: String,
    pub code: String,
    pub title: String,
    /// The item's status in that session.
    pub status: &'static str,
    pub owner: String,
    pub due: Option<String>,
    /// Open with a due date before today.
    pub overdue: bool,
    /// Sessions of the series that carried it unresolved (model::ledger).
    pub rounds_open: usize,
    pub done: bool,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
}

pub fn ledger(entries: &[LedgerEntry]) -> Vec<LedgerEntryJson> {
    entries
        .iter()
        .map(|entry| {
            let rect = &entry.rectification;
            let done = rect.done.as_ref();
            LedgerEntryJson {
                session: entry.session_id.to_string(),
                department: entry.department.clone(),
                checklist: entry.checklist_id.clone(),
                round: entry.round.clone(),
                date: entry.date.to_string(),
                code: entry.code.clone(),
                title: entry.title.clone(),
                status: entry.status.as_str(),
                owner: rect.owner.clone(),
                due: rect.due.map(|due| due.to_string()),
                overdue: entry.overdue,
                rounds_open: entry.rounds_open,
                done: done.is_some(),
                done_at: done.map(|d| d.at.to_rfc3339()),
                done_by: done.map(|d| d.by.clone()),
                done_note: done.map(|d| d.note.clone()),
            }
        })
        .collect()
}
