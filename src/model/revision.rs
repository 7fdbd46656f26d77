//! Revision ids: how two copies of a session tell which edits the other has seen.
//!
//! Every response (and the session header: round, date, department, inspector,
//! finished) carries `rev`, the id of its version, and `seen`, the ids of the
//! versions it descends from, newest first, at most [`ANCESTRY_LIMIT`] of them. An id
//! is a short hash of the content (with who and when) and of `seen`, so the same
//! history gives the same id on every machine and a copy of a file never needs to be
//! told who made it.
//!
//! Ids are given when a session is saved ([`stamp`]), not at every keystroke: a
//! response that differs from the saved one becomes a new version whose first
//! ancestor is the saved one; a response that disappeared becomes a blank
//! *tombstone* version, so "cleared here" is not mistaken for "never set here".
//!
//! Two versions of one item then compare as [`Order`]: the same, one descending from
//! the other (the other side has not touched it since they last agreed), or
//! concurrent (both changed it since they last agreed). Only the concurrent case is a
//! conflict; timestamps are never used to order edits, because laptops' clocks drift.
//!
//! Format-1 files have no ids: a missing id is the hash of the content with no
//! ancestors, which two unchanged copies of an old file compute alike. A truncated
//! ancestry can make an old version look concurrent: that errs towards a conflict kept
//! for review, never towards a lost edit.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::session::{Response, Session};

/// How many ancestors a version remembers.
pub const ANCESTRY_LIMIT: usize = 12;

/// Bytes of the hash kept in an id (12 hex digits).
const ID_BYTES: usize = 6;

/// How version `a` relates to version `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Same,
    /// `a` descends from `b`: `a` is newer and already has what `b` has.
    Descends,
    /// `b` descends from `a`.
    Precedes,
    /// Both changed since their last common version.
    Concurrent,
}

/// A version id and its ancestors, borrowed from a response or a header.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub rev: &'a str,
    pub seen: &'a [String],
}

impl Version<'_> {
    /// Whether `rev` is this version or one of its remembered ancestors.
    pub fn knows(&self, rev: &str) -> bool {
        self.rev == rev || self.seen.iter().any(|seen| seen == rev)
    }

    pub fn order(&self, other: &Version<'_>) -> Order {
        if self.rev == other.rev {
            Order::Same
        } else if self.seen.iter().any(|seen| seen == other.rev) {
            Order::Descends
        } else if other.seen.iter().any(|seen| seen == self.rev) {
            Order::Precedes
        } else {
            Order::Concurrent
        }
    }
}

fn id_of(content: &[u8], seen: &[String]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(content);
    for ancestor in seen {
        hasher.update(b"\n");
        hasher.update(ancestor.as_bytes());
    }
    hasher.finalize()[..ID_BYTES]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The response without its revision fields, as canonical bytes.
fn response_content(response: &Response) -> Vec<u8> {
    let content = Response {
        rev: String::new(),
        seen: Vec::new(),
        ..response.clone()
    };
    serde_json::to_vec(&content).unwrap_or_default()
}

#[derive(Serialize)]
struct HeaderContent<'a> {
    round: &'a str,
    date: NaiveDate,
    department: &'a str,
    inspector: &'a str,
    finished: Option<DateTime<FixedOffset>>,
}

fn header_content(session: &Session) -> Vec<u8> {
    serde_json::to_vec(&HeaderContent {
        round: &session.round,
        date: session.date,
        department: &session.department,
        inspector: &session.inspector,
        finished: session.finished,
    })
    .unwrap_or_default()
}

/// The id a response's content and ancestors give.
pub fn response_id(response: &Response) -> String {
    id_of(&response_content(response), &response.seen)
}

pub fn header_id(session: &Session) -> String {
    id_of(&header_content(session), &session.header_seen)
}

pub fn response_version(response: &Response) -> Version<'_> {
    Version {
        rev: &response.rev,
        seen: &response.seen,
    }
}

pub fn header_version(session: &Session) -> Version<'_> {
    Version {
        rev: &session.header_rev,
        seen: &session.header_seen,
    }
}

