//! The new-session form.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, picker, popup_frame, rows};
use crate::tui::app::{App, ChecklistOrigin, NewField, NewSessionState};
use crate::tui::layout;
use crate::tui::text::{display_line, fit, truncate};

pub fn new_session(frame: &mut Frame, app: &App, state: &NewSessionState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), 15);
    let inner = popup_frame(frame, app, area, t.new_session_title);
    let labels = [
        t.checklist,
        app.lang.scoring().scope_label,
        t.department,
        t.round,
        t.date,
        t.inspector,
        t.recheck_first,
    ];
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(4);
    let width = usize::from(inner.width);
    let mut cursor = None;
    let mut lines = rows(inner);
    for field in NewField::ORDER {
        let Some(row) = lines.next() else { break };
        let focused = state.field == field;
        let style = if focused {
            app.theme.selected()
        } else {
            Style::new()
        };
        let room = width.saturating_sub(label_width + 2);
        let choice = |label: &str, text: &str| {
            Line::from(vec![
                Span::styled(fit(label, label_width), app.theme.label()),
                Span::raw("  "),
                Span::styled(truncate(text, room), style),
            ])
        };
        match field {
            NewField::Checklist => {
                let text = checklist_picker(app, state, room);
                frame.render_widget(Paragraph::new(choice(t.checklist, &text)), row);
            }
            NewField::Scope => {
                let text = picker(app.lang.scope(state.scope), room);
                let label = app.lang.scoring().scope_label;
                frame.render_widget(Paragraph::new(choice(label, &text)), row);
            }
            NewField::Recheck => {
                let mark = if state.recheck { "[x]" } else { "[ ]" };
                frame.render_widget(Paragraph::new(choice(t.recheck_first, mark)), row);
            }
            _ => {
                let (label, input) = match field {
                    NewField::Department => (t.department, &state.department),
                    NewField::Round => (t.round, &state.round),
                    NewField::Date => (t.date, &state.date),
                    _ => (t.inspector, &state.inspector),
                };
                if let Some(position) =
                    input_line(frame, app, row, label, label_width, input, focused)
                {
                    cursor = Some(position);
                }
                if field == NewField::Department
                    && let Some(line) = suggestions(app, state, label_width)
                    && let Some(row) = lines.next()
                {
                    frame.render_widget(Paragraph::new(line), row);
                }
            }
        }
    }
    if let (Some(row), Some(error)) = (lines.next(), &state.error) {
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(error, width), app.theme.warning())),
            row,
        );
    }
    hint_at_bottom(frame, app, inner, app.mode());
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The chosen checklist as a picker: title, version and where it comes from.
fn checklist_picker(app: &App, state: &NewSessionState, room: usize) -> String {
    let t = app.lang.ui();
    let chosen = app.home.data.checklists.get(state.checklist);
    chosen.map_or_else(String::new, |c| {
        let origin = match c.origin {
            ChecklistOrigin::Builtin => t.checklist_origins[0],
            ChecklistOrigin::User => t.checklist_origins[1],
            ChecklistOrigin::Archive => t.checklist_origins[2],
        };
        let title = format!("{} v{} {origin}", display_line(&c.title), c.version);
        picker(&title, room)
    })
}

/// Department names seen before that match what is typed, under the field.
fn suggestions(app: &App, state: &NewSessionState, label_width: usize) -> Option<Line<'static>> {
    let names = crate::tui::update::department_suggestions(app, &state.department.text());
    if names.is_empty() {
        return None;
    }
    let mut spans = vec![Span::raw(" ".repeat(label_width + 2))];
    for (i, name) in names.iter().enumerate() {
        let style = if state.suggestion == Some(i) {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        spans.push(Span::styled(display_line(name), style));
        spans.push(Span::raw(" "));
    }
    Some(Line::from(spans))
}
