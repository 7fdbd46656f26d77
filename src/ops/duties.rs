//! 责任分解 of a round (docs/design.md §11): the round's sessions (chosen through the
//! index, only they are read), their checklists and the open ledger entries.

use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use super::OpsError;
use crate::model::checklist::Checklist;
use crate::model::compare::Inspection;
use crate::model::duties::{Duty, duties as build};
use crate::model::head::SessionHead;
use crate::model::ledger::LedgerScope;
use crate::model::session::Session;
use crate::model::text::normalize_name;
use crate::progress::Progress;
use crate::store::index::Overview;
use crate::store::{Store, StoreError};

pub struct Duties {
    /// The round's label.
    pub round: String,
    pub duties: Vec<Duty>,
    /// The round's sessions, as details name them: id → department.
    pub sessions: Vec<(Uuid, String)>,
    /// Sessions left out because they or their checklist cannot be read.
    pub left_out: Vec<(Uuid, StoreError)>,
    /// The overview the round was picked from (unreadable files, strays…).
    pub overview: Overview,
}

/// The rounds in the index, newest first (by their latest session date, then label).
pub fn rounds_newest_first(heads: &[SessionHead]) -> Vec<String> {
    let mut rounds: Vec<(NaiveDate, String)> = Vec::new();
    for head in heads {
        let label = normalize_name(&head.round);
        match rounds.iter_mut().find(|(_, known)| *known == label) {
            Some((date, _)) => *date = (*date).max(head.date),
            None => rounds.push((head.date, label)),
        }
    }
    rounds.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rounds.into_iter().map(|(_, label)| label).collect()
}

/// 责任分解 of the round `label`, or of the newest round.
pub fn duties(
    store: &Store,
    label: Option<&str>,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<Duties, OpsError> {
    let mut open = super::ledger::ledger(store, LedgerScope::Open, today, progress)?;
    let overview = std::mem::take(&mut open.overview);
    let heads = &overview.sessions;
    let known = rounds_newest_first(heads);
    let round = match label {
        Some(label) => normalize_name(label),
        None => known.first().cloned().ok_or(OpsError::NoRounds)?,
    };
    if !known.contains(&round) {
        return Err(OpsError::NoSuchRound {
            label: round,
            known,
        });
    }
    let mut members: Vec<&SessionHead> = heads
        .iter()
        .filter(|head| normalize_name(&head.round) == round)
        .collect();
    // Unit sessions first, then by department and date, as round documents list them.
    members.sort_by(|a, b| {
        (a.scope.is_department(), &a.department, a.date, a.id).cmp(&(
            b.scope.is_department(),
            &b.department,
            b.date,
            b.id,
        ))
    });
    let mut loaded: Vec<(Session, Arc<Checklist>)> = Vec::new();
    let mut left_out = Vec::new();
    for head in members {
        let read = store
            .load(head.id)
            .and_then(|l| Ok((store.checklist_for(&l.session.checklist)?, l.session)));
        match read {
            Ok((checklist, session)) => loaded.push((session, checklist)),
            Err(error) => left_out.push((head.id, error)),
        }
    }
    let inspections: Vec<Inspection<'_>> = loaded
        .iter()
        .map(|(session, checklist)| Inspection::new(session, checklist))
        .collect();
    Ok(Duties {
        duties: build(&inspections, &open.entries),
        sessions: loaded
            .iter()
            .map(|(session, _)| (session.id, session.department.clone()))
            .collect(),
        round,
        left_out,
        overview,
    })
}
