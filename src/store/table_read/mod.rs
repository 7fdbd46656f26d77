//! Reading an office's Word or Excel table into text cells, merged ranges spread
//! (DESIGN §13). Only reading: what the cells mean is `model::table_import`'s job.

mod docx;
mod xlsx;

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::model::table_import::Table;

/// The largest table file read (a 测评细则 is a few hundred kilobytes).
pub const MAX_TABLE_FILE_BYTES: u64 = 50 << 20;
/// The most rows and columns taken from one table.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum TableFileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    #[error("{path} is larger than {} MiB; a table of items is far smaller", MAX_TABLE_FILE_BYTES >> 20)]
    TooLarge { path: PathBuf },
    #[error("{path} is password-protected; save a copy without a password and import that")]
    Password { path: PathBuf },
    #[error("{path} is an old binary .doc/.xls file; save it as .docx or .xlsx and import that")]
    OldFormat { path: PathBuf },
    #[error("{path} is neither an .xlsx workbook nor a .docx document")]
    UnknownKind { path: PathBuf },
    #[error("{path} is damaged or not really a {kind} file: {detail}")]
    Corrupt {
        path: PathBuf,
        kind: &'static str,
        detail: String,
    },
    #[error("{path} has no sheet {wanted:?}; its sheets: {}", found.join(", "))]
    NoSuchSheet {
        path: PathBuf,
        wanted: String,
        found: Vec<String>,
    },
}

/// Which reader a file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Xlsx,
    Docx,
}

/// Reads the tables of a file: the sheets of a workbook (only `sheet` when given),
/// or the tables of a Word document with the paragraphs before each.
pub fn read_tables(path: &Path, sheet: Option<&str>) -> Result<Vec<Table>, TableFileError> {
    let bytes = read_capped(path)?;
    let kind = kind_of(path, &bytes)?;
    match kind {
        TableKind::Xlsx => xlsx::read(path, bytes, sheet),
        TableKind::Docx => docx::read(path, &bytes),
    }
}

fn read_capped(path: &Path) -> Result<Vec<u8>, TableFileError> {
    let error = |source| TableFileError::Read {
        path: path.to_path_buf(),
        source,
    };
    // Asked before opening: opening a FIFO would wait for a writer.
    if !std::fs::metadata(path).map_err(error)?.is_file() {
        return Err(TableFileError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(error)?;
    let mut bytes = Vec::new();
    file.take(MAX_TABLE_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(error)?;
    if bytes.len() as u64 > MAX_TABLE_FILE_BYTES {
        return Err(TableFileError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// An encrypted Office file is an OLE compound file holding an "EncryptedPackage".
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn kind_of(path: &Path, bytes: &[u8]) -> Result<TableKind, TableFileError> {
    let path_buf = || path.to_path_buf();
    if bytes.starts_with(&OLE_MAGIC) {
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Err(if bytes.windows(marker.len()).any(|w| w == marker) {
            TableFileError::Password { path: path_buf() }
        } else {
            TableFileError::OldFormat { path: path_buf() }
        });
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" => Ok(TableKind::Xlsx),
        "docx" | "docm" => Ok(TableKind::Docx),
        _ if contains(bytes, b"word/document.xml") => Ok(TableKind::Docx),
        _ if contains(bytes, b"xl/workbook.xml") => Ok(TableKind::Xlsx),
        _ => Err(TableFileError::UnknownKind { path: path_buf() }),
    }
}

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// A number as a person writes it: 10 not 10.0, 0.5 as it is.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_far_away_cell_neither_costs_memory_nor_moves_row_numbers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("far.xlsx");
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(1, 0, "测评项目").expect("cell");
        sheet.write_string(1, 1, "分值").expect("cell");
        sheet.write_number(2, 1, 10.0).expect("cell");
        sheet.write_string(1_048_575, 16_383, "远处").expect("cell");
        workbook.save(&path).expect("save");
        let tables = read_tables(&path, None).expect("reads");
        let rows = &tables[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].number, 2, "the sheet's own row number");
        assert_eq!(rows[1].cells[1].text, "10");
        assert_eq!(rows[0].cells.len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pipe.xlsx");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        assert!(matches!(
            read_tables(&path, None),
            Err(TableFileError::NotAFile { .. })
        ));
    }

    #[test]
    fn kinds_by_extension_and_content() {
        let path = Path::new("x.bin");
        assert_eq!(
            kind_of(path, b"PK..word/document.xml..").ok(),
            Some(TableKind::Docx)
        );
        assert_eq!(
            kind_of(path, b"PK..xl/workbook.xml..").ok(),
            Some(TableKind::Xlsx)
        );
        assert!(matches!(
            kind_of(path, b"plain text"),
            Err(TableFileError::UnknownKind { .. })
        ));
        let mut old = OLE_MAGIC.to_vec();
        old.extend(b"WordDocument");
        assert!(matches!(
            kind_of(Path::new("a.doc"), &old),
            Err(TableFileError::OldFormat { .. })
        ));
        assert_eq!(number_text(10.0), "10");
        assert_eq!(number_text(0.5), "0.5");
    }
}
