//! Scoring rules (docs/design.md §4): item scores, section subtotals, session figures.
//! Session summaries and verdicts are in [`verdict`](super::verdict).

use super::checklist::{Item, Rules, Section};
use super::rate::band_deduction;
use super::session::{Response, Session, Status};

pub use super::verdict::{Summary, Verdict, summarize};

/// One deduction applied to a response: a picked predefined one or the free one.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied<'a> {
    pub reason: &'a str,
    /// Points per occurrence (once-only and free deductions: their points).
    pub points: f64,
    /// Occurrences: 1 for a once-only or free deduction.
    pub count: u32,
    /// The unit occurrences are counted in (次, 人次, …), for per-occurrence ones.
    pub unit: Option<&'a str>,
}

impl Applied<'_> {
    /// What the deduction takes: count × points.
    pub fn total(&self) -> f64 {
        self.points * f64::from(self.count)
    }
}

/// The deductions applied to a response: the picked predefined ones in the item's
/// order, with their counts, then the free one.
pub fn applied_deductions<'a>(item: &'a Item, response: &'a Response) -> Vec<Applied<'a>> {
    let mut applied: Vec<Applied<'a>> = response
        .deductions
        .iter()
        .filter_map(|&index| Some((index, item.deductions.get(index)?)))
        .map(|(index, deduction)| Applied {
            reason: deduction.reason.as_str(),
            points: deduction.points,
            count: if deduction.is_per_occurrence() {
                response.count(index)
            } else {
                1
            },
            unit: deduction.unit.as_deref(),
        })
        .collect();
    if let Some(free) = &response.free_deduction {
        applied.push(Applied {
            reason: free.reason.as_str(),
            points: free.points,
            count: 1,
            unit: None,
        });
    }
    applied
}

/// Whether an item's status is a problem to fix (基本达标 or 未达标, or a 负面清单 item
/// that happened). A bonus item not earned is not a problem.
pub fn is_problem(item: &Item, status: Status) -> bool {
    status.is_problem() && !item.bonus
}

/// Total of the deductions applied to a response: picked predefined ones (count ×
/// points) plus the free one.
pub fn applied_deduction(item: &Item, response: &Response) -> f64 {
    applied_deductions(item, response)
        .iter()
        .map(Applied::total)
        .filter(|points| points.is_finite() && *points > 0.0)
        .sum()
}

fn has_deduction(item: &Item, response: &Response) -> bool {
    response
        .deductions
        .iter()
        .any(|&index| index < item.deductions.len())
        || response.free_deduction.is_some()
}

/// What a 负面清单 item takes from the session: nothing while pending, na or pass (无此情形);
/// once it happened, its points, or the deductions applied (with counts, not capped).
pub fn penalty_taken(item: &Item, response: Option<&Response>) -> Option<f64> {
    let response = response?;
    match response.status {
        Status::Pending | Status::Na => None,
        Status::Pass => Some(0.0),
        Status::Partial | Status::Fail if has_deduction(item, response) => {
            Some(applied_deduction(item, response))
        }
        Status::Partial | Status::Fail => Some(item.points),
    }
}

/// The score an item earns; `None` when it is not scored (pending, or not applicable).
/// A level scores P × its ratio and a rate P − its band's deduction; a 负面清单 item
/// scores minus what it took.
pub fn item_score(rules: &Rules, item: &Item, response: Option<&Response>) -> Option<f64> {
    if item.penalty {
        return penalty_taken(item, response).map(|taken| 0.0 - taken);
    }
    let response = response?;
    let points = item.points;
    if matches!(response.status, Status::Pending | Status::Na) {
        return None;
    }
    if item.is_base()
        && let Some(ratio) = response.level.as_deref().and_then(|l| rules.level_ratio(l))
    {
        return Some(points * ratio.clamp(0.0, 1.0));
    }
    if item.is_rate()
        && let Some(rate) = &response.rate
    {
        return Some(points - band_deduction(item, rate));
    }
    match response.status {
        Status::Pending | Status::Na => None,
        Status::Pass => Some(points),
        Status::Fail => Some(0.0),
        Status::Partial if has_deduction(item, response) => {
            Some((points - applied_deduction(item, response)).clamp(0.0, points))
        }
        Status::Partial => Some(points / 2.0),
    }
}

