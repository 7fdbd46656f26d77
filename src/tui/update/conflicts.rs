//! Reviewing merge conflicts: for each item two copies disagreed on, keep the
//! version in effect, take another, or keep both notes. One undoable step each.

use super::super::action::Effect;
use super::super::app::{App, Change, ConflictsState, Overlay};
use super::super::keymap::Command;
use super::editor_name;
use super::walk::{editable, mark_dirty};
use crate::model::merge::{Resolution, resolve};

/// Codes of the items with open conflicts, in code order.
pub fn conflicted(app: &App) -> Vec<String> {
    app.walk
        .as_ref()
        .map(|walk| {
            walk.session()
                .conflicts
                .iter()
                .filter(|(_, versions)| !versions.is_empty())
                .map(|(code, _)| code.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// `m`: the review, or a word that there is nothing to review.
pub fn open(app: &mut App) {
    if conflicted(app).is_empty() {
        let text = app.lang.ui().no_conflicts.to_string();
        app.info(text);
    } else if editable(app) {
        app.overlay = Some(Overlay::Conflicts(ConflictsState::default()));
    }
}

pub fn command(app: &mut App, mut state: ConflictsState, command: Command) -> Vec<Effect> {
    let codes = conflicted(app);
    let Some(code) = codes.get(state.item).cloned() else {
        return Vec::new();
    };
    let versions = app
        .walk
        .as_ref()
        .and_then(|walk| walk.session().conflicts.get(&code))
        .map_or(0, Vec::len);
    let resolution = match command {
        Command::Up => {
            state.item = state.item.saturating_sub(1);
            state.version = 0;
            None
        }
        Command::Down => {
            state.item = (state.item + 1).min(codes.len().saturating_sub(1));
            state.version = 0;
            None
        }
        Command::NextVersion => {
            state.version = (state.version + 1) % versions.max(1);
            None
        }
        Command::PrevVersion => {
            state.version = (state.version + versions.max(1) - 1) % versions.max(1);
            None
        }
        Command::KeepMine => Some(Resolution::Mine),
        Command::KeepTheirs => Some(Resolution::Theirs(state.version)),
        Command::KeepBoth => Some(Resolution::BothNotes),
        Command::Back => return Vec::new(),
        _ => None,
    };
    if let Some(resolution) = resolution {
        settle(app, &code, resolution);
        // The notice naming the conflicted items is out of date now.
        app.message = None;
        state.version = 0;
        let left = conflicted(app).len();
        if left == 0 {
            return Vec::new();
        }
        state.item = state.item.min(left - 1);
    }
    app.overlay = Some(Overlay::Conflicts(state));
    Vec::new()
}

fn settle(app: &mut App, code: &str, resolution: Resolution) {
    let wall = app.wall;
    let now = app.now;
    let Some(by) = app.walk.as_ref().map(|walk| editor_name(app, walk)) else {
        return;
    };
    let Some(walk) = app.walk.as_mut() else {
        return;
    };
    let session = &mut walk.loaded.session;
    let before = session.responses.get(code).cloned();
    let conflicts_before = session.conflicts.get(code).cloned().unwrap_or_default();
    if let Err(error) = resolve(session, code, resolution, &by, wall) {
        app.error(error.to_string());
        return;
    }
    let after = session.responses.get(code).cloned();
    let conflicts_after = session.conflicts.get(code).cloned().unwrap_or_default();
    walk.undo.push(Change {
        code: code.to_string(),
        before,
        after,
        conflicts: Some((conflicts_before, conflicts_after)),
    });
    walk.redo.clear();
    mark_dirty(walk, now);
    if let Some(item) = walk.outline.item_index(code) {
        walk.select_item(item);
    }
}
