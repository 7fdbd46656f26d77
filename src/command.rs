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
}
