//! Commands on checklists: list them, validate files, import an office's table,
//! print a blank form.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use clap::{Args, Subcommand};

use super::{Context, Problems, print};
use crate::export::form;
use crate::export::table_import_text::import_report;
use crate::export::{self, Overwrite, text};
use crate::i18n::errors::{export_error, store_error};
use crate::i18n::table_import;
use crate::model::checklist::Checklist;
use crate::model::scoring::format_points;
use crate::model::text::sanitize_line;
use crate::ops::table_import::TableImportRequest;
use crate::store::checklist_file::{FileProblem, parse_checklist};
use crate::store::safe_fs;
use crate::store::{Store, StoreError};

#[derive(Debug, Args)]
pub struct ChecklistsArgs {
    #[command(subcommand)]
    pub action: Option<ChecklistsAction>,
}

#[derive(Debug, Subcommand)]
pub enum ChecklistsAction {
    /// Turn an office's Word or Excel table (测评细则) into a checklist file
    Import {
        /// An .xlsx workbook or a .docx document
        file: PathBuf,
        /// The checklist id (default: from the file name, in pinyin)
        #[arg(long)]
        id: Option<String>,
        /// The checklist title (default: the table's title row, else the file name)
        #[arg(long)]
        title: Option<String>,
        /// The worksheet to read (default: the first with a recognisable header)
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Where to write the checklist (default: the data folder's checklists/ID.ron)
        #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
    /// Write a blank printable form of a checklist (A4 landscape) for walks on paper
    Form {
        /// A checklist id, or a checklist file
        id: String,
        /// xlsx | docx
        #[arg(long, default_value = "docx", value_parser = ["xlsx", "docx"])]
        format: String,
        /// A file, or an existing folder for the default name (default: the current folder)
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
}

pub fn run(context: &Context, args: ChecklistsArgs) -> Result<()> {
    match args.action {
        None => checklists(context),
        Some(ChecklistsAction::Import {
            file,
            id,
            title,
            sheet,
            output,
        }) => import(
            context,
            &TableImportRequest {
                file,
                id,
                title,
                sheet,
                output: output.map(absolute).transpose()?,
            },
        ),
        Some(ChecklistsAction::Form {
            id,
            format,
            output,
            force,
        }) => form(context, &id, &format, output, force),
    }
}

fn import(context: &Context, request: &TableImportRequest) -> Result<()> {
    let store = context.store()?;
    let outcome = crate::ops::table_import::import_table(&store, request)
        .map_err(|error| anyhow!(table_import::error(context.lang, &error)))?;
    let file = request.file.display().to_string();
    let mut out = String::new();
    for line in import_report(outcome.summary(), &file, context.lang) {
        out.push_str(&line.text);
        out.push('\n');
    }
    print(&out);
    Ok(())
}

fn form(
    context: &Context,
    id: &str,
    format: &str,
    output: Option<PathBuf>,
    force: bool,
) -> Result<()> {
    let store = context.store()?;
    let checklist =
        checklist_named(&store, id).map_err(|error| anyhow!(store_error(context.lang, &error)))?;
    let layout = form::layout(&checklist);
    let said = |error: export::ExportError| anyhow!(export_error(context.lang, &error));
    let bytes = if format == "xlsx" {
        form::render_xlsx(&layout).map_err(|e| said(export::ExportError::from(e)))?
    } else {
        form::render_docx(&layout).map_err(said)?
    };
    let name = export::safe_file_name(
        &format!("{}_空白检查表_v{}", checklist.title, checklist.version),
        format,
    );
    let path = match output.map(absolute).transpose()? {
        Some(path) if path.is_dir() => path.join(name),
        Some(path) => path,
        None => absolute(PathBuf::from(name))?,
    };
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Never
    };
    export::write_file(&path, &bytes, overwrite).map_err(said)?;
    let t = table_import::texts(context.lang);
    println!(
        "{}",
        sanitize_line(&(t.form_written)(
            &path.display().to_string(),
            &checklist.id,
            checklist.version,
            checklist.items().len()
        ))
    );
    Ok(())
}

/// A path from the command line, made absolute against the current folder.
fn absolute(path: PathBuf) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path);
    }
    let here = std::env::current_dir().context("cannot find the current folder")?;
    Ok(here.join(path))
}

/// A checklist by id (the version `zicha new` would use), or read from a file.
fn checklist_named(store: &Store, id: &str) -> Result<Checklist, StoreError> {
    let path = Path::new(id);
    if id.ends_with(".ron") && path.is_file() {
        let read = safe_fs::read_capped(path, safe_fs::MAX_SESSION_BYTES, safe_fs::Links::Follow);
        let bytes = read.map_err(|e| StoreError::Io {
            action: "read",
            path: path.to_path_buf(),
            source: e,
        })?;
        return parse_checklist(&bytes, id).map_err(StoreError::BadChecklist);
    }
    let catalog = store.catalog();
    match catalog.latest(id) {
        Some(entry) => Ok(entry.checklist.as_ref().clone()),
        None => Err(StoreError::UnknownChecklist {
            id: id.to_string(),
            available: catalog
                .latest_all()
                .iter()
                .map(|e| e.checklist.id.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

pub fn checklists(context: &Context) -> Result<()> {
    let store = context.store()?;
    let catalog = store.catalog();
    let t = context.lang.texts();
    let rows: Vec<Vec<String>> = catalog
        .latest_all()
        .iter()
        .map(|entry| {
            let c = &entry.checklist;
            let base: f64 = c
                .items()
                .iter()
                .filter(|i| i.is_base())
                .map(|i| i.points)
                .sum();
            let source = match &entry.source {
                crate::store::catalog::Source::Builtin(_) => t.builtin.to_string(),
                crate::store::catalog::Source::User(path) => {
                    format!("{} {}", t.user_file, path.display())
                }
                crate::store::catalog::Source::Archive(_) => t.archived.to_string(),
            };
            vec![
                c.id.clone(),
                format!("v{}", c.version),
                sanitize_line(&c.title),
                c.items().len().to_string(),
                format_points(base),
                sanitize_line(&source),
            ]
        })
        .collect();
    print(&text::table(
        &["id", "ver", t.checklist, t.items, t.points, ""],
        &rows,
    ));
    if !catalog.problems.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for problem in &catalog.problems {
            writeln!(stderr, "{}", sanitize_line(&problem.to_string()))?;
        }
    }
    Ok(())
}

pub fn check(context: &Context, files: &[PathBuf]) -> Result<()> {
    let t = context.lang.cli();
    let mut problems: Vec<FileProblem> = Vec::new();
    for path in files {
        let label = path.display().to_string();
        // A path typed by the user may be a link of theirs; never a FIFO, never huge.
        let read = safe_fs::read_capped(path, safe_fs::MAX_SESSION_BYTES, safe_fs::Links::Follow);
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(FileProblem {
                    file: label,
                    place: None,
                    message: (t.cannot_read)(&error.to_string()),
                });
                continue;
            }
        };
        match parse_checklist(&bytes, &label) {
            Ok(checklist) => {
                let items = checklist.items();
                let base: f64 = items.iter().filter(|i| i.is_base()).map(|i| i.points).sum();
                println!(
                    "{}",
                    (t.checklist_ok)(
                        &sanitize_line(&label),
                        &checklist.id,
                        checklist.version,
                        items.len(),
                        &format_points(base)
                    )
                );
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems.iter().map(ToString::to_string).collect()).into())
    }
}
