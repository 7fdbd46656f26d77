//! Drawing: views borrow the app state and never change it.

pub(crate) mod common;
mod compare;
mod deadlines;
mod detail;
mod detail_fields;
mod detail_followup;
mod duties;
pub mod home;
mod ledger;
mod popups;
mod ranking;
mod rounds;
mod walk;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Screen};
use super::layout;
use super::text::truncate;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame, app);
        return;
    }
    let mode = app.mode();
    match app.screen {
        Screen::Walk if app.walk.is_some() => {
            if let Some(walk) = app.walk.as_ref() {
                walk::draw(frame, app, walk, mode);
            }
        }
        Screen::Compare if app.compare.is_some() => {
            if let Some(state) = app.compare.as_ref() {
                compare::compare(frame, app, state);
            }
        }
        Screen::History if app.history.is_some() => {
            if let Some(state) = app.history.as_ref() {
                rounds::history(frame, app, state);
            }
        }
        Screen::Ledger if app.ledger.is_some() => {
            if let Some(state) = app.ledger.as_ref() {
                ledger::ledger(frame, app, state);
            }
        }
        Screen::Duties if app.duties.is_some() => {
            if let Some(state) = app.duties.as_ref() {
                duties::duties(frame, app, state);
            }
        }
        Screen::Deadlines if app.taizhang.is_some() => {
            if let Some(state) = app.taizhang.as_ref() {
                deadlines::deadlines(frame, app, state);
            }
        }
        Screen::Activities if app.taizhang.is_some() => {
            if let Some(state) = app.taizhang.as_ref() {
                deadlines::activities(frame, app, state);
            }
        }
        _ => home::draw(frame, app, mode),
    }
    match &app.overlay {
        Some(Overlay::Editor(editor)) => popups::editor(frame, app, editor),
        Some(Overlay::Search(search)) => popups::search(frame, app, search),
        Some(Overlay::Deductions(state)) => popups::deductions(frame, app, state),
        Some(Overlay::Rectify(state)) => popups::rectify(frame, app, state),
        Some(Overlay::Evidence(state)) => popups::evidence(frame, app, state),
        Some(Overlay::ActivityFiles(state)) => popups::activity_files(frame, app, state),
        Some(Overlay::NewSession(state)) => popups::new_session(frame, app, state),
        Some(Overlay::Confirm(confirm)) => popups::confirm(frame, app, confirm),
        Some(Overlay::Help { scroll }) => popups::help(frame, app, *scroll),
        Some(Overlay::Export(state)) => popups::export(frame, app, state),
        Some(Overlay::FollowUp(prompt)) => popups::follow_up(frame, app, prompt),
        Some(Overlay::Problem(form)) => popups::problem(frame, app, form),
        Some(Overlay::ImportTable(state)) => popups::import_table(frame, app, state),
        Some(Overlay::Conflicts(state)) => popups::conflicts(frame, app, state),
        Some(Overlay::Levels(state)) => popups::levels(frame, app, state),
        Some(Overlay::Rate(state)) => popups::rate(frame, app, state),
        Some(Overlay::ActivityForm(form)) => popups::activity_form(frame, app, form),
        Some(Overlay::Notice { title, text }) => popups::notice(frame, app, title, text),
        None => {}
    }
}

fn too_small(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let t = app.lang.ui();
    let width = usize::from(area.width);
    let lines = vec![
        Line::from(truncate(t.too_small, width)),
        Line::from(truncate(
            &format!("{} {MIN_WIDTH}x{MIN_HEIGHT}", t.needs),
            width,
        )),
        Line::from(truncate(
            &format!("{} {}x{}", t.now_size, area.width, area.height),
            width,
        )),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod ranking_tests;
#[cfg(test)]
mod table_import_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_activity_files;
#[cfg(test)]
mod tests_attachments;
#[cfg(test)]
mod tests_compare_history;
#[cfg(test)]
mod tests_day;
#[cfg(test)]
mod tests_deadlines;
#[cfg(test)]
mod tests_i16;
#[cfg(test)]
mod tests_rounds;
#[cfg(test)]
mod tests_scoring;
