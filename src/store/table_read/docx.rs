//! Tables of a .docx document, with merged cells (`w:gridSpan` across, `w:vMerge`
//! down), and the paragraphs before each table (where its title usually is).

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{MAX_COLUMNS, MAX_ROWS, TableFileError};
use crate::model::table_import::{Cell, Merge, Table, TableRow};

/// The most text taken from word/document.xml once unpacked.
const MAX_DOCUMENT_XML: u64 = 64 << 20;
/// Paragraphs kept before a table as its caption.
const CAPTION_PARAGRAPHS: usize = 4;

pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Table>, TableFileError> {
    let corrupt = |detail: String| TableFileError::Corrupt {
        path: path.to_path_buf(),
        kind: "docx",
        detail,
    };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| corrupt("it has no word/document.xml".into()))?;
    let mut xml = String::new();
    (&mut entry)
        .take(MAX_DOCUMENT_XML)
        .read_to_string(&mut xml)
        .map_err(|e| corrupt(e.to_string()))?;
    parse_document(&xml).map_err(corrupt)
}

#[derive(Debug, Default)]
struct RawCell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
}

#[derive(Debug, Default)]
struct RawRow {
    skipped: usize,
    cells: Vec<RawCell>,
}

#[derive(Debug, Default)]
struct State {
    tables: Vec<Table>,
    paragraphs: Vec<String>,
    paragraph: String,
    depth: usize,
    rows: Vec<RawRow>,
    in_text: bool,
}

/// Reads tables out of document.xml; tables inside a cell add their text to that cell.
fn parse_document(xml: &str) -> Result<Vec<Table>, String> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => state.start(&e),
            Event::Empty(e) => {
                state.start(&e);
                state.end(e.local_name().as_ref());
            }
            Event::End(e) => state.end(e.local_name().as_ref()),
            Event::Text(text) if state.in_text => {
                let content = text.xml10_content();
                state.push_text(&content);
            }
            Event::GeneralRef(reference) if state.in_text => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*reference {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    state.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.tables)
}

fn value_of(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "val")
        .map(|a| a.value.to_string())
}

impl State {
    fn start(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            "tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.rows.clear();
                }
            }
            "tr" if self.depth == 1 && self.rows.len() < MAX_ROWS => {
                self.rows.push(RawRow::default())
            }
            "tc" if self.depth == 1 => {
                if let Some(row) = self.rows.last_mut() {
                    row.cells.push(RawCell {
                        span: 1,
                        ..RawCell::default()
                    });
                }
            }
            "gridSpan" if self.depth == 1 => {
                let span = value_of(e).and_then(|v| v.parse().ok()).unwrap_or(1usize);
                if let Some(cell) = self.cell() {
                    cell.span = span.clamp(1, MAX_COLUMNS);
                }
            }
            "vMerge" if self.depth == 1 => {
                let restart = value_of(e).is_some_and(|v| v == "restart");
                if let Some(cell) = self.cell() {
                    cell.vmerge = Some(restart);
                }
            }
            "gridBefore" if self.depth == 1 => {
                let skipped = value_of(e).and_then(|v| v.parse().ok()).unwrap_or(0usize);
                if let Some(row) = self.rows.last_mut() {
                    row.skipped = skipped.min(MAX_COLUMNS);
                }
            }
            "t" => self.in_text = true,
            "tab" => self.push_text(" "),
            "br" | "cr" => self.push_text("\n"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "p" => {
                if self.depth > 0 {
                    self.push_text("\n");
                } else {
                    let paragraph = std::mem::take(&mut self.paragraph);
                    if !paragraph.trim().is_empty() {
                        self.paragraphs.push(paragraph.trim().to_string());
                    }
                }
            }
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    let rows = std::mem::take(&mut self.rows);
                    let start = self.paragraphs.len().saturating_sub(CAPTION_PARAGRAPHS);
                    let caption = self.paragraphs.split_off(start);
                    self.paragraphs.clear();
                    let mut table = build_table(rows);
                    table.caption = caption;
                    self.tables.push(table);
                }
            }
            _ => {}
        }
    }

    fn cell(&mut self) -> Option<&mut RawCell> {
        self.rows.last_mut()?.cells.last_mut()
    }

    fn push_text(&mut self, text: &str) {
        if self.depth == 0 {
            self.paragraph.push_str(text);
        } else if let Some(cell) = self.cell() {
            cell.text.push_str(text);
        }
    }
}

/// Lays raw rows on the table's grid: a spanned cell covers the columns to its right,
/// a continued vertical merge takes the text of the cell above.
fn build_table(raw: Vec<RawRow>) -> Table {
    let mut rows: Vec<TableRow> = Vec::with_capacity(raw.len());
    for (index, raw_row) in raw.into_iter().enumerate() {
        let mut cells: Vec<Cell> = vec![Cell::default(); raw_row.skipped];
        for raw_cell in raw_row.cells {
            let col = cells.len();
            if col >= MAX_COLUMNS {
                break;
            }
            let above = rows.last().and_then(|row| row.cells.get(col));
            let own = raw_cell.text.trim().to_string();
            let (text, merge) = match (raw_cell.vmerge, above) {
                (Some(false), Some(above)) => (above.text.clone(), Merge::Above),
                _ => (own, Merge::Own),
            };
            for offset in 0..raw_cell.span {
                let merge = if offset == 0 {
                    merge
                } else if merge == Merge::Above {
                    Merge::Above
                } else {
                    Merge::Left
                };
                cells.push(Cell {
                    text: text.clone(),
                    merge,
                });
            }
        }
        cells.truncate(MAX_COLUMNS);
        rows.push(TableRow {
            number: index + 1,
            cells,
        });
    }
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for row in &mut rows {
        row.cells.resize(width, Cell::default());
    }
    Table {
        name: String::new(),
        caption: Vec::new(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn cell(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn spans_and_vertical_merges_are_spread() {
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>测评细则 &amp; 说明</w:t></w:r></w:p><w:tbl>\
             <w:tr>{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             </w:tbl></w:body></w:document>",
            cell("标题", r#"<w:gridSpan w:val="3"/>"#),
            cell("", ""),
            cell("领导班子", r#"<w:vMerge w:val="restart"/>"#),
            cell("学习", ""),
            cell("4", ""),
            cell("", "<w:vMerge/>"),
            cell("团结", ""),
            cell("3", ""),
        );
        let tables = parse_document(&xml).expect("parses");
        assert_eq!(tables.len(), 1);
        let table = &tables[0];
        assert_eq!(table.caption, ["测评细则 & 说明"]);
        let texts: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(texts[0], ["标题", "标题", "标题", ""]);
        assert_eq!(texts[2], ["领导班子", "团结", "3", ""]);
        assert_eq!(table.rows[0].cells[1].merge, Merge::Left);
        assert_eq!(table.rows[2].cells[0].merge, Merge::Above);
        assert_eq!(table.rows[2].number, 3);
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse_document("<w:document><w:body><w:tbl></w:body>").is_err());
    }
}
