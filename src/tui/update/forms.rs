//! Pop-ups that take text: the note editor, search, deductions, rectification,
//! evidence and the new-session form.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::super::action::Effect;
use super::super::app::{
    App, DeductionsState, FreeField, NewField, NewSessionState, Overlay, RectifyState,
};
use super::super::input::LineInput;
use super::super::keymap::Command;
use super::walk::{edit_item, keep_selection_visible, mark_dirty};
use super::{editor_name, home};
use crate::model::edit::check_free;
use crate::model::session::{FreeDeduction, Rectification, RectificationDone, Status};
use crate::model::text::normalize_name;
use crate::store::NewSession;

/// Longest note accepted from one paste; more is cut with a message.
pub const MAX_PASTE_CHARS: usize = 200_000;

pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    match app.overlay.take() {
        Some(Overlay::Editor(editor)) => {
            if command == Command::FinishEditing {
                finish_editor(app, editor)
            } else {
                app.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
        }
        Some(Overlay::Search(search)) => search_command(app, search, command),
        Some(Overlay::Deductions(state)) => deductions_command(app, state, command),
        Some(Overlay::Rectify(state)) => rectify_command(app, state, command),
        Some(Overlay::Evidence(state)) => evidence_command(app, state, command),
        Some(Overlay::NewSession(state)) => new_session_command(app, state, command),
        Some(Overlay::Export(state)) => super::export::command(app, state, command),
        Some(Overlay::DoneNote(state)) => match command {
            Command::Submit => super::rounds::submit_done_note(app, state),
            Command::Back => Vec::new(),
            _ => {
                app.overlay = Some(Overlay::DoneNote(state));
                Vec::new()
            }
        },
        other => {
            app.overlay = other;
            Vec::new()
        }
    }
}

pub fn text(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    match app.overlay.as_mut() {
        Some(Overlay::Editor(editor)) => {
            editor.textarea.input(*key);
            sync_note(app);
        }
        Some(Overlay::Search(search)) => {
            let changed = search.input.handle_key(key);
            if changed {
                refresh_search(app);
            }
        }
        Some(Overlay::Deductions(state)) => {
            match state.editing_free {
                Some(FreeField::Reason) => state.free_reason.handle_key(key),
                Some(FreeField::Points) => state.free_points.handle_key(key),
                None => false,
            };
        }
        Some(Overlay::Rectify(state)) => {
            match state.field {
                0 => state.owner.handle_key(key),
                1 => state.due.handle_key(key),
                _ => state.done_note.handle_key(key),
            };
        }
        Some(Overlay::Evidence(state)) => {
            state.input.handle_key(key);
        }
        Some(Overlay::NewSession(state)) => {
            let field = state.field;
            new_session_text(app, key, field);
        }
        Some(Overlay::Export(state)) if state.field == 2 => {
            state.path.handle_key(key);
        }
        Some(Overlay::DoneNote(state)) => {
            state.input.handle_key(key);
        }
        _ => {}
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.chars().count() > MAX_PASTE_CHARS {
        text = text.chars().take(MAX_PASTE_CHARS).collect();
        let message = app.lang.ui().paste_cut.to_string();
        app.error(message);
    }
    match app.overlay.as_mut() {
        Some(Overlay::Editor(editor)) => {
            editor.textarea.insert_str(&text);
            sync_note(app);
        }
        Some(Overlay::Search(search)) => {
            search.input.insert_str(&text);
            refresh_search(app);
        }
        Some(Overlay::Deductions(state)) => match state.editing_free {
            Some(FreeField::Reason) => state.free_reason.insert_str(&text),
            Some(FreeField::Points) => state.free_points.insert_str(&text),
            None => {}
        },
        Some(Overlay::Rectify(state)) => match state.field {
            0 => state.owner.insert_str(&text),
            1 => state.due.insert_str(&text),
            _ => state.done_note.insert_str(&text),
        },
        Some(Overlay::Evidence(state)) => state.input.insert_str(&text),
        Some(Overlay::NewSession(state)) => {
            if let Some(input) = new_session_input(state) {
                input.insert_str(&text);
            }
            state.suggestion = None;
        }
        Some(Overlay::Export(state)) if state.field == 2 => state.path.insert_str(&text),
        Some(Overlay::DoneNote(state)) => state.input.insert_str(&text),
        _ => {}
    }
    Vec::new()
}

/// Copies the editor's text into the session as the user types, so autosave
/// keeps the draft; the undo step is recorded when editing finishes.
fn sync_note(app: &mut App) {
    let Some(Overlay::Editor(editor)) = app.overlay.as_ref() else {
        return;
    };
    let code = editor.code.clone();
    let text = editor.text();
    let wall = app.wall;
    let now = app.now;
    let Some(walk) = app.walk.as_ref() else {
        return;
    };
    let by = editor_name(app, walk);
    let Some(walk) = app.walk.as_mut() else {
        return;
    };
    let mut response = walk.session().response(&code).cloned().unwrap_or_default();
    if response.note == text {
        return;
    }
    response.note = text;
    walk.loaded.session.set_response(&code, response, &by, wall);
    mark_dirty(walk, now);
}

fn finish_editor(app: &mut App, editor: Box<super::super::app::EditorState>) -> Vec<Effect> {
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    let after = walk.session().response(&editor.code).cloned();
    let unchanged = match (&editor.before, &after) {
        (Some(before), Some(after)) => before.same_content(after),
        (None, None) => true,
        _ => false,
    };
    if !unchanged {
        walk.undo.push(super::super::app::Change {
            code: editor.code.clone(),
            before: editor.before,
            after,
            conflicts: None,
        });
        walk.redo.clear();
        if walk.filter != super::super::app::Filter::All {
            walk.rebuild_rows();
        }
    }
    Vec::new()
}

fn refresh_search(app: &mut App) {
    let Some(Overlay::Search(search)) = app.overlay.as_mut() else {
        return;
    };
    let Some(walk) = app.walk.as_mut() else {
        return;
    };
    let query = search.input.text().trim().to_lowercase();
    search.matches = if query.is_empty() {
        Vec::new()
    } else {
        walk.outline
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| {
                let note = walk
                    .session()
                    .response(&item.code)
                    .map(|r| r.note.to_lowercase())
                    .unwrap_or_default();
                item.code.to_lowercase().contains(&query)
                    || item.title.to_lowercase().contains(&query)
                    || note.contains(&query)
            })
            .map(|(index, _)| index)
            .collect()
    };
    // An exact code match comes first, so typing "3.2" lands on 3.2, not 1.3.2.
    if let Some(exact) = search
        .matches
        .iter()
        .position(|&i| walk.outline.items[i].code.to_lowercase() == query)
    {
        search.matches[..=exact].rotate_right(1);
    }
    search.current = 0;
    if let Some(&item) = search.matches.first() {
        walk.select_item(item);
    }
    keep_selection_visible(app);
}

