//! The walk screen: moving through the tree, marking items, undo and redo.

use super::super::action::{Effect, OpenedSession};
use super::super::app::{App, Change, Filter, Overlay, Screen, SearchState, WalkState};
use super::super::input::LineInput;
use super::super::keymap::Command;
use super::super::outline::OutlineNode;
use super::items::{ItemOverlay, open_editor, open_item_overlay, undo};
use super::{editor_name, ensure_visible, leave_walk, tree_height};
use crate::model::checklist::Item;
use crate::model::edit::settle_status;
use crate::model::session::{Response, Status};

pub fn opened(app: &mut App, opened: OpenedSession) -> Vec<Effect> {
    let mut walk = WalkState::new(opened.loaded, opened.checklist);
    walk.prior = opened.prior;
    walk.read_only = opened.read_only.clone();
    if opened.recheck_first && !walk.prior.recheck.is_empty() {
        walk.filter = Filter::Recheck;
        walk.rebuild_rows();
        walk.cursor = first_item_row(&walk).unwrap_or(0);
    }
    if let Some(code) = &opened.select
        && let Some(item) = walk.outline.item_index(code)
    {
        walk.select_item(item);
    }
    app.walk = Some(walk);
    app.screen = Screen::Walk;
    app.overlay = None;
    let t = app.lang.ui();
    let conflicted: Vec<String> = app
        .walk
        .as_ref()
        .map(|walk| walk.session().conflicts.keys().cloned().collect())
        .unwrap_or_default();
    match opened.read_only {
        Some(reason) => app.error(format!("{}: {reason}", t.read_only)),
        None if !conflicted.is_empty() => {
            let text = format!(
                "{} {}",
                (t.has_conflicts)(&app.keys.review_conflicts),
                conflicted.join(", ")
            );
            app.error(text);
        }
        None if opened.recheck_first => app.info((t.recheck_mode)(&app.keys.filter)),
        None => {}
    }
    keep_selection_visible(app);
    Vec::new()
}

fn first_item_row(walk: &WalkState) -> Option<usize> {
    walk.rows
        .iter()
        .position(|row| matches!(walk.outline.nodes[row.node], OutlineNode::Item(_)))
}

/// Helper for tests and the runner: a walk state from a loaded session.
pub fn open_session(app: &mut App, opened: OpenedSession) {
    let _ = self::opened(app, opened);
}

pub fn keep_selection_visible(app: &mut App) {
    let height = tree_height(app);
    if let Some(walk) = app.walk.as_mut() {
        walk.cursor = walk.cursor.min(walk.rows.len().saturating_sub(1));
        ensure_visible(walk.cursor, &mut walk.scroll, height);
    }
}

pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let height = tree_height(app);
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    let last = walk.rows.len().saturating_sub(1);
    match command {
        Command::Up => walk.cursor = walk.cursor.saturating_sub(1),
        Command::Down => walk.cursor = (walk.cursor + 1).min(last),
        Command::PageUp => walk.cursor = walk.cursor.saturating_sub(height.max(2) - 1),
        Command::PageDown => walk.cursor = (walk.cursor + height.max(2) - 1).min(last),
        Command::Top => walk.cursor = 0,
        Command::Bottom => walk.cursor = last,
        Command::NextSection => jump_section(walk, true),
        Command::PrevSection => jump_section(walk, false),
        Command::Collapse => collapse(walk),
        Command::Expand | Command::ToggleSection => toggle_section(walk, command),
        Command::SetStatus(status) => return set_status(app, status),
        Command::EditNote => return open_editor(app),
        Command::Deductions => return open_item_overlay(app, ItemOverlay::Deductions),
        Command::Rectify => return open_item_overlay(app, ItemOverlay::Rectify),
        Command::AddEvidence => return open_item_overlay(app, ItemOverlay::Evidence),
        Command::Judge => return open_item_overlay(app, ItemOverlay::Judge),
        Command::NextPending => next_pending(app, true),
        Command::PrevPending => next_pending(app, false),
        Command::Search => {
            let walk_filter = walk.filter;
            app.overlay = Some(Overlay::Search(SearchState {
                input: LineInput::default(),
                origin: walk.cursor,
                origin_filter: walk_filter,
                matches: Vec::new(),
                current: 0,
            }));
        }
        Command::CycleFilter => {
            walk.filter = walk.filter.next();
            if walk.filter == Filter::Recheck && walk.prior.recheck.is_empty() {
                walk.filter = walk.filter.next();
            }
            walk.rebuild_rows();
            let name = walk.filter.name(app.lang);
            app.info(name.to_string());
        }
        Command::Undo => return undo(app, true),
        Command::Redo => return undo(app, false),
        Command::Finish => return toggle_finished(app),
        Command::ReviewConflicts => super::conflicts::open(app),
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Back => return leave_walk(app),
        Command::Compare => return super::rounds::open_compare(app),
        Command::History => return super::rounds::open_history(app),
        Command::Ledger => return super::rounds::open_ledger(app),
        Command::Export => return super::export::open_dialog(app),
        _ => {}
    }
    keep_selection_visible(app);
    Vec::new()
}

fn jump_section(walk: &mut WalkState, forward: bool) {
    let is_section = |walk: &WalkState, row: usize| {
        matches!(
            walk.outline.nodes[walk.rows[row].node],
            OutlineNode::Section(_)
        )
    };
    let found = if forward {
        (walk.cursor + 1..walk.rows.len()).find(|&row| is_section(walk, row))
    } else {
        (0..walk.cursor).rev().find(|&row| is_section(walk, row))
    };
    if let Some(row) = found {
        walk.cursor = row;
    }
}

