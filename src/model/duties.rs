//! 责任分解 (docs/design.md §11): who answers for what in a round.
//!
//! Each item's first `owners` entry is its 牵头 (lead) department. Per responsible
//! department: how many items it leads, the points lost on them in the round's unit
//! sessions and in its own department session (not in other departments' sessions),
//! its open rectifications, and 取消评优资格 when its loss on one checklist reaches
//! that checklist's `disqualify_from` (or exceeds the older `disqualify_over`).
//!
//! A lead of "各科室" (each department, [`is_every_department`]) means every
//! department answers for the item in its own session: it counts as led by each
//! department inspected in the round, and no one leads it in a unit session.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::checklist::{Checklist, Scope};
use super::compare::Inspection;
use super::ledger::LedgerEntry;
use super::scoring::{item_score, points_lost};
use super::text::normalize_name;

/// Points lost on one item in one session.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyDetail {
    pub session: Uuid,
    /// The department of that session (the unit's name for a unit session).
    pub session_department: String,
    pub checklist_id: String,
    pub code: String,
    pub title: String,
    pub lost: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Duty {
    pub department: String,
    /// Items it leads, over the round's checklists.
    pub items: usize,
    pub lost: f64,
    /// Open rectifications it answers for (`LedgerEntry::responsible`).
    pub open_rectifications: usize,
    pub disqualified: bool,
    /// The checklists on which its loss reached the threshold.
    pub disqualified_on: Vec<String>,
    pub details: Vec<DutyDetail>,
}

/// 责任分解 of a round: `round` are its sessions (in the order details are listed),
/// `open` the open ledger entries. Most points lost first, then by name.
pub fn duties(round: &[Inspection<'_>], open: &[LedgerEntry]) -> Vec<Duty> {
    let checklists = newest_checklists(round);
    let mut duties: BTreeMap<String, Duty> = BTreeMap::new();
    let inspected: std::collections::BTreeSet<String> = round
        .iter()
        .filter(|of| of.session.scope == Scope::Department)
        .map(|of| normalize_name(&of.session.department))
        .collect();
    for checklist in checklists.values() {
        for item in checklist.items() {
            match lead_of(item) {
                Some(Lead::Department(lead)) => duty_of(&mut duties, &lead).items += 1,
                Some(Lead::Each) => {
                    for department in &inspected {
                        duty_of(&mut duties, department).items += 1;
                    }
                }
                None => {}
            }
        }
    }
    let mut per_checklist: BTreeMap<(String, String), f64> = BTreeMap::new();
    for of in round {
        let own = normalize_name(&of.session.department);
        for item in of.checklist.items_in(of.session.scope) {
            let lead = match (lead_of(item), of.session.scope) {
                (Some(Lead::Department(lead)), Scope::Unit) => lead,
                (Some(Lead::Department(lead)), Scope::Department) if lead == own => lead,
                (Some(Lead::Each), Scope::Department) => own.clone(),
                _ => continue,
            };
            let response = of.session.response(&item.code);
            let score = item_score(&of.checklist.rules, item, response);
            let lost = points_lost(item, score);
            if lost <= 0.0 || !lost.is_finite() {
                continue;
            }
            let duty = duty_of(&mut duties, &lead);
            duty.lost += lost;
            duty.details.push(DutyDetail {
                session: of.session.id,
                session_department: of.session.department.clone(),
                checklist_id: of.checklist.id.clone(),
                code: item.code.clone(),
                title: item.title.clone(),
                lost,
            });
            *per_checklist
                .entry((lead, of.checklist.id.clone()))
                .or_default() += lost;
        }
    }
    for ((department, checklist_id), lost) in per_checklist {
        let disqualifies = checklists
            .get(&checklist_id)
            .is_some_and(|checklist| checklist.rules.disqualifies(lost));
        if disqualifies {
            let duty = duty_of(&mut duties, &department);
            duty.disqualified = true;
            duty.disqualified_on.push(checklist_id);
        }
    }
    for open_entry in open.iter().filter(|e| e.is_open()) {
        let department = normalize_name(open_entry.responsible());
        if !department.is_empty() {
            duty_of(&mut duties, &department).open_rectifications += 1;
        }
    }
    let mut list: Vec<Duty> = duties.into_values().collect();
    list.sort_by(|a, b| {
        b.lost
            .total_cmp(&a.lost)
            .then_with(|| a.department.cmp(&b.department))
    });
    list
}

fn duty_of<'a>(duties: &'a mut BTreeMap<String, Duty>, department: &str) -> &'a mut Duty {
    duties
        .entry(department.to_string())
        .or_insert_with(|| Duty {
            department: department.to_string(),
            items: 0,
            lost: 0.0,
            open_rectifications: 0,
            disqualified: false,
            disqualified_on: Vec::new(),
            details: Vec::new(),
        })
}

/// Who leads an item.
enum Lead {
    Department(String),
    /// "各科室": each department in its own session.
    Each,
}

/// The lead department of an item, normalized; `None` when it names none.
fn lead_of(item: &super::checklist::Item) -> Option<Lead> {
    let lead = item
        .owners
        .first()
        .map(|owner| normalize_name(owner))
        .filter(|owner| !owner.is_empty())?;
    Some(if is_every_department(&lead) {
        Lead::Each
    } else {
        Lead::Department(lead)
    })
}

/// Words for "every department" in an owners list (各科室, 各部门, 各科室站…).
pub fn is_every_department(name: &str) -> bool {
    matches!(
        name.trim(),
        "各科室" | "各部门" | "各科室站" | "各处室" | "各股室" | "各科所队" | "各单位"
    )
}

/// The newest version of each checklist the round's sessions use, by id.
fn newest_checklists<'a>(round: &[Inspection<'a>]) -> BTreeMap<String, &'a Checklist> {
    let mut newest: BTreeMap<String, &'a Checklist> = BTreeMap::new();
    for of in round {
        let slot = newest
            .entry(of.checklist.id.clone())
            .or_insert(of.checklist);
        if of.checklist.version > slot.version {
            *slot = of.checklist;
        }
    }
    newest
}

#[cfg(test)]
#[path = "duties_tests.rs"]
mod tests;
