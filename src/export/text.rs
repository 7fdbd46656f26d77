//! Plain-text output for the terminal and pipes: tables padded by display width,
//! user text stripped of control characters.

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::model::checklist::{Checklist, Node};
use crate::model::scoring::{Summary, format_points, item_score, section_figures};
use crate::model::session::Session;
use crate::model::text::sanitize_line;

/// A table of cells printed with columns padded to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < columns {
                text.push_str(&" ".repeat(widths[i].saturating_sub(cell.width())));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

pub fn percent_text(summary: &Summary) -> String {
    summary
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
    if let Some(grade) = &summary.grade {
        parts.push(sanitize_line(grade));
    }
    parts.join(" ")
}

pub struct ListRow<'a> {
    pub session: &'a Session,
    pub checklist_title: &'a str,
    pub summary: &'a Summary,
}

pub fn session_list(rows: &[ListRow<'_>], lang: Lang) -> String {
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
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let f = row.summary.figures;
            let mut verdict = verdict_text(row.summary, lang);
            if row.session.is_finished() {
                verdict = format!("{verdict} [{}]", t.finished).trim().to_string();
            }
            vec![
                row.session.date.to_string(),
                sanitize_line(&row.session.round),
                sanitize_line(&row.session.department),
                sanitize_line(row.checklist_title),
                format!("{}/{}", f.checked, f.total),
                percent_text(row.summary),
                format_points(f.deducted),
                verdict,
                row.session.id.to_string(),
            ]
        })
        .collect();
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
    out.push_str(&format!(
        "{} {}/{}  {} {}/{} ({})  {} {}",
        t.progress,
        f.checked,
        f.total,
        t.score,
        format_points(f.score),
        format_points(f.max),
        percent_text(summary),
        t.deducted,
        format_points(f.deducted),
    ));
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
                let figures = section_figures(section, session);
                let subtotal = if figures.has_score() {
                    format!(
                        "{}/{}",
                        format_points(figures.score),
                        format_points(figures.max)
                    )
                } else {
                    "—".into()
                };
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
                let score = match item_score(item, response) {
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
