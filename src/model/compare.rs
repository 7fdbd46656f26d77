//! Comparing a session with an earlier one (docs/design.md §6 `compare`, §7 screen 4).
//!
//! Each side is scored against the checklist version it was made with; items are
//! matched through [`CodeMap`]. Every item of either side appears once: current items
//! in reading order, then removed items in the prior checklist's reading order.

use std::collections::{HashMap, HashSet};
use std::fmt;

use uuid::Uuid;

use super::checklist::{Checklist, Item};
use super::matching::CodeMap;
use super::scoring::{Figures, Summary, item_score, summarize};
use super::session::{Session, Status};

/// One session with the checklist version it is scored against.
#[derive(Debug, Clone, Copy)]
pub struct Inspection<'a> {
    pub session: &'a Session,
    pub checklist: &'a Checklist,
}

impl<'a> Inspection<'a> {
    pub fn new(session: &'a Session, checklist: &'a Checklist) -> Inspection<'a> {
        Inspection { session, checklist }
    }
}

/// How an item moved between the prior and the current session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Moved up fail < partial < pass, or a partial that scores more.
    Improved,
    /// Moved down fail < partial < pass, or a partial that scores less.
    Regressed,
    /// Same status (two partials: same score), or pending on both sides.
    Unchanged,
    /// A move to or from na: the two statuses do not rank against each other.
    Changed,
    /// Pending (or no response) before, checked now.
    NewlyChecked,
    /// No matching item in the prior checklist.
    Added,
    /// No matching item in the current checklist.
    Removed,
    /// Checked in the prior session, still pending in this one: no change yet, so
    /// it has no delta and stays out of the score change until it is checked.
    Unchecked,
}

impl Class {
    pub const ALL: [Class; 8] = [
        Class::Improved,
        Class::Regressed,
        Class::Unchanged,
        Class::Changed,
        Class::NewlyChecked,
        Class::Added,
        Class::Removed,
        Class::Unchecked,
    ];

    /// The word used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Improved => "improved",
            Class::Regressed => "regressed",
            Class::Unchanged => "unchanged",
            Class::Changed => "changed",
            Class::NewlyChecked => "newly_checked",
            Class::Added => "added",
            Class::Removed => "removed",
            Class::Unchecked => "unchecked",
        }
    }

    fn index(self) -> usize {
        Class::ALL
            .iter()
            .position(|&class| class == self)
            .unwrap_or_default()
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One item's change. `prior`/`current` are `None` where the item is absent from
/// that side's checklist; an item present but never answered is `Some(Pending)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemChange {
    /// The current code; for a removed item, its prior code.
    pub code: String,
    /// The prior code when it differs from `code` (a renamed item).
    pub renamed_from: Option<String>,
    /// The current title; for a removed item, its prior title.
    pub title: String,
    pub prior: Option<Status>,
    pub current: Option<Status>,
    pub prior_score: Option<f64>,
    pub current_score: Option<f64>,
    /// Current score minus prior score, where an unscored side (pending, na, absent)
    /// counts as 0; `None` for an [`Class::Unchecked`] item. The deltas add up to
    /// [`Comparison::score_delta`].
    pub delta: Option<f64>,
    pub class: Class,
}

impl ItemChange {
    pub fn is_unchanged(&self) -> bool {
        self.class == Class::Unchanged
    }
}

/// Number of items in each class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassCounts([usize; 8]);

impl ClassCounts {
    pub fn get(&self, class: Class) -> usize {
        self.0[class.index()]
    }

    fn add(&mut self, class: Class) {
        self.0[class.index()] += 1;
    }

    /// (class, count) for every class, in [`Class::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Class, usize)> + '_ {
        Class::ALL.into_iter().map(|class| (class, self.get(class)))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub prior_id: Uuid,
    pub current_id: Uuid,
    pub prior: Summary,
    pub current: Summary,
    /// Current items in reading order, then removed items.
    pub items: Vec<ItemChange>,
    pub counts: ClassCounts,
    /// Both sessions over the items checked in the current one (and removed items),
    /// prior then current: what the score change compares, so that walking a session
    /// never shows as a loss (docs/design.md §6).
    pub checked_figures: (Figures, Figures),
}

impl Comparison {
    /// Change in score over the items checked in the current session.
    pub fn score_delta(&self) -> f64 {
        let (prior, current) = &self.checked_figures;
        current.score - prior.score
    }

    /// Change in percent points over the items checked in the current session;
    /// `None` when either side has no maximum there.
    pub fn percent_delta(&self) -> Option<f64> {
        let (prior, current) = &self.checked_figures;
        Some(current.percent()? - prior.percent()?)
    }

    /// Items checked before and still pending now.
    pub fn unchecked(&self) -> usize {
        self.counts.get(Class::Unchecked)
    }

    /// Items whose class is not `unchanged` (the screen's changed-only filter).
    pub fn changed_items(&self) -> impl Iterator<Item = &ItemChange> {
        self.items.iter().filter(|change| !change.is_unchanged())
    }
}

