//! Words for scoring as real evaluation tables write it (docs/design.md §4): how a
//! veto, bonus or 负面清单 item's status reads, levels, counts, scope, and the total
//! split into base, bonus and penalties. Shared by the command line and the UI, so
//! only characters of unambiguous width.

use super::Lang;
use crate::model::checklist::{Item, Scope};
use crate::model::judgement::UnknownJudgement;
use crate::model::scoring::{Figures, format_points};
use crate::model::session::Status;
use crate::model::verdict::Verdict;

pub struct ScoringTexts {
    /// Pass and fail of a veto or 负面清单 item: 无此情形, 存在.
    pub not_present: &'static str,
    pub present: &'static str,
    /// Pass and fail of a bonus item: 已加分, 不加分.
    pub bonus_earned: &'static str,
    pub bonus_not_earned: &'static str,
    /// A session's scope: 科室检查, 全单位检查.
    pub department_session: &'static str,
    pub unit_session: &'static str,
    /// Beside an item judged once for the whole unit.
    pub unit_item: &'static str,
    /// Beside a 负面清单 item.
    pub penalty: &'static str,
    /// "备注：…" — a label and its value on a line of plain output.
    pub field: fn(&str, &str) -> String,
    /// Between entries of a list on one line: "；".
    pub separator: &'static str,
    pub level: &'static str,
    pub rate: &'static str,
    /// "x3 次": occurrences of a per-occurrence deduction with its unit.
    pub count: fn(u32, &str) -> String,
    /// "基础分 95.5 + 加分 3 - 负面清单 2".
    pub breakdown: fn(&str, &str, &str) -> String,
    /// The session's total, where a section's figures are shown.
    pub total: &'static str,
    /// After 检查中: the grade the current percent would get.
    pub provisional: fn(&str) -> String,
    // The terminal UI.
    /// The new-session form's label for the scope choice.
    pub scope_label: &'static str,
    /// "-1.5/次": points per occurrence.
    pub per: fn(&str, &str) -> String,
    /// A once-only deduction given a count above 1.
    pub once_only: fn(&str) -> String,
    /// The levels menu's title.
    pub levels_title: &'static str,
    /// The rate form's title and fields.
    pub rate_title: &'static str,
    pub answered: &'static str,
    pub asked: &'static str,
    pub whole_number: &'static str,
    /// The item is judged by status keys only.
    pub no_judgement: &'static str,
    /// "等次 A B C C#（按 l 评定）" in the detail pane: the levels, and the key.
    pub levels_hint: fn(&str, &str) -> String,
    /// After a rate item's bands in the detail pane: the key to enter the survey.
    pub rate_hint: fn(&str) -> String,
    /// One rate band: "90%以上扣1"; the last, from 0, "其余扣3".
    pub band: fn(&str, &str) -> String,
    pub last_band: fn(&str) -> String,
}

impl Lang {
    pub fn scoring(self) -> &'static ScoringTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// How `status` reads on `item`: veto and 负面清单 items 无此情形/存在, bonus items
    /// 已加分/不加分, other statuses and items the status word.
    pub fn item_status(self, item: &Item, status: Status) -> &'static str {
        let t = self.scoring();
        match status {
            Status::Pass if item.veto || item.penalty => t.not_present,
            Status::Fail if item.veto || item.penalty => t.present,
            Status::Pass if item.bonus => t.bonus_earned,
            Status::Fail if item.bonus => t.bonus_not_earned,
            Status::Pending | Status::Pass | Status::Partial | Status::Fail | Status::Na => {
                self.status(status)
            }
        }
    }

    pub fn scope(self, scope: Scope) -> &'static str {
        let t = self.scoring();
        match scope {
            Scope::Department => t.department_session,
            Scope::Unit => t.unit_session,
        }
    }

    /// The one verdict as the screens show it: the words of [`Lang::verdict`], in
    /// full (取消评优资格, never 取消), the English disqualification in one word so a
    /// column of 12 cells holds every verdict.
    pub fn screen_verdict(self, verdict: &Verdict) -> Option<&str> {
        match (self, verdict) {
            (Lang::En, Verdict::Disqualified) => Some(self.texts().disqualified),
            _ => self.verdict(verdict),
        }
    }

    /// "基础分 95.5 + 加分 3 - 负面清单 2" when bonus or penalties count, else `None`.
    pub fn breakdown(self, figures: &Figures) -> Option<String> {
        (figures.bonus > 0.0 || figures.penalties > 0.0).then(|| {
            (self.scoring().breakdown)(
                &format_points(figures.base),
                &format_points(figures.bonus),
                &format_points(figures.penalties),
            )
        })
    }

    /// "95.5+3-2": the breakdown where a row has little room.
    pub fn short_breakdown(self, figures: &Figures) -> Option<String> {
        (figures.bonus > 0.0 || figures.penalties > 0.0).then(|| {
            format!(
                "{}+{}-{}",
                format_points(figures.base),
                format_points(figures.bonus),
                format_points(figures.penalties)
            )
        })
    }
}

