//! The blank form as a .docx document: A4 landscape, the header row repeated on
//! every page (`w:tblHeader`), section cells merged down their items (`w:vMerge`).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Shading, Table,
    TableCell, TableLayoutType, TableRow, VMergeType, WidthType,
};

use super::{Column, FILL_LINE, Form};
use crate::export::ExportError;
use crate::export::docx::schema;
use crate::model::scoring::format_points;

const BODY_FONT: &str = "宋体";
const TITLE_FONT: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";
/// A4 landscape in twentieths of a point, with 1.5 cm margins.
const PAGE_WIDTH: u32 = 16_838;
const PAGE_HEIGHT: u32 = 11_906;
const MARGIN: i32 = 851;
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;
/// Half-points: 二号 title, 小五 table text.
const TITLE_SIZE: usize = 36;
const BODY_SIZE: usize = 21;
const TABLE_SIZE: usize = 18;

pub fn render(form: &Form) -> Result<Vec<u8>, ExportError> {
    let doc = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text(&form.title)
                    .bold()
                    .size(TITLE_SIZE)
                    .fonts(fonts(TITLE_FONT)),
            ),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(FILL_LINE)))
        .add_table(table(form))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(&form.subtitle).size(TABLE_SIZE)),
        );
    let mut xml = doc.build();
    xml.document = in_schema_order(&repeat_header_rows(&xml.document))?;
    xml.styles = in_schema_order(&xml.styles)?;
    let mut buffer = Cursor::new(Vec::new());
    xml.pack(&mut buffer)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(buffer.into_inner())
}

/// Chinese text in `east_asia`, Latin text in Times New Roman (as in the report).
fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
}

/// docx-rs writes run and paragraph properties out of the schema's order (w:sz and
/// w:b before w:rFonts, w:rPr before w:jc); Word drops such run properties, and with
/// them 宋体 and 黑体. The part is put into the schema's order before packing.
fn in_schema_order(part: &[u8]) -> Result<Vec<u8>, ExportError> {
    let text = String::from_utf8_lossy(part);
    schema::in_schema_order(&text)
        .map(String::into_bytes)
        .map_err(ExportError::Docx)
}

/// docx-rs cannot mark a header row; the header row alone is written `cantSplit`,
/// and gets `tblHeader` beside it here so Word repeats it on every page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let marked = text.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1);
    marked.into_bytes()
}

fn widths(form: &Form) -> Vec<usize> {
    let total: usize = form.columns.iter().map(|(c, _)| c.share()).sum();
    form.columns
        .iter()
        .map(|(c, _)| TEXT_WIDTH * c.share() / total.max(1))
        .collect()
}

fn cell(text: &str, width: usize, bold: bool) -> TableCell {
    let mut run = Run::new().size(TABLE_SIZE).fonts(fonts(BODY_FONT));
    if bold {
        run = run.bold();
    }
    let mut paragraph = Paragraph::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(run.clone().add_break(docx_rs::BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(run.clone().add_text(line));
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(paragraph)
}

fn table(form: &Form) -> Table {
    let widths = widths(form);
    let header = TableRow::new(
        form.columns
            .iter()
            .zip(&widths)
            .map(|((_, name), width)| {
                cell(name, *width, true).shading(Shading::new().fill("DDE6F0"))
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    let levels = form.level_count();
    for row in &form.rows {
        let cells = form
            .texts(row)
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(col, (text, width))| {
                if (1..=levels).contains(&col) {
                    match row.levels[col - 1].span {
                        0 => return cell("", *width, false).vertical_merge(VMergeType::Continue),
                        1 => {}
                        _ => return cell(text, *width, false).vertical_merge(VMergeType::Restart),
                    }
                }
                cell(text, *width, false)
            })
            .collect();
        rows.push(TableRow::new(cells));
    }
    let points_col = form
        .columns
        .iter()
        .position(|(c, _)| *c == Column::Points)
        .unwrap_or(1);
    let mut total = vec![
        cell("合计", widths[..points_col].iter().sum(), true).grid_span(points_col),
        cell(&format_points(form.total), widths[points_col], true),
    ];
    total.extend(widths[points_col + 1..].iter().map(|w| cell("", *w, false)));
    rows.push(TableRow::new(total));
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}
