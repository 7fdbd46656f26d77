//! Words of `compare` and `ledger`, for the CLI and the UI.

use super::Lang;
use crate::model::compare::Class;

/// Labels for the compare and ledger views, shared with the UI.
pub struct RoundTexts {
    pub compare: &'static str,
    pub prior: &'static str,
    pub current: &'static str,
    pub change: &'static str,
    pub code: &'static str,
    pub item: &'static str,
    pub class: &'static str,
    pub status: &'static str,
    pub delta: &'static str,
    pub renamed_from: &'static str,
    pub overdue: &'static str,
    pub rounds_open: &'static str,
    pub no_open_rectifications: &'static str,
    pub no_rectifications: &'static str,
    pub rectification_closed: &'static str,
    /// After the score change: that items still unchecked are not counted in it.
    pub unchecked_left_out: fn(usize) -> String,
    /// Enter on a removed item in the compare screen.
    pub removed_item: &'static str,
}

pub const ZH: RoundTexts = RoundTexts {
    compare: "对比",
    prior: "上轮",
    current: "本轮",
    change: "变化",
    code: "编号",
    item: "条目",
    class: "类别",
    status: "状态",
    delta: "分差",
    renamed_from: "原",
    overdue: "逾期",
    rounds_open: "未完成轮数",
    no_open_rectifications: "没有未完成的整改。",
    no_rectifications: "没有整改记录。",
    rectification_closed: "整改已完成",
    unchecked_left_out: |count| format!("（不计未查的 {count} 项）"),
    removed_item: "这一条目不在本轮的检查表中，无法打开。",
};

pub const EN: RoundTexts = RoundTexts {
    compare: "Compare",
    prior: "Prior",
    current: "Current",
    change: "Change",
    code: "Code",
    item: "Item",
    class: "Class",
    status: "Status",
    delta: "Delta",
    renamed_from: "was ",
    overdue: "OVERDUE",
    rounds_open: "Rounds open",
    no_open_rectifications: "No open rectifications.",
    no_rectifications: "No rectifications.",
    rectification_closed: "rectification closed",
    unchecked_left_out: |count| format!(" ({count} unchecked not counted)"),
    removed_item: "This item is not in this round's checklist; there is nothing to open.",
};

pub fn texts(lang: Lang) -> &'static RoundTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The word for how an item moved between rounds.
pub fn class_label(class: Class, lang: Lang) -> &'static str {
    match (lang, class) {
        (Lang::Zh, Class::Improved) => "改善",
        (Lang::Zh, Class::Regressed) => "退步",
        (Lang::Zh, Class::Unchanged) => "未变",
        (Lang::Zh, Class::Changed) => "变动",
        (Lang::Zh, Class::NewlyChecked) => "新查",
        (Lang::Zh, Class::Added) => "新增",
        (Lang::Zh, Class::Removed) => "删除",
        (Lang::Zh, Class::Unchecked) => "未查",
        (Lang::En, Class::Improved) => "improved",
        (Lang::En, Class::Regressed) => "regressed",
        (Lang::En, Class::Unchanged) => "unchanged",
        (Lang::En, Class::Changed) => "changed",
        (Lang::En, Class::NewlyChecked) => "newly checked",
        (Lang::En, Class::Added) => "added",
        (Lang::En, Class::Removed) => "removed",
        (Lang::En, Class::Unchecked) => "unchecked",
    }
}
