//! The rectification ledger (整改台账): filters, opening an item, 整改落实 and 复查
//! from a prompt that keeps what was typed until it is recorded, and problems from
//! outside (docs/design.md §7 screen 6, §10).

use super::super::action::Effect;
use super::super::app::{
    App, FollowUpKind, FollowUpPrompt, LedgerState, Overlay, ProblemForm, Screen,
};
use super::super::input::LineInput;
use super::super::keymap::Command;
use super::rounds::{back_screen, go_back, moved, open_item};

/// Lines under the ledger's list for the selected entry (as the view draws them).
pub const LEDGER_DETAIL_ROWS: u16 = 4;
use super::{editor_name, ensure_visible, walk};
use crate::i18n::errors::edit_error;
use crate::model::followup::{Target, record_recheck, report_done};
use crate::model::ledger::{LedgerEntry, Origin, is_overdue};
use crate::model::session::{Recheck, RecheckResult, Rectification, RectificationDone};
use crate::ops::rectify::FollowUp;

pub fn open_ledger(app: &mut App) -> Vec<Effect> {
    let all = app.ledger.as_ref().is_some_and(|ledger| ledger.all);
    vec![Effect::LoadLedger { all }]
}

/// New entries keep the filters, the selection and where "back" goes.
pub fn ledger_loaded(app: &mut App, entries: Vec<LedgerEntry>) -> Vec<Effect> {
    let back = back_screen(app);
    let mut state = match app.ledger.take() {
        Some(mut kept) => {
            if app.screen != Screen::Ledger {
                kept.back = back;
            }
            kept.entries = entries;
            kept
        }
        None => LedgerState::new(entries, false, back),
    };
    state.cursor = state.cursor.min(state.rows().len().saturating_sub(1));
    app.ledger = Some(state);
    app.screen = Screen::Ledger;
    keep_visible(app);
    Vec::new()
}

/// Rows of the ledger's list (the selected entry's details take the lines below).
fn ledger_height(app: &App) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let rows = super::super::layout::list_screen(area, 0).rows;
    let [list, _] = super::super::layout::list_and_detail(rows, LEDGER_DETAIL_ROWS);
    usize::from(list.height).max(1)
}

fn keep_visible(app: &mut App) {
    let height = ledger_height(app);
    if let Some(ledger) = app.ledger.as_mut() {
        ensure_visible(ledger.cursor, &mut ledger.scroll, height);
    }
}

pub fn ledger_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = ledger_height(app);
    let Some(ledger) = app.ledger.as_mut() else {
        return Vec::new();
    };
    let selected = ledger.selected().cloned();
    match command {
        Command::Back => {
            let mut back = ledger.back;
            if back == Screen::Walk && app.walk.is_none() {
                back = Screen::Home;
            }
            app.ledger = None;
            return go_back(app, back);
        }
        Command::ToggleAll => {
            ledger.all = !ledger.all;
            ledger.cursor = 0;
            ledger.scroll = 0;
            return vec![Effect::LoadLedger { all: ledger.all }];
        }
        Command::CycleDepartment => ledger.cycle_department(),
        Command::OverdueOnly => {
            ledger.overdue_only = !ledger.overdue_only;
            ledger.cursor = 0;
            ledger.scroll = 0;
        }
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Open => {
            if let Some(entry) = selected {
                return open_entry(app, &entry);
            }
        }
        Command::MarkDone => open_prompt(app, selected.as_ref(), FollowUpKind::Done),
        Command::RecheckPass => open_prompt(app, selected.as_ref(), FollowUpKind::Pass),
        Command::RecheckFail => open_prompt(app, selected.as_ref(), FollowUpKind::Fail),
        Command::AddProblem => {
            let mut form = ProblemForm::default();
            if let Some(department) = &ledger.department {
                form.inputs[0] = LineInput::new(department);
            }
            app.overlay = Some(Overlay::Problem(form));
        }
        Command::Duties => return vec![Effect::LoadDuties { round: None }],
        other => {
            let count = ledger.rows().len();
            moved(&mut ledger.cursor, count, page, other);
        }
    }
    keep_visible(app);
    Vec::new()
}

fn open_prompt(app: &mut App, entry: Option<&LedgerEntry>, kind: FollowUpKind) {
    let Some(entry) = entry else { return };
    if !entry.is_open() {
        let text = crate::i18n::followup::texts(app.lang).already_closed;
        app.info(text);
        return;
    }
    let label = match &entry.origin {
        Origin::Item(item) => format!("{} {}", item.code, entry.title),
        Origin::Problem { id, .. } => {
            format!("{} {}", crate::model::problem::label(*id), entry.title)
        }
    };
    app.overlay = Some(Overlay::FollowUp(FollowUpPrompt {
        target: entry.target(),
        label,
        kind,
        input: LineInput::default(),
        error: None,
        pending: false,
    }));
}

/// Enter on a ledger row: walk that session at that item; `q` there comes back.
fn open_entry(app: &mut App, entry: &LedgerEntry) -> Vec<Effect> {
    let (Some(session), Some(code)) = (entry.session_id(), entry.code()) else {
        let text = crate::i18n::followup::texts(app.lang).problem_has_no_item;
        app.info(text);
        return Vec::new();
    };
    // Set after leaving the walk open here, which would take it for itself.
    let effects = open_item(app, session, Some(code.to_string()));
    app.return_to_ledger = true;
    effects
}

