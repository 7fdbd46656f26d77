//! 整改 → 复查 → 销号 (docs/design.md §10): reporting a rectification done, recording
//! a re-check, and the re-checks a later session makes by walking.
//!
//! **Re-check while walking.** A rectification recorded on an item in one session is
//! re-checked by each later-dated session of the same series (department, checklist
//! id and scope; see [`rounds`](super::rounds)) that judges the item, matched through
//! `renamed`: 达标 passes the re-check and closes it (销号) in that session; 基本达标 or
//! 未达标 fails it, and it stays open one more round. A session where the item is
//! pending or not applicable does not re-check it; one whose checklist no longer has
//! the item ends the walks' re-checks. These re-checks are derived when reading and
//! never written into the earlier file, which may be finished.

use std::collections::HashMap;
use std::ops::Deref;

use chrono::{DateTime, FixedOffset, NaiveTime};
use uuid::Uuid;

use super::checklist::Checklist;
use super::compare::Inspection;
use super::edit::EditError;
use super::head::SessionHead;
use super::matching::CodeMap;
use super::rounds::{InSeries, SeriesKey};
use super::session::{
    ChecklistRef, FollowUpState, Recheck, RecheckResult, Rectification, RectificationDone, Status,
};

/// What a rectification belongs to: an item of a session, or a problem from outside.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Item { session: Uuid, code: String },
    Problem(Uuid),
}

/// 整改落实: the owner reports the rectification done. Refused when it is closed, or
/// already reported and not re-checked since (a failed re-check lets it be reported
/// again); the note is trimmed.
pub fn report_done(
    label: &str,
    rectification: Option<&mut Rectification>,
    done: RectificationDone,
) -> Result<(), EditError> {
    let rectification = existing(label, rectification)?;
    refuse_closed(label, rectification)?;
    if rectification.state() == FollowUpState::Done
        && let Some(earlier) = &rectification.done
    {
        return Err(EditError::AlreadyDone {
            code: label.to_string(),
            by: earlier.by.clone(),
            at: earlier.at.to_rfc3339(),
        });
    }
    rectification.done = Some(RectificationDone {
        note: done.note.trim().to_string(),
        ..done
    });
    Ok(())
}

/// 复查 by hand: appends a re-check; a pass closes the rectification. Needs a
/// rectification that is not closed yet.
pub fn record_recheck(
    label: &str,
    rectification: Option<&mut Rectification>,
    recheck: Recheck,
) -> Result<(), EditError> {
    let rectification = existing(label, rectification)?;
    refuse_closed(label, rectification)?;
    rectification.rechecks.push(Recheck {
        note: recheck.note.trim().to_string(),
        ..recheck
    });
    Ok(())
}

fn existing<'a>(
    label: &str,
    rectification: Option<&'a mut Rectification>,
) -> Result<&'a mut Rectification, EditError> {
    rectification.ok_or_else(|| EditError::NoRectification {
        code: label.to_string(),
    })
}

fn refuse_closed(label: &str, rectification: &Rectification) -> Result<(), EditError> {
    match rectification.closing() {
        Some(closing) => Err(EditError::AlreadyClosed {
            code: label.to_string(),
            by: closing.by.clone(),
            at: closing.at.to_rfc3339(),
        }),
        None => Ok(()),
    }
}

/// The re-check `later`'s walk makes of an item (`code` in `later`'s checklist):
/// 达标 passes, 基本达标 and 未达标 fail; `None` while pending or not applicable.
pub fn walk_recheck(later: Inspection<'_>, code: &str) -> Option<Recheck> {
    let response = later.session.response(code)?;
    let result = match response.status {
        Status::Pass => RecheckResult::Pass,
        Status::Partial | Status::Fail => RecheckResult::Fail,
        Status::Pending | Status::Na => return None,
    };
    let session = later.session;
    let by = if session.inspector.trim().is_empty() {
        response.by.clone()
    } else {
        session.inspector.clone()
    };
    Some(Recheck {
        result,
        by,
        at: walk_time(later, response.at),
        note: response.note.clone(),
        session: Some(session.id),
        implied: false,
    })
}

/// When a walk re-checked: the session's date, at the time the item was marked when
/// that was on the same day (so re-checks of one day keep their order).
fn walk_time(
    later: Inspection<'_>,
    marked: Option<DateTime<FixedOffset>>,
) -> DateTime<FixedOffset> {
    let session = later.session;
    let offset = marked.map_or(*session.created.offset(), |at| *at.offset());
    let time = marked
        .filter(|at| at.date_naive() == session.date)
        .map_or(NaiveTime::MIN, |at| at.time());
    session
        .date
        .and_time(time)
        .and_local_timezone(offset)
        .single()
        .unwrap_or(session.created)
}

