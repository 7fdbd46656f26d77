//! Pop-up state: editor, search, item forms, new session, dialogs.

use ratatui_textarea::TextArea;
use uuid::Uuid;

use super::Filter;
use crate::model::checklist::Scope;
use crate::model::session::{Response, Session};
use crate::tui::input::LineInput;

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
    /// Digits typed for the selected deduction's count since the cursor last moved.
    pub typed: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeField {
    Reason,
    Points,
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
    /// A department session or a unit session (全单位检查).
    Scope,
    Department,
    Round,
    Date,
    Inspector,
    Recheck,
}

impl NewField {
    /// A field that picks one of a few values rather than taking text.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            NewField::Checklist | NewField::Scope | NewField::Recheck
        )
    }

    pub const ORDER: [NewField; 7] = [
        NewField::Checklist,
        NewField::Scope,
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
    pub scope: Scope,
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
    /// Finish the session although `pending` items are not checked.
    FinishPending {
        pending: usize,
    },
    /// Remove an item's attachment (0-based among its attachments).
    Detach {
        code: String,
        index: usize,
        file: String,
    },
    /// Remove an activity's attachment (1-based, as `activity detach` numbers it).
    DetachFromActivity {
        id: Uuid,
        number: usize,
        file: String,
    },
}

#[derive(Debug)]
pub enum Overlay {
    Editor(Box<EditorState>),
    Search(SearchState),
    Deductions(DeductionsState),
    Rectify(super::RectifyState),
    Evidence(EvidenceState),
    /// An activity's material: its labels and attached files.
    ActivityFiles(super::ActivityFilesState),
    NewSession(NewSessionState),
    Confirm(Confirm),
    Help {
        scroll: usize,
    },
    Export(ExportState),
    /// The note for 整改落实 or a 复查 from the ledger.
    FollowUp(super::FollowUpPrompt),
    /// A problem from outside, entered on the ledger.
    Problem(super::ProblemForm),
    ImportTable(ImportTableState),
    /// Reviewing items whose copies disagreed after an import.
    Conflicts(ConflictsState),
    /// Adding or editing an activity of the 台账.
    ActivityForm(super::ActivityFormState),
    /// Picking a level (测评等次) for an item.
    Levels(LevelsState),
    /// Entering a surveyed rate (answered of asked) for a rate item.
    Rate(RateState),
    /// Something to read before going on (where a deleted session went).
    Notice {
        title: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LevelsState {
    pub code: String,
    pub cursor: usize,
}

#[derive(Debug, Clone)]
pub struct RateState {
    pub code: String,
    pub answered: LineInput,
    pub asked: LineInput,
    /// 0 answered, 1 asked.
    pub field: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConflictsState {
    /// Index into the session's conflicted items.
    pub item: usize,
    /// Which losing version is selected for "keep theirs".
    pub version: usize,
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
    /// 0 format, 1 scope, 2 path ([`EXPORT_PATH_FIELD`]).
    pub field: usize,
}

/// The export dialog's one text field, 位置.
pub const EXPORT_PATH_FIELD: usize = 2;

/// Importing an office's table: the path being typed, then the report.
#[derive(Debug, Clone, Default)]
pub struct ImportTableState {
    pub input: LineInput,
    /// Set while the import runs.
    pub busy: bool,
    /// The report once the import is done (or its one-line error).
    pub report: Option<Vec<crate::export::table_import_text::ReportLine>>,
    pub scroll: usize,
}
