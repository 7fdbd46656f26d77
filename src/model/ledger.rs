//! The rectification ledger (整改台账): every rectification across sessions and the
//! problems from outside, with overdue marks, how many rounds each has stayed open,
//! and the re-checks later walks made (docs/design.md §7 screen 6, §10).
//!
//! **Closed.** A rectification is closed (销号) by its first passed re-check: one
//! recorded by hand, or one a later session of its series made by marking the item
//! 达标 ([`followup`](super::followup)).
//!
//! **Rounds open.** A rectification recorded on an item in one session counts that
//! session, then each later-dated session of the same series whose checklist still
//! has the item (matched through `renamed`), until it is closed: a session whose walk
//! closed it does not count, nor, when it was closed by hand, any session dated after
//! that day. So a rectification opened in October and still failing in November's
//! session has been open 2 rounds. Problems from outside have no rounds.

use std::cmp::Reverse;

use chrono::NaiveDate;
use uuid::Uuid;

use super::compare::Inspection;
use super::duties::is_every_department;
use super::followup::{CodeMaps, Target, followed, walk_rechecks};
use super::problem::Problem;
use super::rounds::by_series;
use super::session::{FollowUpState, Rectification, Status};

/// A rectification is overdue when its due date has passed (due today is not yet
/// overdue) and the owner has not reported it done since its last failed re-check.
pub fn is_overdue(rectification: &Rectification, today: NaiveDate) -> bool {
    matches!(
        rectification.state(),
        FollowUpState::Open | FollowUpState::Failed
    ) && rectification.due.is_some_and(|due| due < today)
}

/// Which rectifications the ledger lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerScope {
    Open,
    /// Open and closed ones.
    All,
}

