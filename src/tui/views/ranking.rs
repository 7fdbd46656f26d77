//! The home screen's ranking view (排名, docs/design.md §15): the selected round's
//! department sessions in rank order, each band as a colour and a word, so that it
//! reads without colour (NO_COLOR) too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::text::{display_line, fit, wrap};
use crate::export::board::percent_cell;
use crate::model::board::BoardRow;
use crate::model::scoring::format_points;

/// Column widths; 0 leaves a column out on narrow screens.
struct Columns {
    rank: usize,
    department: usize,
    percent: usize,
    deducted: usize,
    verdict: usize,
    checked: usize,
    open: usize,
    on_time: usize,
    band: usize,
}

/// Every column from 80 cells of list; the on-time rate and 已查 from 54; the
/// verdict is never cut (取消评优资格 in full) and the band's word always shows.
fn columns(width: usize, board: &[BoardRow]) -> Columns {
    let (deducted, open) = if width >= 80 { (5, 4) } else { (0, 0) };
    // "10/10": as wide as the widest count, at least the header's 4 cells.
    let counts = board
        .iter()
        .map(|row| checked_text(row).width())
        .max()
        .unwrap_or(0)
        .max(4);
    let (checked, on_time) = if width >= 54 { (counts, 6) } else { (0, 0) };
    let (rank, percent, verdict, band) = (4, 6, 12, 6);
    let shown = [
        rank, percent, deducted, verdict, checked, open, on_time, band,
    ];
    let gaps = shown.iter().filter(|w| **w > 0).count();
    let fixed: usize = shown.iter().sum::<usize>() + gaps;
    Columns {
        rank,
        department: width.saturating_sub(fixed).max(4),
        percent,
        deducted,
        verdict,
        checked,
        open,
        on_time,
        band,
    }
}

/// Cells of one row (or the header), each fitted to its column, in order.
fn cells(c: &Columns, texts: [&str; 9]) -> Vec<String> {
    let widths = [
        c.rank,
        c.department,
        c.percent,
        c.deducted,
        c.verdict,
        c.checked,
        c.open,
        c.on_time,
        c.band,
    ];
    widths
        .into_iter()
        .zip(texts)
        .filter(|(width, _)| *width > 0)
        .map(|(width, text)| fit(text, width))
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    if width == 0 || area.height == 0 {
        return;
    }
    let t = app.lang.board();
    let home = &app.home;
    let Some(board) = home.shown_board() else {
        let words = if home.selected_round().is_some() {
            t.loading
        } else {
            t.no_sessions
        };
        frame.render_widget(Paragraph::new(Span::styled(words, app.theme.dim())), area);
        return;
    };
    if board.is_empty() {
        let lines: Vec<Line> = wrap(t.no_sessions, width)
            .into_iter()
            .map(|line| Line::from(Span::styled(line, app.theme.dim())))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let c = columns(width, board);
    let header = cells(
        &c,
        [
            t.rank,
            t.department,
            t.percent,
            t.deducted,
            t.verdict,
            t.checked,
            t.open_short,
            t.on_time_short,
            t.band,
        ],
    );
    super::common::home_table(frame, app, area, &header.join(" "), board, |row| {
        row_line(app, row, &c, width)
    });
}

fn row_line(app: &App, row: &BoardRow, c: &Columns, width: usize) -> Line<'static> {
    let figures = &row.summary.figures;
    let rank = row.rank.to_string();
    let department = display_line(&row.department);
    let percent = percent_cell(row.summary.percent());
    let deducted = format_points(figures.deducted);
    let verdict = app
        .lang
        .screen_verdict(&row.summary.verdict())
        .map(display_line)
        .unwrap_or_default();
    let checked = checked_text(row);
    let open = match row.summary.open_rectifications {
        0 => String::new(),
        n => n.to_string(),
    };
    let on_time = row
        .on_time_rate
        .map(|rate| percent_cell(Some(rate)))
        .unwrap_or_default();
    let band = app.lang.band(row.band);
    let texts = [
        rank.as_str(),
        department.as_str(),
        percent.as_str(),
        deducted.as_str(),
        verdict.as_str(),
        checked.as_str(),
        open.as_str(),
        on_time.as_str(),
        band,
    ];
    let fitted = cells(c, texts);
    let last = fitted.len().saturating_sub(1);
    let mut spans = Vec::with_capacity(fitted.len() * 2 + 1);
    for (position, text) in fitted.into_iter().enumerate() {
        if position > 0 {
            spans.push(Span::raw(" "));
        }
        // The band's word carries its colour.
        let style = if position == last {
            app.theme.band(row.band)
        } else {
            Style::new()
        };
        spans.push(Span::styled(text, style));
    }
    let used: usize = spans.iter().map(|span| span.content.width()).sum();
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    Line::from(spans)
}

fn checked_text(row: &BoardRow) -> String {
    let figures = &row.summary.figures;
    format!("{}/{}", figures.checked, figures.total)
}
