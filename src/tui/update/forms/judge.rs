//! Judging an item by a level (测评等次) or a surveyed rate: the levels menu and the
//! rate form. Both go through `model::edit::apply_mark`, as `zicha mark` does.

use crossterm::event::KeyEvent;

use crate::i18n::errors::edit_error;
use crate::model::edit::{Mark, apply_mark};
use crate::model::judgement::Judgement;
use crate::model::rate::SurveyedRate;
use crate::tui::action::Effect;
use crate::tui::app::{App, LevelsState, Overlay, RateState};
use crate::tui::input::LineInput;
use crate::tui::keymap::Command;
use crate::tui::update::walk::edit_item;

/// The levels menu, or the rate form, for the selected item; a message when the item
/// is judged by status only.
pub fn open(app: &mut App, code: String) -> Vec<Effect> {
    let Some(walk) = app.walk.as_ref() else {
        return Vec::new();
    };
    let Some(item) = walk
        .outline
        .item_index(&code)
        .map(|i| &walk.outline.items[i])
    else {
        return Vec::new();
    };
    let response = walk.session().response(&code);
    let levels = &walk.checklist.rules.levels;
    let overlay = if item.is_rate() {
        let (answered, asked) = match response.and_then(|r| r.rate) {
            Some(SurveyedRate::Fraction {
                numerator,
                denominator,
            }) => (numerator.to_string(), denominator.to_string()),
            _ => (String::new(), String::new()),
        };
        Overlay::Rate(RateState {
            code,
            answered: LineInput::new(&answered),
            asked: LineInput::new(&asked),
            field: 0,
            error: None,
        })
    } else if item.is_base() && item.is_scored() && !item.veto && !levels.is_empty() {
        let current = response.and_then(|r| r.level.as_deref());
        let cursor = levels
            .iter()
            .position(|(label, _)| Some(label.as_str()) == current)
            .unwrap_or(0);
        Overlay::Levels(LevelsState { code, cursor })
    } else {
        let text = app.lang.scoring().no_judgement;
        app.info(text);
        return Vec::new();
    };
    app.overlay = Some(overlay);
    Vec::new()
}

pub(super) fn levels_command(
    app: &mut App,
    mut state: LevelsState,
    command: Command,
) -> Vec<Effect> {
    let count = app
        .walk
        .as_ref()
        .map_or(0, |walk| walk.checklist.rules.levels.len());
    match command {
        Command::Up => state.cursor = state.cursor.saturating_sub(1),
        Command::Down => state.cursor = (state.cursor + 1).min(count.saturating_sub(1)),
        Command::PickLevel(number) if (1..=count).contains(&usize::from(number)) => {
            state.cursor = usize::from(number) - 1;
            return judge(
                app,
                &state.code,
                Judgement::Level(level_label(app, state.cursor)),
            );
        }
        Command::Submit if state.cursor < count => {
            return judge(
                app,
                &state.code,
                Judgement::Level(level_label(app, state.cursor)),
            );
        }
        Command::Back => return Vec::new(),
        _ => {}
    }
    app.overlay = Some(Overlay::Levels(state));
    Vec::new()
}

fn level_label(app: &App, index: usize) -> String {
    app.walk
        .as_ref()
        .and_then(|walk| walk.checklist.rules.levels.get(index))
        .map(|(label, _)| label.clone())
        .unwrap_or_default()
}

pub(super) fn rate_command(app: &mut App, mut state: RateState, command: Command) -> Vec<Effect> {
    match command {
        Command::NextField | Command::PrevField => state.field = 1 - state.field,
        Command::Back => return Vec::new(),
        Command::Submit => match surveyed(app, &state) {
            Ok(rate) => return judge(app, &state.code, Judgement::Rate(rate)),
            Err(message) => state.error = Some(message),
        },
        _ => {}
    }
    app.overlay = Some(Overlay::Rate(state));
    Vec::new()
}

/// The two numbers as a rate that can be one (asked at least 1, answered at most asked).
fn surveyed(app: &App, state: &RateState) -> Result<SurveyedRate, String> {
    let number = |input: &LineInput| input.text().trim().parse::<u32>();
    let (Ok(numerator), Ok(denominator)) = (number(&state.answered), number(&state.asked)) else {
        return Err(app.lang.scoring().whole_number.to_string());
    };
    SurveyedRate::Fraction {
        numerator,
        denominator,
    }
    .checked()
    .map_err(|error| crate::i18n::errors::rate_error(app.lang, &error))
}

pub(super) fn rate_input(state: &mut RateState) -> &mut LineInput {
    if state.field == 0 {
        &mut state.answered
    } else {
        &mut state.asked
    }
}

pub(super) fn rate_text(state: &mut RateState, key: &KeyEvent) {
    rate_input(state).handle_key(key);
    state.error = None;
}

/// Marks the item with a level or a rate, as one undoable step.
fn judge(app: &mut App, code: &str, judgement: Judgement) -> Vec<Effect> {
    let Some(walk) = app.walk.as_ref() else {
        return Vec::new();
    };
    let rules = walk.checklist.rules.clone();
    let scope = walk.session().scope;
    let lang = app.lang;
    edit_item(app, code, move |item, response| {
        let mark = Mark {
            judgement,
            ..Mark::default()
        };
        *response = apply_mark(&rules, scope, item, Some(response), &mark)
            .map_err(|error| edit_error(lang, &error))?;
        Ok(())
    })
}
