//! `update(&mut App, Action) -> Vec<Effect>`: the only place the app state changes.
//! Pure: time comes in through `App::now`/`App::wall`, I/O goes out as effects.

mod activity_files;
mod conflicts;
mod deadlines;
mod duties;
mod export;
mod forms;
mod history;
mod home;
mod items;
mod ledger;
mod problem;
mod rounds;
mod save;
mod table_import;
mod walk;

use super::action::{Action, Effect, SaveOutcome, SaveReport};
use super::app::{App, Confirm, MessageKind, Overlay, RunningJob, Screen, WalkState};
use super::keymap::{Command, Mode};
use super::layout;

pub use deadlines::ACTIVITY_DETAIL_ROWS;
pub use duties::duties_areas;
pub use forms::department_suggestions;
pub use ledger::LEDGER_DETAIL_ROWS;
pub use rounds::list_height;
pub use save::leave_walk;
use save::{autosave, save_finished};
pub use walk::open_session;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(command) => {
            if app
                .message
                .as_ref()
                .is_some_and(|m| m.kind == MessageKind::Info)
            {
                app.message = None;
            }
            command_in_mode(app, command)
        }
        Action::Text(key) => forms::text(app, &key),
        Action::Paste(text) => forms::paste(app, &text),
        Action::Click { column, row } => click(app, column, row),
        Action::ScrollUp => scroll(app, Command::Up),
        Action::ScrollDown => scroll(app, Command::Down),
        Action::Resize(width, height) => {
            app.size = (width, height);
            walk::keep_selection_visible(app);
            home::keep_selection_visible(app);
            Vec::new()
        }
        Action::Tick => autosave(app),
        Action::QuitRequested => {
            if matches!(app.overlay, Some(Overlay::Editor(_))) {
                forms::command(app, Command::FinishEditing);
            }
            app.overlay = None;
            if app.walk.is_some() {
                app.quit_after_close = true;
                leave_walk(app)
            } else {
                app.quit = true;
                Vec::new()
            }
        }
        Action::HomeLoaded(data) => {
            let notices = data.notices.clone();
            let unreadable = data.unreadable.len();
            app.home.set_data(*data);
            home::keep_selection_visible(app);
            if unreadable > 0 || !notices.is_empty() {
                let t = app.lang.ui();
                let mut text = notices.join(" ");
                if unreadable > 0 {
                    text = format!("{} {unreadable}. {text}", t.unreadable_count);
                }
                app.error(text.trim().to_string());
            }
            home::load_board(app, true)
        }
        Action::BoardLoaded(board) => {
            app.home.board = Some(board);
            home::keep_selection_visible(app);
            Vec::new()
        }
        Action::SessionOpened(opened) => walk::opened(app, *opened),
        Action::CompareLoaded(data) => rounds::compare_loaded(app, *data),
        Action::HistoryLoaded(data) => history::history_loaded(app, *data),
        Action::LedgerLoaded(entries) => ledger::ledger_loaded(app, entries),
        Action::DutiesLoaded(data) => duties::duties_loaded(app, *data),
        Action::Exported(path) => {
            let text = format!("{} {path}", app.lang.ui().exported_to);
            app.info(text);
            Vec::new()
        }
        Action::ExportExists(request, path) => export::exists(app, *request, path),
        Action::FollowUpRecorded(text) => ledger::follow_up_recorded(app, text),
        Action::FollowUpFailed(text) => ledger::follow_up_failed(app, text),
        Action::ProblemAdded(label) => problem::problem_added(app, label),
        Action::ProblemFailed(text) => problem::problem_failed(app, text),
        Action::SaveFinished(report) => save_finished(app, report),
        Action::TableImported(result) => table_import::imported(app, result),
        Action::TaizhangLoaded(data, screen) => deadlines::loaded(app, *data, screen),
        Action::ProfileCreated(count) => deadlines::profile_created(app, count),
        Action::ActivitySaved(text) => deadlines::activity_saved(app, text),
        Action::Trashed { path, data_dir } => home::trashed(app, &path, &data_dir),
        Action::AttachmentsStored { code, attachments } => {
            let text = (app.lang.ui().attached)(attachments.len());
            let effects = walk::edit_item(app, &code, move |_, response| {
                response.attachments.extend(attachments);
                Ok(())
            });
            app.info(text);
            effects
        }
        Action::Failed(text) => {
            app.error(text);
            Vec::new()
        }
        Action::Info(text) => {
            app.info(text);
            Vec::new()
        }
        Action::JobStarted { id, kind } => {
            app.jobs.running.push(RunningJob {
                id,
                kind,
                started: app.now,
                done: 0,
                total: 0,
            });
            Vec::new()
        }
        Action::JobProgress { id, done, total } => {
            if let Some(job) = app.jobs.running.iter_mut().find(|job| job.id == id) {
                (job.done, job.total) = (done, total);
            }
            Vec::new()
        }
        Action::JobDone { id, result } => {
            app.jobs.running.retain(|job| job.id != id);
            result
                .into_iter()
                .flat_map(|action| update(app, action))
                .collect()
        }
    }
}

