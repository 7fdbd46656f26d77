//! Plain-text output for the terminal and pipes: tables padded by display width,
//! user text stripped of control characters.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::checklist::{Checklist, Item, Node, Rules};
use crate::model::head::SessionHead;
use crate::model::scoring::{
    Figures, Summary, Verdict, applied_deductions, format_points, item_score, section_figures,
};
use crate::model::session::{Response, Session};
use crate::model::text::sanitize_line;

/// A table of cells printed with columns padded to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let header_widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    // Each cell's width is measured once: tables of 10,000 rows are common.
    let row_widths: Vec<Vec<usize>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.width()).collect())
        .collect();
    let mut widths = header_widths.clone();
    for cell_widths in &row_widths {
        for (i, width) in cell_widths.iter().take(columns).enumerate() {
            widths[i] = widths[i].max(*width);
        }
    }
    let total: usize = widths.iter().sum::<usize>() + 2 * columns + 1;
    let mut out = String::with_capacity(total * (rows.len() + 1) * 2);
    let mut line = |cells: &mut dyn Iterator<Item = (&str, usize)>| {
        let start = out.len();
        for (i, (cell, width)) in cells.enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            out.push_str(cell);
            if i + 1 < columns {
                for _ in width..widths[i] {
                    out.push(' ');
                }
            }
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
        out.push('\n');
    };
    line(&mut header.iter().copied().zip(header_widths.iter().copied()));
    for (row, cell_widths) in rows.iter().zip(&row_widths) {
        line(
            &mut row
                .iter()
                .map(String::as_str)
                .zip(cell_widths.iter().copied()),
        );
    }
    out
}

pub fn percent_text(summary: &Summary) -> String {
    figures_percent_text(&summary.figures)
}

fn figures_percent_text(figures: &Figures) -> String {
    figures
        .percent()
        .map_or_else(|| "—".to_string(), |p| format!("{p:.1}%"))
}

/// The one verdict, in full: 一票否决, else 取消评优资格, else 检查中, else the grade
/// (docs/design.md §4); empty when there is nothing to say.
pub fn verdict_text(summary: &Summary, lang: Lang) -> String {
    lang.verdict(&summary.verdict())
        .map(sanitize_line)
        .unwrap_or_default()
}

/// The session table of `zicha list`, one row per session head, in the given order.
pub fn session_list(heads: &[&SessionHead], lang: Lang) -> String {
    let t = lang.texts();
    let header = [
        t.date,
        t.round,
        t.department,
        t.checklist,
        t.progress,
        t.score,
        t.deducted,
        t.verdict,
        "id",
    ];
    // Rounds, departments, titles and verdicts repeat over thousands of rows: each
    // distinct one is cleaned and formatted once.
    let mut clean: HashMap<&str, String> = HashMap::new();
    let mut verdicts: HashMap<(Verdict, bool), String> = HashMap::new();
    let mut cells: Vec<Vec<String>> = Vec::with_capacity(heads.len());
    for head in heads {
        let f = Figures::from(head.figures);
        let summary = head.summary();
        let verdict = verdicts
            .entry((summary.verdict(), head.finished))
            .or_insert_with(|| {
                let verdict = verdict_text(&summary, lang);
                if head.finished {
                    format!("{verdict} [{}]", t.finished).trim().to_string()
                } else {
                    verdict
                }
            })
            .clone();
        let mut cleaned = |text| {
            clean
                .entry(text)
                .or_insert_with(|| sanitize_line(text))
                .clone()
        };
        cells.push(vec![
            head.date.to_string(),
            cleaned(&head.round),
            cleaned(&head.department),
            cleaned(&head.checklist_title),
            format!("{}/{}", f.checked, f.total),
            figures_percent_text(&f),
            format_points(f.deducted),
            verdict,
            head.id.to_string(),
        ]);
    }
    table(&header, &cells)
}

/// "3/4" or "-/4" for a scored item, "-2" for what a 负面清单 item took, nothing for
/// an item without points.
pub fn item_score_text(rules: &Rules, item: &Item, response: Option<&Response>) -> String {
    match item_score(rules, item, response) {
        Some(score) if item.penalty => format_points(score),
        Some(score) if item.is_scored() => {
            format!("{}/{}", format_points(score), format_points(item.points))
        }
        None if item.is_scored() && !item.penalty => format!("-/{}", format_points(item.points)),
        _ => String::new(),
    }
}

