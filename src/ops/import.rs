//! Merging sessions from other inspectors' data folders, session files or bundles.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::progress::Progress;
use crate::store::Store;
use crate::store::import::{ImportError, ImportOptions, ImportReport};

pub struct ImportRequest {
    pub paths: Vec<PathBuf>,
    pub options: ImportOptions,
    pub now: DateTime<FixedOffset>,
}

/// Imports every source; progress counts sessions merged so far.
pub fn import(
    store: &Store,
    request: &ImportRequest,
    progress: &dyn Progress,
) -> Result<ImportReport, ImportError> {
    store.import(&request.paths, request.options, request.now, progress)
}
