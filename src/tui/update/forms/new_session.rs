//! The new-session form.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use crate::model::checklist::Scope;
use crate::model::text::normalize_name;
use crate::store::NewSession;
use crate::tui::action::Effect;
use crate::tui::app::{App, NewField, NewSessionState, Overlay};
use crate::tui::input::LineInput;
use crate::tui::keymap::Command;
use crate::tui::update::home;

/// The form's defaults: the checklist and round used last (else those of the selection
/// on the home screen), today, the remembered inspector.
pub fn new_session_form(app: &App) -> NewSessionState {
    let selected = app.home.selected_session();
    let position = |id: &str| app.home.data.checklists.iter().position(|c| c.id == id);
    let checklist = position(&app.settings.last_checklist)
        .or_else(|| selected.and_then(|row| position(&row.checklist_id)))
        .or_else(|| position("wenming-danwei"))
        .unwrap_or(0);
    let round = if app.settings.last_round.is_empty() {
        app.home.selected_round().unwrap_or_default().to_string()
    } else {
        app.settings.last_round.clone()
    };
    NewSessionState {
        checklist,
        scope: Scope::Department,
        department: LineInput::default(),
        round: LineInput::new(&round),
        date: LineInput::new(&app.today.to_string()),
        inspector: LineInput::new(&app.settings.inspector),
        recheck: true,
        field: NewField::Department,
        suggestion: None,
        error: None,
    }
}

pub(super) fn new_session_input(state: &mut NewSessionState) -> Option<&mut LineInput> {
    match state.field {
        NewField::Department => Some(&mut state.department),
        NewField::Round => Some(&mut state.round),
        NewField::Date => Some(&mut state.date),
        NewField::Inspector => Some(&mut state.inspector),
        NewField::Checklist | NewField::Scope | NewField::Recheck => None,
    }
}

pub(super) fn new_session_text(app: &mut App, key: &KeyEvent, field: NewField) {
    let Some(Overlay::NewSession(state)) = app.overlay.as_mut() else {
        return;
    };
    if field == NewField::Recheck && key.code == crossterm::event::KeyCode::Char(' ') {
        state.recheck = !state.recheck;
        return;
    }
    if field == NewField::Scope && key.code == crossterm::event::KeyCode::Char(' ') {
        switch_scope(state);
        return;
    }
    if let Some(input) = new_session_input(state) {
        input.handle_key(key);
        state.suggestion = None;
    }
}

/// Known departments matching what has been typed.
pub fn department_suggestions(app: &App, typed: &str) -> Vec<String> {
    let typed = normalize_name(typed);
    app.home
        .known_departments()
        .into_iter()
        .filter(|name| typed.is_empty() || (name.contains(&typed) && *name != typed))
        .take(5)
        .collect()
}

pub(super) fn new_session_command(
    app: &mut App,
    mut state: NewSessionState,
    command: Command,
) -> Vec<Effect> {
    let fields = NewField::ORDER;
    let position = fields.iter().position(|f| *f == state.field).unwrap_or(0);
    let suggestions = department_suggestions(app, &state.department.text());
    match command {
        Command::NextField | Command::PrevField => {
            accept_suggestion(&mut state, &suggestions);
            let step = if command == Command::NextField {
                1
            } else {
                fields.len() - 1
            };
            state.field = fields[(position + step) % fields.len()];
        }
        Command::Up | Command::Down => {
            let down = command == Command::Down;
            match state.field {
                NewField::Checklist => {
                    let count = app.home.data.checklists.len().max(1);
                    state.checklist = if down {
                        (state.checklist + 1) % count
                    } else {
                        (state.checklist + count - 1) % count
                    };
                }
                NewField::Department if !suggestions.is_empty() => {
                    let count = suggestions.len();
                    state.suggestion = Some(match (state.suggestion, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(s), true) => (s + 1) % count,
                        (Some(s), false) => (s + count - 1) % count,
                    });
                }
                NewField::Recheck => state.recheck = !state.recheck,
                NewField::Scope => switch_scope(&mut state),
                _ => {
                    let step = if down { 1 } else { fields.len() - 1 };
                    state.field = fields[(position + step) % fields.len()];
                }
            }
        }
        Command::Back => return Vec::new(),
        Command::Submit => {
            accept_suggestion(&mut state, &suggestions);
            return submit_new_session(app, state);
        }
        _ => {}
    }
    app.overlay = Some(Overlay::NewSession(state));
    Vec::new()
}

/// A department session, or the unit's own (全单位检查); a unit session with no
/// department yet is for 全局.
fn switch_scope(state: &mut NewSessionState) {
    state.scope = match state.scope {
        Scope::Department => Scope::Unit,
        Scope::Unit => Scope::Department,
    };
    let department = state.department.text();
    if state.scope == Scope::Unit && department.trim().is_empty() {
        state.department.set(crate::model::demo::UNIT_DEPARTMENT);
    } else if state.scope == Scope::Department
        && department.trim() == crate::model::demo::UNIT_DEPARTMENT
    {
        state.department.set("");
    }
}

fn accept_suggestion(state: &mut NewSessionState, suggestions: &[String]) {
    if state.field == NewField::Department
        && let Some(chosen) = state.suggestion.and_then(|s| suggestions.get(s))
    {
        state.department.set(chosen);
    }
    state.suggestion = None;
}

fn submit_new_session(app: &mut App, mut state: NewSessionState) -> Vec<Effect> {
    let t = app.lang.ui();
    let department = normalize_name(&state.department.text());
    let round = normalize_name(&state.round.text());
    let inspector = normalize_name(&state.inspector.text());
    let date = NaiveDate::parse_from_str(state.date.text().trim(), "%Y-%m-%d");
    let checklist = app.home.data.checklists.get(state.checklist).cloned();
    let problem = if checklist.is_none() {
        Some((NewField::Checklist, t.no_checklists))
    } else if department.is_empty() {
        Some((NewField::Department, t.department_expected))
    } else if round.is_empty() {
        Some((NewField::Round, t.round_expected))
    } else if date.is_err() {
        Some((NewField::Date, t.date_expected))
    } else {
        None
    };
    if let Some((field, message)) = problem {
        state.field = field;
        state.error = Some(message.to_string());
        app.overlay = Some(Overlay::NewSession(state));
        return Vec::new();
    }
    let (Some(checklist), Ok(date)) = (checklist, date) else {
        return Vec::new();
    };
    app.settings.inspector = inspector.clone();
    app.settings.last_round = round.clone();
    app.settings.last_checklist = checklist.id.clone();
    home::remember_round(app, &round);
    vec![
        Effect::SaveSettings(app.settings.clone()),
        Effect::CreateSession {
            request: NewSession {
                checklist: checklist.id,
                department,
                round,
                date,
                inspector,
                scope: state.scope,
            },
            recheck: state.recheck,
        },
    ]
}
