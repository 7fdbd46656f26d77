//! Checks a parsed checklist beyond syntax and reports every problem, not the first.

use std::collections::BTreeSet;
use std::fmt;

use super::checklist::{Checklist, Item, Node};

/// Where in a checklist a problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Checklist,
    Section(String),
    Item(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Checklist => write!(f, "{}", self.message),
            Place::Section(code) => write!(f, "section {code}: {}", self.message),
            Place::Item(code) => write!(f, "item {code}: {}", self.message),
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn validate(checklist: &Checklist) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |place: Place, message: String| problems.push(Problem { place, message });

    if !is_valid_id(&checklist.id) {
        report(
            Place::Checklist,
            format!(
                "id {:?} must be 1–64 characters of a-z, 0-9 and '-'",
                checklist.id
            ),
        );
    }
    if checklist.title.trim().is_empty() {
        report(Place::Checklist, "title is empty".into());
    }
    check_rules(checklist, &mut report);
    super::validate_scoring::check_rules(&checklist.rules, &mut report);

    let mut section_codes = BTreeSet::new();
    let mut item_codes = BTreeSet::new();
    for node in checklist.nodes() {
        match node {
            Node::Section { section, .. } => {
                if section.code.trim().is_empty() {
                    report(
                        Place::Section(section.title.clone()),
                        "section code is empty".into(),
                    );
                } else if !section_codes.insert(section.code.as_str()) {
                    report(
                        Place::Section(section.code.clone()),
                        "duplicate section code".into(),
                    );
                }
            }
            Node::Item { item, .. } => {
                if item.code.trim().is_empty() {
                    report(Place::Item(item.title.clone()), "item code is empty".into());
                } else if !item_codes.insert(item.code.as_str()) {
                    report(Place::Item(item.code.clone()), "duplicate item code".into());
                }
                check_item(item, &mut report);
                super::validate_scoring::check_item(item, &mut report);
            }
        }
    }
    if item_codes.is_empty() {
        report(Place::Checklist, "the checklist has no items".into());
    }
    check_codes_and_total(checklist, &mut report);
    for (old, new) in &checklist.renamed {
        // Follow chains (a → b → c); a chain must end at an item, not in a cycle.
        let end = checklist.current_code(old);
        if item_codes.contains(end) {
            continue;
        }
        let message = if end == new.as_str() {
            format!("renamed: {old:?} → {new:?}, but there is no item {new:?}")
        } else {
            format!("renamed: {old:?} → {new:?} never reaches an item (it ends at {end:?})")
        };
        report(Place::Checklist, message);
    }
    problems
}

/// Codes are printed as they are, so they may hold no control characters; and the
/// points must add up to a number.
fn check_codes_and_total(checklist: &Checklist, report: &mut impl FnMut(Place, String)) {
    let unsafe_code = |code: &str| {
        code.chars()
            .any(|c| c.is_control() || super::text::is_unsafe_char(c))
    };
    let message = |code: &str| {
        format!("code {code:?} contains control characters; use letters, digits and dots")
    };
    for node in checklist.nodes() {
        match node {
            Node::Section { section, .. } if unsafe_code(&section.code) => report(
                Place::Section(super::text::sanitize_line(&section.code)),
                message(&section.code),
            ),
            Node::Item { item, .. } if unsafe_code(&item.code) => report(
                Place::Item(super::text::sanitize_line(&item.code)),
                message(&item.code),
            ),
            _ => {}
        }
    }
    for (old, new) in &checklist.renamed {
        for code in [old, new] {
            if unsafe_code(code) {
                report(Place::Checklist, format!("renamed: {}", message(code)));
            }
        }
    }
    // Items whose own points are not finite are reported on their own.
    let points: Vec<f64> = checklist.items().iter().map(|item| item.points).collect();
    let total: f64 = points.iter().sum();
    if points.iter().all(|p| p.is_finite()) && !total.is_finite() {
        report(
            Place::Checklist,
            format!("the items' points add up to {total}, not a finite number; use smaller points"),
        );
    }
}

fn check_rules(checklist: &Checklist, report: &mut impl FnMut(Place, String)) {
    let rules = &checklist.rules;
    if let Some(limit) = rules.disqualify_over
        && (!limit.is_finite() || limit < 0.0)
    {
        report(
            Place::Checklist,
            format!("rules: disqualify_over must be a finite number ≥ 0, found {limit}"),
        );
    }
    for (threshold, label) in &rules.grades {
        if !threshold.is_finite() || *threshold < 0.0 {
            report(
                Place::Checklist,
                format!(
                    "rules: grade {label:?} has threshold {threshold}; expected a finite number ≥ 0"
                ),
            );
        }
    }
    let sorted = rules.grades.windows(2).all(|pair| pair[0].0 > pair[1].0);
    if !sorted {
        report(
            Place::Checklist,
            "rules: grades must be sorted from the highest threshold to the lowest, without repeats"
                .into(),
        );
    }
}

