//! Screens across rounds: compare, and opening an item from compare, history or the
//! ledger (history: `history.rs`; the ledger: `ledger.rs`).

use uuid::Uuid;

use super::super::action::{CompareData, CompareSource, Effect};
use super::super::app::{App, CompareState, Overlay, Screen};
use super::super::keymap::Command;
use super::super::layout::COMPARE_HEADER_ROWS;
use super::{ensure_visible, leave_walk, walk};
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
            Some(row) => CompareSource::Stored {
                id: row.id,
                prior: None,
            },
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
    // Compared from the history screen: back there.
    let back = match app.screen {
        Screen::History if app.history.is_some() => Screen::History,
        _ => back_screen(app),
    };
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
        Command::Open => {
            let session = compare.current.id;
            let selected = compare.rows().get(compare.cursor).copied();
            match selected {
                Some(change) if change.current.is_some() => {
                    let code = change.code.clone();
                    return open_item(app, session, Some(code));
                }
                Some(_) => {
                    let text = crate::i18n::rounds::texts(app.lang)
                        .removed_item
                        .to_string();
                    app.info(text);
                }
                None => {}
            }
        }
        other => {
            let count = compare.rows().len();
            moved(&mut compare.cursor, count, page, other);
        }
    }
    keep_visible(app);
    Vec::new()
}

/// Enter on a ledger or compare row, or a history round: walk that session (at
/// that item).
pub(super) fn open_item(app: &mut App, session: Uuid, code: Option<String>) -> Vec<Effect> {
    let open_here = app
        .walk
        .as_ref()
        .is_some_and(|walk| walk.session().id == session);
    if open_here {
        app.screen = Screen::Walk;
        if let Some(walk) = app.walk.as_mut()
            && let Some(item) = code.as_deref().and_then(|c| walk.outline.item_index(c))
        {
            walk.select_item(item);
        }
        walk::keep_selection_visible(app);
        return Vec::new();
    }
    let mut effects = Vec::new();
    if app.walk.is_some() {
        // Another session is open: close it (after saving) first.
        effects = leave_walk(app);
        if app.walk.is_some() {
            let text = app.lang.ui().saving.to_string();
            app.info(text);
            return effects;
        }
        effects.retain(|effect| !matches!(effect, Effect::LoadHome | Effect::LoadLedger { .. }));
    }
    effects.push(Effect::OpenSession {
        id: session,
        select: code,
    });
    effects
}
