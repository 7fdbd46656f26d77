//! 复查 (re-check): what a session must look at again because of its prior session
//! (docs/design.md §2, §7 screen 5). The walk's 待复查 filter, `show --json`'s
//! `recheck` marks and the ledger's rounds open all read these rules.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use uuid::Uuid;

use super::checklist::Checklist;
use super::compare::Inspection;
use super::ledger::{LedgerScope, ledger};
use super::matching::CodeMap;
use super::session::{Rectification, Response, Status};

/// Whether an item needs 复查 after this response: it was partial or fail, or its
/// rectification is still open.
pub fn needs_recheck(response: &Response) -> bool {
    response.status.is_problem() || response.has_open_rectification()
}

/// The prior session's responses under `current`'s item codes (renames followed;
/// items the current version dropped are left out), in code order.
pub fn prior_responses<'a>(
    prior: Inspection<'a>,
    current: &Checklist,
) -> Vec<(String, &'a Response)> {
    let codes = CodeMap::between(prior.checklist, current);
    prior
        .session
        .responses
        .iter()
        .filter_map(|(code, response)| Some((codes.current_code(code)?.to_string(), response)))
        .collect()
}

/// Carry-over (待复查): the codes, in `current`'s version, of the items that need
/// 复查 because of the prior session. Items the current version dropped are left out.
pub fn recheck_codes(prior: Inspection<'_>, current: &Checklist) -> BTreeSet<String> {
    prior_responses(prior, current)
        .into_iter()
        .filter(|(_, response)| needs_recheck(response))
        // A bonus not earned last round is nothing to re-check.
        .filter(|(code, _)| current.item(code).is_some_and(|item| !item.bonus))
        .map(|(code, _)| code)
        .collect()
}

/// The prior round's response to an item, as the walk shows it beside this round's.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorItem {
    pub status: Status,
    pub note: String,
    pub rectification: Option<Rectification>,
}

/// A rectification of an earlier round still open when this session began: the
/// walk shows it on the item, and marking the item re-checks it
/// ([`followup`](super::followup)).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenBefore {
    pub session: Uuid,
    pub round: String,
    pub date: NaiveDate,
    pub rectification: Rectification,
}

/// The open rectifications of `earlier` (sessions of this session's series dated
/// before it, oldest first), by `current`'s item codes (renames followed).
pub fn open_before(
    earlier: &[Inspection<'_>],
    current: &Checklist,
    today: NaiveDate,
) -> HashMap<String, Vec<OpenBefore>> {
    let mut open: HashMap<String, Vec<OpenBefore>> = HashMap::new();
    for entry in ledger(earlier, &[], today, LedgerScope::Open) {
        let (Some(id), Some(code)) = (entry.session_id(), entry.code()) else {
            continue;
        };
        let Some(of) = earlier.iter().find(|of| of.session.id == id) else {
            continue;
        };
        let codes = CodeMap::between(of.checklist, current);
        let Some(current_code) = codes.current_code(code) else {
            continue;
        };
        open.entry(current_code.to_string())
            .or_default()
            .push(OpenBefore {
                session: id,
                round: of.session.round.clone(),
                date: of.session.date,
                rectification: entry.rectification,
            });
    }
    open
}

/// The prior session as the walk screen shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriorView {
    pub id: Option<Uuid>,
    pub date: Option<NaiveDate>,
    pub round: String,
    /// By the current checklist's item codes (renames already followed).
    pub items: HashMap<String, PriorItem>,
    /// Items to re-check (待复查), by the current checklist's codes.
    pub recheck: BTreeSet<String>,
    /// Rectifications of earlier rounds still open, by the current checklist's codes.
    pub open_before: HashMap<String, Vec<OpenBefore>>,
}

impl PriorView {
    pub fn of(prior: Inspection<'_>, current: &Checklist) -> PriorView {
        let items = prior_responses(prior, current)
            .into_iter()
            .map(|(code, response)| {
                let item = PriorItem {
                    status: response.status,
                    note: response.note.clone(),
                    rectification: response.rectification.clone(),
                };
                (code, item)
            })
            .collect();
        PriorView {
            id: Some(prior.session.id),
            date: Some(prior.session.date),
            round: prior.session.round.clone(),
            items,
            recheck: recheck_codes(prior, current),
            open_before: HashMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::matching::tests::{checklist, item};
    use crate::model::rounds::tests::{mark, session};

    #[test]
    fn carry_over_takes_problems_and_open_rectifications_through_renames() {
        let v1 = checklist(
            1,
            ["a", "b", "c", "d", "e", "f"]
                .map(|c| item(c, 1.0))
                .to_vec(),
            &[],
        );
        let v2 = checklist(
            2,
            ["a", "b2", "c", "d", "e"].map(|c| item(c, 1.0)).to_vec(),
            &[("b", "b2")],
        );
        let mut prior = session(1, "办公室", "2026-10-15", "09:00");
        mark(&mut prior, "a", Status::Pass);
        mark(&mut prior, "b", Status::Partial);
        mark(&mut prior, "c", Status::Fail);
        mark(&mut prior, "d", Status::Pass);
        prior.responses.entry("d".into()).or_default().rectification = Some(Rectification {
            owner: "李明".into(),
            ..Rectification::default()
        });
        mark(&mut prior, "e", Status::Na);
        mark(&mut prior, "f", Status::Fail); // dropped from v2
        let codes = recheck_codes(Inspection::new(&prior, &v1), &v2);
        assert_eq!(codes, BTreeSet::from(["b2".into(), "c".into(), "d".into()]));
    }

    #[test]
    fn the_prior_view_shows_last_rounds_answers_under_this_rounds_codes() {
        let v1 = checklist(1, ["a", "b"].map(|c| item(c, 1.0)).to_vec(), &[]);
        let v2 = checklist(
            2,
            ["a", "b2"].map(|c| item(c, 1.0)).to_vec(),
            &[("b", "b2")],
        );
        let mut prior = session(1, "办公室", "2026-10-15", "09:00");
        mark(&mut prior, "a", Status::Pass);
        mark(&mut prior, "b", Status::Fail);
        let view = PriorView::of(Inspection::new(&prior, &v1), &v2);
        assert_eq!(view.id, Some(prior.id));
        assert_eq!(view.items["b2"].status, Status::Fail);
        assert_eq!(view.items["a"].status, Status::Pass);
        assert_eq!(view.recheck, BTreeSet::from(["b2".to_string()]));
    }
}
