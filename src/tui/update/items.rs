//! Undo and redo, and opening the pop-ups that edit one item (note, deductions,
//! rectification, evidence).

use super::super::action::Effect;
use super::super::app::{App, DeductionsState, EditorState, EvidenceState, Overlay, RectifyState};
use super::super::input::LineInput;
use super::walk::{editable, keep_selection_visible, mark_dirty, selected_code};

pub(super) fn undo(app: &mut App, backwards: bool) -> Vec<Effect> {
    if !editable(app) {
        return Vec::new();
    }
    let now = app.now;
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    let popped = if backwards {
        walk.undo.pop()
    } else {
        walk.redo.pop()
    };
    let Some(change) = popped else {
        app.info(
            if backwards {
                t.nothing_to_undo
            } else {
                t.nothing_to_redo
            }
            .to_string(),
        );
        return Vec::new();
    };
    let restored = if backwards {
        change.before.clone()
    } else {
        change.after.clone()
    };
    if let Some((before, after)) = &change.conflicts {
        let versions = if backwards { before } else { after };
        if versions.is_empty() {
            walk.loaded.session.conflicts.remove(&change.code);
        } else {
            walk.loaded
                .session
                .conflicts
                .insert(change.code.clone(), versions.clone());
        }
    }
    match restored {
        Some(response) => {
            walk.loaded
                .session
                .responses
                .insert(change.code.clone(), response);
        }
        None => {
            walk.loaded.session.responses.remove(&change.code);
        }
    }
    if let Some(item) = walk.outline.item_index(&change.code) {
        walk.select_item(item);
    }
    let code = change.code.clone();
    if backwards {
        walk.redo.push(change);
    } else {
        walk.undo.push(change);
    }
    mark_dirty(walk, now);
    walk.rebuild_rows();
    let text = format!("{} {code}", if backwards { t.undone } else { t.redone });
    app.info(text);
    keep_selection_visible(app);
    Vec::new()
}

/// The selected item's code, when it may be edited (else a message says why).
fn editable_selection(app: &mut App) -> Option<(String, &super::super::app::WalkState)> {
    let code = selected_code(app)?;
    if !editable(app) {
        return None;
    }
    Some((code, app.walk.as_ref()?))
}

pub(super) fn open_editor(app: &mut App) -> Vec<Effect> {
    let Some((code, walk)) = editable_selection(app) else {
        return Vec::new();
    };
    let note = walk
        .session()
        .response(&code)
        .map(|r| r.note.clone())
        .unwrap_or_default();
    let mut editor = EditorState::new(&code, &note);
    editor.before = walk.session().response(&code).cloned();
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
    Vec::new()
}

pub(super) enum ItemOverlay {
    Deductions,
    Rectify,
    Evidence,
    /// The levels menu or the rate form, as the item is judged.
    Judge,
}

pub(super) fn open_item_overlay(app: &mut App, which: ItemOverlay) -> Vec<Effect> {
    let Some((code, walk)) = editable_selection(app) else {
        return Vec::new();
    };
    if let ItemOverlay::Judge = which {
        return super::forms::judge::open(app, code);
    }
    let response = walk.session().response(&code).cloned().unwrap_or_default();
    app.overlay = Some(match which {
        ItemOverlay::Deductions => {
            let free = response.free_deduction.clone();
            Overlay::Deductions(DeductionsState {
                code,
                cursor: 0,
                free_reason: LineInput::new(free.as_ref().map_or("", |f| f.reason.as_str())),
                free_points: LineInput::new(
                    &free
                        .as_ref()
                        .map(|f| crate::model::scoring::format_points(f.points))
                        .unwrap_or_default(),
                ),
                editing_free: None,
                error: None,
                typed: String::new(),
            })
        }
        ItemOverlay::Rectify => {
            let index = walk.outline.item_index(&code);
            let default_owner = index
                .and_then(|i| walk.outline.items[i].owners.first().cloned())
                .unwrap_or_default();
            let rectification = response.rectification.clone();
            Overlay::Rectify(RectifyState {
                owner: LineInput::new(
                    rectification
                        .as_ref()
                        .map_or(default_owner.as_str(), |r| r.owner.as_str()),
                ),
                due: LineInput::new(
                    &rectification
                        .as_ref()
                        .and_then(|r| r.due)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
                done_note: LineInput::new(
                    rectification
                        .as_ref()
                        .and_then(|r| r.done.as_ref())
                        .map_or("", |d| d.note.as_str()),
                ),
                done: rectification.as_ref().is_some_and(|r| r.done.is_some()),
                field: 0,
                error: None,
                code,
            })
        }
        ItemOverlay::Evidence => Overlay::Evidence(EvidenceState {
            code,
            input: LineInput::default(),
            selected: None,
        }),
        ItemOverlay::Judge => return Vec::new(),
    });
    Vec::new()
}
