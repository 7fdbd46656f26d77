//! Worksheets of an .xlsx workbook, with merged ranges, via calamine.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, XlsxError};

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
        let range = workbook.worksheet_range(&name).map_err(corrupt)?;
        let merges = workbook.merge_cells_by_sheet_name(&name).map_err(corrupt)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let (height, width) = range.get_size();
        let grid: Vec<Vec<String>> = (0..height.min(MAX_ROWS))
            .map(|row| {
                (0..width.min(MAX_COLUMNS))
                    .map(|col| range.get((row, col)).map_or_else(String::new, cell_text))
                    .collect()
            })
            .collect();
        let merged: Vec<MergedRange> = merges
            .iter()
            .filter(|m| m.start.0 >= top && m.start.1 >= left)
            .map(|m| MergedRange {
                first_row: (m.start.0 - top) as usize,
                first_col: (m.start.1 - left) as usize,
                last_row: (m.end.0.saturating_sub(top)) as usize,
                last_col: (m.end.1.saturating_sub(left)) as usize,
            })
            .collect();
        tables.push(Table::from_grid(&name, grid, &merged, top as usize + 1));
    }
    Ok(tables)
}

fn cell_text(data: &Data) -> String {
    match data {
        Data::String(text) => text.clone(),
        Data::Float(value) => number_text(*value),
        Data::Int(value) => value.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(value) => value.to_string(),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}
