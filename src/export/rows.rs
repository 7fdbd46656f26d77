//! What every format shows, computed once: one row per item, with user text already
//! cleaned, so no renderer can forget to. Session figures are in [`summary`](super::summary).

use chrono::NaiveDate;

use super::report::SessionReport;
use crate::i18n::report::{ItemKind, ReportTexts};
use crate::model::followup::followed;
use crate::model::ledger::is_overdue;
use crate::model::rate::SurveyedRate;
use crate::model::scoring::{applied_deductions, format_points, item_score, points_lost};
use crate::model::session::{
    FollowUpState, Recheck, RecheckResult, Rectification, Response, Status,
};
use crate::model::text::sanitize;

pub use super::followup_rows::{DutyRow, ProblemRow, duty_rows, problem_rows};

/// User text as exports write it: without the control characters a terminal
/// or XML 1.0 cannot take (newline and tab stay).
pub fn clean(text: &str) -> String {
    sanitize(text)
        .chars()
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// `clean`, on one line: newlines and tabs become spaces.
pub fn clean_line(text: &str) -> String {
    clean(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// A deduction applied to an item: once, or per occurrence with its count and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub reason: String,
    /// Points per occurrence.
    pub points: f64,
    pub count: u32,
    /// 次, 人次, 处…: set for a per-occurrence deduction.
    pub unit: Option<String>,
}

impl Deduction {
    pub fn total(&self) -> f64 {
        self.points * f64::from(self.count)
    }

    /// "无年度学习计划（扣2分）", "每缺一次集中学习（0.5分×3次，扣1.5分）".
    pub fn text(&self, t: &ReportTexts) -> String {
        match &self.unit {
            Some(unit) => (t.deduction_counted)(
                &self.reason,
                &format_points(self.points),
                self.count,
                unit,
                &format_points(self.total()),
            ),
            None => (t.deduction_once)(&self.reason, &format_points(self.total())),
        }
    }
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    /// The top-level section: "1 领导班子好".
    pub section: String,
    pub code: String,
    pub title: String,
    pub kind: ItemKind,
    pub status: Status,
    /// The level label the item was judged with (测评等次).
    pub level: Option<String>,
    /// The surveyed rate: percent and, when counted, "43/50".
    pub rate: Option<(f64, Option<String>)>,
    pub points: f64,
    pub score: Option<f64>,
    /// Points lost: a checked base item's shortfall, or what a 负面清单 item took.
    pub lost: Option<f64>,
    pub deductions: Vec<Deduction>,
    pub note: String,
    pub evidence: Vec<String>,
    pub rectification: Option<RectificationRow>,
}

impl ItemRow {
    pub fn is_scored(&self) -> bool {
        self.points > 0.0
    }

    /// A problem to fix: 基本达标 or 未达标, a veto or 负面清单 item that happened;
    /// a bonus item not earned is not one.
    pub fn is_problem(&self) -> bool {
        self.status.is_problem() && self.kind != ItemKind::Bonus
    }

    pub fn points_text(&self) -> String {
        if self.is_scored() {
            format_points(self.points)
        } else {
            String::new()
        }
    }

    pub fn score_text(&self) -> String {
        match self.score {
            Some(score) if self.is_scored() || score != 0.0 => format_points(score),
            _ => String::new(),
        }
    }

    pub fn lost_text(&self) -> String {
        self.lost
            .filter(|lost| *lost != 0.0)
            .map(format_points)
            .unwrap_or_default()
    }

    /// The status as this kind of item reads it; a level with the status it stands for.
    pub fn status_text(&self, t: &ReportTexts) -> String {
        let word = t.status_word(self.kind, self.status);
        match &self.level {
            Some(label) => (t.level)(label, word),
            None => word.to_string(),
        }
    }

    pub fn kind_text(&self, t: &ReportTexts) -> &'static str {
        t.kind_word(self.kind)
    }

    /// The title, with the kind in brackets for veto, bonus and 负面清单 items.
    pub fn title_with_kind(&self, t: &ReportTexts) -> String {
        match self.kind {
            ItemKind::Base => self.title.clone(),
            kind => format!("{}【{}】", self.title, t.kind_word(kind)),
        }
    }

    /// The rate, then every deduction: "测评率86%（43/50）；无年度学习计划（扣2分）".
    pub fn deductions_text(&self, t: &ReportTexts) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some((percent, fraction)) = &self.rate {
            parts.push((t.rate)(fraction.as_deref(), &format_points(*percent)));
        }
        parts.extend(self.deductions.iter().map(|d| d.text(t)));
        parts.join(t.list_separator)
    }

    /// The note, then the rate and deductions on a line of their own.
    pub fn description(&self, t: &ReportTexts) -> String {
        let mut description = self.note.clone();
        let deductions = self.deductions_text(t);
        if !deductions.is_empty() {
            if !description.is_empty() {
                description.push('\n');
            }
            description.push_str(&(t.labelled)(t.deductions, &deductions));
        }
        description
    }

    pub fn evidence_text(&self, t: &ReportTexts) -> String {
        self.evidence.join(t.list_separator)
    }

    pub fn owner_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(|r| r.owner.clone())
            .unwrap_or_default()
    }

    pub fn owner_department_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(|r| r.owner_department.clone())
            .unwrap_or_default()
    }

    /// 责任科室 and 责任人: "党群室 张华".
    pub fn responsible_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(RectificationRow::responsible_text)
            .unwrap_or_default()
    }

    pub fn measure_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(|r| r.measure.clone())
            .unwrap_or_default()
    }

    pub fn due_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(RectificationRow::due_text)
            .unwrap_or_default()
    }

    /// Where the rectification stands; 未指定 for a problem nobody was assigned.
    pub fn progress_text(&self, t: &ReportTexts) -> String {
        match &self.rectification {
            Some(rect) => rect.measure_and_progress(t),
            None if self.is_problem() => t.no_owner.to_string(),
            None => String::new(),
        }
    }

    /// The rectification in one cell ([`RectificationRow::text`]); empty without one.
    pub fn rectification_text(&self, t: &ReportTexts) -> String {
        self.rectification
            .as_ref()
            .map(|r| r.text(t))
            .unwrap_or_default()
    }

    pub fn is_overdue(&self) -> bool {
        self.rectification.as_ref().is_some_and(|r| r.overdue)
    }
}

