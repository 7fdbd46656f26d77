//! The words of exported documents (md, csv, html, xlsx, docx). Documents are filed
//! and printed by Chinese offices, so they are written in Chinese (`ZH`) unless an
//! export asks for English (`EN`, in `report_en`); every word of every format is here,
//! once. Chinese text uses full-width punctuation (，；：（）、), as a 公文 does.

use super::Lang;
use crate::model::checklist::Item;
use crate::model::session::Status;
use crate::model::verdict::Verdict;

pub use super::report_en::EN;
pub use super::report_zh::{ZH, chinese_number};

/// What an item is, for the words its status is shown with (docs/design.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Base,
    /// 一票否决: 无此情形 / 存在.
    Veto,
    /// 加分项: 已加分 / 不加分.
    Bonus,
    /// 负面清单: 无此情形 / 存在.
    Penalty,
}

impl ItemKind {
    pub fn of(item: &Item) -> ItemKind {
        if item.veto {
            ItemKind::Veto
        } else if item.bonus {
            ItemKind::Bonus
        } else if item.penalty {
            ItemKind::Penalty
        } else {
            ItemKind::Base
        }
    }
}

/// Figures a sentence about a session is made of, already formatted.
pub struct Overall<'a> {
    pub total: usize,
    pub checked: usize,
    /// "80.5", or with bonus and penalties "80.5（基础分 78.5 + 加分 2）".
    pub score: &'a str,
    pub max: &'a str,
    pub percent: &'a str,
    pub deducted: &'a str,
    pub verdict: &'a str,
    pub problems: usize,
    pub open_rectifications: usize,
}

/// "2.4 获市级以上表彰 · 荣誉墙 · 2026-11-18 09:30": blank parts left out (both languages).
pub fn caption_line(code: &str, title: &str, caption: &str, taken: &str) -> String {
    let mut line = format!("{code} {title}");
    for part in [caption, taken] {
        if !part.is_empty() {
            line.push_str(" · ");
            line.push_str(part);
        }
    }
    line
}

pub struct ReportTexts {
    pub lang: Lang,
    /// `<html lang>` and the docx `w:lang` of the document's text.
    pub lang_tag: &'static str,
    /// The title: unit, department (a session report) and round as far as known.
    pub title: fn(unit: Option<&str>, department: Option<&str>, round: Option<&str>) -> String,
    pub unit: &'static str,
    pub department: &'static str,
    pub round: &'static str,
    pub date: &'static str,
    pub dates: fn(first: &str, last: &str) -> String,
    /// "2026年11月21日": the date under the 落款.
    pub long_date: fn(year: i32, month: u32, day: u32) -> String,
    pub inspector: &'static str,
    pub checklist: &'static str,
    pub checklist_version: fn(title: &str, version: u32) -> String,
    /// A checklist named in a sentence: "《文明单位创建自查表》（第2版）".
    pub quoted_checklist: fn(title: &str, version: u32) -> String,
    pub sessions: &'static str,
    pub sessions_count: fn(usize) -> String,
    pub blank: &'static str,

