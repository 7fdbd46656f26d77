//! The `--json` shapes of the rectification loop (docs/design.md §10, §11): a
//! rectification as `show --json` carries it, `ledger --json` entries and
//! `duties --json`. Field names are stable.

use serde::Serialize;

use super::json::round2;
use crate::model::duties::Duty;
use crate::model::ledger::{LedgerEntry, Origin};
use crate::model::problem::label;
use crate::model::session::{Recheck, Rectification};

/// A 复查: `result` pass|fail, `by`, `at`, `note`, and `session`, the session whose
/// walk re-checked it (null when recorded by hand).
#[derive(Debug, Clone, Serialize)]
pub struct RecheckJson {
    pub result: &'static str,
    pub by: String,
    pub at: String,
    pub note: String,
    pub session: Option<String>,
}

impl RecheckJson {
    pub fn of(recheck: &Recheck) -> RecheckJson {
        RecheckJson {
            result: recheck.result.as_str(),
            by: recheck.by.clone(),
            at: recheck.at.to_rfc3339(),
            note: recheck.note.clone(),
            session: recheck.session.map(|id| id.to_string()),
        }
    }
}

/// `items[].rectification` in `show --json`.
#[derive(Debug, Clone, Serialize)]
pub struct RectificationJson {
    pub owner_department: String,
    pub owner: String,
    pub measure: String,
    pub due: Option<String>,
    pub done: bool,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
    /// The latest re-check, or null.
    pub recheck: Option<RecheckJson>,
    /// Every re-check, oldest first, up to the one that closed it.
    pub rechecks: Vec<RecheckJson>,
    /// 销号: a re-check passed.
    pub closed: bool,
}

impl RectificationJson {
    pub fn of(rect: &Rectification) -> RectificationJson {
        let done = rect.done.as_ref();
        RectificationJson {
            owner_department: rect.owner_department.clone(),
            owner: rect.owner.clone(),
            measure: rect.measure.clone(),
            due: rect.due.map(|d| d.to_string()),
            done: done.is_some(),
            done_at: done.map(|d| d.at.to_rfc3339()),
            done_by: done.map(|d| d.by.clone()),
            done_note: done.map(|d| d.note.clone()),
            recheck: rect.recheck().map(RecheckJson::of),
            rechecks: rect.rechecks.iter().map(RecheckJson::of).collect(),
            closed: rect.is_closed(),
        }
    }
}

/// One entry of `ledger --json`, exactly the fields of docs/design.md §10.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerEntryJson {
    /// `item` or `problem`.
    pub kind: &'static str,
    /// The problem's id (`P-<uuid>`), or null.
    pub id: Option<String>,
    /// The session where the rectification was recorded; null for a problem.
    pub session: Option<String>,
    pub department: String,
    pub checklist: Option<String>,
    pub round: Option<String>,
    pub date: String,
    pub code: Option<String>,
    pub title: String,
    /// The item's status in that session.
    pub status: Option<&'static str>,
    pub owner_department: String,
    pub owner: String,
    pub measure: String,
    pub due: Option<String>,
    pub overdue: bool,
    pub rounds_open: Option<usize>,
    pub done: bool,
    pub done_at: Option<String>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
    pub recheck: Option<RecheckJson>,
    pub closed: bool,
    /// Where a problem came from; null for an item.
    pub source: Option<String>,
}

pub fn ledger(entries: &[LedgerEntry]) -> Vec<LedgerEntryJson> {
    entries.iter().map(ledger_entry).collect()
}

fn ledger_entry(entry: &LedgerEntry) -> LedgerEntryJson {
    let rect = RectificationJson::of(&entry.rectification);
    let (kind, id, source) = match &entry.origin {
        Origin::Item(_) => ("item", None, None),
        Origin::Problem { id, source } => ("problem", Some(label(*id)), Some(source.clone())),
    };
    let item = entry.item();
    LedgerEntryJson {
        kind,
        id,
        session: item.map(|i| i.session_id.to_string()),
        department: entry.department.clone(),
        checklist: item.map(|i| i.checklist_id.clone()),
        round: item.map(|i| i.round.clone()),
        date: entry.date.to_string(),
        code: item.map(|i| i.code.clone()),
        title: entry.title.clone(),
        status: item.map(|i| i.status.as_str()),
        owner_department: rect.owner_department,
        owner: rect.owner,
        measure: rect.measure,
        due: rect.due,
        overdue: entry.overdue,
        rounds_open: item.map(|i| i.rounds_open),
        done: rect.done,
        done_at: rect.done_at,
        done_by: rect.done_by,
        done_note: rect.done_note,
        recheck: rect.recheck,
        closed: rect.closed,
        source,
    }
}

/// One department of `duties --json` (docs/design.md §11).
#[derive(Debug, Clone, Serialize)]
pub struct DutyJson {
    pub department: String,
    /// How many items it leads.
    pub items: usize,
    pub lost: f64,
    pub open_rectifications: usize,
    pub disqualified: bool,
    pub details: Vec<DutyDetailJson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DutyDetailJson {
    pub session: String,
    pub code: String,
    pub title: String,
    pub lost: f64,
}

pub fn duties(duties: &[Duty]) -> Vec<DutyJson> {
    duties
        .iter()
        .map(|duty| DutyJson {
            department: duty.department.clone(),
            items: duty.items,
            lost: round2(duty.lost),
            open_rectifications: duty.open_rectifications,
            disqualified: duty.disqualified,
            details: duty
                .details
                .iter()
                .map(|detail| DutyDetailJson {
                    session: detail.session.to_string(),
                    code: detail.code.clone(),
                    title: detail.title.clone(),
                    lost: round2(detail.lost),
                })
                .collect(),
        })
        .collect()
}