/// Keys in the follow-up prompt. Enter records the note: in memory when the
/// session is the one being walked here (its file is ours to save, finished or
/// not), else on the worker; the prompt stays until it is recorded.
pub fn prompt_command(app: &mut App, mut prompt: FollowUpPrompt, command: Command) -> Vec<Effect> {
    match command {
        Command::Back if !prompt.pending => return Vec::new(),
        Command::Submit if !prompt.pending => return submit_prompt(app, prompt),
        _ => {}
    }
    prompt.error = prompt.error.filter(|_| command != Command::Submit);
    app.overlay = Some(Overlay::FollowUp(prompt));
    Vec::new()
}

fn follow_up_of(prompt: &FollowUpPrompt) -> FollowUp {
    let note = prompt.input.text().trim().to_string();
    match prompt.kind {
        FollowUpKind::Done => FollowUp::Done { note },
        FollowUpKind::Pass => FollowUp::Recheck {
            result: RecheckResult::Pass,
            note,
        },
        FollowUpKind::Fail => FollowUp::Recheck {
            result: RecheckResult::Fail,
            note,
        },
    }
}

fn submit_prompt(app: &mut App, mut prompt: FollowUpPrompt) -> Vec<Effect> {
    let follow_up = follow_up_of(&prompt);
    let walked_here = match &prompt.target {
        Target::Item { session, code } => app
            .walk
            .as_ref()
            .filter(|walk| walk.session().id == *session && walk.read_only.is_none())
            .map(|_| code.clone()),
        Target::Problem(_) => None,
    };
    if let Some(code) = walked_here {
        return match follow_up_here(app, &code, &follow_up) {
            Ok(()) => Vec::new(),
            Err(message) => {
                prompt.error = Some(message);
                app.overlay = Some(Overlay::FollowUp(prompt));
                Vec::new()
            }
        };
    }
    prompt.pending = true;
    prompt.error = None;
    let target = prompt.target.clone();
    app.overlay = Some(Overlay::FollowUp(prompt));
    vec![Effect::FollowUp {
        target,
        follow_up,
        by: app.settings.inspector.clone(),
    }]
}

/// Records `follow_up` on an item of the session walked here, as one undoable step;
/// the item keeps its status and who judged it. The ledger shows it at once.
fn follow_up_here(app: &mut App, code: &str, follow_up: &FollowUp) -> Result<(), String> {
    let lang = app.lang;
    let (wall, now) = (app.wall, app.now);
    let by = app
        .walk
        .as_ref()
        .map(|walk| editor_name(app, walk))
        .unwrap_or_default();
    let Some(walk) = app.walk.as_mut() else {
        return Ok(());
    };
    let session_id = walk.session().id;
    let before = walk.session().response(code).cloned();
    let mut response = before.clone().unwrap_or_default();
    apply(code, response.rectification.as_mut(), follow_up, &by, wall)
        .map_err(|error| edit_error(lang, &error))?;
    let session = &mut walk.loaded.session;
    session.responses.insert(code.to_string(), response.clone());
    session.updated = wall;
    walk.undo.push(crate::tui::app::Change {
        code: code.to_string(),
        before,
        after: Some(response),
        conflicts: None,
    });
    walk.redo.clear();
    walk::mark_dirty(walk, now);
    let today = app.today;
    if let Some(ledger) = app.ledger.as_mut() {
        for entry in &mut ledger.entries {
            if entry.session_id() == Some(session_id) && entry.code() == Some(code) {
                let _ = apply(code, Some(&mut entry.rectification), follow_up, &by, wall);
                entry.overdue = is_overdue(&entry.rectification, today);
            }
        }
        if !ledger.all {
            ledger.entries.retain(LedgerEntry::is_open);
        }
        ledger.cursor = ledger.cursor.min(ledger.rows().len().saturating_sub(1));
    }
    app.info(crate::i18n::followup::recorded(
        lang,
        code,
        recorded_state(app, code),
        &by,
        &wall.format("%Y-%m-%d %H:%M").to_string(),
    ));
    Ok(())
}

fn recorded_state(app: &App, code: &str) -> crate::model::session::FollowUpState {
    app.walk
        .as_ref()
        .and_then(|walk| walk.session().response(code))
        .and_then(|response| response.rectification.as_ref())
        .map_or(
            crate::model::session::FollowUpState::Open,
            Rectification::state,
        )
}

fn apply(
    code: &str,
    rectification: Option<&mut Rectification>,
    follow_up: &FollowUp,
    by: &str,
    at: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), crate::model::edit::EditError> {
    match follow_up {
        FollowUp::Done { note } => report_done(
            code,
            rectification,
            RectificationDone {
                at,
                by: by.to_string(),
                note: note.clone(),
            },
        ),
        FollowUp::Recheck { result, note } => record_recheck(
            code,
            rectification,
            Recheck {
                result: *result,
                by: by.to_string(),
                at,
                note: note.clone(),
                session: None,
                implied: false,
            },
        ),
    }
}

/// The worker recorded it: the prompt closes and the ledger is read again.
pub fn follow_up_recorded(app: &mut App, message: String) -> Vec<Effect> {
    if matches!(app.overlay, Some(Overlay::FollowUp(_))) {
        app.overlay = None;
    }
    app.info(message);
    reload(app)
}

/// The worker could not record it: the prompt keeps the note and says why.
pub fn follow_up_failed(app: &mut App, message: String) -> Vec<Effect> {
    match app.overlay.as_mut() {
        Some(Overlay::FollowUp(prompt)) => {
            prompt.pending = false;
            prompt.error = Some(message);
        }
        _ => app.error(message),
    }
    Vec::new()
}

pub(super) fn reload(app: &App) -> Vec<Effect> {
    match app.ledger.as_ref() {
        Some(ledger) if app.screen == Screen::Ledger => {
            vec![Effect::LoadLedger { all: ledger.all }]
        }
        _ => Vec::new(),
    }
}
