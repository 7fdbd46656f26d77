//! Screens across rounds: compare, history and the rectification ledger.

use super::super::action::{CompareData, CompareSource, Effect, HistoryData};
use super::super::app::{
    App, CompareState, DoneNoteState, HistoryState, LedgerState, Overlay, Screen,
};
use super::super::input::LineInput;
use super::super::keymap::Command;
use super::super::layout::COMPARE_HEADER_ROWS;
use super::{editor_name, ensure_visible, leave_walk, walk};
use crate::model::compare::sort_regressions_first;
use crate::model::edit::close_rectification;
use crate::model::ledger::{LedgerEntry, is_overdue};
use crate::model::session::RectificationDone;

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

pub fn open_ledger(app: &mut App) -> Vec<Effect> {
    let all = app.ledger.as_ref().is_some_and(|ledger| ledger.all);
    vec![Effect::LoadLedger { all }]
}

fn nothing_selected(app: &mut App) -> Vec<Effect> {
    let text = app.lang.ui().select_a_session.to_string();
    app.info(text);
    Vec::new()
}

/// The screen to return to: the walk if one is open underneath, else home.
fn back_screen(app: &App) -> Screen {
    match app.screen {
        Screen::Compare | Screen::History | Screen::Ledger if app.walk.is_some() => Screen::Walk,
        Screen::Compare | Screen::History | Screen::Ledger => Screen::Home,
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

pub fn ledger_loaded(app: &mut App, entries: Vec<LedgerEntry>) -> Vec<Effect> {
    let back = back_screen(app);
    let all = app.ledger.as_ref().is_some_and(|l| l.all);
    let cursor = app.ledger.as_ref().map_or(0, |l| l.cursor);
    let scroll = app.ledger.as_ref().map_or(0, |l| l.scroll);
    let back = app
        .ledger
        .as_ref()
        .filter(|_| app.screen == Screen::Ledger)
        .map_or(back, |l| l.back);
    app.ledger = Some(LedgerState {
        cursor: cursor.min(entries.len().saturating_sub(1)),
        entries,
        all,
        scroll,
        back,
    });
    app.screen = Screen::Ledger;
    keep_visible(app);
    Vec::new()
}

fn keep_visible(app: &mut App) {
    let height = list_height(app, 0);
    if let Some(ledger) = app.ledger.as_mut() {
        ensure_visible(ledger.cursor, &mut ledger.scroll, height);
    }
    let height = list_height(app, COMPARE_HEADER_ROWS);
    if let Some(compare) = app.compare.as_mut() {
        let count = compare.rows().len();
        compare.cursor = compare.cursor.min(count.saturating_sub(1));
        ensure_visible(compare.cursor, &mut compare.scroll, height);
    }
}

fn moved(cursor: &mut usize, count: usize, page: usize, command: Command) {
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

fn go_back(app: &mut App, back: Screen) -> Vec<Effect> {
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

pub fn ledger_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = list_height(app, 0);
    let Some(ledger) = app.ledger.as_mut() else {
        return Vec::new();
    };
    let selected = ledger.entries.get(ledger.cursor).cloned();
    match command {
        Command::Back => {
            let back = ledger.back;
            app.ledger = None;
            return go_back(app, back);
        }
        Command::ToggleAll => {
            ledger.all = !ledger.all;
            ledger.cursor = 0;
            ledger.scroll = 0;
            return vec![Effect::LoadLedger { all: ledger.all }];
        }
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Open => {
            if let Some(entry) = selected {
                return open_entry(app, &entry);
            }
        }
        Command::MarkDone => match selected {
            Some(entry) if entry.is_open() => {
                app.overlay = Some(Overlay::DoneNote(DoneNoteState {
                    session: entry.session_id,
                    code: entry.code.clone(),
                    input: LineInput::default(),
                }));
            }
            Some(_) => {
                let text = app.lang.ui().already_done.to_string();
                app.info(text);
            }
            None => {}
        },
        other => {
            let count = ledger.entries.len();
            moved(&mut ledger.cursor, count, page, other);
        }
    }
    keep_visible(app);
    Vec::new()
}

/// Enter on a ledger row: walk that session at that item.
fn open_entry(app: &mut App, entry: &LedgerEntry) -> Vec<Effect> {
    let open_here = app
        .walk
        .as_ref()
        .is_some_and(|walk| walk.session().id == entry.session_id);
    if open_here {
        app.screen = Screen::Walk;
        if let Some(walk) = app.walk.as_mut()
            && let Some(item) = walk.outline.item_index(&entry.code)
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
        effects.retain(|effect| !matches!(effect, Effect::LoadHome));
    }
    effects.push(Effect::OpenSession {
        id: entry.session_id,
        select: Some(entry.code.clone()),
    });
    effects
}

/// Enter in the done-note prompt: close the rectification, in memory when the
/// session is the one being walked (its file is ours to save), else through the runner.
pub fn submit_done_note(app: &mut App, state: DoneNoteState) -> Vec<Effect> {
    let note = state.input.text().trim().to_string();
    let open_here = app
        .walk
        .as_ref()
        .is_some_and(|walk| walk.session().id == state.session);
    if open_here {
        let wall = app.wall;
        let today = app.today;
        let lang = app.lang;
        let by = app
            .walk
            .as_ref()
            .map(|walk| editor_name(app, walk))
            .unwrap_or_default();
        let done = RectificationDone { at: wall, by, note };
        let closing = done.clone();
        let effects = walk::edit_item(app, &state.code, move |item, response| {
            *response = close_rectification(&item.code, Some(response), closing)
                .map_err(|error| crate::i18n::errors::edit_error(lang, &error))?;
            Ok(())
        });
        // The file is saved by autosave; show the change in the ledger now.
        if let Some(ledger) = app.ledger.as_mut() {
            for entry in &mut ledger.entries {
                if entry.session_id == state.session && entry.code == state.code {
                    entry.rectification.done = Some(done.clone());
                    entry.overdue = is_overdue(&entry.rectification, today);
                }
            }
            if !ledger.all {
                ledger.entries.retain(LedgerEntry::is_open);
            }
            ledger.cursor = ledger.cursor.min(ledger.entries.len().saturating_sub(1));
        }
        return effects;
    }
    let by = app.settings.inspector.clone();
    vec![
        Effect::CloseRectification {
            session: state.session,
            code: state.code,
            note,
            by,
        },
        Effect::LoadLedger {
            all: app.ledger.as_ref().is_some_and(|l| l.all),
        },
    ]
}
