//! HTML: one self-contained page (inline CSS and SVG, nothing fetched), printable on A4.
//! Every piece of user text goes through `esc`.

use std::fmt::Write;

use super::Options;
use super::columns::{
    Align, Column, ITEM_COLUMNS, PROBLEM_COLUMNS, Width, section_starts, summary_columns,
};
use super::photos;
use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow};
use super::summary::{SummaryRow, facts, round_facts, session_heading, title};
use super::svg::{self, Bar};
use crate::i18n::report::ReportTexts;
use crate::model::scoring::section_figures;

#[path = "html_followup.rs"]
mod followup;

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif;
       font-size: 10.5pt; line-height: 1.5; color: #222; max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 8pt; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #2a6fb0; padding-bottom: 2pt; margin-top: 16pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
p.none { margin: 2pt 0 8pt; color: #555; }
dl.facts { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 2pt 8pt; margin: 0 0 8pt; }
dl.facts dt { font-weight: bold; white-space: nowrap; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { background: #eef2f7; white-space: nowrap; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
td.fit { white-space: nowrap; overflow-wrap: normal; }
td.share { min-width: 5em; }
td.right { text-align: right; }
td.center { text-align: center; }
tr.section td { background: #f6f6f6; font-weight: bold; }
.alarm { color: #b00020; font-weight: bold; }
tr.overdue td { background: #fde7e9; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 6pt 0; font-size: 11px; break-inside: avoid; }
svg.chart text { fill: #333; }
svg.chart .chart-title { font-weight: bold; font-size: 12px; }
svg.chart .axis, svg.chart .legend { fill: #666; font-size: 10px; }
div.photos { display: grid; grid-template-columns: 1fr 1fr; gap: 6pt; margin: 4pt 0 10pt; }
div.photos figure { margin: 0; break-inside: avoid; }
div.photos img { display: block; width: 100%; height: auto; max-height: 120mm; object-fit: contain; }
div.photos figcaption { font-size: 9pt; color: #333; margin-top: 2pt; }
ul.files { margin: 2pt 0 8pt; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } }
"#;

pub fn render(report: &Report, options: &Options) -> String {
    let t = options.texts();
    let title = title(report, options);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        t.lang_tag,
        esc(&title),
        esc(&title)
    );
    match report.single() {
        Some(one) => single(&mut out, report, one, options, t),
        None => several(&mut out, report, options, t),
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn single(
    out: &mut String,
    report: &Report,
    one: &SessionReport,
    options: &Options,
    t: &ReportTexts,
) {
    let s = SummaryRow::of(one);
    fact_list(out, &facts(&s, options, t));
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_overall);
    overall(out, &s, t);
    summary_table(out, std::slice::from_ref(&s), false, t);
    let bars: Vec<Bar> =
        one.checklist
            .sections
            .iter()
            .filter(|section| {
                section.all_items().iter().any(|item| {
                    item.is_base() && item.is_scored() && item.in_scope(one.session.scope)
                })
            })
            .map(|section| {
                let figures = section_figures(&one.checklist.rules, section, &one.session);
                let label = format!("{} {}", section.code, section.title);
                Bar::of(label, &figures, section.all_items(), &one.session)
            })
            .collect();
    out.push_str(&svg::bars(t.chart_sections, &bars, t));
    out.push('\n');
    if let Some(chart) = svg::trend(t.chart_trend, &one.history) {
        out.push_str(&chart);
        out.push('\n');
    }

    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    let _ = writeln!(
        out,
        "<h2>{}{}</h2>",
        t.heading_problems,
        (t.count_suffix)(problems.len())
    );
    problem_list(out, &s, &problems, t);
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_items);
    item_table(out, &items, t);
    let groups = photos::by_item(one, &report.photos);
    if !groups.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", t.heading_photos);
        photo_groups(out, &groups, t);
    }
}

/// Each item's photos two to a row with their caption line, then its other files by name.
fn photo_groups(out: &mut String, groups: &[photos::ItemAttachments<'_>], t: &ReportTexts) {
    for group in groups {
        let _ = writeln!(
            out,
            "<h3>{} {}</h3>",
            esc(group.code),
            esc(&rows::clean_line(group.title))
        );
        if !group.shown.is_empty() {
            out.push_str("<div class=\"photos\">\n");
            for (attachment, preview) in &group.shown {
                let _ = writeln!(
                    out,
                    "<figure><img src=\"data:image/jpeg;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    photos::base64(&preview.jpeg),
                    preview.width,
                    preview.height,
                    esc(&rows::clean_line(&attachment.file)),
                    esc(&photos::caption(group, attachment, t))
                );
            }
            out.push_str("</div>\n");
        }
        if !group.listed.is_empty() {
            let _ = write!(
                out,
                "<p class=\"none\">{}</p><ul class=\"files\">",
                t.attached_files
            );
            for attachment in &group.listed {
                let _ = write!(out, "<li>{}</li>", esc(&photos::listed_name(attachment)));
            }
            out.push_str("</ul>\n");
        }
    }
}

fn several(out: &mut String, report: &Report, options: &Options, t: &ReportTexts) {
    fact_list(out, &round_facts(report, options, t));
    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_overall);
    summary_table(out, &summaries, true, t);
    let bars: Vec<Bar> = report
        .sessions
        .iter()
        .zip(&summaries)
        .map(|(one, s)| {
            Bar::of(
                s.department.clone(),
                &s.figures,
                one.checklist.items(),
                &one.session,
            )
        })
        .collect();
    out.push_str(&svg::bars(t.chart_departments, &bars, t));
    out.push('\n');

    let items: Vec<Vec<ItemRow>> = report
        .sessions
        .iter()
        .map(|one| rows::item_rows(one, options.today))
        .collect();
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_problems);
    for ((one, s), rows) in report.sessions.iter().zip(&summaries).zip(&items) {
        let problems = rows::problems(rows);
        let _ = writeln!(out, "<h3>{}</h3>", esc(&session_heading(report, s, t)));
        if !problems.is_empty()
            && let Some(chart) = svg::trend(t.chart_trend, &one.history)
        {
            out.push_str(&chart);
            out.push('\n');
        }
        problem_list(out, s, &problems, t);
    }
    followup::outside_problems(out, report, options, t);
    followup::duties(out, report, t);
    let _ = writeln!(out, "<h2>{}</h2>", t.heading_items);
    for (s, rows) in summaries.iter().zip(&items) {
        let _ = writeln!(out, "<h3>{}</h3>", esc(&session_heading(report, s, t)));
        item_table(out, rows, t);
    }
    let groups: Vec<_> = report
        .sessions
        .iter()
        .map(|one| photos::by_item(one, &report.photos))
        .collect();
    if groups.iter().any(|g| !g.is_empty()) {
        let _ = writeln!(out, "<h2>{}</h2>", t.heading_photos);
        for (s, groups) in summaries.iter().zip(&groups) {
            if !groups.is_empty() {
                let _ = writeln!(out, "<h3>{}</h3>", esc(&session_heading(report, s, t)));
                photo_groups(out, groups, t);
            }
        }
    }
}

fn fact_list(out: &mut String, facts: &[(&str, String)]) {
    out.push_str("<dl class=\"facts\">");
    for (label, value) in facts {
        let _ = write!(out, "<dt>{label}</dt><dd>{}</dd>", esc(value));
    }
    out.push_str("</dl>\n");
}

/// The overall sentence, with the verdict in red when it stops an award, and the figures.
fn overall(out: &mut String, s: &SummaryRow, t: &ReportTexts) {
    let sentence = esc(&s.overall_sentence(t));
    let verdict = esc(&s.verdict_text(t));
    let sentence = if s.is_alarming() {
        sentence.replacen(
            &verdict,
            &format!("<span class=\"alarm\">{verdict}</span>"),
            1,
        )
    } else {
        sentence
    };
    let _ = writeln!(out, "<p>{sentence}</p>");
}

fn summary_table(out: &mut String, summaries: &[SummaryRow], per_session: bool, t: &ReportTexts) {
    let columns = summary_columns(summaries, per_session, true);
    out.push_str("<table><thead><tr>");
    for column in &columns {
        let _ = write!(out, "<th>{}</th>", (column.header)(t));
    }
    out.push_str("</tr></thead>\n<tbody>\n<tr>");
    for (i, s) in summaries.iter().enumerate() {
        if i > 0 {
            out.push_str("</tr>\n<tr>");
        }
        for column in &columns {
            let text = (column.value)(s, t);
            let alarm = s.is_alarming() && text == s.verdict_text(t);
            cell(out, column.width, column.align, alarm, &text);
        }
    }
    out.push_str("</tr>\n</tbody></table>\n");
}

fn problem_list(out: &mut String, s: &SummaryRow, problems: &[&ItemRow], t: &ReportTexts) {
    if problems.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", esc(&s.no_problems_text(t)));
        return;
    }
    table_head(out, PROBLEM_COLUMNS, t);
    for (i, row) in problems.iter().enumerate() {
        out.push_str(if row.is_overdue() {
            "<tr class=\"overdue\">"
        } else {
            "<tr>"
        });
        cells(out, PROBLEM_COLUMNS, i + 1, row, t);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn item_table(out: &mut String, items: &[ItemRow], t: &ReportTexts) {
    table_head(out, ITEM_COLUMNS, t);
    for (i, (section, row)) in section_starts(items).into_iter().enumerate() {
        if let Some(section) = section {
            let _ = writeln!(
                out,
                "<tr class=\"section\"><td colspan=\"{}\">{}</td></tr>",
                ITEM_COLUMNS.len(),
                esc(section)
            );
        }
        out.push_str("<tr>");
        cells(out, ITEM_COLUMNS, i + 1, row, t);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn table_head<R>(out: &mut String, columns: &[Column<R>], t: &ReportTexts) {
    out.push_str("<table><thead><tr>");
    for column in columns {
        let _ = write!(out, "<th>{}</th>", (column.header)(t));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn cells<R>(out: &mut String, columns: &[Column<R>], n: usize, row: &R, t: &ReportTexts) {
    for column in columns {
        cell(
            out,
            column.width,
            column.align,
            false,
            &(column.value)(n, row, t),
        );
    }
}

fn cell(out: &mut String, width: Width, align: Align, alarm: bool, text: &str) {
    let mut classes = vec![match width {
        Width::Fit => "fit",
        Width::Share(_) => "share",
    }];
    match align {
        Align::Left => {}
        Align::Center => classes.push("center"),
        Align::Right => classes.push("right"),
    }
    if alarm {
        classes.push("alarm");
    }
    let _ = write!(
        out,
        "<td class=\"{}\">{}</td>",
        classes.join(" "),
        esc(text)
    );
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
#[path = "html_tests.rs"]
mod tests;
