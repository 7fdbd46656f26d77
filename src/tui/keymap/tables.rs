//! The key table itself: which keys run which command, per mode.

use crossterm::event::KeyCode;

use super::{Binding, Command, Key, Mode};
use crate::model::session::Status;

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

const fn bind(keys: &'static [Key], command: Command, hint: bool) -> Binding {
    Binding {
        keys,
        command,
        hint,
        keep: false,
    }
}

/// A hint the bar keeps however narrow it is (see [`Binding::keep`]).
const fn kept(keys: &'static [Key], command: Command) -> Binding {
    Binding {
        keep: true,
        ..bind(keys, command, true)
    }
}

use Command as C;
use KeyCode as KC;

/// A mode's table: the rows of [`MOVE`] it takes (by index), then its own.
macro_rules! table {
    (moves [$($i:literal)*]; $($binding:expr),* $(,)?) => {
        &[$(MOVE[$i],)* $($binding),*]
    };
}

const MOVE: [Binding; 6] = [
    bind(&[code(KC::Up), k('k')], C::Up, false),
    bind(&[code(KC::Down), k('j')], C::Down, false),
    bind(&[code(KC::PageUp)], C::PageUp, false),
    bind(&[code(KC::PageDown)], C::PageDown, false),
    bind(&[k('g'), code(KC::Home)], C::Top, false),
    bind(&[k('G'), code(KC::End)], C::Bottom, false),
];

const WALK: &[Binding] = table![
    moves [0 1 2 3 4 5];
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
    bind(&[k('l')], C::Judge, true),
    bind(&[k('r')], C::Rectify, true),
    bind(&[k('a')], C::AddEvidence, false),
    bind(&[k('n')], C::NextPending, true),
    bind(&[k('N')], C::PrevPending, false),
    kept(&[k('/')], C::Search),
    bind(&[k('f')], C::CycleFilter, false),
    bind(&[k('u')], C::Undo, false),
    bind(&[ctrl('r')], C::Redo, false),
    bind(&[k('c')], C::Compare, false),
    bind(&[k('h')], C::History, false),
    bind(&[k('t')], C::Ledger, false),
    bind(&[k('e')], C::Export, false),
    bind(&[k('F')], C::Finish, false),
    bind(&[k('m')], C::ReviewConflicts, false),
    kept(&[k('?')], C::Help),
    bind(&[k('q'), code(KC::Esc)], C::Back, false),
];

const HOME: &[Binding] = table![
    moves [0 1 2 3 4 5];
    bind(
        &[code(KC::Tab), code(KC::Left), code(KC::Right)],
        C::SwitchFocus,
        false,
    ),
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('n')], C::NewSession, true),
    bind(&[k('d'), code(KC::Delete)], C::Delete, true),
    bind(&[k('c')], C::Compare, true),
    bind(&[k('h')], C::History, true),
    bind(&[k('t')], C::Ledger, true),
    bind(&[k('z')], C::Duties, false),
    bind(&[k('e')], C::Export, true),
    bind(&[k('b')], C::Ranking, false),
    bind(&[k('R')], C::Reload, false),
    bind(&[k('i')], C::ImportTable, true),
    bind(&[k('D')], C::Deadlines, true),
    bind(&[k('A')], C::Activities, false),
    bind(&[k('U')], C::CreateProfile, false),
    kept(&[k('?')], C::Help),
    kept(&[k('q')], C::Quit),
];

