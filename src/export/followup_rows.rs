//! What round documents show of problems from outside and of 责任分解, computed once
//! with user text cleaned (as `rows` does for items).

use chrono::NaiveDate;

use super::report::Report;
use super::rows::{RectificationRow, clean_line};
use crate::i18n::report::ReportTexts;
use crate::model::scoring::format_points;

/// A problem from outside (上级通报, 测评反馈) as documents list it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemRow {
    /// `P-<uuid>`.
    pub id: String,
    pub department: String,
    pub title: String,
    pub source: String,
    pub date: NaiveDate,
    pub rectification: RectificationRow,
}

/// The report's problems from outside, oldest first.
pub fn problem_rows(report: &Report, today: NaiveDate) -> Vec<ProblemRow> {
    let mut rows: Vec<ProblemRow> = report
        .followup
        .problems
        .iter()
        .map(|problem| ProblemRow {
            id: problem.label(),
            department: clean_line(&problem.department),
            title: clean_line(&problem.title),
            source: clean_line(&problem.source),
            date: problem.date,
            rectification: RectificationRow::of(&problem.rectification, Vec::new(), today),
        })
        .collect();
    rows.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    rows
}

/// 责任分解 of a round, one row per lead department, as documents show it.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyRow {
    pub department: String,
    pub items: usize,
    pub lost: f64,
    pub open_rectifications: usize,
    pub disqualified: bool,
    /// (department of the session, code, title, points lost).
    pub details: Vec<(String, String, String, f64)>,
}

impl DutyRow {
    /// 取消评优资格, or nothing.
    pub fn verdict(&self, t: &ReportTexts) -> &'static str {
        if self.disqualified {
            t.disqualified
        } else {
            ""
        }
    }

    /// One line per loss: "1.1 中心组学习 -2（办公室）", the session's department last.
    pub fn details_text(&self, t: &ReportTexts) -> String {
        self.details
            .iter()
            .map(|(department, code, title, lost)| {
                (t.loss_line)(code, title, &format_points(*lost), department)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The round's 责任分解 (empty outside a round report).
pub fn duty_rows(report: &Report) -> Vec<DutyRow> {
    report
        .followup
        .duties
        .iter()
        .map(|duty| DutyRow {
            department: clean_line(&duty.department),
            items: duty.items,
            lost: duty.lost,
            open_rectifications: duty.open_rectifications,
            disqualified: duty.disqualified,
            details: duty
                .details
                .iter()
                .map(|d| {
                    (
                        clean_line(&d.session_department),
                        clean_line(&d.code),
                        clean_line(&d.title),
                        d.lost,
                    )
                })
                .collect(),
        })
        .collect()
}
