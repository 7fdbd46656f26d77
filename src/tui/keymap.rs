//! The one key table: per mode, which keys run which command. Dispatch, the hint
//! bar and the help screen are all generated from it, so they never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
use crate::model::session::Status;

/// Where keys are read: the screen, or the pop-up on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Home,
    Walk,
    Editor,
    Search,
    Deductions,
    Rectify,
    FreeDeduction,
    Evidence,
    NewSession,
    Confirm,
    Help,
    Compare,
    History,
    Ledger,
    Export,
    Prompt,
    Conflicts,
    /// The report of a table import.
    ImportReport,
}

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    /// Shown in the hint bar (the rest only in help).
    pub hint: bool,
}

const fn bind(keys: &'static [Key], command: Command, hint: bool) -> Binding {
    Binding {
        keys,
        command,
        hint,
    }
}

use Command as C;
use KeyCode as KC;

const MOVE: [Binding; 6] = [
    bind(&[code(KC::Up), k('k')], C::Up, false),
    bind(&[code(KC::Down), k('j')], C::Down, false),
    bind(&[code(KC::PageUp)], C::PageUp, false),
    bind(&[code(KC::PageDown)], C::PageDown, false),
    bind(&[k('g'), code(KC::Home)], C::Top, false),
    bind(&[k('G'), code(KC::End)], C::Bottom, false),
];

const WALK: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(&[code(KC::Tab)], C::NextSection, false),
    bind(&[code(KC::BackTab)], C::PrevSection, false),
    bind(&[code(KC::Left)], C::Collapse, false),
    bind(&[code(KC::Right)], C::Expand, false),
    bind(&[k(' ')], C::ToggleSection, false),
    bind(&[k('1')], C::SetStatus(Status::Pass), true),
    bind(&[k('2')], C::SetStatus(Status::Partial), true),
    bind(&[k('3')], C::SetStatus(Status::Fail), true),
    bind(&[k('4')], C::SetStatus(Status::Na), true),
    bind(&[k('0')], C::SetStatus(Status::Pending), true),
    bind(&[code(KC::Enter), k('i')], C::EditNote, true),
    bind(&[k('x')], C::Deductions, true),
    bind(&[k('r')], C::Rectify, true),
    bind(&[k('a')], C::AddEvidence, false),
    bind(&[k('n')], C::NextPending, true),
    bind(&[k('N')], C::PrevPending, false),
    bind(&[k('/')], C::Search, true),
    bind(&[k('f')], C::CycleFilter, false),
    bind(&[k('u')], C::Undo, false),
    bind(&[ctrl('r')], C::Redo, false),
    bind(&[k('c')], C::Compare, false),
    bind(&[k('h')], C::History, false),
    bind(&[k('t')], C::Ledger, false),
    bind(&[k('e')], C::Export, false),
    bind(&[k('F')], C::Finish, false),
    bind(&[k('m')], C::ReviewConflicts, false),
    bind(&[k('?')], C::Help, true),
    bind(&[k('q'), code(KC::Esc)], C::Back, false),
];

const HOME: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(
        &[code(KC::Tab), code(KC::Left), code(KC::Right)],
        C::SwitchFocus,
        false,
    ),
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('n')], C::NewSession, true),
    bind(&[k('d'), code(KC::Delete)], C::Delete, true),
    bind(&[k('c')], C::Compare, true),
    bind(&[k('h')], C::History, false),
    bind(&[k('t')], C::Ledger, true),
    bind(&[k('e')], C::Export, true),
    bind(&[k('R')], C::Reload, false),
    bind(&[k('i')], C::ImportTable, true),
    bind(&[k('?')], C::Help, true),
    bind(&[k('q')], C::Quit, true),
];

const IMPORT_REPORT: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[code(KC::Esc), k('q'), code(KC::Enter)], C::Back, true),
];

const EDITOR: &[Binding] = &[bind(&[code(KC::Esc)], C::FinishEditing, true)];

const SEARCH: &[Binding] = &[
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Down), code(KC::Tab)], C::NextMatch, true),
    bind(&[code(KC::Up), code(KC::BackTab)], C::PrevMatch, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const DEDUCTIONS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind(&[k(' '), code(KC::Enter)], C::Toggle, true),
    bind(&[code(KC::Delete), code(KC::Backspace)], C::Delete, true),
    bind(&[code(KC::Esc), k('q'), k('x')], C::Back, true),
];

const FORM: &[Binding] = &[
    bind(&[code(KC::Tab), code(KC::Down)], C::NextField, true),
    bind(&[code(KC::BackTab), code(KC::Up)], C::PrevField, true),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[ctrl('d')], C::MarkDone, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const EVIDENCE: &[Binding] = &[
    bind(&[code(KC::Up)], C::Up, false),
    bind(&[code(KC::Down)], C::Down, false),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Delete)], C::Delete, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const NEW_SESSION: &[Binding] = &[
    bind(&[code(KC::Tab)], C::NextField, true),
    bind(&[code(KC::BackTab)], C::PrevField, true),
    bind(&[code(KC::Up)], C::Up, true),
    bind(&[code(KC::Down)], C::Down, true),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const CONFIRM: &[Binding] = &[
    bind(&[k('y'), code(KC::Enter)], C::Yes, true),
    bind(&[k('n'), code(KC::Esc), k('q')], C::No, true),
];

const HELP: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[code(KC::Esc), k('q'), k('?')], C::Back, true),
];

