//! Jobs that read or write files the user names: exports, a table to import,
//! attachments to store or open (`jobs::perform` hands these over).

use super::action::{Action, Effect};
use super::app::{ExportRequest, ExportTarget};
use super::jobs::Context;
use crate::clock;
use crate::export::table_import_text::import_report;
use crate::export::{ExportError, Folders, Overwrite, Selection};
use crate::i18n::errors::{export_error, ops_error};
use crate::i18n::{Lang, table_import};
use crate::ops;
use crate::ops::table_import::TableImportRequest;
use crate::progress::Progress;
use crate::store::Store;

pub fn perform(context: &Context, effect: Effect, progress: &dyn Progress) -> Vec<Action> {
    let store = &context.store;
    let lang = context.lang;
    match effect {
        Effect::Export(request) => vec![export(context, *request, progress)],
        Effect::StoreAttachments { code, paths } => {
            let paths: Vec<_> = paths.iter().map(|path| expand_home(path)).collect();
            match ops::attach::store_files(store, &paths, "") {
                Ok(stored) => vec![Action::AttachmentsStored {
                    code,
                    attachments: stored.into_iter().map(|s| s.attachment).collect(),
                }],
                Err(error) => vec![Action::Failed(ops_error(lang, &error))],
            }
        }
        Effect::OpenAttachment(attachment) => {
            let opened = store
                .attachment_path(&attachment)
                .ok_or_else(|| std::io::Error::other("not a SHA-256 hash"))
                .and_then(|path| super::opener::open_detached(&path));
            match opened {
                Ok(()) => vec![Action::Info((lang.ui().opening)(&attachment.file))],
                Err(error) => vec![Action::Failed(format!("{}: {error}", attachment.file))],
            }
        }
        Effect::ImportTable(request) => vec![import_table(store, request, lang)],
        _ => Vec::new(),
    }
}

/// Imports a table; a relative path or one starting with `~` is taken from the
/// current folder or the home folder, as a shell would.
fn import_table(store: &Store, mut request: TableImportRequest, lang: Lang) -> Action {
    let typed = request.file.display().to_string();
    if let Some(rest) = typed
        .strip_prefix("~/")
        .or_else(|| typed.strip_prefix("~\\"))
        && let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))
    {
        request.file = std::path::PathBuf::from(home).join(rest);
    }
    if request.file.is_relative()
        && let Ok(here) = std::env::current_dir()
    {
        request.file = here.join(&request.file);
    }
    match ops::table_import::import_table(store, &request) {
        Ok(outcome) => Action::TableImported(Ok(import_report(outcome.summary(), &typed, lang))),
        Err(error) => Action::TableImported(Err(table_import::error(lang, &error))),
    }
}

fn export(context: &Context, request: ExportRequest, progress: &dyn Progress) -> Action {
    let (selection, unsaved) = match &request.target {
        ExportTarget::Session { id, open } => (
            Selection::Sessions(vec![id.to_string()]),
            open.as_deref().cloned(),
        ),
        ExportTarget::Round(label) => (Selection::Round(label.clone()), None),
    };
    let typed = request.path.trim();
    let here = std::env::current_dir().unwrap_or_default();
    // The place field names a folder to put a package in (under its default name),
    // never the package's own folder: an existing folder is not merged into.
    let (target, default_dir) = match (request.format, typed.is_empty()) {
        (_, true) => (None, here),
        (crate::export::Format::Package, false) => (None, here.join(typed)),
        (_, false) => (Some(typed.into()), here),
    };
    let ops_request = ops::export::ExportRequest {
        selection,
        format: request.format,
        unit: context.unit.clone(),
        target,
        folders: Folders::Create,
        default_dir,
        overwrite: if request.replace {
            Overwrite::Replace
        } else {
            Overwrite::Never
        },
        unsaved,
        now: clock::now(),
        departments: Vec::new(),
    };
    match ops::export::export(&context.store, &ops_request, progress) {
        Ok(path) => Action::Exported(path.display().to_string()),
        Err(ExportError::Exists { path }) => {
            Action::ExportExists(Box::new(request), path.display().to_string())
        }
        Err(error) => Action::Failed(export_error(context.lang, &error)),
    }
}

/// `~/…` in a typed or pasted path is the home folder.
pub(super) fn expand_home(path: &str) -> std::path::PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}
