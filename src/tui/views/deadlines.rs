//! The deadlines screen (报送期限) and the activity ledger screen (创建活动台账),
//! docs/design.md §14.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, TaizhangState};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate};
use super::common::frame_block;
use super::popups::file_line;
use super::rounds::footer;
use crate::model::activity::Activity;
use crate::ops::activity::ActivityRow;
use crate::tui::update::ACTIVITY_DETAIL_ROWS;

pub fn deadlines(frame: &mut Frame, app: &App, state: &TaizhangState) {
    let t = app.lang.deadlines();
    let area = frame.area();
    frame.render_widget(frame_block(app, t.deadlines_screen), area);
    let areas = layout::list_screen(area, 0);
    let width = usize::from(areas.rows.width);
    let mut lines = deadline_lines(app, state, width);
    let height = usize::from(areas.table_header.height + areas.rows.height);
    let scroll = state
        .deadlines_scroll
        .min(lines.len().saturating_sub(height));
    lines.drain(..scroll);
    let mut all_rows = areas.rows;
    all_rows.y = areas.table_header.y;
    all_rows.height += areas.table_header.height;
    frame.render_widget(Paragraph::new(lines), all_rows);
    let late = state.late_count();
    footer(
        frame,
        app,
        &areas,
        &(t.late_line)(late.activities, late.rectifications),
        Mode::Deadlines,
    );
}

fn deadline_lines(app: &App, state: &TaizhangState, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.deadlines();
    let d = &state.data.deadlines;
    let plain = |text: String| Line::from(truncate(&text, width));
    let heading = |text: &str| {
        Line::from(Span::styled(
            truncate(&format!("{text}{}", t.colon.trim_end()), width),
            app.theme.heading(),
        ))
    };
    let mut lines = vec![
        plain((t.monthly_report)(d.monthly_report_due)),
        plain((t.period)(d.period.from, d.period.to)),
    ];
    if !d.unreadable.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&(t.unreadable_count)(d.unreadable.len()), width),
            app.theme.warning(),
        )));
    }
    if !d.has_profile {
        lines.push(Line::from(Span::styled(
            truncate(t.no_profile, width),
            app.theme.dim(),
        )));
    } else if d.not_inspected.is_empty() {
        lines.push(plain(t.all_inspected.to_string()));
    } else {
        let names: Vec<String> = d.not_inspected.iter().map(|n| display_line(n)).collect();
        lines.push(Line::from(Span::styled(
            truncate(
                &format!("{}{}{}", t.not_inspected, t.colon, names.join(t.separator)),
                width,
            ),
            app.theme.warning(),
        )));
    }
    for (title, rows) in [
        (t.activities_late, &d.activities_late),
        (t.activities_due, &d.activities_due),
    ] {
        lines.push(heading(title));
        if rows.is_empty() {
            lines.push(plain(format!("  {}", t.none)));
        }
        for row in rows {
            lines.push(activity_line(app, row, width.saturating_sub(2)).into_indented());
        }
    }
    lines.push(heading(t.rectifications_due));
    if d.rectifications_due.is_empty() {
        lines.push(plain(format!("  {}", t.none)));
    }
    for entry in &d.rectifications_due {
        let due = entry
            .rectification
            .due
            .map(|d| d.to_string())
            .unwrap_or_default();
        let text = format!(
            "  {}  {} {}  {due}",
            display_line(&entry.department),
            entry.reference(),
            display_line(&entry.title)
        );
        let style = if entry.overdue {
            app.theme.warning()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    lines
}

trait Indented {
    fn into_indented(self) -> Line<'static>;
}

impl Indented for Line<'static> {
    fn into_indented(self) -> Line<'static> {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(self.spans);
        Line::from(spans)
    }
}

/// Column widths of an activity row; narrow screens drop the due day and people.
struct Columns {
    date: usize,
    department: usize,
    title: usize,
    due: usize,
    handed: usize,
    late: usize,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        let (date, department, due, handed, late) = if width >= 64 {
            (10, 10, 10, 13, 8)
        } else {
            (5, 6, 0, 5, 6)
        };
        let used = date + department + due + handed + late + 5;
        Columns {
            date,
            department,
            title: width.saturating_sub(used).max(4),
            due,
            handed,
            late,
        }
    }
}