const COMPARE: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(&[k('f')], C::ChangedOnly, true),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const HISTORY: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const LEDGER: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    MOVE[4],
    MOVE[5],
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('d')], C::MarkDone, true),
    bind(&[k('a')], C::ToggleAll, true),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const EXPORT: &[Binding] = &[
    bind(&[code(KC::Tab)], C::NextField, true),
    bind(&[code(KC::BackTab)], C::PrevField, true),
    bind(&[code(KC::Up)], C::Up, true),
    bind(&[code(KC::Down)], C::Down, true),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const CONFLICTS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    bind(&[code(KC::Right), code(KC::Tab)], C::NextVersion, true),
    bind(&[code(KC::Left), code(KC::BackTab)], C::PrevVersion, false),
    bind(&[k('m')], C::KeepMine, true),
    bind(&[k('t')], C::KeepTheirs, true),
    bind(&[k('b')], C::KeepBoth, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const PROMPT: &[Binding] = &[
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Home => HOME,
        Mode::Walk => WALK,
        Mode::Editor => EDITOR,
        Mode::Search => SEARCH,
        Mode::Deductions => DEDUCTIONS,
        Mode::Rectify | Mode::FreeDeduction => FORM,
        Mode::Evidence => EVIDENCE,
        Mode::NewSession => NEW_SESSION,
        Mode::Confirm => CONFIRM,
        Mode::Help => HELP,
        Mode::Compare => COMPARE,
        Mode::History => HISTORY,
        Mode::Ledger => LEDGER,
        Mode::Export => EXPORT,
        Mode::Prompt => PROMPT,
        Mode::Conflicts => CONFLICTS,
        Mode::ImportReport => IMPORT_REPORT,
    }
}

/// Modes where ordinary characters are text, not commands.
pub fn takes_text(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Editor
            | Mode::Search
            | Mode::Rectify
            | Mode::FreeDeduction
            | Mode::Evidence
            | Mode::NewSession
            | Mode::Export
            | Mode::Prompt
    )
}

fn matches(key: &Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if key.ctrl != ctrl {
        return false;
    }
    match (key.code, event.code) {
        // Shift+letter arrives as the upper-case letter; ignore the SHIFT flag for chars.
        (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (KeyCode::Tab, KeyCode::Tab) => !event.modifiers.contains(KeyModifiers::SHIFT),
        (a, b) => a == b,
    }
}

/// The command a key press runs in `mode`, if any.
pub fn lookup(mode: Mode, event: &KeyEvent) -> Option<Command> {
    if event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let in_text = takes_text(mode);
    bindings(mode)
        .iter()
        .find(|binding| {
            binding.keys.iter().any(|key| {
                // In text modes a plain character is text even if some table lists it.
                !(in_text && !key.ctrl && matches!(key.code, KeyCode::Char(_)))
                    && matches(key, event)
            })
        })
        .map(|binding| binding.command)
}

/// "Enter", "Ctrl-r", "PgDn", "k" — ASCII labels only (no ambiguous-width arrows).
pub fn key_label(key: &Key, lang: Lang) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => match lang {
            Lang::Zh => "空格".to_string(),
            Lang::En => "Space".to_string(),
        },
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// "k/Up" for a binding.
pub fn binding_keys(binding: &Binding, lang: Lang) -> String {
    binding
        .keys
        .iter()
        .map(|key| key_label(key, lang))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_design_keys_run_their_commands_in_walk() {
        let walk = |c: char| lookup(Mode::Walk, &press(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(walk('1'), Some(C::SetStatus(Status::Pass)));
        assert_eq!(walk('0'), Some(C::SetStatus(Status::Pending)));
        assert_eq!(walk('N'), Some(C::PrevPending));
        assert_eq!(walk('u'), Some(C::Undo));
        let redo = lookup(
            Mode::Walk,
            &press(KeyCode::Char('r'), KeyModifiers::CONTROL),
        );
        assert_eq!(redo, Some(C::Redo));
        let shift_n = lookup(Mode::Walk, &press(KeyCode::Char('N'), KeyModifiers::SHIFT));
        assert_eq!(shift_n, Some(C::PrevPending));
    }

    #[test]
    fn text_modes_keep_characters_as_text() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Editor, &q), None);
        assert_eq!(lookup(Mode::Search, &q), None);
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            lookup(Mode::Editor, &enter),
            None,
            "Enter is a newline in the editor"
        );
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Editor, &esc), Some(C::FinishEditing));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [
            Mode::Home,
            Mode::Walk,
            Mode::Editor,
            Mode::Search,
            Mode::Deductions,
            Mode::Rectify,
            Mode::FreeDeduction,
            Mode::Evidence,
            Mode::NewSession,
            Mode::Confirm,
            Mode::Help,
            Mode::Compare,
            Mode::History,
            Mode::Ledger,
            Mode::Export,
            Mode::Prompt,
            Mode::Conflicts,
            Mode::ImportReport,
        ] {
            let mut seen = HashSet::new();
            for binding in bindings(mode) {
                for key in binding.keys {
                    assert!(
                        seen.insert((key.code, key.ctrl)),
                        "{mode:?} binds {key:?} twice"
                    );
                }
            }
        }
    }
}
