//! The deadlines and activity screens (docs/design.md §14), the home screen's keys
//! that lead there, and the activity form.

use super::super::action::Effect;
use super::super::app::{
    ActivityField, ActivityFormState, App, Overlay, ProfileStatus, Screen, TaizhangData,
    TaizhangState,
};
use super::super::input::LineInput;
use super::super::keymap::Command;
use super::ensure_visible;
use crate::model::activity::{ActivityFields, Copy};
use crate::model::text::normalize_name;

/// Lines under the activity list about the selected activity's material (a rule
/// and what it has; never more than half the list's area).
pub const ACTIVITY_DETAIL_ROWS: u16 = 5;

/// Rows of the list area on screen (a title row and a header row above).
pub fn activity_rows(app: &App) -> usize {
    super::rounds::list_height(app, 0)
}

/// Rows of the activity list itself, above the selected activity's material.
fn activity_list_rows(app: &App) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let rows = super::super::layout::list_screen(area, 0).rows;
    let [list, _] = super::super::layout::list_and_detail(rows, ACTIVITY_DETAIL_ROWS);
    usize::from(list.height).max(1)
}

/// Loads the data of the deadlines or activity screen, which then opens.
pub fn open(app: &mut App, screen: Screen) -> Vec<Effect> {
    if let Some(state) = app.taizhang.as_mut()
        && matches!(app.screen, Screen::Deadlines | Screen::Activities)
    {
        app.screen = screen;
        state.cursor = state
            .cursor
            .min(state.data.activities.len().saturating_sub(1));
        return Vec::new();
    }
    vec![Effect::LoadTaizhang { screen }]
}

pub fn loaded(app: &mut App, data: TaizhangData, screen: Screen) -> Vec<Effect> {
    let (cursor, scroll, deadlines_scroll, back) = match app.taizhang.take() {
        Some(old) => (old.cursor, old.scroll, old.deadlines_scroll, old.back),
        None => (0, 0, 0, app.screen),
    };
    let back = if matches!(back, Screen::Deadlines | Screen::Activities) {
        Screen::Home
    } else {
        back
    };
    let count = data.activities.len();
    app.taizhang = Some(TaizhangState {
        data,
        cursor: cursor.min(count.saturating_sub(1)),
        scroll,
        deadlines_scroll,
        back,
    });
    app.screen = screen;
    keep_visible(app);
    Vec::new()
}

pub fn profile_created(app: &mut App, departments: usize) -> Vec<Effect> {
    let text = (app.lang.deadlines().profile_created)(departments);
    app.info(text);
    vec![Effect::LoadHome]
}

/// An activity was saved: say so and show the screen with it.
pub fn activity_saved(app: &mut App, text: String) -> Vec<Effect> {
    app.info(text);
    let screen = if app.screen == Screen::Deadlines {
        Screen::Deadlines
    } else {
        Screen::Activities
    };
    vec![Effect::LoadTaizhang { screen }]
}

/// `U` on the home screen: creates the profile when there is none.
pub fn create_profile(app: &mut App) -> Vec<Effect> {
    if app.home.data.taizhang.profile == ProfileStatus::Missing {
        vec![Effect::CreateProfile]
    } else {
        Vec::new()
    }
}

fn keep_visible(app: &mut App) {
    let height = activity_list_rows(app);
    if let Some(state) = app.taizhang.as_mut() {
        ensure_visible(state.cursor, &mut state.scroll, height);
    }
}

fn leave(app: &mut App) -> Vec<Effect> {
    let back = app.taizhang.as_ref().map_or(Screen::Home, |s| s.back);
    app.taizhang = None;
    app.screen = back;
    if back == Screen::Home {
        vec![Effect::LoadHome]
    } else {
        Vec::new()
    }
}

pub fn deadlines_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = activity_rows(app);
    let Some(state) = app.taizhang.as_mut() else {
        return Vec::new();
    };
    let scroll = &mut state.deadlines_scroll;
    match command {
        Command::Up => *scroll = scroll.saturating_sub(1),
        Command::Down => *scroll += 1,
        Command::PageUp => *scroll = scroll.saturating_sub(page),
        Command::PageDown => *scroll += page,
        Command::Activities => app.screen = Screen::Activities,
        Command::Ledger => return super::ledger::open_ledger(app),
        Command::Reload => {
            return vec![Effect::LoadTaizhang {
                screen: Screen::Deadlines,
            }];
        }
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Back => return leave(app),
        _ => {}
    }
    Vec::new()
}

