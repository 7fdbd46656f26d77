//! One line per session for summaries: who, when, the figures, and the one verdict
//! (docs/design.md §4: 一票否决 > 取消评优资格 > 检查中 > the grade).

use chrono::NaiveDate;

use super::Options;
use super::report::{Report, SessionReport};
use super::rows::{clean_line, percent_text};
use crate::i18n::report::{Overall, ReportTexts};
use crate::model::checklist::Scope;
use crate::model::scoring::{Figures, Verdict, format_points};

#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    pub round: String,
    pub date: NaiveDate,
    pub department: String,
    pub inspector: String,
    pub checklist_title: String,
    pub checklist_version: u32,
    pub scope: Scope,
    pub figures: Figures,
    pub percent: Option<f64>,
    /// Codes of the veto items that failed.
    pub veto: Vec<String>,
    pub verdict: Verdict,
    pub problems: usize,
    pub open_rectifications: usize,
    /// The checklist has bonus items this session takes in: totals show 加分.
    pub has_bonus: bool,
    /// The checklist has 负面清单 items this session takes in: totals show them.
    pub has_penalties: bool,
}

impl SummaryRow {
    pub fn of(report: &SessionReport) -> SummaryRow {
        let session = &report.session;
        let summary = &report.summary;
        let items = report.checklist.items_in(session.scope);
        SummaryRow {
            round: clean_line(&session.round),
            date: session.date,
            department: clean_line(&session.department),
            inspector: clean_line(&session.inspector),
            checklist_title: clean_line(&report.checklist.title),
            checklist_version: session.checklist.version,
            scope: session.scope,
            figures: summary.figures,
            percent: summary.percent(),
            veto: summary.veto.iter().map(|code| clean_line(code)).collect(),
            verdict: summary.verdict(),
            problems: summary.problems,
            open_rectifications: summary.open_rectifications,
            has_bonus: items.iter().any(|item| item.bonus),
            has_penalties: items.iter().any(|item| item.penalty),
        }
    }

    /// "文明单位创建自查表（第2版）".
    pub fn checklist(&self, t: &ReportTexts) -> String {
        (t.checklist_version)(&self.checklist_title, self.checklist_version)
    }

    pub fn score_text(&self) -> String {
        format_points(self.figures.score)
    }

    pub fn max_text(&self) -> String {
        format_points(self.figures.max)
    }

    /// "83.5/95.5".
    pub fn score_of_max(&self) -> String {
        format!("{}/{}", self.score_text(), self.max_text())
    }

    /// "基础分 78.5 + 加分 2 − 负面清单 1", shown beside a total where the checklist
    /// has bonus or 负面清单 items; `None` where it has neither.
    pub fn parts_text(&self, t: &ReportTexts) -> Option<String> {
        if !self.has_bonus && !self.has_penalties {
            return None;
        }
        let f = &self.figures;
        let bonus = self.has_bonus.then(|| format_points(f.bonus));
        let penalties = self.has_penalties.then(|| format_points(f.penalties));
        Some((t.total_parts)(
            &format_points(f.base),
            bonus.as_deref(),
            penalties.as_deref(),
        ))
    }

    /// The total with its parts: "80.5（基础分 78.5 + 加分 2 − 负面清单 0）".
    pub fn total_text(&self, t: &ReportTexts) -> String {
        match self.parts_text(t) {
            Some(parts) => (t.aside)(&self.score_text(), &parts),
            None => self.score_text(),
        }
    }

    pub fn percent_text(&self) -> String {
        percent_text(self.percent)
    }

    pub fn deducted_text(&self) -> String {
        format_points(self.figures.deducted)
    }

    /// "10/21".
    pub fn checked_text(&self, t: &ReportTexts) -> String {
        (t.checked_of)(self.figures.checked, self.figures.total)
    }

    /// No base or veto item is pending (bonus and 负面清单 items may be).
    pub fn is_complete(&self) -> bool {
        self.figures.pending_base == 0
    }

    /// The one verdict, in full: "一票否决（3.1）", "取消评优资格", "检查中", the grade, or "—".
    pub fn verdict_text(&self, t: &ReportTexts) -> String {
        let word = t.verdict_word(&self.verdict);
        if self.verdict == Verdict::Veto && !self.veto.is_empty() {
            (t.aside)(word, &self.veto.join(t.enumeration))
        } else {
            word.to_string()
        }
    }

    /// A verdict that stops the department from an award: shown in red.
    pub fn is_alarming(&self) -> bool {
        matches!(self.verdict, Verdict::Veto | Verdict::Disqualified)
    }

