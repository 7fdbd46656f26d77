//! Plain-text `compare` and `ledger` output for the terminal and pipes.

use crate::i18n::Lang;
use crate::model::compare::{Class, Comparison, Inspection, ItemChange, sort_regressions_first};
use crate::model::ledger::LedgerEntry;
use crate::model::scoring::{Summary, format_points};
use crate::model::session::{Session, Status};
use crate::model::text::sanitize_line;

use super::text::{percent_text, table, verdict_text};

/// Labels for the compare and ledger views, shared with the UI.
pub struct RoundTexts {
    pub compare: &'static str,
    pub prior: &'static str,
    pub current: &'static str,
    pub change: &'static str,
    pub code: &'static str,
    pub item: &'static str,
    pub class: &'static str,
    pub status: &'static str,
    pub delta: &'static str,
    pub renamed_from: &'static str,
    pub overdue: &'static str,
    pub rounds_open: &'static str,
    pub no_open_rectifications: &'static str,
    pub no_rectifications: &'static str,
    pub rectification_closed: &'static str,
}

pub const ZH: RoundTexts = RoundTexts {
    compare: "对比",
    prior: "上轮",
    current: "本轮",
    change: "变化",
    code: "编号",
    item: "条目",
    class: "类别",
    status: "状态",
    delta: "分差",
    renamed_from: "原",
    overdue: "逾期",
    rounds_open: "未完成轮数",
    no_open_rectifications: "没有未完成的整改。",
    no_rectifications: "没有整改记录。",
    rectification_closed: "整改已完成",
};

pub const EN: RoundTexts = RoundTexts {
    compare: "Compare",
    prior: "Prior",
    current: "Current",
    change: "Change",
    code: "Code",
    item: "Item",
    class: "Class",
    status: "Status",
    delta: "Delta",
    renamed_from: "was ",
    overdue: "OVERDUE",
    rounds_open: "Rounds open",
    no_open_rectifications: "No open rectifications.",
    no_rectifications: "No rectifications.",
    rectification_closed: "rectification closed",
};

pub fn round_texts(lang: Lang) -> &'static RoundTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub fn class_label(class: Class, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => class.zh(),
        Lang::En => match class {
            Class::NewlyChecked => "newly checked",
            other => other.as_str(),
        },
    }
}

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
        signed_points(change.delta),
        class_label(change.class, lang).to_string(),
    ]
}

/// The ledger as a table; `include_closed` only changes the message when it is empty.
pub fn ledger(entries: &[LedgerEntry], include_closed: bool, lang: Lang) -> String {
    let t = lang.texts();
    let r = round_texts(lang);
    if entries.is_empty() {
        let message = if include_closed {
            r.no_rectifications
        } else {
            r.no_open_rectifications
        };
        return format!("{message}\n");
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            let rect = &entry.rectification;
            let state = match &rect.done {
                None => t.not_done.to_string(),
                Some(done) => format!(
                    "{} {} {}",
                    t.done,
                    sanitize_line(&done.by),
                    done.at.format("%Y-%m-%d %H:%M")
                )
                .trim_end()
                .to_string(),
            };
            vec![
                sanitize_line(&entry.department),
                entry.date.to_string(),
                sanitize_line(&entry.round),
                format!(
                    "{} {}",
                    sanitize_line(&entry.code),
                    sanitize_line(&entry.title)
                ),
                lang.status(entry.status).to_string(),
                sanitize_line(&rect.owner),
                rect.due.map(|due| due.to_string()).unwrap_or_default(),
                if entry.overdue { r.overdue } else { "" }.to_string(),
                entry.rounds_open.to_string(),
                state,
                entry.session_id.to_string(),
            ]
        })
        .collect();
    table(
        &[
            t.department,
            t.date,
            t.round,
            r.item,
            r.status,
            t.owner,
            t.due,
            r.overdue,
            r.rounds_open,
            t.rectification,
            "id",
        ],
        &rows,
    )
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
