//! The round board (排名, docs/design.md §15) as `board --json`, as the plain text of
//! `zicha board`, and the cells the round xlsx's 排名 sheet and the UI show.
//!
//! `board --json`: an array in rank order of `rank`, `session`, `department`,
//! `percent` (null when the session has no maximum), `deducted`, `verdict` (the code,
//! as in `show --json`), `checked`, `total`, `open_rectifications`, `on_time_rate`
//! (percent of the closed rectifications closed by their due date; null when none
//! is closed), `band` (`red`, `yellow` or `green`). Figures rounded to 2 decimals.

use serde::Serialize;

use super::json::round2;
use super::report::Report;
use super::text::{table, verdict_text};
use crate::i18n::Lang;
use crate::model::board::{BoardRow, Contender, rank};
use crate::model::checklist::Scope;
use crate::model::order::DepartmentOrder;
use crate::model::scoring::format_points;
use crate::model::text::sanitize_line;

#[derive(Debug, Clone, Serialize)]
pub struct BoardRowJson {
    pub rank: usize,
    pub session: String,
    pub department: String,
    pub percent: Option<f64>,
    pub deducted: f64,
    pub verdict: &'static str,
    pub checked: usize,
    pub total: usize,
    pub open_rectifications: usize,
    pub on_time_rate: Option<f64>,
    pub band: &'static str,
}

pub fn json(rows: &[BoardRow]) -> Vec<BoardRowJson> {
    rows.iter()
        .map(|row| {
            let figures = &row.summary.figures;
            BoardRowJson {
                rank: row.rank,
                session: row.session_id.to_string(),
                department: row.department.clone(),
                percent: row.summary.percent().map(round2),
                deducted: round2(figures.deducted),
                verdict: row.summary.verdict().code(),
                checked: figures.checked,
                total: figures.total,
                open_rectifications: row.summary.open_rectifications,
                on_time_rate: row.on_time_rate.map(round2),
                band: row.band.code(),
            }
        })
        .collect()
}

/// "87.5%", or "—" without a maximum or a closed rectification.
pub fn percent_cell(percent: Option<f64>) -> String {
    percent.map_or_else(|| "—".to_string(), |p| format!("{}%", format_points(p)))
}

/// One row's cells as text, in [`header`]'s order.
pub fn cells(row: &BoardRow, lang: Lang) -> Vec<String> {
    let figures = &row.summary.figures;
    vec![
        row.rank.to_string(),
        sanitize_line(&row.department),
        percent_cell(row.summary.percent()),
        format_points(figures.deducted),
        verdict_text(&row.summary, lang),
        format!("{}/{}", figures.checked, figures.total),
        row.summary.open_rectifications.to_string(),
        percent_cell(row.on_time_rate),
        lang.band(row.band).to_string(),
    ]
}

pub fn header(lang: Lang) -> [&'static str; 9] {
    let t = lang.board();
    [
        t.rank,
        t.department,
        t.percent,
        t.deducted,
        t.verdict,
        t.checked,
        t.open_rectifications,
        t.on_time_rate,
        t.band,
    ]
}

/// `zicha board`: the heading, then the table (or a line saying there is nothing).
pub fn text(round: Option<&str>, rows: &[BoardRow], lang: Lang) -> String {
    let t = lang.board();
    let mut out = String::new();
    if let Some(round) = round {
        out.push_str(&(t.heading)(&sanitize_line(round)));
        out.push('\n');
    }
    if rows.is_empty() {
        out.push_str(t.no_sessions);
        out.push('\n');
        return out;
    }
    let cells: Vec<Vec<String>> = rows.iter().map(|row| cells(row, lang)).collect();
    out.push_str(&table(&header(lang), &cells));
    out
}

/// The board of a round report: its department sessions ranked, with the
/// rectifications gathered in `report.follow_ups`.
pub fn of_report(report: &Report, order: &DepartmentOrder) -> Vec<BoardRow> {
    let contenders = report
        .sessions
        .iter()
        .filter(|one| one.session.scope == Scope::Department)
        .map(|one| Contender {
            session_id: one.session.id,
            department: one.session.department.clone(),
            summary: one.summary.clone(),
            follow_ups: report
                .follow_ups
                .get(&one.session.id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    rank(contenders, order)
}
