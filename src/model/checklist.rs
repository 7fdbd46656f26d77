//! The checklist tree (测评表) as users author it in RON (docs/design.md §3).

mod deduction;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use deduction::Deduction;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Checklist", deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub version: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub rules: Rules,
    /// Old item code → new item code, for comparing across versions.
    #[serde(default)]
    pub renamed: BTreeMap<String, String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// A total deduction of this or more disqualifies the unit from awards
    /// (取消评优资格; "扣2分以上": 以上 includes the number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disqualify_from: Option<f64>,
    /// The older, strict form: a total deduction above this disqualifies.
    #[serde(default)]
    pub disqualify_over: Option<f64>,
    /// (threshold percent, label), sorted by threshold from high to low.
    #[serde(default)]
    pub grades: Vec<(f64, String)>,
    /// Graded judgements (测评等次): (label, ratio of the item's points), e.g. ("B", 0.66).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<(String, f64)>,
}

impl Rules {
    /// The ratio of the level `label` (case-sensitive), if the checklist has it.
    pub fn level_ratio(&self, label: &str) -> Option<f64> {
        self.levels
            .iter()
            .find(|(name, _)| name == label)
            .map(|(_, ratio)| *ratio)
    }

    /// Whether a total deduction of `deducted` disqualifies (取消评优资格).
    pub fn disqualifies(&self, deducted: f64) -> bool {
        const EPSILON: f64 = 1e-9;
        self.disqualify_from
            .is_some_and(|from| deducted >= from - EPSILON)
            || self
                .disqualify_over
                .is_some_and(|over| deducted > over + EPSILON)
    }

    /// The label of the first grade whose threshold is at most `percent`.
    pub fn grade_for(&self, percent: f64) -> Option<&str> {
        self.grades
            .iter()
            .find(|(threshold, _)| *threshold <= percent + 1e-9)
            .map(|(_, label)| label.as_str())
    }
}

/// Whom an item is judged for: each department (the default), or once for the whole unit.
/// Written as a string, `scope: "unit"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub enum Scope {
    #[default]
    Department,
    Unit,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Department => "department",
            Scope::Unit => "unit",
        }
    }

    pub fn is_department(&self) -> bool {
        *self == Scope::Department
    }
}

impl TryFrom<String> for Scope {
    type Error = String;

    fn try_from(text: String) -> Result<Scope, String> {
        match text.as_str() {
            "department" => Ok(Scope::Department),
            "unit" => Ok(Scope::Unit),
            _ => Err(format!(
                "unknown scope {text:?}; expected \"department\" or \"unit\""
            )),
        }
    }
}

impl From<Scope> for String {
    fn from(scope: Scope) -> String {
        scope.as_str().to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Section", deny_unknown_fields)]
pub struct Section {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Item", deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub standard: Option<String>,
    #[serde(default)]
    pub points: f64,
    #[serde(default)]
    pub methods: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub owners: Vec<String>,
    /// Predefined deductions: `(reason, points)`, or `(reason, points, unit)` for one
    /// applied per occurrence.
    #[serde(default)]
    pub deductions: Vec<Deduction>,
    /// 一票否决: failing this item fails the whole unit.
    #[serde(default)]
    pub veto: bool,
    /// 加分项: adds its points on pass, not part of the maximum.
    #[serde(default)]
    pub bonus: bool,
    /// 负面清单: outside the maximum; when it happens, the session loses its points
    /// (or the deductions applied).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub penalty: bool,
    /// `unit`: judged once for the whole unit; department sessions leave it out.
    #[serde(default, skip_serializing_if = "Scope::is_department")]
    pub scope: Scope,
    /// A surveyed rate (知晓率, 满意率): (threshold percent, deduction), from high to low;
    /// the first band whose threshold is at most the rate applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rate: Vec<(f64, f64)>,
}

/// One row of the flattened checklist tree, in reading order.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    Section { section: &'a Section, depth: usize },
    Item { item: &'a Item, depth: usize },
}

impl Checklist {
    /// Every item in reading order (a section's own items before its subsections).
    pub fn items(&self) -> Vec<&Item> {
        self.nodes()
            .into_iter()
            .filter_map(|node| match node {
                Node::Item { item, .. } => Some(item),
                Node::Section { .. } => None,
            })
            .collect()
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items().into_iter().find(|item| item.code == code)
    }

    /// The items a session of `scope` walks and scores, in reading order.
    pub fn items_in(&self, scope: Scope) -> Vec<&Item> {
        self.items()
            .into_iter()
            .filter(|item| item.in_scope(scope))
            .collect()
    }

    /// The whole tree flattened in reading order, with depths.
    pub fn nodes(&self) -> Vec<Node<'_>> {
        let mut nodes = Vec::new();
        for section in &self.sections {
            section.collect_nodes(0, &mut nodes);
        }
        nodes
    }

    /// Top-level sections and every nested one, in reading order.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.nodes()
            .into_iter()
            .filter_map(|node| match node {
                Node::Section { section, .. } => Some(section),
                Node::Item { .. } => None,
            })
            .collect()
    }

