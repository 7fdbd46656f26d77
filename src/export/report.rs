//! What an export is made from: the chosen sessions with their checklists,
//! figures and score history. Collected once, rendered by any format.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use super::ExportError;
use crate::model::checklist::Checklist;
use crate::model::scoring::{Summary, summarize};
use crate::model::session::Session;
use crate::model::text::normalize_name;
use crate::store::{LoadedSession, Store};

/// Which sessions to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Session ids or unique id prefixes, in the order given.
    Sessions(Vec<String>),
    /// Every session of the round with this label.
    Round(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Sessions,
    Round { label: String },
}

/// One point of a department's score history for one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub date: NaiveDate,
    pub round: String,
    pub percent: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct SessionReport {
    pub session: Session,
    pub checklist: Arc<Checklist>,
    pub summary: Summary,
    /// Sessions of the same department and checklist up to this one's date,
    /// oldest first, this session included.
    pub history: Vec<TrendPoint>,
}

impl SessionReport {
    pub fn new(session: Session, checklist: Arc<Checklist>, history: Vec<TrendPoint>) -> Self {
        let summary = summarize(&checklist, &session);
        SessionReport {
            session,
            checklist,
            summary,
            history,
        }
    }

    pub fn percent(&self) -> Option<f64> {
        self.summary.percent()
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub scope: Scope,
    pub sessions: Vec<SessionReport>,
}

impl Report {
    /// A single session gets a session report; several sessions or a round get a summary first.
    pub fn single(&self) -> Option<&SessionReport> {
        match (&self.scope, self.sessions.as_slice()) {
            (Scope::Sessions, [only]) => Some(only),
            _ => None,
        }
    }

    pub fn round_label(&self) -> Option<&str> {
        match &self.scope {
            Scope::Round { label } => Some(label),
            Scope::Sessions => None,
        }
    }

    /// The earliest session date: a round's date.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.sessions.iter().map(|s| s.session.date).min()
    }

    pub fn last_date(&self) -> Option<NaiveDate> {
        self.sessions.iter().map(|s| s.session.date).max()
    }
}

