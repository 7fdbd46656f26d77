//! Dialogs: confirmation, help, export, the done note, merge conflicts.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, picker, popup_frame, rows};
use crate::tui::app::{App, Confirm, ConflictsState, ExportState};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, fit, truncate, wrap};
use crate::tui::views::common::{global_help_rows, help_rows, hint_line};

pub fn confirm(frame: &mut Frame, app: &App, confirm: &Confirm) {
    let t = app.lang.ui();
    let question = match confirm {
        Confirm::Trash { label, .. } => format!("{} {}?", t.confirm_trash, display_line(label)),
        Confirm::LeaveUnsaved => t.confirm_leave_unsaved.to_string(),
        Confirm::FinishPending { pending } => (t.confirm_finish_pending)(*pending),
        Confirm::Detach { file, .. } => format!("{}?", (t.confirm_detach)(&display_line(file))),
        Confirm::DetachFromActivity { file, .. } => {
            (app.lang.deadlines().confirm_detach)(&display_line(file))
        }
        Confirm::Overwrite { path, .. } => {
            format!("{}? {}", t.confirm_overwrite, display_line(path))
        }
    };
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).min(56);
    let text = wrap(&question, usize::from(width.saturating_sub(2)));
    let area = layout::popup(screen, width, text.len() as u16 + 3);
    let inner = popup_frame(frame, app, area, t.confirm_title);
    let mut lines: Vec<Line> = text.into_iter().map(Line::from).collect();
    lines.push(hint_line(app, app.mode(), inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Text to read (wrapped, paths whole), and the key that closes it.
pub fn notice(frame: &mut Frame, app: &App, title: &str, text: &str) {
    let screen = frame.area();
    // As wide as the screen allows, so that a path stays on one line where it can.
    let width = screen.width.saturating_sub(2);
    let text = wrap(text, usize::from(width.saturating_sub(2)));
    let area = layout::popup(screen, width, text.len() as u16 + 3);
    let inner = popup_frame(frame, app, area, title);
    let mut lines: Vec<Line> = text.into_iter().map(Line::from).collect();
    lines.push(hint_line(app, Mode::Notice, inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn help(frame: &mut Frame, app: &App, scroll: usize) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(2).min(72),
        screen.height.saturating_sub(2),
    );
    let inner = popup_frame(frame, app, area, t.help_title);
    let mode = app.screen_mode();
    let mut rows_text = help_rows(app, mode);
    if mode == Mode::Walk {
        rows_text.push((String::new(), String::new()));
        rows_text.push((String::new(), t.editor_keys.to_string()));
        rows_text.extend(help_rows(app, Mode::Editor));
    }
    rows_text.extend(global_help_rows(app));
    let key_width = rows_text
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(8)
        .min(20);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (keys, description) in rows_text {
        let text_width = width.saturating_sub(key_width + 2).max(4);
        for (i, piece) in wrap(&description, text_width).into_iter().enumerate() {
            let keys = if i == 0 {
                fit(&keys, key_width)
            } else {
                " ".repeat(key_width)
            };
            lines.push(Line::from(vec![
                Span::styled(keys, app.theme.key()),
                Span::raw("  "),
                Span::raw(piece),
            ]));
        }
    }
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(
        Paragraph::new(shown).block(Block::new().borders(Borders::NONE)),
        inner,
    );
}

pub fn export(frame: &mut Frame, app: &App, state: &ExportState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(70), 8);
    let inner = popup_frame(frame, app, area, t.export_title);
    let label_width = [t.format, t.scope, t.place]
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(4);
    let width = usize::from(inner.width);
    let mut lines = rows(inner);
    let format = crate::export::Format::CHOICES.get(state.format).copied();
    let room = width.saturating_sub(label_width + 2);
    let format_text = format.map_or_else(String::new, |f| {
        picker(&format!("{} {}", f.extension(), f.describe_zh()), room)
    });
    let scope_text = match (state.scope, &state.session, &state.round) {
        (0, Some((_, department)), _) => picker(
            &format!("{} {}", t.scope_session, display_line(department)),
            room,
        ),
        (_, _, Some(round)) => picker(&format!("{} {}", display_line(round), t.scope_round), room),
        _ => String::new(),
    };
    for (index, (label, value)) in [(t.format, format_text), (t.scope, scope_text)]
        .into_iter()
        .enumerate()
    {
        if let Some(row) = lines.next() {
            let style = if state.field == index {
                app.theme.selected()
            } else {
                Style::new()
            };
            let line = Line::from(vec![
                Span::styled(fit(label, label_width), app.theme.label()),
                Span::raw("  "),
                Span::styled(
                    truncate(&value, width.saturating_sub(label_width + 2)),
                    style,
                ),
            ]);
            frame.render_widget(Paragraph::new(line), row);
        }
    }
    if let Some(row) = lines.next()
        && let Some(position) = input_line(
            frame,
            app,
            row,
            t.place,
            label_width,
            &state.path,
            state.field == 2,
        )
    {
        frame.set_cursor_position(position);
    }
    hint_at_bottom(frame, app, inner, app.mode());
}

/// One version of a response, as one line of text: status, note, who and when.
fn version_text(
    app: &App,
    code: &str,
    response: Option<&crate::model::session::Response>,
) -> String {
    let Some(response) = response else {
        return app
            .lang
            .status(crate::model::session::Status::Pending)
            .to_string();
    };
    let item = app.walk.as_ref().and_then(|walk| {
        walk.outline
            .item_index(code)
            .map(|i| &walk.outline.items[i])
    });
    let mut text = match item {
        Some(item) => app.lang.item_status(item, response.status).to_string(),
        None => app.lang.status(response.status).to_string(),
    };
    if !response.note.is_empty() {
        text.push_str(&format!(" / {}", response.note));
    }
    if let Some(rect) = &response.rectification {
        text.push_str(&format!(
            " / {} {}",
            app.lang.ui().rectification,
            rect.owner
        ));
    }
    let when = response
        .at
        .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    if !response.by.is_empty() || !when.is_empty() {
        text.push_str(&format!(" ({} {when})", response.by));
    }
    text
}

pub fn conflicts(frame: &mut Frame, app: &App, state: &ConflictsState) {
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_ref() else {
        return;
    };
    let session = walk.session();
    let codes: Vec<&String> = session
        .conflicts
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(c, _)| c)
        .collect();
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(4).min(76),
        screen.height.saturating_sub(2).min(20),
    );
    let inner = popup_frame(
        frame,
        app,
        area,
        &format!("{} ({})", t.conflicts_title, codes.len()),
    );
    let width = usize::from(inner.width);
    let list_rows = codes.len().min(5);
    let offset = state.item.saturating_sub(list_rows.saturating_sub(1));
    let mut lines: Vec<Line> = codes
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_rows)
        .map(|(index, code)| {
            let title = walk
                .outline
                .item_index(code)
                .map(|i| walk.outline.items[i].title.clone())
                .unwrap_or_default();
            let style = if index == state.item {
                app.theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(
                fit(&format!("{code} {}", display_line(&title)), width),
                style,
            ))
        })
        .collect();
    if let Some(code) = codes.get(state.item) {
        lines.extend(versions(app, session, code, state, width));
    }
    let height = usize::from(inner.height.saturating_sub(1));
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), inner);
    hint_at_bottom(frame, app, inner, Mode::Conflicts);
}

/// The version in effect and the selected other version of item `code`.
fn versions(
    app: &App,
    session: &crate::model::session::Session,
    code: &str,
    state: &ConflictsState,
    width: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let mut lines = Vec::new();
    {
        let versions = session
            .conflicts
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let label_width = [t.in_effect, t.other_version]
            .iter()
            .map(|l| l.width())
            .max()
            .unwrap_or(4)
            + 4;
        let text_width = width.saturating_sub(label_width + 2).max(4);
        let mut field = |label: String, text: String, style: Style| {
            for (i, piece) in wrap(&text, text_width).into_iter().enumerate() {
                let label = if i == 0 { label.clone() } else { String::new() };
                lines.push(Line::from(vec![
                    Span::styled(fit(&label, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(piece, style),
                ]));
            }
        };
        field(
            t.in_effect.to_string(),
            version_text(app, code, session.responses.get(code)),
            Style::new(),
        );
        let count = versions.len();
        if let Some(version) = versions.get(state.version.min(count.saturating_sub(1))) {
            field(
                format!(
                    "{} {}/{count}",
                    t.other_version,
                    state.version.min(count - 1) + 1
                ),
                version_text(app, code, Some(version)),
                app.theme.warning(),
            );
        }
    }
    lines
}
