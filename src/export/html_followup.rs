//! The rectification loop in the round page: problems from outside and 责任分解
//! (docs/design.md §10, §11), as the round's docx and xlsx have them.

use std::fmt::Write;

use super::esc;
use crate::export::Options;
use crate::export::report::Report;
use crate::export::rows;
use crate::model::scoring::format_points;

/// Problems from outside (上级通报, 测评反馈) of the round's departments, if any.
pub(super) fn outside_problems(out: &mut String, report: &Report, options: &Options) {
    let outside = rows::problem_rows(report, options.today);
    if outside.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>上级通报及测评反馈问题({} 项)</h3>", outside.len());
    out.push_str(
        "<table><thead><tr><th>部门</th><th>问题</th><th>来源</th><th>日期</th><th>整改</th></tr></thead>\n<tbody>\n",
    );
    for problem in &outside {
        let overdue = problem.rectification.overdue;
        let _ = writeln!(
            out,
            "<tr{}><td>{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td><td class=\"nowrap\">{}</td><td class=\"text\">{}</td></tr>",
            if overdue { " class=\"overdue\"" } else { "" },
            esc(&problem.department),
            esc(&problem.title),
            esc(&problem.source),
            problem.date,
            esc(&problem.rectification.text()),
        );
    }
    out.push_str("</tbody></table>\n");
}

/// 责任分解: what each lead department lost on the items it leads.
pub(super) fn duties(out: &mut String, report: &Report) {
    let duties = rows::duty_rows(report);
    if duties.is_empty() {
        return;
    }
    out.push_str("<h2>责任分解</h2>\n");
    out.push_str(
        "<table><thead><tr><th>牵头科室</th><th>牵头条目</th><th>失分</th><th>待整改</th><th>判定</th><th>失分明细</th></tr></thead>\n<tbody>\n",
    );
    for duty in &duties {
        let details = duty.details_text();
        let verdict_class = if duty.disqualified {
            " class=\"verdict\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td{verdict_class}>{}</td><td class=\"text\">{}</td></tr>",
            esc(&duty.department),
            duty.items,
            format_points(duty.lost),
            duty.open_rectifications,
            duty.verdict_zh(),
            esc(&details),
        );
    }
    out.push_str("</tbody></table>\n");
}
