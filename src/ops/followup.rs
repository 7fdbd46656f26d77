//! A session's rectifications as they stand once the walks of its later sessions
//! are counted (docs/design.md §10 "re-check while walking"): for `show --json`,
//! exports and the walk of an older session. Only the later sessions of its series
//! are read.

use std::collections::{BTreeMap, HashMap};

use crate::model::checklist::Checklist;
use crate::model::compare::Inspection;
use crate::model::followup::{CodeMaps, followed, walk_rechecks};
use crate::model::session::{Recheck, Rectification, Session};
use crate::store::{Store, StoreError};

/// Item code → the re-checks later walks made of its rectification; only items with
/// a rectification that a later walk re-checked.
pub fn later_rechecks(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
) -> Result<HashMap<String, Vec<Recheck>>, StoreError> {
    let has_any = session
        .responses
        .values()
        .any(|response| response.rectification.is_some());
    if !has_any {
        return Ok(HashMap::new());
    }
    let mut later = Vec::new();
    for loaded in store.later_in_series(session)? {
        let checklist = store.checklist_for(&loaded.session.checklist)?;
        later.push((loaded.session, checklist));
    }
    let later: Vec<Inspection<'_>> = later
        .iter()
        .map(|(session, checklist)| Inspection::new(session, checklist))
        .collect();
    Ok(rechecks_among(Inspection::new(session, checklist), &later))
}

/// [`later_rechecks`] over sessions already loaded: `later` oldest first.
pub fn rechecks_among(
    of: Inspection<'_>,
    later: &[Inspection<'_>],
) -> HashMap<String, Vec<Recheck>> {
    let mut maps = CodeMaps::default();
    of.session
        .responses
        .iter()
        .filter(|(_, response)| response.rectification.is_some())
        .map(|(code, _)| {
            (
                code.clone(),
                walk_rechecks(of, code, later.iter().copied(), &mut maps),
            )
        })
        .filter(|(_, rechecks)| !rechecks.is_empty())
        .collect()
}

/// Item code → the rectification with the re-checks later walks made.
pub fn followed_rectifications(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
) -> Result<BTreeMap<String, Rectification>, StoreError> {
    let mut walked = later_rechecks(store, session, checklist)?;
    Ok(session
        .responses
        .iter()
        .filter_map(|(code, response)| Some((code, response.rectification.as_ref()?)))
        .map(|(code, rect)| {
            let rechecks = walked.remove(code).unwrap_or_default();
            (code.clone(), followed(rect, rechecks))
        })
        .collect())
}
