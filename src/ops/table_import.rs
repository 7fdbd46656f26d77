//! `zicha checklists import`: an office's Word or Excel table → a checklist file in
//! the user's checklists folder (or `-o`), versioned against the one already known.
//! Nothing is written unless the whole table was read and the result validates.

use std::path::{Path, PathBuf};

use crate::export::table_import_text::ImportSummary;
use crate::model::checklist::Checklist;
use crate::model::table_import::header::find_header;
use crate::model::table_import::{
    ImportOptions, Report, Revision, Table, TableError, id_from_file_name, import_tables, revise,
};
use crate::model::validate::{is_valid_id, validate};
use crate::store::atomic::{Expect, write_atomic};
use crate::store::checklist_file::parse_checklist;
use crate::store::checklist_text::encode_checklist;
use crate::store::table_read::{TableFileError, read_tables};
use crate::store::{Store, StoreError};

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableImportRequest {
    pub file: PathBuf,
    pub id: Option<String>,
    pub title: Option<String>,
    pub sheet: Option<String>,
    /// Where to write; the user's checklists folder when `None`.
    pub output: Option<PathBuf>,
}

/// What the import made and where it went.
#[derive(Debug, Clone, PartialEq)]
pub struct TableImported {
    pub checklist: Checklist,
    pub report: Report,
    pub revision: Revision,
    pub path: PathBuf,
    /// False when the file there already said the same.
    pub written: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum TableImportError {
    #[error(transparent)]
    File(#[from] TableFileError),
    #[error("{file}: {error}")]
    Table { file: String, error: TableError },
    #[error("--id {0:?} must be 1–64 characters of a-z, 0-9 and '-'")]
    BadId(String),
    #[error("{file}: the checklist made from it does not validate: {}", problems.join("; "))]
    Invalid { file: String, problems: Vec<String> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads the table, makes the checklist, versions it, and writes it.
pub fn import_table(
    store: &Store,
    request: &TableImportRequest,
) -> Result<TableImported, TableImportError> {
    let file_label = request.file.display().to_string();
    let mut tables = read_tables(&request.file, request.sheet.as_deref())?;
    if request.sheet.is_none() {
        tables = first_sheet_with_header(tables);
    }
    let stem = request
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = match &request.id {
        Some(id) if is_valid_id(id.trim()) => id.trim().to_string(),
        Some(bad) => return Err(TableImportError::BadId(bad.clone())),
        None => id_from_file_name(&stem),
    };
    let options = ImportOptions {
        id: id.clone(),
        title: request.title.clone(),
        file_stem: stem,
    };
    let imported = import_tables(&tables, &options).map_err(|error| TableImportError::Table {
        file: file_label.clone(),
        error,
    })?;
    let mut checklist = imported.checklist;
    let previous = store
        .catalog()
        .latest(&id)
        .map(|entry| entry.checklist.clone());
    let revision = revise(&mut checklist, previous.as_deref());
    let problems = validate(&checklist);
    if !problems.is_empty() {
        return Err(TableImportError::Invalid {
            file: file_label,
            problems: problems.iter().map(ToString::to_string).collect(),
        });
    }
    let name = request
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = encode_checklist(
        &checklist,
        &[format!(
            "由 zicha checklists import 从 {name} 生成;可直接编辑,zicha check 检查。"
        )],
    );
    let path = request
        .output
        .clone()
        .unwrap_or_else(|| store.checklists_dir().join(format!("{id}.ron")));
    let written = if same_checklist_at(&path, &checklist) {
        false
    } else {
        write_atomic(store.file_ops(), &path, text.as_bytes(), Expect::Anything)
            .map_err(StoreError::from)?;
        store.refresh_catalog();
        true
    };
    Ok(TableImported {
        checklist,
        report: imported.report,
        revision,
        path,
        written,
    })
}

/// A workbook without `--sheet`: the first sheet with a recognisable header, so a
/// 说明 sheet before the table or a second year's sheet after it is left alone.
fn first_sheet_with_header(tables: Vec<Table>) -> Vec<Table> {
    let sheets = tables.iter().all(|t| !t.name.is_empty());
    if !sheets || tables.len() < 2 {
        return tables;
    }
    match tables.iter().position(|t| find_header(&t.rows).is_some()) {
        Some(index) => tables.into_iter().skip(index).take(1).collect(),
        None => tables,
    }
}

fn same_checklist_at(path: &Path, checklist: &Checklist) -> bool {
    crate::store::safe_fs::read_capped_nofollow(path, crate::store::safe_fs::MAX_SESSION_BYTES)
        .ok()
        .and_then(|bytes| parse_checklist(&bytes, "").ok())
        .is_some_and(|existing| existing == *checklist)
}

impl TableImported {
    /// The parts the report is written from.
    pub fn summary(&self) -> ImportSummary<'_> {
        ImportSummary {
            checklist: &self.checklist,
            report: &self.report,
            revision: &self.revision,
            path: &self.path,
            written: self.written,
        }
    }
}
