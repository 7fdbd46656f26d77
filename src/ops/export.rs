//! Writing a report file for sessions or a round. The UI passes the session it is
//! walking with its edits in memory, so a report never lags behind the screen.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::export::{
    self, ExportError, Folders, Format, Options, Overwrite, Selection, SessionReport, names_folder,
    output_path,
};
use crate::model::order::DepartmentOrder;
use crate::model::session::Session;
use crate::progress::Progress;
use crate::store::Store;

/// The environment variable naming the unit (单位) in report headers.
pub const UNIT_ENV: &str = "ZICHA_UNIT";

#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub selection: Selection,
    pub format: Format,
    /// The unit named in the header; see [`unit`].
    pub unit: Option<String>,
    /// A file, or a folder for the default name; `None`: `default_dir`.
    pub target: Option<PathBuf>,
    /// Whether a target typed as a folder that does not exist yet is made.
    pub folders: Folders,
    pub default_dir: PathBuf,
    pub overwrite: Overwrite,
    /// A session with edits not yet saved, exported as it is in memory.
    pub unsaved: Option<Session>,
    /// When the export is made: overdue is judged on its day; docx properties carry it.
    pub now: DateTime<FixedOffset>,
    /// The unit profile's departments in their customary order (docs/design.md §14);
    /// empty: round documents list departments in pinyin order.
    pub departments: Vec<String>,
}

/// The unit for report headers: the one given (`--unit`), else `ZICHA_UNIT`; blank
/// means none.
pub fn unit(given: Option<String>) -> Option<String> {
    given
        .or_else(|| std::env::var(UNIT_ENV).ok())
        .map(|unit| unit.trim().to_string())
        .filter(|unit| !unit.is_empty())
}

/// Collects, renders and writes; returns the path written. An existing file is
/// [`ExportError::Exists`] unless `overwrite` allows replacing it.
pub fn export(
    store: &Store,
    request: &ExportRequest,
    progress: &dyn Progress,
) -> Result<PathBuf, ExportError> {
    let mut report = export::collect(store, &request.selection, progress)?;
    if let Some(unsaved) = &request.unsaved {
        for entry in &mut report.sessions {
            if entry.session.id == unsaved.id {
                let history = std::mem::take(&mut entry.history);
                let later_rechecks = std::mem::take(&mut entry.later_rechecks);
                *entry = SessionReport::new(unsaved.clone(), entry.checklist.clone(), history);
                entry.later_rechecks = later_rechecks;
            }
        }
        export::report::add_photos(store, &mut report);
    }
    // The unit profile (unit.ron) names the unit and orders the departments unless
    // the request says otherwise (`--unit`, `ZICHA_UNIT`).
    let departments = if request.departments.is_empty() {
        crate::ops::unit::departments(store)
    } else {
        request.departments.clone()
    };
    let options = Options {
        unit: request
            .unit
            .clone()
            .or_else(|| crate::ops::unit::unit_name(store)),
        departments: DepartmentOrder::new(&departments),
        ..Options::at(request.now)
    };
    if request.format == Format::Package {
        let one = export::package::session_of(&report)?;
        // `target` is the package's folder itself; without one, the default name
        // goes in `default_dir`.
        let dir = match &request.target {
            Some(target) => target.clone(),
            None => request
                .default_dir
                .join(export::package::folder_name(one, &options)),
        };
        return export::package::write(store, &dir, one, &options, request.overwrite);
    }
    if request.format == Format::Xlsx && report.round_label().is_some() {
        report.follow_ups = crate::ops::board::follow_ups_of(
            store,
            report.sessions.iter().map(|one| &one.session),
            request.now.date_naive(),
            progress,
        )?;
    }
    if report.round_label().is_some() {
        report.followup =
            super::followup::round_followup(store, &report, request.now.date_naive(), progress);
    }
    let path = output_path(
        request.target.as_deref(),
        &request.default_dir,
        &report,
        request.format,
        request.folders,
    );
    if request.folders == Folders::Create
        && let Some(folder) = request.target.as_deref().filter(|t| names_folder(t))
    {
        std::fs::create_dir_all(folder).map_err(|source| ExportError::Folder {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    if request.overwrite == Overwrite::Never && path.exists() {
        return Err(ExportError::Exists { path });
    }
    let bytes = export::render(&report, request.format, &options)?;
    export::write_file(&path, &bytes, request.overwrite)?;
    Ok(path)
}
