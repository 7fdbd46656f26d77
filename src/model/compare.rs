//! Comparing a session with an earlier one (DESIGN §6 `compare`, §7 screen 4).
//!
//! Each side is scored against the checklist version it was made with; items are
//! matched through [`CodeMap`]. Every item of either side appears once: current items
//! in reading order, then removed items in the prior checklist's reading order.

use std::collections::HashMap;
use std::fmt;

use uuid::Uuid;

use super::checklist::{Checklist, Item};
use super::matching::CodeMap;
use super::scoring::{Summary, item_score, summarize};
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
    /// A move to or from na, or back to pending (checked before, not yet this time):
    /// the two statuses do not rank against each other.
    Changed,
    /// Pending (or no response) before, checked now.
    NewlyChecked,
    /// No matching item in the prior checklist.
    Added,
    /// No matching item in the current checklist.
    Removed,
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Improved,
        Class::Regressed,
        Class::Unchanged,
        Class::Changed,
        Class::NewlyChecked,
        Class::Added,
        Class::Removed,
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
    /// counts as 0. The deltas of all items add up to the change in session score.
    pub delta: f64,
    pub class: Class,
}

impl ItemChange {
    pub fn is_unchanged(&self) -> bool {
        self.class == Class::Unchanged
    }
}

/// Number of items in each class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassCounts([usize; 7]);

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
}

impl Comparison {
    pub fn score_delta(&self) -> f64 {
        self.current.figures.score - self.prior.figures.score
    }

    /// Change in percent points; `None` when either side has no maximum.
    pub fn percent_delta(&self) -> Option<f64> {
        Some(self.current.percent()? - self.prior.percent()?)
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
    for item in current.checklist.items() {
        let before = codes
            .prior_code(&item.code)
            .and_then(|code| prior_items.get(code).copied());
        items.push(change(before.map(|b| (prior, b)), Some((current, item))));
    }
    for item in prior.checklist.items() {
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
        side.and_then(|(of, item)| item_score(item, of.session.response(&item.code)))
    };
    let (prior_status, current_status) = (status(prior), status(current));
    let (prior_score, current_score) = (score(prior), score(current));
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
        delta: current_score.unwrap_or(0.0) - prior_score.unwrap_or(0.0),
        class: classify(prior_status, current_status, prior_score, current_score),
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
        (_, Status::Pending) => Class::Changed,
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
mod tests {
    use super::*;
    use crate::model::matching::tests::{checklist, item};
    use crate::model::session::{ChecklistRef, Response};
    use chrono::{DateTime, NaiveDate};

    fn session(id: u128, version: u32) -> Session {
        let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
        Session::new(
            Uuid::from_u128(id),
            ChecklistRef {
                id: "t".into(),
                version,
                hash: format!("h{version}"),
            },
            "轮次".into(),
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            "办公室".into(),
            String::new(),
            now,
        )
    }

    fn mark(session: &mut Session, code: &str, status: Status, deductions: &[usize]) {
        session.responses.insert(
            code.into(),
            Response {
                status,
                deductions: deductions.to_vec(),
                ..Response::default()
            },
        );
    }

    fn find<'a>(comparison: &'a Comparison, code: &str) -> &'a ItemChange {
        comparison
            .items
            .iter()
            .find(|change| change.code == code)
            .unwrap_or_else(|| panic!("no item {code} in {:?}", comparison.items))
    }

    /// Same checklist on both sides; each pair is (prior, current) for one item "i<n>".
    fn same_version(pairs: &[(Status, Status)]) -> Comparison {
        let items = (0..pairs.len())
            .map(|n| item(&format!("i{n}"), 4.0))
            .collect();
        let list = checklist(1, items, &[]);
        let (mut before, mut after) = (session(1, 1), session(2, 1));
        for (n, (prior, current)) in pairs.iter().enumerate() {
            mark(&mut before, &format!("i{n}"), *prior, &[]);
            mark(&mut after, &format!("i{n}"), *current, &[]);
        }
        compare(
            Inspection::new(&before, &list),
            Inspection::new(&after, &list),
        )
    }

