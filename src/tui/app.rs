//! The one `App` state. Views borrow it; only `update` changes it.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui_textarea::TextArea;
use uuid::Uuid;

use super::input::LineInput;
use super::keymap::Mode;
use super::outline::{Outline, OutlineNode};
use super::theme::Theme;
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::compare::{Comparison, ItemChange};
use crate::model::ledger::LedgerEntry;
use crate::model::rounds::HistoryPoint;
use crate::model::scoring::{Figures, Summary, summarize};
use crate::model::session::{Response, Session, Status};
use crate::model::text::normalize_name;
use crate::store::LoadedSession;

/// How long after the last edit the autosave starts.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(3);
/// Below this size the screen asks to be made larger.
pub const MIN_WIDTH: u16 = 36;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Walk,
    Compare,
    History,
    Ledger,
}

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

/// What the home screen needs, as the effect runner loads it.
#[derive(Debug, Clone, Default)]
pub struct HomeData {
    pub sessions: Vec<SessionRow>,
    /// Files that could not be read: (id, message).
    pub unreadable: Vec<(Uuid, String)>,
    /// Other things the user should know at start (recovery files, strays).
    pub notices: Vec<String>,
    pub checklists: Vec<ChecklistChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistChoice {
    pub id: String,
    pub version: u32,
    pub title: String,
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

    /// Sessions of the selected round, by department.
    pub fn round_sessions(&self) -> Vec<&SessionRow> {
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

    /// Department names seen before, most used first, for suggestions.
    pub fn known_departments(&self) -> Vec<String> {
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
    pub last_saved_at: Option<DateTime<FixedOffset>>,
    pub error: Option<String>,
    pub retry_at: Option<Instant>,
}

impl SaveState {
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved
    }
}

/// The prior round's response to an item, for 复查.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorItem {
    pub status: Status,
    pub note: String,
    pub rectification: Option<crate::model::session::Rectification>,
}

/// The prior session, as the walk screen shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriorView {
    pub id: Option<Uuid>,
    pub date: Option<NaiveDate>,
    pub round: String,
    /// By the current checklist's item codes (renames already followed).
    pub items: std::collections::HashMap<String, PriorItem>,
}

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
    pub prior: PriorView,
    /// Items to re-check (待复查), by code.
    pub recheck: BTreeSet<String>,
    /// Leaving once the last save lands.
    pub closing: bool,
}

impl WalkState {
    pub fn new(loaded: LoadedSession, checklist: Arc<Checklist>) -> WalkState {
        let outline = Outline::new(&checklist);
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
            recheck: BTreeSet::new(),
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
        Figures::over(self.outline.section_items(section), &self.loaded.session)
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
            Filter::Recheck => self.recheck.contains(code),
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

/// A note being edited.
pub struct EditorState {
    pub code: String,
    pub textarea: TextArea<'static>,
    pub original: String,
    /// The response before editing began: the whole edit is one undo step.
    pub before: Option<Response>,
}

impl std::fmt::Debug for EditorState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditorState")
            .field("code", &self.code)
            .field("text", &self.textarea.lines().join("\n"))
            .finish()
    }
}

