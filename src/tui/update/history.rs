//! The history screen: one department's rounds of a checklist, oldest first.

use super::super::action::{CompareSource, Effect, HistoryData};
use super::super::app::{App, HistoryState, Overlay, Screen};
use super::super::keymap::Command;
use super::super::layout;
use super::rounds::{back_screen, go_back, moved, open_item};

pub fn history_loaded(app: &mut App, data: HistoryData) -> Vec<Effect> {
    let back = back_screen(app);
    let cursor = data
        .selected
        .and_then(|id| data.points.iter().position(|p| p.session_id == id))
        .unwrap_or(data.points.len().saturating_sub(1));
    app.history = Some(HistoryState {
        department: data.department,
        checklist_title: data.checklist_title,
        points: data.points,
        cursor,
        section_scroll: 0,
        back,
    });
    app.screen = Screen::History;
    Vec::new()
}

pub fn history_command(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(history) = app.history.as_mut() else {
        return Vec::new();
    };
    match command {
        Command::Back => {
            let back = history.back;
            app.history = None;
            go_back(app, back)
        }
        Command::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            Vec::new()
        }
        Command::Open => match history.points.get(history.cursor) {
            Some(point) => {
                let id = point.session_id;
                open_item(app, id, None)
            }
            None => Vec::new(),
        },
        Command::Compare => compare_with_the_one_before(app),
        Command::PageDown | Command::PageUp => {
            scroll_sections(app, command == Command::PageDown);
            Vec::new()
        }
        other => {
            let count = history.points.len();
            let before = history.cursor;
            moved(&mut history.cursor, count, 5, other);
            if history.cursor != before {
                history.section_scroll = 0;
            }
            Vec::new()
        }
    }
}

fn scroll_sections(app: &mut App, down: bool) {
    let page = section_rows(app);
    if let Some(history) = app.history.as_mut() {
        let last = history.section_changes().len().saturating_sub(page);
        history.section_scroll = if down {
            (history.section_scroll + page).min(last)
        } else {
            history.section_scroll.saturating_sub(page)
        };
    }
}

/// How many section changes the screen shows at once.
fn section_rows(app: &App) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    app.history.as_ref().map_or(1, |history| {
        let sections = history.section_changes().len();
        usize::from(
            layout::history(area, history.points.len(), sections)
                .sections
                .height,
        )
        .max(1)
    })
}

/// `c`: the selected round against the round before it in this history.
fn compare_with_the_one_before(app: &mut App) -> Vec<Effect> {
    let Some(history) = app.history.as_ref() else {
        return Vec::new();
    };
    let (Some(before), Some(selected)) = (
        history
            .cursor
            .checked_sub(1)
            .and_then(|index| history.points.get(index)),
        history.points.get(history.cursor),
    ) else {
        let text = app.lang.ui().first_round.to_string();
        app.info(text);
        return Vec::new();
    };
    let (id, prior) = (selected.session_id, before.session_id);
    // The round being walked is compared with its edits in memory.
    let source = match app.walk.as_ref().filter(|walk| walk.session().id == id) {
        Some(walk) => CompareSource::Open {
            session: Box::new(walk.session().clone()),
            checklist: walk.checklist.clone(),
            prior: Some(prior),
        },
        None => CompareSource::Stored {
            id,
            prior: Some(prior),
        },
    };
    vec![Effect::LoadCompare { source }]
}
