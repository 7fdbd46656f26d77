//! Deductions and evidence pop-ups (the rectification form: `rectify.rs`).

use crate::model::checklist::Item;
use crate::model::edit::check_free;
use crate::model::scoring::applied_deduction;
use crate::model::session::{FreeDeduction, Response, Status};
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
    if !matches!(command, Command::Count(_)) {
        state.typed.clear();
    }
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(predefined),
        Command::Count(digit) if state.cursor < predefined => {
            // Digits typed one after another make one number: 1 then 2 is 12.
            if state.typed.len() >= 3 {
                state.typed.clear();
            }
            state.typed.push(char::from(b'0' + digit.min(9)));
            let count = state.typed.parse().unwrap_or(0);
            effects = set_count(app, &code, state.cursor, |_| count);
        }
        Command::More if state.cursor < predefined => {
            effects = set_count(app, &code, state.cursor, |count| count.saturating_add(1));
        }
        Command::Less if state.cursor < predefined => {
            effects = set_count(app, &code, state.cursor, |count| count.saturating_sub(1));
        }
        Command::Toggle if state.cursor < predefined => {
            let picked = state.cursor;
            effects = edit_item(app, &code, |item, response| {
                let was_full = reached_points(item, response);
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
                back_to_partial(item, response, was_full);
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

/// Sets how many times the predefined deduction `index` applies, from its current
/// count (0 when not picked): 0 removes it; a once-only deduction takes no more than 1.
fn set_count(
    app: &mut App,
    code: &str,
    index: usize,
    count: impl FnOnce(u32) -> u32,
) -> Vec<Effect> {
    let lang = app.lang;
    edit_item(app, code, move |item, response| {
        let Some(deduction) = item.deductions.get(index) else {
            return Ok(());
        };
        let picked = response.deductions.contains(&index);
        let current = if picked { response.count(index) } else { 0 };
        let was_full = reached_points(item, response);
        let wanted = count(current).min(999);
        if wanted > 1 && !deduction.is_per_occurrence() {
            return Err((lang.scoring().once_only)(&deduction.reason));
        }
        response.deductions.retain(|&i| i != index);
        response.counts.remove(&index);
        if wanted > 0 {
            response.deductions.push(index);
            response.deductions.sort_unstable();
            if wanted > 1 {
                response.counts.insert(index, wanted);
            }
            promote_to_partial(response);
        }
        back_to_partial(item, response, was_full);
        Ok(())
    })
}

/// Whether the item is 未达标 because its deductions reached its points.
fn reached_points(item: &Item, response: &Response) -> bool {
    response.status == Status::Fail
        && response.level.is_none()
        && item.is_scored()
        && applied_deduction(item, response) >= item.points - 1e-9
}

/// An item made 未达标 by its deductions is 基本达标 again once they no longer reach
/// its points (and still has some); `settle_status` fails it again if they do.
fn back_to_partial(item: &Item, response: &mut Response, was_full: bool) {
    let has_any = !response.deductions.is_empty() || response.free_deduction.is_some();
    if was_full && response.status == Status::Fail && has_any && !item.penalty {
        response.status = Status::Partial;
    }
}

/// Picking a deduction means the item is 基本达标 unless it already failed; it is then
/// judged by its deductions, so a level or a rate it had gives way (docs/design.md §4).
fn promote_to_partial(response: &mut Response) {
    if response.level.is_some() || response.rate.is_some() {
        response.set_status(Status::Partial);
    } else if matches!(response.status, Status::Pending | Status::Pass) {
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
    let (labels, files) = app
        .walk
        .as_ref()
        .and_then(|walk| walk.session().response(&state.code))
        .map_or((Vec::new(), Vec::new()), |r| {
            (r.evidence.clone(), r.attachments.clone())
        });
    let count = labels.len() + files.len();
    // The list shows the labels, then the attached files.
    let file_at = |selected: Option<usize>| {
        selected
            .and_then(|s| s.checked_sub(labels.len()))
            .and_then(|index| files.get(index).map(|file| (index, file.clone())))
    };
    let mut effects = Vec::new();
    match command {
        Command::Up if count > 0 => {
            let was_file = file_at(state.selected).is_some();
            state.selected = Some(state.selected.map_or(count - 1, |s| s.saturating_sub(1)));
            let now = file_at(state.selected);
            caption_into_input(&mut state, was_file, now);
        }
        Command::Down => {
            let was_file = file_at(state.selected).is_some();
            state.selected = match state.selected {
                Some(s) if s + 1 < count => Some(s + 1),
                _ => None,
            };
            let now = file_at(state.selected);
            caption_into_input(&mut state, was_file, now);
        }
        Command::Submit => {
            let selected = file_at(state.selected);
            return submit_evidence(app, state, selected);
        }
        Command::OpenAttachment => {
            if let Some((_, file)) = file_at(state.selected) {
                effects.push(Effect::OpenAttachment(file));
            }
        }
        Command::Delete if file_at(state.selected).is_some() => {
            if let Some((index, file)) = file_at(state.selected) {
                app.overlay = Some(Overlay::Confirm(crate::tui::app::Confirm::Detach {
                    code: state.code.clone(),
                    index,
                    file: file.file,
                }));
                return Vec::new();
            }
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

/// Selecting an attached file puts its caption in the input, to edit and confirm;
/// leaving it takes the caption out again.
fn caption_into_input(
    state: &mut crate::tui::app::EvidenceState,
    was_file: bool,
    now: Option<(usize, crate::model::attachment::Attachment)>,
) {
    match now {
        Some((_, file)) => state.input.set(&file.caption),
        None if was_file => state.input.clear(),
        None => {}
    }
}

/// Enter in the evidence pop-up: pasted paths are attached (a job), text with a file
/// selected becomes its caption, other text a label.
fn submit_evidence(
    app: &mut App,
    mut state: crate::tui::app::EvidenceState,
    selected: Option<(usize, crate::model::attachment::Attachment)>,
) -> Vec<Effect> {
    let reference = state.input.text().trim().to_string();
    let selected_file = selected.map(|(index, _)| index);
    if reference.is_empty() && selected_file.is_none() {
        return Vec::new();
    }
    state.input.clear();
    let code = state.code.clone();
    app.overlay = Some(Overlay::Evidence(state));
    let paths = crate::model::pasted_paths::pasted_paths(&reference);
    if let (Some(index), None) = (selected_file, &paths) {
        // With a file selected, the typed text is its caption (empty clears it).
        return edit_item(app, &code, move |_, response| {
            crate::model::attachment::set_caption(&mut response.attachments, index, &reference);
            Ok(())
        });
    }
    if let Some(paths) = paths {
        if !super::super::walk::editable(app) {
            return Vec::new();
        }
        return vec![Effect::StoreAttachments { code, paths }];
    }
    edit_item(app, &code, move |_, response| {
        if !response.evidence.contains(&reference) {
            response.evidence.push(reference);
        }
        Ok(())
    })
}
