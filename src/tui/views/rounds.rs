//! Screens across rounds: compare, history (with a trend chart) and the ledger.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::super::app::{App, HistoryState, SessionLabel};
use super::super::keymap::Mode;
use super::super::layout::{self, HistoryAreas, ListAreas};
use super::super::text::{display_line, fit, truncate};
use super::common::{frame_block, message_or_hints, rule};
use crate::model::rounds::{HistoryPoint, SectionChange};
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
    let changes = state.section_changes();
    let areas = layout::history(area, state.points.len(), changes.len());
    draw_trend(frame, app, state, areas.chart);
    draw_rounds(frame, app, state, areas.rounds);
    draw_sections(frame, app, state, &changes, &areas);
    let status = format!("{} {}", t.rounds_count, state.points.len());
    footer(frame, app, &areas.list, &status, Mode::History);
}

/// The lowest tens of percent the bars start from, so that 87% and 100% differ
/// visibly: ten below the lowest value, 0 at the least.
fn trend_base(points: &[HistoryPoint]) -> u64 {
    let lowest = points
        .iter()
        .filter_map(|point| point.percent)
        .fold(100.0_f64, f64::min)
        .clamp(0.0, 100.0);
    ((lowest - 10.0).max(0.0) / 10.0).floor() as u64 * 10
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
    let shown = &state.points[start..end.min(state.points.len())];
    let base = trend_base(shown);
    // Bars are labelled month-day; the heading gives the dates they span.
    let span = match (shown.first(), shown.last()) {
        (Some(first), Some(last)) => format!("  {} .. {}", first.date, last.date),
        _ => String::new(),
    };
    let heading = format!("{}  {}{span}", t.trend, (t.trend_scale)(base));
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&heading, usize::from(area.width)),
            app.theme.heading(),
        )),
        Rect { height: 1, ..area },
    );
    let bar_style = if app.theme.color {
        Style::new().fg(Color::Green)
    } else {
        Style::new()
    };
    let bars: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(offset, point)| {
            let percent = point.percent.unwrap_or(0.0).clamp(0.0, 100.0).round() as u64;
            let style = if start + offset == state.cursor {
                app.theme.selected()
            } else {
                bar_style
            };
            Bar::default()
                .value(percent.saturating_sub(base))
                .text_value(
                    point
                        .percent
                        .map_or_else(|| "--".into(), |p| format!("{p:.0}%")),
                )
                .label(Line::from(point.date.format("%m-%d").to_string()))
                .style(style)
        })
        .collect();
    let widget = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_set(ASCII_BARS)
        .max(100 - base);
    frame.render_widget(widget, chart);
}

/// The rounds, the selected one in view; labels as wide as the widest one needs.
fn draw_rounds(frame: &mut Frame, app: &App, state: &HistoryState, area: Rect) {
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    if rows == 0 {
        return;
    }
    let label_width = state
        .points
        .iter()
        .map(|point| display_line(&point.round).width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let start = state.cursor.saturating_sub(rows - 1);
    let lines: Vec<Line> = state
        .points
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(index, point)| {
            let text = format!(
                "{}  {}  {}",
                point.date,
                fit(&display_line(&point.round), label_width),
                summary_text(app, &point.summary)
            );
            let line = Line::from(fit(&text, width));
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The selected round against the one before, per section, scrolled.
fn draw_sections(
    frame: &mut Frame,
    app: &App,
    state: &HistoryState,
    changes: &[SectionChange],
    areas: &HistoryAreas,
) {
    let t = app.lang.ui();
    let width = usize::from(areas.sections.width);
    let rows = usize::from(areas.sections.height);
    let mut heading = t.section_changes.to_string();
    let scroll = state.section_scroll.min(changes.len().saturating_sub(rows));
    if changes.len() > rows && rows > 0 {
        let last = (scroll + rows).min(changes.len());
        heading.push_str(&format!("  {}-{last}/{}", scroll + 1, changes.len()));
    }
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&heading, width), app.theme.heading())),
        areas.sections_heading,
    );
    if state.cursor == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(t.first_round, width),
                app.theme.dim(),
            )),
            areas.sections,
        );
        return;
    }
    let lines: Vec<Line> = changes
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|change| {
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
            Line::from(vec![
                Span::raw(fit(&text, width.saturating_sub(9))),
                Span::styled(format!(" {}", fit(&delta, 8)), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), areas.sections);
}
