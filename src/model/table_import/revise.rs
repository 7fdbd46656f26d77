//! A re-imported table against the version already known: the same content keeps
//! its version; different content is version + 1, with `renamed` for items whose
//! code moved, so rounds on the two versions still compare item by item.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::checklist::{Checklist, Item};

/// What a re-import did to the version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The version the new checklist carries.
    pub version: u32,
    /// The version it was compared with, if one was known.
    pub previous: Option<u32>,
    /// False when the table says what the known version says.
    pub changed: bool,
    /// Codes that moved in this import: old → new.
    pub moved: Vec<(String, String)>,
}

/// Sets `imported`'s version and `renamed` against `previous` (the newest version
/// known under the same id).
pub fn revise(imported: &mut Checklist, previous: Option<&Checklist>) -> Revision {
    let Some(previous) = previous else {
        return Revision {
            version: imported.version,
            previous: None,
            changed: true,
            moved: Vec::new(),
        };
    };
    let mut same = imported.clone();
    same.version = previous.version;
    same.renamed = previous.renamed.clone();
    if same == *previous {
        *imported = same;
        return Revision {
            version: previous.version,
            previous: Some(previous.version),
            changed: false,
            moved: Vec::new(),
        };
    }
    let destination = destinations(previous, imported);
    let current: BTreeSet<&str> = imported.items().iter().map(|i| i.code.as_str()).collect();
    let mut wanted: BTreeMap<String, String> = BTreeMap::new();
    // Codes an earlier version renamed, carried to where their item is now.
    for old in previous.renamed.keys() {
        let end = previous.current_code(old);
        if let Some(now) = destination.get(end) {
            wanted.insert(old.clone(), now.clone());
        }
    }
    for (old, now) in &destination {
        wanted.insert(old.clone(), now.clone());
    }
    wanted.retain(|old, now| old != now && current.contains(now.as_str()));
    // `renamed` chains (a → b → c), so a code may only point at one that is not
    // itself renamed; such a move is left out (old item removed, new one added).
    let sources: BTreeSet<String> = wanted.keys().cloned().collect();
    wanted.retain(|_, now| !sources.contains(now.as_str()));
    let moved: Vec<(String, String)> = destination
        .iter()
        .filter(|(old, now)| wanted.get(*old) == Some(now))
        .map(|(old, now)| (old.clone(), now.clone()))
        .collect();
    imported.version = previous.version + 1;
    imported.renamed = wanted;
    Revision {
        version: imported.version,
        previous: Some(previous.version),
        changed: true,
        moved,
    }
}

/// Where each item of `previous` is in `imported`: an item with the same title and
/// standard (first by the same code), else the item under the same code.
fn destinations(previous: &Checklist, imported: &Checklist) -> BTreeMap<String, String> {
    let key = |item: &Item| (item.title.clone(), item.standard.clone());
    let mut by_content: BTreeMap<(String, Option<String>), Vec<&str>> = BTreeMap::new();
    for item in imported.items() {
        by_content
            .entry(key(item))
            .or_default()
            .push(item.code.as_str());
    }
    let codes: BTreeSet<&str> = imported.items().iter().map(|i| i.code.as_str()).collect();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut found = BTreeMap::new();
    let old_items = previous.items();
    // Items that kept both code and content first, so moves cannot take their place.
    let (kept, rest): (Vec<&Item>, Vec<&Item>) = old_items.iter().partition(|old| {
        by_content
            .get(&key(old))
            .is_some_and(|codes| codes.contains(&old.code.as_str()))
    });
    for old in kept {
        taken.insert(old.code.as_str());
        found.insert(old.code.clone(), old.code.clone());
    }
    for old in rest {
        let moved_to = by_content
            .get(&key(old))
            .and_then(|codes| codes.iter().find(|code| !taken.contains(**code)).copied());
        match moved_to {
            Some(code) => {
                taken.insert(code);
                found.insert(old.code.clone(), code.to_string());
            }
            None if codes.contains(old.code.as_str()) => {
                found.insert(old.code.clone(), old.code.clone());
            }
            None => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::matching::tests::{checklist, item};

    fn titled(code: &str, title: &str) -> Item {
        Item {
            title: title.into(),
            ..item(code, 2.0)
        }
    }

    #[test]
    fn the_same_content_keeps_the_version() {
        let previous = checklist(3, vec![titled("1.1", "甲")], &[("0.1", "1.1")]);
        let mut imported = checklist(1, vec![titled("1.1", "甲")], &[]);
        let revision = revise(&mut imported, Some(&previous));
        assert!(!revision.changed);
        assert_eq!(imported, previous);
    }

    #[test]
    fn moved_items_are_renamed_and_the_version_goes_up() {
        let previous = checklist(
            2,
            vec![titled("1.1", "甲"), titled("1.2", "乙")],
            &[("0.9", "1.2")],
        );
        let mut imported = checklist(
            1,
            vec![
                titled("1.1", "甲"),
                titled("1.2", "新"),
                titled("1.3", "乙"),
            ],
            &[],
        );
        let revision = revise(&mut imported, Some(&previous));
        assert_eq!(revision.version, 3);
        assert_eq!(revision.moved, [("1.2".to_string(), "1.3".to_string())]);
        assert_eq!(imported.version, 3);
        let renamed: Vec<(&str, &str)> = imported
            .renamed
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(renamed, [("0.9", "1.3"), ("1.2", "1.3")]);
        assert!(crate::model::validate::validate(&imported).is_empty());
    }

    #[test]
    fn a_shift_keeps_only_moves_that_do_not_chain() {
        let previous = checklist(1, vec![titled("1.1", "甲"), titled("1.2", "乙")], &[]);
        let mut imported = checklist(
            1,
            vec![
                titled("1.1", "新"),
                titled("1.2", "甲"),
                titled("1.3", "乙"),
            ],
            &[],
        );
        revise(&mut imported, Some(&previous));
        assert_eq!(imported.current_code("1.2"), "1.3");
        assert_eq!(
            imported.current_code("1.1"),
            "1.1",
            "1.1 → 1.2 would chain on to 1.3"
        );
        assert!(crate::model::validate::validate(&imported).is_empty());
    }
}
