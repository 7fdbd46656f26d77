//! Importing an office's table from the home screen: a path is typed, the import
//! runs as an effect, and its report (the same lines the CLI prints) is shown.

use crossterm::event::KeyEvent;

use crate::export::table_import_text::ReportLine;
use crate::ops::table_import::TableImportRequest;
use crate::tui::action::Effect;
use crate::tui::app::{App, ImportTableState, Overlay};
use crate::tui::keymap::Command;

/// Opens the path prompt, starting in the folder exports go to.
pub fn open(app: &mut App) {
    let mut input = crate::tui::input::LineInput::default();
    if !app.export_dir.is_empty() {
        let separator = std::path::MAIN_SEPARATOR;
        let dir = app.export_dir.trim_end_matches(separator);
        input.set(&format!("{dir}{separator}"));
    }
    app.overlay = Some(Overlay::ImportTable(ImportTableState {
        input,
        ..ImportTableState::default()
    }));
}

pub fn command(app: &mut App, mut state: ImportTableState, command: Command) -> Vec<Effect> {
    if state.report.is_some() {
        let lines = state.report.as_ref().map_or(0, Vec::len);
        match command {
            Command::Back => return Vec::new(),
            Command::Up => state.scroll = state.scroll.saturating_sub(1),
            Command::Down => state.scroll = (state.scroll + 1).min(lines.saturating_sub(1)),
            Command::PageUp => state.scroll = state.scroll.saturating_sub(10),
            Command::PageDown => state.scroll = (state.scroll + 10).min(lines.saturating_sub(1)),
            _ => {}
        }
        app.overlay = Some(Overlay::ImportTable(state));
        return Vec::new();
    }
    match command {
        Command::Back if !state.busy => Vec::new(),
        Command::Submit if !state.busy => {
            let path = clean_path(&state.input.text());
            if path.is_empty() {
                app.overlay = Some(Overlay::ImportTable(state));
                return Vec::new();
            }
            state.busy = true;
            app.overlay = Some(Overlay::ImportTable(state));
            vec![Effect::ImportTable(TableImportRequest {
                file: path.into(),
                ..TableImportRequest::default()
            })]
        }
        _ => {
            app.overlay = Some(Overlay::ImportTable(state));
            Vec::new()
        }
    }
}

/// A path as typed or pasted from a file manager: without surrounding quotes.
fn clean_path(text: &str) -> String {
    let trimmed = text.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| trimmed.strip_prefix(*q).and_then(|t| t.strip_suffix(*q)))
        .unwrap_or(trimmed);
    unquoted.trim().to_string()
}

pub fn text(state: &mut ImportTableState, key: &KeyEvent) {
    if state.report.is_none() && !state.busy {
        state.input.handle_key(key);
    }
}

pub fn paste(state: &mut ImportTableState, text: &str) {
    if state.report.is_none() && !state.busy {
        state.input.insert_str(text.trim_end_matches(['\n', '\r']));
    }
}