/// Every item the session's scope takes in, in reading order (a department session
/// leaves out the items judged for the whole unit).
pub fn item_rows(report: &SessionReport, today: NaiveDate) -> Vec<ItemRow> {
    let session = &report.session;
    let rules = &report.checklist.rules;
    let mut rows = Vec::new();
    for section in &report.checklist.sections {
        let section_name = clean_line(&format!("{} {}", section.code, section.title));
        for item in section.all_items() {
            if !item.in_scope(session.scope) {
                continue;
            }
            let response = session.response(&item.code);
            let score = item_score(rules, item, response);
            let counts_loss = !item.bonus && (item.is_scored() || item.penalty);
            rows.push(ItemRow {
                section: section_name.clone(),
                code: clean_line(&item.code),
                title: clean_line(&item.title),
                kind: ItemKind::of(item),
                status: session.status(&item.code),
                level: response
                    .and_then(|r| r.level.as_deref())
                    .filter(|label| rules.level_ratio(label).is_some())
                    .map(clean_line),
                rate: response.and_then(|r| r.rate.as_ref()).map(rate_parts),
                points: item.points,
                score,
                lost: score
                    .filter(|_| counts_loss)
                    .map(|score| points_lost(item, Some(score))),
                deductions: response.map(|r| deductions(item, r)).unwrap_or_default(),
                note: response.map(|r| clean(&r.note)).unwrap_or_default(),
                // Attached files by name and caption after the labels (md, csv, xlsx).
                evidence: response
                    .map(|r| {
                        let labels = r.evidence.iter().map(|e| clean_line(e));
                        let files = r.attachments.iter().map(super::photos::listed_name);
                        labels.chain(files).collect()
                    })
                    .unwrap_or_default(),
                rectification: response.and_then(|r| r.rectification.as_ref()).map(|rect| {
                    let walked = report.later_rechecks.get(&item.code).cloned();
                    RectificationRow::of(rect, walked.unwrap_or_default(), today)
                }),
            });
        }
    }
    rows
}

fn deductions(item: &crate::model::checklist::Item, response: &Response) -> Vec<Deduction> {
    applied_deductions(item, response)
        .into_iter()
        .map(|applied| Deduction {
            reason: clean_line(applied.reason),
            points: applied.points,
            count: applied.count,
            unit: applied.unit.map(clean_line),
        })
        .collect()
}

fn rate_parts(rate: &SurveyedRate) -> (f64, Option<String>) {
    let fraction = match rate {
        SurveyedRate::Fraction {
            numerator,
            denominator,
        } => Some(format!("{numerator}/{denominator}")),
        SurveyedRate::Percent(_) => None,
    };
    (rate.percent(), fraction)
}

/// Items that need rectification: partial and fail, veto and 负面清单 items that happened.
pub fn problems(rows: &[ItemRow]) -> Vec<&ItemRow> {
    rows.iter().filter(|row| row.is_problem()).collect()
}

/// Items for the rectification list: problems and anything with a rectification.
pub fn rectification_rows(rows: &[ItemRow]) -> Vec<&ItemRow> {
    rows.iter()
        .filter(|row| row.is_problem() || row.rectification.is_some())
        .collect()
}

pub fn percent_text(percent: Option<f64>) -> String {
    percent.map_or_else(|| "—".to_string(), |p| format!("{p:.1}%"))
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
