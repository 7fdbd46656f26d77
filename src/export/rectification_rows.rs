//! A rectification as every format shows it: 整改落实 and the latest 复查 (docs/design.md §10).

use chrono::NaiveDate;

use super::rows::{clean, clean_line};
use crate::i18n::report::ReportTexts;
use crate::model::followup::followed;
use crate::model::ledger::is_overdue;
use crate::model::session::{FollowUpState, Recheck, RecheckResult, Rectification};

#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub date: NaiveDate,
    pub by: String,
    pub note: String,
}

/// A 复查 as documents show it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecheckRow {
    pub passed: bool,
    pub date: NaiveDate,
    pub by: String,
    pub note: String,
    /// Made by a later session's walk (not recorded by hand).
    pub by_walk: bool,
}

impl RecheckRow {
    /// 通过 / 未通过.
    pub fn result(&self, t: &ReportTexts) -> &'static str {
        if self.passed {
            t.recheck_passed
        } else {
            t.recheck_failed
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RectificationRow {
    /// 责任科室.
    pub owner_department: String,
    /// 责任人.
    pub owner: String,
    /// 整改措施.
    pub measure: String,
    pub due: Option<NaiveDate>,
    /// 整改落实.
    pub done: Option<Done>,
    /// The latest 复查, with those later walks made counted (the closing one when
    /// closed).
    pub recheck: Option<RecheckRow>,
    pub state: FollowUpState,
    /// Open (or failed its re-check) and due before today.
    pub overdue: bool,
}

impl RectificationRow {
    /// The rectification as it stands once `walked` (later walks' re-checks) count
    /// (docs/design.md §10).
    pub fn of(rect: &Rectification, walked: Vec<Recheck>, today: NaiveDate) -> RectificationRow {
        let rect = followed(rect, walked);
        let latest = rect.closing().or(rect.recheck());
        RectificationRow {
            owner_department: clean_line(&rect.owner_department),
            owner: clean_line(&rect.owner),
            measure: clean(&rect.measure),
            due: rect.due,
            done: rect.done.as_ref().map(|done| Done {
                date: done.at.date_naive(),
                by: clean_line(&done.by),
                note: clean(&done.note),
            }),
            recheck: latest.map(|recheck| RecheckRow {
                passed: recheck.result == RecheckResult::Pass,
                date: recheck.at.date_naive(),
                by: clean_line(&recheck.by),
                note: clean(&recheck.note),
                by_walk: recheck.session.is_some(),
            }),
            state: rect.state(),
            overdue: is_overdue(&rect, today),
        }
    }

    /// 已销号, 待复查, 复查未通过, 逾期未完成 or 未完成 (as of the export's day).
    pub fn state_text(&self, t: &ReportTexts) -> &'static str {
        match self.state {
            FollowUpState::Closed => t.closed,
            FollowUpState::Done => t.to_recheck,
            _ if self.overdue => t.overdue_open,
            FollowUpState::Failed => t.recheck_failed_state,
            FollowUpState::Open => t.open,
        }
    }

    pub fn due_text(&self) -> String {
        self.due.map(|d| d.to_string()).unwrap_or_default()
    }

    /// "办公室 李明": 责任科室 and 责任人, whichever are given.
    pub fn responsible_text(&self) -> String {
        [self.owner_department.as_str(), self.owner.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Where it stands, with its date and what was said: "2026-11-22复查通过，已销号：
    /// 已补记录", "2026-11-21已落实，待复查", "2026-11-22复查未通过：…", or the state.
    pub fn progress(&self, t: &ReportTexts) -> String {
        let done_note = self.done.as_ref().map(|d| d.note.as_str()).unwrap_or("");
        match (self.state, &self.recheck, &self.done) {
            (FollowUpState::Closed, Some(recheck), _) => {
                (t.closed_on)(&recheck.date.to_string(), done_note)
            }
            (FollowUpState::Done, _, Some(done)) => (t.done_on)(&done.date.to_string(), done_note),
            (FollowUpState::Failed, Some(recheck), _) => {
                let failed = (t.failed_on)(&recheck.date.to_string(), &recheck.note);
                if self.overdue {
                    format!("{}{}{failed}", t.overdue_open, t.list_separator)
                } else {
                    failed
                }
            }
            _ => self.state_text(t).to_string(),
        }
    }

    /// 整改措施, then on a line of its own where it stands ([`Self::progress`]).
    pub fn measure_and_progress(&self, t: &ReportTexts) -> String {
        let progress = self.progress(t);
        if self.measure.is_empty() {
            progress
        } else {
            format!("{}\n{progress}", (t.labelled)(t.measure, &self.measure))
        }
    }

    /// "复查通过 2026-11-22 赵强：复查合格": the latest 复查 in words.
    pub fn recheck_text(&self, t: &ReportTexts) -> String {
        self.recheck
            .as_ref()
            .map(|r| (t.recheck_line)(r.result(t), &r.date.to_string(), &r.by, &r.note))
            .unwrap_or_default()
    }

    /// Everything in one cell: "办公室 李明；整改措施：完善台账；2026-12-01；已销号；
    /// 落实情况；复查通过 2026-11-20 王敏", whichever parts are given.
    pub fn text(&self, t: &ReportTexts) -> String {
        let mut parts = vec![self.responsible_text()];
        if !self.measure.is_empty() {
            parts.push((t.labelled)(t.measure, &self.measure));
        }
        parts.push(self.due_text());
        parts.push(self.state_text(t).to_string());
        if let Some(done) = &self.done {
            parts.push(done.note.clone());
        }
        parts.push(self.recheck_text(t));
        parts.retain(|part| !part.is_empty());
        parts.join(t.list_separator)
    }
}
