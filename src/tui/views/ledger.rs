//! The rectification ledger screen (整改台账).

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, LedgerState};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate};
use super::common::frame_block;
use super::rounds::footer;
use crate::model::ledger::LedgerEntry;

/// Column widths; narrow screens show department, item and state only.
struct Columns {
    department: usize,
    item: usize,
    owner: usize,
    due: usize,
    rounds: usize,
    state: usize,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        let (department, owner, due, rounds, state) = if width >= 60 {
            (10, 8, 10, 4, 8)
        } else {
            (8, 0, 0, 0, 6)
        };
        Columns {
            department,
            item: width.saturating_sub(department + owner + due + rounds + state + 5),
            owner,
            due,
            rounds,
            state,
        }
    }
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
    let columns = Columns::for_width(width);
    let header = [
        fit(t.department, columns.department),
        fit(t.item, columns.item),
        fit(t.owner, columns.owner),
        fit(t.due, columns.due),
        fit(t.rounds_open, columns.rounds),
        fit(t.state, columns.state),
    ]
    .into_iter()
    .filter(|cell| !cell.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&header, width), app.theme.heading())),
        areas.table_header,
    );
    let mut lines: Vec<Line> = state
        .entries
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(areas.rows.height))
        .map(|(index, entry)| {
            let line = entry_line(app, entry, &columns);
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

fn entry_line(app: &App, entry: &LedgerEntry, columns: &Columns) -> Line<'static> {
    let t = app.lang.ui();
    let rect = &entry.rectification;
    let (state_text, style) = if rect.done.is_some() {
        (t.done, app.theme.ok())
    } else if entry.overdue {
        (t.overdue, app.theme.warning())
    } else {
        (t.not_done, Style::new())
    };
    let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
    let cells = [
        (
            fit(&display_line(&entry.department), columns.department),
            Style::new(),
        ),
        (
            fit(
                &format!("{} {}", entry.code, display_line(&entry.title)),
                columns.item,
            ),
            Style::new(),
        ),
        (fit(&display_line(&rect.owner), columns.owner), Style::new()),
        (fit(&due, columns.due), style),
        (
            fit(&entry.rounds_open.to_string(), columns.rounds),
            Style::new(),
        ),
        (fit(state_text, columns.state), style),
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
