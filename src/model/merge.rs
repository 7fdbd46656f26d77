//! Merging two copies of one session, and resolving the conflicts a merge leaves.
//!
//! Per item, the two responses are compared by revision ([`super::revision`]):
//! when one descends from the other, the newer one is taken whatever the clocks say;
//! when both changed the item since they last agreed, the later edit by `at` wins and
//! the other version is kept in `Session::conflicts` for review, unless both made the
//! same change, which is no conflict. The header (round, date, department, inspector,
//! finished) merges the same way as one unit; a header changed on both sides goes to
//! the later `updated`, as nothing in it is worth a review. Conflicts already recorded
//! on either side are kept until the current response has seen them (after a
//! [`resolve`], which makes a new version descending from every version it settles).
//!
//! A time more than [`FUTURE_SLACK`] after the merge's `now` is not trusted: it
//! counts as older than any other, so a copy cannot win by a far-future clock.
//!
//! The merge is symmetric: merging B into A gives the same session as A into B, so
//! copies converge whichever way they are imported, and merging again changes nothing.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};

use super::revision::{
    Order, ancestry, header_id, header_version, response_id, response_version, with_ids,
};
use super::session::{ChecklistRef, FORMAT, Response, Session};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MergeError {
    #[error("these are different sessions ({ours} and {theirs})")]
    DifferentSessions {
        ours: uuid::Uuid,
        theirs: uuid::Uuid,
    },
    #[error(
        "the copies were made with different checklists ({} v{} {} here, {} v{} {} there); not merged",
        ours.id, ours.version, ours.hash, theirs.id, theirs.version, theirs.hash
    )]
    DifferentChecklists {
        ours: ChecklistRef,
        theirs: ChecklistRef,
    },
}

/// What merging `theirs` into `ours` comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Ours already has everything theirs has.
    Unchanged,
    /// Theirs has everything ours has and more: use their copy as it is.
    TakeTheirs,
    /// Both have something the other lacks: this new session.
    Merged(Box<Session>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub outcome: Outcome,
    /// Items whose response now comes from their copy.
    pub taken: Vec<String>,
    /// Items where both changed the response differently (new or already recorded).
    pub conflicts: Vec<String>,
    /// Both changed the header differently; the later one was kept.
    pub header_conflict: bool,
}

impl Merge {
    /// The session as it is after the merge.
    pub fn result<'a>(&'a self, ours: &'a Session, theirs: &'a Session) -> &'a Session {
        match &self.outcome {
            Outcome::Unchanged => ours,
            Outcome::TakeTheirs => theirs,
            Outcome::Merged(session) => session,
        }
    }
}

/// How far ahead of the merging computer's clock a time stamp may be and still be trusted.
pub const FUTURE_SLACK: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// Merges `theirs` into `ours` (two copies of the same session), trusting every time stamp.
pub fn merge(ours: &Session, theirs: &Session) -> Result<Merge, MergeError> {
    merge_with(ours, theirs, None)
}

/// [`merge`] on a computer whose clock says `now`: later times are not trusted.
pub fn merge_as_of(
    ours: &Session,
    theirs: &Session,
    now: DateTime<FixedOffset>,
) -> Result<Merge, MergeError> {
    merge_with(ours, theirs, Some(now + FUTURE_SLACK))
}

