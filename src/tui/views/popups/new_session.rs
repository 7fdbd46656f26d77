//! The new-session form.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, popup_frame, rows};
use crate::tui::app::{App, ChecklistOrigin, NewField, NewSessionState};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, fit, truncate};

pub fn new_session(frame: &mut Frame, app: &App, state: &NewSessionState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), 14);
    let inner = popup_frame(frame, app, area, t.new_session_title);
    let labels = [
        t.checklist,
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
        match field {
            NewField::Checklist => {
                let choice = app.home.data.checklists.get(state.checklist);
                let text = choice.map_or_else(String::new, |c| {
                    let origin = match c.origin {
                        ChecklistOrigin::Builtin => t.checklist_origins[0],
                        ChecklistOrigin::User => t.checklist_origins[1],
                        ChecklistOrigin::Archive => t.checklist_origins[2],
                    };
                    format!("< {} v{} {origin} >", display_line(&c.title), c.version)
                });
                let style = if focused {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let line = Line::from(vec![
                    Span::styled(fit(t.checklist, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(
                        truncate(&text, width.saturating_sub(label_width + 2)),
                        style,
                    ),
                ]);
                frame.render_widget(Paragraph::new(line), row);
            }
            NewField::Recheck => {
                let mark = if state.recheck { "[x]" } else { "[ ]" };
                let style = if focused {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let line = Line::from(vec![
                    Span::styled(fit(t.recheck_first, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(mark, style),
                ]);
                frame.render_widget(Paragraph::new(line), row);
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
                if field == NewField::Department {
                    let suggestions =
                        crate::tui::update::department_suggestions(app, &state.department.text());
                    if !suggestions.is_empty()
                        && let Some(row) = lines.next()
                    {
                        let mut spans = vec![Span::raw(" ".repeat(label_width + 2))];
                        for (i, name) in suggestions.iter().enumerate() {
                            let style = if state.suggestion == Some(i) {
                                app.theme.selected()
                            } else {
                                app.theme.dim()
                            };
                            spans.push(Span::styled(display_line(name), style));
                            spans.push(Span::raw(" "));
                        }
                        frame.render_widget(Paragraph::new(Line::from(spans)), row);
                    }
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
    hint_at_bottom(frame, app, inner, Mode::NewSession);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
