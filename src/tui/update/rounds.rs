//! Screens across rounds: compare and history (the ledger: `ledger.rs`).

use super::super::action::{CompareData, CompareSource, Effect, HistoryData};
use super::super::app::{App, CompareState, HistoryState, Overlay, Screen};
use super::super::keymap::Command;
use super::super::layout::COMPARE_HEADER_ROWS;
use super::ensure_visible;
use crate::model::compare::sort_regressions_first;

/// Rows of a full-screen list below `header_rows` header lines.
pub fn list_height(app: &App, header_rows: u16) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    usize::from(
        super::super::layout::list_screen(area, header_rows)
            .rows
            .height,
    )
    .max(1)
}

/// `c`: compare what is selected (the open session, or home's selection) with its prior.
pub fn open_compare(app: &mut App) -> Vec<Effect> {
    let source = match (app.screen, app.walk.as_ref()) {
        (Screen::Walk, Some(walk)) => CompareSource::Open {
            session: Box::new(walk.session().clone()),
            checklist: walk.checklist.clone(),
            prior: walk.prior.id,
        },
        _ => match app.home.selected_session() {
            Some(row) => CompareSource::Stored(row.id),
            None => return nothing_selected(app),
        },
    };
    vec![Effect::LoadCompare { source }]
}

/// `h`: the history of the open session's (or home's selected session's) department.
pub fn open_history(app: &mut App) -> Vec<Effect> {
    let id = match (app.screen, app.walk.as_ref()) {
        (Screen::Walk, Some(walk)) => walk.session().id,
        _ => match app.home.selected_session() {
            Some(row) => row.id,
            None => return nothing_selected(app),
        },
    };
    vec![Effect::LoadHistory { session: id }]
}

fn nothing_selected(app: &mut App) -> Vec<Effect> {
    let text = app.lang.ui().select_a_session.to_string();
    app.info(text);
    Vec::new()
}

/// The screen to return to: the walk if one is open underneath, else home.
pub(super) fn back_screen(app: &App) -> Screen {
    match app.screen {
        Screen::Compare | Screen::History | Screen::Ledger | Screen::Duties
            if app.walk.is_some() =>
        {
            Screen::Walk
        }
        Screen::Compare | Screen::History | Screen::Ledger | Screen::Duties => Screen::Home,
        other => other,
    }
}

pub fn compare_loaded(app: &mut App, data: CompareData) -> Vec<Effect> {
    let back = back_screen(app);
    let mut comparison = data.comparison;
    sort_regressions_first(&mut comparison.items);
    app.compare = Some(CompareState {
        comparison,
        current: data.current,
        prior: data.prior,
        changed_only: false,
        cursor: 0,
        scroll: 0,
        back,
        checklist: data.checklist,
    });
    app.screen = Screen::Compare;
    Vec::new()
}

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
        back,
    });
    app.screen = Screen::History;
    Vec::new()
}

pub(super) fn keep_visible(app: &mut App) {
    let height = list_height(app, COMPARE_HEADER_ROWS);
    if let Some(compare) = app.compare.as_mut() {
        let count = compare.rows().len();
        compare.cursor = compare.cursor.min(count.saturating_sub(1));
        ensure_visible(compare.cursor, &mut compare.scroll, height);
    }
}

pub(super) fn moved(cursor: &mut usize, count: usize, page: usize, command: Command) {
    let last = count.saturating_sub(1);
    *cursor = match command {
        Command::Up => cursor.saturating_sub(1),
        Command::Down => (*cursor + 1).min(last),
        Command::PageUp => cursor.saturating_sub(page),
        Command::PageDown => (*cursor + page).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => *cursor,
    };
}

pub(super) fn go_back(app: &mut App, back: Screen) -> Vec<Effect> {
    app.screen = back;
    if back == Screen::Home {
        return vec![Effect::LoadHome];
    }
    Vec::new()
}

pub fn compare_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = list_height(app, COMPARE_HEADER_ROWS);
    let Some(compare) = app.compare.as_mut() else {
        return Vec::new();
    };
    match command {
        Command::ChangedOnly => {
            compare.changed_only = !compare.changed_only;
            compare.cursor = 0;
            compare.scroll = 0;
        }
        Command::Back => {
            let back = compare.back;
            app.compare = None;
            return go_back(app, back);
        }
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        other => {
            let count = compare.rows().len();
            moved(&mut compare.cursor, count, page, other);
        }
    }
    keep_visible(app);
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
        other => {
            let count = history.points.len();
            moved(&mut history.cursor, count, 5, other);
            Vec::new()
        }
    }
}
