//! Screens across rounds: compare, history (with a trend chart) and the ledger.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::super::app::{App, CompareState, HistoryState, LedgerState, SessionLabel};
use super::super::keymap::Mode;
use super::super::layout::{self, ListAreas};
use super::super::text::{display_line, fit, truncate};
use super::common::{frame_block, message_or_hints, rule};
use crate::model::compare::{Class, ItemChange};
use crate::model::rounds::section_changes;
use crate::model::scoring::{Summary, format_points};
use crate::model::session::Status;

fn class_index(class: Class) -> usize {
    Class::ALL.iter().position(|c| *c == class).unwrap_or(0)
}

fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{}", format_points(value))
    } else {
        format_points(value)
    }
}

fn percent_text(percent: Option<f64>) -> String {
    percent.map_or_else(|| "--".to_string(), |p| format!("{p:.1}%"))
}

fn summary_text(app: &App, summary: &Summary) -> String {
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
    if !summary.veto.is_empty() {
        text.push_str(&format!("  {}", t.veto));
    }
    if summary.disqualified {
        text.push_str(&format!("  {}", t.disqualified));
    }
    text
}

fn label_line(label: &SessionLabel) -> String {
    format!("{} {}", display_line(&label.round), label.date)
}

fn footer(frame: &mut Frame, app: &App, areas: &ListAreas, status: &str, mode: Mode) {
    rule(frame, app, areas.footer_rule);
    frame.render_widget(
        Paragraph::new(truncate(status, usize::from(areas.status.width))),
        areas.status,
    );
    message_or_hints(frame, app, mode, areas.hints);
}

pub fn compare(frame: &mut Frame, app: &App, state: &CompareState) {
    let t = app.lang.ui();
    let area = frame.area();
    let areas = layout::list_screen(area, layout::COMPARE_HEADER_ROWS);
    let title = format!(
        "{} / {} / {}",
        t.compare_title, state.current.department, state.current.checklist_title
    );
    frame.render_widget(frame_block(app, &title), area);
    let width = usize::from(areas.header.width);
    let c = &state.comparison;
    let mut counts = format!(
        "{} {} ({})",
        t.change,
        signed(c.score_delta()),
        c.percent_delta().map_or_else(
            || "--".to_string(),
            |p| format!("{}%", signed((p * 10.0).round() / 10.0))
        )
    );
    for (class, count) in c.counts.iter() {
        counts.push_str(&format!("  {} {count}", t.class_names[class_index(class)]));
    }
    let header = vec![
        Line::from(truncate(
            &format!(
                "{}  {}  {}",
                t.this_round,
                label_line(&state.current),
                summary_text(app, &c.current)
            ),
            width,
        )),
        Line::from(truncate(
            &format!(
                "{}  {}  {}",
                t.prior_round,
                label_line(&state.prior),
                summary_text(app, &c.prior)
            ),
            width,
        )),
        Line::from(Span::styled(truncate(&counts, width), app.theme.heading())),
    ];
    frame.render_widget(Paragraph::new(header), areas.header);
    let class_width = t
        .class_names
        .iter()
        .map(|n| unicode_width::UnicodeWidthStr::width(*n))
        .max()
        .unwrap_or(4);
    let status_width = 18;
    let delta_width = 6;
    let code_width = 7;
    let title_width =
        width.saturating_sub(class_width + code_width + status_width + delta_width + 4);
    let table_header = format!(
        "{} {} {} {} {}",
        fit(t.change, class_width),
        fit(t.item, code_width),
        fit("", title_width),
        fit(
            &format!("{} -> {}", t.prior_round, t.this_round),
            status_width
        ),
        fit(t.score, delta_width)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&table_header, width), app.theme.heading())),
        areas.table_header,
    );
    let rows = state.rows();
    let height = usize::from(areas.rows.height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(height)
        .map(|(index, item)| {
            let line = change_line(
                app,
                item,
                class_width,
                code_width,
                title_width,
                status_width,
                delta_width,
            );
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), areas.rows);
    let status = if state.changed_only {
        format!("[{}]  {}/{}", t.changed_only, rows.len(), c.items.len())
    } else {
        format!("{}/{}", rows.len(), c.items.len())
    };
    footer(frame, app, &areas, &status, Mode::Compare);
}

