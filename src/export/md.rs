//! Markdown: GitHub-flavoured tables that render on common viewers.

use super::Options;
use super::columns::{
    Column, DUTY_COLUMNS, ITEM_COLUMNS, OUTSIDE_COLUMNS, PROBLEM_COLUMNS, section_starts,
    summary_columns,
};
use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow};
use super::summary::{SummaryRow, facts, round_facts, session_heading, title};
use crate::i18n::report::ReportTexts;

pub fn render(report: &Report, options: &Options) -> String {
    let t = options.texts();
    let mut out = format!("# {}\n\n", esc(&title(report, options)));
    match report.single() {
        Some(one) => single(&mut out, one, options, t),
        None => several(&mut out, report, options, t),
    }
    out
}

fn single(out: &mut String, one: &SessionReport, options: &Options, t: &ReportTexts) {
    let summary = SummaryRow::of(one);
    fact_list(out, &facts(&summary, options, t), t);
    out.push_str(&format!("\n## {}\n\n", t.heading_overall));
    out.push_str(&format!("{}\n\n", esc(&summary.overall_sentence(t))));
    summary_table(out, std::slice::from_ref(&summary), false, t);

    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    out.push_str(&format!(
        "\n## {}{}\n\n",
        t.heading_problems,
        (t.count_suffix)(problems.len())
    ));
    if problems.is_empty() {
        out.push_str(&format!("{}\n", esc(&summary.no_problems_text(t))));
    } else {
        table(out, PROBLEM_COLUMNS, &problems, t);
    }
    out.push_str(&format!("\n## {}\n\n", t.heading_items));
    item_table(out, &items, t);
    if has_attachments(one) {
        out.push_str(&format!("\n## {}\n\n", t.heading_photos));
        attachment_list(out, one);
    }
}

fn has_attachments(one: &SessionReport) -> bool {
    one.session
        .responses
        .values()
        .any(|r| !r.attachments.is_empty())
}

/// 图片资料: each item's attached files by name and caption (md shows no pictures).
fn attachment_list(out: &mut String, one: &SessionReport) {
    let none = super::report::Photos::new();
    for group in super::photos::by_item(one, &none) {
        let names: Vec<String> = group
            .listed
            .iter()
            .map(|a| super::photos::listed_name(a))
            .collect();
        out.push_str(&format!(
            "- {} {}：{}\n",
            esc(group.code),
            esc(&rows::clean_line(group.title)),
            esc(&names.join("；"))
        ));
    }
}

fn several(out: &mut String, report: &Report, options: &Options, t: &ReportTexts) {
    fact_list(out, &round_facts(report, options, t), t);
    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    out.push_str(&format!("\n## {}\n\n", t.heading_overall));
    summary_table(out, &summaries, true, t);

    let per_session: Vec<(String, &SummaryRow, Vec<ItemRow>)> = report
        .sessions
        .iter()
        .zip(&summaries)
        .map(|(one, s)| {
            (
                session_heading(report, s, t),
                s,
                rows::item_rows(one, options.today),
            )
        })
        .collect();
    out.push_str(&format!("\n## {}\n", t.heading_problems));
    for (heading, summary, items) in &per_session {
        let problems = rows::problems(items);
        out.push_str(&format!("\n### {}\n\n", esc(heading)));
        if problems.is_empty() {
            out.push_str(&format!("{}\n", esc(&summary.no_problems_text(t))));
        } else {
            table(out, PROBLEM_COLUMNS, &problems, t);
        }
    }
    outside_problems(out, report, options, t);
    duties(out, report, t);
    out.push_str(&format!("\n## {}\n", t.heading_items));
    for (heading, _, items) in &per_session {
        out.push_str(&format!("\n### {}\n\n", esc(heading)));
        item_table(out, items, t);
    }
    if report.sessions.iter().any(has_attachments) {
        out.push_str(&format!("\n## {}\n", t.heading_photos));
        for ((heading, ..), one) in per_session.iter().zip(&report.sessions) {
            if has_attachments(one) {
                out.push_str(&format!("\n### {}\n\n", esc(heading)));
                attachment_list(out, one);
            }
        }
    }
}

