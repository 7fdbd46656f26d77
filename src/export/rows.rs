//! What every format shows, computed once: one row per item, with user text already
//! cleaned, so no renderer can forget to. Session figures are in [`summary`](super::summary).

use chrono::NaiveDate;

use super::report::SessionReport;
use crate::i18n::report::{ItemKind, ReportTexts};
use crate::model::rate::SurveyedRate;
use crate::model::scoring::{applied_deductions, format_points, item_score, points_lost};
use crate::model::session::{Response, Status};
use crate::model::text::sanitize;

pub use super::followup_rows::{DutyRow, ProblemRow, duty_rows, problem_rows};
pub use super::rectification_rows::{Done, RecheckRow, RectificationRow};

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