    #[test]
    fn status_moves_rank_fail_partial_pass() {
        use Status::*;
        let c = same_version(&[
            (Fail, Pass),
            (Fail, Partial),
            (Partial, Pass),
            (Pass, Fail),
            (Pass, Partial),
            (Partial, Fail),
            (Pass, Pass),
            (Fail, Fail),
        ]);
        let classes: Vec<Class> = c.items.iter().map(|change| change.class).collect();
        use Class::*;
        assert_eq!(
            classes,
            [
                Improved, Improved, Improved, Regressed, Regressed, Regressed, Unchanged, Unchanged
            ]
        );
        // Points 4; a partial without deductions scores 2.
        let deltas: Vec<f64> = c.items.iter().map(|change| change.delta).collect();
        assert_eq!(deltas, [4.0, 2.0, 2.0, -4.0, -2.0, -2.0, 0.0, 0.0]);
    }

    #[test]
    fn pending_and_na_moves() {
        use Status::*;
        let c = same_version(&[
            (Pending, Pass),
            (Pending, Na),
            (Pending, Pending),
            (Pass, Na),
            (Na, Fail),
            (Na, Na),
            (Partial, Pending),
        ]);
        let classes: Vec<Class> = c.items.iter().map(|change| change.class).collect();
        use Class::*;
        assert_eq!(
            classes,
            [
                NewlyChecked,
                NewlyChecked,
                Unchanged,
                Changed,
                Changed,
                Unchanged,
                Changed
            ]
        );
        let deltas: Vec<f64> = c.items.iter().map(|change| change.delta).collect();
        assert_eq!(deltas, [4.0, 0.0, 0.0, -4.0, 0.0, 0.0, -2.0]);
    }

    #[test]
    fn no_response_at_all_counts_as_pending() {
        let list = checklist(1, vec![item("1.1", 3.0)], &[]);
        let before = session(1, 1);
        let mut after = session(2, 1);
        mark(&mut after, "1.1", Status::Fail, &[]);
        let c = compare(
            Inspection::new(&before, &list),
            Inspection::new(&after, &list),
        );
        let change = find(&c, "1.1");
        assert_eq!(change.prior, Some(Status::Pending));
        assert_eq!(change.prior_score, None);
        assert_eq!(change.class, Class::NewlyChecked);
        assert_eq!(change.delta, 0.0);
    }

    #[test]
    fn between_two_partials_the_score_decides() {
        let list = checklist(
            1,
            vec![item("up", 4.0), item("down", 4.0), item("same", 4.0)],
            &[],
        );
        let (mut before, mut after) = (session(1, 1), session(2, 1));
        // Deductions: index 0 is −1, index 1 is −3; none applied scores half (2).
        mark(&mut before, "up", Status::Partial, &[1]); // 4 − 3 = 1
        mark(&mut after, "up", Status::Partial, &[0]); // 4 − 1 = 3
        mark(&mut before, "down", Status::Partial, &[]); // 2
        mark(&mut after, "down", Status::Partial, &[1]); // 1
        mark(&mut before, "same", Status::Partial, &[]); // 2
        mark(&mut after, "same", Status::Partial, &[]); // 2
        let c = compare(
            Inspection::new(&before, &list),
            Inspection::new(&after, &list),
        );
        assert_eq!(
            (find(&c, "up").class, find(&c, "up").delta),
            (Class::Improved, 2.0)
        );
        assert_eq!(
            (find(&c, "down").class, find(&c, "down").delta),
            (Class::Regressed, -1.0)
        );
        assert_eq!(find(&c, "same").class, Class::Unchanged);
    }

