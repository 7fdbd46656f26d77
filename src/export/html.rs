//! HTML: one self-contained page (inline CSS and SVG, nothing fetched), printable on A4.
//! Every piece of user text goes through `esc`.

use std::fmt::Write;

use super::Options;
use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow, SummaryRow};
use super::svg;
use crate::model::scoring::{format_points, section_figures};
use crate::model::session::Status;

#[path = "html_followup.rs"]
mod followup;

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif;
       font-size: 10.5pt; line-height: 1.5; color: #222; max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #2a6fb0; padding-bottom: 2pt; margin-top: 16pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
.sub { text-align: center; color: #555; margin: 0 0 10pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef2f7; white-space: nowrap; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap, td.pass, td.partial, td.fail, td.na, td.pending { white-space: nowrap; }
.fail { color: #b00020; font-weight: bold; }
.partial { color: #a35a00; }
.pass { color: #2e7d32; }
.na, .pending { color: #777; }
.verdict { color: #b00020; font-weight: bold; }
tr.overdue td { background: #fde7e9; }
.none { color: #555; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 6pt 0; font-size: 11px; }
svg.chart text { fill: #333; }
svg.chart .chart-title { font-weight: bold; font-size: 12px; }
svg.chart .axis { fill: #777; }
@media print { body { padding: 0; max-width: none; } }
"#;

pub fn render(report: &Report, options: &Options) -> String {
    let title = match (report.single(), report.round_label()) {
        (Some(one), _) => format!("自查报告:{}", rows::clean_line(&one.session.department)),
        (None, Some(round)) => format!("{} 自查汇总", rows::clean_line(round)),
        (None, None) => "自查汇总".to_string(),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    match report.single() {
        Some(one) => single(&mut out, one, options),
        None => several(&mut out, report, options),
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn single(out: &mut String, one: &SessionReport, options: &Options) {
    let s = SummaryRow::of(one);
    let _ = writeln!(
        out,
        "<p class=\"sub\">{} · {} · {}</p>",
        esc(&s.department),
        esc(&s.round),
        s.date
    );
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(unit) = &options.unit {
        facts.push(("单位", rows::clean_line(unit)));
    }
    facts.extend([
        ("部门", s.department.clone()),
        ("轮次", s.round.clone()),
        ("日期", s.date.to_string()),
        ("检查人", s.inspector.clone()),
        ("检查表", s.checklist.clone()),
    ]);
    out.push_str("<table class=\"facts\"><tbody>\n");
    for (label, value) in facts {
        let _ = writeln!(out, "<tr><th>{label}</th><td>{}</td></tr>", esc(&value));
    }
    out.push_str("</tbody></table>\n<h2>得分与判定</h2>\n");
    figures_table(out, std::slice::from_ref(&s), false);
    verdict_line(out, &s);

    let bars: Vec<(String, Option<f64>)> = one
        .checklist
        .sections
        .iter()
        .map(|section| {
            let figures = section_figures(&one.checklist.rules, section, &one.session);
            let percent = figures.has_score().then(|| figures.percent()).flatten();
            (format!("{} {}", section.code, section.title), percent)
        })
        .collect();
    out.push_str(&svg::bars("各部分得分率", &bars));
    out.push('\n');
    if let Some(chart) = svg::trend("历次得分率", &one.history) {
        out.push_str(&chart);
        out.push('\n');
    }

    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    let _ = writeln!(out, "<h2>问题与整改({} 项)</h2>", problems.len());
    problem_table(out, &problems);
    out.push_str("<h2>全部条目</h2>\n");
    item_table(out, &items);
}

fn several(out: &mut String, report: &Report, options: &Options) {
    let mut sub = Vec::new();
    if let Some(unit) = &options.unit {
        sub.push(esc(&rows::clean_line(unit)));
    }
    match (report.first_date(), report.last_date()) {
        (Some(first), Some(last)) if first != last => sub.push(format!("{first} 至 {last}")),
        (Some(first), _) => sub.push(first.to_string()),
        _ => {}
    }
    sub.push(format!("检查记录 {} 份", report.sessions.len()));
    let _ = writeln!(out, "<p class=\"sub\">{}</p>", sub.join(" · "));

    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    out.push_str("<h2>各部门汇总</h2>\n");
    figures_table(out, &summaries, true);
    let bars: Vec<(String, Option<f64>)> = summaries
        .iter()
        .map(|s| (s.department.clone(), s.percent))
        .collect();
    out.push_str(&svg::bars("各部门得分率", &bars));
    out.push('\n');

    let headings: Vec<String> = summaries
        .iter()
        .map(|s| {
            if report.round_label().is_some() {
                format!("{} · {}", s.department, s.checklist)
            } else {
                format!("{} · {} · {}", s.department, s.round, s.checklist)
            }
        })
        .collect();
    let items: Vec<Vec<ItemRow>> = report
        .sessions
        .iter()
        .map(|one| rows::item_rows(one, options.today))
        .collect();
    out.push_str("<h2>问题与整改</h2>\n");
    for ((one, heading), rows) in report.sessions.iter().zip(&headings).zip(&items) {
        let problems = rows::problems(rows);
        let _ = writeln!(out, "<h3>{}({} 项)</h3>", esc(heading), problems.len());
        if let Some(chart) = svg::trend("历次得分率", &one.history) {
            out.push_str(&chart);
            out.push('\n');
        }
        problem_table(out, &problems);
    }
    followup::outside_problems(out, report, options);
    followup::duties(out, report);
    out.push_str("<h2>全部条目</h2>\n");
    for (heading, rows) in headings.iter().zip(&items) {
        let _ = writeln!(out, "<h3>{}</h3>", esc(heading));
        item_table(out, rows);
    }
}

fn figures_table(out: &mut String, summaries: &[SummaryRow], per_department: bool) {
    out.push_str("<table><thead><tr>");
    if per_department {
        out.push_str("<th>部门</th><th>检查表</th><th>日期</th><th>检查人</th>");
    }
    out.push_str(
        "<th>得分</th><th>得分率</th><th>扣分</th><th>已查</th><th>判定</th><th>问题</th><th>待整改</th></tr></thead>\n<tbody>\n",
    );
    for s in summaries {
        out.push_str("<tr>");
        if per_department {
            let _ = write!(
                out,
                "<td>{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td>",
                esc(&s.department),
                esc(&s.checklist),
                s.date,
                esc(&s.inspector)
            );
        }
        let verdict_class = if s.veto.is_empty() && !s.disqualified {
            ""
        } else {
            " class=\"verdict\""
        };
        let _ = writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{}</td><td{verdict_class}>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            s.score_text(),
            s.percent_text(),
            format_points(s.deducted),
            s.checked,
            s.total,
            esc(&s.verdict_text()),
            s.problems,
            s.open_rectifications
        );
    }
    out.push_str("</tbody></table>\n");
}

fn verdict_line(out: &mut String, s: &SummaryRow) {
    let _ = writeln!(
        out,
        "<p>{}:<span{}>{}</span> · {}:<span{}>{}</span> · 等级:{}</p>",
        rows::VETO,
        if s.veto.is_empty() {
            ""
        } else {
            " class=\"verdict\""
        },
        esc(&s.veto_text()),
        rows::DISQUALIFIED,
        if s.disqualified {
            " class=\"verdict\""
        } else {
            ""
        },
        s.disqualified_text(),
        esc(if s.grade.is_empty() { "—" } else { &s.grade }),
    );
}

fn status_cell(status: Status) -> String {
    format!(
        "<td class=\"{}\">{}</td>",
        status.as_str(),
        crate::i18n::report::status(status)
    )
}

fn problem_table(out: &mut String, problems: &[&ItemRow]) {
    if problems.is_empty() {
        out.push_str("<p class=\"none\">无。</p>\n");
        return;
    }
    out.push_str(
        "<table><thead><tr><th>编号</th><th>条目</th><th>状态</th><th>得分</th><th>扣分</th><th>扣分项</th><th>备注</th><th>整改</th></tr></thead>\n<tbody>\n",
    );
    for row in problems {
        let overdue = row.rectification.as_ref().is_some_and(|r| r.overdue);
        let _ = writeln!(
            out,
            "<tr{}><td class=\"nowrap\">{}</td><td class=\"text\">{}</td>{}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td><td class=\"text\">{}</td></tr>",
            if overdue { " class=\"overdue\"" } else { "" },
            esc(&row.code),
            esc(&format!("{}{}", row.title, row.marks())),
            status_cell(row.status),
            row.score_text(),
            row.lost_text(),
            esc(&row.deductions_text()),
            esc(&row.note),
            esc(&row.rectification_text()),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn item_table(out: &mut String, items: &[ItemRow]) {
    out.push_str(
        "<table><thead><tr><th>部分</th><th>编号</th><th>条目</th><th>状态</th><th>分值</th><th>得分</th><th>备注</th></tr></thead>\n<tbody>\n",
    );
    for row in items {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"nowrap\">{}</td><td class=\"text\">{}</td>{}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"text\">{}</td></tr>",
            esc(&row.section),
            esc(&row.code),
            esc(&format!("{}{}", row.title, row.marks())),
            status_cell(row.status),
            row.points_text(),
            row.score_text(),
            esc(&row.note),
        );
    }
    out.push_str("</tbody></table>\n");
}

/// Escapes text for HTML element content and attribute values alike.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    use crate::export::fixture;

    fn assert_self_contained(page: &str) {
        let lower = page.to_lowercase();
        for banned in [
            "<script", "<link", "<iframe", "<img", "src=", "href=", "url(", "@import",
        ] {
            assert!(!lower.contains(banned), "{banned}");
        }
    }

    #[test]
    fn a_session_page_is_self_contained_printable_and_escaped() {
        let page = render(&fixture::single(), &Options::new(fixture::today()));
        assert_self_contained(&page);
        assert!(page.contains("@page { size: A4"));
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(page.contains("李明&lt;b&gt;"));
        assert!(
            !page
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        assert!(
            page.contains("各部分得分率") && page.matches("<svg").count() == 2,
            "bars and trend"
        );
        assert!(page.contains("<polyline"));
        assert!(page.contains("<tr class=\"overdue\">"));
    }

    #[test]
    fn a_round_page_charts_departments_and_skips_a_trend_without_history() {
        let page = render(&fixture::round(), &Options::new(fixture::today()));
        assert_self_contained(&page);
        let urls = page.matches("http").count();
        let in_escaped_note = page.matches("&quot;http://x&quot;").count();
        assert_eq!(
            urls, in_escaped_note,
            "the only URL is the escaped hostile note's"
        );
        assert_eq!(page.matches("<svg").count(), 1);
        assert!(
            page.contains("<td>党群室</td><td class=\"text\">宣传栏内容过期</td><td class=\"text\">市文明办通报</td>"),
            "the problem from outside"
        );
        let duties = &page[page.find("<h2>责任分解</h2>").expect("责任分解")..];
        assert!(duties.contains("<td>办公室</td><td class=\"num\">4</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"verdict\">取消评优资格</td>"), "{duties}");
        assert!(duties.contains("<td>后勤服务中心</td><td class=\"num\">2</td><td class=\"num\">1.5</td><td class=\"num\">0</td><td></td>"), "{duties}");
        let chart = &page[page.find("<svg").unwrap_or(0)..];
        for department in ["办公室", "党群室", "后勤服务中心"] {
            assert!(
                chart.contains(&format!(">{department}</text>")),
                "{department}"
            );
        }
    }
}