/// Points an item lost: its shortfall for a checked base item, what it took for a
/// 负面清单 item, nothing for a bonus item.
pub fn points_lost(item: &Item, score: Option<f64>) -> f64 {
    match score {
        Some(score) if item.penalty => -score,
        Some(score) if item.is_base() => item.points - score,
        _ => 0.0,
    }
}

/// Score, maximum and counts over a set of items.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// base + bonus − penalties, never below 0.
    pub score: f64,
    /// What the checked base items earned.
    pub base: f64,
    /// What the bonus items earned (加分).
    pub bonus: f64,
    /// What the 负面清单 items took.
    pub penalties: f64,
    /// Points of the non-na base items.
    pub max: f64,
    /// What the checked base items fell short of their points, plus penalties.
    pub deducted: f64,
    /// Items no longer pending (na counts as checked).
    pub checked: usize,
    pub total: usize,
    /// Checked items that carry points; 0 means there is nothing to show yet.
    pub scored_checked: usize,
    /// Base items (veto items among them) still pending: no final grade while any is.
    pub pending_base: usize,
}

impl Figures {
    fn add(&mut self, rules: &Rules, item: &Item, response: Option<&Response>) {
        let status = response.map(|r| r.status).unwrap_or_default();
        self.total += 1;
        if status != Status::Pending {
            self.checked += 1;
        } else if item.is_base() {
            self.pending_base += 1;
        }
        if item.penalty {
            if let Some(taken) = penalty_taken(item, response) {
                self.penalties += taken;
                self.deducted += taken;
                if item.is_scored() || taken > 0.0 {
                    self.scored_checked += 1;
                }
            }
            return;
        }
        if !item.is_scored() {
            return;
        }
        if status != Status::Na && item.is_base() {
            self.max += item.points;
        }
        if let Some(score) = item_score(rules, item, response) {
            self.scored_checked += 1;
            if item.bonus {
                self.bonus += score;
            } else {
                self.base += score;
                self.deducted += item.points - score;
            }
        }
    }

    /// Figures over any set of items of a session; items the session's scope leaves
    /// out (unit items in a department session) are not counted at all.
    pub fn over<'a>(
        rules: &Rules,
        items: impl IntoIterator<Item = &'a Item>,
        session: &Session,
    ) -> Figures {
        let mut figures = Figures::default();
        for item in items {
            if item.in_scope(session.scope) {
                figures.add(rules, item, session.response(&item.code));
            }
        }
        figures.score = (figures.base + figures.bonus - figures.penalties).max(0.0);
        figures
    }

    /// Percent of the maximum, `None` when the maximum is zero.
    pub fn percent(&self) -> Option<f64> {
        (self.max > 0.0).then(|| self.score / self.max * 100.0)
    }

    /// Whether there is anything to show; a section with nothing scored shows "—".
    pub fn has_score(&self) -> bool {
        self.scored_checked > 0
    }

    /// "9/16"; outside any maximum, "+2" for bonus points and "-3" for what 负面清单
    /// items took; `None` before anything is scored.
    pub fn subtotal(&self) -> Option<String> {
        if !self.has_score() {
            None
        } else if self.max > 0.0 {
            Some(format!(
                "{}/{}",
                format_points(self.score),
                format_points(self.max)
            ))
        } else if self.penalties > 0.0 && self.bonus > 0.0 {
            Some(format!(
                "+{} -{}",
                format_points(self.bonus),
                format_points(self.penalties)
            ))
        } else if self.penalties > 0.0 {
            Some(format!("-{}", format_points(self.penalties)))
        } else {
            Some(format!("+{}", format_points(self.bonus)))
        }
    }

    pub fn outstanding(&self) -> usize {
        self.total - self.checked
    }
}

/// Subtotals of one section, its subsections included.
pub fn section_figures(rules: &Rules, section: &Section, session: &Session) -> Figures {
    Figures::over(rules, section.all_items(), session)
}

/// Formats a point value without trailing zeros: 4 → "4", 2.5 → "2.5".
pub fn format_points(points: f64) -> String {
    let rounded = (points * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verdict_tests;
