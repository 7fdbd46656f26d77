//! One printable worksheet: a title row (unit, round, date), a note row, the header,
//! then the data — thin borders, widths from display width, row heights that show
//! every line of a note, A4 landscape one page wide with the header on every page,
//! and open rectifications past their date in red by the day the file is opened.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

/// Excel's limit for one cell, in UTF-16 code units.
pub const MAX_CELL_UNITS: usize = 32_767;
/// Wrapped text columns are at most this wide; their rows grow instead.
const MAX_WRAPPED_WIDTH: usize = 24;
const MAX_WIDTH: usize = 40;
const HEADER_FILL: u32 = 0xDDE6F0;
const OVERDUE_FILL: u32 = 0xFFC7CE;
/// A line of 11-point text with Chinese in it, in points.
const LINE_HEIGHT: f64 = 16.0;
/// Rows above the header: the title and the note.
pub const HEADER_ROW: u32 = 2;

pub enum Cell {
    /// Short text: codes, names, words; never wrapped.
    Text(String),
    /// Text that may run long: wrapped in a column of limited width.
    Long(String),
    /// A number, rounded to two decimals as stored.
    Number(Option<f64>),
    /// A percent (87.43 for 87.43%), stored as 0.8743.
    Percent(Option<f64>),
    Date(Option<NaiveDate>),
}

pub fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

/// Open rectifications past their due date turn red, evaluated by the spreadsheet
/// on the day it is opened (`TODAY()`), so the highlight never goes stale.
pub struct Overdue {
    pub due_column: u16,
    pub state_column: u16,
    /// The state word of a finished rectification (已完成).
    pub done_word: &'static str,
}

pub struct Table {
    pub title: String,
    pub note: String,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub overdue: Option<Overdue>,
    /// The text of the cut a too-long cell ends with.
    pub truncated: &'static str,
}

impl Table {
    pub fn write(self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let columns = self.header.len().max(1) as u16;
        let widths = self.widths();
        let border = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let title = Format::new()
            .set_bold()
            .set_font_size(14)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        sheet.merge_range(0, 0, 0, columns - 1, &self.title, &title)?;
        sheet.set_row_height(0, 24)?;
        let note = Format::new()
            .set_font_color(Color::RGB(0x555555))
            .set_align(FormatAlign::Left)
            .set_align(FormatAlign::VerticalCenter);
        sheet.merge_range(1, 0, 1, columns - 1, &self.note, &note)?;

        let header = border
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(HEADER_FILL));
        for (col, name) in self.header.iter().enumerate() {
            sheet.write_string_with_format(HEADER_ROW, col as u16, *name, &header)?;
        }
        let mut row = HEADER_ROW;
        for cells in &self.rows {
            row += 1;
            let mut lines = 1;
            for (col, cell) in cells.iter().enumerate() {
                let width = widths.get(col).copied().unwrap_or(MAX_WIDTH);
                write_cell(sheet, row, col as u16, cell, &border, self.truncated)?;
                if let Cell::Long(value) = cell {
                    lines = lines.max(wrapped_lines(value, width));
                }
            }
            if lines > 1 {
                sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
            }
        }
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, (*width + 2) as f64)?;
        }
        sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
        sheet.autofilter(HEADER_ROW, 0, row, columns - 1)?;
        if let Some(overdue) = &self.overdue
            && row > HEADER_ROW
        {
            let rule = ConditionalFormatFormula::new()
                .set_rule(overdue.rule(HEADER_ROW + 1).as_str())
                .set_format(Format::new().set_background_color(Color::RGB(OVERDUE_FILL)));
            sheet.add_conditional_format(HEADER_ROW + 1, 0, row, columns - 1, &rule)?;
        }
        page_setup(sheet)
    }

    /// Each column's width in characters: its widest header or cell line, wrapped
    /// text columns at most [`MAX_WRAPPED_WIDTH`].
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width().min(8)).collect();
        for cells in &self.rows {
            for (col, cell) in cells.iter().enumerate() {
                let (shown, cap) = match cell {
                    Cell::Text(value) => (display_width(value), MAX_WIDTH),
                    Cell::Long(value) => (display_width(value), MAX_WRAPPED_WIDTH),
                    Cell::Number(Some(value)) => (round2(*value).to_string().len(), MAX_WIDTH),
                    Cell::Percent(Some(_)) => (6, MAX_WIDTH),
                    Cell::Date(Some(_)) => (10, MAX_WIDTH),
                    _ => (0, MAX_WIDTH),
                };
                if let Some(width) = widths.get_mut(col) {
                    *width = (*width).max(shown.min(cap));
                }
            }
        }
        widths.into_iter().map(|w| w.max(4)).collect()
    }
}

