//! XLSX: sheets 汇总 (one row per session), 明细 (one row per item) and 整改清单
//! (rectifications). Text is always written as a string, never as a formula.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::Options;
use super::json::round2;
use super::report::Report;
use super::rows::{self, ITEM_COLUMNS, ItemRow, SummaryRow};

/// Excel's limit for one cell, in UTF-16 code units.
const MAX_CELL_UNITS: usize = 32_767;
const TRUNCATED: &str = "…(内容过长,已截断)";
const MAX_COLUMN_WIDTH: usize = 60;
const OVERDUE_FILL: u32 = 0xFFC7CE;

const SUMMARY_COLUMNS: [&str; 16] = [
    "轮次",
    "日期",
    "部门",
    "检查表",
    "检查人",
    "得分",
    "满分",
    "得分率",
    "扣分",
    "已查",
    "条目数",
    "等级",
    "一票否决",
    "取消评优资格",
    "问题",
    "待整改",
];

const RECTIFICATION_COLUMNS: [&str; 14] = [
    "轮次",
    "日期",
    "部门",
    "编号",
    "条目",
    "状态",
    "扣分",
    "问题描述",
    "扣分项",
    "责任人",
    "期限",
    "整改状态",
    "完成日期",
    "完成说明",
];

enum Cell {
    Text(String),
    /// Text that may run long; wrapped in its cell.
    Long(String),
    Number(Option<f64>),
    Percent(Option<f64>),
    Date(Option<NaiveDate>),
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

pub fn render(report: &Report, options: &Options) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();

    let mut summary = Sheet::new(workbook.add_worksheet().set_name("汇总")?, &SUMMARY_COLUMNS)?;
    for one in &report.sessions {
        summary.row(summary_cells(&SummaryRow::of(one)), false)?;
    }
    summary.finish()?;

    let item_rows: Vec<(&super::SessionReport, Vec<ItemRow>)> = report
        .sessions
        .iter()
        .map(|one| (one, rows::item_rows(one, options.today)))
        .collect();

    let mut detail = Sheet::new(workbook.add_worksheet().set_name("明细")?, &ITEM_COLUMNS)?;
    for (one, items) in &item_rows {
        for row in items {
            detail.row(detail_cells(one, row), is_overdue(row))?;
        }
    }
    detail.finish()?;

    let mut ledger = Sheet::new(
        workbook.add_worksheet().set_name("整改清单")?,
        &RECTIFICATION_COLUMNS,
    )?;
    for (one, items) in &item_rows {
        for row in rows::rectification_rows(items) {
            ledger.row(rectification_cells(one, row), is_overdue(row))?;
        }
    }
    ledger.finish()?;

    workbook.save_to_buffer()
}

fn is_overdue(row: &ItemRow) -> bool {
    row.rectification.as_ref().is_some_and(|r| r.overdue)
}

fn summary_cells(s: &SummaryRow) -> Vec<Cell> {
    vec![
        text(&s.round),
        Cell::Date(Some(s.date)),
        text(&s.department),
        text(&s.checklist),
        text(&s.inspector),
        Cell::Number(Some(s.score)),
        Cell::Number(Some(s.max)),
        Cell::Percent(s.percent),
        Cell::Number(Some(s.deducted)),
        Cell::Number(Some(s.checked as f64)),
        Cell::Number(Some(s.total as f64)),
        text(&s.grade),
        text(s.veto_text()),
        text(s.disqualified_text()),
        Cell::Number(Some(s.problems as f64)),
        Cell::Number(Some(s.open_rectifications as f64)),
    ]
}

fn detail_cells(one: &super::SessionReport, row: &ItemRow) -> Vec<Cell> {
    let rect = row.rectification.as_ref();
    vec![
        text(rows::clean_line(&one.session.round)),
        Cell::Date(Some(one.session.date)),
        text(rows::clean_line(&one.session.department)),
        text(rows::checklist_name(one)),
        text(&row.section),
        text(&row.code),
        Cell::Long(format!("{}{}", row.title, row.marks())),
        text(crate::i18n::report::status(row.status)),
        Cell::Number(row.is_scored().then_some(row.points)),
        Cell::Number(row.lost),
        Cell::Number(row.score.filter(|_| row.is_scored())),
        Cell::Long(row.note.clone()),
        text(rect.map(|r| r.owner.clone()).unwrap_or_default()),
        Cell::Date(rect.and_then(|r| r.due)),
        text(rect.map(|r| r.state_zh()).unwrap_or_default()),
        Cell::Long(row.evidence_text()),
    ]
}