fn merge_with(
    ours: &Session,
    theirs: &Session,
    trusted_until: Option<DateTime<FixedOffset>>,
) -> Result<Merge, MergeError> {
    let trust = Trust(trusted_until);
    if ours.id != theirs.id {
        return Err(MergeError::DifferentSessions {
            ours: ours.id,
            theirs: theirs.id,
        });
    }
    if ours.checklist != theirs.checklist {
        return Err(MergeError::DifferentChecklists {
            ours: ours.checklist.clone(),
            theirs: theirs.checklist.clone(),
        });
    }
    let ours = ids_filled_in(ours);
    let theirs = ids_filled_in(theirs);
    let mut merged: Session = ours.as_ref().clone();
    let header_conflict = merge_header(&mut merged, &theirs, trust);

    let mut taken = Vec::new();
    let mut losers: BTreeMap<String, Response> = BTreeMap::new();
    let codes: BTreeSet<&String> = ours
        .responses
        .keys()
        .chain(theirs.responses.keys())
        .collect();
    merged.responses.clear();
    for code in codes {
        let (kept, loser) = merge_item(ours.responses.get(code), theirs.responses.get(code), trust);
        if let Some(kept) = kept {
            if ours.responses.get(code) != Some(&kept) {
                taken.push(code.clone());
            }
            merged.responses.insert(code.clone(), kept);
        }
        if let Some(loser) = loser {
            losers.insert(code.clone(), loser);
        }
    }
    merged.conflicts = merge_conflicts(&merged, &ours, &theirs, losers, trust);
    merged.created = earliest(ours.created, theirs.created);

    let conflicts = merged.conflicts.keys().cloned().collect();
    let outcome = if same_apart_from_saves(&merged, &ours) {
        Outcome::Unchanged
    } else if same_apart_from_saves(&merged, &theirs) {
        Outcome::TakeTheirs
    } else {
        merged.format = FORMAT;
        merged.seq = ours.seq.max(theirs.seq) + 1;
        merged.updated = match (trust.time(ours.updated), trust.time(theirs.updated)) {
            (Some(_), None) => ours.updated,
            (None, Some(_)) => theirs.updated,
            _ => latest(ours.updated, theirs.updated),
        };
        Outcome::Merged(Box::new(merged))
    };
    Ok(Merge {
        outcome,
        taken,
        conflicts,
        header_conflict,
    })
}

/// Which time stamps count: none after `.0`.
#[derive(Debug, Clone, Copy)]
struct Trust(Option<DateTime<FixedOffset>>);

impl Trust {
    /// The time if it is trusted; `None` (older than any time) if it is too far ahead.
    fn time(self, time: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        match self.0 {
            Some(limit) if time > limit => None,
            _ => Some(time),
        }
    }
}

/// The later time; one instant written with two offsets is ordered by offset, so
/// that merges stay symmetric.
fn latest(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    if time_key(&a) >= time_key(&b) { a } else { b }
}

fn earliest(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    if time_key(&a) <= time_key(&b) { a } else { b }
}

fn time_key(time: &DateTime<FixedOffset>) -> (DateTime<FixedOffset>, i32) {
    (*time, time.offset().local_minus_utc())
}

/// The session with every revision id present; borrowed when none is missing (a
/// session can hold a 32 MiB note: copies cost).
fn ids_filled_in(session: &Session) -> std::borrow::Cow<'_, Session> {
    let complete =
        !session.header_rev.is_empty() && session.responses.values().all(|r| !r.rev.is_empty());
    if complete {
        std::borrow::Cow::Borrowed(session)
    } else {
        std::borrow::Cow::Owned(with_ids(session))
    }
}

/// Equal but for the save counter, the last-save time and the file format. Written
/// field by field without copies; a new field of `Session` must be added here (the
/// pattern names every field, so it does not compile until it is).
fn same_apart_from_saves(a: &Session, b: &Session) -> bool {
    let Session {
        format: _,
        id,
        checklist,
        round,
        date,
        department,
        scope,
        inspector,
        created,
        updated: _,
        seq: _,
        finished,
        header_rev,
        header_seen,
        responses,
        conflicts,
    } = a;
    (id, checklist, scope, created) == (&b.id, &b.checklist, &b.scope, &b.created)
        && (round, date, department, inspector, finished)
            == (&b.round, &b.date, &b.department, &b.inspector, &b.finished)
        && (header_rev, header_seen, responses, conflicts)
            == (&b.header_rev, &b.header_seen, &b.responses, &b.conflicts)
}

/// Merges the header of `theirs` into `merged` (a copy of ours); true on a conflict.
fn merge_header(merged: &mut Session, theirs: &Session, trust: Trust) -> bool {
    let order = header_version(merged).order(&header_version(theirs));
    let take_theirs = |merged: &mut Session| {
        merged.round = theirs.round.clone();
        merged.date = theirs.date;
        merged.department = theirs.department.clone();
        merged.inspector = theirs.inspector.clone();
        merged.finished = theirs.finished;
        merged.header_rev = theirs.header_rev.clone();
        merged.header_seen = theirs.header_seen.clone();
    };
    match order {
        Order::Same | Order::Descends => false,
        Order::Precedes => {
            take_theirs(merged);
            false
        }
        Order::Concurrent => {
            let same = merged.round == theirs.round
                && merged.date == theirs.date
                && merged.department == theirs.department
                && merged.inspector == theirs.inspector
                && merged.finished == theirs.finished;
            let theirs_later = (trust.time(theirs.updated), &theirs.header_rev)
                > (trust.time(merged.updated), &merged.header_rev);
            let (first, second) = if theirs_later {
                (&theirs.header_rev, &merged.header_rev)
            } else {
                (&merged.header_rev, &theirs.header_rev)
            };
            let seen = ancestry(
                [first, second]
                    .into_iter()
                    .chain(interleave(&merged.header_seen, &theirs.header_seen)),
            );
            if theirs_later {
                take_theirs(merged);
            }
            merged.header_seen = seen;
            merged.header_rev = header_id(merged);
            !same
        }
    }
}

