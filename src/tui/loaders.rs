//! Effects that read across sessions for the compare, history and ledger screens,
//! close rectifications, write exports and import tables. Called by the runner; all I/O.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use uuid::Uuid;

use super::action::{Action, CompareData, CompareSource, HistoryData};
use super::app::{ExportRequest, ExportTarget, SessionLabel};
use crate::clock;
use crate::export::table_import_text::import_report;
use crate::export::{self, Options, Overwrite, Report, Selection, SessionReport};
use crate::i18n::{Lang, table_import};
use crate::model::checklist::Checklist;
use crate::model::compare::{Inspection, compare};
use crate::model::edit::close_rectification as close;
use crate::model::ledger::{LedgerScope, ledger};
use crate::model::session::{RectificationDone, Session};
use crate::store::table_import::TableImportRequest;
use crate::store::{Store, StoreError};

pub fn load_compare(store: &Store, source: CompareSource, no_prior: &str) -> Action {
    let result = (|| -> Result<Option<CompareData>, StoreError> {
        let (current, checklist, prior_id) = match source {
            CompareSource::Open {
                session,
                checklist,
                prior,
            } => (*session, checklist, prior),
            CompareSource::Stored(id) => {
                let session = store.load(id)?.session;
                let checklist = store.checklist_for(&session.checklist)?;
                (session, checklist, None)
            }
        };
        let prior = match prior_id {
            Some(id) => store.load(id)?.session,
            None => match store.prior_session_id(&current)? {
                Some(id) => store.load(id)?.session,
                None => return Ok(None),
            },
        };
        let prior_checklist = store.checklist_for(&prior.checklist)?;
        let comparison = compare(
            Inspection::new(&prior, &prior_checklist),
            Inspection::new(&current, &checklist),
        );
        Ok(Some(CompareData {
            comparison,
            current: SessionLabel::of(&current, &checklist),
            prior: SessionLabel::of(&prior, &prior_checklist),
        }))
    })();
    match result {
        Ok(Some(data)) => Action::CompareLoaded(Box::new(data)),
        Ok(None) => Action::Info(no_prior.to_string()),
        Err(error) => Action::Failed(error.to_string()),
    }
}

pub fn load_history(store: &Store, id: Uuid) -> Action {
    let result = (|| -> Result<HistoryData, StoreError> {
        let session = store.load(id)?.session;
        let checklist = store.checklist_for(&session.checklist)?;
        Ok(HistoryData {
            department: session.department.clone(),
            checklist_title: checklist.title.clone(),
            // From the index: no session file is read for the chart.
            points: store.history(&session.department, &session.checklist.id)?,
            selected: Some(id),
        })
    })();
    match result {
        Ok(data) => Action::HistoryLoaded(Box::new(data)),
        Err(error) => Action::Failed(error.to_string()),
    }
}

pub fn load_ledger(store: &Store, all: bool) -> Action {
    let scope = if all {
        LedgerScope::All
    } else {
        LedgerScope::Open
    };
    // Only the sessions the ledger can depend on are read (see `Store::ledger_sessions`).
    let sessions = match store.ledger_sessions(scope) {
        Ok((loaded, _overview)) => loaded,
        Err(error) => return Action::Failed(error.to_string()),
    };
    let mut with_checklists: Vec<(Session, Arc<Checklist>)> = Vec::with_capacity(sessions.len());
    for loaded in sessions {
        if let Ok(checklist) = store.checklist_for(&loaded.session.checklist) {
            with_checklists.push((loaded.session, checklist));
        }
    }
    let inspections: Vec<Inspection<'_>> = with_checklists
        .iter()
        .map(|(session, checklist)| Inspection::new(session, checklist))
        .collect();
    Action::LedgerLoaded(ledger(&inspections, clock::today(), scope))
}

/// Closes a rectification in a session that is not open in this UI: lock, load, save.
pub fn close_rectification(
    store: &Store,
    id: Uuid,
    code: &str,
    note: String,
    by: String,
) -> Action {
    let result = (|| -> Result<(), String> {
        let now = clock::now();
        let _lock = store.lock(id, now).map_err(|e| e.to_string())?;
        let mut loaded = store.load(id).map_err(|e| e.to_string())?;
        if loaded.session.is_finished() {
            return Err(format!("session {id} is finished; reopen it first"));
        }
        let done = RectificationDone {
            at: now,
            by: by.clone(),
            note,
        };
        let response =
            close(code, loaded.session.response(code), done).map_err(|e| e.to_string())?;
        loaded.session.set_response(code, response, &by, now);
        store.save(&mut loaded).map_err(|e| e.to_string())
    })();
    match result {
        Ok(()) => Action::RectificationClosed,
        Err(message) => Action::Failed(message),
    }
}