    /// The code of the top-level section an item belongs to, with its title.
    #[cfg(test)]
    pub fn top_section_of(&self, item_code: &str) -> Option<&Section> {
        self.sections.iter().find(|section| {
            section
                .all_items()
                .iter()
                .any(|item| item.code == item_code)
        })
    }

    /// Follows `renamed` from an old code to the code used in this version.
    /// Chains (a → b → c) are followed; cycles stop where they close.
    pub fn current_code<'a>(&'a self, code: &'a str) -> &'a str {
        let mut current = code;
        for _ in 0..=self.renamed.len() {
            match self.renamed.get(current) {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }
}

impl Section {
    fn collect_nodes<'a>(&'a self, depth: usize, nodes: &mut Vec<Node<'a>>) {
        nodes.push(Node::Section {
            section: self,
            depth,
        });
        for item in &self.items {
            nodes.push(Node::Item {
                item,
                depth: depth + 1,
            });
        }
        for child in &self.sections {
            child.collect_nodes(depth + 1, nodes);
        }
    }

    /// This section's items and those of its subsections.
    pub fn all_items(&self) -> Vec<&Item> {
        let mut nodes = Vec::new();
        self.collect_nodes(0, &mut nodes);
        nodes
            .into_iter()
            .filter_map(|node| match node {
                Node::Item { item, .. } => Some(item),
                Node::Section { .. } => None,
            })
            .collect()
    }
}

impl Item {
    /// Whether the item carries points at all (an item with 0 points is a plain check).
    pub fn is_scored(&self) -> bool {
        self.points > 0.0
    }

    /// A base item counts toward the maximum: neither a bonus nor a penalty item.
    pub fn is_base(&self) -> bool {
        !self.bonus && !self.penalty
    }

    /// Whether the item is judged by a surveyed rate (it has `rate` bands).
    pub fn is_rate(&self) -> bool {
        !self.rate.is_empty()
    }

    /// Whether a session of `scope` walks and scores this item: a department session
    /// leaves out items judged for the whole unit.
    pub fn in_scope(&self, scope: Scope) -> bool {
        scope == Scope::Unit || self.scope == Scope::Department
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, points: f64) -> Item {
        Item {
            code: code.into(),
            title: format!("条目{code}"),
            standard: None,
            points,
            methods: vec![],
            evidence: vec![],
            owners: vec![],
            ..Item::default()
        }
    }

    fn sample() -> Checklist {
        Checklist {
            id: "t".into(),
            version: 1,
            title: "测试".into(),
            description: None,
            rules: Rules::default(),
            renamed: BTreeMap::from([
                ("a".to_string(), "b".to_string()),
                ("b".to_string(), "c".to_string()),
                ("x".to_string(), "y".to_string()),
                ("y".to_string(), "x".to_string()),
            ]),
            sections: vec![Section {
                code: "1".into(),
                title: "一".into(),
                items: vec![item("1.1", 2.0)],
                sections: vec![Section {
                    code: "1.2".into(),
                    title: "一二".into(),
                    items: vec![item("1.2.1", 3.0)],
                    sections: vec![],
                }],
            }],
        }
    }

    #[test]
    fn items_come_in_reading_order_across_nesting() {
        let codes: Vec<_> = sample().items().iter().map(|i| i.code.clone()).collect();
        assert_eq!(codes, ["1.1", "1.2.1"]);
    }

    #[test]
    fn nodes_carry_depth() {
        let checklist = sample();
        let depths: Vec<usize> = checklist
            .nodes()
            .iter()
            .map(|node| match node {
                Node::Section { depth, .. } | Node::Item { depth, .. } => *depth,
            })
            .collect();
        assert_eq!(depths, [0, 1, 1, 2]);
    }

    #[test]
    fn renamed_chains_are_followed_and_cycles_end() {
        let checklist = sample();
        assert_eq!(checklist.current_code("a"), "c");
        assert_eq!(checklist.current_code("c"), "c");
        let end = checklist.current_code("x");
        assert!(end == "x" || end == "y");
    }

    #[test]
    fn scope_is_written_as_a_string() {
        let parse = |text: &str| {
            crate::store::checklist_file::ron_options()
                .from_str::<Item>(&format!("(code: \"1\", title: \"t\", {text})"))
                .map(|item| item.scope)
                .map_err(|e| e.to_string())
        };
        assert_eq!(parse("scope: \"unit\""), Ok(Scope::Unit));
        assert_eq!(parse("scope: \"department\""), Ok(Scope::Department));
        assert_eq!(parse(""), Ok(Scope::Department));
        let error = parse("scope: \"全局\"").unwrap_err();
        assert!(
            error.contains("expected \"department\" or \"unit\""),
            "{error}"
        );
        assert!(parse("scope: unit").is_err());
        assert_eq!(ron::to_string(&Scope::Unit).unwrap(), "\"unit\"");
    }

    #[test]
    fn top_section_of_nested_item() {
        let checklist = sample();
        let section = checklist.top_section_of("1.2.1").map(|s| s.code.as_str());
        assert_eq!(section, Some("1"));
    }
}
