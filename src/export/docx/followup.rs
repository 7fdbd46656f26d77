//! The rectification loop in the 自查报告 of a round: problems from outside under
//! 二、 and 三、责任分解 (docs/design.md §10, §11), with the columns md and html use.

use super::xml::{Para, Style};
use super::{Options, table};
use crate::export::columns::{DUTY_COLUMNS, OUTSIDE_COLUMNS};
use crate::export::report::Report;
use crate::export::rows::{self, DutyRow, ProblemRow};
use crate::i18n::report::ReportTexts;

/// Problems from outside (上级通报, 测评反馈) of the round's departments, numbered
/// `n` among the departments' headings under 二、; nothing when there are none.
pub(super) fn outside(
    body: &mut String,
    report: &Report,
    options: &Options,
    t: &ReportTexts,
    n: usize,
) {
    let outside = rows::problem_rows(report, options.today);
    if outside.is_empty() {
        return;
    }
    let heading = format!("{}{}", t.heading_outside, (t.count_suffix)(outside.len()));
    Para::text(Style::Heading2, (t.numbered)(n, &heading)).write(body);
    let outside: Vec<&ProblemRow> = outside.iter().collect();
    table(body, OUTSIDE_COLUMNS, &outside, t);
}

/// 三、责任分解: per lead department, what it lost on the items it leads, or why
/// there is nothing to break down.
pub(super) fn duties(body: &mut String, report: &Report, t: &ReportTexts) {
    Para::text(Style::Heading1, t.heading_duties).write(body);
    let duties = rows::duty_rows(report);
    if duties.is_empty() {
        Para::text(Style::Normal, t.no_duties).write(body);
        return;
    }
    let duties: Vec<&DutyRow> = duties.iter().collect();
    table(body, DUTY_COLUMNS, &duties, t);
}