/// 电子/纸质 as two short marks: the day handed in (MM-DD), or 未交.
fn handed_text(app: &App, row: &ActivityRow, columns: &Columns) -> String {
    let t = app.lang.deadlines();
    let short = columns.handed < 11;
    let mark = |copy: &Option<crate::model::activity::Handed>| match copy {
        Some(_) if short => "+".to_string(),
        Some(handed) => handed.date.format("%m-%d").to_string(),
        None if short => "-".to_string(),
        None => t.not_handed.to_string(),
    };
    format!(
        "{}/{}",
        mark(&row.activity.electronic),
        mark(&row.activity.paper)
    )
}

fn activity_line(app: &App, row: &ActivityRow, width: usize) -> Line<'static> {
    let t = app.lang.deadlines();
    let columns = Columns::for_width(width);
    let date = if columns.date < 10 {
        row.activity.date.format("%m-%d").to_string()
    } else {
        row.activity.date.to_string()
    };
    let late_style = if row.late {
        app.theme.warning()
    } else {
        Style::new()
    };
    let cells = [
        (fit(&date, columns.date), Style::new()),
        (
            fit(&display_line(&row.activity.department), columns.department),
            Style::new(),
        ),
        (
            fit(&display_line(&row.activity.title), columns.title),
            Style::new(),
        ),
        (fit(&row.due.to_string(), columns.due), Style::new()),
        (
            fit(&handed_text(app, row, &columns), columns.handed),
            Style::new(),
        ),
        (
            fit(if row.late { t.overdue } else { "" }, columns.late),
            late_style,
        ),
    ];
    let mut spans = Vec::new();
    for (text, style) in cells.into_iter().filter(|(text, _)| !text.is_empty()) {
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

pub fn activities(frame: &mut Frame, app: &App, state: &TaizhangState) {
    let t = app.lang.deadlines();
    let words = app.lang.texts();
    let area = frame.area();
    frame.render_widget(frame_block(app, t.activities_screen), area);
    let areas = layout::list_screen(area, 0);
    let width = usize::from(areas.rows.width);
    let columns = Columns::for_width(width);
    let header = [
        fit(words.date, columns.date),
        fit(words.department, columns.department),
        fit(t.activity, columns.title),
        fit(t.due, columns.due),
        fit(
            if columns.due == 0 {
                t.handed_short
            } else {
                t.handed_long
            },
            columns.handed,
        ),
        fit(
            if columns.due == 0 {
                t.late_short
            } else {
                t.late
            },
            columns.late,
        ),
    ]
    .into_iter()
    .filter(|cell| !cell.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&header, width), app.theme.heading())),
        areas.table_header,
    );
    let [list, detail] = layout::list_and_detail(areas.rows, ACTIVITY_DETAIL_ROWS);
    let rows = &state.data.activities;
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(list.height))
        .map(|(index, row)| {
            let line = activity_line(app, row, width);
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(t.no_activities, width),
            app.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(row) = state.selected() {
        material_detail(frame, app, &row.activity, detail);
    }
    let late = rows.iter().filter(|row| row.late).count();
    let status = format!(
        "{} {}  {} {late}",
        t.activities_screen,
        rows.len(),
        t.overdue
    );
    footer(frame, app, &areas, &status, Mode::Activities);
}

/// Below the list: the selected activity's labels on one line, then its attached
/// files with their time and caption, as many as there is room for.
fn material_detail(frame: &mut Frame, app: &App, activity: &Activity, area: Rect) {
    if area.height < 2 {
        return;
    }
    let t = app.lang.deadlines();
    let width = usize::from(area.width);
    let room = usize::from(area.height - 1);
    let mut lines: Vec<Line> = Vec::new();
    if !activity.evidence.is_empty() {
        let labels: Vec<String> = activity.evidence.iter().map(|l| display_line(l)).collect();
        let text = format!("{}{}{}", t.evidence, t.colon, labels.join(t.separator));
        lines.push(Line::from(truncate(&text, width)));
    }
    let files = activity.attachments.len();
    let shown = if lines.len() + files > room {
        room.saturating_sub(lines.len() + 1)
    } else {
        files
    };
    for (index, file) in activity.attachments.iter().enumerate().take(shown) {
        lines.push(Line::from(truncate(
            &display_line(&file_line(app, index + 1, file)),
            width,
        )));
    }
    if shown < files {
        let more = (t.more_files)(files - shown, &app.keys.activity_files);
        lines.push(Line::from(Span::styled(
            truncate(&more, width),
            app.theme.dim(),
        )));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&(t.no_material)(&app.keys.activity_files), width),
            app.theme.dim(),
        )));
    }
    let [rule, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled("-".repeat(width), app.theme.dim())),
        rule,
    );
    frame.render_widget(Paragraph::new(lines), body);
}
