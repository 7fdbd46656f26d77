//! The report of `checklists import`, as lines: what each row became, what could not
//! be read, the totals and warnings, and where the checklist went. The CLI prints
//! these lines; the UI shows the same lines in its report pop-up.

use crate::i18n::Lang;
use crate::i18n::table_import::{TableImportTexts, texts};
use crate::model::scoring::format_points;
use std::path::Path;

use crate::model::checklist::Checklist;
use crate::model::table_import::{Noted, Report, Revision, Unread, Warning};
use crate::model::text::sanitize_line;

/// One line of the report; `problem` lines are rows not read and warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub text: String,
    pub problem: bool,
}

fn line(text: String, problem: bool) -> ReportLine {
    ReportLine {
        text: sanitize_line(&text),
        problem,
    }
}

/// What one import made, for its report.
#[derive(Debug, Clone, Copy)]
pub struct ImportSummary<'a> {
    pub checklist: &'a Checklist,
    pub report: &'a Report,
    pub revision: &'a Revision,
    /// Where the checklist file is.
    pub path: &'a Path,
    /// False when the file there already said the same.
    pub written: bool,
}

/// The whole report of one import of `file` (the name as the user gave it).
pub fn import_report(outcome: ImportSummary<'_>, file: &str, lang: Lang) -> Vec<ReportLine> {
    let t = texts(lang);
    let report = outcome.report;
    let mut lines = header_lines(report, file, lang);
    lines.extend(row_lines(report, t));
    lines.extend(summary_lines(report, t));
    let checklist = outcome.checklist;
    let path = outcome.path.display().to_string();
    if let Some(previous) = outcome.revision.previous
        && outcome.revision.changed
    {
        lines.push(line(
            (t.revised)(
                &checklist.id,
                previous,
                checklist.version,
                outcome.revision.moved.len(),
            ),
            false,
        ));
    }
    let done = if outcome.written {
        (t.written)(&path, &checklist.id, checklist.version)
    } else {
        (t.unchanged)(&path, &checklist.id, checklist.version)
    };
    lines.push(line(done, false));
    lines.push(line((t.next_step)(&checklist.id), false));
    lines
}

fn header_lines(report: &Report, file: &str, lang: Lang) -> Vec<ReportLine> {
    let t = texts(lang);
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    let mut lines = Vec::new();
    for table in &report.tables {
        let rows: Vec<String> = table.header_rows.iter().map(|at| (t.row)(*at)).collect();
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|(role, text)| format!("{}({})", text.replace('\n', ""), (t.role)(*role)))
            .collect();
        lines.push(line(
            (t.read_from)(
                file,
                &table.name,
                &rows.join(separator),
                &columns.join(separator),
            ),
            false,
        ));
    }
    lines.push(line((t.title)(&report.title), false));
    lines
}

fn row_lines(report: &Report, t: &TableImportTexts) -> Vec<ReportLine> {
    report
        .notes
        .iter()
        .map(|note| {
            let (text, problem) = match &note.noted {
                Noted::Section { code, title } => ((t.section)(code, title), false),
                Noted::Item {
                    code,
                    title,
                    kind,
                    points,
                    once,
                    per_occurrence,
                } => (
                    format!(
                        "{}{}",
                        (t.item)(code, title, &format_points(*points), *kind),
                        (t.deductions)(*once, *per_occurrence)
                    ),
                    false,
                ),
                Noted::Joined { code } => ((t.joined)(code), false),
                Noted::Total { points } => ((t.total_row)(&format_points(*points)), false),
                Noted::Clause { code, text } => ((t.clause)(code, text), true),
                Noted::Unread(why) => (
                    match why {
                        Unread::Points(text) => (t.unread_points)(text),
                        Unread::NoItemText(text) => (t.unread_no_item)(text),
                        Unread::Note(text) => (t.unread_note)(text),
                        Unread::AllOfNoPoints { code } => (t.unread_all_of_no_points)(code),
                    },
                    true,
                ),
            };
            line(format!("{}  {text}", (t.row)(note.at)), problem)
        })
        .collect()
}

fn summary_lines(report: &Report, t: &TableImportTexts) -> Vec<ReportLine> {
    let mut lines = vec![
        line(
            (t.summary)(
                report.sections,
                report.items,
                report.veto,
                report.bonus,
                report.penalty,
            ),
            false,
        ),
        line(
            (t.totals)(
                &format_points(report.base_total),
                &format_points(report.bonus_total),
                report.deductions_once,
                report.deductions_per,
            ),
            false,
        ),
    ];
    let unread_rows = report.unread().count();
    let unread_clauses = report.unread_clauses().count();
    if unread_rows + unread_clauses > 0 {
        lines.push(line((t.unread_count)(unread_rows, unread_clauses), true));
    }
    for warning in &report.warnings {
        let text = match warning {
            Warning::Total {
                total,
                expected,
                stated,
            } => (t.warn_total)(&format_points(*total), &format_points(*expected), *stated),
            Warning::Section {
                code,
                title,
                total,
                stated,
            } => (t.warn_section)(code, title, &format_points(*total), &format_points(*stated)),
            Warning::TableLeftOut { table } => (t.warn_table_left_out)(*table),
        };
        lines.push(line(format!("{}{text}", t.warning), true));
    }
    lines
}
