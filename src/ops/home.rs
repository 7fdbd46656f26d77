//! What a start needs to show: every session's head (from the index, rebuilt with
//! progress when missing), the checklists to create sessions with, and the files
//! the user should know about.

use std::path::PathBuf;

use crate::model::checklist::Checklist;
use crate::progress::Progress;
use crate::store::catalog::Source;
use crate::store::index::Overview;
use crate::store::{Store, StoreError};

pub struct Home {
    pub overview: Overview,
    /// The latest version of each checklist, for new sessions, with where it is from.
    pub checklists: Vec<(std::sync::Arc<Checklist>, Source)>,
    /// Emergency copies in `recovery/`.
    pub recovery: Vec<PathBuf>,
}

pub fn home(store: &Store, progress: &dyn Progress) -> Result<Home, StoreError> {
    Ok(Home {
        overview: store.overview_with(progress)?,
        checklists: store
            .catalog()
            .latest_all()
            .iter()
            .map(|entry| (entry.checklist.clone(), entry.source.clone()))
            .collect(),
        recovery: store.recovery_files(),
    })
}