    #[test]
    fn added_removed_and_renamed_across_versions() {
        let v1 = checklist(
            1,
            vec![item("1.1", 2.0), item("1.2", 3.0), item("1.3", 4.0)],
            &[],
        );
        // v2 renamed 1.3 → 2.3; v3 renames 2.3 → 2.1, drops 1.2 and adds 1.4.
        let v3 = checklist(
            3,
            vec![item("1.1", 2.0), item("2.1", 5.0), item("1.4", 1.0)],
            &[("1.3", "2.3"), ("2.3", "2.1")],
        );
        let (mut before, mut after) = (session(1, 1), session(2, 3));
        mark(&mut before, "1.1", Status::Pass, &[]);
        mark(&mut before, "1.2", Status::Fail, &[]);
        mark(&mut before, "1.3", Status::Fail, &[]);
        mark(&mut after, "1.1", Status::Pass, &[]);
        mark(&mut after, "2.1", Status::Pass, &[]);
        mark(&mut after, "1.4", Status::Pass, &[]);
        let c = compare(Inspection::new(&before, &v1), Inspection::new(&after, &v3));
        let codes: Vec<&str> = c.items.iter().map(|change| change.code.as_str()).collect();
        assert_eq!(codes, ["1.1", "2.1", "1.4", "1.2"], "removed items last");

        let renamed = find(&c, "2.1");
        assert_eq!(renamed.renamed_from.as_deref(), Some("1.3"));
        assert_eq!(
            (renamed.prior, renamed.current),
            (Some(Status::Fail), Some(Status::Pass))
        );
        assert_eq!((renamed.class, renamed.delta), (Class::Improved, 5.0));

        let added = find(&c, "1.4");
        assert_eq!(
            (added.prior, added.class, added.delta),
            (None, Class::Added, 1.0)
        );

        let removed = find(&c, "1.2");
        assert_eq!(removed.current, None);
        assert_eq!(removed.title, "条目1.2");
        assert_eq!((removed.class, removed.delta), (Class::Removed, 0.0));

        assert_eq!(c.counts.get(Class::Unchanged), 1);
        assert_eq!(c.counts.get(Class::Added), 1);
        assert_eq!(c.counts.get(Class::Removed), 1);
        assert_eq!(c.counts.get(Class::Improved), 1);
        assert_eq!(c.counts.iter().map(|(_, n)| n).sum::<usize>(), 4);
    }

    #[test]
    fn deltas_add_up_to_the_score_change_and_summaries_are_per_version() {
        let v1 = checklist(1, vec![item("a", 4.0), item("b", 6.0)], &[]);
        let v2 = checklist(2, vec![item("a", 4.0), item("c", 2.0)], &[]);
        let (mut before, mut after) = (session(1, 1), session(2, 2));
        mark(&mut before, "a", Status::Pass, &[]);
        mark(&mut before, "b", Status::Partial, &[0]); // 6 − 1 = 5
        mark(&mut after, "a", Status::Partial, &[]); // 2
        mark(&mut after, "c", Status::Pass, &[]);
        let c = compare(Inspection::new(&before, &v1), Inspection::new(&after, &v2));
        assert_eq!(c.prior.figures.score, 9.0);
        assert_eq!(c.prior.figures.max, 10.0);
        assert_eq!(c.current.figures.score, 4.0);
        assert_eq!(c.current.figures.max, 6.0);
        let total: f64 = c.items.iter().map(|change| change.delta).sum();
        assert_eq!(total, c.score_delta());
        assert_eq!(c.score_delta(), -5.0);
        let percent = c.percent_delta().unwrap();
        assert!((percent - (4.0 / 6.0 * 100.0 - 90.0)).abs() < 1e-9);
        assert_eq!(
            (c.prior_id, c.current_id),
            (Uuid::from_u128(1), Uuid::from_u128(2))
        );
    }

    #[test]
    fn regressions_come_first_and_the_rest_keep_their_order() {
        use Status::*;
        let mut c = same_version(&[(Fail, Pass), (Pass, Fail), (Pass, Pass), (Partial, Fail)]);
        sort_regressions_first(&mut c.items);
        let codes: Vec<&str> = c.items.iter().map(|change| change.code.as_str()).collect();
        assert_eq!(codes, ["i1", "i3", "i0", "i2"]);
        let changed: Vec<&str> = c
            .changed_items()
            .map(|change| change.code.as_str())
            .collect();
        assert_eq!(changed, ["i1", "i3", "i0"]);
    }

    #[test]
    fn class_words_are_the_documented_ones() {
        let words: Vec<&str> = Class::ALL.iter().map(|class| class.as_str()).collect();
        assert_eq!(
            words,
            [
                "improved",
                "regressed",
                "unchanged",
                "changed",
                "newly_checked",
                "added",
                "removed"
            ]
        );
    }
}
