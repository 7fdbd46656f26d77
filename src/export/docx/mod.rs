//! DOCX: a 自查报告 draft to finish in Word or WPS, laid out as a 公文 — title naming
//! the unit and department, who and when, 一、总体情况 with the one verdict, 二、存在问题
//! 及整改情况 as a table (a round: with the problems from outside), 三、责任分解 (a round),
//! 三 or 四、下一步工作, the 落款 (unit and date), then every item as an
//! appendix. Headings use Word's heading styles; tables repeat their header row on
//! every page and never split a row; the footer numbers the pages.
//!
//! The XML is written here rather than by a docx library, so that property elements
//! come in the order the OOXML schema requires (see `xml`).

mod followup;
mod package;
mod pictures;
pub(crate) mod schema;
pub(crate) mod submission;
mod xml;

use chrono::Datelike;

use super::columns::{
    Align, Column, ITEM_COLUMNS, PROBLEM_COLUMNS, Width, section_starts, summary_columns,
};
use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow};
use super::summary::{SummaryRow, session_heading, title};
use super::{ExportError, Options};
use crate::i18n::report::ReportTexts;
use package::{Properties, TEXT_WIDTH};
use unicode_width::UnicodeWidthStr;
use xml::{CELL_PADDING, Jc, Para, Run, Style, TableColumn, TableRow, text_twips};

/// The 落款 stands two characters (三号) off the right margin.
const SIGNATURE_INDENT: u32 = 640;

pub fn render(report: &Report, options: &Options) -> Result<Vec<u8>, ExportError> {
    let t = options.texts();
    let title = title(report, options);
    let mut body = String::new();
    let mut heading = Para::new(Style::Title);
    for (i, line) in title_lines(report, options, &title).into_iter().enumerate() {
        let mut run = Run::new(line);
        run.break_before = i > 0;
        heading = heading.run(run);
    }
    heading.write(&mut body);
    Para::text(Style::Normal, opening(report, t)).write(&mut body);
    match report.single() {
        Some(one) => single(&mut body, one, options, t),
        None => several(&mut body, report, options, t),
    }
    let next = if report.round_label().is_some() {
        followup::duties(&mut body, report, t);
        t.heading_next_after_duties
    } else {
        t.heading_next
    };
    Para::text(Style::Heading1, next).write(&mut body);
    // The 落款 never stands alone on a page: the last paragraph goes with it.
    let mut next_steps = Para::text(Style::Normal, t.next_steps_placeholder);
    next_steps.keep_next = true;
    next_steps.write(&mut body);
    signature(&mut body, options, t);

    let mut appendix = Para::text(Style::Heading1, t.heading_items);
    appendix.page_break_before = true;
    appendix.write(&mut body);
    for one in &report.sessions {
        if report.sessions.len() > 1 {
            let s = SummaryRow::of(one);
            Para::text(Style::Heading2, session_heading(report, &s, t)).write(&mut body);
        }
        item_table(&mut body, &rows::item_rows(one, options.today), t);
    }
    let media = pictures::part(&mut body, report, t);

    let creator = inspectors(report, t);
    package::package(
        &package::document(&body),
        &package::footer(),
        &media,
        &Properties {
            title: &title,
            creator: &creator,
            now: options.now,
            lang: t.lang_tag,
        },
    )
}

fn single(body: &mut String, one: &SessionReport, options: &Options, t: &ReportTexts) {
    let s = SummaryRow::of(one);
    Para::text(Style::Heading1, t.heading_overall).write(body);
    Para::text(Style::Normal, s.overall_sentence(t)).write(body);
    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    Para::text(Style::Heading1, t.heading_problems).write(body);
    if problems.is_empty() {
        Para::text(Style::Normal, s.no_problems_text(t)).write(body);
    } else {
        table(body, PROBLEM_COLUMNS, &problems, t);
    }
}