const DEADLINES: &[Binding] = table![
    moves [0 1 2 3];
    bind(&[k('a'), code(KC::Enter)], C::Activities, true),
    bind(&[k('t')], C::Ledger, true),
    bind(&[k('R')], C::Reload, false),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const ACTIVITIES: &[Binding] = table![
    moves [0 1 2 3 4 5];
    bind(&[k('n')], C::AddActivity, true),
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('e')], C::HandInElectronic, true),
    bind(&[k('p')], C::HandInPaper, true),
    bind(&[k('a')], C::AddEvidence, true),
    bind(&[k('D')], C::Deadlines, false),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const ACTIVITY_FORM: &[Binding] = &[
    bind(&[code(KC::Tab), code(KC::Down)], C::NextField, true),
    bind(&[code(KC::BackTab), code(KC::Up)], C::PrevField, false),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

/// The note editor: everything else is text for the editor.
const EDITOR: &[Binding] = &[
    bind(&[code(KC::Esc)], C::FinishEditing, true),
    bind(&[code(KC::Enter)], C::Newline, true),
    bind(&[ctrl('u')], C::Undo, true),
    bind(&[ctrl('r')], C::Redo, false),
];

/// Keys that work in every mode, before the mode's own table.
pub(super) const GLOBAL: &[Binding] = &[bind(&[ctrl('c')], C::SaveAndQuit, false)];

const SEARCH: &[Binding] = &[
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Down), code(KC::Tab)], C::NextMatch, true),
    bind(&[code(KC::Up), code(KC::BackTab)], C::PrevMatch, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

/// Digits 0-9; the command gets the digit pressed (`Command::with_digit`).
const DIGITS: &[Key] = &[
    k('0'),
    k('1'),
    k('2'),
    k('3'),
    k('4'),
    k('5'),
    k('6'),
    k('7'),
    k('8'),
    k('9'),
];

const DEDUCTIONS: &[Binding] = table![
    moves [0 1];
    bind(&[k(' '), code(KC::Enter)], C::Toggle, true),
    bind(&[k('+'), k('=')], C::More, true),
    bind(&[k('-')], C::Less, true),
    bind(DIGITS, C::Count(0), false),
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

/// A form without a done mark: the free deduction's reason and points, a new problem.
const PLAIN_FORM: &[Binding] = &[
    bind(&[code(KC::Tab), code(KC::Down)], C::NextField, true),
    bind(&[code(KC::BackTab), code(KC::Up)], C::PrevField, true),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const EVIDENCE: &[Binding] = &[
    bind(&[code(KC::Up)], C::Up, false),
    bind(&[code(KC::Down)], C::Down, false),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Delete)], C::Delete, true),
    bind(&[ctrl('o')], C::OpenAttachment, true),
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

/// Replacing a file or finishing with items pending: Enter, pressed out of habit,
/// must not say yes.
const CONFIRM_REPLACE: &[Binding] = &[
    bind(&[k('y')], C::Yes, true),
    bind(
        &[k('n'), code(KC::Esc), k('q'), code(KC::Enter)],
        C::No,
        true,
    ),
];

/// A picker in a form: Left/Right/Space change it, Up/Down too.
const CHOICE: &[Binding] = &[
    bind(&[code(KC::Left), code(KC::Up)], C::PrevChoice, true),
    bind(
        &[code(KC::Right), k(' '), code(KC::Down)],
        C::NextChoice,
        true,
    ),
    bind(&[code(KC::Tab)], C::NextField, true),
    bind(&[code(KC::BackTab)], C::PrevField, false),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const HELP: &[Binding] = table![
    moves [0 1 2 3];
    bind(&[code(KC::Esc), k('q'), k('?')], C::Back, true),
];

const COMPARE: &[Binding] = table![
    moves [0 1 2 3 4 5];
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('f')], C::ChangedOnly, true),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const HISTORY: &[Binding] = table![
    moves [0 1 4 5];
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('c')], C::Compare, true),
    bind(&[code(KC::PageDown), k(' ')], C::PageDown, true),
    bind(&[code(KC::PageUp)], C::PageUp, false),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const LEDGER: &[Binding] = table![
    moves [0 1 2 3 4 5];
    bind(&[code(KC::Enter)], C::Open, true),
    bind(&[k('d')], C::MarkDone, true),
    bind(&[k('p')], C::RecheckPass, true),
    bind(&[k('b')], C::RecheckFail, true),
    bind(&[k('n')], C::AddProblem, true),
    bind(&[k('f')], C::CycleDepartment, true),
    bind(&[k('o')], C::OverdueOnly, true),
    bind(&[k('a')], C::ToggleAll, false),
    bind(&[k('D')], C::Duties, false),
    bind(&[k('?')], C::Help, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const DUTIES: &[Binding] = table![
    moves [0 1 2 3 4 5];
    bind(&[code(KC::Left), k('[')], C::PrevRound, true),
    bind(&[code(KC::Right), k(']')], C::NextRound, true),
    bind(&[k('t')], C::Ledger, true),
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

const CONFLICTS: &[Binding] = table![
    moves [0 1];
    bind(&[code(KC::Right), code(KC::Tab)], C::NextVersion, true),
    bind(&[code(KC::Left), code(KC::BackTab)], C::PrevVersion, false),
    bind(&[k('m')], C::KeepMine, true),
    bind(&[k('t')], C::KeepTheirs, true),
    bind(&[k('b')], C::KeepBoth, true),
    bind(&[code(KC::Esc), k('q')], C::Back, true),
];

const LEVELS: &[Binding] = table![
    moves [0 1];
    bind(&[code(KC::Enter), k(' ')], C::Submit, true),
    bind(DIGITS, C::PickLevel(0), false),
    bind(&[code(KC::Esc), k('q'), k('l')], C::Back, true),
];

const RATE: &[Binding] = &[
    bind(&[code(KC::Tab), code(KC::Down)], C::NextField, true),
    bind(&[code(KC::BackTab), code(KC::Up)], C::PrevField, true),
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const PROMPT: &[Binding] = &[
    bind(&[code(KC::Enter)], C::Submit, true),
    bind(&[code(KC::Esc)], C::Back, true),
];

const IMPORT_REPORT: &[Binding] = table![
    moves [0 1 2 3];
    bind(&[code(KC::Esc), k('q'), code(KC::Enter)], C::Back, true),
];

const NOTICE: &[Binding] = &[bind(
    &[code(KC::Enter), code(KC::Esc), k('q')],
    C::Back,
    true,
)];

pub(super) fn for_mode(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Home => HOME,
        Mode::Walk => WALK,
        Mode::Editor => EDITOR,
        Mode::Search => SEARCH,
        Mode::Deductions => DEDUCTIONS,
        Mode::Rectify => FORM,
        Mode::FreeDeduction => PLAIN_FORM,
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
        Mode::Duties => DUTIES,
        Mode::Problem => PLAIN_FORM,
        Mode::ImportReport => IMPORT_REPORT,
        Mode::Levels => LEVELS,
        Mode::Rate => RATE,
        Mode::Deadlines => DEADLINES,
        Mode::Activities => ACTIVITIES,
        Mode::ActivityForm => ACTIVITY_FORM,
        Mode::Notice => NOTICE,
        Mode::Choice => CHOICE,
        Mode::ConfirmReplace => CONFIRM_REPLACE,
    }
}