/// The re-checks the walks of `later` (the series' sessions after `opened`, oldest
/// first) make of `code` of `opened`, until the item is gone from a later version.
pub fn walk_rechecks<'a>(
    opened: Inspection<'a>,
    code: &str,
    later: impl IntoIterator<Item = Inspection<'a>>,
    code_maps: &mut CodeMaps,
) -> Vec<Recheck> {
    let mut rechecks = Vec::new();
    for next in later {
        if next.session.date <= opened.session.date {
            continue;
        }
        let map = code_maps.between(opened.checklist, next.checklist);
        let Some(next_code) = map.current_code(code) else {
            break;
        };
        rechecks.extend(walk_recheck(next, next_code));
    }
    rechecks
}

/// The rectification as it stands once `walked` (re-checks by later walks) are
/// counted: every re-check in time order (those recorded in the file first on a tie),
/// none after the first that passed.
pub fn followed(rectification: &Rectification, walked: Vec<Recheck>) -> Rectification {
    if walked.is_empty() {
        return rectification.clone();
    }
    let mut rechecks: Vec<(usize, Recheck)> = rectification
        .rechecks
        .iter()
        .cloned()
        .map(|recheck| (0, recheck))
        .chain(walked.into_iter().map(|recheck| (1, recheck)))
        .collect();
    rechecks.sort_by_key(|(walk, recheck)| (recheck.at, *walk));
    let mut kept = Vec::with_capacity(rechecks.len());
    for (_, recheck) in rechecks {
        let passed = recheck.result == RecheckResult::Pass;
        kept.push(recheck);
        if passed {
            break;
        }
    }
    Rectification {
        rechecks: kept,
        ..rectification.clone()
    }
}

/// The re-check the current walk makes of a rectification from an earlier round,
/// as the walk shows it: what marking the item now does.
pub fn closes_now(status: Status) -> Option<RecheckResult> {
    match status {
        Status::Pass => Some(RecheckResult::Pass),
        Status::Partial | Status::Fail => Some(RecheckResult::Fail),
        Status::Pending | Status::Na => None,
    }
}

/// Sets each head's `open_rectifications` to what the ledger counts: a code its file
/// leaves open is closed when a later-dated session of its series marked the item
/// 达标 (matched through `renamed`, until a version drops the item). `checklist`
/// finds a session's checklist; where one cannot be found, nothing is closed.
pub fn count_open_after_walks<C: Deref<Target = Checklist>>(
    heads: &mut [SessionHead],
    checklist: impl Fn(&ChecklistRef) -> Option<C>,
) {
    let mut series: HashMap<SeriesKey, Vec<usize>> = HashMap::new();
    for (index, head) in heads.iter().enumerate() {
        series.entry(head.series_key()).or_default().push(index);
    }
    let mut maps: HashMap<(String, String), CodeMap> = HashMap::new();
    for mut members in series.into_values() {
        if members.iter().all(|&i| heads[i].open_codes.is_empty()) {
            continue;
        }
        members.sort_by_key(|&i| heads[i].chronology());
        for (at, &opened) in members.iter().enumerate() {
            if heads[opened].open_codes.is_empty() {
                continue;
            }
            let Some(from) = checklist(&heads[opened].checklist) else {
                continue;
            };
            let still_open = heads[opened]
                .open_codes
                .iter()
                .filter(|code| {
                    !passed_later(
                        &heads[opened],
                        code,
                        &from,
                        &members[at + 1..],
                        heads,
                        &checklist,
                        &mut maps,
                    )
                })
                .count();
            heads[opened].open_rectifications = still_open;
        }
    }
}

/// Whether a later head of the series marked `code` (of `opened`'s checklist) 达标.
fn passed_later<C: Deref<Target = Checklist>>(
    opened: &SessionHead,
    code: &str,
    from: &Checklist,
    later: &[usize],
    heads: &[SessionHead],
    checklist: &impl Fn(&ChecklistRef) -> Option<C>,
    maps: &mut HashMap<(String, String), CodeMap>,
) -> bool {
    for &next in later {
        let next = &heads[next];
        if next.date <= opened.date {
            continue;
        }
        let Some(to) = checklist(&next.checklist) else {
            return false;
        };
        let map = maps
            .entry((opened.checklist.hash.clone(), next.checklist.hash.clone()))
            .or_insert_with(|| CodeMap::between(from, &to));
        let Some(code) = map.current_code(code) else {
            return false;
        };
        let items = to.items();
        let passed = next.passed.iter().any(|&position| {
            items
                .get(position as usize)
                .is_some_and(|item| item.code == code)
        });
        if passed {
            return true;
        }
    }
    false
}

/// Code maps already built, keyed by the two checklists' addresses.
#[derive(Default)]
pub struct CodeMaps(HashMap<(usize, usize), CodeMap>);

impl CodeMaps {
    pub fn between(&mut self, prior: &Checklist, current: &Checklist) -> &CodeMap {
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
#[path = "followup_tests.rs"]
mod tests;
