//! The rectification ledger screen (整改台账): one row per rectification, the
//! selected one in full below (who closed it, when, through which re-check).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, LedgerState};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate};
use super::common::frame_block;
use super::rounds::footer;
use crate::export::followup_text::state_text;
use crate::i18n::followup::{result, state, texts};
use crate::model::ledger::{LedgerEntry, Origin};
use crate::model::session::FollowUpState;

use crate::tui::update::LEDGER_DETAIL_ROWS as DETAIL_ROWS;

/// Column widths. From 100 columns the owner and the due date are never cut and
/// 责任科室 gets a column; narrow screens show department, item and state only.
struct Columns {
    department: usize,
    item: usize,
    owner_department: usize,
    owner: usize,
    due: usize,
    rounds: usize,
    state: usize,
}

impl Columns {
    fn for_width(width: usize, entries: &[&LedgerEntry], app: &App) -> Columns {
        let f = texts(app.lang);
        let widest = |pick: fn(&LedgerEntry) -> &str, header: &str| {
            entries
                .iter()
                .map(|entry| display_line(pick(entry)).width())
                .chain([header.width()])
                .max()
                .unwrap_or(0)
        };
        let owner = widest(|e| &e.rectification.owner, f.owner);
        let state = [
            FollowUpState::Open,
            FollowUpState::Done,
            FollowUpState::Failed,
            FollowUpState::Closed,
        ]
        .iter()
        .map(|s| state(app.lang, *s).width())
        .chain([app.lang.ui().overdue.width()])
        .max()
        .unwrap_or(8);
        let (department, owner_department, owner, due, rounds) = if width >= 98 {
            let responsible = widest(|e| &e.rectification.owner_department, f.owner_department);
            (10, responsible.min(12), owner, 10, f.rounds_open.width())
        } else if width >= 60 {
            (8, 0, owner.min(10), 10, f.rounds_open.width())
        } else {
            (8, 0, 0, 0, 0)
        };
        let used = [department, owner_department, owner, due, rounds, state]
            .iter()
            .filter(|w| **w > 0)
            .map(|w| w + 1)
            .sum::<usize>();
        Columns {
            department,
            item: width.saturating_sub(used).max(8),
            owner_department,
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
    frame.render_widget(frame_block(app, &title(app, state)), area);
    let areas = layout::list_screen(area, 0);
    let [list, detail] = layout::list_and_detail(areas.rows, DETAIL_ROWS);
    let width = usize::from(areas.rows.width);
    let rows = state.rows();
    let columns = Columns::for_width(width, &rows, app);
    frame.render_widget(
        Paragraph::new(Span::styled(header(app, &columns), app.theme.heading())),
        areas.table_header,
    );
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(list.height))
        .map(|(index, entry)| {
            let line = entry_line(app, entry, &columns);
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    if rows.is_empty() {
        let empty = if state.all {
            crate::i18n::rounds(app.lang).no_rectifications
        } else {
            t.ledger_empty
        };
        lines.push(Line::from(Span::styled(
            truncate(empty, width),
            app.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(entry) = rows.get(state.cursor) {
        selected_detail(frame, app, entry, detail);
    }
    let overdue = rows.iter().filter(|e| e.overdue).count();
    let status_line = format!(
        "{} {}  {} {}",
        t.ledger_title,
        rows.len(),
        t.overdue,
        overdue
    );
    footer(frame, app, &areas, &status_line, Mode::Ledger);
}

/// "整改台账 [全部] [办公室] [逾期]": the title says which filters are on.
fn title(app: &App, state: &LedgerState) -> String {
    let t = app.lang.ui();
    let mut title = t.ledger_title.to_string();
    if state.all {
        title.push_str(&format!(" [{}]", t.ledger_all));
    }
    if let Some(department) = &state.department {
        title.push_str(&format!(" [{}]", display_line(department)));
    }
    if state.overdue_only {
        title.push_str(&format!(" [{}]", t.overdue));
    }
    title
}

fn header(app: &App, columns: &Columns) -> String {
    let t = app.lang.ui();
    let f = texts(app.lang);
    [
        fit(t.department, columns.department),
        fit(t.item, columns.item),
        fit(f.owner_department, columns.owner_department),
        fit(f.owner, columns.owner),
        fit(f.due, columns.due),
        fit(f.rounds_open, columns.rounds),
        fit(t.state, columns.state),
    ]
    .into_iter()
    .filter(|cell| !cell.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

fn entry_line(app: &App, entry: &LedgerEntry, columns: &Columns) -> Line<'static> {
    let t = app.lang.ui();
    let rect = &entry.rectification;
    let (state_text, style) = match rect.state() {
        FollowUpState::Closed => (state(app.lang, FollowUpState::Closed), app.theme.ok()),
        _ if entry.overdue => (t.overdue, app.theme.warning()),
        other => (state(app.lang, other), Style::new()),
    };
    let item = match &entry.origin {
        Origin::Item(item) => format!("{} {}", item.code, display_line(&entry.title)),
        Origin::Problem { .. } => format!(
            "[{}] {}",
            texts(app.lang).problem,
            display_line(&entry.title)
        ),
    };
    let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
    let rounds = entry
        .rounds_open()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let cells = [
        (
            fit(&display_line(&entry.department), columns.department),
            Style::new(),
        ),
        (fit(&item, columns.item), Style::new()),
        (
            fit(
                &display_line(&rect.owner_department),
                columns.owner_department,
            ),
            Style::new(),
        ),
        (fit(&display_line(&rect.owner), columns.owner), Style::new()),
        (fit(&due, columns.due), style),
        (fit(&rounds, columns.rounds), Style::new()),
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

/// The selected entry in full: where it comes from, who answers for it with what
/// measure, what was reported, and the latest re-check or who closed it.
fn selected_detail(frame: &mut Frame, app: &App, entry: &LedgerEntry, area: Rect) {
    if area.height == 0 {
        return;
    }
    let f = texts(app.lang);
    let rect = &entry.rectification;
    let width = usize::from(area.width);
    let origin = match &entry.origin {
        Origin::Item(item) => format!(
            "{} {} / {} / {} {}",
            item.code, entry.title, entry.department, item.round, entry.date
        ),
        Origin::Problem { id, source } => format!(
            "{} {} / {} / {} {source} / {}",
            crate::model::problem::label(*id),
            entry.title,
            entry.department,
            f.source,
            entry.date
        ),
    };
    let mut who = format!(
        "{} {}  {} {}",
        f.owner_department,
        entry.responsible(),
        f.owner,
        rect.owner
    );
    if !rect.measure.is_empty() {
        who.push_str(&format!("  {} {}", f.measure, rect.measure));
    }
    let mut progress = Vec::new();
    if let Some(done) = &rect.done {
        progress.push(format!(
            "{} {} {} {}",
            f.done,
            done.at.format("%Y-%m-%d"),
            done.by,
            done.note
        ));
    }
    match (rect.closing(), rect.recheck()) {
        (Some(_), _) => progress.push(state_text(entry, app.lang)),
        (None, Some(last)) => progress.push(format!(
            "{} {} {} {} {}",
            f.recheck,
            result(app.lang, last.result),
            last.at.format("%Y-%m-%d"),
            last.by,
            last.note
        )),
        (None, None) => {}
    }
    let lines: Vec<Line> = [origin, who, progress.join("  ")]
        .iter()
        .map(|text| Line::from(truncate(&display_line(text.trim()), width)))
        .collect();
    let [rule, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled("-".repeat(width), app.theme.dim())),
        rule,
    );
    frame.render_widget(Paragraph::new(lines), body);
}
