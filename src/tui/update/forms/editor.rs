//! The note editor and search.

use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::Command;
use crate::tui::update::editor_name;
use crate::tui::update::walk::{keep_selection_visible, mark_dirty};

/// Copies the editor's text into the session as the user types, so autosave
/// keeps the draft; the undo step is recorded when editing finishes.
pub(super) fn sync_note(app: &mut App) {
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

pub(super) fn finish_editor(
    app: &mut App,
    editor: Box<crate::tui::app::EditorState>,
) -> Vec<Effect> {
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
        walk.undo.push(crate::tui::app::Change {
            code: editor.code.clone(),
            before: editor.before,
            after,
            conflicts: None,
        });
        walk.redo.clear();
        if walk.filter != crate::tui::app::Filter::All {
            walk.rebuild_rows();
        }
    }
    Vec::new()
}

pub(super) fn refresh_search(app: &mut App) {
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

pub(super) fn search_command(
    app: &mut App,
    mut search: crate::tui::app::SearchState,
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
