//! Questions across sessions answered from the index, reading only the sessions the
//! answer needs: the prior session, a department's history, the ledger's sessions.

use uuid::Uuid;

use super::index::Overview;
use super::{LoadedSession, Store, StoreError, Unreadable};
use crate::model::head::SessionHead;
use crate::model::ledger::LedgerScope;
use crate::model::rounds::{HistoryPoint, SeriesKey, by_series, prior_of as prior_among};
use crate::model::session::Session;
use crate::progress::Progress;

impl Store {
    /// The prior session of `session` (docs/design.md §2), found through the index.
    pub fn prior_session_id(&self, session: &Session) -> Result<Option<Uuid>, StoreError> {
        let overview = self.overview()?;
        Ok(prior_of(session, &overview))
    }

    /// One series' history (a department, checklist id and scope), oldest first, each
    /// point from the session's head in the index.
    pub fn history(&self, series: &SeriesKey) -> Result<Vec<HistoryPoint>, StoreError> {
        let overview = self.overview()?;
        by_series(&overview.sessions)
            .remove(series)
            .unwrap_or_default()
            .into_iter()
            .map(|head| Ok(head.history_point(&*self.checklist_for(&head.checklist)?)))
            .collect()
    }

    /// The sessions [`model::ledger::ledger`](crate::model::ledger::ledger) needs for
    /// `scope`, loaded, with the overview they were picked from. In each series
    /// (department, checklist id and scope) that is every session from the first one holding
    /// a rectification in scope on: rounds open are counted over later sessions only,
    /// so earlier ones cannot change the ledger.
    pub fn ledger_sessions(
        &self,
        scope: LedgerScope,
        progress: &dyn Progress,
    ) -> Result<(Vec<LoadedSession>, Overview), StoreError> {
        let mut overview = self.overview_with(progress)?;
        let in_scope = |head: &SessionHead| match scope {
            LedgerScope::Open => head.open_rectifications > 0,
            LedgerScope::All => head.rectifications > 0,
        };
        let mut wanted: Vec<Uuid> = Vec::new();
        for heads in by_series(&overview.sessions).into_values() {
            if let Some(first) = heads.iter().position(|head| in_scope(head)) {
                wanted.extend(heads[first..].iter().map(|head| head.id));
            }
        }
        wanted.sort_unstable();
        let mut loaded = Vec::with_capacity(wanted.len());
        let total = wanted.len();
        for (done, id) in wanted.into_iter().enumerate() {
            progress.report(done, total);
            match self.load(id) {
                Ok(session) => loaded.push(session),
                Err(StoreError::NoSuchSession(_)) => {} // deleted meanwhile
                Err(StoreError::Unreadable(problem)) => {
                    overview.unreadable.push(Unreadable { id, problem });
                }
                Err(other) => return Err(other),
            }
        }
        Ok((loaded, overview))
    }
}

impl Store {
    /// The later-dated sessions of `session`'s series, oldest first: those whose walks
    /// re-check its rectifications (`model::followup`). Only they are read.
    pub fn later_in_series(&self, session: &Session) -> Result<Vec<LoadedSession>, StoreError> {
        self.later_among(session, &self.overview()?)
    }

    fn later_among(
        &self,
        session: &Session,
        overview: &Overview,
    ) -> Result<Vec<LoadedSession>, StoreError> {
        self.series_members(session, overview, |heads| {
            heads.retain(|head| head.date > session.date);
        })
    }

    /// The earlier-dated sessions of `session`'s series that its walk's re-checks
    /// can concern, oldest first: from the first one holding an open rectification
    /// (in its file) on. Only they are read.
    pub fn earlier_in_series(&self, session: &Session) -> Result<Vec<LoadedSession>, StoreError> {
        self.series_members(session, &self.overview()?, |heads| {
            heads.retain(|head| head.date < session.date);
            let first = heads
                .iter()
                .position(|head| !head.open_codes.is_empty())
                .unwrap_or(heads.len());
            heads.drain(..first);
        })
    }

    /// Item code → the re-checks the walks of `session`'s later sessions made of its
    /// rectifications (`model::followup`); only items a later walk re-checked.
    pub fn later_rechecks(
        &self,
        session: &Session,
        checklist: &crate::model::checklist::Checklist,
    ) -> Result<std::collections::HashMap<String, Vec<crate::model::session::Recheck>>, StoreError>
    {
        self.later_rechecks_among(session, checklist, &self.overview()?)
    }