/// Where a ledger entry comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Item(ItemOrigin),
    /// A problem from outside (`zicha problem add`).
    Problem {
        id: Uuid,
        source: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemOrigin {
    pub session_id: Uuid,
    pub checklist_id: String,
    pub round: String,
    pub code: String,
    /// The item's status in the session where the rectification was recorded.
    pub status: Status,
    /// See the module documentation.
    pub rounds_open: usize,
}

/// A later session whose walk re-checked the rectification.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkRef {
    pub session_id: Uuid,
    pub round: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerEntry {
    pub origin: Origin,
    pub department: String,
    pub date: NaiveDate,
    pub title: String,
    /// The item's lead department (牵头: its first `owners` entry), if it names one.
    pub lead: Option<String>,
    /// As it stands: the re-checks of its file and those later walks made.
    pub rectification: Rectification,
    pub overdue: bool,
    /// The sessions whose walks re-checked it, in `rectification.rechecks`' order.
    pub walks: Vec<WalkRef>,
}

impl LedgerEntry {
    pub fn is_open(&self) -> bool {
        !self.rectification.is_closed()
    }

    pub fn target(&self) -> Target {
        match &self.origin {
            Origin::Item(item) => Target::Item {
                session: item.session_id,
                code: item.code.clone(),
            },
            Origin::Problem { id, .. } => Target::Problem(*id),
        }
    }

    pub fn item(&self) -> Option<&ItemOrigin> {
        match &self.origin {
            Origin::Item(item) => Some(item),
            Origin::Problem { .. } => None,
        }
    }

    pub fn session_id(&self) -> Option<Uuid> {
        self.item().map(|item| item.session_id)
    }

    pub fn code(&self) -> Option<&str> {
        self.item().map(|item| item.code.as_str())
    }

    /// The item code, or `P-…` for a problem from outside: how a list names the entry.
    pub fn reference(&self) -> String {
        match &self.origin {
            Origin::Item(item) => item.code.clone(),
            Origin::Problem { id, .. } => super::problem::label(*id),
        }
    }

    pub fn rounds_open(&self) -> Option<usize> {
        self.item().map(|item| item.rounds_open)
    }

    pub fn problem_id(&self) -> Option<Uuid> {
        match &self.origin {
            Origin::Problem { id, .. } => Some(*id),
            Origin::Item(_) => None,
        }
    }

    /// 责任科室 as the ledger counts it: the one written on the rectification, else
    /// the item's lead department, else the department where it was found.
    /// "各科室" there means the department where it was found.
    pub fn responsible(&self) -> &str {
        let named = |name: &str| !name.trim().is_empty() && !is_every_department(name);
        let written = self.rectification.owner_department.trim();
        if named(written) {
            return written;
        }
        match self.lead.as_deref() {
            Some(lead) if named(lead) => lead,
            _ => &self.department,
        }
    }

    /// The walk that closed it, if a later session's walk did.
    pub fn closed_by_walk(&self) -> Option<&WalkRef> {
        let session = self.rectification.closing()?.session?;
        self.walks.iter().find(|walk| walk.session_id == session)
    }
}

/// The ledger over `inspections` and `problems`: open entries first; then by due
/// date (none last), department, date, and the item's place in its checklist.
pub fn ledger(
    inspections: &[Inspection<'_>],
    problems: &[Problem],
    today: NaiveDate,
    scope: LedgerScope,
) -> Vec<LedgerEntry> {
    let mut code_maps = CodeMaps::default();
    let mut entries = Vec::new();
    for sessions in by_series(inspections).into_values() {
        for (opened, &&of) in sessions.iter().enumerate() {
            for (position, item) in of.checklist.items().into_iter().enumerate() {
                let Some(recorded) = of
                    .session
                    .response(&item.code)
                    .and_then(|r| r.rectification.as_ref())
                else {
                    continue;
                };
                let later: Vec<Inspection<'_>> =
                    sessions[opened + 1..].iter().map(|later| **later).collect();
                let walked = walk_rechecks(of, &item.code, later.iter().copied(), &mut code_maps);
                let rectification = followed(recorded, walked);
                if rectification.is_closed() && scope == LedgerScope::Open {
                    continue;
                }
                let rounds_open =
                    1 + rounds_after(of, &item.code, &later, &rectification, &mut code_maps);
                let walks = walks_of(&rectification, &later);
                let entry = LedgerEntry {
                    origin: Origin::Item(ItemOrigin {
                        session_id: of.session.id,
                        checklist_id: of.session.checklist.id.clone(),
                        round: of.session.round.clone(),
                        code: item.code.clone(),
                        status: of.session.status(&item.code),
                        rounds_open,
                    }),
                    department: of.session.department.clone(),
                    date: of.session.date,
                    title: item.title.clone(),
                    lead: item.owners.first().cloned(),
                    overdue: is_overdue(&rectification, today),
                    rectification,
                    walks,
                };
                entries.push((position, entry));
            }
        }
    }
    for problem in problems {
        let rectification = problem.rectification.clone();
        if rectification.is_closed() && scope == LedgerScope::Open {
            continue;
        }
        let entry = LedgerEntry {
            origin: Origin::Problem {
                id: problem.id,
                source: problem.source.clone(),
            },
            department: problem.department.clone(),
            date: problem.date,
            title: problem.title.clone(),
            lead: None,
            overdue: is_overdue(&rectification, today),
            rectification,
            walks: Vec::new(),
        };
        entries.push((0, entry));
    }
    entries.sort_by(|a, b| order(a).cmp(&order(b)));
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// Open first, then due date (none last), department, date, checklist, session or
/// problem, and the item's place in its checklist: a total order, so output is stable.
fn order((position, entry): &(usize, LedgerEntry)) -> impl Ord + '_ {
    let due = entry.rectification.due;
    let (checklist, id) = match &entry.origin {
        Origin::Item(item) => (item.checklist_id.as_str(), item.session_id),
        Origin::Problem { id, .. } => ("", *id),
    };
    (
        Reverse(entry.is_open()),
        (due.is_none(), due),
        &entry.department,
        entry.date,
        checklist,
        id,
        *position,
    )
}

/// How many of the `later` sessions count as rounds the rectification stayed open.
fn rounds_after(
    opened: Inspection<'_>,
    code: &str,
    later: &[Inspection<'_>],
    rectification: &Rectification,
    code_maps: &mut CodeMaps,
) -> usize {
    let closing = rectification.closing();
    let mut count = 0;
    for next in later {
        if next.session.date <= opened.session.date {
            continue;
        }
        if let Some(closing) = closing {
            let closed_here = closing.session == Some(next.session.id);
            if closed_here || next.session.date > closing.at.date_naive() {
                break;
            }
        }
        if code_maps
            .between(opened.checklist, next.checklist)
            .current_code(code)
            .is_none()
        {
            break;
        }
        count += 1;
    }
    count
}

fn walks_of(rectification: &Rectification, later: &[Inspection<'_>]) -> Vec<WalkRef> {
    rectification
        .rechecks
        .iter()
        .filter_map(|recheck| recheck.session)
        .filter_map(|id| later.iter().find(|of| of.session.id == id))
        .map(|of| WalkRef {
            session_id: of.session.id,
            round: of.session.round.clone(),
            date: of.session.date,
        })
        .collect()
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
