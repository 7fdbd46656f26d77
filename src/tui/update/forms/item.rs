//! Deductions and evidence pop-ups (the rectification form: `rectify.rs`).

use crate::model::edit::check_free;
use crate::model::session::{FreeDeduction, Status};
use crate::tui::action::Effect;
use crate::tui::app::{App, DeductionsState, FreeField, Overlay};
use crate::tui::keymap::Command;
use crate::tui::update::walk::edit_item;

pub(super) fn deductions_command(
    app: &mut App,
    mut state: DeductionsState,
    command: Command,
) -> Vec<Effect> {
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

pub(super) fn evidence_command(
    app: &mut App,
    mut state: crate::tui::app::EvidenceState,
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
