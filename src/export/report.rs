//! What an export is made from: the chosen sessions with their checklists,
//! figures and score history. Collected once, rendered by any format.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::ExportError;
use crate::model::board::FollowUp;
use crate::model::checklist::{Checklist, Scope as ChecklistScope};
use crate::model::duties::Duty;
use crate::model::order::DepartmentOrder;
use crate::model::problem::Problem;
use crate::model::rounds::{InSeries, SeriesKey};
use crate::model::scoring::{Summary, summarize};
use crate::model::session::Recheck;
use crate::model::session::Session;
use crate::model::text::normalize_name;
use crate::progress::Progress;
use crate::store::Store;
use crate::store::attachments::preview::Preview;
use crate::store::index::Overview;

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
    /// Sessions of the same series (department, checklist, scope) up to this one's date,
    /// oldest first, this session included.
    pub history: Vec<TrendPoint>,
    /// Re-checks later sessions' walks made of this session's rectifications, by item
    /// code (docs/design.md §10); empty for the newest round.
    pub later_rechecks: HashMap<String, Vec<Recheck>>,
}

impl SessionReport {
    pub fn new(session: Session, checklist: Arc<Checklist>, history: Vec<TrendPoint>) -> Self {
        let summary = summarize(&checklist, &session);
        SessionReport {
            session,
            checklist,
            summary,
            history,
            later_rechecks: HashMap::new(),
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
    /// Problems from outside and 责任分解 (round reports; `ops::export` fills them).
    pub followup: FollowUpData,
    /// For a round's board (排名): each department session's rectifications, by
    /// session id (see `ops::board::follow_ups_of`); empty when not gathered.
    pub follow_ups: HashMap<Uuid, Vec<FollowUp>>,
    /// Downscaled photos of the sessions' attachments, by SHA-256; a photo missing
    /// here (a document, or one that does not decode) is listed by name.
    pub photos: Photos,
}

/// What a round report adds from the rectification loop (docs/design.md §10, §11).
#[derive(Debug, Clone, Default)]
pub struct FollowUpData {
    /// Open problems from outside of the round's departments.
    pub problems: Vec<Problem>,
    /// 责任分解 of the round.
    pub duties: Vec<Duty>,
}

pub type Photos = std::collections::BTreeMap<String, Arc<Preview>>;

/// Adds the previews of every photo the report's sessions attach that it lacks.
pub fn add_photos(store: &Store, report: &mut Report) {
    for one in &report.sessions {
        for response in one.session.responses.values() {
            for attachment in &response.attachments {
                if !attachment.kind.is_photo() || report.photos.contains_key(&attachment.sha256) {
                    continue;
                }
                if let Some(preview) = store.preview(attachment) {
                    report
                        .photos
                        .insert(attachment.sha256.clone(), Arc::new(preview));
                }
            }
        }
    }
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

    /// Whether a round's sessions are in `order`: the unit session first, then the
    /// departments in `order`. Sessions chosen one by one keep the order given.
    pub fn is_arranged(&self, order: &DepartmentOrder) -> bool {
        self.round_label().is_none()
            || self
                .sessions
                .is_sorted_by(|a, b| round_order(order, a, b) != Ordering::Greater)
    }

    /// A copy with a round's sessions in `order` (see [`Report::is_arranged`]).
    pub fn arranged(&self, order: &DepartmentOrder) -> Report {
        let mut report = self.clone();
        if report.round_label().is_some() {
            report.sessions.sort_by(|a, b| round_order(order, a, b));
        }
        report
    }
}

/// A round's order: unit sessions first (docs/design.md §4), then departments in
/// `order`, then checklist, date and id, so that the order never depends on the disk.
fn round_order(order: &DepartmentOrder, a: &SessionReport, b: &SessionReport) -> Ordering {
    let (a, b) = (&a.session, &b.session);
    (a.scope == ChecklistScope::Department)
        .cmp(&(b.scope == ChecklistScope::Department))
        .then_with(|| order.compare(&a.department, &b.department))
        .then_with(|| a.checklist.id.cmp(&b.checklist.id))
        .then_with(|| a.date.cmp(&b.date))
        .then_with(|| a.id.cmp(&b.id))
}

/// Loads the selected sessions, their checklists and history from the store. Only
/// the chosen sessions are read; the round's members and every history point come
/// from the index (`Store::overview`).
pub fn collect(
    store: &Store,
    selection: &Selection,
    progress: &dyn Progress,
) -> Result<Report, ExportError> {
    let overview = store.overview_with(progress)?;
    let peers = Peers::of(store, &overview);
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
            let broken: Vec<_> = overview
                .unreadable
                .iter()
                .filter(|u| ids.contains(&u.id))
                .collect();
            if !broken.is_empty() {
                return Err(ExportError::unreadable(broken));
            }
            (Scope::Sessions, ids)
        }
        Selection::Round(label) => {
            let wanted = normalize_name(label);
            if !overview.unreadable.is_empty() {
                // Any of them may belong to the round; a report silently missing a
                // department is worse than no report.
                return Err(ExportError::unreadable(
                    overview.unreadable.iter().collect(),
                ));
            }
            let mut members: Vec<&Peer> = peers
                .all
                .iter()
                .filter(|peer| normalize_name(&peer.round) == wanted)
                .collect();
            if members.is_empty() {
                return Err(ExportError::EmptyRound {
                    label: wanted,
                    known: known_rounds(&peers.all),
                });
            }
            members.sort_by(|a, b| {
                a.series
                    .cmp(&b.series)
                    .then_with(|| a.date.cmp(&b.date))
                    .then_with(|| a.id.cmp(&b.id))
            });
            let ids = members.iter().map(|peer| peer.id).collect();
            (Scope::Round { label: wanted }, ids)
        }
    };
    let mut sessions = Vec::with_capacity(chosen.len());
    let total = chosen.len();
    for (done, id) in chosen.into_iter().enumerate() {
        progress.report(done, total);
        let session = store.load(id)?.session;
        let checklist = checklist_of(store, &session)?;
        let history = peers.trend(&session, &checklist);
        // Re-checks by later walks that cannot be read leave the report as filed.
        let later_rechecks = store
            .later_rechecks_among(&session, &checklist, &overview)
            .unwrap_or_default();
        let mut one = SessionReport::new(session, checklist, history);
        one.later_rechecks = later_rechecks;
        sessions.push(one);
    }
    let mut report = Report {
        scope,
        sessions,
        followup: FollowUpData::default(),
        follow_ups: HashMap::new(),
        photos: Photos::new(),
    };
    add_photos(store, &mut report);
    Ok(report)
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
fn known_rounds(peers: &[Peer]) -> Vec<String> {
    rounds_newest_first(peers.iter().map(|peer| (peer.date, peer.round.as_str())))
}

/// Round labels (normalized), newest first: by their latest session date, then label.
pub fn rounds_newest_first<'a>(
    sessions: impl IntoIterator<Item = (NaiveDate, &'a str)>,
) -> Vec<String> {
    let mut rounds: Vec<(NaiveDate, String)> = Vec::new();
    for (date, round) in sessions {
        let label = normalize_name(round);
        match rounds.iter_mut().find(|(_, known)| *known == label) {
            Some((latest, _)) => *latest = (*latest).max(date),
            None => rounds.push((date, label)),
        }
    }
    rounds.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    rounds.into_iter().map(|(_, label)| label).collect()
}

/// What a report needs to know about every session for rounds and trends.
#[derive(Debug, Clone)]
struct Peer {
    id: Uuid,
    series: SeriesKey,
    round: String,
    date: NaiveDate,
    created: DateTime<FixedOffset>,
    /// `None` when nothing is scored, or the session's checklist cannot be read.
    percent: Option<f64>,
}

impl Peer {
    fn new(session: &Session, percent: Option<f64>) -> Peer {
        Peer {
            id: session.id,
            series: session.series_key(),
            round: session.round.clone(),
            date: session.date,
            created: session.created,
            percent,
        }
    }
}

impl InSeries for Peer {
    fn id(&self) -> Uuid {
        self.id
    }
    fn department(&self) -> &str {
        &self.series.department
    }
    fn checklist_id(&self) -> &str {
        &self.series.checklist_id
    }
    fn scope(&self) -> ChecklistScope {
        self.series.scope
    }
    fn date(&self) -> NaiveDate {
        self.date
    }
    fn created(&self) -> DateTime<FixedOffset> {
        self.created
    }
}

/// Every session as a peer, grouped by series, so that finding a session's
/// history does not scan every session again.
struct Peers {
    all: Vec<Peer>,
    groups: HashMap<SeriesKey, Vec<usize>>,
}

impl Peers {
    fn of(store: &Store, overview: &Overview) -> Peers {
        let mut all: Vec<Peer> = overview
            .sessions
            .iter()
            .map(|head| Peer {
                id: head.id,
                series: head.series_key(),
                round: head.round.clone(),
                date: head.date,
                created: head.created,
                percent: head.summary().percent(),
            })
            .collect();
        // Sessions whose checklist is missing are not in the index; they are few.
        for (id, _) in &overview.unscored {
            if let Ok(loaded) = store.load(*id) {
                all.push(Peer::new(&loaded.session, None));
            }
        }
        Peers::grouped(all)
    }

    fn grouped(all: Vec<Peer>) -> Peers {
        let mut groups: HashMap<SeriesKey, Vec<usize>> = HashMap::new();
        for (index, peer) in all.iter().enumerate() {
            groups.entry(peer.series.clone()).or_default().push(index);
        }
        Peers { all, groups }
    }

    /// Other sessions of the same series (department, checklist, scope), dated no later than `session`.
    fn earlier_than(&self, session: &Session) -> Vec<&Peer> {
        self.groups
            .get(&session.series_key())
            .map(|group| {
                group
                    .iter()
                    .map(|&index| &self.all[index])
                    .filter(|other| other.id != session.id && other.date <= session.date)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `session` and the earlier sessions of its series, oldest first.
    fn trend(&self, session: &Session, checklist: &Checklist) -> Vec<TrendPoint> {
        let this = Peer::new(session, summarize(checklist, session).percent());
        let mut points = self.earlier_than(session);
        points.push(&this);
        points.sort_by_key(|peer| peer.chronology());
        points
            .into_iter()
            .map(|peer| TrendPoint {
                date: peer.date,
                round: peer.round.clone(),
                percent: peer.percent,
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
