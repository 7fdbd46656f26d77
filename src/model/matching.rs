//! Which item of one checklist version is which item of another (docs/design.md §3 `renamed`).
//!
//! Two sessions made with different versions of a checklist are matched through the
//! newer version's `renamed` map, chains included (`a → b → c`). Rules, in order:
//!
//! - Same version on both sides: codes match as they are; `renamed` is not applied,
//!   because both sides already use that version's codes.
//! - Otherwise each code of the older version is carried forward with the newer
//!   version's [`Checklist::current_code`]. Explicit renames are matched first, then
//!   codes that stayed the same. When two old codes land on one new code, an explicit
//!   rename wins over a code that stayed (an author who renumbers 1.3 → 1.2 has
//!   retired the old 1.2, even without saying so), and between two renames the first
//!   in reading order wins; the other old item counts as removed.
//! - An old code whose forward code is not an item of the newer version is unmatched
//!   (removed); a newer item no old code reaches is unmatched (added).

use std::collections::{BTreeMap, BTreeSet};

use super::checklist::Checklist;

/// Item codes matched between a prior and a current checklist version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeMap {
    to_prior: BTreeMap<String, String>,
    to_current: BTreeMap<String, String>,
}

impl CodeMap {
    /// Matches the items of `prior` (the checklist of the earlier session) with those of
    /// `current`. Works either way round: when `prior` is the newer version, its
    /// `renamed` map is the one applied.
    pub fn between(prior: &Checklist, current: &Checklist) -> CodeMap {
        let mut map = CodeMap::default();
        if prior.version <= current.version {
            for (old, new) in link(prior, current) {
                map.insert(old, new);
            }
        } else {
            for (old, new) in link(current, prior) {
                map.insert(new, old);
            }
        }
        map
    }

    fn insert(&mut self, prior_code: String, current_code: String) {
        self.to_prior
            .insert(current_code.clone(), prior_code.clone());
        self.to_current.insert(prior_code, current_code);
    }

    /// The prior version's code for a current item; `None` for an added item.
    pub fn prior_code(&self, current_code: &str) -> Option<&str> {
        self.to_prior.get(current_code).map(String::as_str)
    }

    /// The current version's code for a prior item; `None` for a removed item.
    pub fn current_code(&self, prior_code: &str) -> Option<&str> {
        self.to_current.get(prior_code).map(String::as_str)
    }
}

/// (older code, newer code) pairs, carrying older codes forward through `newer.renamed`.
fn link(older: &Checklist, newer: &Checklist) -> Vec<(String, String)> {
    let older_codes: Vec<&str> = older.items().iter().map(|i| i.code.as_str()).collect();
    let newer_codes: BTreeSet<&str> = newer.items().iter().map(|i| i.code.as_str()).collect();
    if older.version == newer.version {
        return older_codes
            .into_iter()
            .filter(|code| newer_codes.contains(code))
            .map(|code| (code.to_string(), code.to_string()))
            .collect();
    }
    let forward: Vec<(&str, &str)> = older_codes
        .iter()
        .map(|&code| (code, newer.current_code(code)))
        .filter(|(_, target)| newer_codes.contains(target))
        .collect();
    let renamed = forward.iter().filter(|(old, new)| old != new);
    let kept = forward.iter().filter(|(old, new)| old == new);
    let mut taken = BTreeSet::new();
    let mut pairs = Vec::new();
    for &(old, new) in renamed.chain(kept) {
        if taken.insert(new) {
            pairs.push((old.to_string(), new.to_string()));
        }
    }
    pairs
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::checklist::{Deduction, Item, Rules, Section};

    pub fn item(code: &str, points: f64) -> Item {
        Item {
            code: code.into(),
            title: format!("条目{code}"),
            standard: None,
            points,
            methods: vec![],
            evidence: vec![],
            owners: vec![],
            deductions: vec![
                Deduction::once("扣一分", 1.0),
                Deduction::once("扣三分", 3.0),
            ],
            ..Item::default()
        }
    }

    /// A one-section checklist "t" with the given items and renames.
    pub fn checklist(version: u32, items: Vec<Item>, renamed: &[(&str, &str)]) -> Checklist {
        Checklist {
            id: "t".into(),
            version,
            title: "测试表".into(),
            description: None,
            rules: Rules::default(),
            renamed: renamed
                .iter()
                .map(|(old, new)| (old.to_string(), new.to_string()))
                .collect(),
            sections: vec![Section {
                code: "1".into(),
                title: "第一部分".into(),
                items,
                sections: vec![],
            }],
        }
    }

    fn codes(codes: &[&str]) -> Vec<Item> {
        codes.iter().map(|code| item(code, 1.0)).collect()
    }

    #[test]
    fn same_version_matches_codes_as_they_are_even_when_renamed_lists_them() {
        let v2 = checklist(2, codes(&["1.1", "1.3"]), &[("1.3", "1.1")]);
        let map = CodeMap::between(&v2, &v2);
        assert_eq!(map.prior_code("1.3"), Some("1.3"));
        assert_eq!(map.current_code("1.1"), Some("1.1"));
    }

    #[test]
    fn renamed_chains_carry_old_codes_forward() {
        let v1 = checklist(1, codes(&["a", "k"]), &[]);
        let v3 = checklist(3, codes(&["c", "k"]), &[("a", "b"), ("b", "c")]);
        let map = CodeMap::between(&v1, &v3);
        assert_eq!(map.prior_code("c"), Some("a"));
        assert_eq!(map.current_code("a"), Some("c"));
        assert_eq!(map.current_code("k"), Some("k"));
    }

    #[test]
    fn explicit_rename_wins_over_a_code_that_stayed() {
        let v1 = checklist(1, codes(&["1.1", "1.2", "1.3"]), &[]);
        let v2 = checklist(2, codes(&["1.1", "1.2"]), &[("1.3", "1.2")]);
        let map = CodeMap::between(&v1, &v2);
        assert_eq!(map.prior_code("1.2"), Some("1.3"));
        assert_eq!(map.current_code("1.2"), None, "old 1.2 was retired");
    }

    #[test]
    fn unmatched_codes_on_either_side() {
        let v1 = checklist(1, codes(&["1.1", "gone"]), &[]);
        let v2 = checklist(2, codes(&["1.1", "new"]), &[]);
        let map = CodeMap::between(&v1, &v2);
        assert_eq!(map.current_code("gone"), None);
        assert_eq!(map.prior_code("new"), None);
    }

    #[test]
    fn a_newer_prior_applies_its_own_renames() {
        let v1 = checklist(1, codes(&["old"]), &[]);
        let v2 = checklist(2, codes(&["new"]), &[("old", "new")]);
        let map = CodeMap::between(&v2, &v1);
        assert_eq!(map.prior_code("old"), Some("new"));
        assert_eq!(map.current_code("new"), Some("old"));
    }
}
