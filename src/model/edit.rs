//! Changes to one item's response, checked against the item (shared by CLI and UI).

mod judge;

use chrono::NaiveDate;

use super::checklist::{Item, Rules, Scope};
use super::judgement::{Judgement, Picked};
use super::rate::RateError;
use super::session::{FreeDeduction, Rectification, RectificationDone, Response, Status};

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
    pub owner: Option<String>,
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
    #[error("a due date needs an owner (--owner)")]
    DueWithoutOwner,
    #[error("a rectification needs an owner")]
    EmptyOwner,
    #[error("item {code} has no rectification to close")]
    NoRectification { code: String },
    #[error("the rectification of item {code} was already closed by {by} at {at}")]
    AlreadyDone {
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
    match (&mark.owner, mark.due) {
        (Some(owner), due) => {
            let owner = owner.trim();
            if owner.is_empty() {
                return Err(EditError::EmptyOwner);
            }
            // A new owner keeps the due date and the done record unless told otherwise.
            let previous = response.rectification.take();
            response.rectification = Some(Rectification {
                owner: owner.to_string(),
                due: due.or_else(|| previous.as_ref().and_then(|r| r.due)),
                done: previous.and_then(|r| r.done),
            });
        }
        (None, Some(due)) => match response.rectification.as_mut() {
            Some(rectification) => rectification.due = Some(due),
            None => return Err(EditError::DueWithoutOwner),
        },
        (None, None) => {}
    }
    settle_status(item, &mut response);
    Ok(response)
}

/// The response with its rectification marked done (整改完成) by `done.by` at
/// `done.at`; the note is trimmed. An item without a rectification, or with one
/// already closed, is an error, so a closing is never silently overwritten.
pub fn close_rectification(
    code: &str,
    current: Option<&Response>,
    done: RectificationDone,
) -> Result<Response, EditError> {
    let mut response = current.cloned().unwrap_or_default();
    let Some(rectification) = response.rectification.as_mut() else {
        return Err(EditError::NoRectification { code: code.into() });
    };
    if let Some(earlier) = &rectification.done {
        return Err(EditError::AlreadyDone {
            code: code.into(),
            by: earlier.by.clone(),
            at: earlier.at.to_rfc3339(),
        });
    }
    rectification.done = Some(RectificationDone {
        note: done.note.trim().to_string(),
        ..done
    });
    Ok(response)
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
        assert_eq!(
            apply_mark(
                &Rules::default(),
                Scope::Department,
                &item(),
                None,
                &due_only
            ),
            Err(EditError::DueWithoutOwner)
        );
        let with_owner = Mark {
            owner: Some(" 李明 ".into()),
            ..due_only
        };
        let response = apply_mark(
            &Rules::default(),
            Scope::Department,
            &item(),
            None,
            &with_owner,
        )
        .unwrap();
        let rect = response.rectification.clone().unwrap();
        assert_eq!(rect.owner, "李明");
        assert_eq!(rect.due, NaiveDate::from_ymd_opt(2026, 12, 1));
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
        let rect = response.rectification.unwrap();
        assert_eq!(rect.owner, "张华");
        assert_eq!(
            rect.due,
            NaiveDate::from_ymd_opt(2026, 12, 1),
            "the due date is kept"
        );
    }

    #[test]
    fn closing_a_rectification_keeps_who_when_and_the_rest() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-15T10:00:00+08:00").unwrap();
        let done = RectificationDone {
            at,
            by: "王敏".into(),
            note: " 已更换台账 ".into(),
        };
        assert_eq!(
            close_rectification("1.1", None, done.clone()),
            Err(EditError::NoRectification { code: "1.1".into() })
        );
        let open = Response {
            status: Status::Fail,
            note: "无计划".into(),
            rectification: Some(Rectification {
                owner: "李明".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 1),
                done: None,
            }),
            ..Response::default()
        };
        let closed = close_rectification("1.1", Some(&open), done.clone()).unwrap();
        assert_eq!(closed.status, Status::Fail);
        assert_eq!(closed.note, "无计划");
        let rect = closed.rectification.clone().unwrap();
        assert_eq!(rect.owner, "李明");
        let record = rect.done.unwrap();
        assert_eq!(
            (record.by.as_str(), record.at, record.note.as_str()),
            ("王敏", at, "已更换台账")
        );
        let again = close_rectification("1.1", Some(&closed), done).unwrap_err();
        assert!(
            again
                .to_string()
                .contains("already closed by 王敏 at 2026-12-15T10:00:00+08:00"),
            "{again}"
        );
    }
}

#[cfg(test)]
mod mark_tests;
