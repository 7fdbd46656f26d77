//! Scoring rules (docs/design.md §4): item scores, section subtotals, session figures, verdicts.

use super::checklist::{Checklist, Item, Section};
use super::session::{Response, Session, Status};

/// The deductions applied to a response, as (reason, points): the picked predefined
/// ones in the item's order, then the free one.
pub fn applied_deductions<'a>(item: &'a Item, response: &'a Response) -> Vec<(&'a str, f64)> {
    let mut applied: Vec<(&str, f64)> = response
        .deductions
        .iter()
        .filter_map(|&index| item.deductions.get(index))
        .map(|(reason, points)| (reason.as_str(), *points))
        .collect();
    if let Some(free) = &response.free_deduction {
        applied.push((free.reason.as_str(), free.points));
    }
    applied
}

/// Whether an item's status is a problem to fix (基本达标 or 未达标). A bonus item
/// not earned is not a problem.
pub fn is_problem(item: &Item, status: Status) -> bool {
    status.is_problem() && !item.bonus
}

/// Total of the deductions applied to a response: picked predefined ones plus the free one.
pub fn applied_deduction(item: &Item, response: &Response) -> f64 {
    let picked: f64 = response
        .deductions
        .iter()
        .filter_map(|&index| item.deductions.get(index))
        .map(|(_, points)| *points)
        .sum();
    let free = response
        .free_deduction
        .as_ref()
        .map(|free| free.points)
        .filter(|points| points.is_finite() && *points > 0.0)
        .unwrap_or(0.0);
    picked + free
}

fn has_deduction(item: &Item, response: &Response) -> bool {
    response
        .deductions
        .iter()
        .any(|&index| index < item.deductions.len())
        || response.free_deduction.is_some()
}

/// The score an item earns; `None` when it is not scored (pending, or not applicable).
pub fn item_score(item: &Item, response: Option<&Response>) -> Option<f64> {
    let status = response.map(|r| r.status).unwrap_or_default();
    let points = item.points;
    match status {
        Status::Pending | Status::Na => None,
        Status::Pass => Some(points),
        Status::Fail => Some(0.0),
        Status::Partial => {
            let response = response?;
            if has_deduction(item, response) {
                Some((points - applied_deduction(item, response)).clamp(0.0, points))
            } else {
                Some(points / 2.0)
            }
        }
    }
}

/// Score, maximum and counts over a set of items.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    pub score: f64,
    /// Points of the non-na, non-bonus items.
    pub max: f64,
    /// Maximum minus score over checked base items.
    pub deducted: f64,
    /// Items no longer pending (na counts as checked).
    pub checked: usize,
    pub total: usize,
    /// Checked items that carry points; 0 means there is nothing to show yet.
    pub scored_checked: usize,
}

impl Figures {
    fn add(&mut self, item: &Item, response: Option<&Response>) {
        let status = response.map(|r| r.status).unwrap_or_default();
        self.total += 1;
        if status != Status::Pending {
            self.checked += 1;
        }
        if !item.is_scored() {
            return;
        }
        if status != Status::Na && !item.bonus {
            self.max += item.points;
        }
        if let Some(score) = item_score(item, response) {
            self.score += score;
            self.scored_checked += 1;
            if !item.bonus {
                self.deducted += item.points - score;
            }
        }
    }

    /// Figures over any set of items of a session.
    pub fn over<'a>(items: impl IntoIterator<Item = &'a Item>, session: &Session) -> Figures {
        let mut figures = Figures::default();
        for item in items {
            figures.add(item, session.response(&item.code));
        }
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

    /// "9/16", "+2" for bonus points outside any maximum, or `None` before anything
    /// is scored.
    pub fn subtotal(&self) -> Option<String> {
        if !self.has_score() {
            None
        } else if self.max > 0.0 {
            Some(format!(
                "{}/{}",
                format_points(self.score),
                format_points(self.max)
            ))
        } else {
            Some(format!("+{}", format_points(self.score)))
        }
    }

    pub fn outstanding(&self) -> usize {
        self.total - self.checked
    }
}

/// Everything a session's header, list row or export needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub figures: Figures,
    /// Codes of veto items marked fail (一票否决).
    pub veto: Vec<String>,
    /// Total deduction above the checklist's limit (取消评优资格).
    pub disqualified: bool,
    pub grade: Option<String>,
    pub problems: usize,
    pub open_rectifications: usize,
}

impl Summary {
    pub fn percent(&self) -> Option<f64> {
        self.figures.percent()
    }
}

