//! The rectification ledger (整改台账) across sessions and problems from outside,
//! reading only the sessions it depends on. Sessions whose checklist cannot be found
//! and problem files that cannot be read are reported, not dropped.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::model::compare::Inspection;
use crate::model::ledger::{LedgerEntry, LedgerScope, ledger as build};
use crate::progress::Progress;
use crate::store::index::Overview;
use crate::store::{Store, StoreError, Unreadable};

pub struct Ledger {
    pub entries: Vec<LedgerEntry>,
    /// The overview the sessions were picked from (unreadable files, strays…).
    pub overview: Overview,
    /// Sessions left out because their checklist cannot be found.
    pub left_out: Vec<(Uuid, StoreError)>,
    /// Problem files that cannot be read (kept as they are).
    pub unreadable_problems: Vec<Unreadable>,
}

pub fn ledger(
    store: &Store,
    scope: LedgerScope,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<Ledger, StoreError> {
    let (sessions, overview) = store.ledger_sessions(scope, progress)?;
    let (problems, unreadable_problems) = store.load_problems()?;
    let mut loaded = Vec::with_capacity(sessions.len());
    let mut left_out = Vec::new();
    for session in sessions.into_iter().map(|loaded| loaded.session) {
        match store.checklist_for(&session.checklist) {
            Ok(checklist) => loaded.push((session, checklist)),
            Err(error) => left_out.push((session.id, error)),
        }
    }
    let inspections: Vec<Inspection<'_>> = loaded
        .iter()
        .map(|(session, checklist)| Inspection::new(session, checklist))
        .collect();
    Ok(Ledger {
        entries: build(&inspections, &problems, today, scope),
        overview,
        left_out,
        unreadable_problems,
    })
}
