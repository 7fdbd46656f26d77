//! Walk screen state: the session, its tree, undo, autosave, the prior round.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use crate::model::checklist::Checklist;
use crate::model::scoring::{Figures, Summary, summarize};
use crate::model::session::{Response, Session, Status};
use crate::store::LoadedSession;
use crate::tui::outline::{Outline, OutlineNode};

/// Which items the tree shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Pending,
    Problems,
    Changed,
    /// Items to re-check (待复查): problems or open rectifications last round.
    Recheck,
}

impl Filter {
    /// The filter's name in the UI's language.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        let names = &lang.ui().filters;
        match self {
            Filter::All => names[0],
            Filter::Pending => names[1],
            Filter::Problems => names[2],
            Filter::Changed => names[3],
            Filter::Recheck => names[4],
        }
    }

    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Pending,
            Filter::Pending => Filter::Problems,
            Filter::Problems => Filter::Changed,
            Filter::Changed => Filter::Recheck,
            Filter::Recheck => Filter::All,
        }
    }
}

/// One undoable edit: the item's response before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub code: String,
    pub before: Option<Response>,
    pub after: Option<Response>,
    /// The item's unresolved merge conflicts before and after, when the change settled them.
    pub conflicts: Option<(Vec<Response>, Vec<Response>)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaveState {
    /// Bumped by every edit.
    pub generation: u64,
    /// The generation now on disk.
    pub saved: u64,
    pub in_flight: Option<u64>,
    pub last_edit: Option<Instant>,
    /// The first edit not yet in a save: autosave does not wait for a pause in
    /// typing longer than `AUTOSAVE_MAX_WAIT` after it.
    pub dirty_since: Option<Instant>,
    pub last_saved_at: Option<DateTime<FixedOffset>>,
    pub error: Option<String>,
    pub retry_at: Option<Instant>,
}

impl SaveState {
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved
    }
}

pub use crate::model::recheck::{PriorItem, PriorView};

/// A visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub node: usize,
}

#[derive(Debug, Clone)]
pub struct WalkState {
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
    pub outline: Outline,
    pub collapsed: BTreeSet<usize>,
    pub filter: Filter,
    pub rows: Vec<Row>,
    pub cursor: usize,
    pub scroll: usize,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    pub save: SaveState,
    /// Why neither edits nor saves are allowed (held elsewhere, newer format, conflict).
    pub read_only: Option<String>,
    /// The prior round, with the items to re-check (待复查).
    pub prior: PriorView,
    /// Leaving once the last save lands.
    pub closing: bool,
}

impl WalkState {
    pub fn new(loaded: LoadedSession, checklist: Arc<Checklist>) -> WalkState {
        let outline = Outline::new(&checklist, loaded.session.scope);
        let mut walk = WalkState {
            loaded,
            checklist,
            outline,
            collapsed: BTreeSet::new(),
            filter: Filter::All,
            rows: Vec::new(),
            cursor: 0,
            scroll: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            save: SaveState::default(),
            read_only: None,
            prior: PriorView::default(),
            closing: false,
        };
        walk.rebuild_rows();
        if let Some(first_item) = walk
            .rows
            .iter()
            .position(|row| matches!(walk.outline.nodes[row.node], OutlineNode::Item(_)))
        {
            walk.cursor = first_item;
        }
        walk
    }

    pub fn session(&self) -> &Session {
        &self.loaded.session
    }

    pub fn summary(&self) -> Summary {
        summarize(&self.checklist, &self.loaded.session)
    }

    pub fn section_figures(&self, section: usize) -> Figures {
        Figures::over(
            &self.checklist.rules,
            self.outline.section_items(section),
            &self.loaded.session,
        )
    }

    pub fn item_visible(&self, item: usize) -> bool {
        let code = &self.outline.items[item].code;
        let status = self.loaded.session.status(code);
        match self.filter {
            Filter::All => true,
            Filter::Pending => status == Status::Pending,
            Filter::Problems => {
                crate::model::scoring::is_problem(&self.outline.items[item], status)
            }
            Filter::Changed => self.changed_since_prior(code),
            Filter::Recheck => self.prior.recheck.contains(code),
        }
    }

    /// Whether this round's status differs from the prior round's.
    pub fn changed_since_prior(&self, code: &str) -> bool {
        let now = self.loaded.session.status(code);
        match self.prior.items.get(code) {
            Some(prior) => prior.status != now,
            None => now != Status::Pending,
        }
    }

    /// Recomputes the visible rows from filter and collapsed sections, keeping
    /// the selection on the same node where it is still shown.
    pub fn rebuild_rows(&mut self) {
        let selected_node = self.rows.get(self.cursor).map(|row| row.node);
        let mut rows = Vec::new();
        let mut node = 0;
        while node < self.outline.nodes.len() {
            match self.outline.nodes[node] {
                OutlineNode::Section(section) => {
                    let entry = &self.outline.sections[section];
                    let any_visible = entry.items.clone().any(|item| self.item_visible(item));
                    if self.filter != Filter::All && !any_visible {
                        node = entry.nodes.end;
                        continue;
                    }
                    rows.push(Row { node });
                    if self.collapsed.contains(&section) {
                        node = entry.nodes.end;
                        continue;
                    }
                }
                OutlineNode::Item(item) => {
                    if self.item_visible(item) {
                        rows.push(Row { node });
                    }
                }
            }
            node += 1;
        }
        self.rows = rows;
        self.cursor = match selected_node {
            Some(node) => self
                .rows
                .iter()
                .position(|row| row.node >= node)
                .unwrap_or(self.rows.len().saturating_sub(1)),
            None => 0,
        };
    }

    pub fn selected_node(&self) -> Option<OutlineNode> {
        self.rows
            .get(self.cursor)
            .map(|row| self.outline.nodes[row.node])
    }

    pub fn selected_item(&self) -> Option<usize> {
        match self.selected_node()? {
            OutlineNode::Item(item) => Some(item),
            OutlineNode::Section(_) => None,
        }
    }

    pub fn selected_code(&self) -> Option<&str> {
        self.selected_item()
            .map(|item| self.outline.items[item].code.as_str())
    }

    /// Moves the selection to an item, opening its sections and clearing a filter that hides it.
    pub fn select_item(&mut self, item: usize) {
        let node = self
            .outline
            .nodes
            .iter()
            .position(|n| *n == OutlineNode::Item(item));
        let Some(node) = node else { return };
        let containing: Vec<usize> = self
            .outline
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.nodes.start < node && node < s.nodes.end)
            .map(|(index, _)| index)
            .collect();
        for section in containing {
            self.collapsed.remove(&section);
        }
        if !self.item_visible(item) {
            self.filter = Filter::All;
        }
        self.rebuild_rows();
        if let Some(position) = self.rows.iter().position(|row| row.node == node) {
            self.cursor = position;
        }
    }
}
