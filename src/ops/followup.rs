//! A session's rectifications as they stand once the walks of its later sessions
//! are counted (docs/design.md §10 "re-check while walking"): for `show --json`,
//! exports and the walk of an older session. Only the later sessions of its series
//! are read.

use std::collections::BTreeMap;

use crate::model::checklist::Checklist;
use crate::model::followup::followed;
use crate::model::session::{Rectification, Session};
use crate::store::{Store, StoreError};

/// Item code → the rectification with the re-checks later walks made.
pub fn followed_rectifications(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
) -> Result<BTreeMap<String, Rectification>, StoreError> {
    let mut walked = store.later_rechecks(session, checklist)?;
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

/// What a round report adds from the loop: the open problems of the round's
/// departments and the round's 责任分解 over the report's own sessions. Anything that
/// cannot be read leaves that part out rather than the report.
pub fn round_followup(
    store: &Store,
    report: &crate::export::Report,
    today: chrono::NaiveDate,
    progress: &dyn crate::progress::Progress,
) -> crate::export::report::FollowUpData {
    use crate::model::compare::Inspection;
    use crate::model::ledger::LedgerScope;
    use crate::model::text::normalize_name;
    let departments: std::collections::BTreeSet<String> = report
        .sessions
        .iter()
        .map(|one| normalize_name(&one.session.department))
        .collect();
    let problems = store
        .load_problems()
        .map(|(problems, _)| problems)
        .unwrap_or_default()
        .into_iter()
        .filter(|problem| !problem.rectification.is_closed())
        .filter(|problem| departments.contains(&normalize_name(&problem.department)))
        .collect();
    let open = super::ledger::ledger(store, LedgerScope::Open, today, progress)
        .map(|ledger| ledger.entries)
        .unwrap_or_default();
    let inspections: Vec<Inspection<'_>> = report
        .sessions
        .iter()
        .map(|one| Inspection::new(&one.session, &one.checklist))
        .collect();
    crate::export::report::FollowUpData {
        problems,
        duties: crate::model::duties::duties(&inspections, &open),
    }
}