fn status_word(app: &App, status: Option<Status>) -> String {
    status.map_or_else(|| "-".to_string(), |s| app.lang.status(s).to_string())
}

fn change_line(
    app: &App,
    item: &ItemChange,
    class_width: usize,
    code_width: usize,
    title_width: usize,
    status_width: usize,
    delta_width: usize,
) -> Line<'static> {
    let t = app.lang.ui();
    let class_style = match item.class {
        Class::Regressed => app.theme.warning(),
        Class::Improved => app.theme.ok(),
        _ => Style::new(),
    };
    let statuses = format!(
        "{} -> {}",
        status_word(app, item.prior),
        status_word(app, item.current)
    );
    let delta = if item.delta == 0.0 {
        String::new()
    } else {
        signed(item.delta)
    };
    Line::from(vec![
        Span::styled(
            fit(t.class_names[class_index(item.class)], class_width),
            class_style,
        ),
        Span::raw(" "),
        Span::raw(fit(&item.code, code_width)),
        Span::raw(" "),
        Span::raw(fit(&display_line(&item.title), title_width)),
        Span::raw(" "),
        Span::raw(fit(&statuses, status_width)),
        Span::raw(" "),
        Span::styled(fit(&delta, delta_width), class_style),
    ])
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

pub fn ledger(frame: &mut Frame, app: &App, state: &LedgerState) {
    let t = app.lang.ui();
    let area = frame.area();
    let mut title = t.ledger_title.to_string();
    if state.all {
        title.push_str(&format!(" [{}]", t.ledger_all));
    }
    frame.render_widget(frame_block(app, &title), area);
    let areas = layout::list_screen(area, 0);
    let width = usize::from(areas.rows.width);
    let (dept, owner, due, rounds, status) = if width >= 60 {
        (10, 8, 10, 4, 8)
    } else {
        (8, 0, 0, 0, 6)
    };
    let item = width.saturating_sub(dept + owner + due + rounds + status + 5);
    let header = [
        fit(t.department, dept),
        fit(t.item, item),
        fit(t.owner, owner),
        fit(t.due, due),
        fit(t.rounds_open, rounds),
        fit(t.state, status),
    ]
    .into_iter()
    .filter(|cell| !cell.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&header, width), app.theme.heading())),
        areas.table_header,
    );
    let height = usize::from(areas.rows.height);
    let mut lines: Vec<Line> = state
        .entries
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(height)
        .map(|(index, entry)| {
            let rect = &entry.rectification;
            let (state_text, style) = if rect.done.is_some() {
                (t.done, app.theme.ok())
            } else if entry.overdue {
                (t.overdue, app.theme.warning())
            } else {
                (t.not_done, Style::new())
            };
            let cells = [
                (fit(&display_line(&entry.department), dept), Style::new()),
                (
                    fit(
                        &format!("{} {}", entry.code, display_line(&entry.title)),
                        item,
                    ),
                    Style::new(),
                ),
                (fit(&display_line(&rect.owner), owner), Style::new()),
                (
                    fit(&rect.due.map(|d| d.to_string()).unwrap_or_default(), due),
                    style,
                ),
                (fit(&entry.rounds_open.to_string(), rounds), Style::new()),
                (fit(state_text, status), style),
            ];
            let mut spans = Vec::new();
            for (text, style) in cells.into_iter().filter(|(text, _)| !text.is_empty()) {
                if !spans.is_empty() {
                    spans.push(Span::raw(" "));
                }
                spans.push(Span::styled(text, style));
            }
            let line = Line::from(spans);
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    if state.entries.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(t.ledger_empty, width),
            app.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), areas.rows);
    let overdue = state.entries.iter().filter(|e| e.overdue).count();
    let status_line = format!(
        "{} {}  {} {}",
        t.ledger_title,
        state.entries.len(),
        t.overdue,
        overdue
    );
    footer(frame, app, &areas, &status_line, Mode::Ledger);
}
