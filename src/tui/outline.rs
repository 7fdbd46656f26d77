//! A checklist flattened for the item tree: sections and items in reading order,
//! each section knowing the span of nodes and items beneath it. A department
//! session's tree leaves out the items judged for the whole unit, and the sections
//! left with none.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::checklist::{Checklist, Item, Node, Scope};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineNode {
    Section(usize),
    Item(usize),
}

#[derive(Debug, Clone)]
pub struct SectionEntry {
    pub code: String,
    pub title: String,
    pub depth: usize,
    /// This section's node and every node beneath it.
    pub nodes: Range<usize>,
    /// Indexes of every item beneath it (its own and its subsections').
    pub items: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub nodes: Vec<OutlineNode>,
    pub items: Vec<Item>,
    pub item_depth: Vec<usize>,
    pub sections: Vec<SectionEntry>,
    by_code: HashMap<String, usize>,
}

impl Outline {
    pub fn new(checklist: &Checklist, scope: Scope) -> Outline {
        let mut outline = Outline::default();
        let mut open: Vec<usize> = Vec::new();
        for node in checklist.nodes() {
            match node {
                Node::Section { section, .. }
                    if !section.all_items().iter().any(|item| item.in_scope(scope)) => {}
                Node::Item { item, .. } if !item.in_scope(scope) => {}
                Node::Section { section, depth } => {
                    outline.close_sections(&mut open, depth);
                    let index = outline.sections.len();
                    let at = outline.nodes.len();
                    let first_item = outline.items.len();
                    outline.sections.push(SectionEntry {
                        code: section.code.clone(),
                        title: section.title.clone(),
                        depth,
                        nodes: at..at,
                        items: first_item..first_item,
                    });
                    outline.nodes.push(OutlineNode::Section(index));
                    open.push(index);
                }
                Node::Item { item, depth } => {
                    let index = outline.items.len();
                    outline.by_code.insert(item.code.clone(), index);
                    outline.items.push(item.clone());
                    outline.item_depth.push(depth);
                    outline.nodes.push(OutlineNode::Item(index));
                }
            }
        }
        outline.close_sections(&mut open, 0);
        outline
    }

    /// Ends the spans of open sections at or below `depth`.
    fn close_sections(&mut self, open: &mut Vec<usize>, depth: usize) {
        while let Some(&last) = open.last() {
            if self.sections[last].depth < depth {
                break;
            }
            open.pop();
            let (nodes_end, items_end) = (self.nodes.len(), self.items.len());
            let entry = &mut self.sections[last];
            entry.nodes.end = nodes_end;
            entry.items.end = items_end;
        }
    }

    pub fn item_index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    pub fn section_items(&self, section: usize) -> &[Item] {
        &self.items[self.sections[section].items.clone()]
    }

    /// The innermost section containing node `node`.
    pub fn parent_section(&self, node: usize) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.nodes.start < node && node < s.nodes.end)
            .max_by_key(|(_, s)| s.depth)
            .map(|(index, _)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::checklist_file::parse_checklist;

    #[test]
    fn spans_cover_nested_sections() {
        let text = r#"(id: "t", version: 1, title: "t", sections: [
            (code: "1", title: "一", items: [(code: "1.1", title: "a")],
             sections: [(code: "1.2", title: "二", items: [(code: "1.2.1", title: "b")])]),
            (code: "2", title: "三", items: [(code: "2.1", title: "c")]),
        ])"#;
        let checklist = parse_checklist(text.as_bytes(), "t").unwrap();
        let outline = Outline::new(&checklist, Scope::Department);
        assert_eq!(outline.nodes.len(), 6);
        assert_eq!(outline.sections[0].nodes, 0..4);
        assert_eq!(outline.sections[0].items, 0..2);
        assert_eq!(outline.sections[1].nodes, 2..4);
        assert_eq!(outline.sections[2].items, 2..3);
        assert_eq!(outline.item_index("1.2.1"), Some(1));
        assert_eq!(outline.parent_section(3), Some(1));
        assert_eq!(outline.parent_section(1), Some(0));
    }

    #[test]
    fn a_department_tree_leaves_out_unit_items_and_sections_left_empty() {
        let text = r#"(id: "t", version: 1, title: "t", sections: [
            (code: "1", title: "一", items: [(code: "1.1", title: "a", scope: "unit")],
             sections: [(code: "1.2", title: "二", items: [(code: "1.2.1", title: "b")])]),
            (code: "2", title: "三", items: [(code: "2.1", title: "c", scope: "unit")]),
        ])"#;
        let checklist = parse_checklist(text.as_bytes(), "t").unwrap();
        let department = Outline::new(&checklist, Scope::Department);
        let codes: Vec<&str> = department.items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["1.2.1"]);
        let sections: Vec<&str> = department
            .sections
            .iter()
            .map(|s| s.code.as_str())
            .collect();
        assert_eq!(sections, ["1", "1.2"], "section 2 holds only a unit item");
        assert_eq!(department.sections[0].nodes, 0..3);
        assert_eq!(department.item_index("1.1"), None);
        let unit = Outline::new(&checklist, Scope::Unit);
        assert_eq!(unit.items.len(), 3);
        assert_eq!(unit.sections.len(), 3);
    }
}