/// Loads the selected sessions, their checklists and history from the store.
pub fn collect(store: &Store, selection: &Selection) -> Result<Report, ExportError> {
    let (loaded, unreadable) = store.load_all()?;
    let (scope, chosen) = match selection {
        Selection::Sessions(prefixes) => {
            if prefixes.is_empty() {
                return Err(ExportError::NothingSelected);
            }
            let mut ids: Vec<Uuid> = Vec::new();
            for prefix in prefixes {
                let id = store.resolve(prefix)?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let broken: Vec<_> = unreadable.iter().filter(|u| ids.contains(&u.id)).collect();
            if !broken.is_empty() {
                return Err(ExportError::unreadable(broken));
            }
            let by_id: HashMap<Uuid, &LoadedSession> =
                loaded.iter().map(|l| (l.session.id, l)).collect();
            let mut chosen = Vec::new();
            for id in ids {
                match by_id.get(&id) {
                    Some(found) => chosen.push(found.session.clone()),
                    None => chosen.push(store.load(id)?.session),
                }
            }
            (Scope::Sessions, chosen)
        }
        Selection::Round(label) => {
            let wanted = normalize_name(label);
            if !unreadable.is_empty() {
                // Any of them may belong to the round; a report silently missing a
                // department is worse than no report.
                return Err(ExportError::unreadable(unreadable.iter().collect()));
            }
            let mut chosen: Vec<Session> = loaded
                .iter()
                .filter(|l| normalize_name(&l.session.round) == wanted)
                .map(|l| l.session.clone())
                .collect();
            if chosen.is_empty() {
                return Err(ExportError::EmptyRound {
                    label: wanted,
                    known: known_rounds(&loaded),
                });
            }
            chosen.sort_by(|a, b| {
                normalize_name(&a.department)
                    .cmp(&normalize_name(&b.department))
                    .then_with(|| a.checklist.id.cmp(&b.checklist.id))
                    .then_with(|| a.date.cmp(&b.date))
                    .then_with(|| a.id.cmp(&b.id))
            });
            (Scope::Round { label: wanted }, chosen)
        }
    };
    let peers = Peers::of(loaded.iter().map(|l| &l.session));
    let mut sessions = Vec::with_capacity(chosen.len());
    for session in chosen {
        let checklist = checklist_of(store, &session)?;
        let history = trend(store, &peers, &session);
        sessions.push(SessionReport::new(session, checklist, history));
    }
    Ok(Report { scope, sessions })
}

fn checklist_of(store: &Store, session: &Session) -> Result<Arc<Checklist>, ExportError> {
    store
        .checklist_for(&session.checklist)
        .map_err(|source| ExportError::Checklist {
            id: session.id,
            source,
        })
}

/// Round labels in the store, newest first, for the "no such round" message.
fn known_rounds(loaded: &[LoadedSession]) -> Vec<String> {
    let mut rounds: Vec<(NaiveDate, String)> = Vec::new();
    for l in loaded {
        let label = normalize_name(&l.session.round);
        match rounds.iter_mut().find(|(_, known)| *known == label) {
            Some((date, _)) => *date = (*date).max(l.session.date),
            None => rounds.push((l.session.date, label)),
        }
    }
    rounds.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rounds.into_iter().map(|(_, label)| label).collect()
}

/// `session` and the earlier sessions of its department and checklist, oldest first.
/// A session whose checklist cannot be read has no percent.
fn trend(store: &Store, peers: &Peers<'_>, session: &Session) -> Vec<TrendPoint> {
    let mut points: Vec<&Session> = peers.earlier_than(session);
    points.push(session);
    points.sort_by(|a, b| a.date.cmp(&b.date).then(a.created.cmp(&b.created)));
    points
        .into_iter()
        .map(|s| TrendPoint {
            date: s.date,
            round: s.round.clone(),
            percent: store
                .checklist_for(&s.checklist)
                .ok()
                .and_then(|checklist| summarize(&checklist, s).percent()),
        })
        .collect()
}

/// Sessions grouped by normalized department and checklist id, so that finding a
/// session's history does not scan every session again.
struct Peers<'a> {
    groups: HashMap<(String, String), Vec<&'a Session>>,
}

impl<'a> Peers<'a> {
    fn of(sessions: impl IntoIterator<Item = &'a Session>) -> Peers<'a> {
        let mut groups: HashMap<(String, String), Vec<&'a Session>> = HashMap::new();
        for session in sessions {
            groups.entry(group_key(session)).or_default().push(session);
        }
        Peers { groups }
    }

    /// Other sessions of the same department and checklist, dated no later than `session`.
    fn earlier_than(&self, session: &Session) -> Vec<&'a Session> {
        self.groups
            .get(&group_key(session))
            .map(|group| {
                group
                    .iter()
                    .copied()
                    .filter(|other| other.id != session.id && other.date <= session.date)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn group_key(session: &Session) -> (String, String) {
    (
        normalize_name(&session.department),
        session.checklist.id.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn history_is_the_same_department_and_checklist_up_to_the_date() {
        let current = fixture::session(1, "办公室", "11月", "2026-11-20");
        let earlier = fixture::session(2, " 办公室 ", "10月", "2026-10-15");
        let same_day = fixture::session(3, "办公室", "复查", "2026-11-20");
        let later = fixture::session(4, "办公室", "12月", "2026-12-15");
        let other_department = fixture::session(5, "党群室", "10月", "2026-10-15");
        let mut other_checklist = fixture::session(6, "办公室", "10月", "2026-10-15");
        other_checklist.checklist.id = "siyou".into();
        let everyone = [
            &current,
            &earlier,
            &same_day,
            &later,
            &other_department,
            &other_checklist,
        ];
        let ids: Vec<Uuid> = Peers::of(everyone)
            .earlier_than(&current)
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, [earlier.id, same_day.id]);
    }
}
