//! The note editor and the search bar.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{input_line, popup_frame};
use crate::tui::app::{App, EditorState, SearchState};
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, truncate};
use crate::tui::views::common::{clear_popup, hint_line};

pub fn editor(frame: &mut Frame, app: &App, editor: &EditorState) {
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(4).min(76),
        screen.height.saturating_sub(2).min(18),
    );
    let t = app.lang.ui();
    let title = app
        .walk
        .as_ref()
        .and_then(|walk| {
            walk.outline
                .item_index(&editor.code)
                .map(|i| &walk.outline.items[i])
        })
        .map_or_else(
            || editor.code.clone(),
            |item| format!("{} {} {}", t.note, item.code, item.title),
        );
    let inner = popup_frame(
        frame,
        app,
        area,
        &truncate(
            &display_line(&title),
            usize::from(area.width.saturating_sub(4)),
        ),
    );
    if inner.height == 0 {
        return;
    }
    let text_area = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let hint_area = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1.min(inner.height),
        ..inner
    };
    frame.render_widget(&editor.textarea, text_area);
    let cursor = editor.textarea.screen_cursor();
    let (top, left) = editor.textarea.scroll_offset();
    let row = cursor.row.saturating_sub(usize::from(top));
    let col = cursor.col.saturating_sub(usize::from(left));
    if row < usize::from(text_area.height) {
        let x =
            (usize::from(text_area.x) + col).min(usize::from(text_area.right().saturating_sub(1)));
        frame.set_cursor_position(Position::new(x as u16, text_area.y + row as u16));
    }
    let count = editor_count(editor);
    let room = hint_area.width.saturating_sub(count.width() as u16);
    let mut hints = hint_line(app, Mode::Editor, room);
    hints.spans.push(Span::styled(count, app.theme.dim()));
    frame.render_widget(Paragraph::new(hints), hint_area);
}

fn editor_count(editor: &EditorState) -> String {
    let chars: usize = editor
        .textarea
        .lines()
        .iter()
        .map(|l| l.chars().count())
        .sum();
    format!("{chars}")
}

pub fn search(frame: &mut Frame, app: &App, search: &SearchState) {
    // The hint row, inside the frame: the borders stay drawn around the prompt.
    let area = crate::tui::layout::walk(frame.area()).hints;
    clear_popup(frame, area);
    let t = app.lang.ui();
    let count = if search.matches.is_empty() {
        if search.input.is_empty() {
            String::new()
        } else {
            format!(" ({})", t.no_match)
        }
    } else {
        format!(" ({}/{})", search.current + 1, search.matches.len())
    };
    let label = format!("/{count}");
    if let Some(position) = input_line(frame, app, area, &label, label.width(), &search.input, true)
    {
        frame.set_cursor_position(position);
    }
}
