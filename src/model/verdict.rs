//! A session summed up (docs/design.md §4): figures, grade, and the one verdict shown for it.

use super::checklist::Checklist;
use super::scoring::{Figures, is_problem};
use super::session::{Response, Session, Status};

/// The one verdict a session is summed up with, by precedence:
/// 一票否决 > 取消评优资格 > 检查中 > the grade.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// A veto item failed (一票否决).
    Veto,
    /// The deductions reached the checklist's limit (取消评优资格).
    Disqualified,
    /// A base or veto item is still pending (检查中).
    InProgress,
    /// Every base and veto item checked: the grade label.
    Graded(String),
    /// Nothing pending and no grade to give (no grades defined, or no maximum).
    None,
}

impl Verdict {
    /// The code in `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::Veto => "veto",
            Verdict::Disqualified => "disqualified",
            Verdict::InProgress => "in_progress",
            Verdict::Graded(_) => "graded",
            Verdict::None => "none",
        }
    }

    /// The words shown in Chinese, in full, from the text module; `None` when there
    /// is nothing to say.
    pub fn zh(&self) -> Option<&str> {
        crate::i18n::Lang::Zh.verdict(self)
    }

    /// The words shown in English, from the text module; a grade keeps its label.
    pub fn en(&self) -> Option<&str> {
        crate::i18n::Lang::En.verdict(self)
    }
}

/// Everything a session's header, list row or export needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub figures: Figures,
    /// Codes of veto items marked fail (一票否决).
    pub veto: Vec<String>,
    /// The deductions reached `disqualify_from` or passed `disqualify_over` (取消评优资格).
    pub disqualified: bool,
    /// The grade, final once no base or veto item is pending; `None` before that.
    pub grade: Option<String>,
    /// While base or veto items are pending: the grade the current percent would get.
    pub provisional_grade: Option<String>,
    pub problems: usize,
    pub open_rectifications: usize,
}

impl Summary {
    pub fn percent(&self) -> Option<f64> {
        self.figures.percent()
    }

    /// What the checked base items earned (基础分).
    pub fn base(&self) -> f64 {
        self.figures.base
    }

    /// What bonus items added (加分).
    pub fn bonus(&self) -> f64 {
        self.figures.bonus
    }

    /// What 负面清单 items took.
    pub fn penalties(&self) -> f64 {
        self.figures.penalties
    }

    /// Shortfalls of the checked base items plus penalties.
    pub fn deducted(&self) -> f64 {
        self.figures.deducted
    }

    /// No base or veto item is pending, so the grade is final.
    pub fn is_final(&self) -> bool {
        self.figures.pending_base == 0
    }

    /// The final grade, or while items are pending the provisional one.
    pub fn current_grade(&self) -> Option<&str> {
        self.grade.as_deref().or(self.provisional_grade.as_deref())
    }

    pub fn verdict(&self) -> Verdict {
        if !self.veto.is_empty() {
            Verdict::Veto
        } else if self.disqualified {
            Verdict::Disqualified
        } else if !self.is_final() {
            Verdict::InProgress
        } else if let Some(grade) = &self.grade {
            Verdict::Graded(grade.clone())
        } else {
            Verdict::None
        }
    }
}

/// Sums up `session` against `checklist`, over the items its scope takes in.
pub fn summarize(checklist: &Checklist, session: &Session) -> Summary {
    let rules = &checklist.rules;
    let items = checklist.items_in(session.scope);
    let figures = Figures::over(rules, items.iter().copied(), session);
    let veto = items
        .iter()
        .filter(|item| item.veto && session.status(&item.code) == Status::Fail)
        .map(|item| item.code.clone())
        .collect();
    let disqualified = rules.disqualifies(figures.deducted);
    let grade = figures
        .percent()
        .and_then(|percent| rules.grade_for(percent))
        .map(str::to_string);
    let (grade, provisional_grade) = if figures.pending_base == 0 {
        (grade, None)
    } else {
        (None, grade)
    };
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
        provisional_grade,
        problems,
        open_rectifications,
    }
}
