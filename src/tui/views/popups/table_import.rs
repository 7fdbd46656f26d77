//! Importing an office's table: the path prompt, then the report as the CLI prints it,
//! rows not read and warnings marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, popup_frame};
use crate::tui::app::{App, ImportTableState};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, wrap};

pub fn import_table(frame: &mut Frame, app: &App, state: &ImportTableState) {
    let t = app.lang.ui();
    let screen = frame.area();
    match &state.report {
        None => {
            let area = layout::popup(screen, screen.width.saturating_sub(4).min(72), 6);
            let inner = popup_frame(frame, app, area, t.import_table_title);
            let row = Rect { height: 1, ..inner };
            let label = t.import_table_path;
            if let Some(position) = input_line(
                frame,
                app,
                row,
                label,
                label.width(),
                &state.input,
                !state.busy,
            ) {
                frame.set_cursor_position(position);
            }
            if inner.height > 2 {
                let note = if state.busy {
                    t.import_table_busy
                } else {
                    t.import_table_kinds
                };
                let area = Rect {
                    y: inner.y + 1,
                    height: 1,
                    ..inner
                };
                frame.render_widget(
                    Paragraph::new(Line::styled(display_line(note), app.theme.dim())),
                    area,
                );
            }
            hint_at_bottom(frame, app, inner, Mode::Prompt);
        }
        Some(report) => {
            let area = layout::popup(
                screen,
                screen.width.saturating_sub(2).min(100),
                screen.height.saturating_sub(2),
            );
            let inner = popup_frame(frame, app, area, t.import_report_title);
            let width = usize::from(inner.width).max(4);
            let mut lines: Vec<Line> = Vec::new();
            for entry in report.iter().skip(state.scroll) {
                let style = if entry.problem {
                    app.theme.warning()
                } else {
                    ratatui::style::Style::new()
                };
                for piece in wrap(&entry.text, width) {
                    lines.push(Line::from(Span::styled(piece, style)));
                }
            }
            let height = usize::from(inner.height.saturating_sub(1));
            lines.truncate(height);
            let body = Rect {
                height: inner.height.saturating_sub(1),
                ..inner
            };
            frame.render_widget(Paragraph::new(lines), body);
            hint_at_bottom(frame, app, inner, Mode::ImportReport);
        }
    }
}
