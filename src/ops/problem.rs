//! `zicha problem add` and the UI's "add a problem" on the ledger: a problem from
//! outside (上级通报, 测评反馈) with its rectification (docs/design.md §6, §10).

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::OpsError;
use crate::model::problem::{PROBLEM_FORMAT, Problem};
use crate::model::session::Rectification;
use crate::model::text::normalize_name;
use crate::store::Store;
use crate::store::problems::LoadedProblem;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewProblem {
    pub department: String,
    pub title: String,
    pub source: String,
    /// When it was found or reported (default: today).
    pub date: Option<NaiveDate>,
    pub owner: String,
    pub owner_department: String,
    pub measure: String,
    pub due: Option<NaiveDate>,
    /// Who entered it.
    pub by: String,
}

/// Why a problem cannot be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingField {
    Department,
    Title,
}

pub fn add(
    store: &Store,
    request: NewProblem,
    now: DateTime<FixedOffset>,
) -> Result<Problem, OpsError> {
    let department = normalize_name(&request.department);
    let title = request.title.trim().to_string();
    if department.is_empty() {
        return Err(OpsError::ProblemField(MissingField::Department));
    }
    if title.is_empty() {
        return Err(OpsError::ProblemField(MissingField::Title));
    }
    let problem = Problem {
        format: PROBLEM_FORMAT,
        id: Uuid::now_v7(),
        department,
        title,
        source: request.source.trim().to_string(),
        date: request.date.unwrap_or(now.date_naive()),
        by: normalize_name(&request.by),
        created: now,
        updated: now,
        seq: 0,
        rectification: Rectification {
            owner_department: normalize_name(&request.owner_department),
            owner: normalize_name(&request.owner),
            measure: request.measure.trim().to_string(),
            due: request.due,
            ..Rectification::default()
        },
        rev: String::new(),
        seen: Vec::new(),
    };
    let mut loaded = LoadedProblem {
        problem,
        on_disk: None,
        newer_format: None,
    };
    store.save_problem(&mut loaded)?;
    Ok(loaded.problem)
}