/// Problems from outside (上级通报, 测评反馈) of the round's departments, if any.
fn outside_problems(out: &mut String, report: &Report, options: &Options, t: &ReportTexts) {
    let outside = rows::problem_rows(report, options.today);
    if outside.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n### {}{}\n\n",
        t.heading_outside,
        (t.count_suffix)(outside.len())
    ));
    let outside: Vec<&rows::ProblemRow> = outside.iter().collect();
    table(out, OUTSIDE_COLUMNS, &outside, t);
}

/// 责任分解: what each lead department lost on the items it leads (round reports).
fn duties(out: &mut String, report: &Report, t: &ReportTexts) {
    let duties = rows::duty_rows(report);
    if duties.is_empty() {
        return;
    }
    out.push_str(&format!("\n## {}\n\n", t.heading_duties));
    let duties: Vec<&rows::DutyRow> = duties.iter().collect();
    table(out, DUTY_COLUMNS, &duties, t);
}

fn fact_list(out: &mut String, facts: &[(&str, String)], t: &ReportTexts) {
    for (label, value) in facts {
        out.push_str(&format!("- {}\n", esc(&(t.labelled)(label, value))));
    }
}

fn summary_table(out: &mut String, summaries: &[SummaryRow], per_session: bool, t: &ReportTexts) {
    let columns = summary_columns(summaries, per_session, true);
    let header: Vec<&str> = columns.iter().map(|c| (c.header)(t)).collect();
    let cells: Vec<Vec<String>> = summaries
        .iter()
        .map(|s| columns.iter().map(|c| esc(&(c.value)(s, t))).collect())
        .collect();
    raw_table(out, &header, &cells);
}

fn table<R>(out: &mut String, columns: &[Column<R>], rows: &[&R], t: &ReportTexts) {
    let header: Vec<&str> = columns.iter().map(|c| (c.header)(t)).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            columns
                .iter()
                .map(|c| esc(&(c.value)(i + 1, row, t)))
                .collect()
        })
        .collect();
    raw_table(out, &header, &cells);
}

/// Every item, with a bold row where a top-level section starts.
fn item_table(out: &mut String, items: &[ItemRow], t: &ReportTexts) {
    let header: Vec<&str> = ITEM_COLUMNS.iter().map(|c| (c.header)(t)).collect();
    let mut cells = Vec::new();
    for (i, (section, row)) in section_starts(items).into_iter().enumerate() {
        if let Some(section) = section {
            let mut line = vec![String::new(); ITEM_COLUMNS.len()];
            line[1] = format!("**{}**", esc(section));
            cells.push(line);
        }
        cells.push(
            ITEM_COLUMNS
                .iter()
                .map(|c| esc(&(c.value)(i + 1, row, t)))
                .collect(),
        );
    }
    raw_table(out, &header, &cells);
}

