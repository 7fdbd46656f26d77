//! Opening a session for editing: its lock, the session as it is under the lock,
//! its checklist, its prior session and what to re-check (复查).

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::{OpsError, WithChecklist};
use crate::model::checklist::Checklist;
use crate::model::compare::Inspection;
use crate::model::recheck::{PriorView, recheck_codes};
use crate::model::session::Session;
use crate::store::lock::Lock;
use crate::store::{LoadedSession, ReadOnly, Store, StoreError};

/// Why a session opens read-only.
#[derive(Debug)]
pub enum ReadOnlyReason {
    /// Written by a newer zicha.
    NewerFormat(u32),
    /// Its lock is held elsewhere (another zicha, another computer).
    Held(StoreError),
}

/// A session ready to walk.
#[derive(Debug)]
pub struct Opened {
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
    /// Held for as long as the session is edited; `None` when it opens read-only.
    pub lock: Option<Lock>,
    pub read_only: Option<ReadOnlyReason>,
    /// The prior session as the walk shows it, with the items to re-check.
    pub prior: PriorView,
    /// Re-checks later sessions' walks made of this session's rectifications, by item
    /// code (`ops::followup`); empty when they cannot be read.
    pub later_rechecks: std::collections::HashMap<String, Vec<crate::model::session::Recheck>>,
}

/// Locks and loads a session for the walk. A session whose lock is held elsewhere,
/// or which a newer zicha wrote, opens read-only instead of failing.
pub fn open_for_editing(
    store: &Store,
    id: Uuid,
    now: DateTime<FixedOffset>,
) -> Result<Opened, StoreError> {
    let loaded = store.load(id)?;
    let checklist = store.checklist_for(&loaded.session.checklist)?;
    let (lock, read_only) = match &loaded.read_only {
        Some(ReadOnly::NewerFormat(format)) => (None, Some(ReadOnlyReason::NewerFormat(*format))),
        None => match store.lock(id, now) {
            Ok(lock) => (Some(lock), None),
            Err(error) => (None, Some(ReadOnlyReason::Held(error))),
        },
    };
    // Re-read under the lock: another writer may have saved just before we locked.
    let loaded = if lock.is_some() {
        store.load(id)?
    } else {
        loaded
    };
    // A prior that cannot be read leaves the walk without one, not without the session.
    let mut prior = match prior(store, &loaded.session) {
        Ok(Some(prior)) => PriorView::of(prior.inspection(), &checklist),
        Ok(None) | Err(_) => PriorView::default(),
    };
    prior.open_before = open_before_here(store, &loaded.session, &checklist, now.date_naive());
    let later_rechecks = store
        .later_rechecks(&loaded.session, &checklist)
        .unwrap_or_default();
    Ok(Opened {
        loaded,
        checklist,
        lock,
        read_only,
        prior,
        later_rechecks,
    })
}

/// Earlier rounds' rectifications still open, which this walk re-checks; none when
/// the earlier sessions cannot be read (the walk goes on without them).
fn open_before_here(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
    today: chrono::NaiveDate,
) -> std::collections::HashMap<String, Vec<crate::model::recheck::OpenBefore>> {
    let Ok(earlier) = store.earlier_in_series(session) else {
        return Default::default();
    };
    let loaded: Vec<WithChecklist> = earlier
        .into_iter()
        .filter_map(|loaded| {
            let checklist = store.checklist_for(&loaded.session.checklist).ok()?;
            Some(WithChecklist {
                session: loaded.session,
                checklist,
            })
        })
        .collect();
    let inspections: Vec<Inspection<'_>> = loaded.iter().map(WithChecklist::inspection).collect();
    crate::model::recheck::open_before(&inspections, checklist, today)
}

/// The prior session (docs/design.md §2: the latest earlier-dated session of the same
/// department and checklist), found through the index; only that file is read.
pub fn prior(store: &Store, session: &Session) -> Result<Option<WithChecklist>, StoreError> {
    match store.prior_session_id(session)? {
        Some(id) => super::load(store, id).map(Some),
        None => Ok(None),
    }
}

/// The codes of `session` to re-check because of its prior session; empty without one.
pub fn recheck(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
) -> Result<BTreeSet<String>, StoreError> {
    Ok(match prior(store, session)? {
        Some(prior) => recheck_codes(Inspection::new(&prior.session, &prior.checklist), checklist),
        None => BTreeSet::new(),
    })
}

/// A session locked for one change from the command line.
pub struct Editable {
    pub lock: Lock,
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
}

/// Resolves `session` (an id or unique prefix), locks it and loads it; a finished
/// session is refused, since it is read-only until reopened.
pub fn editable(
    store: &Store,
    session: &str,
    now: DateTime<FixedOffset>,
) -> Result<Editable, OpsError> {
    let id = store.resolve(session)?;
    let lock = store.lock(id, now)?;
    let loaded = store.load(id)?;
    let checklist = store.checklist_for(&loaded.session.checklist)?;
    if loaded.session.is_finished() {
        return Err(OpsError::Finished { id });
    }
    Ok(Editable {
        lock,
        loaded,
        checklist,
    })
}
