//! Compare, history and ledger screen state.

use chrono::NaiveDate;
use uuid::Uuid;

use super::Screen;
use crate::model::checklist::Checklist;
use crate::model::compare::{Comparison, ItemChange};
use crate::model::ledger::LedgerEntry;
use crate::model::rounds::HistoryPoint;
use crate::model::session::Session;

/// What a pair of sessions looks like in the compare screen's header.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionLabel {
    pub id: Uuid,
    pub department: String,
    pub round: String,
    pub date: NaiveDate,
    pub checklist_title: String,
}

impl SessionLabel {
    pub fn of(session: &Session, checklist: &Checklist) -> SessionLabel {
        SessionLabel {
            id: session.id,
            department: session.department.clone(),
            round: session.round.clone(),
            date: session.date,
            checklist_title: checklist.title.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct CompareState {
    pub comparison: Comparison,
    pub current: SessionLabel,
    pub prior: SessionLabel,
    pub changed_only: bool,
    pub cursor: usize,
    pub scroll: usize,
    pub back: Screen,
    /// The current session's checklist, for the words veto and bonus items read.
    pub checklist: std::sync::Arc<crate::model::checklist::Checklist>,
}

impl CompareState {
    /// Rows shown: regressions first (already sorted), unchanged ones hidden on request.
    pub fn rows(&self) -> Vec<&ItemChange> {
        if self.changed_only {
            self.comparison.changed_items().collect()
        } else {
            self.comparison.items.iter().collect()
        }
    }
}

#[derive(Debug, Clone)]
pub struct HistoryState {
    pub department: String,
    pub checklist_title: String,
    /// Oldest first.
    pub points: Vec<HistoryPoint>,
    pub cursor: usize,
    pub back: Screen,
}

#[derive(Debug, Clone)]
pub struct LedgerState {
    pub entries: Vec<LedgerEntry>,
    pub all: bool,
    pub cursor: usize,
    pub scroll: usize,
    pub back: Screen,
}
