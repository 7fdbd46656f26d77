//! Plain-text `compare` and `ledger` output for the terminal and pipes.

use crate::i18n::{
    Lang,
    rounds::{class_label, texts as round_texts},
};
use crate::model::compare::{Comparison, Inspection, ItemChange, sort_regressions_first};
use crate::model::scoring::{Summary, format_points};
use crate::model::session::{Session, Status};
use crate::model::text::sanitize_line;

use super::text::{percent_text, table, verdict_text};

/// "+2", "-1.5", "0".
pub fn signed_points(points: f64) -> String {
    let text = format_points(points);
    if text == "0" || text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

fn status_text(status: Option<Status>, lang: Lang) -> String {
    status.map_or_else(|| "—".to_string(), |s| lang.status(s).to_string())
}

fn session_cell(session: &Session, version: u32) -> String {
    format!(
        "{} · {} · v{version} · id {}",
        sanitize_line(&session.round),
        session.date,
        session.id
    )
}

fn figures_cell(summary: &Summary) -> String {
    let f = summary.figures;
    format!(
        "{}/{} ({})",
        format_points(f.score),
        format_points(f.max),
        percent_text(summary)
    )
}

/// Header, summary figures, counts per class, then items with regressions first.
pub fn comparison(
    prior: Inspection<'_>,
    current: Inspection<'_>,
    comparison: &Comparison,
    lang: Lang,
) -> String {
    let t = lang.texts();
    let r = round_texts(lang);
    let mut out = format!(
        "{} {} · {}\n",
        r.compare,
        sanitize_line(&current.checklist.title),
        sanitize_line(&current.session.department),
    );
    let current_cell = session_cell(current.session, current.checklist.version);
    out.push_str(&table(
        &[r.current, &current_cell],
        &[vec![
            r.prior.to_string(),
            session_cell(prior.session, prior.checklist.version),
        ]],
    ));
    out.push('\n');

    let (before, after) = (&comparison.prior, &comparison.current);
    let percent_change = comparison
        .percent_delta()
        .map(|delta| format!(" ({}%)", signed_points(delta)))
        .unwrap_or_default();
    let figure_rows = vec![
        vec![
            t.score.to_string(),
            figures_cell(before),
            figures_cell(after),
            format!(
                "{}{percent_change}",
                signed_points(comparison.score_delta())
            ),
        ],
        vec![
            t.deducted.to_string(),
            format_points(before.figures.deducted),
            format_points(after.figures.deducted),
            signed_points(after.figures.deducted - before.figures.deducted),
        ],
        vec![
            t.progress.to_string(),
            format!("{}/{}", before.figures.checked, before.figures.total),
            format!("{}/{}", after.figures.checked, after.figures.total),
            String::new(),
        ],
        vec![
            t.verdict.to_string(),
            verdict_text(before, lang),
            verdict_text(after, lang),
            String::new(),
        ],
    ];
    out.push_str(&table(&["", r.prior, r.current, r.change], &figure_rows));
    let counts: Vec<String> = comparison
        .counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(class, count)| format!("{} {count}", class_label(class, lang)))
        .collect();
    out.push_str(&counts.join(" · "));
    out.push_str("\n\n");

    let mut items = comparison.items.clone();
    sort_regressions_first(&mut items);
    let rows: Vec<Vec<String>> = items.iter().map(|change| item_row(change, lang)).collect();
    out.push_str(&table(
        &[r.code, r.item, r.prior, r.current, r.delta, r.class],
        &rows,
    ));
    out
}

fn item_row(change: &ItemChange, lang: Lang) -> Vec<String> {
    let r = round_texts(lang);
    let code = match &change.renamed_from {
        Some(old) => format!(
            "{} ({}{})",
            sanitize_line(&change.code),
            r.renamed_from,
            sanitize_line(old)
        ),
        None => sanitize_line(&change.code),
    };
    vec![
        code,
        sanitize_line(&change.title),
        status_text(change.prior, lang),
        status_text(change.current, lang),
        change.delta.map(signed_points).unwrap_or_default(),
        class_label(change.class, lang).to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_points_show_a_plus_for_gains_only() {
        assert_eq!(signed_points(2.0), "+2");
        assert_eq!(signed_points(-1.5), "-1.5");
        assert_eq!(signed_points(0.0), "0");
        assert_eq!(signed_points(-0.001), "0");
    }
}
