//! The round board (排名, docs/design.md §15): a round's department sessions ranked
//! by percent (ties: less deducted first), each with a red, yellow or green band and
//! the on-time rate of its department's rectifications closed so far.
//!
//! Two rows tie when their percent and deduction agree to the 2 decimals every
//! output shows; tied rows share a rank (1, 1, 3) and are listed in department order.

use std::cmp::Reverse;

use chrono::NaiveDate;
use uuid::Uuid;

use super::ledger::LedgerEntry;
use super::order::DepartmentOrder;
use super::verdict::{Summary, Verdict};

/// Below this percent a row is red.
pub const RED_BELOW: f64 = 60.0;
/// From this percent, with nothing pending, a row is green.
pub const GREEN_FROM: f64 = 90.0;

/// Slack for percents computed in floating point (59.999999… is 60).
const EPSILON: f64 = 1e-9;

/// A row's band on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Band {
    /// 一票否决, 取消评优资格, or percent below 60.
    Red,
    /// Neither red nor green: 60–90, or 90 and above with items still pending.
    Yellow,
    /// Percent 90 or above with no base or veto item pending.
    Green,
}

impl Band {
    /// The code in `--json` output.
    pub fn code(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
        }
    }

    /// The band of a session summed up as `summary`.
    pub fn of(summary: &Summary) -> Band {
        if matches!(summary.verdict(), Verdict::Veto | Verdict::Disqualified) {
            return Band::Red;
        }
        match summary.percent() {
            Some(percent) if percent + EPSILON < RED_BELOW => Band::Red,
            Some(percent) if percent + EPSILON >= GREEN_FROM && summary.is_final() => Band::Green,
            _ => Band::Yellow,
        }
    }
}

/// One rectification as the on-time rate reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUp {
    pub due: Option<NaiveDate>,
    /// The day it was closed (销号), `None` while open.
    pub closed_on: Option<NaiveDate>,
}

impl FollowUp {
    /// The ledger entry's due date and the day it was closed (its passed 复查).
    pub fn of(entry: &LedgerEntry) -> FollowUp {
        FollowUp {
            due: entry.rectification.due,
            // 销号 is the re-check that passed, not the owner's report of the work.
            closed_on: entry
                .rectification
                .closing()
                .map(|recheck| recheck.at.date_naive()),
        }
    }

    /// Closed on or before its due date; one without a due date cannot be late.
    fn closed_on_time(&self) -> Option<bool> {
        let closed = self.closed_on?;
        Some(self.due.is_none_or(|due| closed <= due))
    }
}

/// Percent of the closed rectifications closed by their due date; `None` when none
/// is closed yet.
pub fn on_time_rate(follow_ups: &[FollowUp]) -> Option<f64> {
    let closed: Vec<bool> = follow_ups
        .iter()
        .filter_map(FollowUp::closed_on_time)
        .collect();
    if closed.is_empty() {
        return None;
    }
    let on_time = closed.iter().filter(|on_time| **on_time).count();
    Some(on_time as f64 / closed.len() as f64 * 100.0)
}

/// What the board is made of, per department session of the round.
#[derive(Debug, Clone, PartialEq)]
pub struct Contender {
    pub session_id: Uuid,
    pub department: String,
    pub summary: Summary,
    /// The department's rectifications, for the on-time rate.
    pub follow_ups: Vec<FollowUp>,
}

/// One row of the board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    /// 1-based; tied rows share one.
    pub rank: usize,
    pub session_id: Uuid,
    pub department: String,
    pub summary: Summary,
    pub on_time_rate: Option<f64>,
    pub band: Band,
}

/// What ranks a row: percent (none last), then less deducted, both as shown.
fn standing(summary: &Summary) -> (Option<i64>, i64) {
    let hundredths = |value: f64| (value * 100.0).round() as i64;
    (
        summary.percent().map(hundredths),
        hundredths(summary.deducted()),
    )
}

/// The board: `contenders` ranked, tied rows in `order`.
pub fn rank(mut contenders: Vec<Contender>, order: &DepartmentOrder) -> Vec<BoardRow> {
    let key = |contender: &Contender| {
        let (percent, deducted) = standing(&contender.summary);
        (percent.is_none(), Reverse(percent), deducted)
    };
    let better_first = |a: &Contender, b: &Contender| {
        key(a)
            .cmp(&key(b))
            .then_with(|| order.compare(&a.department, &b.department))
            .then_with(|| a.session_id.cmp(&b.session_id))
    };
    contenders.sort_by(better_first);
    let mut rows: Vec<BoardRow> = Vec::with_capacity(contenders.len());
    for (index, contender) in contenders.into_iter().enumerate() {
        let rank = match rows.last() {
            Some(last) if standing(&last.summary) == standing(&contender.summary) => last.rank,
            _ => index + 1,
        };
        rows.push(BoardRow {
            rank,
            session_id: contender.session_id,
            on_time_rate: on_time_rate(&contender.follow_ups),
            band: Band::of(&contender.summary),
            department: contender.department,
            summary: contender.summary,
        });
    }
    rows
}

#[cfg(test)]
#[path = "board_tests.rs"]
pub(crate) mod tests;
