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

impl Columns {
    fn for_width(app: &App, width: usize) -> Columns {
        let class = Class::ALL
            .iter()
            .map(|class| class_label(*class, app.lang).width())
            .max()
            .unwrap_or(4);
        let (code, status, delta) = (7, 18, 6);
        Columns {
            class,
            code,
            title: width.saturating_sub(class + code + status + delta + 4),
            status,
            delta,
        }
    }
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
    let columns = Columns::for_width(app, width);
    let table_header = format!(
        "{} {} {} {} {}",
        fit(t.change, columns.class),
        fit(t.item, columns.code),
        fit("", columns.title),
        fit(
            &format!("{} -> {}", t.prior_round, t.this_round),
            columns.status
        ),
        fit(t.score, columns.delta)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&table_header, width), app.theme.heading())),
        areas.table_header,
    );
    let rows = state.rows();
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
    for (class, count) in c.counts.iter() {
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

fn change_line(
    app: &App,
    state: &CompareState,
    item: &ItemChange,
    columns: &Columns,
) -> Line<'static> {
    let checked = state.checklist.item(&item.code);
    let class_style = match item.class {
        Class::Regressed => app.theme.warning(),
        Class::Improved => app.theme.ok(),
        _ => Style::new(),
    };
    let statuses = format!(
        "{} -> {}",
        status_word(app, checked, item.prior),
        status_word(app, checked, item.current)
    );
    let delta = if item.delta == 0.0 {
        String::new()
    } else {
        signed(item.delta)
    };
    Line::from(vec![
        Span::styled(
            fit(class_label(item.class, app.lang), columns.class),
            class_style,
        ),
        Span::raw(" "),
        Span::raw(fit(&item.code, columns.code)),
        Span::raw(" "),
        Span::raw(fit(&display_line(&item.title), columns.title)),
        Span::raw(" "),
        Span::raw(fit(&statuses, columns.status)),
        Span::raw(" "),
        Span::styled(fit(&delta, columns.delta), class_style),
    ])
}
