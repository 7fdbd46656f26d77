//! CSV: one row per item per session; UTF-8 with BOM (so Excel reads Chinese),
//! CRLF, RFC 4180 quoting, and a guard against formula injection.

use super::Options;
use super::report::Report;
use super::rows::{self, ITEM_COLUMNS};

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::from("\u{feff}");
    push_record(&mut out, ITEM_COLUMNS.iter().map(|h| h.to_string()));
    for one in &report.sessions {
        let round = rows::clean_line(&one.session.round);
        let department = rows::clean_line(&one.session.department);
        let checklist = rows::checklist_name(one);
        for row in rows::item_rows(one, options.today) {
            let rect = row.rectification.as_ref();
            push_record(
                &mut out,
                [
                    round.clone(),
                    one.session.date.to_string(),
                    department.clone(),
                    checklist.clone(),
                    row.section.clone(),
                    row.code.clone(),
                    row.title.clone(),
                    crate::i18n::report::status(row.status).to_string(),
                    row.points_text(),
                    row.lost_text(),
                    row.score_text(),
                    row.note.clone(),
                    rect.map(|r| r.owner.clone()).unwrap_or_default(),
                    rect.map(|r| r.due_text()).unwrap_or_default(),
                    rect.map(|r| r.state_zh().to_string()).unwrap_or_default(),
                    row.evidence_text(),
                ],
            );
        }
    }
    out
}

fn push_record(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let mut first = true;
    for cell in cells {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&field(&cell));
    }
    out.push_str("\r\n");
}

/// One field: guarded against formulas, then quoted when RFC 4180 requires it.
pub fn field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_guarded_and_quoting_follows_rfc_4180() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(field("+1-2"), "'+1-2");
        assert_eq!(field("-3"), "'-3");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("一\n二"), "\"一\n二\"");
        assert_eq!(field("1-2"), "1-2");
        assert_eq!(field(""), "");
    }
}
