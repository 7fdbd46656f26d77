//! What every format shows, computed once: one row per item, one per session,
//! with user text already cleaned, so no renderer can forget to.

use chrono::NaiveDate;

use super::report::SessionReport;
use crate::i18n::report::REPORT;
use crate::model::followup::followed;
use crate::model::ledger::is_overdue;
use crate::model::scoring::{Summary, applied_deductions, format_points, item_score, points_lost};
use crate::model::session::{FollowUpState, Recheck, RecheckResult, Rectification, Status};
use crate::model::text::sanitize;

pub use super::followup_rows::{DutyRow, ProblemRow, duty_rows, problem_rows};

/// Column names of the per-item table (csv, xlsx 明细).
pub const ITEM_COLUMNS: [&str; 16] = REPORT.item_columns;

pub const VETO: &str = REPORT.veto;
pub const DISQUALIFIED: &str = REPORT.disqualified;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub reason: String,
    pub points: f64,
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
    pub fn result_zh(&self) -> &'static str {
        let result = if self.passed {
            RecheckResult::Pass
        } else {
            RecheckResult::Fail
        };
        crate::i18n::followup::result(crate::i18n::Lang::Zh, result)
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
    /// Open and due before today.
    pub overdue: bool,
}

impl RectificationRow {
    /// The rectification as it stands once `walked` (later walks' re-checks) count.
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

