//! The rectification ledger (整改台账): every rectification across sessions, with
//! overdue marks and how many rounds each has stayed open. docs/design.md §7 screen 6.
//!
//! **Rounds open.** A rectification is recorded on an item in one session. It counts
//! that session, then each following session of the same series (department and
//! checklist id, see [`rounds`](super::rounds)) for as long as the item — matched
//! through `renamed` — is still unresolved there: pending (not re-checked yet),
//! partial or fail, or carrying an open rectification of its own. The count stops at
//! the first later session where the item is pass or na, or no longer exists. For a
//! closed rectification only sessions dated on or before the day it was closed count.
//! So a rectification opened in October and still failing in November's session has
//! been open 2 rounds.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::checklist::Checklist;
use super::compare::Inspection;
use super::matching::CodeMap;
use super::recheck::needs_recheck;
use super::rounds::by_series;
use super::session::{Rectification, Status};

/// A rectification is overdue when it is still open and its due date has passed
/// (due today is not yet overdue).
pub fn is_overdue(rectification: &Rectification, today: NaiveDate) -> bool {
    rectification.done.is_none() && rectification.due.is_some_and(|due| due < today)
}

/// Which rectifications the ledger lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerScope {
    Open,
    /// Open and closed ones.
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LedgerEntry {
    pub session_id: Uuid,
    pub department: String,
    pub checklist_id: String,
    pub round: String,
    pub date: NaiveDate,
    pub code: String,
    pub title: String,
    /// The item's status in the session where the rectification was recorded.
    pub status: Status,
    pub rectification: Rectification,
    /// Open with a due date before `today`.
    pub overdue: bool,
    /// See the module documentation.
    pub rounds_open: usize,
}

impl LedgerEntry {
    pub fn is_open(&self) -> bool {
        self.rectification.done.is_none()
    }
}

/// The ledger over `inspections`: open entries first; then by due date (none last),
/// department, session date, and the item's place in its checklist.
pub fn ledger(
    inspections: &[Inspection<'_>],
    today: NaiveDate,
    scope: LedgerScope,
) -> Vec<LedgerEntry> {
    let mut code_maps = CodeMaps::default();
    let mut entries = Vec::new();
    for sessions in by_series(inspections).into_values() {
        for (opened, &&of) in sessions.iter().enumerate() {
            for (position, item) in of.checklist.items().into_iter().enumerate() {
                let Some(rectification) = of
                    .session
                    .response(&item.code)
                    .and_then(|r| r.rectification.as_ref())
                else {
                    continue;
                };
                let open = rectification.done.is_none();
                if !open && scope == LedgerScope::Open {
                    continue;
                }
                let closed_on = rectification.done.as_ref().map(|done| done.at.date_naive());
                let later = sessions[opened + 1..]
                    .iter()
                    .map(|later| **later)
                    .filter(|later| closed_on.is_none_or(|day| later.session.date <= day));
                let rounds_open = 1 + carried_by(of, &item.code, later, &mut code_maps);
                let entry = LedgerEntry {
                    session_id: of.session.id,
                    department: of.session.department.clone(),
                    checklist_id: of.session.checklist.id.clone(),
                    round: of.session.round.clone(),
                    date: of.session.date,
                    code: item.code.clone(),
                    title: item.title.clone(),
                    status: of.session.status(&item.code),
                    rectification: rectification.clone(),
                    overdue: is_overdue(rectification, today),
                    rounds_open,
                };
                entries.push((position, entry));
            }
        }
    }
    entries.sort_by(|a, b| order(a).cmp(&order(b)));
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// Open first, then due date (none last), department, session date, checklist,
/// session, and the item's place in its checklist: a total order, so output is stable.
fn order((position, entry): &(usize, LedgerEntry)) -> impl Ord + '_ {
    let due = entry.rectification.due;
    (
        Reverse(entry.is_open()),
        (due.is_none(), due),
        &entry.department,
        entry.date,
        &entry.checklist_id,
        entry.session_id,
        *position,
    )
}

/// How many of the `later` sessions, in a row, still carry `code` of `opened` unresolved.
fn carried_by<'a>(
    opened: Inspection<'a>,
    code: &str,
    later: impl Iterator<Item = Inspection<'a>>,
    code_maps: &mut CodeMaps,
) -> usize {
    let mut count = 0;
    for next in later {
        let map = code_maps.between(opened.checklist, next.checklist);
        let Some(next_code) = map.current_code(code) else {
            break;
        };
        let unresolved = match next.session.response(next_code) {
            None => true,
            Some(response) => response.status == Status::Pending || needs_recheck(response),
        };
        if !unresolved {
            break;
        }
        count += 1;
    }
    count
}

