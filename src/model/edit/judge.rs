//! The judgement half of a mark: a status, a level or a rate, the deductions picked,
//! and the status the rules settle on afterwards.

use std::collections::BTreeMap;

use super::{EditError, Mark, deduction_choices};
use crate::model::checklist::{Item, Rules};
use crate::model::judgement::{Judgement, Picked, level_status};
use crate::model::rate::rate_status;
use crate::model::scoring::{applied_deduction, format_points};
use crate::model::session::{Response, Status};

pub(super) fn apply_judgement(
    rules: &Rules,
    item: &Item,
    response: &mut Response,
    mark: &Mark,
) -> Result<(), EditError> {
    let code = || item.code.clone();
    let with_deductions =
        mark.deductions.as_ref().is_some_and(|d| !d.is_empty()) || mark.free_deduction.is_some();
    match &mark.judgement {
        Judgement::Status(Status::Partial) if item.penalty => {
            return Err(EditError::PartialPenalty { code: code() });
        }
        Judgement::Status(status) => response.set_status(*status),
        Judgement::Level(label) => {
            if !item.is_base() {
                return Err(EditError::LevelOnNonBase { code: code() });
            }
            let ratio = rules
                .level_ratio(label)
                .ok_or_else(|| EditError::NoSuchLevel {
                    label: label.clone(),
                    choices: level_choices(rules),
                })?;
            if with_deductions {
                return Err(EditError::JudgementWithDeductions { code: code() });
            }
            clear_deductions(response);
            response.set_status(level_status(ratio));
            response.level = Some(label.clone());
        }
        Judgement::Rate(rate) => {
            if !item.is_rate() {
                return Err(EditError::NotRateItem { code: code() });
            }
            let rate = rate.checked()?;
            if with_deductions {
                return Err(EditError::JudgementWithDeductions { code: code() });
            }
            clear_deductions(response);
            response.set_status(rate_status(item, &rate));
            response.rate = Some(rate);
        }
    }
    Ok(())
}

fn clear_deductions(response: &mut Response) {
    response.deductions.clear();
    response.counts.clear();
    response.free_deduction = None;
}

/// Sets the picked deductions (1-based numbers) with their counts; a number given
/// twice keeps its last count.
pub(super) fn pick_deductions(
    item: &Item,
    response: &mut Response,
    picked: &[Picked],
) -> Result<(), EditError> {
    let mut counts = BTreeMap::new();
    for pick in picked {
        let deduction = pick
            .number
            .checked_sub(1)
            .and_then(|index| item.deductions.get(index))
            .ok_or_else(|| EditError::NoSuchDeduction {
                code: item.code.clone(),
                index: pick.number,
                choices: deduction_choices(item),
            })?;
        let count = match pick.count {
            None => 1,
            Some(_) if !deduction.is_per_occurrence() => {
                return Err(EditError::NotPerOccurrence {
                    code: item.code.clone(),
                    number: pick.number,
                    reason: deduction.reason.clone(),
                });
            }
            Some(0) => {
                return Err(EditError::ZeroCount {
                    code: item.code.clone(),
                    number: pick.number,
                });
            }
            Some(count) => count,
        };
        counts.insert(pick.number - 1, count);
    }
    response.deductions = counts.keys().copied().collect();
    response.counts = counts.into_iter().filter(|&(_, count)| count > 1).collect();
    Ok(())
}

/// "A (1), B (0.66), C (0.33)" or "none".
pub fn level_choices(rules: &Rules) -> String {
    if rules.levels.is_empty() {
        return "none".into();
    }
    rules
        .levels
        .iter()
        .map(|(label, ratio)| format!("{label} ({})", format_points(*ratio)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Settles the status the rules decide once deductions change: an item whose applied
/// deductions reach its points is 未达标 (the deductions stay as its reasons), and a
/// 负面清单 item is never 基本达标: it happened, so it is 未达标. The CLI and the UI
/// call this after every change to a response; it returns whether the status changed.
pub fn settle_status(item: &Item, response: &mut Response) -> bool {
    let settled = if response.status != Status::Partial {
        false
    } else if item.penalty {
        true
    } else {
        item.is_scored()
            && response.level.is_none()
            && !(item.is_rate() && response.rate.is_some())
            && applied_deduction(item, response) >= item.points - 1e-9
    };
    if settled {
        response.status = Status::Fail;
    }
    settled
}
