//! Words for scoring as real evaluation tables write it (docs/design.md §4): how a
//! veto, bonus or 负面清单 item's status reads, levels, counts, scope, and the total
//! split into base, bonus and penalties. Shared by the command line and the UI, so
//! only characters of unambiguous width.

use super::Lang;
use crate::model::checklist::{Item, Scope};
use crate::model::judgement::UnknownJudgement;
use crate::model::scoring::{Figures, format_points};
use crate::model::session::Status;

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
    /// After 检查中: the grade the current percent would get.
    pub provisional: fn(&str) -> String,
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
};

pub static EN: ScoringTexts = ScoringTexts {
    not_present: "not present",
    present: "present",
    bonus_earned: "earned",
    bonus_not_earned: "not earned",
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
