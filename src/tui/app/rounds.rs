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
    /// How far the selected round's section changes are scrolled.
    pub section_scroll: usize,
    pub back: Screen,
}

impl HistoryState {
    /// The selected round against the one before, per section; empty for the first.
    pub fn section_changes(&self) -> Vec<crate::model::rounds::SectionChange> {
        match self
            .cursor
            .checked_sub(1)
            .map(|before| (self.points.get(before), self.points.get(self.cursor)))
        {
            Some((Some(earlier), Some(later))) => {
                crate::model::rounds::section_changes(earlier, later)
            }
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LedgerState {
    pub entries: Vec<LedgerEntry>,
    pub all: bool,
    /// Only entries this department answers for (`LedgerEntry::responsible`).
    pub department: Option<String>,
    /// Only overdue entries.
    pub overdue_only: bool,
    /// Index into [`LedgerState::rows`].
    pub cursor: usize,
    pub scroll: usize,
    pub back: Screen,
}

impl LedgerState {
    pub fn new(entries: Vec<LedgerEntry>, all: bool, back: Screen) -> LedgerState {
        LedgerState {
            entries,
            all,
            department: None,
            overdue_only: false,
            cursor: 0,
            scroll: 0,
            back,
        }
    }

    /// The entries shown, after the department and overdue filters.
    pub fn rows(&self) -> Vec<&LedgerEntry> {
        self.entries
            .iter()
            .filter(|entry| !self.overdue_only || entry.overdue)
            .filter(|entry| {
                self.department
                    .as_deref()
                    .is_none_or(|wanted| entry.responsible() == wanted)
            })
            .collect()
    }

    pub fn selected(&self) -> Option<&LedgerEntry> {
        self.rows().get(self.cursor).copied()
    }

    /// Departments the entries answer to, in order, for the department filter.
    pub fn departments(&self) -> Vec<String> {
        let mut departments: Vec<String> = self
            .entries
            .iter()
            .map(|entry| entry.responsible().to_string())
            .collect();
        departments.sort();
        departments.dedup();
        departments
    }

    /// The next department filter: none → each department → none.
    pub fn cycle_department(&mut self) {
        let departments = self.departments();
        self.department = match &self.department {
            None => departments.first().cloned(),
            Some(current) => departments
                .iter()
                .position(|d| d == current)
                .and_then(|at| departments.get(at + 1).cloned()),
        };
        self.cursor = 0;
        self.scroll = 0;
    }
}