fn search_command(
    app: &mut App,
    mut search: super::super::app::SearchState,
    command: Command,
) -> Vec<Effect> {
    match command {
        Command::Submit => {
            if search.matches.is_empty() && !search.input.is_empty() {
                let text = app.lang.ui().no_match.to_string();
                app.info(text);
            }
            return Vec::new();
        }
        Command::Back => {
            if let Some(walk) = app.walk.as_mut() {
                walk.filter = search.origin_filter;
                walk.rebuild_rows();
                walk.cursor = search.origin.min(walk.rows.len().saturating_sub(1));
            }
            keep_selection_visible(app);
            return Vec::new();
        }
        Command::NextMatch | Command::PrevMatch if !search.matches.is_empty() => {
            let count = search.matches.len();
            search.current = if command == Command::NextMatch {
                (search.current + 1) % count
            } else {
                (search.current + count - 1) % count
            };
            if let Some(walk) = app.walk.as_mut() {
                walk.select_item(search.matches[search.current]);
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Search(search));
    keep_selection_visible(app);
    Vec::new()
}

fn deductions_command(app: &mut App, mut state: DeductionsState, command: Command) -> Vec<Effect> {
    let Some(walk) = app.walk.as_ref() else {
        return Vec::new();
    };
    let Some(index) = walk.outline.item_index(&state.code) else {
        return Vec::new();
    };
    let predefined = walk.outline.items[index].deductions.len();
    let code = state.code.clone();
    if state.editing_free.is_some() {
        return free_deduction_command(app, state, command);
    }
    let mut effects = Vec::new();
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(predefined),
        Command::Toggle if state.cursor < predefined => {
            let picked = state.cursor;
            effects = edit_item(app, &code, |_, response| {
                match response.deductions.iter().position(|&i| i == picked) {
                    Some(at) => {
                        response.deductions.remove(at);
                    }
                    None => {
                        response.deductions.push(picked);
                        response.deductions.sort_unstable();
                    }
                }
                promote_to_partial(response);
                Ok(())
            });
        }
        Command::Toggle => state.editing_free = Some(FreeField::Reason),
        Command::Delete if state.cursor == predefined => {
            effects = edit_item(app, &code, |_, response| {
                response.free_deduction = None;
                Ok(())
            });
            state.free_reason.clear();
            state.free_points.clear();
        }
        Command::Back => return Vec::new(),
        _ => {}
    }
    app.overlay = Some(Overlay::Deductions(state));
    effects
}

/// Picking a deduction means the item is 基本达标 unless it already failed.
fn promote_to_partial(response: &mut crate::model::session::Response) {
    if matches!(response.status, Status::Pending | Status::Pass) {
        response.status = Status::Partial;
    }
}

fn free_deduction_command(
    app: &mut App,
    mut state: DeductionsState,
    command: Command,
) -> Vec<Effect> {
    match command {
        Command::NextField | Command::PrevField => {
            state.editing_free = Some(match state.editing_free {
                Some(FreeField::Reason) => FreeField::Points,
                _ => FreeField::Reason,
            });
        }
        Command::Back => state.editing_free = None,
        Command::Submit => {
            let t = app.lang.ui();
            let points = state.free_points.text().trim().replace(',', ".");
            let free = match points.parse::<f64>() {
                Ok(points) => check_free(&FreeDeduction {
                    reason: state.free_reason.text(),
                    points,
                })
                .map_err(|e| e.to_string()),
                Err(_) => Err(t.points_expected.to_string()),
            };
            match free {
                Ok(free) => {
                    let code = state.code.clone();
                    state.editing_free = None;
                    state.error = None;
                    app.overlay = Some(Overlay::Deductions(state));
                    let effects = edit_item(app, &code, move |_, response| {
                        response.free_deduction = Some(free);
                        promote_to_partial(response);
                        Ok(())
                    });
                    return effects;
                }
                Err(message) => state.error = Some(message),
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Deductions(state));
    Vec::new()
}

fn rectify_command(app: &mut App, mut state: RectifyState, command: Command) -> Vec<Effect> {
    match command {
        Command::NextField => state.field = (state.field + 1) % 3,
        Command::PrevField => state.field = (state.field + 2) % 3,
        Command::MarkDone => state.done = !state.done,
        Command::Back => return Vec::new(),
        Command::Submit => return submit_rectification(app, state),
        _ => {}
    }
    app.overlay = Some(Overlay::Rectify(state));
    Vec::new()
}

fn submit_rectification(app: &mut App, mut state: RectifyState) -> Vec<Effect> {
    let t = app.lang.ui();
    let owner = normalize_name(&state.owner.text());
    let due_text = state.due.text();
    let due = match due_text.trim() {
        "" => None,
        text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                state.error = Some(t.date_expected.to_string());
                state.field = 1;
                app.overlay = Some(Overlay::Rectify(state));
                return Vec::new();
            }
        },
    };
    if owner.is_empty() && (due.is_some() || state.done) {
        state.error = Some(t.owner_expected.to_string());
        state.field = 0;
        app.overlay = Some(Overlay::Rectify(state));
        return Vec::new();
    }
    let wall = app.wall;
    let by = app
        .walk
        .as_ref()
        .map(|walk| editor_name(app, walk))
        .unwrap_or_default();
    let done_note = state.done_note.text();
    let done = state.done;
    edit_item(app, &state.code, move |_, response| {
        if owner.is_empty() {
            response.rectification = None;
            return Ok(());
        }
        let previous_done = response.rectification.as_ref().and_then(|r| r.done.clone());
        response.rectification = Some(Rectification {
            owner,
            due,
            done: done.then(|| match previous_done {
                Some(mut kept) => {
                    kept.note = done_note.clone();
                    kept
                }
                None => RectificationDone {
                    at: wall,
                    by,
                    note: done_note.clone(),
                },
            }),
        });
        Ok(())
    })
}

fn evidence_command(
    app: &mut App,
    mut state: super::super::app::EvidenceState,
    command: Command,
) -> Vec<Effect> {
    let count = app
        .walk
        .as_ref()
        .and_then(|walk| walk.session().response(&state.code))
        .map_or(0, |r| r.evidence.len());
    let mut effects = Vec::new();
    match command {
        Command::Up if count > 0 => {
            state.selected = Some(state.selected.map_or(count - 1, |s| s.saturating_sub(1)));
        }
        Command::Down => {
            state.selected = match state.selected {
                Some(s) if s + 1 < count => Some(s + 1),
                _ => None,
            };
        }
        Command::Submit => {
            let reference = state.input.text().trim().to_string();
            if reference.is_empty() {
                return Vec::new();
            }
            state.input.clear();
            let code = state.code.clone();
            app.overlay = Some(Overlay::Evidence(state));
            return edit_item(app, &code, move |_, response| {
                if !response.evidence.contains(&reference) {
                    response.evidence.push(reference);
                }
                Ok(())
            });
        }
        Command::Delete => {
            if let Some(selected) = state.selected {
                let code = state.code.clone();
                effects = edit_item(app, &code, move |_, response| {
                    if selected < response.evidence.len() {
                        response.evidence.remove(selected);
                    }
                    Ok(())
                });
                state.selected = None;
            }
        }
        Command::Back => return Vec::new(),
        _ => {}
    }
    app.overlay = Some(Overlay::Evidence(state));
    effects
}

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

fn new_session_input(state: &mut NewSessionState) -> Option<&mut LineInput> {
    match state.field {
        NewField::Department => Some(&mut state.department),
        NewField::Round => Some(&mut state.round),
        NewField::Date => Some(&mut state.date),
        NewField::Inspector => Some(&mut state.inspector),
        NewField::Checklist | NewField::Recheck => None,
    }
}

fn new_session_text(app: &mut App, key: &KeyEvent, field: NewField) {
    let Some(Overlay::NewSession(state)) = app.overlay.as_mut() else {
        return;
    };
    if field == NewField::Recheck && key.code == crossterm::event::KeyCode::Char(' ') {
        state.recheck = !state.recheck;
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

fn new_session_command(app: &mut App, mut state: NewSessionState, command: Command) -> Vec<Effect> {
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
            },
            recheck: state.recheck,
        },
    ]
}
