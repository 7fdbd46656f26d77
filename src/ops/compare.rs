//! Comparing a session with its prior session, or with one that is named.

use uuid::Uuid;

use super::{OpsError, WithChecklist, load};
use crate::model::compare::{Comparison, compare as compare_sessions};
use crate::store::Store;
use crate::store::index::Overview;
use crate::store::series::prior_of;

/// The session to compare.
#[derive(Debug)]
pub enum Current {
    Stored(Uuid),
    /// The session being walked, with its edits in memory.
    InMemory(Box<WithChecklist>),
}

#[derive(Debug)]
pub struct CompareRequest {
    pub current: Current,
    /// `None`: the prior session (docs/design.md §2).
    pub prior: Option<Uuid>,
}

pub struct Compared {
    pub current: WithChecklist,
    pub prior: WithChecklist,
    pub comparison: Comparison,
    /// The overview consulted to find the prior session, when it was.
    pub overview: Option<Overview>,
}

pub fn compare(store: &Store, request: CompareRequest) -> Result<Compared, OpsError> {
    let current = match request.current {
        Current::Stored(id) => load(store, id)?,
        Current::InMemory(open) => *open,
    };
    let (prior, overview) = match request.prior {
        Some(id) => (load(store, id)?, None),
        None => {
            let overview = store.overview()?;
            let session = &current.session;
            let id = prior_of(session, &overview).ok_or_else(|| OpsError::NoPrior {
                id: session.id,
                department: session.department.clone(),
                checklist: session.checklist.id.clone(),
                date: session.date,
            })?;
            (load(store, id)?, Some(overview))
        }
    };
    if prior.session.checklist.id != current.session.checklist.id {
        return Err(OpsError::DifferentChecklists {
            current: current.session.id,
            current_checklist: current.session.checklist.id.clone(),
            prior: prior.session.id,
            prior_checklist: prior.session.checklist.id.clone(),
        });
    }
    let comparison = compare_sessions(prior.inspection(), current.inspection());
    Ok(Compared {
        current,
        prior,
        comparison,
        overview,
    })
}