/// Writes an export; a session being walked is exported with its edits in memory.
pub fn export(store: &Store, request: ExportRequest, default_dir: &Path) -> Action {
    let overwrite = if request.replace {
        Overwrite::Replace
    } else {
        Overwrite::Never
    };
    let result = (|| -> Result<PathBuf, export::ExportError> {
        let selection = match &request.target {
            ExportTarget::Session { id, .. } => Selection::Sessions(vec![id.to_string()]),
            ExportTarget::Round(label) => Selection::Round(label.clone()),
        };
        let mut report: Report = export::collect(store, &selection)?;
        if let ExportTarget::Session {
            open: Some(session),
            ..
        } = &request.target
        {
            for entry in &mut report.sessions {
                if entry.session.id == session.id {
                    let history = std::mem::take(&mut entry.history);
                    *entry =
                        SessionReport::new((**session).clone(), entry.checklist.clone(), history);
                }
            }
        }
        let typed = request.path.trim();
        let target = (!typed.is_empty()).then(|| PathBuf::from(typed));
        let path = export::output_path(target.as_deref(), default_dir, &report, request.format);
        if overwrite == Overwrite::Never && path.exists() {
            return Err(export::ExportError::Exists { path });
        }
        let bytes = export::render(&report, request.format, &Options::new(clock::today()))?;
        export::write_file(&path, &bytes, overwrite)?;
        Ok(path)
    })();
    match result {
        Ok(path) => Action::Exported(path.display().to_string()),
        Err(export::ExportError::Exists { path }) => {
            Action::ExportExists(Box::new(request), path.display().to_string())
        }
        Err(error) => Action::Failed(error.to_string()),
    }
}

/// Imports a table; a relative path or one starting with `~` is taken from the
/// current folder or the home folder, as a shell would.
pub fn import_table(store: &Store, mut request: TableImportRequest, lang: Lang) -> Action {
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
    match store.import_table(&request) {
        Ok(outcome) => Action::TableImported(Ok(import_report(&outcome, &typed, lang))),
        Err(error) => Action::TableImported(Err(table_import::error(lang, &error))),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::mpsc;

    use super::*;
    use crate::tui::app::ChecklistOrigin;
    use crate::tui::runner::Runner;

    fn table(path: &Path) {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let rows = [
            ["测评项目", "测评内容", "分值", "评分标准"],
            ["学习", "有学习计划", "60", "未制定计划的，扣10分"],
            ["学习", "每月集中学习", "40", "每缺一次扣5分"],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *text).expect("cell");
            }
        }
        workbook.save(path).expect("save");
    }

    #[test]
    fn the_runner_imports_a_table_and_home_offers_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Arc::new(Store::open(&dir.path().join("data")).expect("store"));
        let file = dir.path().join("学习细则.xlsx");
        table(&file);
        let (events, _received) = mpsc::channel();
        let mut runner = Runner::new(store.clone(), Lang::En, events);
        let before = store.catalog().latest_all().len();
        let request = TableImportRequest {
            file: file.clone(),
            ..TableImportRequest::default()
        };
        let actions = runner.run(crate::tui::action::Effect::ImportTable(request));
        let [Action::TableImported(Ok(lines))] = actions.as_slice() else {
            panic!("{actions:?}");
        };
        assert!(
            lines.iter().any(|l| l.text.contains("(xuexixize v1)")),
            "{lines:?}"
        );
        let home = runner.run(crate::tui::action::Effect::LoadHome);
        let [Action::HomeLoaded(data)] = home.as_slice() else {
            panic!("no home data");
        };
        assert_eq!(
            data.checklists.len(),
            before + 1,
            "the new checklist is offered at once"
        );
        let offered = data
            .checklists
            .iter()
            .find(|c| c.id == "xuexixize")
            .expect("offered");
        assert_eq!(
            (offered.version, offered.origin),
            (1, ChecklistOrigin::User)
        );

        let missing = TableImportRequest {
            file: dir.path().join("没有.xlsx"),
            ..TableImportRequest::default()
        };
        let actions = runner.run(crate::tui::action::Effect::ImportTable(missing));
        assert!(
            matches!(actions.as_slice(), [Action::TableImported(Err(message))] if message.contains("cannot read")),
            "{actions:?}"
        );
    }
}
