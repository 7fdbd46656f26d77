//! A session (检查记录): one department × one checklist × one round.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::attachment::Attachment;
use super::checklist::Scope;
use super::rate::SurveyedRate;

/// The newest session file format this build reads and writes.
/// 2 added revision ids (`rev`, `seen`, `header_rev`, `header_seen`) and `conflicts`;
/// format-1 files load unchanged (see `model::revision`).
/// 3 added a session's `scope` and a response's `level`, `counts` and `rate`; later
/// optional fields of this development phase join format 3, each skipped when empty:
/// the rectification loop's `owner_department`, `measure` and `rechecks`
/// (a rectification marked done in format 1 or 2 counts as closed: see
/// [`Session::imply_legacy_rechecks`]);
/// and a response's `attachments` (DESIGN §12).
pub const FORMAT: u32 = 3;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Pending,
    Pass,
    Partial,
    Fail,
    Na,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Pending,
        Status::Pass,
        Status::Partial,
        Status::Fail,
        Status::Na,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Pass => "pass",
            Status::Partial => "partial",
            Status::Fail => "fail",
            Status::Na => "na",
        }
    }

    /// The Chinese word (未查, 达标…), from the text module.
    pub fn zh(self) -> &'static str {
        crate::i18n::Lang::Zh.status(self)
    }

    /// Partial and fail are problems that need rectification.
    pub fn is_problem(self) -> bool {
        matches!(self, Status::Partial | Status::Fail)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status {0:?}; expected one of: pending, pass, partial, fail, na")]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let word = text.trim();
        Status::ALL
            .into_iter()
            .find(|status| status.as_str().eq_ignore_ascii_case(word) || status.zh() == word)
            .ok_or_else(|| UnknownStatus(text.to_string()))
    }
}

/// The checklist a session was made with: its id, version and the hash of its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistRef {
    pub id: String,
    pub version: u32,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreeDeduction {
    pub reason: String,
    pub points: f64,
}

pub use super::rectification::{
    FollowUpState, Recheck, RecheckResult, Rectification, RectificationDone,
};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Response {
    #[serde(default)]
    pub status: Status,
    /// 0-based indexes into the item's predefined `deductions`, sorted, no repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deductions: Vec<usize>,
    /// Occurrences of per-occurrence deductions applied more than once: index → K ≥ 2.
    /// A picked deduction without an entry is applied once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<usize, u32>,
    /// The level label (测评等次) the item was judged with, instead of deductions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The surveyed rate of a rate item (知晓率, 满意率).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<SurveyedRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_deduction: Option<FreeDeduction>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Evidence references: file paths or labels such as "照片 3 张".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification: Option<Rectification>,
    /// Photos and documents attached as evidence, in the order attached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Who last changed this response, and when.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<FixedOffset>>,
    /// This version's revision id and the ids it descends from, newest first
    /// (`model::revision`); filled in when saved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rev: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
}

impl Response {
    /// A response with nothing in it is not worth storing.
    pub fn is_blank(&self) -> bool {
        self.status == Status::Pending
            && self.deductions.is_empty()
            && self.counts.is_empty()
            && self.level.is_none()
            && self.rate.is_none()
            && self.free_deduction.is_none()
            && self.note.is_empty()
            && self.evidence.is_empty()
            && self.rectification.is_none()
            && self.attachments.is_empty()
    }

    /// How many times the predefined deduction `index` is applied (1 unless counted).
    pub fn count(&self, index: usize) -> u32 {
        self.counts.get(&index).copied().unwrap_or(1).max(1)
    }

    /// Marks a plain status: a status clears the level and the rate it replaces.
    pub fn set_status(&mut self, status: Status) {
        self.status = status;
        self.level = None;
        self.rate = None;
    }

    /// A rectification not closed by a re-check recorded in this file.
    pub fn has_open_rectification(&self) -> bool {
        self.rectification.as_ref().is_some_and(|r| !r.is_closed())
    }

    /// The same content, ignoring who, when and revision ids.
    pub fn same_content(&self, other: &Response) -> bool {
        let strip = |r: &Response| Response {
            by: String::new(),
            at: None,
            rev: String::new(),
            seen: Vec::new(),
            ..r.clone()
        };
        strip(self) == strip(other)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: u32,
    pub id: Uuid,
    pub checklist: ChecklistRef,
    pub round: String,
    pub date: NaiveDate,
    pub department: String,
    /// A department session (the default) or a unit session, which also walks the
    /// items judged once for the whole unit.
    #[serde(default, skip_serializing_if = "Scope::is_department")]
    pub scope: Scope,
    #[serde(default)]
    pub inspector: String,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    /// Save counter: grows by one with every save; decides order, not the clock.
    pub seq: u64,
    #[serde(default)]
    pub finished: Option<DateTime<FixedOffset>>,
    /// Revision of the header (round, date, department, inspector, finished), as for responses.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub header_rev: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_seen: Vec<String>,
    /// Responses keyed by item code. Blank ones are dropped when edited; a blank one
    /// that is stored marks an item cleared after it was saved (`model::revision`).
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// Item code → the versions that lost a merge against the current response,
    /// kept for review (`model::merge`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conflicts: BTreeMap<String, Vec<Response>>,
}

impl Session {
    pub fn new(
        id: Uuid,
        checklist: ChecklistRef,
        round: String,
        date: NaiveDate,
        department: String,
        inspector: String,
        now: DateTime<FixedOffset>,
    ) -> Session {
        Session {
            format: FORMAT,
            id,
            checklist,
            round,
            date,
            department,
            scope: Scope::Department,
            inspector,
            created: now,
            updated: now,
            seq: 0,
            finished: None,
            header_rev: String::new(),
            header_seen: Vec::new(),
            responses: BTreeMap::new(),
            conflicts: BTreeMap::new(),
        }
    }

    /// Files from before the rectification loop (format < 3): a rectification marked
    /// done counts as closed, its re-check implied. Done in memory when such a file
    /// is read; written out only if the session is saved.
    pub fn imply_legacy_rechecks(&mut self) {
        if self.format >= 3 {
            return;
        }
        let responses = self.responses.values_mut();
        let lost = self.conflicts.values_mut().flatten();
        for response in responses.chain(lost) {
            if let Some(rectification) = response.rectification.as_mut() {
                rectification.imply_legacy_recheck();
            }
        }
    }

    pub fn response(&self, code: &str) -> Option<&Response> {
        self.responses.get(code)
    }

    pub fn status(&self, code: &str) -> Status {
        self.response(code).map(|r| r.status).unwrap_or_default()
    }

    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Stores `response` for `code` (dropping it when blank), stamping who and when.
    /// Counts are kept only for picked deductions applied more than once, so the same
    /// marks always give the same file.
    pub fn set_response(
        &mut self,
        code: &str,
        mut response: Response,
        by: &str,
        now: DateTime<FixedOffset>,
    ) {
        let Response {
            deductions, counts, ..
        } = &mut response;
        counts.retain(|index, count| *count > 1 && deductions.contains(index));
        if response.is_blank() {
            self.responses.remove(code);
        } else {
            response.by = by.to_string();
            response.at = Some(now);
            self.responses.insert(code.to_string(), response);
        }
        self.updated = now;
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
