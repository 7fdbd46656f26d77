//! XLSX: sheets 汇总 (one row per session), 明细 (one row per item) and 整改清单
//! (rectifications), each printable as it is (see [`sheet`]). Text is always
//! written as a string, never as a formula. A column added to [`DETAIL`] or
//! [`LEDGER`] is one entry: its header and how a row fills it.

mod sheet;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::Options;
use super::report::Report;
use super::rows::{self, ItemRow};
use super::summary::{SummaryRow, facts, round_facts, title};
use crate::i18n::report::ReportTexts;
use sheet::{Cell, Overdue, Table, text};

/// One item row of a session, as the item sheets see it.
struct Line<'a> {
    session: &'a SummaryRow,
    row: &'a ItemRow,
}

struct Column {
    header: fn(&ReportTexts) -> &'static str,
    cell: fn(&Line<'_>, &ReportTexts) -> Cell,
}

const ROUND: Column = Column {
    header: |t| t.round,
    cell: |l, _| text(&l.session.round),
};

/// 明细: every item of every session.
const DETAIL: &[Column] = &[
    Column {
        header: |t| t.date,
        cell: |l, _| Cell::Date(Some(l.session.date)),
    },
    Column {
        header: |t| t.department,
        cell: |l, _| text(&l.session.department),
    },
    Column {
        header: |t| t.section,
        cell: |l, _| Cell::Long(l.row.section.clone()),
    },
    Column {
        header: |t| t.code,
        cell: |l, _| text(&l.row.code),
    },
    Column {
        header: |t| t.item,
        cell: |l, _| Cell::Long(l.row.title.clone()),
    },
    Column {
        header: |t| t.kind,
        cell: |l, t| text(l.row.kind_text(t)),
    },
    Column {
        header: |t| t.status,
        cell: |l, t| text(l.row.status_text(t)),
    },
    Column {
        header: |t| t.points,
        cell: |l, _| Cell::Number(l.row.is_scored().then_some(l.row.points)),
    },
    Column {
        header: |t| t.deducted,
        cell: |l, _| Cell::Number(l.row.lost.filter(|lost| *lost != 0.0)),
    },
    Column {
        header: |t| t.score,
        cell: |l, _| {
            Cell::Number(
                l.row
                    .score
                    .filter(|_| l.row.is_scored() || l.row.lost.is_some()),
            )
        },
    },
    Column {
        header: |t| t.deductions,
        cell: |l, t| Cell::Long(l.row.deductions_text(t)),
    },
    Column {
        header: |t| t.note,
        cell: |l, _| Cell::Long(l.row.note.clone()),
    },
    Column {
        header: |t| t.owner,
        cell: |l, _| text(l.row.owner_text()),
    },
    Column {
        header: |t| t.due,
        cell: |l, _| Cell::Date(l.row.rectification.as_ref().and_then(|r| r.due)),
    },
    Column {
        header: |t| t.rectification_state,
        cell: |l, t| {
            text(
                l.row
                    .rectification
                    .as_ref()
                    .map(|r| r.state(t))
                    .unwrap_or_default(),
            )
        },
    },
    Column {
        header: |t| t.evidence,
        cell: |l, t| Cell::Long(l.row.evidence_text(t)),
    },
];

/// 整改清单: problems and anything with a rectification.
const LEDGER: &[Column] = &[
    Column {
        header: |t| t.date,
        cell: |l, _| Cell::Date(Some(l.session.date)),
    },
    Column {
        header: |t| t.department,
        cell: |l, _| text(&l.session.department),
    },
    Column {
        header: |t| t.code,
        cell: |l, _| text(&l.row.code),
    },
    Column {
        header: |t| t.item,
        cell: |l, t| Cell::Long(l.row.title_with_kind(t)),
    },
    Column {
        header: |t| t.status,
        cell: |l, t| text(l.row.status_text(t)),
    },
    Column {
        header: |t| t.deducted,
        cell: |l, _| Cell::Number(l.row.lost.filter(|lost| *lost != 0.0)),
    },
    Column {
        header: |t| t.problem_description,
        cell: |l, _| Cell::Long(l.row.note.clone()),
    },
    Column {
        header: |t| t.deductions,
        cell: |l, t| Cell::Long(l.row.deductions_text(t)),
    },
    Column {
        header: |t| t.owner,
        cell: |l, _| text(l.row.owner_text()),
    },
    Column {
        header: |t| t.due,
        cell: |l, _| Cell::Date(l.row.rectification.as_ref().and_then(|r| r.due)),
    },
    Column {
        header: |t| t.rectification_state,
        cell: |l, t| {
            text(
                l.row
                    .rectification
                    .as_ref()
                    .map_or(t.no_owner, |r| r.state(t)),
            )
        },
    },
    Column {
        header: |t| t.done_date,
        cell: |l, _| {
            Cell::Date(
                l.row
                    .rectification
                    .as_ref()
                    .and_then(|r| r.done.as_ref())
                    .map(|d| d.date),
            )
        },
    },
    Column {
        header: |t| t.done_note,
        cell: |l, _| {
            Cell::Long(
                l.row
                    .rectification
                    .as_ref()
                    .and_then(|r| r.done.as_ref())
                    .map(|d| d.note.clone())
                    .unwrap_or_default(),
            )
        },
    },
];

pub fn render(report: &Report, options: &Options) -> Result<Vec<u8>, XlsxError> {
    let t = options.texts();
    let title = title(report, options);
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(report, options, &title)?);
    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    let note = note(report, options, t);

