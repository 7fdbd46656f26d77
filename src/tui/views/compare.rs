//! The compare screen: this round against the prior one, regressions first.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, CompareState};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate};
use super::common::frame_block;
use super::rounds::{footer, label_line, signed, summary_text};
use crate::i18n::rounds::class_label;
use crate::model::checklist::Item;
use crate::model::compare::{Class, Comparison, ItemChange};
use crate::model::session::Status;

/// Column widths of the compare table.
struct Columns {
    class: usize,
    code: usize,
    title: usize,
    status: usize,
    delta: usize,
}

/// The title column keeps at least this many cells before other columns give way.
const MIN_TITLE: usize = 8;

impl Columns {
    /// Columns as wide as their widest cell (header included); the title takes the
    /// rest. Only when the title would drop below [`MIN_TITLE`] do the status and
    /// code columns shrink.
    fn for_rows(app: &App, state: &CompareState, rows: &[&ItemChange], width: usize) -> Columns {
        let t = app.lang.ui();
        let widest = |header: &str, cells: &mut dyn Iterator<Item = String>| {
            cells
                .map(|cell| cell.width())
                .fold(header.width(), usize::max)
        };
        let class = widest(
            t.change,
            &mut Class::ALL.iter().map(|c| class_label(*c, app.lang).into()),
        );
        let mut code = widest(
            t.item,
            &mut rows.iter().map(|item| display_line(&item.code)),
        );
        let mut status = widest(
            &status_header(app),
            &mut rows.iter().map(|item| statuses(app, state, item)),
        );
        let delta = widest(t.score, &mut rows.iter().map(|item| delta_text(item)));
        let fixed = |code: usize, status: usize| class + code + status + delta + 4;
        let short = (fixed(code, status) + MIN_TITLE).saturating_sub(width);
        let give = short.min(status.saturating_sub(10));
        status -= give;
        code -= (short - give).min(code.saturating_sub(5));
        Columns {
            class,
            code,
            title: width.saturating_sub(fixed(code, status)),
            status,
            delta,
        }
    }
}

fn status_header(app: &App) -> String {
    let t = app.lang.ui();
    format!("{} -> {}", t.prior_round, t.this_round)
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
    frame.render_widget(Paragraph::new(header(app, state, width)), areas.header);
    let rows = state.rows();
    let columns = Columns::for_rows(app, state, &rows, width);
    let table_header = format!(
        "{} {} {} {} {}",
        fit(t.change, columns.class),
        fit(t.item, columns.code),
        fit("", columns.title),
        fit(&status_header(app), columns.status),
        fit(t.score, columns.delta)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&table_header, width), app.theme.heading())),
        areas.table_header,
    );
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(areas.rows.height))
        .map(|(index, item)| {
            let line = change_line(app, state, item, &columns);
            if index == state.cursor {
                line.patch_style(app.theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), areas.rows);
    let all = state.comparison.items.len();
    let status = if state.changed_only {
        format!("[{}]  {}/{all}", t.changed_only, rows.len())
    } else {
        format!("{}/{all}", rows.len())
    };
    footer(frame, app, &areas, &status, Mode::Compare);
}

/// This round, the prior round, and the change with counts per class.
fn header(app: &App, state: &CompareState, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let c: &Comparison = &state.comparison;
    let mut counts = format!(
        "{} {} ({})",
        t.change,
        signed(c.score_delta()),
        c.percent_delta().map_or_else(
            || "--".to_string(),
            |p| format!("{}%", signed((p * 10.0).round() / 10.0))
        )
    );
    if c.unchecked() > 0 {
        let left_out = (crate::i18n::rounds::texts(app.lang).unchecked_left_out)(c.unchecked());
        counts.push_str(&left_out);
    }
    for (class, count) in c.counts.iter().filter(|(_, count)| *count > 0) {
        counts.push_str(&format!("  {} {count}", class_label(class, app.lang)));
    }
    let side = |label: &str, session, summary| {
        Line::from(truncate(
            &format!(
                "{label}  {}  {}",
                label_line(session),
                summary_text(app, summary)
            ),
            width,
        ))
    };
    vec![
        side(t.this_round, &state.current, &c.current),
        side(t.prior_round, &state.prior, &c.prior),
        Line::from(Span::styled(truncate(&counts, width), app.theme.heading())),
    ]
}

/// The status as the item reads it (无此情形/存在 for a veto item…), "-" where absent.
fn status_word(app: &App, item: Option<&Item>, status: Option<Status>) -> String {
    match (item, status) {
        (_, None) => "-".to_string(),
        (Some(item), Some(status)) => app.lang.item_status(item, status).to_string(),
        (None, Some(status)) => app.lang.status(status).to_string(),
    }
}

/// "达标 -> 未查" for a row.
fn statuses(app: &App, state: &CompareState, item: &ItemChange) -> String {
    let checked = state.checklist.item(&item.code);
    format!(
        "{} -> {}",
        status_word(app, checked, item.prior),
        status_word(app, checked, item.current)
    )
}

/// The point change, blank when there is none (or none yet: an unchecked item).
fn delta_text(item: &ItemChange) -> String {
    match item.delta {
        Some(delta) if delta != 0.0 => signed(delta),
        _ => String::new(),
    }
}

fn change_line(
    app: &App,
    state: &CompareState,
    item: &ItemChange,
    columns: &Columns,
) -> Line<'static> {
    let class_style = match item.class {
        Class::Regressed => app.theme.warning(),
        Class::Improved => app.theme.ok(),
        Class::Unchecked => app.theme.dim(),
        _ => Style::new(),
    };
    let statuses = statuses(app, state, item);
    let delta = delta_text(item);
    Line::from(vec![
        Span::styled(
            fit(class_label(item.class, app.lang), columns.class),
            class_style,
        ),
        Span::raw(" "),
        Span::raw(fit(&display_line(&item.code), columns.code)),
        Span::raw(" "),
        Span::raw(fit(&display_line(&item.title), columns.title)),
        Span::raw(" "),
        Span::raw(fit(&statuses, columns.status)),
        Span::raw(" "),
        Span::styled(fit(&delta, columns.delta), class_style),
    ])
}
