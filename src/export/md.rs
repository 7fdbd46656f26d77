//! Markdown: GitHub-flavoured tables that render on common viewers.

use super::Options;
use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow, SummaryRow};
use crate::model::scoring::format_points;

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    match report.single() {
        Some(one) => single(&mut out, one, options),
        None => several(&mut out, report, options),
    }
    out
}

fn single(out: &mut String, one: &SessionReport, options: &Options) {
    let summary = SummaryRow::of(one);
    out.push_str(&format!("# 自查报告:{}\n\n", esc(&summary.department)));
    let mut facts = Vec::new();
    if let Some(unit) = &options.unit {
        facts.push(("单位", rows::clean_line(unit)));
    }
    facts.extend([
        ("部门", summary.department.clone()),
        ("轮次", summary.round.clone()),
        ("日期", summary.date.to_string()),
        ("检查人", summary.inspector.clone()),
        ("检查表", summary.checklist.clone()),
    ]);
    let fact_rows: Vec<Vec<String>> = facts
        .into_iter()
        .map(|(label, value)| vec![label.to_string(), esc(&value)])
        .collect();
    table(out, &["项目", "内容"], &fact_rows);

    out.push_str("\n## 得分与判定\n\n");
    table(
        out,
        &[
            "得分",
            "得分率",
            "扣分",
            "已查",
            "等级",
            rows::VETO,
            rows::DISQUALIFIED,
        ],
        &[vec![
            summary.score_text(),
            summary.percent_text(),
            crate::model::scoring::format_points(summary.deducted),
            format!("{}/{}", summary.checked, summary.total),
            esc(if summary.grade.is_empty() {
                "—"
            } else {
                &summary.grade
            }),
            esc(&summary.veto_text()),
            summary.disqualified_text().to_string(),
        ]],
    );

    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    out.push_str(&format!("\n## 问题与整改({} 项)\n\n", problems.len()));
    problem_table(out, &problems);
    out.push_str("\n## 全部条目\n\n");
    item_table(out, &items);
}

fn several(out: &mut String, report: &Report, options: &Options) {
    match report.round_label() {
        Some(round) => out.push_str(&format!("# {} 自查汇总\n\n", esc(&rows::clean_line(round)))),
        None => out.push_str("# 自查汇总\n\n"),
    }
    if let Some(unit) = &options.unit {
        out.push_str(&format!("- 单位:{}\n", esc(&rows::clean_line(unit))));
    }
    match (report.first_date(), report.last_date()) {
        (Some(first), Some(last)) if first != last => {
            out.push_str(&format!("- 日期:{first} 至 {last}\n"))
        }
        (Some(first), _) => out.push_str(&format!("- 日期:{first}\n")),
        _ => {}
    }
    out.push_str(&format!("- 检查记录:{} 份\n", report.sessions.len()));

    out.push_str("\n## 各部门汇总\n\n");
    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    let summary_rows: Vec<Vec<String>> = summaries
        .iter()
        .map(|s| {
            vec![
                esc(&s.department),
                esc(&s.checklist),
                s.date.to_string(),
                esc(&s.inspector),
                s.score_text(),
                s.percent_text(),
                crate::model::scoring::format_points(s.deducted),
                esc(&s.verdict_text()),
                s.problems.to_string(),
                s.open_rectifications.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "部门",
            "检查表",
            "日期",
            "检查人",
            "得分",
            "得分率",
            "扣分",
            "判定",
            "问题",
            "待整改",
        ],
        &summary_rows,
    );

    let per_session: Vec<(String, Vec<ItemRow>)> = report
        .sessions
        .iter()
        .zip(&summaries)
        .map(|(one, s)| {
            let heading = if report.round_label().is_some() {
                format!("{} · {}", s.department, s.checklist)
            } else {
                format!("{} · {} · {}", s.department, s.round, s.checklist)
            };
            (heading, rows::item_rows(one, options.today))
        })
        .collect();
    out.push_str("\n## 问题与整改\n");
    for (heading, items) in &per_session {
        let problems = rows::problems(items);
        out.push_str(&format!(
            "\n### {}({} 项)\n\n",
            esc(heading),
            problems.len()
        ));
        problem_table(out, &problems);
    }
    outside_problems(out, report, options);
    duties(out, report);
    out.push_str("\n## 全部条目\n");
    for (heading, items) in &per_session {
        out.push_str(&format!("\n### {}\n\n", esc(heading)));
        item_table(out, items);
    }
}

/// Problems from outside (上级通报, 测评反馈) of the round's departments, if any.
fn outside_problems(out: &mut String, report: &Report, options: &Options) {
    let outside = rows::problem_rows(report, options.today);
    if outside.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n### 上级通报及测评反馈问题({} 项)\n\n",
        outside.len()
    ));
    let cells: Vec<Vec<String>> = outside
        .iter()
        .map(|problem| {
            vec![
                esc(&problem.department),
                esc(&problem.title),
                esc(&problem.source),
                problem.date.to_string(),
                esc(&problem.rectification.text()),
            ]
        })
        .collect();
    table(out, &["部门", "问题", "来源", "日期", "整改"], &cells);
}