impl EditorState {
    pub fn new(code: &str, note: &str) -> EditorState {
        let lines: Vec<String> = note.split('\n').map(str::to_string).collect();
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        textarea.set_max_histories(500);
        EditorState {
            code: code.to_string(),
            textarea,
            original: note.to_string(),
            before: None,
        }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

#[derive(Debug, Clone)]
pub struct SearchState {
    pub input: LineInput,
    /// Where the selection was before searching; Esc returns there.
    pub origin: usize,
    pub origin_filter: Filter,
    pub matches: Vec<usize>,
    pub current: usize,
}

#[derive(Debug, Clone)]
pub struct DeductionsState {
    pub code: String,
    /// Predefined deductions, then the free one.
    pub cursor: usize,
    /// Entering the free deduction: reason, then points.
    pub free_reason: LineInput,
    pub free_points: LineInput,
    pub editing_free: Option<FreeField>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeField {
    Reason,
    Points,
}

#[derive(Debug, Clone)]
pub struct RectifyState {
    pub code: String,
    pub owner: LineInput,
    pub due: LineInput,
    pub done_note: LineInput,
    pub done: bool,
    /// 0 owner, 1 due, 2 done note.
    pub field: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EvidenceState {
    pub code: String,
    pub input: LineInput,
    pub selected: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Checklist,
    Department,
    Round,
    Date,
    Inspector,
    Recheck,
}

impl NewField {
    pub const ORDER: [NewField; 6] = [
        NewField::Checklist,
        NewField::Department,
        NewField::Round,
        NewField::Date,
        NewField::Inspector,
        NewField::Recheck,
    ];
}

#[derive(Debug, Clone)]
pub struct NewSessionState {
    pub checklist: usize,
    pub department: LineInput,
    pub round: LineInput,
    pub date: LineInput,
    pub inspector: LineInput,
    pub recheck: bool,
    pub field: NewField,
    pub suggestion: Option<usize>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Trash {
        id: Uuid,
        label: String,
    },
    /// Replace an existing export file.
    Overwrite {
        request: Box<ExportRequest>,
        path: String,
    },
    /// Leave although the last save failed; the session then goes to recovery/.
    LeaveUnsaved,
}

#[derive(Debug)]
pub enum Overlay {
    Editor(Box<EditorState>),
    Search(SearchState),
    Deductions(DeductionsState),
    Rectify(RectifyState),
    Evidence(EvidenceState),
    NewSession(NewSessionState),
    Confirm(Confirm),
    Help {
        scroll: usize,
    },
    Export(ExportState),
    /// The note for closing a rectification from the ledger.
    DoneNote(DoneNoteState),
    /// Reviewing items whose copies disagreed after an import.
    Conflicts(ConflictsState),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConflictsState {
    /// Index into the session's conflicted items.
    pub item: usize,
    /// Which losing version is selected for "keep theirs".
    pub version: usize,
}

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
}

impl CompareState {
    /// Rows shown: regressions first (already sorted), unchanged ones hidden on request.
    pub fn rows(&self) -> Vec<&ItemChange> {
        self.comparison
            .items
            .iter()
            .filter(|item| !self.changed_only || !item.is_unchanged())
            .collect()
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

/// What to export, where, and whether a file may be replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub target: ExportTarget,
    pub format: crate::export::Format,
    /// A folder (the default name goes inside) or a file path.
    pub path: String,
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportTarget {
    /// One session; its edits in memory, when it is the one being walked.
    Session {
        id: Uuid,
        open: Option<Box<Session>>,
    },
    Round(String),
}

#[derive(Debug, Clone)]
pub struct ExportState {
    pub session: Option<(Uuid, String)>,
    pub round: Option<String>,
    /// 0 the session, 1 the whole round.
    pub scope: usize,
    pub format: usize,
    pub path: LineInput,
    /// 0 format, 1 scope, 2 path.
    pub field: usize,
}

#[derive(Debug, Clone)]
pub struct DoneNoteState {
    pub session: Uuid,
    pub code: String,
    pub input: LineInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

pub use crate::store::settings::Settings;

#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    /// Terminal size as last seen.
    pub size: (u16, u16),
    /// Monotonic time of the event being handled.
    pub now: Instant,
    /// Wall-clock time of the event being handled, for timestamps.
    pub wall: DateTime<FixedOffset>,
    pub today: NaiveDate,
    pub screen: Screen,
    pub home: HomeState,
    pub walk: Option<WalkState>,
    pub compare: Option<CompareState>,
    pub history: Option<HistoryState>,
    pub ledger: Option<LedgerState>,
    /// Where exports go unless the user types another place.
    pub export_dir: String,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub settings: Settings,
    pub quit: bool,
    /// Quit once the open session is saved and closed.
    pub quit_after_close: bool,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, settings: Settings, wall: DateTime<FixedOffset>) -> App {
        App {
            lang,
            theme,
            size: (80, 24),
            now: Instant::now(),
            wall,
            today: wall.date_naive(),
            screen: Screen::Home,
            home: HomeState::default(),
            walk: None,
            compare: None,
            history: None,
            ledger: None,
            export_dir: String::new(),
            overlay: None,
            message: None,
            settings,
            quit: false,
            quit_after_close: false,
        }
    }

    /// Where keys go now: the pop-up if there is one, else the screen.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Search(_)) => Mode::Search,
            Some(Overlay::Deductions(state)) if state.editing_free.is_some() => Mode::FreeDeduction,
            Some(Overlay::Deductions(_)) => Mode::Deductions,
            Some(Overlay::Rectify(_)) => Mode::Rectify,
            Some(Overlay::Evidence(_)) => Mode::Evidence,
            Some(Overlay::NewSession(_)) => Mode::NewSession,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Export(_)) => Mode::Export,
            Some(Overlay::DoneNote(_)) => Mode::Prompt,
            Some(Overlay::Conflicts(_)) => Mode::Conflicts,
            None => self.screen_mode(),
        }
    }

    /// The mode of the screen under any pop-up (for help).
    pub fn screen_mode(&self) -> Mode {
        match self.screen {
            Screen::Home => Mode::Home,
            Screen::Walk => Mode::Walk,
            Screen::Compare => Mode::Compare,
            Screen::History => Mode::History,
            Screen::Ledger => Mode::Ledger,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
        });
    }
}
