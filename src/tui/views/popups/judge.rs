//! Pop-ups that judge an item: the levels menu (测评等次) and the rate form.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{error_row, hint_at_bottom, input_rows, popup_frame, rows, titled_frame};
use crate::model::judgement::level_status;
use crate::model::scoring::format_points;
use crate::tui::app::{App, LevelsState, RateState};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, fit};

/// "1  B   6.6 分  基本达标" per level: its number, label, the points it gives here
/// and the status it stands for.
pub fn levels(frame: &mut Frame, app: &App, state: &LevelsState) {
    let Some(walk) = app.walk.as_ref() else {
        return;
    };
    let Some(item) = walk
        .outline
        .item_index(&state.code)
        .map(|i| &walk.outline.items[i])
    else {
        return;
    };
    let t = app.lang.ui();
    let levels = &walk.checklist.rules.levels;
    let screen = frame.area();
    let height = (levels.len() as u16 + 4).min(screen.height);
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(48), height);
    let title = format!(
        "{} {} {}",
        app.lang.scoring().levels_title,
        item.code,
        item.title
    );
    let inner = titled_frame(frame, app, area, &title);
    let width = usize::from(inner.width);
    let label_width = levels.iter().map(|(l, _)| l.width()).max().unwrap_or(1);
    let points = |ratio: f64| format!("{} {}", format_points(item.points * ratio), t.points_unit);
    let points_width = levels
        .iter()
        .map(|(_, ratio)| points(*ratio).width())
        .max()
        .unwrap_or(1);
    let current = walk
        .session()
        .response(&state.code)
        .and_then(|r| r.level.as_deref());
    let lines: Vec<Line> = levels
        .iter()
        .enumerate()
        .map(|(index, (label, ratio))| {
            let mark = if current == Some(label.as_str()) {
                "*"
            } else {
                " "
            };
            let text = format!(
                "{mark}{}  {}  {}  {}",
                index + 1,
                fit(&display_line(label), label_width),
                fit(&points(*ratio), points_width),
                app.lang.status(level_status(*ratio)),
            );
            let style = if index == state.cursor {
                app.theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(fit(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    hint_at_bottom(frame, app, inner, Mode::Levels);
}

/// Two numbers, answered and asked, with the rate they make and the bands.
pub fn rate(frame: &mut Frame, app: &App, state: &RateState) {
    let words = app.lang.scoring();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(48), 7);
    let inner = popup_frame(
        frame,
        app,
        area,
        &format!("{} {}", words.rate_title, state.code),
    );
    let label_width = words.answered.width().max(words.asked.width());
    let mut lines = rows(inner);
    let fields = [
        (words.answered, &state.answered),
        (words.asked, &state.asked),
    ];
    let cursor = input_rows(frame, app, &mut lines, &fields, label_width, state.field);
    if let (Some(row), Some(error)) = (lines.next(), &state.error) {
        error_row(frame, app, row, error);
    }
    hint_at_bottom(frame, app, inner, Mode::Rate);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
