//! Drafts of items under heading paths → the section tree, with codes, and the
//! report's notes for sections and items.

use std::collections::BTreeSet;

use super::draft::{Draft, DraftNote, Heading};
use super::report::{Kind, Noted, RowNote, Unread, Warning};
use crate::model::checklist::{Item, Section};

pub(super) struct Assembled {
    pub sections: Vec<Section>,
    pub notes: Vec<RowNote>,
    pub warnings: Vec<Warning>,
}

/// Sections are numbered 1, 2, … and 1.1, 1.2 inside; an item takes its section's
/// code and the next number there. Codes from a 编号 column are kept when every
/// item has one, no two are the same, and they are more than row numbers 1, 2, 3.
pub(super) fn assemble(drafts: Vec<Draft>, checklist_title: &str) -> Assembled {
    let table_codes = {
        let codes: Vec<&str> = drafts.iter().filter_map(|d| d.code.as_deref()).collect();
        let distinct: BTreeSet<&str> = codes.iter().copied().collect();
        let more_than_numbers = codes.iter().any(|c| !c.bytes().all(|b| b.is_ascii_digit()));
        codes.len() == drafts.len() && distinct.len() == codes.len() && more_than_numbers
    };
    let mut roots: Vec<Section> = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new(); // (heading id, index in parent)
    let mut stated: Vec<(Vec<usize>, f64)> = Vec::new();
    let mut notes = Vec::new();
    for draft in drafts {
        let mut path = draft.path.clone();
        if path.is_empty() {
            path.push(Heading::new(0, draft.at, checklist_title, None));
        }
        let shared = open
            .iter()
            .zip(&path)
            .take_while(|((id, _), heading)| *id == heading.id)
            .count();
        open.truncate(shared);
        for heading in &path[shared..] {
            let indexes: Vec<usize> = open.iter().map(|(_, index)| *index).collect();
            let Some((code, index)) = add_section(&mut roots, &indexes, &heading.title) else {
                break;
            };
            open.push((heading.id, index));
            if heading.id != 0 {
                notes.push(RowNote {
                    at: heading.at,
                    noted: Noted::Section {
                        code,
                        title: heading.title.clone(),
                    },
                });
            }
            if let Some(points) = heading.stated {
                stated.push((open.iter().map(|(_, i)| *i).collect(), points));
            }
        }
        let indexes: Vec<usize> = open.iter().map(|(_, index)| *index).collect();
        let Some(section) = section_at(&mut roots, &indexes) else {
            continue;
        };
        let code = match (&draft.code, table_codes) {
            (Some(code), true) => code.clone(),
            _ => format!(
                "{}.{}",
                section.code,
                section.items.len() + section.sections.len() + 1
            ),
        };
        notes.extend(draft_notes(&draft, &code));
        section.items.push(item_from(draft, code));
    }
    let warnings = stated
        .into_iter()
        .filter_map(|(indexes, points)| {
            let section = section_at(&mut roots, &indexes)?;
            let total: f64 = section
                .all_items()
                .iter()
                .filter(|i| i.is_base() && !i.veto)
                .map(|i| i.points)
                .sum();
            let has_base = section.all_items().iter().any(|i| i.is_base() && !i.veto);
            ((total - points).abs() > 1e-6 && has_base).then(|| Warning::Section {
                code: section.code.clone(),
                title: section.title.clone(),
                total,
                stated: points,
            })
        })
        .collect();
    Assembled {
        sections: roots,
        notes,
        warnings,
    }
}

/// Adds a section under the one at `indexes` (at the top when empty); its code and index.
fn add_section(
    roots: &mut Vec<Section>,
    indexes: &[usize],
    title: &str,
) -> Option<(String, usize)> {
    let new = |code: String| Section {
        code,
        title: title.to_string(),
        items: Vec::new(),
        sections: Vec::new(),
    };
    if indexes.is_empty() {
        let code = (roots.len() + 1).to_string();
        roots.push(new(code.clone()));
        return Some((code, roots.len() - 1));
    }
    let parent = section_at(roots, indexes)?;
    let code = format!(
        "{}.{}",
        parent.code,
        parent.items.len() + parent.sections.len() + 1
    );
    parent.sections.push(new(code.clone()));
    Some((code, parent.sections.len() - 1))
}

fn section_at<'s>(roots: &'s mut [Section], indexes: &[usize]) -> Option<&'s mut Section> {
    let (first, rest) = indexes.split_first()?;
    let mut section = roots.get_mut(*first)?;
    for index in rest {
        section = section.sections.get_mut(*index)?;
    }
    Some(section)
}

fn draft_notes(draft: &Draft, code: &str) -> Vec<RowNote> {
    let mut notes = vec![RowNote {
        at: draft.at,
        noted: Noted::Item {
            code: code.to_string(),
            title: draft.title.clone(),
            kind: draft.kind,
            points: draft.points,
            once: draft
                .deductions
                .iter()
                .filter(|d| !d.is_per_occurrence())
                .count(),
            per_occurrence: draft
                .deductions
                .iter()
                .filter(|d| d.is_per_occurrence())
                .count(),
        },
    }];
    for (at, note) in &draft.notes {
        let noted = match note {
            DraftNote::Joined => Noted::Joined {
                code: code.to_string(),
            },
            DraftNote::Clause(text) => Noted::Clause {
                code: code.to_string(),
                text: text.clone(),
            },
            DraftNote::AllOfNoPoints => Noted::Unread(Unread::AllOfNoPoints {
                code: code.to_string(),
            }),
        };
        notes.push(RowNote { at: *at, noted });
    }
    notes
}

fn item_from(draft: Draft, code: String) -> Item {
    Item {
        code,
        title: draft.title,
        standard: Some(draft.standard.join("\n")),
        points: draft.points,
        methods: draft.methods,
        evidence: draft.evidence,
        owners: draft.owners,
        deductions: draft.deductions,
        veto: draft.kind == Kind::Veto,
        bonus: draft.kind == Kind::Bonus,
        penalty: draft.kind == Kind::Penalty,
        ..Item::default()
    }
}
