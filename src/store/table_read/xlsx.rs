//! Worksheets of an .xlsx workbook, with merged ranges, via calamine; cells are
//! streamed and only the first rows and columns kept, so memory stays bounded.

use std::io::Cursor;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::{MAX_COLUMNS, MAX_ROWS, TableFileError, number_text};
use crate::model::table_import::{MergedRange, Table};

pub(super) fn read(
    path: &Path,
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<Vec<Table>, TableFileError> {
    let corrupt = |error: XlsxError| match error {
        XlsxError::Password => TableFileError::Password {
            path: path.to_path_buf(),
        },
        other => TableFileError::Corrupt {
            path: path.to_path_buf(),
            kind: "xlsx",
            detail: other.to_string(),
        },
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let names = workbook.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(wanted) => {
            let found = names.iter().find(|name| name.trim() == wanted.trim());
            match found {
                Some(name) => vec![name.clone()],
                None => {
                    return Err(TableFileError::NoSuchSheet {
                        path: path.to_path_buf(),
                        wanted: wanted.to_string(),
                        found: names,
                    });
                }
            }
        }
        None => names,
    };
    let mut tables = Vec::new();
    for name in wanted {
        let merges = workbook.merge_cells_by_sheet_name(&name).map_err(corrupt)?;
        let cells = used_cells(&mut workbook, &name).map_err(corrupt)?;
        let top = cells.iter().map(|(row, _, _)| *row).min().unwrap_or(0);
        let left = cells.iter().map(|(_, col, _)| *col).min().unwrap_or(0);
        let height = cells
            .iter()
            .map(|(row, _, _)| row + 1 - top)
            .max()
            .unwrap_or(0);
        let width = cells
            .iter()
            .map(|(_, col, _)| col + 1 - left)
            .max()
            .unwrap_or(0);
        let mut grid = vec![vec![String::new(); width]; height];
        for (row, col, text) in cells {
            grid[row - top][col - left] = text;
        }
        let merged: Vec<MergedRange> = merges
            .iter()
            .map(|m| {
                (
                    m.start.0 as usize,
                    m.start.1 as usize,
                    m.end.0 as usize,
                    m.end.1 as usize,
                )
            })
            .filter(|(r0, c0, _, _)| {
                *r0 >= top && *c0 >= left && *r0 < top + height && *c0 < left + width
            })
            .map(|(r0, c0, r1, c1)| MergedRange {
                first_row: r0 - top,
                first_col: c0 - left,
                last_row: r1.saturating_sub(top).min(height.saturating_sub(1)),
                last_col: c1.saturating_sub(left).min(width.saturating_sub(1)),
            })
            .collect();
        tables.push(Table::from_grid(&name, grid, &merged, top + 1));
    }
    Ok(tables)
}

/// The most cells looked at in one sheet, whatever the file claims.
const MAX_CELLS_READ: usize = 2_000_000;

/// The sheet's non-empty cells within the first rows and columns, streamed: a sheet
/// that claims a cell far away (XFD1048576) costs nothing.
fn used_cells(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<(usize, usize, String)>, XlsxError> {
    let mut reader = workbook.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    let mut seen = 0;
    while let Some(cell) = reader.next_cell()? {
        seen += 1;
        if seen > MAX_CELLS_READ {
            break;
        }
        let (row, col) = cell.get_position();
        let (row, col) = (row as usize, col as usize);
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            continue;
        }
        let text = cell_text(cell.get_value());
        if !text.trim().is_empty() {
            cells.push((row, col, text));
        }
    }
    Ok(cells)
}

fn cell_text(data: &DataRef) -> String {
    match data {
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            text.clone()
        }
        DataRef::SharedString(text) => (*text).to_string(),
        DataRef::Float(value) => number_text(*value),
        DataRef::Int(value) => value.to_string(),
        DataRef::Bool(value) => value.to_string(),
        DataRef::DateTime(value) => value.to_string(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}
