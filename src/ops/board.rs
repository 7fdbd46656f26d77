//! The round board (排名, docs/design.md §15): the round's department sessions from
//! the index, and the on-time rate of each department's rectifications from the
//! ledger (the only sessions read are those with rectifications).

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::OpsError;
use crate::export::ExportError;
use crate::export::report::rounds_newest_first;
use crate::model::board::{BoardRow, Contender, FollowUp, rank};
use crate::model::checklist::Scope;
use crate::model::ledger::{LedgerEntry, LedgerScope};
use crate::model::order::DepartmentOrder;
use crate::model::session::Session;
use crate::model::text::normalize_name;
use crate::progress::Progress;
use crate::store::index::Overview;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRequest {
    /// The round's label; `None`: the newest round.
    pub round: Option<String>,
    pub today: NaiveDate,
    /// The unit profile's departments, in order, for rows that tie.
    pub departments: Vec<String>,
}

pub struct Board {
    /// The round ranked; `None` when there are no sessions at all.
    pub round: Option<String>,
    pub rows: Vec<BoardRow>,
    /// The overview the round was picked from (unreadable files, strays…).
    pub overview: Overview,
    /// Sessions whose rectifications are left out: their checklist cannot be found.
    pub left_out: Vec<(Uuid, StoreError)>,
}

pub fn board(
    store: &Store,
    request: &BoardRequest,
    progress: &dyn Progress,
) -> Result<Board, OpsError> {
    let mut ledger = super::ledger::ledger(store, LedgerScope::All, request.today, progress)?;
    let overview = std::mem::take(&mut ledger.overview);
    let known = rounds_newest_first(
        overview
            .sessions
            .iter()
            .map(|head| (head.date, head.round.as_str())),
    );
    let round = match &request.round {
        Some(label) => {
            let label = normalize_name(label);
            if !known.contains(&label) {
                return Err(ExportError::EmptyRound { label, known }.into());
            }
            Some(label)
        }
        None => known.first().cloned(),
    };
    let follow_ups = FollowUps::of(&ledger.entries);
    let contenders = overview
        .sessions
        .iter()
        .filter(|head| head.scope == Scope::Department)
        .filter(|head| round.as_deref() == Some(normalize_name(&head.round).as_str()))
        .map(|head| Contender {
            session_id: head.id,
            department: normalize_name(&head.department),
            summary: head.summary(),
            follow_ups: follow_ups.until(&head.department, head.date),
        })
        .collect();
    Ok(Board {
        round,
        rows: rank(contenders, &DepartmentOrder::new(&request.departments)),
        overview,
        left_out: ledger.left_out,
    })
}

/// Each department's rectifications with the date of the session that recorded them.
pub struct FollowUps(HashMap<String, Vec<(NaiveDate, FollowUp)>>);

impl FollowUps {
    pub fn of(entries: &[LedgerEntry]) -> FollowUps {
        let mut by_department: HashMap<String, Vec<(NaiveDate, FollowUp)>> = HashMap::new();
        for entry in entries {
            by_department
                .entry(normalize_name(&entry.department))
                .or_default()
                .push((entry.date, FollowUp::of(entry)));
        }
        FollowUps(by_department)
    }

    /// `department`'s rectifications recorded on or before `date`: those its session
    /// of the round and the rounds before it gave.
    pub fn until(&self, department: &str, date: NaiveDate) -> Vec<FollowUp> {
        self.0
            .get(&normalize_name(department))
            .into_iter()
            .flatten()
            .filter(|(recorded, _)| *recorded <= date)
            .map(|(_, follow_up)| *follow_up)
            .collect()
    }
}

/// The rectifications every department session of `sessions` answers for on the
/// board, by session id: read from the whole ledger.
pub fn follow_ups_of<'a>(
    store: &Store,
    sessions: impl IntoIterator<Item = &'a Session>,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<HashMap<Uuid, Vec<FollowUp>>, StoreError> {
    let ledger = super::ledger::ledger(store, LedgerScope::All, today, progress)?;
    let follow_ups = FollowUps::of(&ledger.entries);
    Ok(sessions
        .into_iter()
        .filter(|session| session.scope == Scope::Department)
        .map(|session| {
            (
                session.id,
                follow_ups.until(&session.department, session.date),
            )
        })
        .collect())
}
