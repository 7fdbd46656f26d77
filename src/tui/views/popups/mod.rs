//! Pop-ups: note editor, search bar, deductions, rectification, evidence,
//! new session, confirmation and help. Each puts the terminal cursor at its edit point.

mod activity;
mod dialogs;
mod editor;
mod followup;
mod item;
mod judge;
mod new_session;
mod table_import;

pub use activity::{activity_files, activity_form, file_line};
pub use dialogs::{confirm, conflicts, export, help, notice};
pub use editor::{editor, search};
pub use followup::{follow_up, problem, rectify};
pub use item::{deductions, evidence};
pub use judge::{levels, rate};
pub use new_session::new_session;
pub use table_import::import_table;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::input::LineInput;
use super::super::keymap::Mode;
use super::super::text::{display_line, fit};
use super::common::{clear_popup, frame_block, hint_line};

/// Clears and frames a pop-up; returns the area inside the frame.
pub(super) fn popup_frame(frame: &mut Frame, app: &App, area: Rect, title: &str) -> Rect {
    clear_popup(frame, area);
    let block = frame_block(app, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A one-line input: label, then the text scrolled so the cursor shows.
/// Returns where the terminal cursor belongs.
pub(super) fn input_line(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    label: &str,
    label_width: usize,
    input: &LineInput,
    focused: bool,
) -> Option<Position> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let label_text = fit(label, label_width);
    let field_width = usize::from(area.width)
        .saturating_sub(label_width + 2)
        .max(1);
    let text = display_line(&input.text());
    let cursor = input.cursor_column();
    // Scroll by whole characters so the cursor stays inside the field.
    let mut skip_width = 0;
    let mut shown = text.as_str();
    while cursor.saturating_sub(skip_width) >= field_width {
        let Some(c) = shown.chars().next() else { break };
        skip_width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        shown = &shown[c.len_utf8()..];
    }
    let style = if focused {
        Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let line = Line::from(vec![
        Span::styled(label_text, app.theme.label()),
        Span::raw("  "),
        Span::styled(fit(shown, field_width), style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    focused.then(|| {
        let column = area.x as usize + label_width + 2 + cursor - skip_width;
        Position::new(
            column.min(usize::from(area.right().saturating_sub(1))) as u16,
            area.y,
        )
    })
}

/// Labelled inputs, one a row from `lines`, the `focused`-th one focused; returns
/// where the terminal cursor belongs.
pub(super) fn input_rows(
    frame: &mut Frame,
    app: &App,
    lines: &mut impl Iterator<Item = Rect>,
    fields: &[(&str, &LineInput)],
    label_width: usize,
    focused: usize,
) -> Option<Position> {
    let mut cursor = None;
    for (index, (label, input)) in fields.iter().enumerate() {
        let Some(row) = lines.next() else { break };
        if let Some(position) =
            input_line(frame, app, row, label, label_width, input, focused == index)
        {
            cursor = Some(position);
        }
    }
    cursor
}

/// A message on one row, in the warning style, cut to fit.
pub(super) fn error_row(frame: &mut Frame, app: &App, row: Rect, error: &str) {
    frame.render_widget(
        Paragraph::new(Span::styled(
            crate::tui::text::truncate(error, usize::from(row.width)),
            app.theme.warning(),
        )),
        row,
    );
}

/// [`popup_frame`] with a title of user text (an item's code and title), cut to fit.
pub(super) fn titled_frame(frame: &mut Frame, app: &App, area: Rect, title: &str) -> Rect {
    let width = usize::from(area.width.saturating_sub(4));
    popup_frame(
        frame,
        app,
        area,
        &crate::tui::text::truncate(&display_line(title), width),
    )
}

pub(super) fn rows(area: Rect) -> impl Iterator<Item = Rect> {
    (area.top()..area.bottom()).map(move |y| Rect {
        y,
        height: 1,
        ..area
    })
}

pub(super) fn hint_at_bottom(frame: &mut Frame, app: &App, inner: Rect, mode: Mode) {
    if inner.height < 2 {
        return;
    }
    let area = Rect {
        y: inner.bottom() - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(hint_line(app, mode, area.width)), area);
}

/// A picker's value as `< value >` in `width` cells: the value is cut, never the
/// arrows, so every picker looks the same however narrow the form.
pub(super) fn picker(value: &str, width: usize) -> String {
    let inner = crate::tui::text::truncate(value, width.saturating_sub(4));
    format!("< {inner} >")
}
