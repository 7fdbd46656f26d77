//! The round xlsx's 排名 sheet (docs/design.md §15): the board as a printable table.

use super::sheet::{Cell, Table, text};
use crate::export::Options;
use crate::export::board::{header, of_report};
use crate::export::report::Report;
use crate::export::text::verdict_text;

/// The board of `report`'s round, titled like the other sheets.
pub fn table(report: &Report, options: &Options, title: &str, note: String) -> Table {
    let lang = options.lang;
    let t = options.texts();
    let rows = of_report(report, &options.departments)
        .iter()
        .map(|row| {
            let figures = &row.summary.figures;
            vec![
                Cell::Number(Some(row.rank as f64)),
                text(crate::export::rows::clean_line(&row.department)),
                Cell::Percent(row.summary.percent()),
                Cell::Number(Some(figures.deducted)),
                text(verdict_text(&row.summary, lang)),
                text(format!("{}/{}", figures.checked, figures.total)),
                Cell::Number(Some(row.summary.open_rectifications as f64)),
                Cell::Percent(row.on_time_rate),
                text(lang.band(row.band)),
            ]
        })
        .collect();
    Table {
        title: (t.aside)(title, lang.board().title),
        note,
        header: header(lang).to_vec(),
        rows,
        overdue: None,
        flagged: None,
        truncated: t.truncated,
    }
}
