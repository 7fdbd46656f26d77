//! Home screen state: rounds and their sessions.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::model::board::BoardRow;
use crate::model::checklist::Checklist;
use crate::model::head::SessionHead;
use crate::model::scoring::{Summary, summarize};
use crate::model::session::Session;
use crate::model::text::normalize_name;

/// One session as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: Uuid,
    pub round: String,
    pub date: NaiveDate,
    pub department: String,
    pub inspector: String,
    pub checklist_id: String,
    pub checklist_title: String,
    pub summary: Summary,
    pub finished: bool,
}

impl SessionRow {
    pub fn new(session: &Session, checklist: &Checklist) -> SessionRow {
        SessionRow {
            id: session.id,
            round: session.round.clone(),
            date: session.date,
            department: session.department.clone(),
            inspector: session.inspector.clone(),
            checklist_id: session.checklist.id.clone(),
            checklist_title: checklist.title.clone(),
            summary: summarize(checklist, session),
            finished: session.is_finished(),
        }
    }
}

impl From<SessionHead> for SessionRow {
    fn from(head: SessionHead) -> SessionRow {
        SessionRow {
            summary: head.summary(),
            id: head.id,
            round: head.round,
            date: head.date,
            department: head.department,
            inspector: head.inspector,
            checklist_id: head.checklist.id,
            checklist_title: head.checklist_title,
            finished: head.finished,
        }
    }
}

/// What the home screen needs, as the effect runner loads it.
#[derive(Debug, Clone, Default)]
pub struct HomeData {
    pub sessions: Vec<SessionRow>,
    /// Files that could not be read: (id, message).
    pub unreadable: Vec<(Uuid, String)>,
    /// Other things the user should know at start (recovery files, strays).
    pub notices: Vec<String>,
    pub checklists: Vec<ChecklistChoice>,
    /// The unit profile and what is late (boxed: actions stay small).
    pub taizhang: Box<super::HomeTaizhang>,
    /// The data folder, for the commands the screen suggests (`zicha demo`).
    pub data_dir: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistChoice {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub origin: ChecklistOrigin,
}

/// Where a checklist on offer comes from; the picker says so beside its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChecklistOrigin {
    #[default]
    Builtin,
    /// The user's checklists folder (written by hand or by `checklists import`).
    User,
    /// Known only from the archive (arrived with an import or a bundle).
    Archive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HomeFocus {
    Rounds,
    #[default]
    Sessions,
}

#[derive(Debug, Clone, Default)]
pub struct HomeState {
    pub data: HomeData,
    /// Round labels, newest first (by their latest session date).
    pub rounds: Vec<String>,
    pub round_cursor: usize,
    pub session_cursor: usize,
    pub session_scroll: usize,
    pub focus: HomeFocus,
    pub loaded: bool,
    /// The ranking view (排名) instead of the usual order.
    pub ranking: bool,
    /// The board of the round it was loaded for.
    pub board: Option<LoadedBoard>,
}

/// A round's board as the effect runner loaded it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedBoard {
    pub round: String,
    pub rows: Vec<BoardRow>,
}

impl HomeState {
    pub fn set_data(&mut self, mut data: HomeData) {
        // Names typed on different machines (or edited by hand) group as one.
        for row in &mut data.sessions {
            row.round = normalize_name(&row.round);
            row.department = normalize_name(&row.department);
        }
        let keep_round = self.rounds.get(self.round_cursor).cloned();
        let mut rounds: Vec<(NaiveDate, String)> = Vec::new();
        for row in &data.sessions {
            match rounds.iter_mut().find(|(_, label)| *label == row.round) {
                Some((date, _)) => *date = (*date).max(row.date),
                None => rounds.push((row.date, row.round.clone())),
            }
        }
        rounds.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        self.rounds = rounds.into_iter().map(|(_, label)| label).collect();
        self.data = data;
        self.round_cursor = keep_round
            .and_then(|label| self.rounds.iter().position(|r| *r == label))
            .unwrap_or(0);
        self.session_cursor = self
            .session_cursor
            .min(self.round_sessions().len().saturating_sub(1));
        self.loaded = true;
    }

    pub fn selected_round(&self) -> Option<&str> {
        self.rounds.get(self.round_cursor).map(String::as_str)
    }

    /// The board of the selected round, once loaded, while the ranking view is on.
    pub fn shown_board(&self) -> Option<&[BoardRow]> {
        let board = self.board.as_ref()?;
        (self.ranking && self.selected_round() == Some(board.round.as_str()))
            .then_some(board.rows.as_slice())
    }

    /// Sessions of the selected round, by department; in the ranking view the
    /// board's, in rank order (unit sessions are not ranked).
    pub fn round_sessions(&self) -> Vec<&SessionRow> {
        let rows = self.sessions_by_department();
        match self.shown_board() {
            Some(board) => board
                .iter()
                .filter_map(|ranked| rows.iter().find(|row| row.id == ranked.session_id))
                .copied()
                .collect(),
            None => rows,
        }
    }

    fn sessions_by_department(&self) -> Vec<&SessionRow> {
        let Some(round) = self.selected_round() else {
            return Vec::new();
        };
        let mut rows: Vec<&SessionRow> = self
            .data
            .sessions
            .iter()
            .filter(|row| row.round == round)
            .collect();
        rows.sort_by(|a, b| {
            a.department
                .cmp(&b.department)
                .then_with(|| b.date.cmp(&a.date))
                .then_with(|| a.id.cmp(&b.id))
        });
        rows
    }

    pub fn selected_session(&self) -> Option<&SessionRow> {
        self.round_sessions().get(self.session_cursor).copied()
    }

    /// Department names for suggestions: the unit profile's in their customary
    /// order first, then those seen before, most used first.
    pub fn known_departments(&self) -> Vec<String> {
        let mut known: Vec<String> = match &self.data.taizhang.profile {
            super::ProfileStatus::Present(departments) => departments.clone(),
            _ => Vec::new(),
        };
        for name in self.departments_by_use() {
            if !known.contains(&name) {
                known.push(name);
            }
        }
        known
    }

    /// Department names seen in sessions, most used first.
    fn departments_by_use(&self) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for row in &self.data.sessions {
            match counts.iter_mut().find(|(name, _)| *name == row.department) {
                Some((_, count)) => *count += 1,
                None => counts.push((row.department.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.into_iter().map(|(name, _)| name).collect()
    }
}