impl Overdue {
    /// `AND($K4<>"",$K4<TODAY(),$L4<>"已完成")` for the first data row.
    fn rule(&self, first_row: u32) -> String {
        let row = first_row + 1;
        let due = column_name(self.due_column);
        let state = column_name(self.state_column);
        format!(
            "=AND(${due}{row}<>\"\",${due}{row}<TODAY(),${state}{row}<>\"{}\")",
            self.done_word.replace('"', "\"\"")
        )
    }
}

/// A4 landscape, one page wide, the title and header rows on every page, page numbers.
fn page_setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, HEADER_ROW)?;
    sheet.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    sheet.set_footer("&C&P / &N");
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    format: &Format,
    truncated: &str,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(value) | Cell::Long(value) if value.is_empty() => {
            sheet.write_blank(row, col, format)?;
        }
        Cell::Text(value) => {
            sheet.write_string_with_format(row, col, fit_cell(value, truncated), format)?;
        }
        Cell::Long(value) => {
            let value = fit_cell(value, truncated);
            sheet.write_string_with_format(row, col, &value, &format.clone().set_text_wrap())?;
        }
        Cell::Number(Some(value)) => {
            sheet.write_number_with_format(row, col, round2(*value), format)?;
        }
        Cell::Percent(Some(percent)) => {
            let format = format.clone().set_num_format("0.0%");
            sheet.write_number_with_format(row, col, fraction(*percent), &format)?;
        }
        Cell::Date(Some(date)) => match excel_date(*date) {
            Some(excel) => {
                let format = format.clone().set_num_format("yyyy-mm-dd");
                sheet.write_datetime_with_format(row, col, &excel, &format)?;
            }
            None => {
                sheet.write_string_with_format(row, col, date.to_string(), format)?;
            }
        },
        Cell::Number(None) | Cell::Percent(None) | Cell::Date(None) => {
            sheet.write_blank(row, col, format)?;
        }
    }
    Ok(())
}

/// Lines `text` takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.lines()
        .map(|line| line.width().div_ceil(width).max(1))
        .sum::<usize>()
        .max(1)
}

/// A number as stored: two decimals, as every figure zicha shows.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// 87.43 (percent) as the fraction a percent-formatted cell stores: 0.8743, not
/// 0.8743000000000001.
fn fraction(percent: f64) -> f64 {
    (percent * 100.0).round() / 10_000.0
}

pub fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// "A", "B", … "AA": a column's name in a formula.
fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        name.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// Widest line, counting a CJK character as two columns.
pub fn display_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Cuts text that would not fit in one cell, on a character boundary, and says so.
pub fn fit_cell(text: &str, truncated: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL_UNITS {
        return text.to_string();
    }
    let budget = MAX_CELL_UNITS - truncated.encode_utf16().count();
    let mut units = 0;
    let mut out = String::new();
    for c in text.chars() {
        units += c.len_utf16();
        if units > budget {
            break;
        }
        out.push(c);
    }
    out.push_str(truncated);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_numbers_are_rounded_to_what_they_mean() {
        assert_eq!(fraction(87.43).to_string(), "0.8743");
        assert_eq!(round2(0.1 + 0.2), 0.3);
    }

    #[test]
    fn column_names_follow_the_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn wrapped_lines_count_every_line_at_the_column_width() {
        assert_eq!(wrapped_lines("一二三四五六", 4), 3);
        assert_eq!(wrapped_lines("一\n二\n三", 20), 3);
        assert_eq!(wrapped_lines("", 20), 1);
    }
}
