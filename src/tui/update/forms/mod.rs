//! Pop-ups that take text: the note editor, search, deductions, rectification,
//! evidence and the new-session form.

mod editor;
mod item;
pub mod judge;
mod new_session;
mod rectify;

pub use new_session::{department_suggestions, new_session_form};

use crossterm::event::KeyEvent;
use editor::{finish_editor, refresh_search, search_command, sync_note};
use item::{deductions_command, evidence_command};
use new_session::{new_session_command, new_session_input, new_session_text};
use rectify::rectify_command;

use crate::tui::action::Effect;
use crate::tui::app::{App, FreeField, Overlay};
use crate::tui::keymap::Command;

/// Longest note accepted from one paste; more is cut with a message.
pub const MAX_PASTE_CHARS: usize = 200_000;

pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    match app.overlay.take() {
        Some(Overlay::Editor(mut editor)) => {
            match command {
                Command::FinishEditing => return finish_editor(app, editor),
                Command::Newline => editor.textarea.insert_newline(),
                Command::Undo => {
                    editor.textarea.undo();
                }
                Command::Redo => {
                    editor.textarea.redo();
                }
                _ => {}
            }
            app.overlay = Some(Overlay::Editor(editor));
            sync_note(app);
            Vec::new()
        }
        Some(Overlay::Search(search)) => search_command(app, search, command),
        Some(Overlay::Deductions(state)) => deductions_command(app, state, command),
        Some(Overlay::Rectify(state)) => rectify_command(app, state, command),
        Some(Overlay::Evidence(state)) => evidence_command(app, state, command),
        Some(Overlay::ActivityFiles(state)) => {
            crate::tui::update::activity_files::command(app, state, command)
        }
        Some(Overlay::NewSession(state)) => new_session_command(app, state, command),
        Some(Overlay::Export(state)) => crate::tui::update::export::command(app, state, command),
        Some(Overlay::FollowUp(prompt)) => {
            crate::tui::update::ledger::prompt_command(app, prompt, command)
        }
        Some(Overlay::Problem(form)) => {
            crate::tui::update::problem::problem_command(app, form, command)
        }
        Some(Overlay::ImportTable(state)) => {
            crate::tui::update::table_import::command(app, state, command)
        }
        Some(Overlay::Levels(state)) => judge::levels_command(app, state, command),
        Some(Overlay::Rate(state)) => judge::rate_command(app, state, command),
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
            state.input_mut().handle_key(key);
        }
        Some(Overlay::Evidence(state)) => {
            state.input.handle_key(key);
        }
        Some(Overlay::ActivityFiles(state)) => {
            state.input.handle_key(key);
        }
        Some(Overlay::NewSession(state)) => {
            let field = state.field;
            new_session_text(app, key, field);
        }
        Some(Overlay::Export(state)) if state.field == 2 => {
            state.path.handle_key(key);
        }
        Some(Overlay::FollowUp(prompt)) if !prompt.pending => {
            prompt.input.handle_key(key);
        }
        Some(Overlay::Problem(form)) if !form.pending => {
            form.input_mut().handle_key(key);
        }
        Some(Overlay::ImportTable(state)) => crate::tui::update::table_import::text(state, key),
        Some(Overlay::Rate(state)) => judge::rate_text(state, key),
        Some(Overlay::ActivityForm(form)) => crate::tui::update::deadlines::form_text(form, key),
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
        Some(Overlay::Rectify(state)) => state.input_mut().insert_str(&text),
        Some(Overlay::Evidence(state)) => state.input.insert_str(&text),
        Some(Overlay::ActivityFiles(state)) => state.input.insert_str(&text),
        Some(Overlay::NewSession(state)) => {
            if let Some(input) = new_session_input(state) {
                input.insert_str(&text);
            }
            state.suggestion = None;
        }
        Some(Overlay::Export(state)) if state.field == 2 => state.path.insert_str(&text),
        Some(Overlay::FollowUp(prompt)) if !prompt.pending => prompt.input.insert_str(&text),
        Some(Overlay::Problem(form)) if !form.pending => form.input_mut().insert_str(&text),
        Some(Overlay::ImportTable(state)) => crate::tui::update::table_import::paste(state, &text),
        Some(Overlay::Rate(state)) => judge::rate_input(state).insert_str(&text),
        Some(Overlay::ActivityForm(form)) => crate::tui::update::deadlines::form_paste(form, &text),
        _ => {}
    }
    Vec::new()
}