/// `first` ids, then the others, without repeats, at most [`ANCESTRY_LIMIT`].
pub fn ancestry<'a>(lists: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in lists {
        if out.len() == ANCESTRY_LIMIT {
            break;
        }
        if !id.is_empty() && !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// Fills in missing ids (format-1 content) so that versions can be compared.
pub fn with_ids(session: &Session) -> Session {
    let mut session = session.clone();
    for response in session.responses.values_mut() {
        if response.rev.is_empty() {
            response.rev = response_id(response);
        }
    }
    if session.header_rev.is_empty() {
        session.header_rev = header_id(&session);
    }
    session
}

/// Gives `next` (about to be saved) its revision ids, against `saved`, the version
/// on disk it replaces (`None` for a new session or an unreadable file).
pub fn stamp(next: &mut Session, saved: Option<&Session>) {
    let saved = saved.map(with_ids);
    let codes: Vec<String> = next.responses.keys().cloned().collect();
    for code in codes {
        let Some(response) = next.responses.get_mut(&code) else {
            continue;
        };
        match saved.as_ref().and_then(|s| s.responses.get(&code)) {
            Some(before) => stamp_against(response, before),
            None => stamp_alone(response),
        }
    }
    if let Some(saved) = &saved {
        for (code, before) in &saved.responses {
            if next.responses.contains_key(code) {
                continue;
            }
            let tombstone = if before.is_blank() {
                before.clone()
            } else {
                let mut cleared = Response {
                    at: before.at.max(Some(next.updated)),
                    seen: ancestry([&before.rev].into_iter().chain(&before.seen)),
                    ..Response::default()
                };
                cleared.rev = response_id(&cleared);
                cleared
            };
            next.responses.insert(code.clone(), tombstone);
        }
    }
    stamp_header(next, saved.as_ref());
}

/// A response next to the saved version of the same item.
fn stamp_against(response: &mut Response, before: &Response) {
    let before_version = response_version(before);
    let carries_nothing_new = response.seen.iter().all(|seen| before_version.knows(seen));
    let unchanged = carries_nothing_new
        && response_content(response) == response_content(before)
        && (response.rev.is_empty() || before_version.knows(&response.rev));
    if unchanged {
        response.rev = before.rev.clone();
        response.seen = before.seen.clone();
        return;
    }
    // Ancestors the edit brought along (a resolved conflict's versions); its own
    // id was never saved, so it is not one of them.
    let own: Vec<&String> = response
        .seen
        .iter()
        .filter(|id| !before_version.knows(id))
        .collect();
    response.seen = ancestry(std::iter::once(&before.rev).chain(own).chain(&before.seen));
    response.rev = response_id(response);
}

/// A response with no saved version: keep a consistent id, else derive a new one.
fn stamp_alone(response: &mut Response) {
    if response.rev.is_empty() {
        response.rev = response_id(response);
    } else if response_id(response) != response.rev {
        response.seen = ancestry(std::iter::once(&response.rev).chain(&response.seen));
        response.rev = response_id(response);
    }
}

fn stamp_header(next: &mut Session, saved: Option<&Session>) {
    let Some(saved) = saved else {
        if next.header_rev.is_empty() {
            next.header_rev = header_id(next);
        } else if header_id(next) != next.header_rev {
            next.header_seen = ancestry(std::iter::once(&next.header_rev).chain(&next.header_seen));
            next.header_rev = header_id(next);
        }
        return;
    };
    let before = header_version(saved);
    let unchanged = header_content(next) == header_content(saved)
        && next.header_seen.iter().all(|seen| before.knows(seen));
    if unchanged {
        next.header_rev = saved.header_rev.clone();
        next.header_seen = saved.header_seen.clone();
        return;
    }
    let own: Vec<&String> = next
        .header_seen
        .iter()
        .filter(|id| !before.knows(id))
        .collect();
    next.header_seen = ancestry(
        std::iter::once(&saved.header_rev)
            .chain(own)
            .chain(&saved.header_seen),
    );
    next.header_rev = header_id(next);
}

#[cfg(test)]
#[path = "revision_tests.rs"]
mod tests;