fn several(body: &mut String, report: &Report, options: &Options, t: &ReportTexts) {
    let summaries: Vec<SummaryRow> = report.sessions.iter().map(SummaryRow::of).collect();
    Para::text(Style::Heading1, t.heading_overall).write(body);
    summary_table(body, &summaries, t);
    Para::text(Style::Heading1, t.heading_problems).write(body);
    for (n, (one, s)) in report.sessions.iter().zip(&summaries).enumerate() {
        let items = rows::item_rows(one, options.today);
        let problems = rows::problems(&items);
        let heading = (t.numbered)(n + 1, &session_heading(report, s, t));
        Para::text(Style::Heading2, heading).write(body);
        if problems.is_empty() {
            Para::text(Style::Normal, s.no_problems_text(t)).write(body);
        } else {
            table(body, PROBLEM_COLUMNS, &problems, t);
        }
    }
    followup::outside(body, report, options, t, report.sessions.len() + 1);
}

/// The 落款: the unit (a blank to fill in without one) and the date, on the right,
/// kept on one page.
fn signature(body: &mut String, options: &Options, t: &ReportTexts) {
    let unit = options.unit_name().unwrap_or_else(|| t.blank.to_string());
    let date = long_date(options.today, t);
    let mut gap = Para::text(Style::Normal, "");
    gap.keep_next = true;
    gap.write(body);
    for (line, keep_next) in [(unit, true), (date, false)] {
        let mut para = Para::text(Style::Normal, line).jc(Jc::Right);
        para.right_indent = Some(SIGNATURE_INDENT);
        para.keep_next = keep_next;
        para.write(body);
    }
}

fn long_date(date: chrono::NaiveDate, t: &ReportTexts) -> String {
    (t.long_date)(date.year(), date.month(), date.day())
}

/// A title too long for one line of 二号 breaks before the round's words, as a
/// 公文 title breaks where its meaning does.
fn title_lines(report: &Report, options: &Options, title: &str) -> Vec<String> {
    /// Display columns of 二号 text across the text width.
    const TITLE_COLUMNS: usize = 38;
    let t = options.texts();
    let round = match report.single() {
        Some(one) => Some(rows::clean_line(&one.session.round)),
        None => report.round_label().map(rows::clean_line),
    };
    let tail = (t.title)(None, None, round.as_deref());
    match title.strip_suffix(tail.as_str()) {
        Some(head) if !head.is_empty() && title.width() > TITLE_COLUMNS => {
            vec![head.to_string(), tail]
        }
        _ => vec![title.to_string()],
    }
}

/// The first paragraph: when, who, by which checklist, which departments.
fn opening(report: &Report, t: &ReportTexts) -> String {
    match report.single() {
        Some(one) => {
            let s = SummaryRow::of(one);
            (t.opening)(
                &long_date(s.date, t),
                &s.inspector,
                &(t.quoted_checklist)(&s.checklist_title, s.checklist_version),
                &s.department,
                &s.round,
            )
        }
        None => {
            let dates = match (report.first_date(), report.last_date()) {
                (Some(first), Some(last)) if first != last => {
                    (t.dates)(&long_date(first, t), &long_date(last, t))
                }
                (Some(first), _) => long_date(first, t),
                _ => String::new(),
            };
            let mut departments: Vec<String> = Vec::new();
            for one in &report.sessions {
                let name = rows::clean_line(&one.session.department);
                if !departments.contains(&name) {
                    departments.push(name);
                }
            }
            let round = report.round_label().map(rows::clean_line);
            (t.opening_round)(&dates, &departments, round.as_deref())
        }
    }
}