/// 责任分解: what each lead department lost on the items it leads (round reports).
fn duties(out: &mut String, report: &Report) {
    let duties = rows::duty_rows(report);
    if duties.is_empty() {
        return;
    }
    out.push_str("\n## 责任分解\n\n");
    let cells: Vec<Vec<String>> = duties
        .iter()
        .map(|duty| {
            let details = duty.details_text();
            vec![
                esc(&duty.department),
                duty.items.to_string(),
                format_points(duty.lost),
                duty.open_rectifications.to_string(),
                duty.verdict_zh().to_string(),
                esc(&details),
            ]
        })
        .collect();
    table(
        out,
        &["牵头科室", "牵头条目", "失分", "待整改", "判定", "失分明细"],
        &cells,
    );
}

fn problem_table(out: &mut String, problems: &[&ItemRow]) {
    if problems.is_empty() {
        out.push_str("无。\n");
        return;
    }
    let cells: Vec<Vec<String>> = problems
        .iter()
        .map(|row| {
            vec![
                esc(&row.code),
                esc(&format!("{}{}", row.title, row.marks())),
                crate::i18n::report::status(row.status).to_string(),
                row.score_text(),
                row.lost_text(),
                esc(&row.deductions_text()),
                esc(&row.note),
                esc(&row.rectification_text()),
            ]
        })
        .collect();
    table(
        out,
        &[
            "编号",
            "条目",
            "状态",
            "得分",
            "扣分",
            "扣分项",
            "备注",
            "整改",
        ],
        &cells,
    );
}

fn item_table(out: &mut String, items: &[ItemRow]) {
    let cells: Vec<Vec<String>> = items
        .iter()
        .map(|row| {
            vec![
                esc(&row.section),
                esc(&row.code),
                esc(&format!("{}{}", row.title, row.marks())),
                crate::i18n::report::status(row.status).to_string(),
                row.points_text(),
                row.score_text(),
                esc(&row.note),
            ]
        })
        .collect();
    table(
        out,
        &["部分", "编号", "条目", "状态", "分值", "得分", "备注"],
        &cells,
    );
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

/// Escapes what Markdown would read as markup or HTML; a newline becomes `<br>`,
/// which keeps a multi-line note inside its table cell.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\t' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_html_are_escaped_and_lines_stay_in_the_cell() {
        assert_eq!(
            esc("<script>alert(1)</script> | *x* [a](b)\n二"),
            "\\<script\\>alert(1)\\</script\\> \\| \\*x\\* \\[a\\](b)<br>二"
        );
    }

    use crate::export::fixture;

    #[test]
    fn a_session_report_has_header_verdicts_problems_and_every_item() {
        let text = render(&fixture::single(), &Options::new(fixture::today()));
        assert!(text.starts_with("# 自查报告:办公室\n"), "{text}");
        assert!(text.contains("| 检查表 | 导出测试表 v3 |"));
        assert!(text.contains("| 是(3.1) | 是 |"), "veto and disqualified");
        assert!(text.contains("## 问题与整改(3 项)"));
        assert!(text.contains("无年度学习计划 -2"));
        assert!(
            text.contains(
                "办公室 李明\\<b\\> · 整改措施：补开中心组学习会 · 2026-11-01 · 逾期未完成"
            ),
            "责任科室, 责任人 and 整改措施 each once: {text}"
        );
        assert!(
            text.contains(
                "党群室 张华 · 2026-12-01 · 已销号 · 已补记录 · 复查通过 2026-11-22 赵强：复查合格"
            ),
            "the 复查 that closed it: {text}"
        );
        assert_eq!(text.matches("| 2.3 |").count(), 1, "all items, once");
        assert!(!text.contains("<script>") && !text.contains('\u{1b}') && !text.contains('\r'));
    }

    #[test]
    fn a_round_report_summarizes_each_department_then_details_them() {
        let text = render(&fixture::round(), &Options::new(fixture::today()));
        assert!(text.starts_with("# 2026年11月自查 自查汇总\n"));
        let summary = text.split("## 问题与整改").next().unwrap_or_default();
        for department in ["办公室", "党群室", "后勤服务中心"] {
            assert!(
                summary.contains(&format!("| {department} |")),
                "{department}"
            );
            assert!(text.contains(&format!("### {department} · 导出测试表 v3(")));
        }
        assert!(text.contains("- 日期:2026-11-18 至 2026-11-20"));
        assert!(text.contains("### 上级通报及测评反馈问题(1 项)"), "{text}");
        assert!(
            text.contains("| 党群室 | 宣传栏内容过期 | 市文明办通报 | 2026-11-25 | 党群室 周涛 · 整改措施：每月更新宣传栏 · 2026-12-05 · 未完成 |"),
            "{text}"
        );
        let duties = text
            .split("## 责任分解")
            .nth(1)
            .expect("a 责任分解 section");
        assert!(
            duties.contains("| 办公室 | 4 | 2 | 1 | 取消评优资格 | 1.1 中心组学习 -2（办公室） |"),
            "{duties}"
        );
        assert!(
            duties
                .contains("| 后勤服务中心 | 2 | 1.5 | 0 |  | 2.1 窗明几净 -1.5（后勤服务中心） |"),
            "{duties}"
        );
    }
}