fn command_in_mode(app: &mut App, command: Command) -> Vec<Effect> {
    match app.mode() {
        Mode::Home => home::command(app, command),
        Mode::Walk => walk::command(app, command),
        Mode::Help => help_command(app, command),
        Mode::Confirm | Mode::ConfirmReplace => confirm_command(app, command),
        Mode::Editor
        | Mode::Search
        | Mode::Deductions
        | Mode::FreeDeduction
        | Mode::Rectify
        | Mode::Evidence
        | Mode::NewSession
        | Mode::Export
        | Mode::Choice
        | Mode::Prompt
        | Mode::Levels
        | Mode::Rate
        | Mode::Problem => forms::command(app, command),
        Mode::ImportReport => match app.overlay.take() {
            Some(Overlay::ImportTable(state)) => table_import::command(app, state, command),
            other => {
                app.overlay = other;
                Vec::new()
            }
        },
        Mode::Conflicts => match app.overlay.take() {
            Some(Overlay::Conflicts(state)) => conflicts::command(app, state, command),
            other => {
                app.overlay = other;
                Vec::new()
            }
        },
        Mode::Notice => {
            if command == Command::Back {
                app.overlay = None;
            }
            Vec::new()
        }
        Mode::Compare => rounds::compare_command(app, command),
        Mode::History => history::history_command(app, command),
        Mode::Ledger => ledger::ledger_command(app, command),
        Mode::Duties => duties::duties_command(app, command),
        Mode::Deadlines => deadlines::deadlines_command(app, command),
        Mode::Activities => deadlines::activities_command(app, command),
        Mode::ActivityForm => deadlines::form_mode(app, command),
    }
}

fn help_command(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(Overlay::Help { scroll }) = &mut app.overlay else {
        return Vec::new();
    };
    match command {
        Command::Up => *scroll = scroll.saturating_sub(1),
        Command::Down => *scroll += 1,
        Command::PageUp => *scroll = scroll.saturating_sub(10),
        Command::PageDown => *scroll += 10,
        Command::Back => app.overlay = None,
        _ => {}
    }
    Vec::new()
}

fn confirm_command(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(Overlay::Confirm(confirm)) = app.overlay.take() else {
        return Vec::new();
    };
    if command != Command::Yes {
        if command != Command::No {
            app.overlay = Some(Overlay::Confirm(confirm));
        }
        return Vec::new();
    }
    match confirm {
        Confirm::Trash { id, .. } => vec![Effect::TrashSession { id }, Effect::LoadHome],
        Confirm::Overwrite { mut request, .. } => {
            request.replace = true;
            vec![Effect::Export(request)]
        }
        Confirm::FinishPending { .. } => walk::set_finished(app, true),
        Confirm::Detach { code, index, .. } => walk::edit_item(app, &code, move |_, response| {
            crate::model::attachment::detach(&mut response.attachments, index);
            Ok(())
        }),
        Confirm::DetachFromActivity { id, number, .. } => {
            vec![Effect::DetachFromActivity { id, number }]
        }
        Confirm::LeaveUnsaved => match app.walk.take() {
            Some(walk) => {
                app.screen = Screen::Home;
                let id = walk.session().id;
                let mut effects = vec![
                    Effect::Recover(Box::new(walk.loaded.session)),
                    Effect::CloseSession { id },
                    Effect::LoadHome,
                ];
                if app.quit_after_close {
                    app.quit = true;
                    effects.pop();
                }
                effects
            }
            None => Vec::new(),
        },
    }
}

fn scroll(app: &mut App, command: Command) -> Vec<Effect> {
    match app.mode() {
        Mode::Walk
        | Mode::Home
        | Mode::Help
        | Mode::Compare
        | Mode::History
        | Mode::Ledger
        | Mode::Duties
        | Mode::Deadlines
        | Mode::Activities => command_in_mode(app, command),
        _ => Vec::new(),
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.overlay.is_some() {
        return Vec::new();
    }
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    if layout::too_small(area) {
        return Vec::new();
    }
    match app.screen {
        Screen::Walk => {
            let areas = layout::walk(area);
            if let Some(walk) = app.walk.as_mut()
                && layout::contains(areas.tree, column, row)
            {
                let index = walk.scroll + usize::from(row - areas.tree.y);
                if index < walk.rows.len() {
                    walk.cursor = index;
                }
            }
        }
        Screen::Home => home::click(app, area, column, row),
        Screen::Compare
        | Screen::History
        | Screen::Ledger
        | Screen::Duties
        | Screen::Deadlines
        | Screen::Activities => {}
    }
    Vec::new()
}

/// The tree's visible height, for paging and keeping the selection in view.
pub(crate) fn tree_height(app: &App) -> usize {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    usize::from(layout::walk(area).tree.height).max(1)
}

pub(crate) fn ensure_visible(cursor: usize, scroll: &mut usize, height: usize) {
    if cursor < *scroll {
        *scroll = cursor;
    } else if cursor >= *scroll + height {
        *scroll = cursor + 1 - height;
    }
}

/// Who is editing (`ops::who`): the inspector remembered on this machine, else the
/// session's inspector, else the login name.
pub(crate) fn editor_name(app: &App, walk: &WalkState) -> String {
    crate::ops::who::editor_name(&[&app.settings.inspector], walk.session(), &app.login)
}

#[cfg(test)]
mod tests;