/// The inspectors, for the document's author.
fn inspectors(report: &Report, t: &ReportTexts) -> String {
    let mut names: Vec<String> = Vec::new();
    for one in &report.sessions {
        let name = rows::clean_line(&one.session.inspector);
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(t.enumeration)
}

fn summary_table(body: &mut String, summaries: &[SummaryRow], t: &ReportTexts) {
    let columns = summary_columns(summaries, true, false);
    let specs: Vec<(&'static str, Width, Jc)> = columns
        .iter()
        .map(|c| ((c.header)(t), c.width, jc(c.align)))
        .collect();
    let rows: Vec<Vec<String>> = summaries
        .iter()
        .map(|s| columns.iter().map(|c| (c.value)(s, t)).collect())
        .collect();
    let columns = sized(&specs, &rows);
    let rows: Vec<TableRow> = rows.into_iter().map(TableRow::Cells).collect();
    xml::table(body, &columns, &rows);
}

fn table<R>(body: &mut String, columns: &[Column<R>], items: &[&R], t: &ReportTexts) {
    let rows: Vec<Vec<String>> = items
        .iter()
        .enumerate()
        .map(|(i, row)| columns.iter().map(|c| (c.value)(i + 1, row, t)).collect())
        .collect();
    let columns = sized(&specs(columns, t), &rows);
    let rows: Vec<TableRow> = rows.into_iter().map(TableRow::Cells).collect();
    xml::table(body, &columns, &rows);
}

/// Every item, with a row for each top-level section.
fn item_table(body: &mut String, items: &[ItemRow], t: &ReportTexts) {
    let mut cells = Vec::new();
    let mut rows = Vec::new();
    for (i, (section, row)) in section_starts(items).into_iter().enumerate() {
        if let Some(section) = section {
            rows.push(TableRow::Spanning(section.to_string()));
        }
        let line: Vec<String> = ITEM_COLUMNS
            .iter()
            .map(|c| (c.value)(i + 1, row, t))
            .collect();
        cells.push(line.clone());
        rows.push(TableRow::Cells(line));
    }
    let columns = sized(&specs(ITEM_COLUMNS, t), &cells);
    xml::table(body, &columns, &rows);
}

fn specs<R>(columns: &[Column<R>], t: &ReportTexts) -> Vec<(&'static str, Width, Jc)> {
    columns
        .iter()
        .map(|c| ((c.header)(t), c.width, jc(c.align)))
        .collect()
}

fn jc(align: Align) -> Jc {
    match align {
        Align::Left => Jc::Left,
        Align::Center => Jc::Center,
        Align::Right => Jc::Right,
    }
}

/// Column widths across the text width: a `Fit` column as wide as its widest
/// header or cell, so that codes, dates and numbers never wrap; the rest shared
/// among the `Share` columns. Where that is too wide, fitted headers wrap onto two
/// lines (负面/清单), as few as it takes, while their cells stay whole; where it
/// still is, every fitted column gives up width in proportion.
fn sized(specs: &[(&'static str, Width, Jc)], rows: &[Vec<String>]) -> Vec<TableColumn> {
    let widest_cell = |i: usize| {
        rows.iter()
            .filter_map(|row| row.get(i))
            .map(|cell| text_twips(cell))
            .max()
            .unwrap_or(0)
    };
    let whole: Vec<u32> = specs
        .iter()
        .enumerate()
        .map(|(i, (header, _, _))| widest_cell(i).max(text_twips(header)) + CELL_PADDING)
        .collect();
    let two_line_headers: Vec<u32> = specs
        .iter()
        .enumerate()
        .map(|(i, (header, _, _))| {
            let half_header = header.chars().count().div_ceil(2) as u32 * xml::CJK_TWIPS;
            widest_cell(i).max(half_header.min(text_twips(header))) + CELL_PADDING
        })
        .collect();
    let reserved = specs.iter().filter(|(_, w, _)| *w != Width::Fit).count() as u32
        * (3 * xml::CJK_TWIPS + CELL_PADDING);
    let fitted_sum = |widths: &[u32]| -> u32 {
        specs
            .iter()
            .zip(widths)
            .filter(|((_, width, _), _)| *width == Width::Fit)
            .map(|(_, width)| width)
            .sum()
    };
    // Headers wrap one column at a time, the one that saves most first, until the
    // table fits.
    let mut natural = whole.clone();
    let mut by_saving: Vec<usize> = (0..specs.len()).collect();
    by_saving.sort_by_key(|&i| std::cmp::Reverse(whole[i] - two_line_headers[i]));
    for i in by_saving {
        if fitted_sum(&natural) + reserved <= TEXT_WIDTH {
            break;
        }
        natural[i] = two_line_headers[i];
    }
    let shares: u32 = specs
        .iter()
        .map(|(_, width, _)| match width {
            Width::Share(share) => u32::from(*share),
            Width::Fit => 0,
        })
        .sum();
    let share_columns = specs.iter().filter(|(_, w, _)| *w != Width::Fit).count() as u32;
    let fitted: u32 = specs
        .iter()
        .zip(&natural)
        .filter(|((_, width, _), _)| *width == Width::Fit)
        .map(|(_, natural)| natural)
        .sum();
    let reserve = share_columns * (3 * xml::CJK_TWIPS + CELL_PADDING);
    let scale = if fitted + reserve > TEXT_WIDTH {
        f64::from(TEXT_WIDTH.saturating_sub(reserve)) / f64::from(fitted.max(1))
    } else {
        1.0
    };
    let mut widths: Vec<u32> = specs
        .iter()
        .zip(&natural)
        .map(|((_, width, _), natural)| match width {
            Width::Fit => (f64::from(*natural) * scale) as u32,
            Width::Share(_) => 0,
        })
        .collect();
    let left = TEXT_WIDTH.saturating_sub(widths.iter().sum());
    for ((_, width, _), slot) in specs.iter().zip(&mut widths) {
        if let Width::Share(share) = width {
            *slot = left * u32::from(*share) / shares.max(1);
        }
    }
    keep_words_whole(specs, rows, &mut widths);
    if shares == 0 {
        // Only fitted columns: the last takes what is left, so the table spans the page.
        if let Some(last) = widths.last_mut() {
            *last += left;
        }
    }
    specs
        .iter()
        .zip(widths)
        .map(|((header, _, jc), width)| TableColumn {
            header: header.to_string(),
            jc: *jc,
            width,
        })
        .collect()
}

/// A shared column narrower than its header or its longest unbreakable word (a
/// date such as 2026-11-21) takes the width it lacks from the widest
/// shared column (问题描述), so that 整改情况 stays on one line and a date is never cut.
fn keep_words_whole(specs: &[(&'static str, Width, Jc)], rows: &[Vec<String>], widths: &mut [u32]) {
    let shared: Vec<usize> = (0..specs.len())
        .filter(|&i| specs[i].1 != Width::Fit)
        .collect();
    let need = |i: usize| {
        rows.iter()
            .filter_map(|row| row.get(i))
            // Word and WPS space numbers off Chinese text by up to a quarter em.
            .map(|cell| widest_word_twips(cell) + xml::CJK_TWIPS / 2)
            .chain([text_twips(specs[i].0)])
            .max()
            .unwrap_or(0)
            + CELL_PADDING
    };
    for &i in &shared {
        let Some(&widest) = shared.iter().max_by_key(|&&j| widths[j]) else {
            return;
        };
        let lack = need(i).saturating_sub(widths[i]);
        // The giving column keeps its header whole; its own long words may wrap.
        let spare = widths[widest].saturating_sub(text_twips(specs[widest].0) + CELL_PADDING);
        let moved = lack.min(spare);
        if widest != i && moved > 0 {
            widths[widest] -= moved;
            widths[i] += moved;
        }
    }
}

/// The twips of the widest piece of `text` a line cannot break inside: lines break
/// at spaces and beside Chinese characters, not inside Latin words, numbers and dates,
/// and brackets and punctuation stay with what they touch.
fn widest_word_twips(text: &str) -> u32 {
    let mut widest = 0;
    let mut word = String::new();
    for c in text.chars() {
        let ideograph = matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}');
        if c.is_whitespace() || ideograph {
            widest = widest.max(text_twips(&word));
            word.clear();
            if ideograph {
                widest = widest.max(text_twips(&c.to_string()));
            }
        } else {
            word.push(c);
        }
    }
    widest.max(text_twips(&word))
}

#[cfg(test)]
mod schema_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tables;
