//! What a user can ask for with a key: the words of the keymap (`tui::keymap`),
//! which binds keys to these per mode, and of the text module (`i18n::commands`),
//! which names each of them in every language by an exhaustive `match`.

use crate::model::session::Status;

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    Collapse,
    Expand,
    ToggleSection,
    SetStatus(Status),
    EditNote,
    Deductions,
    Rectify,
    AddEvidence,
    NextPending,
    PrevPending,
    Search,
    CycleFilter,
    Undo,
    Redo,
    Compare,
    History,
    Ledger,
    Export,
    Finish,
    Help,
    Back,
    Quit,
    Open,
    NewSession,
    Delete,
    Reload,
    SwitchFocus,
    Yes,
    No,
    Toggle,
    Submit,
    NextField,
    PrevField,
    FinishEditing,
    /// A new line in the note editor.
    Newline,
    /// Save what is open, then quit (Ctrl-c anywhere).
    SaveAndQuit,
    NextMatch,
    PrevMatch,
    ChangedOnly,
    MarkDone,
    ToggleAll,
    ReviewConflicts,
    KeepMine,
    KeepTheirs,
    KeepBoth,
    NextVersion,
    PrevVersion,
    /// 复查 passed (销号), from the ledger.
    RecheckPass,
    /// 复查 failed, from the ledger.
    RecheckFail,
    /// A problem from outside, on the ledger.
    AddProblem,
    /// The ledger's department filter: none, then each department.
    CycleDepartment,
    /// The ledger: only overdue entries, or all.
    OverdueOnly,
    /// The 责任分解 screen.
    Duties,
    /// An older / a newer round (责任分解).
    PrevRound,
    NextRound,
    /// Import an office's Word or Excel table as a checklist.
    ImportTable,
    /// The deadlines screen (报送期限, docs/design.md §14).
    Deadlines,
    /// The activity ledger screen (创建活动台账).
    Activities,
    /// Create `unit.ron` from the departments in the data.
    CreateProfile,
    /// Record the selected activity's electronic material as handed in today.
    HandInElectronic,
    /// Record the selected activity's paper material as handed in today.
    HandInPaper,
    AddActivity,
    // Scoring as real tables write it (levels, counts, rates).
    /// Judge the item by a level (测评等次) or a surveyed rate, where it takes one.
    Judge,
    /// A digit typed in the deductions menu: the count of the selected deduction.
    Count(u8),
    /// One occurrence more / fewer of the selected deduction.
    More,
    Less,
    /// A digit in the levels menu: pick the N-th level.
    PickLevel(u8),
    /// The previous / next value of a form's picker (checklist, scope, format).
    PrevChoice,
    NextChoice,
    /// Home: the round's departments ranked with their bands (排名), or the usual order.
    Ranking,
    /// Open the selected attachment with the system's viewer.
    OpenAttachment,
}

impl Command {
    /// Whether the command changes the session (so it has no use on a finished one).
    pub fn edits(self) -> bool {
        matches!(
            self,
            Command::SetStatus(_)
                | Command::EditNote
                | Command::Deductions
                | Command::Judge
                | Command::Rectify
                | Command::AddEvidence
                | Command::Undo
                | Command::Redo
        )
    }

    /// The command a digit key runs when the table binds it to one of these.
    pub fn with_digit(self, digit: u8) -> Command {
        match self {
            Command::Count(_) => Command::Count(digit),
            Command::PickLevel(_) => Command::PickLevel(digit),
            other => other,
        }
    }
}
