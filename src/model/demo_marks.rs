//! One item's mark in the sample history: a status, a level or a surveyed rate that
//! follows the department's quality; the item's own deductions, counted where the
//! table counts them; and notes that say what was found on that very item.

use super::checklist::{Item, Rules};
use super::demo::Rng;
use super::demo_words::{FOLLOW_UPS, ITEM_NOTES, opening, praise};
use super::edit::settle_status;
use super::judgement::level_status;
use super::rate::{SurveyedRate, rate_status};
use super::session::{FreeDeduction, Response, Status};

/// Where an item stood after the previous round of its series.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ItemState {
    pub status: Status,
    /// The session (index in the series) holding this item's open rectification.
    pub open_in: Option<usize>,
    pub not_applicable: bool,
}

pub(super) fn next_response(
    rng: &mut Rng,
    rules: &Rules,
    checklist_id: &str,
    item: &Item,
    state: &ItemState,
    quality: f64,
) -> Response {
    let mut response = Response::default();
    if state.not_applicable {
        response.status = Status::Na;
        return response;
    }
    response.status = next_status(rng, item, state, quality);
    if item.is_rate() {
        return surveyed(rng, item, quality);
    }
    let level = (!rules.levels.is_empty() && item.is_base() && item.is_scored())
        .then(|| level_for(rng, rules, response.status))
        .flatten();
    let mut findings = Vec::new();
    if let Some((label, ratio)) = level {
        response.level = Some(label);
        response.status = level_status(ratio);
    } else if response.status.is_problem() && !item.bonus {
        findings = pick_deductions(rng, item, &mut response);
    }
    settle_status(item, &mut response);
    let problem = response.status.is_problem() && !item.bonus;
    if problem
        && let Some(note) = item_note(checklist_id, &item.code)
        && rng.chance(0.35)
    {
        if response.status == Status::Partial && item.is_scored() && rng.chance(0.3) {
            response.free_deduction = Some(FreeDeduction {
                reason: note.to_string(),
                points: 0.5_f64.min(item.points),
            });
        }
        findings.insert(0, note.to_string());
    }
    if problem {
        response.note = problem_note(rng, item, &findings);
    } else if rng.chance(0.15) && !item.veto && !item.penalty {
        response.note = praise(rng, item).to_string();
    }
    response
}

fn next_status(rng: &mut Rng, item: &Item, state: &ItemState, quality: f64) -> Status {
    if item.veto {
        // A few vetoes across a long history.
        return if rng.chance(0.0004) {
            Status::Fail
        } else {
            Status::Pass
        };
    }
    if item.bonus {
        return if rng.chance(0.3) {
            Status::Pass
        } else {
            Status::Fail
        };
    }
    if state.status.is_problem() && state.open_in.is_some() {
        // Fixed this round with good odds; else still a problem.
        return if rng.chance(0.65) {
            Status::Pass
        } else {
            state.status
        };
    }
    if item.penalty {
        // 负面清单: it happened, or not; never 基本达标.
        return if rng.chance((1.0 - quality) * 1.0) {
            Status::Fail
        } else {
            Status::Pass
        };
    }
    if rng.chance((1.0 - quality) * 0.45) {
        if rng.chance(0.75) {
            Status::Partial
        } else {
            Status::Fail
        }
    } else {
        Status::Pass
    }
}

/// A level standing for `status`: the ratio-1 level for pass, a middle one for
/// partial, the ratio-0 one for fail; sometimes none (a plain status).
fn level_for(rng: &mut Rng, rules: &Rules, status: Status) -> Option<(String, f64)> {
    if !rng.chance(0.7) {
        return None;
    }
    let fitting: Vec<&(String, f64)> = rules
        .levels
        .iter()
        .filter(|(_, ratio)| level_status(*ratio) == status)
        .collect();
    rng.pick(&fitting)
        .map(|(label, ratio)| (label.clone(), *ratio))
}

