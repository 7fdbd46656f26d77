//! The 责任分解 sheet of a round (docs/design.md §11): one row per lead department,
//! then one row per item it lost points on, with the department whose session lost them.

use super::sheet::{Cell, Table, text};
use crate::export::report::Report;
use crate::export::rows::{self, DutyRow};
use crate::i18n::report::ReportTexts;

fn header(t: &ReportTexts) -> Vec<&'static str> {
    vec![
        t.lead_department,
        t.led_items,
        t.lost,
        t.open_rectifications,
        t.verdict,
        t.session_department,
        t.code,
        t.item,
        t.item_lost,
    ]
}

pub(super) fn table(report: &Report, title: String, note: String, t: &ReportTexts) -> Table {
    Table {
        title,
        note,
        header: header(t),
        rows: rows::duty_rows(report)
            .iter()
            .flat_map(|duty| cells(duty, t))
            .collect(),
        overdue: None,
        // The verdict column: a disqualified department's row stands out.
        flagged: Some((4, t.disqualified)),
        truncated: t.truncated,
    }
}

/// A department's row, then one row per item it lost points on.
fn cells(duty: &DutyRow, t: &ReportTexts) -> Vec<Vec<Cell>> {
    let mut rows = vec![vec![
        text(&duty.department),
        Cell::Number(Some(duty.items as f64)),
        Cell::Number(Some(duty.lost)),
        Cell::Number(Some(duty.open_rectifications as f64)),
        text(duty.verdict(t)),
        text(""),
        text(""),
        text(""),
        Cell::Number(None),
    ]];
    for (session_department, code, title, lost) in &duty.details {
        rows.push(vec![
            text(&duty.department),
            Cell::Number(None),
            Cell::Number(None),
            Cell::Number(None),
            text(""),
            text(session_department),
            text(code),
            Cell::Long(title.clone()),
            Cell::Number(Some(*lost)),
        ]);
    }
    rows
}