fn rectification_cells(one: &super::SessionReport, row: &ItemRow) -> Vec<Cell> {
    let rect = row.rectification.as_ref();
    let done = rect.and_then(|r| r.done.as_ref());
    vec![
        text(rows::clean_line(&one.session.round)),
        Cell::Date(Some(one.session.date)),
        text(rows::clean_line(&one.session.department)),
        text(&row.code),
        Cell::Long(row.title.clone()),
        text(crate::i18n::report::status(row.status)),
        Cell::Number(row.lost),
        Cell::Long(row.note.clone()),
        Cell::Long(row.deductions_text()),
        text(rect.map(|r| r.owner.clone()).unwrap_or_default()),
        Cell::Date(rect.and_then(|r| r.due)),
        text(rect.map_or(crate::i18n::report::REPORT.no_owner, |r| r.state_zh())),
        Cell::Date(done.map(|d| d.date)),
        Cell::Long(done.map(|d| d.note.clone()).unwrap_or_default()),
    ]
}

/// A worksheet being filled: tracks the next row and each column's display width.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    widths: Vec<usize>,
    next_row: u32,
}

impl<'a> Sheet<'a> {
    fn new(sheet: &'a mut Worksheet, header: &[&str]) -> Result<Sheet<'a>, XlsxError> {
        let bold = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDE6F0));
        for (col, name) in header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        }
        Ok(Sheet {
            sheet,
            widths: header.iter().map(|h| h.width()).collect(),
            next_row: 1,
        })
    }

    fn row(&mut self, cells: Vec<Cell>, highlight: bool) -> Result<(), XlsxError> {
        let row = self.next_row;
        self.next_row += 1;
        for (col, cell) in cells.into_iter().enumerate() {
            let shown = self.write(row, col as u16, cell, highlight)?;
            if let Some(width) = self.widths.get_mut(col) {
                *width = (*width).max(shown);
            }
        }
        Ok(())
    }

    /// Writes one cell; returns its display width.
    fn write(
        &mut self,
        row: u32,
        col: u16,
        cell: Cell,
        highlight: bool,
    ) -> Result<usize, XlsxError> {
        let mut format = Format::new().set_align(FormatAlign::Top);
        if highlight {
            format = format.set_background_color(Color::RGB(OVERDUE_FILL));
        }
        match cell {
            Cell::Text(value) | Cell::Long(value) if value.is_empty() => {
                self.sheet.write_blank(row, col, &format)?;
                Ok(0)
            }
            Cell::Text(value) => {
                let value = fit_cell(&value);
                self.sheet
                    .write_string_with_format(row, col, &value, &format)?;
                Ok(display_width(&value))
            }
            Cell::Long(value) => {
                let value = fit_cell(&value);
                self.sheet
                    .write_string_with_format(row, col, &value, &format.set_text_wrap())?;
                Ok(display_width(&value))
            }
            Cell::Number(Some(value)) => {
                let value = round2(value);
                self.sheet
                    .write_number_with_format(row, col, value, &format)?;
                Ok(value.to_string().len())
            }
            Cell::Percent(Some(percent)) => {
                let format = format.set_num_format("0.0%");
                self.sheet
                    .write_number_with_format(row, col, round2(percent) / 100.0, &format)?;
                Ok(6)
            }
            Cell::Date(Some(date)) => {
                match excel_date(date) {
                    Some(excel) => {
                        let format = format.set_num_format("yyyy-mm-dd");
                        self.sheet
                            .write_datetime_with_format(row, col, &excel, &format)?;
                    }
                    None => {
                        self.sheet
                            .write_string_with_format(row, col, date.to_string(), &format)?;
                    }
                }
                Ok(10)
            }
            Cell::Number(None) | Cell::Percent(None) | Cell::Date(None) => {
                self.sheet.write_blank(row, col, &format)?;
                Ok(0)
            }
        }
    }

    fn finish(self) -> Result<(), XlsxError> {
        for (col, width) in self.widths.iter().enumerate() {
            let width = (*width).clamp(4, MAX_COLUMN_WIDTH) + 2;
            self.sheet.set_column_width(col as u16, width as f64)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        let last_col = self.widths.len().saturating_sub(1) as u16;
        self.sheet
            .autofilter(0, 0, self.next_row.saturating_sub(1), last_col)?;
        Ok(())
    }
}

fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Widest line, counting a CJK character as two columns.
fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Cuts text that would not fit in one cell, on a character boundary, and says so.
fn fit_cell(text: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL_UNITS {
        return text.to_string();
    }
    let budget = MAX_CELL_UNITS - TRUNCATED.encode_utf16().count();
    let mut units = 0;
    let mut out = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > budget {
            break;
        }
        out.push(c);
    }
    out.push_str(TRUNCATED);
    out
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;
