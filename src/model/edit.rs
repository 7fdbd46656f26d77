//! Changes to one item's response, checked against the item (shared by CLI and UI).

mod judge;

use chrono::NaiveDate;

use super::checklist::{Item, Rules, Scope};
use super::judgement::{Judgement, Picked};
use super::rate::RateError;
use super::session::{FreeDeduction, Response, Status};

use judge::{apply_judgement, pick_deductions};
pub use judge::{level_choices, settle_status};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mark {
    /// A status, a level label or a surveyed rate.
    pub judgement: Judgement,
    pub note: Option<String>,
    /// Predefined deductions by 1-based number, with counts for per-occurrence ones;
    /// `None` keeps the current ones.
    pub deductions: Option<Vec<Picked>>,
    pub free_deduction: Option<FreeDeduction>,
    /// Rectification fields (docs/design.md §10); each `None` keeps what is there,
    /// an empty text clears it.
    pub owner: Option<String>,
    pub owner_department: Option<String>,
    pub measure: Option<String>,
    pub due: Option<NaiveDate>,
}

impl Mark {
    /// A mark that sets a plain status.
    pub fn status(status: Status) -> Mark {
        Mark {
            judgement: Judgement::Status(status),
            ..Mark::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("item {code} has no deduction {index}; its deductions are: {choices}")]
    NoSuchDeduction {
        code: String,
        index: usize,
        choices: String,
    },
    #[error(
        "deduction {number} of item {code} ({reason}) is applied once; NxK is only for a deduction counted per occurrence"
    )]
    NotPerOccurrence {
        code: String,
        number: usize,
        reason: String,
    },
    #[error("deduction {number} of item {code}: the count must be at least 1")]
    ZeroCount { code: String, number: usize },
    #[error("deduction points must be a finite number ≥ 0, found {0}")]
    BadPoints(f64),
    #[error("a free deduction needs a reason")]
    EmptyReason,
    #[error("item {code} is judged once for the whole unit; mark it in a unit session")]
    OutOfScope { code: String },
    #[error(
        "item {code} is a 负面清单 item: mark it pass (无此情形) or fail (it happened), not partial"
    )]
    PartialPenalty { code: String },
    #[error("levels judge base items; item {code} is a bonus or 负面清单 item")]
    LevelOnNonBase { code: String },
    #[error("the checklist has no level {label:?}; its levels are: {choices}")]
    NoSuchLevel { label: String, choices: String },
    #[error("item {code} has no rate bands; a rate is only for an item judged by a surveyed rate")]
    NotRateItem { code: String },
    #[error("item {code}: a level or a rate replaces deductions; give one or the other")]
    JudgementWithDeductions { code: String },
    #[error(transparent)]
    BadRate(#[from] RateError),
    #[error(
        "{code} has no rectification; give one first (`zicha mark … --owner-department`, --owner, --measure or --due)"
    )]
    NoRectification { code: String },
    #[error(
        "the rectification of {code} was already reported done by {by} at {at}; it waits for its re-check"
    )]
    AlreadyDone {
        code: String,
        by: String,
        at: String,
    },
    #[error("the rectification of {code} was already closed by {by} at {at} (a passed re-check)")]
    AlreadyClosed {
        code: String,
        by: String,
        at: String,
    },
}

