//! Plain-text output for the terminal and pipes: tables padded by display width,
//! user text stripped of control characters.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::checklist::{Checklist, Node};
use crate::model::head::SessionHead;
use crate::model::scoring::{Figures, Summary, format_points, item_score, section_figures};
use crate::model::session::Session;
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

/// "一票否决 取消评优资格 良好" — the verdict markers, worst first.
pub fn verdict_text(summary: &Summary, lang: Lang) -> String {
    let t = lang.texts();
    let mut parts = Vec::new();
    if !summary.veto.is_empty() {
        parts.push(t.veto.to_string());
    }
    if summary.disqualified {
        parts.push(t.disqualified.to_string());
    }
    if let Some(grade) = summary.current_grade() {
        parts.push(sanitize_line(grade));
    }
    parts.join(" ")
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
    let mut verdicts: HashMap<(bool, bool, Option<&str>, bool), String> = HashMap::new();
    let mut cells: Vec<Vec<String>> = Vec::with_capacity(heads.len());
    for head in heads {
        let f = Figures::from(head.figures);
        let verdict_key = (
            !head.veto.is_empty(),
            head.disqualified,
            head.grade.as_deref().or(head.provisional_grade.as_deref()),
            head.finished,
        );
        let verdict = verdicts
            .entry(verdict_key)
            .or_insert_with(|| {
                let verdict = verdict_text(&head.summary(), lang);
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
                let score = match item_score(&checklist.rules, item, response) {
                    Some(score) if item.is_scored() => {
                        format!("{}/{}", format_points(score), format_points(item.points))
                    }
                    _ if item.is_scored() => format!("-/{}", format_points(item.points)),
                    _ => String::new(),
                };
                let mut marks = String::new();
                if item.veto {
                    marks.push_str(&format!(" [{}]", t.veto));
                }
                if item.bonus {
                    marks.push_str(&format!(" [{}]", t.bonus));
                }
                let indent = "  ".repeat(depth);
                out.push_str(&format!(
                    "{indent}{} {}{marks}  {}  {score}\n",
                    sanitize_line(&item.code),
                    sanitize_line(&item.title),
                    lang.status(status),
                ));
                if let Some(response) = response {
                    if !response.note.is_empty() {
                        out.push_str(&format!(
                            "{indent}    {}: {}\n",
                            t.note,
                            sanitize_line(&response.note)
                        ));
                    }
                    if let Some(rect) = &response.rectification {
                        let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
                        let state = if rect.done.is_some() {
                            t.done
                        } else {
                            t.not_done
                        };
                        out.push_str(&format!(
                            "{indent}    {}: {} {due} {state}\n",
                            t.rectification,
                            sanitize_line(&rect.owner)
                        ));
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