    /// The report's first paragraph for one session: when, who, by which checklist.
    pub opening:
        fn(date: &str, inspector: &str, checklist: &str, department: &str, round: &str) -> String,
    /// The first paragraph for a round or several sessions.
    pub opening_round: fn(dates: &str, departments: &[String], round: Option<&str>) -> String,
    pub heading_overall: &'static str,
    pub heading_problems: &'static str,
    pub heading_next: &'static str,
    /// A round report's 责任分解 (docs/design.md §11), before 下一步工作.
    pub heading_duties: &'static str,
    /// 下一步工作 when 责任分解 comes before it.
    pub heading_next_after_duties: &'static str,
    /// Problems from outside (上级通报, 测评反馈) of a round's departments.
    pub heading_outside: &'static str,
    pub heading_items: &'static str,
    /// The part with photos and documents attached to items (图片资料).
    pub heading_photos: &'static str,
    /// A photo's caption line: code, item title, caption, taken time (blank parts left out).
    pub photo_caption: fn(code: &str, title: &str, caption: &str, taken: &str) -> String,
    /// Attachments shown by name only (documents, photos that do not decode).
    pub attached_files: &'static str,
    /// The column of attachments in md, csv and xlsx.
    pub column_attachments: &'static str,
    /// A department's heading under 二 and in the appendix: department and checklist.
    pub department_heading: fn(department: &str, checklist: &str) -> String,
    pub count_suffix: fn(usize) -> String,
    /// A level-2 heading's number: "（一）办公室".
    pub numbered: fn(n: usize, text: &str) -> String,
    pub overall: fn(&Overall<'_>) -> String,
    pub no_problems: &'static str,
    /// Items pending: "已查 10 项（共 21 项），已查条目未发现问题。"
    pub no_problems_so_far: fn(checked: usize, total: usize) -> String,
    pub none: &'static str,
    pub next_steps_placeholder: &'static str,

    pub seq: &'static str,
    pub code: &'static str,
    pub item: &'static str,
    pub section: &'static str,
    pub kind: &'static str,
    pub status: &'static str,
    pub points: &'static str,
    pub score: &'static str,
    pub max: &'static str,
    pub percent: &'static str,
    pub deducted: &'static str,
    pub deductions: &'static str,
    pub checked: &'static str,
    pub checked_of: fn(checked: usize, total: usize) -> String,
    pub items_count: &'static str,
    pub verdict: &'static str,
    pub base: &'static str,
    pub bonus_points: &'static str,
    pub penalties: &'static str,
    pub problems: &'static str,
    pub open_rectifications: &'static str,
    pub problem_description: &'static str,
    pub note: &'static str,
    pub owner_department: &'static str,
    pub owner: &'static str,
    /// 责任科室 and 责任人 in one column.
    pub responsible: &'static str,
    pub measure: &'static str,
    pub due: &'static str,
    pub rectification: &'static str,
    pub rectification_state: &'static str,
    pub done_date: &'static str,
    pub done_note: &'static str,
    pub recheck_result: &'static str,
    pub recheck_by: &'static str,
    pub recheck_date: &'static str,
    pub recheck_note: &'static str,
    /// A problem from outside, as a column header: its title.
    pub outside_problem: &'static str,
    /// Where a problem from outside came from: 市文明办通报.
    pub source: &'static str,
    /// When a problem from outside was reported.
    pub problem_date: &'static str,
    pub lead_department: &'static str,
    pub led_items: &'static str,
    pub lost: &'static str,
    pub loss_details: &'static str,
    /// The department whose session lost the points (责任分解 sheet).
    pub session_department: &'static str,
    pub item_lost: &'static str,
    /// A round whose checklists name no owners.
    pub no_duties: &'static str,
    /// "1.1 中心组学习 -2（办公室）": a lead department's loss on one item.
    pub loss_line: fn(code: &str, title: &str, lost: &str, department: &str) -> String,
    pub evidence: &'static str,

    pub veto: &'static str,
    pub disqualified: &'static str,
    pub bonus: &'static str,
    pub penalty: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// 已销号: closed by a passed re-check.
    pub closed: &'static str,
    /// 待复查: reported done, not yet re-checked.
    pub to_recheck: &'static str,
    /// 复查未通过: the latest re-check failed (and it is not yet overdue).
    pub recheck_failed_state: &'static str,
    pub recheck_passed: &'static str,
    pub recheck_failed: &'static str,
    /// "2026-11-22复查通过，已销号：已补记录".
    pub closed_on: fn(date: &str, note: &str) -> String,
    /// "2026-11-21已落实，待复查：已补记录".
    pub done_on: fn(date: &str, note: &str) -> String,
    /// "2026-11-22复查未通过：仍缺记录".
    pub failed_on: fn(date: &str, note: &str) -> String,
    /// "复查通过 2026-11-22 赵强：复查合格".
    pub recheck_line: fn(result: &str, date: &str, by: &str, note: &str) -> String,
    pub open: &'static str,
    pub overdue_open: &'static str,
    pub no_owner: &'static str,
    pub no_such_case: &'static str,
    pub exists: &'static str,
    pub bonus_given: &'static str,
    pub bonus_not_given: &'static str,
    /// "B（基本达标）": a level label with the status it stands for.
    pub level: fn(label: &str, status: &str) -> String,
    /// "测评率86%（43/50）": a surveyed rate, with what was counted when known.
    pub rate: fn(fraction: Option<&str>, percent: &str) -> String,
    /// A deduction applied once: "无年度学习计划（扣2分）".
    pub deduction_once: fn(reason: &str, points: &str) -> String,
    /// Per occurrence: "每缺一次集中学习（0.5分×3次，扣1.5分）".
    pub deduction_counted:
        fn(reason: &str, points: &str, count: u32, unit: &str, total: &str) -> String,
    /// Between deductions and other list items in one cell.
    pub list_separator: &'static str,
    /// Between item codes and names in a list: "3.1、6.2".
    pub enumeration: &'static str,
    /// A label and its value: "检查日期：2026-11-20".
    pub labelled: fn(label: &str, value: &str) -> String,
    /// Words with a remark in brackets: "一票否决（3.1）".
    pub aside: fn(text: &str, remark: &str) -> String,
    /// "基础分 78.5 + 加分 2 − 负面清单 1".
    pub total_parts: fn(base: &str, bonus: Option<&str>, penalties: Option<&str>) -> String,

    pub chart_sections: &'static str,
    pub chart_departments: &'static str,
    pub chart_trend: &'static str,
    pub legend_good: &'static str,
    pub legend_fair: &'static str,
    pub legend_poor: &'static str,
    pub legend_lost: &'static str,
    pub legend_pending: &'static str,
    /// After a bar's percent when items are pending: "未查 6 项".
    pub pending_items: fn(usize) -> String,

    pub sheet_summary: &'static str,
    pub sheet_items: &'static str,
    pub sheet_rectifications: &'static str,
    pub sheet_duties: &'static str,
    /// The xlsx title row's note on what the highlighting means.
    pub as_of: fn(today: &str) -> String,
    pub truncated: &'static str,
}

impl ReportTexts {
    /// A status as this item's kind reads it: 无此情形/存在, 已加分/不加分, or 达标….
    pub fn status_word(&self, kind: ItemKind, status: Status) -> &'static str {
        match (kind, status) {
            (ItemKind::Veto | ItemKind::Penalty, Status::Pass) => self.no_such_case,
            (ItemKind::Veto | ItemKind::Penalty, Status::Fail | Status::Partial) => self.exists,
            (ItemKind::Bonus, Status::Pass | Status::Partial) => self.bonus_given,
            (ItemKind::Bonus, Status::Fail) => self.bonus_not_given,
            (_, status) => self.lang.status(status),
        }
    }