/// "1. 无年度学习计划 (-2)  2. 学习记录不全 (-1)" or "none".
pub fn deduction_choices(item: &Item) -> String {
    if item.deductions.is_empty() {
        return "none".into();
    }
    item.deductions
        .iter()
        .enumerate()
        .map(|(i, deduction)| {
            let points = super::scoring::format_points(deduction.points);
            match &deduction.unit {
                Some(unit) => format!("{}. {} (-{points}/{unit})", i + 1, deduction.reason),
                None => format!("{}. {} (-{points})", i + 1, deduction.reason),
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// The response after applying `mark` to `item` in a session of `scope`; fields `mark`
/// leaves out are kept. A status clears the level and rate; a level or a rate clears
/// the deductions; deductions that reach the item's points make it 未达标.
pub fn apply_mark(
    rules: &Rules,
    scope: Scope,
    item: &Item,
    current: Option<&Response>,
    mark: &Mark,
) -> Result<Response, EditError> {
    if !item.in_scope(scope) {
        return Err(EditError::OutOfScope {
            code: item.code.clone(),
        });
    }
    let mut response = current.cloned().unwrap_or_default();
    apply_judgement(rules, item, &mut response, mark)?;
    if let Some(note) = &mark.note {
        response.note = note.clone();
    }
    if let Some(picked) = &mark.deductions {
        pick_deductions(item, &mut response, picked)?;
    }
    if let Some(free) = &mark.free_deduction {
        response.free_deduction = Some(check_free(free)?);
    }
    apply_rectification(&mut response, mark);
    settle_status(item, &mut response);
    Ok(response)
}

/// A mark's rectification fields: a rectification exists once any of owner, owner
/// department, measure or due is given; one left with nothing in it is removed.
fn apply_rectification(response: &mut Response, mark: &Mark) {
    let given = mark.owner.is_some()
        || mark.owner_department.is_some()
        || mark.measure.is_some()
        || mark.due.is_some();
    if !given {
        return;
    }
    let mut rectification = response.rectification.take().unwrap_or_default();
    let text = |value: &Option<String>, current: &mut String| {
        if let Some(value) = value {
            *current = value.trim().to_string();
        }
    };
    text(&mark.owner, &mut rectification.owner);
    text(&mark.owner_department, &mut rectification.owner_department);
    text(&mark.measure, &mut rectification.measure);
    if let Some(due) = mark.due {
        rectification.due = Some(due);
    }
    response.rectification = (!rectification.is_blank()).then_some(rectification);
}

pub fn check_free(free: &FreeDeduction) -> Result<FreeDeduction, EditError> {
    if !free.points.is_finite() || free.points < 0.0 {
        return Err(EditError::BadPoints(free.points));
    }
    if free.reason.trim().is_empty() {
        return Err(EditError::EmptyReason);
    }
    Ok(FreeDeduction {
        reason: free.reason.trim().to_string(),
        // -0 is 0: a stored `-0.0` would print as a minus.
        points: free.points + 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::Deduction;

    fn item() -> Item {
        Item {
            code: "1.1".into(),
            title: "t".into(),
            standard: None,
            points: 4.0,
            methods: vec![],
            evidence: vec![],
            owners: vec![],
            deductions: vec![
                Deduction::once("无计划", 2.0),
                Deduction::once("记录不全", 1.0),
            ],
            ..Item::default()
        }
    }

    #[test]
    fn marks_keep_what_they_do_not_mention() {
        let first = Mark {
            judgement: Judgement::Status(Status::Partial),
            note: Some("备注".into()),
            deductions: Some(vec![Picked::once(2), Picked::once(1), Picked::once(2)]),
            ..Mark::default()
        };
        let response =
            apply_mark(&Rules::default(), Scope::Department, &item(), None, &first).unwrap();
        assert_eq!(response.deductions, [0, 1]);
        let second = Mark {
            judgement: Judgement::Status(Status::Fail),
            ..Mark::default()
        };
        let response = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            Some(&response),
            &second,
        )
        .unwrap();
        assert_eq!(response.status, Status::Fail);
        assert_eq!(response.note, "备注");
        assert_eq!(response.deductions, [0, 1]);
    }

    #[test]
    fn bad_deduction_index_lists_the_choices() {
        let mark = Mark {
            judgement: Judgement::Status(Status::Partial),
            deductions: Some(vec![Picked::once(3)]),
            ..Mark::default()
        };
        let error = apply_mark(&Rules::default(), Scope::Department, &item(), None, &mark)
            .unwrap_err()
            .to_string();
        assert!(error.contains("no deduction 3"), "{error}");
        assert!(
            error.contains("1. 无计划 (-2)  2. 记录不全 (-1)"),
            "{error}"
        );
        let zero = Mark {
            deductions: Some(vec![Picked::once(0)]),
            ..mark
        };
        assert!(apply_mark(&Rules::default(), Scope::Department, &item(), None, &zero).is_err());
    }

    #[test]
    fn free_deduction_and_rectification_are_checked() {
        let bad = Mark {
            judgement: Judgement::Status(Status::Partial),
            free_deduction: Some(FreeDeduction {
                reason: "x".into(),
                points: f64::INFINITY,
            }),
            ..Mark::default()
        };
        assert_eq!(
            apply_mark(&Rules::default(), Scope::Department, &item(), None, &bad),
            Err(EditError::BadPoints(f64::INFINITY))
        );
        let due_only = Mark {
            judgement: Judgement::Status(Status::Fail),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..Mark::default()
        };
        let response = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            None,
            &due_only,
        )
        .unwrap();
        let rect = response
            .rectification
            .clone()
            .expect("a due date alone makes one");
        assert_eq!(
            (rect.owner.as_str(), rect.due),
            ("", NaiveDate::from_ymd_opt(2026, 12, 1))
        );
        let with_owner = Mark {
            owner: Some(" 李明 ".into()),
            owner_department: Some("工会".into()),
            measure: Some("补齐学习记录".into()),
            ..due_only
        };
        let response = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            Some(&response),
            &with_owner,
        )
        .unwrap();
        let rect = response.rectification.clone().unwrap();
        assert_eq!(
            (
                rect.owner.as_str(),
                rect.owner_department.as_str(),
                rect.measure.as_str()
            ),
            ("李明", "工会", "补齐学习记录")
        );
        let new_owner = Mark {
            judgement: Judgement::Status(Status::Fail),
            owner: Some("张华".into()),
            ..Mark::default()
        };
        let response = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            Some(&response),
            &new_owner,
        )
        .unwrap();
        let rect = response.rectification.clone().unwrap();
        assert_eq!(rect.owner, "张华");
        assert_eq!(rect.owner_department, "工会", "the other fields are kept");
        assert_eq!(
            rect.due,
            NaiveDate::from_ymd_opt(2026, 12, 1),
            "the due date is kept"
        );
        let cleared = Mark {
            judgement: Judgement::Status(Status::Fail),
            owner: Some(String::new()),
            owner_department: Some(" ".into()),
            measure: Some(String::new()),
            ..Mark::default()
        };
        let kept_due = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            Some(&response),
            &cleared,
        )
        .unwrap();
        assert!(
            kept_due.rectification.is_some(),
            "the due date still holds it"
        );
    }
}

#[cfg(test)]
mod mark_tests;
