//! The checklist tree (测评表) as users author it in RON (docs/design.md §3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
    /// A total deduction above this disqualifies the unit from awards (取消评优资格).
    #[serde(default)]
    pub disqualify_over: Option<f64>,
    /// (threshold percent, label), sorted by threshold from high to low.
    #[serde(default)]
    pub grades: Vec<(f64, String)>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Predefined deductions: (reason, points).
    #[serde(default)]
    pub deductions: Vec<(String, f64)>,
    /// 一票否决: failing this item fails the whole unit.
    #[serde(default)]
    pub veto: bool,
    /// 加分项: adds its points on pass, not part of the maximum.
    #[serde(default)]
    pub bonus: bool,
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

    /// The whole tree flattened in reading order, with depths.
    pub fn nodes(&self) -> Vec<Node<'_>> {
        let mut nodes = Vec::new();
        for section in &self.sections {
            section.collect_nodes(0, &mut nodes);
        }
        nodes
    }

    /// Top-level sections and every nested one, in reading order.
    #[cfg(test)]
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
            deductions: vec![],
            veto: false,
            bonus: false,
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
    fn top_section_of_nested_item() {
        let checklist = sample();
        let section = checklist.top_section_of("1.2.1").map(|s| s.code.as_str());
        assert_eq!(section, Some("1"));
    }
}