    /// The one verdict in full (一票否决, 取消评优资格, 检查中, the grade), or "—".
    pub fn verdict_word<'a>(&self, verdict: &'a Verdict) -> &'a str {
        self.lang.verdict(verdict).unwrap_or("—")
    }

    /// "一票否决", "加分项", "负面清单"; nothing for a base item.
    pub fn kind_word(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Base => "",
            ItemKind::Veto => self.veto,
            ItemKind::Bonus => self.bonus,
            ItemKind::Penalty => self.penalty,
        }
    }
}

/// The words of documents in `lang`.
pub fn texts(lang: Lang) -> &'static ReportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A status as documents write it.
pub fn status(status: Status) -> &'static str {
    Lang::Zh.status(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_label_ending_in_zicha_is_not_doubled() {
        let title = ZH.title;
        assert_eq!(
            title(None, None, Some("2026年11月下半月自查")),
            "2026年11月下半月自查报告"
        );
        assert_eq!(
            title(Some("某某局"), Some("办公室"), Some("11月")),
            "某某局办公室11月自查报告"
        );
        assert_eq!(title(None, None, Some("季度检查报告")), "季度检查报告");
        assert_eq!(title(None, Some("办公室"), None), "办公室自查报告");
    }

    #[test]
    fn headings_count_in_chinese_numerals() {
        let numbers: Vec<String> = [1, 9, 10, 12, 20, 35]
            .into_iter()
            .map(chinese_number)
            .collect();
        assert_eq!(numbers, ["一", "九", "十", "十二", "二十", "三十五"]);
        assert_eq!((ZH.numbered)(3, "办公室"), "（三）办公室");
    }

    #[test]
    fn veto_penalty_and_bonus_items_have_their_own_words() {
        assert_eq!(ZH.status_word(ItemKind::Veto, Status::Pass), "无此情形");
        assert_eq!(ZH.status_word(ItemKind::Veto, Status::Fail), "存在");
        assert_eq!(ZH.status_word(ItemKind::Penalty, Status::Fail), "存在");
        assert_eq!(ZH.status_word(ItemKind::Bonus, Status::Pass), "已加分");
        assert_eq!(ZH.status_word(ItemKind::Bonus, Status::Fail), "不加分");
        assert_eq!(ZH.status_word(ItemKind::Veto, Status::Pending), "未查");
        assert_eq!(ZH.status_word(ItemKind::Base, Status::Partial), "基本达标");
        assert_eq!(EN.status_word(ItemKind::Veto, Status::Fail), "present");
    }

    #[test]
    fn the_verdict_is_never_cut_short() {
        assert_eq!(ZH.verdict_word(&Verdict::Disqualified), "取消评优资格");
        assert_eq!(ZH.verdict_word(&Verdict::None), "—");
        assert_eq!(ZH.verdict_word(&Verdict::Graded("良好".into())), "良好");
    }

    /// Chinese document text uses full-width punctuation, as a 公文 does.
    #[test]
    fn chinese_words_use_full_width_punctuation() {
        let o = Overall {
            total: 3,
            checked: 2,
            score: "1",
            max: "2",
            percent: "50%",
            deducted: "1",
            verdict: "检查中",
            problems: 1,
            open_rectifications: 0,
        };
        let samples = [
            (ZH.overall)(&o),
            (ZH.no_problems_so_far)(1, 2),
            (ZH.deduction_counted)("每缺一次", "0.5", 3, "次", "1.5"),
            (ZH.done_on)("2026-11-21", "已补"),
            (ZH.closed_on)("2026-11-22", "已补"),
            (ZH.failed_on)("2026-11-22", "仍缺"),
            (ZH.recheck_line)("通过", "2026-11-22", "赵强", "合格"),
            (ZH.loss_line)("1.1", "中心组学习", "2", "办公室"),
            ZH.no_duties.to_string(),
            (ZH.as_of)("2026-11-21"),
            ZH.next_steps_placeholder.to_string(),
            ZH.heading_items.to_string(),
            ZH.truncated.to_string(),
        ];
        for sample in samples {
            assert!(
                !sample.contains([',', ';', ':', '(', ')']),
                "half-width punctuation in {sample:?}"
            );
        }
    }
}