pub fn summarize(checklist: &Checklist, session: &Session) -> Summary {
    let items = checklist.items();
    let figures = Figures::over(items.iter().copied(), session);
    let veto = items
        .iter()
        .filter(|item| item.veto && session.status(&item.code) == Status::Fail)
        .map(|item| item.code.clone())
        .collect();
    let disqualified = checklist
        .rules
        .disqualify_over
        .is_some_and(|limit| figures.deducted > limit + 1e-9);
    let grade = figures.percent().and_then(|percent| {
        checklist
            .rules
            .grades
            .iter()
            .find(|(threshold, _)| *threshold <= percent + 1e-9)
            .map(|(_, label)| label.clone())
    });
    let problems = items
        .iter()
        .filter(|item| is_problem(item, session.status(&item.code)))
        .count();
    let open_rectifications = items
        .iter()
        .filter(|item| {
            session
                .response(&item.code)
                .is_some_and(Response::has_open_rectification)
        })
        .count();
    Summary {
        figures,
        veto,
        disqualified,
        grade,
        problems,
        open_rectifications,
    }
}

/// Subtotals of one section, its subsections included.
pub fn section_figures(section: &Section, session: &Session) -> Figures {
    Figures::over(section.all_items(), session)
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
mod tests {
    use super::*;
    use crate::model::checklist::Rules;
    use crate::model::session::{ChecklistRef, FreeDeduction};
    use chrono::DateTime;
    use std::collections::BTreeMap;
    use uuid::Uuid;

    fn item(code: &str, points: f64) -> Item {
        Item {
            code: code.into(),
            title: code.into(),
            standard: None,
            points,
            methods: vec![],
            evidence: vec![],
            owners: vec![],
            deductions: vec![("甲".into(), 1.0), ("乙".into(), 2.5)],
            veto: false,
            bonus: false,
        }
    }

    fn checklist(items: Vec<Item>) -> Checklist {
        Checklist {
            id: "t".into(),
            version: 1,
            title: "t".into(),
            description: None,
            rules: Rules {
                disqualify_over: Some(2.0),
                grades: vec![
                    (90.0, "优秀".into()),
                    (60.0, "合格".into()),
                    (0.0, "不合格".into()),
                ],
            },
            renamed: BTreeMap::new(),
            sections: vec![Section {
                code: "1".into(),
                title: "一".into(),
                items,
                sections: vec![],
            }],
        }
    }

    fn session() -> Session {
        let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
        Session::new(
            Uuid::nil(),
            ChecklistRef {
                id: "t".into(),
                version: 1,
                hash: "h".into(),
            },
            "r".into(),
            now.date_naive(),
            "d".into(),
            String::new(),
            now,
        )
    }

    fn mark<'a>(session: &'a mut Session, code: &str, status: Status) -> &'a mut Response {
        session.responses.entry(code.into()).or_default().status = status;
        session.responses.get_mut(code).unwrap()
    }

    #[test]
    fn statuses_score_as_specified() {
        let it = item("1", 4.0);
        let response = |status| Response {
            status,
            ..Response::default()
        };
        assert_eq!(item_score(&it, None), None);
        assert_eq!(item_score(&it, Some(&response(Status::Pass))), Some(4.0));
        assert_eq!(item_score(&it, Some(&response(Status::Partial))), Some(2.0));
        assert_eq!(item_score(&it, Some(&response(Status::Fail))), Some(0.0));
        assert_eq!(item_score(&it, Some(&response(Status::Na))), None);
    }

    #[test]
    fn partial_applies_picked_and_free_deductions_clamped() {
        let it = item("1", 4.0);
        let mut response = Response {
            status: Status::Partial,
            deductions: vec![0],
            ..Response::default()
        };
        assert_eq!(item_score(&it, Some(&response)), Some(3.0));
        response.free_deduction = Some(FreeDeduction {
            reason: "另有".into(),
            points: 0.5,
        });
        assert_eq!(item_score(&it, Some(&response)), Some(2.5));
        response.deductions = vec![0, 1];
        response.free_deduction = Some(FreeDeduction {
            reason: "大量".into(),
            points: 10.0,
        });
        assert_eq!(item_score(&it, Some(&response)), Some(0.0), "clamped at 0");
    }

    #[test]
    fn partial_with_only_a_zero_deduction_is_not_half() {
        let it = item("1", 4.0);
        let response = Response {
            status: Status::Partial,
            free_deduction: Some(FreeDeduction {
                reason: "提醒".into(),
                points: 0.0,
            }),
            ..Response::default()
        };
        assert_eq!(item_score(&it, Some(&response)), Some(4.0));
    }

    #[test]
    fn summary_figures_and_verdicts() {
        let mut bonus = item("b", 2.0);
        bonus.bonus = true;
        let mut veto = item("v", 0.0);
        veto.veto = true;
        let c = checklist(vec![
            item("1", 4.0),
            item("2", 3.0),
            item("3", 5.0),
            item("4", 8.0),
            bonus,
            veto,
        ]);
        let mut s = session();
        mark(&mut s, "1", Status::Pass);
        mark(&mut s, "2", Status::Partial).deductions = vec![1];
        mark(&mut s, "3", Status::Na);
        mark(&mut s, "b", Status::Pass);
        let summary = summarize(&c, &s);
        let f = summary.figures;
        assert_eq!(f.max, 15.0, "4 + 3 + 8; na and bonus excluded");
        assert_eq!(f.score, 4.0 + 0.5 + 2.0);
        assert_eq!(f.deducted, 2.5, "pending item 4 is not a deduction");
        assert_eq!((f.checked, f.total), (4, 6));
        assert!(summary.disqualified, "2.5 > 2.0");
        assert_eq!(summary.grade.as_deref(), Some("不合格"), "6.5/15 = 43%");
        assert!(summary.veto.is_empty());
        assert_eq!(summary.problems, 1);

        mark(&mut s, "v", Status::Fail);
        mark(&mut s, "4", Status::Pass);
        let summary = summarize(&c, &s);
        assert_eq!(summary.veto, ["v"]);
        assert_eq!(summary.grade.as_deref(), Some("优秀"), "14.5/15 = 96.7%");
    }

    #[test]
    fn a_bonus_not_earned_is_not_a_problem() {
        let mut bonus = item("b", 2.0);
        bonus.bonus = true;
        let c = checklist(vec![item("1", 4.0), bonus.clone()]);
        let mut s = session();
        mark(&mut s, "b", Status::Fail);
        let summary = summarize(&c, &s);
        assert_eq!(summary.problems, 0);
        assert_eq!(
            summary.figures.deducted, 0.0,
            "bonus points are never deducted"
        );
        assert!(!is_problem(&bonus, Status::Fail));
        assert!(is_problem(&item("1", 4.0), Status::Partial));
        let mut earned = session();
        mark(&mut earned, "b", Status::Pass);
        let only_bonus = Figures::over([&bonus], &earned);
        assert_eq!(
            only_bonus.subtotal().as_deref(),
            Some("+2"),
            "a bonus-only section shows what it earned"
        );
        assert_eq!(only_bonus.percent(), None);
    }

    #[test]
    fn deduction_at_the_limit_is_not_disqualifying() {
        let c = checklist(vec![item("1", 4.0)]);
        let mut s = session();
        mark(&mut s, "1", Status::Partial).free_deduction = Some(FreeDeduction {
            reason: "x".into(),
            points: 2.0,
        });
        assert!(!summarize(&c, &s).disqualified);
    }

    #[test]
    fn all_na_and_no_points_give_no_percent_and_no_grade() {
        let c = checklist(vec![item("1", 4.0), item("2", 0.0)]);
        let mut s = session();
        mark(&mut s, "1", Status::Na);
        mark(&mut s, "2", Status::Pass);
        let summary = summarize(&c, &s);
        assert_eq!(summary.percent(), None);
        assert_eq!(summary.grade, None);
        assert!(!summary.figures.has_score());
        assert_eq!(summary.figures.checked, 2);
    }

    #[test]
    fn deductions_above_points_clamp_and_count_once() {
        let mut it = item("1", 2.0);
        it.deductions = vec![("大".into(), 5.0)];
        let c = checklist(vec![it]);
        let mut s = session();
        mark(&mut s, "1", Status::Partial).deductions = vec![0];
        let f = summarize(&c, &s).figures;
        assert_eq!((f.score, f.deducted), (0.0, 2.0));
    }

    #[test]
    fn section_with_nothing_checked_has_no_score() {
        let c = checklist(vec![item("1", 4.0)]);
        let s = session();
        let f = section_figures(&c.sections[0], &s);
        assert!(!f.has_score());
        assert_eq!(f.subtotal(), None);
        assert_eq!(f.max, 4.0);
    }

    #[test]
    fn points_format_without_trailing_zeros() {
        assert_eq!(format_points(4.0), "4");
        assert_eq!(format_points(2.5), "2.5");
        assert_eq!(format_points(0.125), "0.13");
        assert_eq!(format_points(-0.0), "0");
    }
}
