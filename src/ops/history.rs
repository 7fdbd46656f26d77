//! A department's history for one checklist (its series), from the index: no
//! session file is read for the chart.

use uuid::Uuid;

use crate::model::rounds::{HistoryPoint, InSeries};
use crate::store::{Store, StoreError};

pub struct History {
    /// The session the history was asked for.
    pub session: Uuid,
    pub department: String,
    pub checklist_title: String,
    /// Oldest first.
    pub points: Vec<HistoryPoint>,
}

pub fn history(store: &Store, id: Uuid) -> Result<History, StoreError> {
    let of = super::load(store, id)?;
    Ok(History {
        session: id,
        points: store.history(&of.session.series_key())?,
        department: of.session.department,
        checklist_title: of.checklist.title.clone(),
    })
}
