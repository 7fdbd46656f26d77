//! Operations that the command line and the terminal UI both perform, each written
//! once: a plain function of the store and a typed request, returning a typed
//! outcome. No terminal types here; the CLI calls these directly (with a stderr
//! progress bar), the UI's effect runner calls them on its worker thread.
//!
//! One small file per operation. To add one: a function here taking
//! `(&Store, Request, &dyn Progress)` as it needs, an error as [`OpsError`], its
//! words in `i18n`; then a CLI command and/or a `JobRequest` in `tui::jobs`.

pub mod activity;
pub mod attach;
pub mod board;
pub mod compare;
pub mod deadlines;
pub mod duties;
mod error;
pub mod export;
pub mod followup;
pub mod history;
pub mod home;
pub mod import;
pub mod ledger;
pub mod open;
pub mod problem;
pub mod rectify;
pub mod table_import;
pub mod unit;
pub mod who;

pub use error::OpsError;

use std::sync::Arc;

use crate::model::checklist::Checklist;
use crate::model::compare::Inspection;
use crate::model::session::Session;
use crate::store::{Store, StoreError};

/// A session with the checklist version it was made with.
#[derive(Debug, Clone)]
pub struct WithChecklist {
    pub session: Session,
    pub checklist: Arc<Checklist>,
}

impl WithChecklist {
    pub fn inspection(&self) -> Inspection<'_> {
        Inspection::new(&self.session, &self.checklist)
    }
}

/// Loads a stored session with its checklist.
pub fn load(store: &Store, id: uuid::Uuid) -> Result<WithChecklist, StoreError> {
    let session = store.load(id)?.session;
    let checklist = store.checklist_for(&session.checklist)?;
    Ok(WithChecklist { session, checklist })
}