/// Header lines: who, what, when, figures and verdicts.
pub fn session_header(
    checklist: &Checklist,
    session: &Session,
    summary: &Summary,
    lang: Lang,
) -> String {
    let t = lang.texts();
    let f = summary.figures;
    let mut out = format!(
        "{} v{} · {} · {} · {}",
        sanitize_line(&checklist.title),
        session.checklist.version,
        sanitize_line(&session.department),
        sanitize_line(&session.round),
        session.date
    );
    if !session.inspector.is_empty() {
        out.push_str(&format!(" · {}", sanitize_line(&session.inspector)));
    }
    if !session.scope.is_department() {
        out.push_str(&format!(" · {}", lang.scope(session.scope)));
    }
    if session.is_finished() {
        out.push_str(&format!(" · [{}]", t.finished));
    }
    out.push('\n');
    out.push_str(&format!("id {}\n", session.id));
    out.push_str(&lang.figures_line(&f, &percent_text(summary)));
    let verdict = verdict_text(summary, lang);
    if !verdict.is_empty() {
        out.push_str(&format!("  {verdict}"));
    }
    if !summary.veto.is_empty() {
        out.push_str(&format!(" ({})", summary.veto.join(", ")));
    }
    if let (Verdict::InProgress, Some(grade)) = (summary.verdict(), &summary.provisional_grade) {
        out.push_str(&(lang.scoring().provisional)(&sanitize_line(grade)));
    }
    if let Some(breakdown) = lang.breakdown(&f) {
        out.push_str(&format!("\n{breakdown}"));
    }
    out.push('\n');
    out
}

/// The whole session: header, then every section and item with status, score and note.
pub fn session_detail(
    checklist: &Checklist,
    session: &Session,
    summary: &Summary,
    lang: Lang,
) -> String {
    let t = lang.texts();
    let mut out = session_header(checklist, session, summary, lang);
    for node in checklist.nodes() {
        match node {
            Node::Section { section, .. }
                if !section
                    .all_items()
                    .iter()
                    .any(|item| item.in_scope(session.scope)) => {}
            Node::Item { item, .. } if !item.in_scope(session.scope) => {}
            Node::Section { section, depth } => {
                let figures = section_figures(&checklist.rules, section, session);
                let subtotal = figures.subtotal().unwrap_or_else(|| "—".into());
                out.push_str(&format!(
                    "\n{}{} {}  {subtotal}\n",
                    "  ".repeat(depth),
                    sanitize_line(&section.code),
                    sanitize_line(&section.title)
                ));
            }
            Node::Item { item, depth } => {
                let response = session.response(&item.code);
                let status = session.status(&item.code);
                let score = item_score_text(&checklist.rules, item, response);
                let mut marks = String::new();
                if item.veto {
                    marks.push_str(&format!(" [{}]", t.veto));
                }
                if item.bonus {
                    marks.push_str(&format!(" [{}]", t.bonus));
                }
                if item.penalty {
                    marks.push_str(&format!(" [{}]", lang.scoring().penalty));
                }
                let mut judged = lang.item_status(item, status).to_string();
                if let Some(level) = response.and_then(|r| r.level.as_deref()) {
                    judged = format!("{} {judged}", sanitize_line(level));
                }
                if let Some(rate) = response.and_then(|r| r.rate.as_ref()) {
                    judged = format!("{rate} {judged}");
                }
                let indent = "  ".repeat(depth);
                out.push_str(&format!(
                    "{indent}{} {}{marks}  {judged}  {score}\n",
                    sanitize_line(&item.code),
                    sanitize_line(&item.title),
                ));
                if let Some(response) = response {
                    let applied = applied_deductions(item, response);
                    if !applied.is_empty() {
                        let listed: Vec<String> = applied
                            .iter()
                            .map(|d| {
                                let count = match d.unit {
                                    Some(unit) => {
                                        format!(" {}", (lang.scoring().count)(d.count, unit))
                                    }
                                    None => String::new(),
                                };
                                format!(
                                    "{}{count} -{}",
                                    sanitize_line(d.reason),
                                    format_points(d.total())
                                )
                            })
                            .collect();
                        let words = lang.scoring();
                        let line = (words.field)(t.deducted, &listed.join(words.separator));
                        out.push_str(&format!("{indent}    {line}\n"));
                    }
                    if !response.note.is_empty() {
                        let line = (lang.scoring().field)(t.note, &sanitize_line(&response.note));
                        out.push_str(&format!("{indent}    {line}\n"));
                    }
                    if let Some(rect) = &response.rectification {
                        let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
                        let state = if rect.done.is_some() {
                            t.done
                        } else {
                            t.not_done
                        };
                        let value = format!("{} {due} {state}", sanitize_line(&rect.owner));
                        let line = (lang.scoring().field)(t.rectification, &value);
                        out.push_str(&format!("{indent}    {line}\n"));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_pad_by_display_width() {
        let text = table(
            &["部门", "x"],
            &[
                vec!["办公室".into(), "1".into()],
                vec!["ab".into(), "2".into()],
            ],
        );
        assert_eq!(text, "部门    x\n办公室  1\nab      2\n");
    }
}