/// Code maps already built, keyed by the two checklists' addresses.
#[derive(Default)]
struct CodeMaps(HashMap<(usize, usize), CodeMap>);

impl CodeMaps {
    fn between(&mut self, prior: &Checklist, current: &Checklist) -> &CodeMap {
        let key = (
            std::ptr::from_ref(prior) as usize,
            std::ptr::from_ref(current) as usize,
        );
        self.0
            .entry(key)
            .or_insert_with(|| CodeMap::between(prior, current))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::matching::tests::{checklist, item};
    use crate::model::rounds::tests::session;
    use crate::model::session::{RectificationDone, Session};
    use chrono::DateTime;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn assign(session: &mut Session, code: &str, status: Status, owner: &str, due: &str) {
        let response = session.responses.entry(code.into()).or_default();
        response.status = status;
        response.rectification = Some(Rectification {
            owner: owner.into(),
            due: Some(date(due)),
            done: None,
        });
    }

    fn mark(session: &mut Session, code: &str, status: Status) {
        session.responses.entry(code.into()).or_default().status = status;
    }

    fn close(session: &mut Session, code: &str, on: &str) {
        let at = DateTime::parse_from_rfc3339(&format!("{on}T10:00:00+08:00")).expect("test time");
        if let Some(rect) = session
            .responses
            .get_mut(code)
            .and_then(|r| r.rectification.as_mut())
        {
            rect.done = Some(RectificationDone {
                at,
                by: "王敏".into(),
                note: "已整改".into(),
            });
        }
    }

    fn summary(entries: &[LedgerEntry]) -> Vec<(String, String, bool, usize)> {
        entries
            .iter()
            .map(|e| {
                (
                    e.department.clone(),
                    e.code.clone(),
                    e.overdue,
                    e.rounds_open,
                )
            })
            .collect()
    }

    #[test]
    fn open_entries_with_overdue_and_rounds_open() {
        let list = checklist(1, ["a", "b", "c"].map(|c| item(c, 2.0)).to_vec(), &[]);
        let mut october = session(1, "办公室", "2026-10-15", "09:00");
        assign(&mut october, "a", Status::Fail, "李明", "2026-11-01");
        assign(&mut october, "b", Status::Partial, "张华", "2026-12-31");
        let mut november = session(2, "办公室", "2026-11-15", "09:00");
        mark(&mut november, "a", Status::Partial); // a still unresolved
        mark(&mut november, "b", Status::Pass); // b resolved, though not closed
        let mut december = session(3, "办公室", "2026-12-10", "09:00"); // a pending: not re-checked
        assign(&mut december, "c", Status::Fail, "赵强", "2026-12-20");
        let mut elsewhere = session(4, "党群科", "2026-11-20", "09:00");
        assign(&mut elsewhere, "a", Status::Fail, "钱进", "2026-11-30");
        let all = [&october, &november, &december, &elsewhere].map(|s| Inspection::new(s, &list));
        let entries = ledger(&all, date("2026-12-15"), LedgerScope::Open);
        assert_eq!(
            summary(&entries),
            [
                ("办公室".into(), "a".into(), true, 3),
                ("党群科".into(), "a".into(), true, 1),
                ("办公室".into(), "c".into(), false, 1),
                ("办公室".into(), "b".into(), false, 1),
            ]
        );
        assert_eq!(entries[0].rectification.owner, "李明");
        assert_eq!(entries[0].status, Status::Fail);
        assert_eq!(entries[0].session_id, Uuid::from_u128(1));
    }

    #[test]
    fn due_today_is_not_yet_overdue() {
        let list = checklist(1, ["a", "b"].map(|c| item(c, 2.0)).to_vec(), &[]);
        let mut october = session(1, "办公室", "2026-10-15", "09:00");
        assign(&mut october, "a", Status::Fail, "李明", "2026-12-15");
        assign(&mut october, "b", Status::Fail, "李明", "2026-12-14");
        let all = [Inspection::new(&october, &list)];
        let entries = ledger(&all, date("2026-12-15"), LedgerScope::Open);
        let overdue: Vec<(&str, bool)> = entries
            .iter()
            .map(|e| (e.code.as_str(), e.overdue))
            .collect();
        assert_eq!(overdue, [("b", true), ("a", false)]);
    }

    #[test]
    fn overdue_needs_an_open_rectification_past_its_due_date() {
        let mut rectification = Rectification {
            owner: "李明".into(),
            due: Some(date("2026-12-14")),
            done: None,
        };
        assert!(is_overdue(&rectification, date("2026-12-15")));
        assert!(!is_overdue(&rectification, date("2026-12-14")));
        rectification.due = None;
        assert!(!is_overdue(&rectification, date("2027-01-01")));
        rectification.due = Some(date("2026-12-14"));
        rectification.done = Some(RectificationDone {
            at: DateTime::parse_from_rfc3339("2026-12-20T10:00:00+08:00").expect("time"),
            by: "王敏".into(),
            note: String::new(),
        });
        assert!(!is_overdue(&rectification, date("2026-12-31")));
    }

    #[test]
    fn closed_entries_only_with_all_and_never_overdue() {
        let list = checklist(1, ["a", "b"].map(|c| item(c, 2.0)).to_vec(), &[]);
        let mut october = session(1, "办公室", "2026-10-15", "09:00");
        assign(&mut october, "a", Status::Fail, "李明", "2026-11-01");
        assign(&mut october, "b", Status::Fail, "张华", "2026-11-01");
        close(&mut october, "a", "2026-11-10");
        let mut november = session(2, "办公室", "2026-11-15", "09:00");
        mark(&mut november, "a", Status::Fail);
        let all = [&october, &november].map(|s| Inspection::new(s, &list));
        let today = date("2026-12-15");
        let open = ledger(&all, today, LedgerScope::Open);
        assert_eq!(summary(&open), [("办公室".into(), "b".into(), true, 2)]);
        let every = ledger(&all, today, LedgerScope::All);
        assert_eq!(every.len(), 2);
        let closed = &every[1];
        assert!(!closed.is_open());
        assert_eq!(closed.code, "a");
        assert!(!closed.overdue);
        assert_eq!(closed.rounds_open, 1, "closed before November's session");
        let done = closed.rectification.done.as_ref().expect("closed");
        assert_eq!(done.by, "王敏");
    }

    #[test]
    fn rounds_open_follows_renamed_items_and_stops_where_they_are_gone() {
        let v1 = checklist(1, ["old", "gone"].map(|c| item(c, 2.0)).to_vec(), &[]);
        let v2 = checklist(2, vec![item("new", 2.0)], &[("old", "new")]);
        let mut october = session(1, "办公室", "2026-10-15", "09:00");
        october.checklist.version = 1;
        assign(&mut october, "old", Status::Fail, "李明", "2027-01-01");
        assign(&mut october, "gone", Status::Fail, "李明", "2027-01-01");
        let mut november = session(2, "办公室", "2026-11-15", "09:00");
        november.checklist.version = 2;
        mark(&mut november, "new", Status::Fail);
        let all = [
            Inspection::new(&october, &v1),
            Inspection::new(&november, &v2),
        ];
        let entries = ledger(&all, date("2026-12-15"), LedgerScope::Open);
        assert_eq!(
            summary(&entries),
            [
                ("办公室".into(), "old".into(), false, 2),
                ("办公室".into(), "gone".into(), false, 1),
            ]
        );
    }
}