    /// [`Store::later_rechecks`] with the overview already read, for callers that ask
    /// it of many sessions (a round's report): the index is read once, not per session.
    pub fn later_rechecks_among(
        &self,
        session: &Session,
        checklist: &crate::model::checklist::Checklist,
        overview: &Overview,
    ) -> Result<std::collections::HashMap<String, Vec<crate::model::session::Recheck>>, StoreError>
    {
        use crate::model::compare::Inspection;
        use crate::model::followup::{CodeMaps, walk_rechecks};
        let has_any = session
            .responses
            .values()
            .any(|response| response.rectification.is_some());
        if !has_any {
            return Ok(Default::default());
        }
        let mut later = Vec::new();
        for loaded in self.later_among(session, overview)? {
            let checklist = self.checklist_for(&loaded.session.checklist)?;
            later.push((loaded.session, checklist));
        }
        let later: Vec<Inspection<'_>> = later
            .iter()
            .map(|(session, checklist)| Inspection::new(session, checklist))
            .collect();
        let of = Inspection::new(session, checklist);
        let mut maps = CodeMaps::default();
        Ok(session
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
            .collect())
    }

    fn series_members(
        &self,
        session: &Session,
        overview: &Overview,
        choose: impl FnOnce(&mut Vec<&SessionHead>),
    ) -> Result<Vec<LoadedSession>, StoreError> {
        use crate::model::rounds::InSeries;
        let key = session.series_key();
        let mut heads: Vec<&SessionHead> = overview
            .sessions
            .iter()
            .filter(|head| head.id != session.id && head.series_key() == key)
            .collect();
        heads.sort_by_key(|head| head.chronology());
        choose(&mut heads);
        let mut loaded = Vec::with_capacity(heads.len());
        for head in heads {
            match self.load(head.id) {
                Ok(session) => loaded.push(session),
                Err(StoreError::NoSuchSession(_)) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(loaded)
    }
}

/// The prior session of `session` among the overview's sessions.
pub fn prior_of(session: &Session, overview: &Overview) -> Option<Uuid> {
    prior_among(session, &overview.sessions).map(|head| head.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::Checklist;
    use crate::model::compare::Inspection;
    use crate::model::demo::DemoPlan;
    use crate::model::ledger::ledger;
    use crate::model::rounds::InSeries;
    use crate::model::rounds::tests::series_history;
    use crate::store::demo::write_demo;
    use chrono::NaiveDate;
    use std::sync::Arc;

    fn demo_store(departments: usize, rounds: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let plan = DemoPlan {
            departments,
            rounds,
            seed: 5,
            until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        };
        write_demo(&store, &plan).unwrap();
        (dir, store)
    }

    fn with_checklists(
        store: &Store,
        sessions: Vec<LoadedSession>,
    ) -> Vec<(Session, Arc<Checklist>)> {
        sessions
            .into_iter()
            .map(|l| {
                let checklist = store.checklist_for(&l.session.checklist).unwrap();
                (l.session, checklist)
            })
            .collect()
    }

    fn inspections(all: &[(Session, Arc<Checklist>)]) -> Vec<Inspection<'_>> {
        all.iter().map(|(s, c)| Inspection::new(s, c)).collect()
    }

    #[test]
    fn the_ledger_from_its_sessions_equals_the_ledger_from_all_sessions() {
        let (_dir, store) = demo_store(6, 10);
        let all = with_checklists(&store, store.load_all().unwrap().0);
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        for scope in [LedgerScope::Open, LedgerScope::All] {
            let (needed, _) = store
                .ledger_sessions(scope, &crate::progress::Silent)
                .unwrap();
            let needed = with_checklists(&store, needed);
            let expected = ledger(&inspections(&all), &[], today, scope);
            assert!(!expected.is_empty(), "{scope:?}");
            assert_eq!(
                ledger(&inspections(&needed), &[], today, scope),
                expected,
                "{scope:?}"
            );
            if scope == LedgerScope::Open {
                assert!(needed.len() < all.len(), "only part of the history is read");
            }
        }
    }

    #[test]
    fn history_and_prior_from_the_index_equal_the_model_over_all_sessions() {
        let (_dir, store) = demo_store(3, 8);
        let all = with_checklists(&store, store.load_all().unwrap().0);
        let sessions: Vec<Session> = all.iter().map(|(s, _)| s.clone()).collect();
        for session in &sessions {
            let key = session.series_key();
            let expected = series_history(&inspections(&all), &key);
            assert_eq!(store.history(&key).unwrap(), expected);
            assert_eq!(
                store.prior_session_id(session).unwrap(),
                prior_among(session, &sessions).map(|s| s.id)
            );
        }
    }
}