/// One item: the response to keep, and the losing version of a true conflict.
fn merge_item(
    ours: Option<&Response>,
    theirs: Option<&Response>,
    trust: Trust,
) -> (Option<Response>, Option<Response>) {
    let (ours, theirs) = match (ours, theirs) {
        (None, None) => return (None, None),
        (Some(only), None) | (None, Some(only)) => return (Some(only.clone()), None),
        (Some(ours), Some(theirs)) => (ours, theirs),
    };
    match response_version(ours).order(&response_version(theirs)) {
        Order::Same | Order::Descends => (Some(ours.clone()), None),
        Order::Precedes => (Some(theirs.clone()), None),
        Order::Concurrent => {
            let (later, earlier) = if edit_order(theirs, ours, trust) == Ordering::Greater {
                (theirs, ours)
            } else {
                (ours, theirs)
            };
            if later.same_content(earlier) {
                (Some(agreed(later, earlier)), None)
            } else {
                (Some(later.clone()), Some(for_review(earlier)))
            }
        }
    }
}

/// The order of edits by `at` (an untrusted one first); ties go by name, then id, so
/// both sides pick the same one.
fn edit_order(a: &Response, b: &Response, trust: Trust) -> Ordering {
    let at = |r: &Response| r.at.and_then(|at| trust.time(at));
    (at(a), &a.by, &a.rev).cmp(&(at(b), &b.by, &b.rev))
}

/// Both sides made the same change: one version that has seen both.
fn agreed(later: &Response, earlier: &Response) -> Response {
    let mut node = later.clone();
    node.seen = ancestry(
        [&later.rev, &earlier.rev]
            .into_iter()
            .chain(interleave(&later.seen, &earlier.seen)),
    );
    node.rev = response_id(&node);
    node
}

/// A losing version as kept for review: its id, without its ancestry.
fn for_review(loser: &Response) -> Response {
    Response {
        seen: Vec::new(),
        ..loser.clone()
    }
}

fn interleave<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = &'a String> {
    let longest = a.len().max(b.len());
    (0..longest).flat_map(move |i| a.get(i).into_iter().chain(b.get(i)))
}

/// Recorded conflicts from both sides plus the new ones, less those the current
/// response has seen, oldest first.
fn merge_conflicts(
    merged: &Session,
    ours: &Session,
    theirs: &Session,
    mut losers: BTreeMap<String, Response>,
    trust: Trust,
) -> BTreeMap<String, Vec<Response>> {
    let codes: BTreeSet<String> = ours
        .conflicts
        .keys()
        .chain(theirs.conflicts.keys())
        .chain(losers.keys())
        .cloned()
        .collect();
    let mut out = BTreeMap::new();
    for code in codes {
        let current = merged.responses.get(&code);
        let mut versions: Vec<Response> = Vec::new();
        let recorded = ours.conflicts.get(&code).into_iter().flatten();
        let recorded = recorded.chain(theirs.conflicts.get(&code).into_iter().flatten());
        for version in recorded.cloned().chain(losers.remove(&code)) {
            let settled = current.is_some_and(|c| response_version(c).knows(&version.rev));
            if !settled && !versions.iter().any(|v| v.rev == version.rev) {
                versions.push(for_review(&version));
            }
        }
        versions.sort_by(|a, b| edit_order(a, b, trust));
        if !versions.is_empty() {
            out.insert(code, versions);
        }
    }
    out
}

mod resolve;

pub use resolve::{ItemConflict, Resolution, ResolveError, conflicts, joined_notes, resolve};

#[cfg(test)]
mod tests;
