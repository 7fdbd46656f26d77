//! The one key table: per mode, which keys run which command. Dispatch, the hint
//! bar and the help screen are all generated from it, so they never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod tables;

pub use crate::command::Command;
use crate::i18n::Lang;

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
    Duties,
    /// The new-problem form on the ledger.
    Problem,
    /// The report of a table import.
    ImportReport,
    Levels,
    Rate,
    Deadlines,
    Activities,
    ActivityForm,
    /// A notice pop-up: read, then close.
    Notice,
    /// A form field that picks one of a few values (checklist, scope, format).
    Choice,
    /// Whether to replace an existing file, or to finish with items pending: only
    /// `y` says yes (Enter says no).
    ConfirmReplace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    /// Shown in the hint bar (the rest only in help).
    pub hint: bool,
    /// Kept in the hint bar when it is too narrow for every hint: the others give
    /// way first (how to search and how to get help must never scroll out of sight).
    pub keep: bool,
}

impl Mode {
    pub const ALL: [Mode; 28] = [
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
        Mode::Duties,
        Mode::Problem,
        Mode::ImportReport,
        Mode::Levels,
        Mode::Rate,
        Mode::Deadlines,
        Mode::Activities,
        Mode::ActivityForm,
        Mode::Notice,
        Mode::Choice,
        Mode::ConfirmReplace,
    ];
}

/// Bindings that work in every mode (listed last in every help screen).
pub fn global_bindings() -> &'static [Binding] {
    tables::GLOBAL
}

/// The command of a key that works in every mode, if it is one.
pub fn global(event: &KeyEvent) -> Option<Command> {
    tables::GLOBAL
        .iter()
        .find(|binding| binding.keys.iter().any(|key| matches(key, event)))
        .map(|binding| binding.command)
}

pub fn bindings(mode: Mode) -> &'static [Binding] {
    tables::for_mode(mode)
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
            | Mode::Rate
            | Mode::Problem
            | Mode::ActivityForm
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
        .map(|binding| match event.code {
            KeyCode::Char(c) => c
                .to_digit(10)
                .map_or(binding.command, |d| binding.command.with_digit(d as u8)),
            _ => binding.command,
        })
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

/// The label of the first key bound to `command` in `mode`; empty when unbound
/// (a test checks that every key prose names is bound).
pub fn first_key(mode: Mode, command: Command, lang: Lang) -> String {
    bindings(mode)
        .iter()
        .find(|binding| binding.command == command)
        .and_then(|binding| binding.keys.first())
        .map(|key| key_label(key, lang))
        .unwrap_or_default()
}

/// The keys that UI prose names ("按 n 新建检查记录"), taken from the table, so the
/// text names whatever is bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseKeys {
    pub new_session: String,
    pub edit_note: String,
    pub add_evidence: String,
    pub mark_done: String,
    pub finish: String,
    pub filter: String,
    pub review_conflicts: String,
    pub judge: String,
    pub create_profile: String,
    pub reload: String,
    /// An activity's material, on the activity screen.
    pub activity_files: String,
}

impl ProseKeys {
    pub fn new(lang: Lang) -> ProseKeys {
        ProseKeys {
            new_session: first_key(Mode::Home, Command::NewSession, lang),
            edit_note: first_key(Mode::Walk, Command::EditNote, lang),
            add_evidence: first_key(Mode::Evidence, Command::Submit, lang),
            mark_done: first_key(Mode::Rectify, Command::MarkDone, lang),
            finish: first_key(Mode::Walk, Command::Finish, lang),
            filter: first_key(Mode::Walk, Command::CycleFilter, lang),
            review_conflicts: first_key(Mode::Walk, Command::ReviewConflicts, lang),
            judge: first_key(Mode::Walk, Command::Judge, lang),
            create_profile: first_key(Mode::Home, Command::CreateProfile, lang),
            reload: first_key(Mode::Home, Command::Reload, lang),
            activity_files: first_key(Mode::Activities, Command::AddEvidence, lang),
        }
    }

    #[cfg(test)]
    fn all(&self) -> [&str; 11] {
        [
            &self.new_session,
            &self.edit_note,
            &self.add_evidence,
            &self.mark_done,
            &self.finish,
            &self.filter,
            &self.review_conflicts,
            &self.judge,
            &self.create_profile,
            &self.reload,
            &self.activity_files,
        ]
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
#[path = "keymap_tests.rs"]
mod tests;
