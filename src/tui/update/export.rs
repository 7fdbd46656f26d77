//! The export dialog: format, scope (this session or its whole round), place.

use super::super::action::Effect;
use super::super::app::{App, Confirm, ExportRequest, ExportState, ExportTarget, Overlay, Screen};
use super::super::input::LineInput;
use super::super::keymap::Command;
use crate::export::Format;

/// How the scope last used is remembered in the settings.
const SCOPE_SESSION: &str = "session";
const SCOPE_ROUND: &str = "round";

/// `e`: the dialog for the open session, or for home's selection, on the format
/// and scope used last (docx and the session the first time).
pub fn open_dialog(app: &mut App) -> Vec<Effect> {
    let (session, round) = match (app.screen, app.walk.as_ref()) {
        (Screen::Walk, Some(walk)) => {
            let s = walk.session();
            (Some((s.id, s.department.clone())), Some(s.round.clone()))
        }
        _ => {
            let session = app
                .home
                .selected_session()
                .map(|row| (row.id, row.department.clone()));
            (session, app.home.selected_round().map(str::to_string))
        }
    };
    if session.is_none() && round.is_none() {
        let text = app.lang.ui().select_a_session.to_string();
        app.info(text);
        return Vec::new();
    }
    let last = app.settings.export_format.parse().unwrap_or(Format::Docx);
    let format = Format::CHOICES.iter().position(|f| *f == last).unwrap_or(0);
    let round_last = app.settings.export_scope == SCOPE_ROUND;
    app.overlay = Some(Overlay::Export(ExportState {
        scope: if session.is_some() && !(round_last && round.is_some()) {
            0
        } else {
            1
        },
        session,
        round,
        format,
        path: LineInput::new(&app.export_dir),
        field: 0,
    }));
    Vec::new()
}

pub fn command(app: &mut App, mut state: ExportState, command: Command) -> Vec<Effect> {
    let formats = Format::CHOICES.len();
    match command {
        Command::NextField => state.field = (state.field + 1) % 3,
        Command::PrevField => state.field = (state.field + 2) % 3,
        Command::Up | Command::Down | Command::PrevChoice | Command::NextChoice => {
            let down = matches!(command, Command::Down | Command::NextChoice);
            match state.field {
                0 => {
                    state.format = if down {
                        (state.format + 1) % formats
                    } else {
                        (state.format + formats - 1) % formats
                    };
                }
                1 if state.session.is_some() && state.round.is_some() => {
                    state.scope = 1 - state.scope;
                }
                _ => {}
            }
        }
        Command::Back => return Vec::new(),
        Command::Submit => {
            let Some(request) = request(app, &state) else {
                return Vec::new();
            };
            app.export_dir = state.path.text();
            app.settings.export_format = request.format.extension().to_string();
            app.settings.export_scope = match request.target {
                ExportTarget::Session { .. } => SCOPE_SESSION,
                ExportTarget::Round(_) => SCOPE_ROUND,
            }
            .to_string();
            return vec![
                Effect::SaveSettings(app.settings.clone()),
                Effect::Export(Box::new(request)),
            ];
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Export(state));
    Vec::new()
}

fn request(app: &App, state: &ExportState) -> Option<ExportRequest> {
    let target = match (state.scope, &state.session, &state.round) {
        (0, Some((id, _)), _) => ExportTarget::Session {
            id: *id,
            open: app
                .walk
                .as_ref()
                .filter(|walk| walk.session().id == *id)
                .map(|walk| Box::new(walk.session().clone())),
        },
        (_, _, Some(round)) => ExportTarget::Round(round.clone()),
        _ => return None,
    };
    Some(ExportRequest {
        target,
        format: Format::CHOICES.get(state.format).copied()?,
        path: state.path.text(),
        replace: false,
    })
}

/// The file exists: ask whether to replace it.
pub fn exists(app: &mut App, request: ExportRequest, path: String) -> Vec<Effect> {
    app.overlay = Some(Overlay::Confirm(Confirm::Overwrite {
        request: Box::new(request),
        path,
    }));
    Vec::new()
}