/// Compares `current` with `prior`, each scored with its own checklist.
pub fn compare(prior: Inspection<'_>, current: Inspection<'_>) -> Comparison {
    let codes = CodeMap::between(prior.checklist, current.checklist);
    let prior_items: HashMap<&str, &Item> = prior
        .checklist
        .items()
        .into_iter()
        .map(|item| (item.code.as_str(), item))
        .collect();
    let mut items = Vec::new();
    let is_pending = |item: &Item| current.session.status(&item.code) == Status::Pending;
    let mut left_out = HashSet::new();
    // A department session neither walks nor scores the unit's items: they are not
    // part of what changed.
    for item in current.checklist.items_in(current.session.scope) {
        let before = codes
            .prior_code(&item.code)
            .and_then(|code| prior_items.get(code).copied());
        if let Some(before) = before.filter(|_| is_pending(item)) {
            left_out.insert(before.code.as_str());
        }
        items.push(change(before.map(|b| (prior, b)), Some((current, item))));
    }
    let checked_figures = (
        Figures::over(
            &prior.checklist.rules,
            prior
                .checklist
                .items()
                .into_iter()
                .filter(|item| !left_out.contains(item.code.as_str())),
            prior.session,
        ),
        Figures::over(
            &current.checklist.rules,
            current
                .checklist
                .items()
                .into_iter()
                .filter(|item| !is_pending(item)),
            current.session,
        ),
    );
    for item in prior.checklist.items_in(prior.session.scope) {
        if codes.current_code(&item.code).is_none() {
            items.push(change(Some((prior, item)), None));
        }
    }
    let mut counts = ClassCounts::default();
    for change in &items {
        counts.add(change.class);
    }
    Comparison {
        prior_id: prior.session.id,
        current_id: current.session.id,
        prior: summarize(prior.checklist, prior.session),
        current: summarize(current.checklist, current.session),
        items,
        counts,
        checked_figures,
    }
}

/// Puts regressions first and keeps every other item where it was.
pub fn sort_regressions_first(items: &mut [ItemChange]) {
    items.sort_by_key(|change| change.class != Class::Regressed);
}

type Side<'a> = Option<(Inspection<'a>, &'a Item)>;

fn change(prior: Side<'_>, current: Side<'_>) -> ItemChange {
    let status = |side: Side<'_>| side.map(|(of, item)| of.session.status(&item.code));
    let score = |side: Side<'_>| {
        side.and_then(|(of, item)| {
            item_score(&of.checklist.rules, item, of.session.response(&item.code))
        })
    };
    let (prior_status, current_status) = (status(prior), status(current));
    let (prior_score, current_score) = (score(prior), score(current));
    let class = classify(prior_status, current_status, prior_score, current_score);
    let prior_code = prior.map(|(_, item)| item.code.clone());
    let (code, title, renamed_from) = match (current, prior_code) {
        (Some((_, item)), prior_code) => (
            item.code.clone(),
            item.title.clone(),
            prior_code.filter(|code| *code != item.code),
        ),
        (None, prior_code) => (
            prior_code.unwrap_or_default(),
            prior
                .map(|(_, item)| item.title.clone())
                .unwrap_or_default(),
            None,
        ),
    };
    ItemChange {
        code,
        renamed_from,
        title,
        prior: prior_status,
        current: current_status,
        prior_score,
        current_score,
        delta: (class != Class::Unchecked)
            .then(|| current_score.unwrap_or(0.0) - prior_score.unwrap_or(0.0)),
        class,
    }
}

/// Scores closer than this are the same score (float noise from deductions).
const SAME_SCORE: f64 = 1e-9;

fn classify(
    prior: Option<Status>,
    current: Option<Status>,
    prior_score: Option<f64>,
    current_score: Option<f64>,
) -> Class {
    let (prior, current) = match (prior, current) {
        (None, _) => return Class::Added,
        (_, None) => return Class::Removed,
        (Some(prior), Some(current)) => (prior, current),
    };
    match (prior, current) {
        (Status::Pending, Status::Pending) => Class::Unchanged,
        (Status::Pending, _) => Class::NewlyChecked,
        (_, Status::Pending) => Class::Unchecked,
        (Status::Na, Status::Na) => Class::Unchanged,
        (Status::Na, _) | (_, Status::Na) => Class::Changed,
        (Status::Partial, Status::Partial) => {
            let difference = current_score.unwrap_or(0.0) - prior_score.unwrap_or(0.0);
            if difference > SAME_SCORE {
                Class::Improved
            } else if difference < -SAME_SCORE {
                Class::Regressed
            } else {
                Class::Unchanged
            }
        }
        (prior, current) => match rank(current).cmp(&rank(prior)) {
            std::cmp::Ordering::Greater => Class::Improved,
            std::cmp::Ordering::Less => Class::Regressed,
            std::cmp::Ordering::Equal => Class::Unchanged,
        },
    }
}

/// fail < partial < pass; only called for those three.
fn rank(status: Status) -> u8 {
    match status {
        Status::Fail => 0,
        Status::Partial => 1,
        _ => 2,
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