    let summary = Table {
        title: (t.aside)(&title, t.sheet_summary),
        note: note.clone(),
        header: summary_header(&summaries, report, t),
        rows: summaries
            .iter()
            .map(|s| summary_cells(s, &summaries, report, t))
            .collect(),
        overdue: None,
        truncated: t.truncated,
    };
    summary.write(workbook.add_worksheet().set_name(t.sheet_summary)?)?;

    let items: Vec<Vec<ItemRow>> = report
        .sessions
        .iter()
        .map(|one| rows::item_rows(one, options.today))
        .collect();
    let with_round = report.round_label().is_none();
    for (name, columns, problems_only) in [
        (t.sheet_items, DETAIL, false),
        (t.sheet_rectifications, LEDGER, true),
    ] {
        let columns: Vec<&Column> = with_round
            .then_some(&ROUND)
            .into_iter()
            .chain(columns.iter())
            .collect();
        let mut lines = Vec::new();
        for (session, rows) in summaries.iter().zip(&items) {
            let chosen: Vec<&ItemRow> = if problems_only {
                rows::rectification_rows(rows)
            } else {
                rows.iter().collect()
            };
            lines.extend(chosen.into_iter().map(|row| Line { session, row }));
        }
        let header: Vec<&'static str> = columns.iter().map(|c| (c.header)(t)).collect();
        let overdue = Overdue {
            due_column: position(&header, t.due),
            state_column: position(&header, t.rectification_state),
            done_word: t.done,
        };
        Table {
            title: (t.aside)(&title, name),
            note: note.clone(),
            rows: lines
                .iter()
                .map(|line| columns.iter().map(|c| (c.cell)(line, t)).collect())
                .collect(),
            header,
            overdue: Some(overdue),
            truncated: t.truncated,
        }
        .write(workbook.add_worksheet().set_name(name)?)?;
    }
    workbook.save_to_buffer()
}

fn position(header: &[&str], name: &str) -> u16 {
    header.iter().position(|h| *h == name).unwrap_or(0) as u16
}

/// The second row: who, when and how many, and as of when overdue applies.
fn note(report: &Report, options: &Options, t: &ReportTexts) -> String {
    let facts = match report.single() {
        Some(one) => facts(&SummaryRow::of(one), options, t),
        None => round_facts(report, options, t),
    };
    let mut parts: Vec<String> = facts
        .into_iter()
        .filter(|(label, _)| *label != t.unit && *label != t.checklist)
        .map(|(label, value)| (t.labelled)(label, &value))
        .collect();
    parts.push((t.as_of)(&options.today.to_string()));
    parts.join(t.list_separator)
}

fn properties(report: &Report, options: &Options, title: &str) -> Result<DocProperties, XlsxError> {
    let mut inspectors: Vec<String> = Vec::new();
    for one in &report.sessions {
        let name = rows::clean_line(&one.session.inspector);
        if !name.is_empty() && !inspectors.contains(&name) {
            inspectors.push(name);
        }
    }
    let utc = options.now.naive_utc();
    let created = sheet::excel_date(utc.date())
        .map(|date| {
            date.and_hms(
                chrono::Timelike::hour(&utc) as u16,
                chrono::Timelike::minute(&utc) as u8,
                chrono::Timelike::second(&utc) as f64,
            )
        })
        .transpose()?
        .unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    let mut properties = DocProperties::new()
        .set_title(title)
        .set_author(inspectors.join(options.texts().enumeration))
        .set_creation_datetime(&created);
    if let Some(unit) = options.unit_name() {
        properties = properties.set_company(unit);
    }
    Ok(properties)
}

fn summary_header(summaries: &[SummaryRow], report: &Report, t: &ReportTexts) -> Vec<&'static str> {
    let mut header = Vec::new();
    if report.round_label().is_none() {
        header.push(t.round);
    }
    header.extend([
        t.date,
        t.department,
        t.checklist,
        t.inspector,
        t.checked,
        t.items_count,
        t.score,
    ]);
    if summaries.iter().any(|s| s.has_bonus || s.has_penalties) {
        header.push(t.base);
    }
    if summaries.iter().any(|s| s.has_bonus) {
        header.push(t.bonus_points);
    }
    if summaries.iter().any(|s| s.has_penalties) {
        header.push(t.penalties);
    }
    header.extend([
        t.max,
        t.percent,
        t.deducted,
        t.verdict,
        t.problems,
        t.open_rectifications,
    ]);
    header
}

fn summary_cells(
    s: &SummaryRow,
    all: &[SummaryRow],
    report: &Report,
    t: &ReportTexts,
) -> Vec<Cell> {
    let f = &s.figures;
    let mut cells = Vec::new();
    if report.round_label().is_none() {
        cells.push(text(&s.round));
    }
    cells.extend([
        Cell::Date(Some(s.date)),
        text(&s.department),
        Cell::Long(s.checklist(t)),
        text(&s.inspector),
        Cell::Number(Some(f.checked as f64)),
        Cell::Number(Some(f.total as f64)),
        Cell::Number(Some(f.score)),
    ]);
    if all.iter().any(|s| s.has_bonus || s.has_penalties) {
        cells.push(Cell::Number(Some(f.base)));
    }
    if all.iter().any(|s| s.has_bonus) {
        cells.push(Cell::Number(s.has_bonus.then_some(f.bonus)));
    }
    if all.iter().any(|s| s.has_penalties) {
        cells.push(Cell::Number(s.has_penalties.then_some(f.penalties)));
    }
    cells.extend([
        Cell::Number(Some(f.max)),
        Cell::Percent(s.percent),
        Cell::Number(Some(f.deducted)),
        text(s.verdict_text(t)),
        Cell::Number(Some(s.problems as f64)),
        Cell::Number(Some(s.open_rectifications as f64)),
    ]);
    cells
}

#[cfg(test)]
mod tests;
