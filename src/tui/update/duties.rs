//! The 责任分解 screen (docs/design.md §11): a round's lead departments, what they
//! lost and their open rectifications; Left/Right step through the rounds.

use super::super::action::Effect;
use super::super::app::{App, DutiesData, DutiesState, Overlay, Screen};
use super::super::keymap::Command;
use super::ensure_visible;
use super::rounds::{back_screen, go_back, moved};

pub fn open_duties(_app: &mut App) -> Vec<Effect> {
    vec![Effect::LoadDuties { round: None }]
}

pub fn duties_loaded(app: &mut App, data: DutiesData) -> Vec<Effect> {
    let kept = app.duties.take().filter(|_| app.screen == Screen::Duties);
    let back = match (kept.as_ref(), app.screen) {
        (Some(state), _) => state.back,
        (None, Screen::Ledger) => Screen::Ledger,
        (None, _) => back_screen(app),
    };
    app.duties = Some(DutiesState {
        round: data.round,
        rounds: data.rounds,
        duties: data.duties,
        sessions: data.sessions,
        cursor: 0,
        scroll: 0,
        back,
    });
    app.screen = Screen::Duties;
    Vec::new()
}

/// The table's rows and, below it, the selected department's details (as the view
/// draws them).
pub fn duties_areas(rows: ratatui::layout::Rect) -> [ratatui::layout::Rect; 2] {
    super::super::layout::list_and_detail(rows, rows.height / 2)
}

fn table_height(app: &App) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let [table, _] = duties_areas(super::super::layout::list_screen(area, 0).rows);
    usize::from(table.height).max(1)
}

pub fn duties_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = table_height(app);
    let Some(duties) = app.duties.as_mut() else {
        return Vec::new();
    };
    match command {
        Command::Back => {
            let mut back = duties.back;
            if (back == Screen::Walk && app.walk.is_none())
                || (back == Screen::Ledger && app.ledger.is_none())
            {
                back = Screen::Home;
            }
            app.duties = None;
            return go_back(app, back);
        }
        Command::PrevRound | Command::NextRound => {
            let at = duties.rounds.iter().position(|r| *r == duties.round);
            // Rounds are newest first: "previous" is older.
            let wanted = match (at, command) {
                (Some(at), Command::PrevRound) => duties.rounds.get(at + 1),
                (Some(at), _) => at.checked_sub(1).and_then(|at| duties.rounds.get(at)),
                (None, _) => duties.rounds.first(),
            };
            if let Some(round) = wanted.cloned() {
                return vec![Effect::LoadDuties { round: Some(round) }];
            }
        }
        Command::Ledger => return super::ledger::open_ledger(app),
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        other => {
            let count = duties.duties.len();
            moved(&mut duties.cursor, count, page, other);
            ensure_visible(duties.cursor, &mut duties.scroll, page);
        }
    }
    Vec::new()
}