/// The import finished: show its report (or the error, so the path can be fixed),
/// and reload the home data so the new checklist is offered.
pub fn imported(app: &mut App, result: Result<Vec<ReportLine>, String>) -> Vec<Effect> {
    let Some(Overlay::ImportTable(state)) = app.overlay.as_mut() else {
        return match result {
            Ok(_) => vec![Effect::LoadHome],
            Err(message) => {
                app.error(message);
                Vec::new()
            }
        };
    };
    state.busy = false;
    match result {
        Ok(lines) => {
            state.report = Some(lines);
            state.scroll = 0;
            vec![Effect::LoadHome]
        }
        Err(message) => {
            app.error(message);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::i18n::Lang;
    use crate::tui::action::Action;
    use crate::tui::app::Settings;
    use crate::tui::keymap::{Mode, bindings, lookup};
    use crate::tui::theme::Theme;
    use crate::tui::update::update;

    fn app() -> App {
        let wall = DateTime::parse_from_rfc3339("2026-11-21T14:02:31+08:00").expect("time");
        let mut app = App::new(Lang::Zh, Theme::plain(), Settings::default(), wall);
        app.export_dir = "/home/王敏".into();
        app
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn line(text: &str) -> ReportLine {
        ReportLine {
            text: text.into(),
            problem: false,
        }
    }

    #[test]
    fn the_home_key_opens_a_prompt_in_the_export_folder() {
        let mut app = app();
        let command = lookup(Mode::Home, &key('i')).expect("i is bound on home");
        assert_eq!(command, Command::ImportTable);
        assert!(
            bindings(Mode::Home)
                .iter()
                .any(|b| b.command == Command::ImportTable && b.hint)
        );
        assert!(!app.lang.command(Command::ImportTable).hint.is_empty());
        update(&mut app, Action::Command(command));
        assert_eq!(app.mode(), Mode::Prompt);
        let Some(Overlay::ImportTable(state)) = &app.overlay else {
            panic!("no prompt: {:?}", app.overlay);
        };
        assert_eq!(
            state.input.text(),
            format!("/home/王敏{}", std::path::MAIN_SEPARATOR)
        );
    }

    #[test]
    fn enter_asks_for_the_import_of_the_typed_path_once() {
        let mut app = app();
        update(&mut app, Action::Command(Command::ImportTable));
        update(&mut app, Action::Paste("'细则.xlsx'\n".into()));
        if let Some(Overlay::ImportTable(state)) = app.overlay.as_mut() {
            state.input.set("  '/tmp/测评 细则.xlsx' ");
        }
        let effects = update(&mut app, Action::Command(Command::Submit));
        let [Effect::ImportTable(request)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        assert_eq!(
            request.file,
            std::path::PathBuf::from("/tmp/测评 细则.xlsx")
        );
        assert_eq!(request.output, None, "to the user's checklists folder");
        // While it runs, keys neither start a second import nor close the prompt.
        assert!(update(&mut app, Action::Command(Command::Submit)).is_empty());
        update(&mut app, Action::Command(Command::Back));
        update(&mut app, Action::Text(key('z')));
        assert!(
            matches!(&app.overlay, Some(Overlay::ImportTable(s)) if s.busy && !s.input.text().contains('z'))
        );
    }

    #[test]
    fn the_report_is_shown_scrolled_and_closed_and_home_reloads() {
        let mut app = app();
        update(&mut app, Action::Command(Command::ImportTable));
        update(&mut app, Action::Command(Command::Submit));
        let lines: Vec<ReportLine> = (1..=30).map(|n| line(&format!("第{n}行"))).collect();
        let effects = update(&mut app, Action::TableImported(Ok(lines)));
        assert!(
            matches!(effects.as_slice(), [Effect::LoadHome]),
            "{effects:?}"
        );
        assert_eq!(app.mode(), Mode::ImportReport);
        update(&mut app, Action::Command(Command::PageDown));
        update(&mut app, Action::Command(Command::Down));
        assert!(matches!(&app.overlay, Some(Overlay::ImportTable(s)) if s.scroll == 11));
        for _ in 0..5 {
            update(&mut app, Action::Command(Command::PageDown));
        }
        assert!(matches!(&app.overlay, Some(Overlay::ImportTable(s)) if s.scroll == 29));
        update(&mut app, Action::Command(Command::Back));
        assert!(app.overlay.is_none());
        assert_eq!(app.mode(), Mode::Home);
    }

    #[test]
    fn a_refused_table_leaves_the_prompt_open_with_the_reason() {
        let mut app = app();
        update(&mut app, Action::Command(Command::ImportTable));
        update(&mut app, Action::Command(Command::Submit));
        let effects = update(
            &mut app,
            Action::TableImported(Err("细则.xlsx：找不到可识别的表头".into())),
        );
        assert!(effects.is_empty());
        assert_eq!(
            app.message.as_ref().map(|m| m.text.as_str()),
            Some("细则.xlsx：找不到可识别的表头")
        );
        assert!(
            matches!(&app.overlay, Some(Overlay::ImportTable(s)) if !s.busy && s.report.is_none())
        );
        update(&mut app, Action::Text(key('a')));
        update(&mut app, Action::Command(Command::Back));
        assert!(app.overlay.is_none());
    }
}
