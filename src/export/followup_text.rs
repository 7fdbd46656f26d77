//! Plain-text `ledger` and `duties` output for the terminal and pipes.

use super::text::table;
use crate::i18n::Lang;
use crate::i18n::followup::{closed_text, state, texts};
use crate::model::duties::Duty;
use crate::model::ledger::{LedgerEntry, Origin};
use crate::model::problem::label;
use crate::model::scoring::format_points;
use crate::model::text::sanitize_line;

/// Where an entry stands, closing included: "已销号 销号 2026-11-15 赵强 / 2026年11月自查".
pub fn state_text(entry: &LedgerEntry, lang: Lang) -> String {
    let rect = &entry.rectification;
    let words = state(lang, rect.state());
    match rect.closing() {
        Some(closing) => {
            let round = entry.closed_by_walk().map(|walk| walk.round.as_str());
            sanitize_line(&closed_text(lang, closing, round))
        }
        None => words.to_string(),
    }
}

/// The ledger as a table; `include_closed` only changes the message when it is empty.
pub fn ledger(entries: &[LedgerEntry], include_closed: bool, lang: Lang) -> String {
    let t = lang.texts();
    let f = texts(lang);
    let r = crate::i18n::rounds(lang);
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
            let (round, item, status, id) = match &entry.origin {
                Origin::Item(item) => (
                    sanitize_line(&item.round),
                    format!(
                        "{} {}",
                        sanitize_line(&item.code),
                        sanitize_line(&entry.title)
                    ),
                    lang.status(item.status).to_string(),
                    item.session_id.to_string(),
                ),
                Origin::Problem { id, source } => (
                    sanitize_line(source),
                    sanitize_line(&entry.title),
                    f.problem.to_string(),
                    label(*id),
                ),
            };
            vec![
                sanitize_line(&entry.department),
                entry.date.to_string(),
                round,
                item,
                status,
                sanitize_line(&rect.owner_department),
                sanitize_line(&rect.owner),
                rect.due.map(|due| due.to_string()).unwrap_or_default(),
                if entry.overdue { r.overdue } else { "" }.to_string(),
                entry
                    .rounds_open()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                state_text(entry, lang),
                id,
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
            f.owner_department,
            f.owner,
            f.due,
            r.overdue,
            f.rounds_open,
            f.recheck,
            "id",
        ],
        &rows,
    )
}

/// 责任分解 as a table, then each department's details.
pub fn duties(round: &str, duties: &[Duty], lang: Lang) -> String {
    let f = texts(lang);
    let mut out = format!("{} / {}\n", f.duties_title, sanitize_line(round));
    if duties.is_empty() {
        out.push_str(f.no_duties);
        out.push('\n');
        return out;
    }
    let rows: Vec<Vec<String>> = duties
        .iter()
        .map(|duty| {
            vec![
                sanitize_line(&duty.department),
                duty.items.to_string(),
                format_points(duty.lost),
                duty.open_rectifications.to_string(),
                if duty.disqualified {
                    f.disqualified
                } else {
                    ""
                }
                .to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            f.lead_department,
            f.led_items,
            f.lost,
            f.open_rectifications,
            lang.texts().verdict,
        ],
        &rows,
    ));
    for duty in duties.iter().filter(|duty| !duty.details.is_empty()) {
        out.push_str(&format!("\n{}\n", sanitize_line(&duty.department)));
        for detail in &duty.details {
            out.push_str(&format!(
                "  {} {}  -{}  ({})\n",
                sanitize_line(&detail.code),
                sanitize_line(&detail.title),
                format_points(detail.lost),
                sanitize_line(&detail.session_department),
            ));
        }
    }
    out
}
