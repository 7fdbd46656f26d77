//! The rectification loop in the round page: problems from outside and 责任分解
//! (docs/design.md §10, §11), with the columns md and docx use.

use std::fmt::Write;

use super::{cell, cells, esc, table_head};
use crate::export::Options;
use crate::export::columns::{DUTY_COLUMNS, OUTSIDE_COLUMNS};
use crate::export::report::Report;
use crate::export::rows;
use crate::i18n::report::ReportTexts;

/// Problems from outside (上级通报, 测评反馈) of the round's departments, if any.
pub(super) fn outside_problems(
    out: &mut String,
    report: &Report,
    options: &Options,
    t: &ReportTexts,
) {
    let outside = rows::problem_rows(report, options.today);
    if outside.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        esc(&format!(
            "{}{}",
            t.heading_outside,
            (t.count_suffix)(outside.len())
        ))
    );
    table_head(out, OUTSIDE_COLUMNS, t);
    for (i, problem) in outside.iter().enumerate() {
        out.push_str(if problem.rectification.overdue {
            "<tr class=\"overdue\">"
        } else {
            "<tr>"
        });
        cells(out, OUTSIDE_COLUMNS, i + 1, problem, t);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// 责任分解: what each lead department lost on the items it leads; 取消评优资格 in red.
pub(super) fn duties(out: &mut String, report: &Report, t: &ReportTexts) {
    let duties = rows::duty_rows(report);
    if duties.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_duties);
    table_head(out, DUTY_COLUMNS, t);
    for (i, duty) in duties.iter().enumerate() {
        out.push_str("<tr>");
        for column in DUTY_COLUMNS {
            let text = (column.value)(i + 1, duty, t);
            let alarm = duty.disqualified && text == duty.verdict(t);
            cell(out, column.width, column.align, alarm, &text);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}
