//! The blank form as an .xlsx sheet: A4 landscape, fitted to the page width, the
//! header row printed on every page, section cells merged down their items.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{Column, FILL_LINE, Form};

/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Display cells per unit of a column's share of the page.
const WIDTH_PER_SHARE: f64 = 1.6;

pub fn render(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("检查表")?;
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    sheet.set_footer(format!("&L{}&R第 &P 页 / 共 &N 页", form.subtitle));
    let last_col = (form.columns.len() - 1) as u16;
    let border = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let header = border.clone().set_bold().set_align(FormatAlign::Center);
    let centered = border.clone().set_align(FormatAlign::Center);

    sheet.merge_range(0, 0, 0, last_col, &form.title, &title)?;
    sheet.merge_range(1, 0, 1, last_col, FILL_LINE, &Format::new())?;
    for (col, (kind, name)) in form.columns.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *name, &header)?;
        let share = kind.share() as f64 * WIDTH_PER_SHARE;
        sheet.set_column_width(col as u16, share.max(name.width() as f64 + 2.0))?;
    }
    sheet.set_repeat_rows(2, 2)?;

    let first = 3u32;
    let levels = form.level_count();
    for (index, row) in form.rows.iter().enumerate() {
        let at = first + index as u32;
        for (col, text) in form.texts(row).iter().enumerate() {
            let col16 = col as u16;
            let format = match form.columns[col].0 {
                Column::Code | Column::Points => &centered,
                _ => &border,
            };
            if (1..=levels).contains(&col) {
                let level = &row.levels[col - 1];
                match level.span {
                    0 => continue,
                    1 => {}
                    span => {
                        let last = at + span as u32 - 1;
                        sheet.merge_range(at, col16, last, col16, text, format)?;
                        continue;
                    }
                }
            }
            if text.is_empty() {
                sheet.write_blank(at, col16, format)?;
            } else {
                sheet.write_string_with_format(at, col16, text, format)?;
            }
        }
    }
    let total_row = first + form.rows.len() as u32;
    let points_col = form
        .columns
        .iter()
        .position(|(c, _)| *c == Column::Points)
        .unwrap_or(0) as u16;
    sheet.merge_range(total_row, 0, total_row, points_col - 1, "合计", &header)?;
    sheet.write_number_with_format(total_row, points_col, form.total, &centered)?;
    for col in points_col + 1..=last_col {
        sheet.write_blank(total_row, col, &border)?;
    }
    workbook.save_to_buffer()
}