pub fn activities_command(app: &mut App, command: Command) -> Vec<Effect> {
    let page = activity_list_rows(app).max(2) - 1;
    let today = app.today;
    let Some(state) = app.taizhang.as_mut() else {
        return Vec::new();
    };
    let last = state.data.activities.len().saturating_sub(1);
    let cursor = &mut state.cursor;
    match command {
        Command::Up => *cursor = cursor.saturating_sub(1),
        Command::Down => *cursor = (*cursor + 1).min(last),
        Command::PageUp => *cursor = cursor.saturating_sub(page),
        Command::PageDown => *cursor = (*cursor + page).min(last),
        Command::Top => *cursor = 0,
        Command::Bottom => *cursor = last,
        Command::HandInElectronic | Command::HandInPaper => {
            let copy = if command == Command::HandInPaper {
                Copy::Paper
            } else {
                Copy::Electronic
            };
            if let Some(row) = state.selected() {
                return vec![Effect::HandIn {
                    id: row.activity.id,
                    copy,
                    date: today,
                }];
            }
        }
        Command::AddActivity => app.overlay = Some(Overlay::ActivityForm(new_form(app))),
        Command::AddEvidence => return super::activity_files::open(app),
        Command::Open => {
            if let Some(row) = state.selected() {
                let form = edit_form(&row.activity);
                app.overlay = Some(Overlay::ActivityForm(form));
            }
        }
        Command::Deadlines => app.screen = Screen::Deadlines,
        Command::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Back => return leave(app),
        _ => {}
    }
    keep_visible(app);
    Vec::new()
}

/// A new activity: today, and the department of the selected one.
fn new_form(app: &App) -> ActivityFormState {
    let department = app
        .taizhang
        .as_ref()
        .and_then(TaizhangState::selected)
        .map(|row| row.activity.department.clone())
        .or_else(|| app.home.known_departments().into_iter().next())
        .unwrap_or_default();
    ActivityFormState {
        date: LineInput::new(&app.today.to_string()),
        department: LineInput::new(&department),
        ..ActivityFormState::default()
    }
}

fn edit_form(activity: &crate::model::activity::Activity) -> ActivityFormState {
    ActivityFormState {
        id: Some(activity.id),
        title: LineInput::new(&activity.title),
        date: LineInput::new(&activity.date.to_string()),
        department: LineInput::new(&activity.department),
        kind: LineInput::new(&activity.kind),
        participants: LineInput::new(
            &activity
                .participants
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        evidence: LineInput::new(&activity.evidence.join("、")),
        note: activity.note.clone(),
        ..ActivityFormState::default()
    }
}

pub fn form_mode(app: &mut App, command: Command) -> Vec<Effect> {
    match app.overlay.take() {
        Some(Overlay::ActivityForm(form)) => form_command(app, form, command),
        other => {
            app.overlay = other;
            Vec::new()
        }
    }
}

fn form_command(app: &mut App, mut form: ActivityFormState, command: Command) -> Vec<Effect> {
    let order = ActivityField::ORDER;
    let at = order.iter().position(|f| *f == form.field).unwrap_or(0);
    match command {
        Command::NextField => form.field = order[(at + 1) % order.len()],
        Command::PrevField => form.field = order[(at + order.len() - 1) % order.len()],
        Command::Back => return Vec::new(),
        Command::Submit => match fields_of(app, &form) {
            Ok(fields) => {
                let recorded_by = if app.settings.inspector.is_empty() {
                    app.login.clone()
                } else {
                    app.settings.inspector.clone()
                };
                return vec![Effect::SaveActivity {
                    id: form.id,
                    fields,
                    recorded_by,
                }];
            }
            Err(error) => form.error = Some(error),
        },
        _ => {}
    }
    app.overlay = Some(Overlay::ActivityForm(form));
    Vec::new()
}

/// What the form says, or what is wrong with it (in the user's language).
fn fields_of(app: &App, form: &ActivityFormState) -> Result<ActivityFields, String> {
    let t = app.lang.deadlines();
    let date_text = form.date.text();
    let date = chrono::NaiveDate::parse_from_str(date_text.trim(), "%Y-%m-%d")
        .map_err(|_| (t.bad_date)(&date_text))?;
    let people = form.participants.text();
    let participants = match people.trim() {
        "" => None,
        text => Some(text.parse::<u32>().map_err(|_| (t.bad_number)(&people))?),
    };
    let evidence = form
        .evidence
        .text()
        .split(['、', ',', '，', ';', '；'])
        .map(normalize_name)
        .filter(|label| !label.is_empty())
        .collect();
    let fields = ActivityFields {
        title: form.title.text(),
        date: Some(date),
        department: form.department.text(),
        kind: form.kind.text(),
        participants,
        note: form.note.clone(),
        evidence,
    };
    // The model's own checks (on the activity being edited, with its material),
    // said in the user's language before anything is sent.
    let editing = form.id.and_then(|id| {
        app.taizhang
            .as_ref()?
            .data
            .activities
            .iter()
            .find(|row| row.activity.id == id)
            .map(|row| row.activity.clone())
    });
    let checked = match editing {
        Some(mut activity) => activity.edit(fields.clone(), app.wall),
        None => {
            crate::model::activity::Activity::new(uuid::Uuid::nil(), fields.clone(), "", app.wall)
                .map(|_| ())
        }
    };
    checked
        .map(|()| fields)
        .map_err(|error| crate::i18n::deadlines::activity_error(app.lang, &error))
}

pub fn form_text(form: &mut ActivityFormState, key: &crossterm::event::KeyEvent) {
    let field = form.field;
    form.input_mut(field).handle_key(key);
    form.error = None;
}

pub fn form_paste(form: &mut ActivityFormState, text: &str) {
    let field = form.field;
    form.input_mut(field).insert_str(&text.replace('\n', " "));
}
