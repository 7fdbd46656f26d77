//! CSV: one row per item per session; UTF-8 with BOM (so Excel reads Chinese),
//! CRLF, RFC 4180 quoting, and a guard against formula injection on every cell of
//! text. Item codes are written with a leading tab, as Chinese office systems do,
//! so that Excel and LibreOffice keep "1.10" and "8.10" as text (docs/design.md §8).

use super::Options;
use super::report::Report;
use super::rows;
use super::summary::SummaryRow;
use crate::i18n::report::ReportTexts;

/// The header; the code column is [`CODE_COLUMN`].
pub fn columns(t: &ReportTexts) -> [&'static str; 19] {
    [
        t.round,
        t.date,
        t.department,
        t.checklist,
        t.verdict,
        t.section,
        t.code,
        t.item,
        t.kind,
        t.status,
        t.points,
        t.deducted,
        t.score,
        t.deductions,
        t.note,
        t.owner,
        t.due,
        t.rectification_state,
        t.evidence,
    ]
}

/// Where the item code is in [`columns`].
pub const CODE_COLUMN: usize = 6;

pub fn render(report: &Report, options: &Options) -> String {
    let t = options.texts();
    let mut out = String::from("\u{feff}");
    push_record(&mut out, columns(t).iter().map(|h| field(h)));
    for one in &report.sessions {
        let summary = SummaryRow::of(one);
        let checklist = summary.checklist(t);
        let verdict = summary.verdict_text(t);
        for row in rows::item_rows(one, options.today) {
            let rect = row.rectification.as_ref();
            let cells = [
                summary.round.clone(),
                summary.date.to_string(),
                summary.department.clone(),
                checklist.clone(),
                verdict.clone(),
                row.section.clone(),
                String::new(),
                row.title.clone(),
                row.kind_text(t).to_string(),
                row.status_text(t),
                row.points_text(),
                row.lost_text(),
                row.score_text(),
                row.deductions_text(t),
                row.note.clone(),
                row.owner_text(),
                row.due_text(),
                rect.map(|r| r.state(t).to_string()).unwrap_or_default(),
                row.evidence_text(t),
            ];
            push_record(
                &mut out,
                cells.iter().enumerate().map(|(i, cell)| {
                    if i == CODE_COLUMN {
                        code_field(&row.code)
                    } else {
                        field(cell)
                    }
                }),
            );
        }
    }
    out
}

fn push_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&field);
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
    quote(guarded)
}

/// An item code: a leading tab keeps it text in a spreadsheet ("8.10", never 8.1).
/// A code is the checklist's, not user text, and a tab is no formula start, so the
/// formula guard does not apply; a code that itself starts like a formula still gets it.
pub fn code_field(code: &str) -> String {
    if code.starts_with(['=', '+', '-', '@']) {
        return field(code);
    }
    quote(format!("\t{code}"))
}

fn quote(text: String) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

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

    #[test]
    fn codes_keep_a_leading_tab_and_stay_text() {
        assert_eq!(code_field("8.10"), "\t8.10");
        assert_eq!(code_field("1,2"), "\"\t1,2\"");
        assert_eq!(
            code_field("=1+1"),
            "'=1+1",
            "a formula-like code is guarded"
        );
    }

    /// Splits a CSV document into records of fields (RFC 4180), as a spreadsheet does.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = vec![];
        let mut record = vec![];
        let mut field = String::new();
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn every_user_text_cell_is_guarded_but_the_code_is_text_with_a_tab() {
        let text = render(&fixture::single(), &Options::new(fixture::today()));
        let records = parse(&text);
        let header = &records[0];
        assert_eq!(header[CODE_COLUMN], "编号");
        let note = header.iter().position(|h| h == "备注").expect("备注");
        let owner = header.iter().position(|h| h == "责任人").expect("责任人");
        let reasons = header.iter().position(|h| h == "扣分项").expect("扣分项");
        let first = &records[1];
        assert_eq!(first[CODE_COLUMN], "\t1.1");
        assert!(first[note].starts_with("'=HYPERLINK("), "{:?}", first[note]);
        assert_eq!(first[owner], "李明<b>");
        assert_eq!(first[reasons], "无年度学习计划（扣2分）");
        for record in &records[1..] {
            for (i, cell) in record.iter().enumerate() {
                if i != CODE_COLUMN {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "unguarded cell {cell:?}"
                    );
                }
            }
        }
    }
}
