//! Screens across rounds: compare, history (with a trend chart) and the ledger.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::super::app::{App, HistoryState, SessionLabel};
use super::super::keymap::Mode;
use super::super::layout::{self, ListAreas};
use super::super::text::{display_line, fit, truncate};
use super::common::{frame_block, message_or_hints, rule};
use crate::model::rounds::section_changes;
use crate::model::scoring::{Summary, format_points};

pub(super) fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{}", format_points(value))
    } else {
        format_points(value)
    }
}

pub(super) fn percent_text(percent: Option<f64>) -> String {
    percent.map_or_else(|| "--".to_string(), |p| format!("{p:.1}%"))
}

pub(super) fn summary_text(app: &App, summary: &Summary) -> String {
    let t = app.lang.ui();
    let f = summary.figures;
    let mut text = format!(
        "{} {}/{} ({})  {} {}",
        t.score,
        format_points(f.score),
        format_points(f.max),
        percent_text(summary.percent()),
        t.deducted,
        format_points(f.deducted)
    );
    if let Some(verdict) = app.lang.screen_verdict(&summary.verdict()) {
        text.push_str(&format!("  {}", display_line(verdict)));
    }
    text
}

pub(super) fn label_line(label: &SessionLabel) -> String {
    format!("{} {}", display_line(&label.round), label.date)
}

pub(super) fn footer(frame: &mut Frame, app: &App, areas: &ListAreas, status: &str, mode: Mode) {
    rule(frame, app, areas.footer_rule);
    frame.render_widget(
        Paragraph::new(truncate(status, usize::from(areas.status.width))),
        areas.status,
    );
    message_or_hints(frame, app, mode, areas.hints);
}

/// Bars drawn only with characters of unambiguous width.
const ASCII_BARS: symbols::bar::Set = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "=",
    half: "=",
    three_eighths: "-",
    one_quarter: "-",
    one_eighth: "_",
    empty: " ",
};

pub fn history(frame: &mut Frame, app: &App, state: &HistoryState) {
    let t = app.lang.ui();
    let area = frame.area();
    let title = format!(
        "{} / {} / {}",
        t.history_title, state.department, state.checklist_title
    );
    frame.render_widget(frame_block(app, &title), area);
    let areas = layout::list_screen(area, 0);
    let main = Rect {
        height: areas.footer_rule.y.saturating_sub(areas.header.y),
        ..areas.header
    };
    let chart_height = (main.height / 2).max(4.min(main.height));
    let chart_area = Rect {
        height: chart_height,
        ..main
    };
    let list_area = Rect {
        y: main.y + chart_height,
        height: main.height - chart_height,
        ..main
    };
    draw_trend(frame, app, state, chart_area);
    draw_rounds_list(frame, app, state, list_area);
    let status = format!("{} {}", t.rounds_count, state.points.len());
    footer(frame, app, &areas, &status, Mode::History);
}

fn draw_trend(frame: &mut Frame, app: &App, state: &HistoryState, area: Rect) {
    if area.height < 3 || area.width < 8 {
        return;
    }
    let t = app.lang.ui();
    let chart = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let bar_width: u16 = 5;
    let fits = usize::from(chart.width / (bar_width + 1)).max(1);
    // The newest rounds that fit, keeping the selected one in view.
    let end = (state.cursor + 1).max(fits.min(state.points.len()));
    let start = end.saturating_sub(fits);
    // Bars are labelled month-day; the heading gives the dates they span.
    let shown = &state.points[start..end.min(state.points.len())];
    let span = match (shown.first(), shown.last()) {
        (Some(first), Some(last)) => format!("  {} .. {}", first.date, last.date),
        _ => String::new(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!("{}{span}", t.trend), usize::from(area.width)),
            app.theme.heading(),
        )),
        Rect { height: 1, ..area },
    );
    let bar_style = if app.theme.color {
        Style::new().fg(Color::Green)
    } else {
        Style::new()
    };
    let bars: Vec<Bar> = state.points[start..end.min(state.points.len())]
        .iter()
        .enumerate()
        .map(|(offset, point)| {
            let percent = point.percent.unwrap_or(0.0).clamp(0.0, 100.0);
            let label = point.date.format("%m-%d").to_string();
            let style = if start + offset == state.cursor {
                app.theme.selected()
            } else {
                bar_style
            };
            Bar::default()
                .value(percent.round() as u64)
                .text_value(
                    point
                        .percent
                        .map_or_else(|| "--".into(), |p| format!("{p:.0}")),
                )
                .label(Line::from(label))
                .style(style)
        })
        .collect();
    let widget = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_set(ASCII_BARS)
        .max(100);
    frame.render_widget(widget, chart);
}

fn draw_rounds_list(frame: &mut Frame, app: &App, state: &HistoryState, area: Rect) {
    let t = app.lang.ui();
    let width = usize::from(area.width);
    if area.height == 0 {
        return;
    }
    let mut lines = Vec::new();
    let list_rows = usize::from(area.height / 2).max(1);
    let start = state.cursor.saturating_sub(list_rows.saturating_sub(1));
    for (index, point) in state.points.iter().enumerate().skip(start).take(list_rows) {
        let text = format!(
            "{}  {}  {}",
            point.date,
            fit(&display_line(&point.round), 18),
            summary_text(app, &point.summary)
        );
        let line = Line::from(fit(&text, width));
        lines.push(if index == state.cursor {
            line.patch_style(app.theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::from(Span::styled(
        truncate(t.section_changes, width),
        app.theme.heading(),
    )));
    match state
        .cursor
        .checked_sub(1)
        .and_then(|prev| state.points.get(prev))
    {
        Some(earlier) => {
            if let Some(later) = state.points.get(state.cursor) {
                for change in section_changes(earlier, later) {
                    let delta = change.delta.map_or_else(String::new, |d| {
                        format!("{}%", signed((d * 10.0).round() / 10.0))
                    });
                    let style = match change.delta {
                        Some(d) if d < 0.0 => app.theme.warning(),
                        Some(d) if d > 0.0 => app.theme.ok(),
                        _ => Style::new(),
                    };
                    let text = format!(
                        "{} {}  {} -> {}",
                        change.code,
                        display_line(&change.title),
                        percent_text(change.prior),
                        percent_text(change.current)
                    );
                    lines.push(Line::from(vec![
                        Span::raw(fit(&text, width.saturating_sub(9))),
                        Span::styled(format!(" {}", fit(&delta, 8)), style),
                    ]));
                }
            }
        }
        None => lines.push(Line::from(Span::styled(
            truncate(t.first_round, width),
            app.theme.dim(),
        ))),
    }
    frame.render_widget(Paragraph::new(lines), area);
}