fn raw_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
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
    fn a_session_report_has_header_verdict_problems_and_every_item() {
        let mut options = Options::new(fixture::today());
        options.unit = Some("某某局".into());
        let text = render(&fixture::single(), &options);
        assert!(
            text.starts_with("# 某某局办公室2026年11月自查报告\n"),
            "{text}"
        );
        assert!(text.contains("- 检查表：导出测试表（第3版）"));
        assert!(text.contains("判定：一票否决（3.1）。"), "one verdict");
        assert!(!text.contains("取消评优资格") && !text.contains("优秀"));
        assert!(text.contains("## 二、存在问题及整改情况（3项）"));
        assert!(text.contains("无年度学习计划（扣2分）"));
        assert!(
            text.contains(
                "| 办公室 李明\\<b\\> | 2026-11-01 | 整改措施：补开中心组学习会<br>逾期未完成 |"
            ),
            "责任科室, 责任人, 整改时限, 整改措施: {text}"
        );
        assert!(
            text.contains("| 党群室 张华 | 2026-12-01 | 2026-11-22复查通过，已销号：已补记录 |"),
            "the 复查 that closed it: {text}"
        );
        assert!(text.contains("| 3.1 | 无违纪违法、安全责任事故【一票否决】 | 存在 |"));
        assert!(text.contains("| 2.4 | 获市级以上表彰【加分项】 | 已加分 |"));
        assert_eq!(text.matches("| 2.3 |").count(), 1, "all items, once");
        assert!(!text.contains("<script>") && !text.contains('\u{1b}') && !text.contains('\r'));
    }

    #[test]
    fn a_round_report_summarizes_each_department_then_details_them() {
        let text = render(&fixture::round(), &Options::new(fixture::today()));
        assert!(text.starts_with("# 2026年11月自查报告\n"), "not doubled");
        let summary = text.split("## 二、").next().unwrap_or_default();
        for department in ["办公室", "党群室", "后勤服务中心"] {
            assert!(
                summary.contains(&format!("| {department} |")),
                "{department}"
            );
            assert!(text.contains(&format!("### {department}（导出测试表）")));
        }
        assert!(text.contains("- 检查日期：2026-11-18至2026-11-20"));
        assert!(
            text.contains("| 后勤服务中心 | 导出测试表 | 2026-11-18 | 王敏 | 1/8 | 1 | 0 | 1 | 17 | 5.9% | 1 | 检查中 | 1 | 0 |"),
            "后勤服务中心 checked 1 of 8: no grade"
        );
        assert!(text.contains("### 上级通报及测评反馈问题（1项）"), "{text}");
        assert!(
            text.contains("| 1 | 党群室 | 宣传栏内容过期 | 市文明办通报 | 2026-11-25 | 党群室 周涛 | 2026-12-05 | 整改措施：每月更新宣传栏<br>未完成 |"),
            "{text}"
        );
        let duties = text
            .split("## 三、责任分解")
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
        let single = render(&fixture::single(), &Options::new(fixture::today()));
        assert!(!single.contains("责任分解") && !single.contains("上级通报"));
    }

    #[test]
    fn an_english_document_takes_every_word_from_the_english_texts() {
        let mut options = Options::new(fixture::today());
        options.lang = crate::i18n::Lang::En;
        let text = render(&fixture::round(), &options);
        assert!(
            text.starts_with("# Self-inspection report — 2026年11月自查\n"),
            "{text}"
        );
        for word in [
            "检查",
            "判定",
            "扣分",
            "已查",
            "部门",
            "编号",
            "评定",
            "一票否决",
            "（",
            "：",
        ] {
            let outside_data = text
                .replace("2026年11月自查", "")
                .replace("一票否决事项", "")
                .replace("导出测试表", "")
                .replace("无违纪违法、安全责任事故", "")
                .replace("中心组学习制度化", "")
                .replace("中心组学习", "")
                .replace("宣传栏内容过期", "")
                .replace("市文明办通报", "")
                .replace("每月更新宣传栏", "")
                .replace("窗明几净", "");
            assert!(
                !outside_data.contains(word),
                "{word:?} in an English document"
            );
        }
        assert!(text.contains("| Department |") && text.contains("vetoed (3.1)"));
    }
}

#[cfg(test)]
mod attachment_tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn attachments_are_listed_by_name_and_caption() {
        let report = fixture::with_attachments(fixture::single());
        let text = render(&report, &Options::new(fixture::today()));
        let part = &text[text.find("## 图片资料").expect("the part")..];
        assert!(part.contains("- 2.4 "), "{part}");
        assert!(
            part.contains("奖牌.jpg · 荣誉墙\\<奖牌\\>；创建方案.pdf · 方案；坏图.jpg"),
            "{part}"
        );
        let csv = crate::export::csv::render(&report, &Options::new(fixture::today()));
        assert!(csv.contains("奖牌.jpg · 荣誉墙<奖牌>"), "{csv}");
    }
}
