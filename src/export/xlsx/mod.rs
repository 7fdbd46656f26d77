//! XLSX: sheets 汇总 (one row per session), for a round 排名 (the board), 明细 (one
//! row per item), 整改清单 (rectifications and, in a round, the problems from outside)
//! and, in a round, 责任分解 (see [`duties`]), each printable as it is (see [`sheet`]).
//! Text is always written as a string, never as a formula. A column added to
//! [`DETAIL`] or [`LEDGER`] is one entry: its header and how a row fills it.

pub(crate) mod catalog;
mod columns;
mod duties;
mod ranking;
mod sheet;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::Options;
use super::report::Report;
use super::rows::{self, ItemRow};
use super::summary::{SummaryRow, facts, round_facts, title};
use crate::i18n::report::ReportTexts;
use columns::{
    Column, DETAIL, Entry, LEDGER, LEDGER_ROUND, LEDGER_SOURCE, LedgerColumn, Line, ROUND,
};
use sheet::{Cell, Overdue, Table, text};

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
        flagged: None,
        truncated: t.truncated,
    };
    summary.write(workbook.add_worksheet().set_name(t.sheet_summary)?)?;
    if report.round_label().is_some() {
        ranking::table(report, options, &title, note.clone()).write(
            workbook
                .add_worksheet()
                .set_name(options.lang.board().title)?,
        )?;
    }

    let items: Vec<Vec<ItemRow>> = report
        .sessions
        .iter()
        .map(|one| rows::item_rows(one, options.today))
        .collect();
    let with_round = report.round_label().is_none();
    let overdue = |header: &[&str]| Overdue {
        due_column: position(header, t.due),
        state_column: position(header, t.rectification_state),
        settled: [t.closed, t.to_recheck],
    };

    let columns: Vec<&Column> = with_round
        .then_some(&ROUND)
        .into_iter()
        .chain(DETAIL.iter())
        .collect();
    let mut lines = Vec::new();
    for (session, rows) in summaries.iter().zip(&items) {
        lines.extend(rows.iter().map(|row| Line { session, row }));
    }
    let header: Vec<&'static str> = columns.iter().map(|c| (c.header)(t)).collect();
    Table {
        title: (t.aside)(&title, t.sheet_items),
        note: note.clone(),
        rows: lines
            .iter()
            .map(|line| columns.iter().map(|c| (c.cell)(line, t)).collect())
            .collect(),
        overdue: Some(overdue(&header)),
        flagged: None,
        header,
        truncated: t.truncated,
    }
    .write(workbook.add_worksheet().set_name(t.sheet_items)?)?;

    let outside = rows::problem_rows(report, options.today);
    let lead = if with_round {
        Some(&LEDGER_ROUND)
    } else if !outside.is_empty() {
        Some(&LEDGER_SOURCE)
    } else {
        None
    };
    let columns: Vec<&LedgerColumn> = lead.into_iter().chain(LEDGER.iter()).collect();
    let mut entries = Vec::new();
    for (session, rows) in summaries.iter().zip(&items) {
        entries.extend(
            rows::rectification_rows(rows)
                .into_iter()
                .map(|row| Entry::Item(Line { session, row })),
        );
    }
    entries.extend(outside.iter().map(Entry::Outside));
    let header: Vec<&'static str> = columns.iter().map(|c| (c.header)(t)).collect();
    Table {
        title: (t.aside)(&title, t.sheet_rectifications),
        note: note.clone(),
        rows: entries
            .iter()
            .map(|entry| columns.iter().map(|c| (c.cell)(entry, t)).collect())
            .collect(),
        overdue: Some(overdue(&header)),
        flagged: None,
        header,
        truncated: t.truncated,
    }
    .write(workbook.add_worksheet().set_name(t.sheet_rectifications)?)?;

    if report.round_label().is_some() {
        duties::table(report, (t.aside)(&title, t.sheet_duties), note, t)
            .write(workbook.add_worksheet().set_name(t.sheet_duties)?)?;
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
#[cfg(test)]
mod tests_round;
