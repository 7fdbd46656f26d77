//! The 责任分解 screen (docs/design.md §11): per lead department, the items it leads,
//! what it lost on them in the round, its open rectifications and 取消评优资格; the
//! selected department's losses item by item below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, DutiesState};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate};
use super::common::frame_block;
use super::rounds::footer;
use crate::i18n::followup::texts;
use crate::model::duties::Duty;
use crate::model::scoring::format_points;
use crate::tui::update::duties_areas;

struct Columns {
    department: usize,
    items: usize,
    lost: usize,
    open: usize,
    verdict: usize,
}

impl Columns {
    fn for_width(width: usize, app: &App, duties: &[Duty]) -> Columns {
        let f = texts(app.lang);
        let department = duties
            .iter()
            .map(|duty| display_line(&duty.department).width())
            .chain([f.lead_department.width()])
            .max()
            .unwrap_or(8)
            .min(width / 3);
        let items = f.led_items.width().max(4);
        let lost = f.lost.width().max(6);
        let open = f.open_rectifications.width().max(4);
        let used = department + items + lost + open + 4;
        Columns {
            department,
            items,
            lost,
            open,
            verdict: width.saturating_sub(used),
        }
    }
}

pub fn duties(frame: &mut Frame, app: &App, state: &DutiesState) {
    let f = texts(app.lang);
    let area = frame.area();
    let title = format!("{} / {}", f.duties_title, display_line(&state.round));
    frame.render_widget(frame_block(app, &title), area);
    let areas = layout::list_screen(area, 0);
    let [table, detail] = duties_areas(areas.rows);
    let width = usize::from(areas.rows.width);
    let columns = Columns::for_width(width, app, &state.duties);
    let header = [
        fit(f.lead_department, columns.department),
        fit(f.led_items, columns.items),
        fit(f.lost, columns.lost),
        fit(f.open_rectifications, columns.open),
        fit(app.lang.texts().verdict, columns.verdict),
    ]
    .join(" ");
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&header, width), app.theme.heading())),
        areas.table_header,
    );
    let mut lines: Vec<Line> = state
        .duties
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(table.height))
        .map(|(index, duty)| {
            let line = duty_line(app, duty, &columns);
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    if state.duties.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(f.no_duties, width),
            app.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), table);
    if let Some(duty) = state.duties.get(state.cursor) {
        details(frame, app, duty, detail);
    }
    let disqualified = state.duties.iter().filter(|d| d.disqualified).count();
    let status = format!(
        "{} {}  {} {}",
        f.lead_department,
        state.duties.len(),
        f.disqualified,
        disqualified
    );
    footer(frame, app, &areas, &status, Mode::Duties);
}

fn duty_line(app: &App, duty: &Duty, columns: &Columns) -> Line<'static> {
    let f = texts(app.lang);
    let (verdict, style) = if duty.disqualified {
        (f.disqualified, app.theme.warning())
    } else {
        ("", Style::new())
    };
    let cells = [
        (
            fit(&display_line(&duty.department), columns.department),
            Style::new(),
        ),
        (fit(&duty.items.to_string(), columns.items), Style::new()),
        (fit(&format_points(duty.lost), columns.lost), style),
        (
            fit(&duty.open_rectifications.to_string(), columns.open),
            Style::new(),
        ),
        (fit(verdict, columns.verdict), style),
    ];
    let mut spans = Vec::new();
    for (text, style) in cells {
        if !spans.is_empty() {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// The selected department's losses, item by item, with the session they were in.
fn details(frame: &mut Frame, app: &App, duty: &Duty, area: Rect) {
    if area.height < 2 {
        return;
    }
    let width = usize::from(area.width);
    let f = texts(app.lang);
    let mut lines = vec![Line::from(Span::styled(
        truncate(
            &format!(
                "-- {} / {} {}",
                display_line(&duty.department),
                f.lost,
                format_points(duty.lost)
            ),
            width,
        ),
        app.theme.dim(),
    ))];
    for detail in duty.details.iter().take(usize::from(area.height) - 1) {
        let text = format!(
            "{} {}  -{}  ({})",
            detail.code,
            display_line(&detail.title),
            format_points(detail.lost),
            display_line(&detail.session_department)
        );
        lines.push(Line::from(truncate(&text, width)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
