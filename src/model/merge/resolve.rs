//! Reviewing and settling the conflicts a merge leaves (see the parent module).

use chrono::{DateTime, FixedOffset};

use crate::model::revision::{ancestry, response_id};
use crate::model::session::{Response, Session};

/// The open conflicts of one item, for review.
#[derive(Debug, Clone, Copy)]
pub struct ItemConflict<'a> {
    pub code: &'a str,
    /// The response in effect (the later edit); `None` if the item has none.
    pub current: Option<&'a Response>,
    /// The versions that lost, oldest first.
    pub others: &'a [Response],
}

/// The items of `session` with open conflicts, by code.
pub fn conflicts(session: &Session) -> Vec<ItemConflict<'_>> {
    session
        .conflicts
        .iter()
        .filter(|(_, others)| !others.is_empty())
        .map(|(code, others)| ItemConflict {
            code,
            current: session.responses.get(code),
            others,
        })
        .collect()
}

/// How to settle an item's conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the response in effect.
    Mine,
    /// Take the losing version with this index in [`ItemConflict::others`].
    Theirs(usize),
    /// Keep the response in effect with every version's note added to its note.
    BothNotes,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("item {0} has no conflict to resolve")]
    NoConflict(String),
    #[error("item {code} has {count} other version(s); there is no number {index}")]
    NoSuchVersion {
        code: String,
        index: usize,
        count: usize,
    },
}

/// Settles the conflict of item `code`: a new version of the response, by `by` at
/// `now`, descending from the current one and every losing one, so that copies that
/// still hold the conflict drop it when they merge with this one.
pub fn resolve(
    session: &mut Session,
    code: &str,
    resolution: Resolution,
    by: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), ResolveError> {
    let others = session
        .conflicts
        .get(code)
        .filter(|others| !others.is_empty())
        .ok_or_else(|| ResolveError::NoConflict(code.to_string()))?;
    let current = session.responses.get(code).cloned().unwrap_or_default();
    let current_rev = if current.rev.is_empty() {
        response_id(&current)
    } else {
        current.rev.clone()
    };
    let mut resolved = match resolution {
        Resolution::Mine => current.clone(),
        Resolution::Theirs(index) => {
            others
                .get(index)
                .cloned()
                .ok_or_else(|| ResolveError::NoSuchVersion {
                    code: code.to_string(),
                    index,
                    count: others.len(),
                })?
        }
        Resolution::BothNotes => {
            let mut both = current.clone();
            both.note = joined_notes(
                std::iter::once(current.note.as_str())
                    .chain(others.iter().map(|o| o.note.as_str())),
            );
            both
        }
    };
    resolved.by = by.to_string();
    resolved.at = Some(now);
    resolved.seen = ancestry(
        std::iter::once(&current_rev)
            .chain(others.iter().map(|other| &other.rev))
            .chain(&current.seen),
    );
    resolved.rev = response_id(&resolved);
    session.responses.insert(code.to_string(), resolved);
    session.conflicts.remove(code);
    session.updated = now;
    Ok(())
}

/// Distinct non-empty notes, one per line; a note contained in another is left out.
pub fn joined_notes<'a>(notes: impl IntoIterator<Item = &'a str>) -> String {
    let notes: Vec<&str> = notes
        .into_iter()
        .map(str::trim_end)
        .filter(|note| !note.trim().is_empty())
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    for (index, note) in notes.iter().enumerate() {
        let inside_another = notes.iter().enumerate().any(|(other_index, other)| {
            other_index != index
                && other.contains(note)
                && (other.len() > note.len() || other_index < index)
        });
        if !inside_another {
            kept.push(note);
        }
    }
    kept.join("\n")
}
