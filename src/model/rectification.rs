//! A rectification (整改) and its 复查 records: the data of the loop 整改 → 复查 → 销号
//! (docs/design.md §10), stored in session and problem files (format 3).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A rectification (整改) of an item or of a problem from outside, and its 复查
/// (docs/design.md §10). It is closed (销号) only by a passed re-check.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Rectification {
    /// 责任科室: the department that answers for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner_department: String,
    /// 责任人: a person (files from before the loop may hold a department; kept as written).
    #[serde(default)]
    pub owner: String,
    /// 整改措施.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// 整改时限.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// 整改落实情况: the owner reported it done.
    #[serde(default)]
    pub done: Option<RectificationDone>,
    /// Every 复查 recorded in this file, oldest first. Re-checks by a later session's
    /// walk are derived when reading (`model::followup`) and never stored here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rechecks: Vec<Recheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationDone {
    pub at: DateTime<FixedOffset>,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub note: String,
}

/// The outcome of a 复查.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecheckResult {
    Pass,
    Fail,
}

impl RecheckResult {
    pub fn as_str(self) -> &'static str {
        match self {
            RecheckResult::Pass => "pass",
            RecheckResult::Fail => "fail",
        }
    }
}

/// One 复查 of a rectification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recheck {
    pub result: RecheckResult,
    #[serde(default)]
    pub by: String,
    pub at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The session whose walk re-checked it; `None` when recorded by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Uuid>,
    /// Not recorded by anyone: a rectification marked done before the loop existed
    /// (a format 1 or 2 file) counts as re-checked and closed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub implied: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Where a rectification stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FollowUpState {
    /// Nothing reported yet.
    Open,
    /// Reported done (整改落实), waiting for its 复查.
    Done,
    /// The latest 复查 failed and nothing was reported since.
    Failed,
    /// 销号: a 复查 passed.
    Closed,
}

impl Rectification {
    /// A passed re-check closes it (销号).
    pub fn is_closed(&self) -> bool {
        self.closing().is_some()
    }

    /// The re-check that closed it: the first one that passed.
    pub fn closing(&self) -> Option<&Recheck> {
        self.rechecks
            .iter()
            .find(|recheck| recheck.result == RecheckResult::Pass)
    }

    /// The latest re-check (`recheck` in JSON).
    pub fn recheck(&self) -> Option<&Recheck> {
        self.rechecks.last()
    }

    pub fn state(&self) -> FollowUpState {
        if self.is_closed() {
            return FollowUpState::Closed;
        }
        match (&self.done, self.recheck()) {
            (Some(done), Some(failed)) if done.at > failed.at => FollowUpState::Done,
            (_, Some(_)) => FollowUpState::Failed,
            (Some(_), None) => FollowUpState::Done,
            (None, None) => FollowUpState::Open,
        }
    }

    /// Whether anything is in it: a rectification exists once any of owner, owner
    /// department, measure or due is given.
    pub fn is_blank(&self) -> bool {
        self.owner.trim().is_empty()
            && self.owner_department.trim().is_empty()
            && self.measure.trim().is_empty()
            && self.due.is_none()
            && self.done.is_none()
            && self.rechecks.is_empty()
    }

    /// Files from before the loop (format 1 and 2) closed a rectification by marking
    /// it done: that counts as a passed re-check, by the same person at the same time.
    pub fn imply_legacy_recheck(&mut self) {
        if let Some(done) = &self.done
            && self.rechecks.is_empty()
        {
            self.rechecks.push(Recheck {
                result: RecheckResult::Pass,
                by: done.by.clone(),
                at: done.at,
                note: String::new(),
                session: None,
                implied: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn recheck(result: RecheckResult, when: &str) -> Recheck {
        Recheck {
            result,
            by: "王敏".into(),
            at: at(when),
            note: String::new(),
            session: None,
            implied: false,
        }
    }

    #[test]
    fn the_state_follows_done_and_rechecks_and_only_a_pass_closes() {
        let mut rect = Rectification {
            owner_department: "办公室".into(),
            owner: "李明".into(),
            ..Rectification::default()
        };
        assert_eq!(rect.state(), FollowUpState::Open);
        rect.done = Some(RectificationDone {
            at: at("2026-11-20T10:00:00+08:00"),
            by: "李明".into(),
            note: "已整改".into(),
        });
        assert_eq!(rect.state(), FollowUpState::Done);
        rect.rechecks
            .push(recheck(RecheckResult::Fail, "2026-11-22T10:00:00+08:00"));
        assert_eq!(
            rect.state(),
            FollowUpState::Failed,
            "done is kept, still open"
        );
        assert!(rect.done.is_some() && !rect.is_closed());
        rect.done = Some(RectificationDone {
            at: at("2026-11-25T10:00:00+08:00"),
            by: "李明".into(),
            note: "再次整改".into(),
        });
        assert_eq!(
            rect.state(),
            FollowUpState::Done,
            "reported again after the failure"
        );
        rect.rechecks
            .push(recheck(RecheckResult::Pass, "2026-11-28T10:00:00+08:00"));
        rect.rechecks
            .push(recheck(RecheckResult::Fail, "2026-11-29T10:00:00+08:00"));
        assert_eq!(rect.state(), FollowUpState::Closed);
        assert_eq!(
            rect.closing().map(|r| r.at),
            Some(at("2026-11-28T10:00:00+08:00"))
        );
        assert_eq!(rect.recheck().map(|r| r.result), Some(RecheckResult::Fail));
    }
}
