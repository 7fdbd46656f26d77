//! The 创建活动台账 and `deadlines` as output (docs/design.md §14): `--json` shapes,
//! plain text, and the ledger as CSV or xlsx with the columns 日期, 活动, 科室, 人数,
//! 报送(电子/纸质), 是否逾期, and 材料/附件 (labels and attached files by name).
//!
//! `activity list --json`: an array of `id`, `title`, `date`, `department`, `kind`,
//! `participants` (null when not given), `due`, `electronic`, `paper` (dates or null),
//! `late`, `evidence` (labels), `attachments` (`file`, `sha256`, `size`, `taken`,
//! `caption`, as `show --json` items carry them), `note`.
//!
//! `deadlines --json`: `month`, `monthly_report_due`, `period` (`from`, `to`),
//! `not_inspected` (the profile's order; empty without a profile), `activities_due`,
//! `activities_late` (entries as in `activity list`), `rectifications_due` (entries as
//! in `ledger --json`), `has_profile`.

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::csv::field;
use super::followup_json::{LedgerEntryJson, ledger};
use super::json::AttachmentJson;
use crate::i18n::Lang;
use crate::model::activity::Activity;
use crate::model::text::sanitize_line;
use crate::ops::activity::ActivityRow;
use crate::ops::deadlines::Deadlines;

#[derive(Debug, Clone, Serialize)]
pub struct ActivityJson {
    pub id: String,
    pub title: String,
    pub date: String,
    pub department: String,
    pub kind: String,
    pub participants: Option<u32>,
    pub due: String,
    pub electronic: Option<String>,
    pub paper: Option<String>,
    pub late: bool,
    pub evidence: Vec<String>,
    /// Attached files as `show --json` gives an item's (DESIGN §12).
    pub attachments: Vec<AttachmentJson>,
    pub note: String,
}