/// A rate item asked of 30 to 60 people, the share that answered well following the
/// department's quality; the bands decide the status.
fn surveyed(rng: &mut Rng, item: &Item, quality: f64) -> Response {
    let asked = 30 + rng.below(31) as u32;
    let share = (quality + (rng.unit() - 0.6) * 0.3).clamp(0.55, 1.0);
    let answered = ((f64::from(asked) * share).round() as u32).min(asked);
    let rate = SurveyedRate::Fraction {
        numerator: answered,
        denominator: asked,
    };
    let status = rate_status(item, &rate);
    let mut response = Response {
        status,
        rate: Some(rate),
        ..Response::default()
    };
    if status.is_problem() || rng.chance(0.3) {
        response.note = format!("问卷调查{asked}人，{answered}人达到要求。");
    }
    response
}

/// Picks one of the item's deductions (two now and then), counted 1 to 3 times where
/// the table counts per occurrence; returns the findings they stand for.
fn pick_deductions(rng: &mut Rng, item: &Item, response: &mut Response) -> Vec<String> {
    if item.deductions.is_empty() || (response.status == Status::Partial && !rng.chance(0.85)) {
        return Vec::new();
    }
    let mut findings = Vec::new();
    let picks = if item.deductions.len() > 1 && rng.chance(0.25) {
        2
    } else {
        1
    };
    for _ in 0..picks {
        let index = rng.below(item.deductions.len());
        if response.deductions.contains(&index) {
            continue;
        }
        let deduction = &item.deductions[index];
        let count = match &deduction.unit {
            Some(_) if rng.chance(0.35) => 2 + rng.below(2) as u32,
            _ => 1,
        };
        response.deductions.push(index);
        if count > 1 {
            response.counts.insert(index, count);
        }
        findings.push(finding(&deduction.reason, count, deduction.unit.as_deref()));
    }
    response.deductions.sort_unstable();
    findings
}

/// A deduction's reason as what was found: "每发现一处积尘" × 2 → "发现2处积尘".
pub(super) fn finding(reason: &str, count: u32, unit: Option<&str>) -> String {
    let text = reason.strip_prefix('每').unwrap_or(reason);
    match unit {
        Some(unit) if count > 1 => {
            let once = format!("一{unit}");
            if text.contains(&once) {
                text.replacen(&once, &format!("{count}{unit}"), 1)
            } else {
                format!("{text}（共{count}{unit}）")
            }
        }
        _ => text.to_string(),
    }
}

fn item_note(checklist_id: &str, code: &str) -> Option<&'static str> {
    ITEM_NOTES
        .iter()
        .find(|(id, item, _)| *id == checklist_id && *item == code)
        .map(|(_, _, note)| *note)
}

/// "现场查看，发现2处桌面积尘；已当场指出，要求限期整改。"
fn problem_note(rng: &mut Rng, item: &Item, findings: &[String]) -> String {
    let mut text = String::from(opening(rng, item));
    text.push('，');
    if findings.is_empty() {
        if item.veto || item.penalty {
            text.push_str("存在此情形");
        } else {
            text.push_str(&item.title);
            text.push_str("未达到标准要求");
        }
    } else {
        text.push_str(&findings.join("；"));
    }
    if rng.chance(0.6) {
        text.push_str(if rng.chance(0.3) { "\n" } else { "；" });
        text.push_str(rng.pick(&FOLLOW_UPS).copied().unwrap_or_default());
    }
    text.push('。');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_read_as_what_was_found_with_their_count() {
        assert_eq!(
            finding("每发现一处桌面积尘", 2, Some("处")),
            "发现2处桌面积尘"
        );
        assert_eq!(finding("每少开展一次", 1, Some("次")), "少开展一次");
        assert_eq!(
            finding("每发生一起一般治安案件", 3, Some("次")),
            "发生一起一般治安案件（共3次）"
        );
        assert_eq!(finding("无年度学习计划", 1, None), "无年度学习计划");
    }
}
