//! An office's own 测评细则 table → a checklist, with a report of what was understood
//! and what was not (DESIGN §13). Pure: the readers in `store::table_read` turn Word
//! and Excel files into [`Table`]s of text cells; everything else happens here.

mod assemble;
mod build;
mod draft;
pub mod header;
mod naming;
mod numbers;
mod report;
mod revise;
mod row;
mod scoring;
#[cfg(test)]
mod tests;

pub use build::import_tables;
pub use naming::id_from_file_name;
pub use report::{Kind, Noted, Report, RowNote, RowRef, TableInfo, Unread, Warning};
pub use revise::{Revision, revise};

/// How a cell came to hold its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    /// Its own text (or the first cell of a merged range).
    #[default]
    Own,
    /// Covered by a range merged from a cell to its left on the same row.
    Left,
    /// Covered by a range merged from a row above.
    Above,
}

/// One cell, with merged ranges already spread: every covered cell holds the text
/// of the range's first cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub merge: Merge,
}

impl Cell {
    pub fn new(text: &str) -> Cell {
        Cell {
            text: text.to_string(),
            merge: Merge::Own,
        }
    }
}

/// A row with the number the spreadsheet or Word table shows for it (1-based,
/// counting title and header rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// One table: a worksheet, or a table of a Word document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The sheet name, or empty for a Word table.
    pub name: String,
    /// Paragraphs just before a Word table (its title is usually there).
    pub caption: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// A merged range, 0-based and inclusive, in the grid's own coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergedRange {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

impl Table {
    /// Builds a table from rows of text and the merged ranges over them; `first_number`
    /// is the number shown for the first row. Covered cells take the range's text.
    pub fn from_grid(
        name: &str,
        grid: Vec<Vec<String>>,
        merges: &[MergedRange],
        first_number: usize,
    ) -> Table {
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        let mut rows: Vec<TableRow> = grid
            .into_iter()
            .enumerate()
            .map(|(index, texts)| {
                let mut cells: Vec<Cell> = texts.iter().map(|t| Cell::new(t)).collect();
                cells.resize(width, Cell::default());
                TableRow {
                    number: first_number + index,
                    cells,
                }
            })
            .collect();
        for range in merges {
            let Some(text) = rows
                .get(range.first_row)
                .and_then(|row| row.cells.get(range.first_col))
                .map(|cell| cell.text.clone())
            else {
                continue;
            };
            for row in range.first_row..=range.last_row.min(rows.len().saturating_sub(1)) {
                for col in range.first_col..=range.last_col.min(width.saturating_sub(1)) {
                    if row == range.first_row && col == range.first_col {
                        continue;
                    }
                    rows[row].cells[col] = Cell {
                        text: text.clone(),
                        merge: if row > range.first_row {
                            Merge::Above
                        } else {
                            Merge::Left
                        },
                    };
                }
            }
        }
        Table {
            name: name.to_string(),
            caption: Vec::new(),
            rows,
        }
    }
}

/// What the user gave beside the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    pub id: String,
    /// `--title`; without it the table's title row, else `file_stem`.
    pub title: Option<String>,
    pub file_stem: String,
}

/// Why a table could not become a checklist at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TableError {
    #[error(
        "no header row recognised; found: {}; expected column names such as: {}",
        found.join(", "),
        expected.join(", ")
    )]
    NoHeader {
        found: Vec<String>,
        expected: Vec<&'static str>,
    },
    #[error("the table is empty: no item rows under the header")]
    Empty,
}

/// A checklist made from a table, and what was made of each row.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub checklist: crate::model::checklist::Checklist,
    pub report: Report,
}