pub fn activity_json(row: &ActivityRow) -> ActivityJson {
    let activity = &row.activity;
    ActivityJson {
        id: activity.id.to_string(),
        title: activity.title.clone(),
        date: activity.date.to_string(),
        department: activity.department.clone(),
        kind: activity.kind.clone(),
        participants: activity.participants,
        due: row.due.to_string(),
        electronic: activity.electronic.as_ref().map(|h| h.date.to_string()),
        paper: activity.paper.as_ref().map(|h| h.date.to_string()),
        late: row.late,
        evidence: activity.evidence.clone(),
        attachments: activity
            .attachments
            .iter()
            .map(AttachmentJson::of)
            .collect(),
        note: activity.note.clone(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodJson {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeadlinesJson {
    pub month: String,
    pub monthly_report_due: String,
    pub period: PeriodJson,
    pub has_profile: bool,
    pub not_inspected: Vec<String>,
    pub activities_due: Vec<ActivityJson>,
    pub activities_late: Vec<ActivityJson>,
    pub rectifications_due: Vec<LedgerEntryJson>,
}

pub fn deadlines_json(deadlines: &Deadlines) -> DeadlinesJson {
    DeadlinesJson {
        month: deadlines.month.to_string(),
        monthly_report_due: deadlines.monthly_report_due.to_string(),
        period: PeriodJson {
            from: deadlines.period.from.to_string(),
            to: deadlines.period.to.to_string(),
        },
        has_profile: deadlines.has_profile,
        not_inspected: deadlines.not_inspected.clone(),
        activities_due: deadlines.activities_due.iter().map(activity_json).collect(),
        activities_late: deadlines
            .activities_late
            .iter()
            .map(activity_json)
            .collect(),
        rectifications_due: ledger(&deadlines.rectifications_due),
    }
}

/// The 台账 row of an activity: 日期, 活动, 科室, 人数, 报送(电子/纸质), 是否逾期,
/// 材料/附件 (the labels, then the attached files by name, with their captions).
pub fn ledger_row(row: &ActivityRow, lang: Lang) -> [String; 7] {
    let t = lang.deadlines();
    let activity = &row.activity;
    let handed = |copy: &Option<crate::model::activity::Handed>| {
        copy.as_ref()
            .map_or_else(|| t.not_handed.to_string(), |h| h.date.to_string())
    };
    [
        activity.date.to_string(),
        sanitize_line(&activity.title),
        sanitize_line(&activity.department),
        activity
            .participants
            .map(|n| n.to_string())
            .unwrap_or_default(),
        format!(
            "{} / {}",
            handed(&activity.electronic),
            handed(&activity.paper)
        ),
        if row.late { t.yes } else { t.no }.to_string(),
        material(activity, lang),
    ]
}

/// "签到表、合影.jpg（集体合影）": labels, then files with their captions.
pub fn material(activity: &Activity, lang: Lang) -> String {
    let t = lang.deadlines();
    let labels = activity.evidence.iter().map(|label| sanitize_line(label));
    let files = activity.attachments.iter().map(|attachment| {
        let file = sanitize_line(&attachment.file);
        match attachment.caption.trim() {
            "" => file,
            caption => (t.captioned)(&file, &sanitize_line(caption)),
        }
    });
    labels.chain(files).collect::<Vec<_>>().join(t.separator)
}

pub fn ledger_header(lang: Lang) -> [&'static str; 7] {
    let t = lang.deadlines();
    let words = lang.texts();
    [
        words.date,
        t.activity,
        words.department,
        t.participants,
        t.handed_in,
        t.late,
        t.material_column,
    ]
}

/// CSV for Excel: BOM, CRLF, quoted and guarded fields.
pub fn ledger_csv(rows: &[ActivityRow], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let mut push = |cells: Vec<String>| {
        out.push_str(
            &cells
                .iter()
                .map(|cell| field(cell))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    };
    push(ledger_header(lang).iter().map(|h| h.to_string()).collect());
    for row in rows {
        push(ledger_row(row, lang).to_vec());
    }
    out
}

/// One sheet, 创建活动台账, column widths from display width.
pub fn ledger_xlsx(rows: &[ActivityRow], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.deadlines().activities_screen)?;
    let bold = Format::new().set_bold();
    let header = ledger_header(lang);
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for (col, text) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *text, &bold)?;
    }
    for (index, row) in rows.iter().enumerate() {
        for (col, text) in ledger_row(row, lang).iter().enumerate() {
            sheet.write_string(index as u32 + 1, col as u16, text)?;
            widths[col] = widths[col].max(text.width());
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*width).clamp(6, 60) as f64 + 2.0)?;
    }
    // Printed for the 台账 binder: A4 landscape, every column on one page's width,
    // the header on every page, and frozen and filterable on screen.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    let last_column = header.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows.len() as u32, last_column)?;
    workbook.save_to_buffer()
}

/// `activity list` without `--json`: one line per activity.
pub fn activities_text(rows: &[ActivityRow], lang: Lang) -> String {
    let t = lang.deadlines();
    if rows.is_empty() {
        return format!("{}\n", t.no_activities);
    }
    let mut out = String::new();
    for row in rows {
        let cells = ledger_row(row, lang);
        let late = if row.late {
            format!("  {}", t.overdue)
        } else {
            String::new()
        };
        let files = match row.activity.attachments.len() {
            0 => String::new(),
            count => format!("  {}", (t.attachment_count)(count)),
        };
        out.push_str(&format!(
            "{}  {}  {}  {}  {} {}  {} {}{files}{late}\n",
            &row.activity.id.to_string()[..13],
            cells[0],
            cells[2],
            cells[1],
            t.due,
            row.due,
            t.handed_in,
            cells[4],
        ));
    }
    out
}

/// `deadlines` without `--json`.
pub fn deadlines_text(deadlines: &Deadlines, lang: Lang) -> String {
    let t = lang.deadlines();
    let mut out = String::new();
    out.push_str(&format!(
        "{}\n",
        (t.monthly_report)(deadlines.monthly_report_due)
    ));
    out.push_str(&format!(
        "{}\n",
        (t.period)(deadlines.period.from, deadlines.period.to)
    ));
    if !deadlines.has_profile {
        out.push_str(&format!("{}\n", t.no_profile));
    } else if deadlines.not_inspected.is_empty() {
        out.push_str(&format!("{}\n", t.all_inspected));
    } else {
        let names: Vec<String> = deadlines
            .not_inspected
            .iter()
            .map(|n| sanitize_line(n))
            .collect();
        out.push_str(&format!(
            "{}{}{}\n",
            t.not_inspected,
            t.colon,
            names.join(t.separator)
        ));
    }
    for (heading, rows) in [
        (t.activities_late, &deadlines.activities_late),
        (t.activities_due, &deadlines.activities_due),
    ] {
        out.push_str(&format!("\n{heading}{}\n", t.colon.trim_end()));
        if rows.is_empty() {
            out.push_str(&format!("  {}\n", t.none));
        }
        for row in rows {
            let cells = ledger_row(row, lang);
            out.push_str(&format!(
                "  {}  {}  {}  {} {}  {}\n",
                cells[0], cells[2], cells[1], t.due, row.due, cells[4]
            ));
        }
    }
    out.push_str(&format!(
        "\n{}{}\n",
        t.rectifications_due,
        t.colon.trim_end()
    ));
    if deadlines.rectifications_due.is_empty() {
        out.push_str(&format!("  {}\n", t.none));
    }
    for entry in &deadlines.rectifications_due {
        let due = entry
            .rectification
            .due
            .map(|d| d.to_string())
            .unwrap_or_default();
        let overdue = if entry.overdue { t.overdue } else { "" };
        out.push_str(&format!(
            "  {}  {} {}  {}  {due}  {overdue}\n",
            sanitize_line(&entry.department),
            entry.reference(),
            sanitize_line(&entry.title),
            sanitize_line(&entry.rectification.owner),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn the_xlsx_ledger_prints_a4_landscape_one_page_wide_with_its_header_on_every_page() {
        let bytes = ledger_xlsx(&[], Lang::Zh).expect("renders");
        let sheet = fixture::unzip(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
        assert!(sheet.contains("paperSize=\"9\""), "{sheet}");
        assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
        assert!(sheet.contains("<autoFilter"), "{sheet}");
        let workbook = fixture::unzip(&bytes, "xl/workbook.xml");
        assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    }
}