fn check_item(item: &Item, report: &mut impl FnMut(Place, String)) {
    let place = || Place::Item(item.code.clone());
    if item.title.trim().is_empty() {
        report(place(), "title is empty".into());
    }
    if !item.points.is_finite() || item.points < 0.0 {
        report(
            place(),
            format!("points must be a finite number ≥ 0, found {}", item.points),
        );
    }
    for deduction in &item.deductions {
        let (reason, value) = (&deduction.reason, deduction.points);
        if !value.is_finite() || value < 0.0 {
            report(
                place(),
                format!("deduction {reason:?} must be a finite number ≥ 0, found {value}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::{Rules, Section};
    use std::collections::BTreeMap;

    fn item(code: &str, points: f64) -> Item {
        Item {
            code: code.into(),
            title: "标题".into(),
            standard: None,
            points,
            methods: vec![],
            evidence: vec![],
            owners: vec![],
            ..Item::default()
        }
    }

    fn checklist(items: Vec<Item>) -> Checklist {
        Checklist {
            id: "ok-1".into(),
            version: 1,
            title: "表".into(),
            description: None,
            rules: Rules::default(),
            renamed: BTreeMap::new(),
            sections: vec![Section {
                code: "1".into(),
                title: "一".into(),
                items,
                sections: vec![],
            }],
        }
    }

    fn messages(c: &Checklist) -> Vec<String> {
        validate(c).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_good_checklist_has_no_problems() {
        assert!(validate(&checklist(vec![item("1.1", 2.0)])).is_empty());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut bad = item("1.2", f64::NAN);
        bad.deductions = vec![crate::model::checklist::Deduction::once("负数", -1.0)];
        let mut c = checklist(vec![item("1.1", 2.0), item("1.1", -3.0), bad]);
        c.id = "Bad ID".into();
        c.rules.grades = vec![(60.0, "合格".into()), (90.0, "优秀".into())];
        c.renamed.insert("0.9".into(), "9.9".into());
        let found = messages(&c);
        assert!(
            found.iter().any(|m| m.contains("id \"Bad ID\"")),
            "{found:?}"
        );
        assert!(found.contains(&"item 1.1: duplicate item code".to_string()));
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("item 1.1: points must be"))
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("item 1.2: points must be"))
        );
        assert!(found.iter().any(|m| m.starts_with("item 1.2: deduction")));
        assert!(found.iter().any(|m| m.contains("grades must be sorted")));
        assert!(found.iter().any(|m| m.contains("no item \"9.9\"")));
        assert_eq!(found.len(), 7, "{found:?}");
    }

    #[test]
    fn no_items_is_a_problem() {
        assert_eq!(messages(&checklist(vec![])), ["the checklist has no items"]);
    }

    #[test]
    fn duplicate_section_codes_are_found_in_nesting() {
        let mut c = checklist(vec![item("1.1", 1.0)]);
        c.sections[0].sections.push(Section {
            code: "1".into(),
            title: "重复".into(),
            items: vec![],
            sections: vec![],
        });
        assert_eq!(messages(&c), ["section 1: duplicate section code"]);
    }

    #[test]
    fn renamed_may_point_through_a_chain() {
        let mut c = checklist(vec![item("1.1", 1.0)]);
        c.renamed.insert("0.1".into(), "0.2".into());
        c.renamed.insert("0.2".into(), "1.1".into());
        assert!(validate(&c).is_empty());
    }

    #[test]
    fn renamed_cycles_are_a_problem() {
        let mut c = checklist(vec![item("1.1", 1.0)]);
        c.renamed.insert("0.1".into(), "0.2".into());
        c.renamed.insert("0.2".into(), "0.1".into());
        let found = messages(&c);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().all(|m| m.starts_with("renamed: ")),
            "{found:?}"
        );
    }

    #[test]
    fn codes_with_controls_and_infinite_totals_are_problems() {
        let mut c = checklist(vec![item("1.\u{1b}[2J1", 1.0), item("1.2\u{202e}", 1.0)]);
        c.sections[0].code = "\u{9b}1".into();
        let found = messages(&c);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found.iter().all(|m| m.contains("control characters")),
            "{found:?}"
        );
        assert!(found.iter().all(|m| !m.contains('\u{1b}')), "{found:?}");
        let huge = checklist(vec![item("1.1", 1e308), item("1.2", 1e308)]);
        let found = messages(&huge);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("not a finite number"), "{found:?}");
    }

    #[test]
    fn id_format() {
        assert!(is_valid_id("wenming-danwei"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("文明"));
        assert!(!is_valid_id("a_b"));
    }
}