    /// 已销号, 待复查, 复查未通过, 逾期未完成 or 未完成.
    pub fn state_zh(&self) -> &'static str {
        match self.state {
            FollowUpState::Closed | FollowUpState::Done => {
                crate::i18n::followup::state(crate::i18n::Lang::Zh, self.state)
            }
            _ if self.overdue => REPORT.overdue_open,
            FollowUpState::Failed => {
                crate::i18n::followup::state(crate::i18n::Lang::Zh, self.state)
            }
            FollowUpState::Open => REPORT.open,
        }
    }

    pub fn due_text(&self) -> String {
        self.due.map(|d| d.to_string()).unwrap_or_default()
    }

    /// "办公室 李明 · 整改措施：完善台账 · 2026-12-01 · 已销号 · 落实情况 · 复查通过
    /// 2026-11-20 王敏", whichever parts are given: one cell of a document's 整改 column.
    pub fn text(&self) -> String {
        let words = crate::i18n::followup::texts(crate::i18n::Lang::Zh);
        let mut parts = vec![self.responsible_text()];
        if !self.measure.is_empty() {
            parts.push(format!("{}：{}", words.measure, self.measure));
        }
        if let Some(due) = self.due {
            parts.push(due.to_string());
        }
        parts.push(self.state_zh().to_string());
        if let Some(done) = &self.done {
            parts.push(done.note.clone());
        }
        if let Some(recheck) = &self.recheck {
            let mut text = format!("{}{} {}", words.recheck, recheck.result_zh(), recheck.date);
            if !recheck.by.is_empty() {
                text.push_str(&format!(" {}", recheck.by));
            }
            if !recheck.note.is_empty() {
                text.push_str(&format!("：{}", recheck.note));
            }
            parts.push(text);
        }
        parts.retain(|part| !part.is_empty());
        parts.join(" · ")
    }

    /// "办公室 李明": 责任科室 and 责任人, whichever are given.
    pub fn responsible_text(&self) -> String {
        [self.owner_department.as_str(), self.owner.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    /// The top-level section: "1 领导班子好".
    pub section: String,
    pub code: String,
    pub title: String,
    pub status: Status,
    pub points: f64,
    pub bonus: bool,
    pub veto: bool,
    pub score: Option<f64>,
    /// Points lost on a checked, scored base item.
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

    pub fn points_text(&self) -> String {
        if self.is_scored() {
            format_points(self.points)
        } else {
            String::new()
        }
    }

    pub fn score_text(&self) -> String {
        match self.score {
            Some(score) if self.is_scored() => format_points(score),
            _ => String::new(),
        }
    }

    pub fn lost_text(&self) -> String {
        self.lost.map(format_points).unwrap_or_default()
    }

    /// "无年度学习计划 -2;另有问题 -0.5"
    pub fn deductions_text(&self) -> String {
        self.deductions
            .iter()
            .map(|d| format!("{} -{}", d.reason, format_points(d.points)))
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn evidence_text(&self) -> String {
        self.evidence.join(";")
    }

    /// The rectification in one cell (`RectificationRow::text`); empty without one.
    pub fn rectification_text(&self) -> String {
        self.rectification
            .as_ref()
            .map(RectificationRow::text)
            .unwrap_or_default()
    }

    /// Marks shown after the title: "[一票否决]", "[加分项]".
    pub fn marks(&self) -> String {
        let mut marks = String::new();
        if self.veto {
            marks.push_str(&format!(" [{}]", REPORT.veto));
        }
        if self.bonus {
            marks.push_str(&format!(" [{}]", REPORT.bonus));
        }
        marks
    }
}

/// Every item of the session in reading order.
pub fn item_rows(report: &SessionReport, today: NaiveDate) -> Vec<ItemRow> {
    let session = &report.session;
    let mut rows = Vec::new();
    for section in &report.checklist.sections {
        let section_name = clean_line(&format!("{} {}", section.code, section.title));
        for item in section.all_items() {
            let response = session.response(&item.code);
            let status = session.status(&item.code);
            let score = item_score(&report.checklist.rules, item, response);
            let lost = score
                .filter(|_| item.is_scored() && !item.bonus)
                .map(|score| points_lost(item, Some(score)));
            let deductions: Vec<Deduction> = response
                .map(|r| applied_deductions(item, r))
                .unwrap_or_default()
                .into_iter()
                .map(|applied| Deduction {
                    reason: clean_line(applied.reason),
                    points: applied.total(),
                })
                .collect();
            rows.push(ItemRow {
                section: section_name.clone(),
                code: clean_line(&item.code),
                title: clean_line(&item.title),
                status,
                points: item.points,
                bonus: item.bonus,
                veto: item.veto,
                score,
                lost,
                deductions,
                note: response.map(|r| clean(&r.note)).unwrap_or_default(),
                evidence: response
                    .map(|r| r.evidence.iter().map(|e| clean_line(e)).collect())
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

/// Items that need rectification: partial and fail.
pub fn problems(rows: &[ItemRow]) -> Vec<&ItemRow> {
    rows.iter()
        .filter(|row| row.status.is_problem() && !row.bonus)
        .collect()
}

/// Items for the rectification list: problems and anything with a rectification.
pub fn rectification_rows(rows: &[ItemRow]) -> Vec<&ItemRow> {
    rows.iter()
        .filter(|row| (row.status.is_problem() && !row.bonus) || row.rectification.is_some())
        .collect()
}

/// One line per session for summary tables.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub round: String,
    pub date: NaiveDate,
    pub department: String,
    pub inspector: String,
    /// "文明单位创建自查表 v2"
    pub checklist: String,
    pub score: f64,
    pub max: f64,
    pub percent: Option<f64>,
    pub deducted: f64,
    pub checked: usize,
    pub total: usize,
    pub veto: Vec<String>,
    pub disqualified: bool,
    pub grade: String,
    pub problems: usize,
    pub open_rectifications: usize,
}

impl SummaryRow {
    pub fn of(report: &SessionReport) -> SummaryRow {
        let session = &report.session;
        let summary: &Summary = &report.summary;
        let f = summary.figures;
        SummaryRow {
            round: clean_line(&session.round),
            date: session.date,
            department: clean_line(&session.department),
            inspector: clean_line(&session.inspector),
            checklist: checklist_name(report),
            score: f.score,
            max: f.max,
            percent: summary.percent(),
            deducted: f.deducted,
            checked: f.checked,
            total: f.total,
            veto: summary.veto.iter().map(|code| clean_line(code)).collect(),
            disqualified: summary.disqualified,
            grade: summary.current_grade().map(clean_line).unwrap_or_default(),
            problems: summary.problems,
            open_rectifications: summary.open_rectifications,
        }
    }

    pub fn score_text(&self) -> String {
        format!("{}/{}", format_points(self.score), format_points(self.max))
    }

    pub fn percent_text(&self) -> String {
        percent_text(self.percent)
    }

    /// "一票否决(6.1、6.2)、取消评优资格、良好", or "—" when there is nothing to say.
    pub fn verdict_text(&self) -> String {
        let mut parts = Vec::new();
        if !self.veto.is_empty() {
            parts.push(format!("{VETO}({})", self.veto.join("、")));
        }
        if self.disqualified {
            parts.push(DISQUALIFIED.to_string());
        }
        if !self.grade.is_empty() {
            parts.push(self.grade.clone());
        }
        if parts.is_empty() {
            "—".into()
        } else {
            parts.join("、")
        }
    }

    pub fn veto_text(&self) -> String {
        if self.veto.is_empty() {
            REPORT.no.into()
        } else {
            format!("{}({})", REPORT.yes, self.veto.join("、"))
        }
    }

    pub fn disqualified_text(&self) -> &'static str {
        if self.disqualified {
            REPORT.yes
        } else {
            REPORT.no
        }
    }
}

pub fn checklist_name(report: &SessionReport) -> String {
    clean_line(&format!(
        "{} v{}",
        report.checklist.title, report.session.checklist.version
    ))
}

pub fn percent_text(percent: Option<f64>) -> String {
    percent.map_or_else(|| "—".to_string(), |p| format!("{p:.1}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_lines_and_drops_what_xml_and_terminals_cannot_take() {
        let hostile = "a\u{1b}[31mb\r\nc\td\u{0}\u{b}\u{c}\u{fffe}\u{ffff}\u{202e}e😀";
        assert_eq!(clean(hostile), "a[31mb\nc\tde😀");
        assert_eq!(clean_line(hostile), "a[31mb c de😀");
    }
}