pub static ZH: ScoringTexts = ScoringTexts {
    not_present: "无此情形",
    present: "存在",
    bonus_earned: "已加分",
    bonus_not_earned: "不加分",
    department_session: "科室检查",
    unit_session: "全单位检查",
    unit_item: "全单位",
    penalty: "负面清单",
    field: |label, value| format!("{label}：{value}"),
    separator: "；",
    level: "等次",
    rate: "比率",
    count: |count, unit| format!("x{count} {unit}"),
    breakdown: |base, bonus, penalties| {
        format!("基础分 {base} + 加分 {bonus} - 负面清单 {penalties}")
    },
    provisional: |grade| format!("（暂评 {grade}）"),
    total: "总分",
    scope_label: "范围",
    per: |points, unit| format!("-{points}/{unit}"),
    once_only: |reason| format!("「{reason}」只扣一次"),
    levels_title: "等次",
    rate_title: "调查比率",
    answered: "达到要求人数",
    asked: "调查人数",
    whole_number: "请填写整数",
    no_judgement: "本条目按状态评定，没有等次或调查比率",
    levels_hint: |levels, key| format!("{levels}（按 {key} 评定）"),
    rate_hint: |key| format!("按 {key} 填写调查人数"),
    band: |at, minus| format!("{at}%以上扣{minus}"),
    last_band: |minus| format!("其余扣{minus}"),
};

pub static EN: ScoringTexts = ScoringTexts {
    not_present: "absent",
    present: "present",
    bonus_earned: "earned",
    bonus_not_earned: "no bonus",
    department_session: "department",
    unit_session: "whole unit",
    unit_item: "unit",
    penalty: "penalty",
    field: |label, value| format!("{label}: {value}"),
    separator: "; ",
    level: "Level",
    rate: "Rate",
    count: |count, unit| format!("x{count} {unit}"),
    breakdown: |base, bonus, penalties| {
        format!("base {base} + bonus {bonus} - penalties {penalties}")
    },
    provisional: |grade| format!(" (provisional: {grade})"),
    total: "Total",
    scope_label: "Scope",
    per: |points, unit| format!("-{points}/{unit}"),
    once_only: |reason| format!("\"{reason}\" applies once"),
    levels_title: "Level",
    rate_title: "Surveyed rate",
    answered: "Answered",
    asked: "Asked",
    whole_number: "whole numbers, please",
    no_judgement: "this item is judged by status only: no levels, no surveyed rate",
    levels_hint: |levels, key| format!("{levels} ({key} to judge)"),
    rate_hint: |key| format!("{key} to enter the survey"),
    band: |at, minus| format!("{at}%+ -{minus}"),
    last_band: |minus| format!("below -{minus}"),
};

/// A STATUS that is neither a status word nor a level of the checklist.
pub fn unknown_judgement(lang: Lang, error: &UnknownJudgement) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Zh => {
            let levels = if error.levels.is_empty() {
                String::new()
            } else {
                format!("，或等次：{}", error.levels.join("、"))
            };
            format!(
                "未知的状态 {:?}；可用：pending、pass、partial、fail、na，或 未查、达标、基本达标、未达标、不适用{levels}",
                error.word
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn veto_penalty_and_bonus_items_read_their_own_words() {
        let veto = Item {
            veto: true,
            ..Item::default()
        };
        let penalty = Item {
            penalty: true,
            ..Item::default()
        };
        let bonus = Item {
            bonus: true,
            ..Item::default()
        };
        let base = Item::default();
        let zh = Lang::Zh;
        assert_eq!(zh.item_status(&veto, Status::Pass), "无此情形");
        assert_eq!(zh.item_status(&veto, Status::Fail), "存在");
        assert_eq!(zh.item_status(&penalty, Status::Fail), "存在");
        assert_eq!(zh.item_status(&bonus, Status::Pass), "已加分");
        assert_eq!(zh.item_status(&bonus, Status::Fail), "不加分");
        assert_eq!(zh.item_status(&veto, Status::Pending), "未查");
        assert_eq!(zh.item_status(&base, Status::Fail), "未达标");
        assert_eq!(Lang::En.item_status(&veto, Status::Fail), "present");
    }

    #[test]
    fn the_breakdown_shows_only_when_bonus_or_penalties_count() {
        let mut figures = Figures {
            base: 95.5,
            ..Figures::default()
        };
        assert_eq!(Lang::Zh.breakdown(&figures), None);
        figures.bonus = 3.0;
        figures.penalties = 2.0;
        assert_eq!(
            Lang::Zh.breakdown(&figures).as_deref(),
            Some("基础分 95.5 + 加分 3 - 负面清单 2")
        );
    }
}
