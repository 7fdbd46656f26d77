//! Problems from outside (上级通报, 测评反馈): a ledger entry of their own with a
//! rectification, stored one file each under `problems/` (docs/design.md §5, §10).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::session::Rectification;

/// The newest problem file format this build reads and writes.
pub const PROBLEM_FORMAT: u32 = 1;

/// How problem ids are written: `P-` and the uuid.
pub const ID_PREFIX: &str = "P-";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub format: u32,
    pub id: Uuid,
    /// The department the problem was found in (or the unit's name).
    pub department: String,
    pub title: String,
    /// Where it came from: "市文明办通报", "测评反馈"…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// When it was found or reported.
    pub date: NaiveDate,
    /// Who entered it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    /// Save counter, as for sessions.
    pub seq: u64,
    pub rectification: Rectification,
    /// This version's id and the ids it descends from, newest first (as for a
    /// session's responses, `model::revision`); filled in when saved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rev: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
}

/// How many ancestors a problem version remembers.
const ANCESTRY_LIMIT: usize = 12;

impl Problem {
    /// `P-<uuid>`, as printed and accepted by the command line.
    pub fn label(&self) -> String {
        label(self.id)
    }

    /// The id of this content: a short hash of everything but the save bookkeeping.
    pub fn content_rev(&self) -> String {
        let content = Problem {
            seq: 0,
            updated: self.created,
            rev: String::new(),
            seen: Vec::new(),
            format: 0,
            ..self.clone()
        };
        let text = serde_json::to_string(&content).unwrap_or_default();
        let digest = Sha256::digest(text.as_bytes());
        digest[..6].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Before a save: a changed content gets a new id descending from the saved one.
    pub fn stamp(&mut self, saved: Option<&Problem>) {
        let rev = self.content_rev();
        match saved {
            Some(saved) if saved.rev == rev => {
                self.rev = rev;
                self.seen = saved.seen.clone();
            }
            Some(saved) => {
                let mut seen = vec![saved.rev.clone()];
                seen.extend(saved.seen.iter().cloned());
                seen.retain(|id| !id.is_empty());
                seen.truncate(ANCESTRY_LIMIT);
                self.rev = rev;
                self.seen = seen;
            }
            None => {
                self.rev = rev;
            }
        }
    }

    /// The id of this version: the stored one, or for a file without, its content's.
    pub fn version(&self) -> String {
        if self.rev.is_empty() {
            self.content_rev()
        } else {
            self.rev.clone()
        }
    }

    fn descends_from(&self, other: &Problem) -> bool {
        let other = other.version();
        self.version() == other || self.seen.contains(&other)
    }
}

/// `P-<uuid>` for a problem id.
pub fn label(id: Uuid) -> String {
    format!("{ID_PREFIX}{id}")
}

/// The part after `P-` (either case), if `text` names a problem.
pub fn strip_prefix(text: &str) -> Option<&str> {
    let text = text.trim();
    let head = text.get(..ID_PREFIX.len())?;
    head.eq_ignore_ascii_case(ID_PREFIX)
        .then(|| &text[ID_PREFIX.len()..])
}

/// How two copies of one problem merge.
#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    /// The same version, or ours already has theirs.
    Ours,
    /// Theirs has everything ours has and more.
    Theirs,
    /// Both changed: re-checks of both kept, the other fields from the copy saved more
    /// often (ours on a tie), a done report from the later of the two.
    Both(Box<Problem>),
}

pub fn merge(ours: &Problem, theirs: &Problem) -> Merged {
    if ours.descends_from(theirs) {
        return Merged::Ours;
    }
    if theirs.descends_from(ours) {
        return Merged::Theirs;
    }
    let (base, other) = if theirs.seq > ours.seq {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut merged = base.clone();
    let rect = &mut merged.rectification;
    for recheck in &other.rectification.rechecks {
        if !rect.rechecks.contains(recheck) {
            rect.rechecks.push(recheck.clone());
        }
    }
    rect.rechecks.sort_by_key(|recheck| recheck.at);
    rect.done = match (&ours.rectification.done, &theirs.rectification.done) {
        (Some(a), Some(b)) => Some(if b.at > a.at { b.clone() } else { a.clone() }),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    merged.seq = ours.seq.max(theirs.seq);
    merged.updated = ours.updated.max(theirs.updated);
    let mut seen = vec![ours.version(), theirs.version()];
    seen.extend(ours.seen.iter().cloned());
    seen.extend(theirs.seen.iter().cloned());
    seen.dedup();
    seen.truncate(ANCESTRY_LIMIT);
    merged.rev = String::new();
    merged.seen = seen;
    merged.rev = merged.content_rev();
    Merged::Both(Box::new(merged))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::{Recheck, RecheckResult, RectificationDone};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn problem() -> Problem {
        let now = at("2026-11-20T09:00:00+08:00");
        Problem {
            format: PROBLEM_FORMAT,
            id: Uuid::from_u128(7),
            department: "办公室".into(),
            title: "公示栏内容过期".into(),
            source: "市文明办通报".into(),
            date: now.date_naive(),
            by: "王敏".into(),
            created: now,
            updated: now,
            seq: 1,
            rectification: Rectification {
                owner_department: "办公室".into(),
                owner: "李明".into(),
                ..Rectification::default()
            },
            rev: String::new(),
            seen: Vec::new(),
        }
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
    fn the_prefix_is_accepted_in_either_case() {
        assert_eq!(strip_prefix("P-01a2"), Some("01a2"));
        assert_eq!(strip_prefix(" p-01a2 "), Some("01a2"));
        assert_eq!(strip_prefix("01a2"), None);
        assert_eq!(strip_prefix("P"), None);
        assert_eq!(problem().label(), format!("P-{}", Uuid::from_u128(7)));
    }

    #[test]
    fn a_copy_that_has_seen_the_other_wins_and_concurrent_rechecks_are_all_kept() {
        let mut saved = problem();
        saved.stamp(None);
        let mut mine = saved.clone();
        mine.rectification
            .rechecks
            .push(recheck(RecheckResult::Fail, "2026-11-21T10:00:00+08:00"));
        mine.seq = 2;
        mine.stamp(Some(&saved));
        assert_eq!(merge(&mine, &saved), Merged::Ours);
        assert_eq!(merge(&saved, &mine), Merged::Theirs);
        let mut theirs = saved.clone();
        theirs.rectification.done = Some(RectificationDone {
            at: at("2026-11-22T10:00:00+08:00"),
            by: "李明".into(),
            note: "已更新".into(),
        });
        theirs
            .rectification
            .rechecks
            .push(recheck(RecheckResult::Pass, "2026-11-23T10:00:00+08:00"));
        theirs.seq = 2;
        theirs.stamp(Some(&saved));
        let Merged::Both(merged) = merge(&mine, &theirs) else {
            panic!("concurrent");
        };
        let results: Vec<RecheckResult> = merged
            .rectification
            .rechecks
            .iter()
            .map(|r| r.result)
            .collect();
        assert_eq!(results, [RecheckResult::Fail, RecheckResult::Pass]);
        assert!(merged.rectification.is_closed());
        assert_eq!(merged.rectification.done, theirs.rectification.done);
        assert!(merged.seen.contains(&mine.rev) && merged.seen.contains(&theirs.rev));
        assert_eq!(
            merge(&merged, &theirs),
            Merged::Ours,
            "a merge has seen both"
        );
    }
}