fn collapse(walk: &mut WalkState) {
    let Some(row) = walk.rows.get(walk.cursor).copied() else {
        return;
    };
    match walk.outline.nodes[row.node] {
        OutlineNode::Section(section) if !walk.collapsed.contains(&section) => {
            walk.collapsed.insert(section);
            walk.rebuild_rows();
        }
        _ => {
            // On an item or a closed section: go to the enclosing section.
            if let Some(parent) = walk.outline.parent_section(row.node) {
                let node = walk.outline.sections[parent].nodes.start;
                if let Some(position) = walk.rows.iter().position(|r| r.node == node) {
                    walk.cursor = position;
                }
            }
        }
    }
}

fn toggle_section(walk: &mut WalkState, command: Command) {
    let Some(OutlineNode::Section(section)) = walk.selected_node() else {
        return;
    };
    let open = walk.collapsed.contains(&section);
    if open {
        walk.collapsed.remove(&section);
    } else if command == Command::ToggleSection {
        walk.collapsed.insert(section);
    }
    walk.rebuild_rows();
}

fn next_pending(app: &mut App, forward: bool) {
    let Some(walk) = app.walk.as_mut() else {
        return;
    };
    let count = walk.outline.items.len();
    if count == 0 {
        return;
    }
    let start = walk
        .selected_item()
        .unwrap_or(if forward { count - 1 } else { 0 });
    let pending = (1..=count)
        .map(|step| {
            if forward {
                (start + step) % count
            } else {
                (start + count - step % count) % count
            }
        })
        .find(|&item| walk.session().status(&walk.outline.items[item].code) == Status::Pending);
    match pending {
        Some(item) => walk.select_item(item),
        None => {
            let text = app.lang.ui().nothing_pending.to_string();
            app.info(text);
        }
    }
}

/// Refuses edits on a read-only session, saying why.
pub(super) fn editable(app: &mut App) -> bool {
    let Some(walk) = app.walk.as_ref() else {
        return false;
    };
    let t = app.lang.ui();
    if let Some(reason) = walk.read_only.clone() {
        app.error(format!("{}: {reason}", t.read_only));
        false
    } else if walk.session().is_finished() {
        let text = (t.finished_read_only)(&app.keys.finish);
        app.error(text);
        false
    } else {
        true
    }
}

/// Changes one item's response as one undoable step. `change` may refuse with a message.
pub(super) fn edit_item(
    app: &mut App,
    code: &str,
    change: impl FnOnce(&Item, &mut Response) -> Result<(), String>,
) -> Vec<Effect> {
    if !editable(app) {
        return Vec::new();
    }
    let wall = app.wall;
    let now = app.now;
    let Some(walk) = app.walk.as_ref() else {
        return Vec::new();
    };
    let by = editor_name(app, walk);
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    let Some(index) = walk.outline.item_index(code) else {
        return Vec::new();
    };
    let item = walk.outline.items[index].clone();
    let before = walk.session().response(code).cloned();
    let mut response = before.clone().unwrap_or_default();
    if let Err(message) = change(&item, &mut response) {
        app.error(message);
        return Vec::new();
    }
    settle_status(&item, &mut response);
    if before.as_ref().is_some_and(|b| b.same_content(&response))
        || (before.is_none() && response.is_blank())
    {
        return Vec::new();
    }
    walk.loaded.session.set_response(code, response, &by, wall);
    let after = walk.session().response(code).cloned();
    walk.undo.push(Change {
        code: code.to_string(),
        before,
        after,
        conflicts: None,
    });
    walk.redo.clear();
    mark_dirty(walk, now);
    if walk.filter != Filter::All {
        walk.rebuild_rows();
    }
    Vec::new()
}

pub(super) fn mark_dirty(walk: &mut WalkState, now: std::time::Instant) {
    walk.save.generation += 1;
    walk.save.last_edit = Some(now);
    walk.save.dirty_since.get_or_insert(now);
}

fn set_status(app: &mut App, status: Status) -> Vec<Effect> {
    let Some(code) = selected_code(app) else {
        return Vec::new();
    };
    edit_item(app, &code, |_, response| {
        response.set_status(status);
        Ok(())
    })
}

pub(super) fn selected_code(app: &mut App) -> Option<String> {
    let code = app.walk.as_ref()?.selected_code().map(str::to_string);
    if code.is_none() {
        let text = app.lang.ui().select_an_item.to_string();
        app.info(text);
    }
    code
}

fn toggle_finished(app: &mut App) -> Vec<Effect> {
    let wall = app.wall;
    let now = app.now;
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    if let Some(reason) = walk.read_only.clone() {
        app.error(format!("{}: {reason}", t.read_only));
        return Vec::new();
    }
    let session = &mut walk.loaded.session;
    let finishing = !session.is_finished();
    session.finished = finishing.then_some(wall);
    session.updated = wall;
    mark_dirty(walk, now);
    // Save at the next tick, not after the usual pause.
    walk.save.last_edit = None;
    let text = if finishing {
        (t.finished_now)(&app.keys.finish)
    } else {
        t.reopened.to_string()
    };
    app.info(text);
    Vec::new()
}