    /// "本次自查共68项，已查47项，未查21项。得分83.5，满分95.5，……判定：检查中。……"
    pub fn overall_sentence(&self, t: &ReportTexts) -> String {
        (t.overall)(&Overall {
            total: self.figures.total,
            checked: self.figures.checked,
            score: &self.total_text(t),
            max: &self.max_text(),
            percent: &self.percent_text(),
            deducted: &self.deducted_text(),
            verdict: &self.verdict_text(t),
            problems: self.problems,
            open_rectifications: self.open_rectifications,
        })
    }

    /// What to say where a department's problem list is empty: none found, or none
    /// found so far while items are pending.
    pub fn no_problems_text(&self, t: &ReportTexts) -> String {
        if self.is_complete() {
            t.no_problems.to_string()
        } else {
            (t.no_problems_so_far)(self.figures.checked, self.figures.total)
        }
    }
}

/// The document's title: the unit, the department of a one-session report, the round.
pub fn title(report: &Report, options: &Options) -> String {
    let t = options.texts();
    let unit = options.unit_name();
    match report.single() {
        Some(one) => (t.title)(
            unit.as_deref(),
            Some(&clean_line(&one.session.department)),
            Some(&clean_line(&one.session.round)),
        ),
        None => (t.title)(
            unit.as_deref(),
            None,
            report.round_label().map(clean_line).as_deref(),
        ),
    }
}

/// Who, where and when of one session: label and value (the unit only when known).
pub fn facts(s: &SummaryRow, options: &Options, t: &ReportTexts) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if let Some(unit) = options.unit_name() {
        facts.push((t.unit, unit));
    }
    facts.extend([
        (t.department, s.department.clone()),
        (t.round, s.round.clone()),
        (t.date, s.date.to_string()),
        (t.inspector, s.inspector.clone()),
        (t.checklist, s.checklist(t)),
    ]);
    facts
}

/// The facts of a round or of several sessions: unit, dates, how many sessions.
pub fn round_facts(
    report: &Report,
    options: &Options,
    t: &ReportTexts,
) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if let Some(unit) = options.unit_name() {
        facts.push((t.unit, unit));
    }
    if let Some(round) = report.round_label() {
        facts.push((t.round, clean_line(round)));
    }
    match (report.first_date(), report.last_date()) {
        (Some(first), Some(last)) if first != last => {
            facts.push((t.date, (t.dates)(&first.to_string(), &last.to_string())))
        }
        (Some(first), _) => facts.push((t.date, first.to_string())),
        _ => {}
    }
    facts.push((t.sessions, (t.sessions_count)(report.sessions.len())));
    facts
}

/// A session's heading in a report of several: the department and checklist (and
/// the round, when the sessions are not one round's).
pub fn session_heading(report: &Report, s: &SummaryRow, t: &ReportTexts) -> String {
    let department = if report.round_label().is_some() {
        s.department.clone()
    } else {
        format!("{} {}", s.department, s.round)
    };
    (t.department_heading)(&department, &s.checklist_title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use crate::i18n::report::ZH;

    #[test]
    fn a_failed_veto_item_is_the_only_verdict() {
        let report = fixture::single();
        let row = SummaryRow::of(&report.sessions[0]);
        assert_eq!(row.verdict_text(&ZH), "一票否决（3.1）");
        let sentence = row.overall_sentence(&ZH);
        assert!(sentence.contains("判定：一票否决（3.1）。"), "{sentence}");
        assert!(!sentence.contains("取消评优资格") && !sentence.contains("等级"));
    }

    #[test]
    fn a_department_still_being_inspected_has_no_grade() {
        let report = fixture::round();
        let logistics = report
            .sessions
            .iter()
            .map(SummaryRow::of)
            .find(|row| row.department == "后勤服务中心")
            .expect("in the round");
        assert_eq!(logistics.verdict_text(&ZH), "检查中");
        assert_eq!(logistics.checked_text(&ZH), "1/8");
        assert_eq!(
            logistics.no_problems_text(&ZH),
            "已查1项（共8项），已查条目未发现问题；其余条目检查中。"
        );
    }

    #[test]
    fn totals_show_base_bonus_and_penalties_where_the_checklist_has_them() {
        let report = fixture::single();
        let row = SummaryRow::of(&report.sessions[0]);
        assert_eq!(
            row.total_text(&ZH),
            format!(
                "{}（基础分 {} + 加分 2）",
                row.score_text(),
                format_points(row.figures.base)
            )
        );
    }
}
