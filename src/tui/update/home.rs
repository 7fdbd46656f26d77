//! The home screen: rounds, their sessions, open, new, delete.

use ratatui::layout::Rect;

use super::super::action::Effect;
use super::super::app::{App, Confirm, HomeFocus, Overlay};
use super::super::keymap::Command;
use super::super::layout;
use super::super::text::shell_word;
use super::ensure_visible;
use super::forms::new_session_form;

/// Rows of the sessions table that show sessions (the first is the header).
pub fn sessions_height(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let notices = super::super::app::home_notices(app).len() as u16;
    usize::from(
        layout::home_with_notices(area, notices)
            .sessions
            .height
            .saturating_sub(1),
    )
    .max(1)
}

pub fn keep_selection_visible(app: &mut App) {
    let height = sessions_height(app);
    let count = app.home.round_sessions().len();
    let home = &mut app.home;
    home.round_cursor = home.round_cursor.min(home.rounds.len().saturating_sub(1));
    home.session_cursor = home.session_cursor.min(count.saturating_sub(1));
    ensure_visible(home.session_cursor, &mut home.session_scroll, height);
    // Grown taller: show rows from the top again rather than leave them hidden.
    home.session_scroll = home.session_scroll.min(count.saturating_sub(height));
}

pub fn command(app: &mut App, command: Command) -> Vec<Effect> {
    let height = sessions_height(app);
    let session_count = app.home.round_sessions().len();
    let home = &mut app.home;
    let before = home.round_cursor;
    let (cursor, count) = match home.focus {
        HomeFocus::Rounds => (&mut home.round_cursor, home.rounds.len()),
        HomeFocus::Sessions => (&mut home.session_cursor, session_count),
    };
    let last = count.saturating_sub(1);
    match command {
        Command::Up => *cursor = cursor.saturating_sub(1),
        Command::Down => *cursor = (*cursor + 1).min(last),
        Command::PageUp => *cursor = cursor.saturating_sub(height.max(2) - 1),
        Command::PageDown => *cursor = (*cursor + height.max(2) - 1).min(last),
        Command::Top => *cursor = 0,
        Command::Bottom => *cursor = last,
        Command::SwitchFocus => {
            home.focus = match home.focus {
                HomeFocus::Rounds => HomeFocus::Sessions,
                HomeFocus::Sessions => HomeFocus::Rounds,
            };
        }
        Command::Open => {
            if home.focus == HomeFocus::Rounds {
                home.focus = HomeFocus::Sessions;
            } else if let Some(row) = home.selected_session() {
                return vec![Effect::OpenSession {
                    id: row.id,
                    select: None,
                }];
            }
        }
        Command::NewSession => {
            if !app.home.loaded {
                // The checklists arrive with the home data; say so rather than "none".
                let text = app.lang.ui().loading.to_string();
                app.info(text);
            } else if app.home.data.checklists.is_empty() {
                let text = app.lang.ui().no_checklists.to_string();
                app.error(text);
            } else {
                app.overlay = Some(Overlay::NewSession(new_session_form(app)));
            }
        }
        Command::Delete => {
            if let Some(row) = app.home.selected_session() {
                let label = format!("{} / {} / {}", row.department, row.round, row.date);
                app.overlay = Some(Overlay::Confirm(Confirm::Trash { id: row.id, label }));
            }
        }
        Command::Reload => return vec![Effect::LoadHome],
        Command::ImportTable => super::table_import::open(app),
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Quit => app.quit = true,
        Command::Compare => return super::rounds::open_compare(app),
        Command::History => return super::rounds::open_history(app),
        Command::Ledger => return super::ledger::open_ledger(app),
        Command::Duties => return super::duties::open_duties(app),
        Command::Export => return super::export::open_dialog(app),
        Command::Deadlines => {
            return super::deadlines::open(app, super::super::app::Screen::Deadlines);
        }
        Command::Activities => {
            return super::deadlines::open(app, super::super::app::Screen::Activities);
        }
        Command::CreateProfile => return super::deadlines::create_profile(app),
        Command::Ranking => {
            app.home.ranking = !app.home.ranking;
            app.home.session_cursor = 0;
            app.home.session_scroll = 0;
            keep_selection_visible(app);
            return load_board(app, false);
        }
        _ => {}
    }
    if app.home.round_cursor != before {
        app.home.session_cursor = 0;
        app.home.session_scroll = 0;
    }
    keep_selection_visible(app);
    load_board(app, false)
}

/// Asks for the selected round's board while the ranking view is on and the board
/// is missing, is another round's, or (`refresh`) the sessions were read again.
pub fn load_board(app: &App, refresh: bool) -> Vec<Effect> {
    let home = &app.home;
    let Some(round) = home.selected_round().filter(|_| home.ranking) else {
        return Vec::new();
    };
    let loaded = home
        .board
        .as_ref()
        .is_some_and(|board| board.round == round);
    if loaded && !refresh {
        return Vec::new();
    }
    vec![Effect::LoadBoard {
        round: round.to_string(),
    }]
}

/// Puts a new round label at the top so the session about to be created shows there.
pub fn remember_round(app: &mut App, round: &str) {
    if let Some(position) = app.home.rounds.iter().position(|r| r == round) {
        app.home.round_cursor = position;
    }
}

pub fn click(app: &mut App, area: Rect, column: u16, row: u16) {
    let notices = super::super::app::home_notices(app).len() as u16;
    let areas = layout::home_with_notices(area, notices);
    if layout::contains(areas.sessions, column, row) && row > areas.sessions.y {
        let index = app.home.session_scroll + usize::from(row - areas.sessions.y - 1);
        if index < app.home.round_sessions().len() {
            app.home.focus = HomeFocus::Sessions;
            app.home.session_cursor = index;
        }
    } else if layout::contains(areas.rounds, column, row) && areas.rounds.height > 1 {
        let index = usize::from(row - areas.rounds.y);
        if index < app.home.rounds.len() {
            app.home.focus = HomeFocus::Rounds;
            if app.home.round_cursor != index {
                app.home.round_cursor = index;
                app.home.session_cursor = 0;
                app.home.session_scroll = 0;
            }
        }
    }
}

/// A session went to the trash: say where, and the command that restores it.
pub fn trashed(app: &mut App, path: &str, data_dir: &str) -> Vec<Effect> {
    let t = app.lang.ui();
    app.overlay = Some(Overlay::Notice {
        title: t.trashed_title.to_string(),
        text: (t.trashed)(&shell_word(path), &shell_word(data_dir)),
    });
    Vec::new()
}
