//! Words of the rectification loop (整改 → 复查 → 销号), problems from outside and
//! 责任分解 (docs/design.md §10, §11), for the CLI, the UI and documents.

use super::Lang;
use crate::model::session::{FollowUpState, RecheckResult};

pub struct FollowUpTexts {
    pub owner_department: &'static str,
    pub owner: &'static str,
    pub measure: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub done_note: &'static str,
    pub recheck: &'static str,
    pub recheck_note: &'static str,
    pub source: &'static str,
    pub problem: &'static str,
    pub title: &'static str,
    pub department: &'static str,
    pub date: &'static str,
    pub rounds_open: &'static str,
    pub closed_by: &'static str,
    /// "by hand" as opposed to a walk.
    pub by_hand: &'static str,
    /// By a later session's walk.
    pub by_walk: &'static str,
    /// A re-check implied by an older file.
    pub implied: &'static str,
    pub no_open: &'static str,
    pub none: &'static str,
    // 责任分解
    pub duties_title: &'static str,
    pub lead_department: &'static str,
    pub led_items: &'static str,
    pub lost: &'static str,
    pub open_rectifications: &'static str,
    pub disqualified: &'static str,
    pub no_duties: &'static str,
    pub session: &'static str,
    pub code: &'static str,
    // The walk
    pub last_round: &'static str,
    pub filter_rectified: &'static str,
    /// Short labels of the walk's detail pane (two characters in Chinese).
    pub label_measure: &'static str,
    pub label_done: &'static str,
    pub label_recheck: &'static str,
    pub mark_pass_closes: &'static str,
    pub now_closed: &'static str,
    pub now_failed: &'static str,
    // The ledger screen
    pub already_closed: &'static str,
    pub problem_has_no_item: &'static str,
    pub department_needed: &'static str,
    /// Marking done a rectification with nothing in it.
    pub rectification_needed: &'static str,
    pub title_needed: &'static str,
    // Command line
    pub problem_added: &'static str,
    pub rechecks_left_out: &'static str,
    pub problems_unreadable: &'static str,
}

pub const ZH: FollowUpTexts = FollowUpTexts {
    owner_department: "责任科室",
    owner: "责任人",
    measure: "整改措施",
    due: "整改时限",
    done: "整改落实",
    done_note: "落实情况",
    recheck: "复查",
    recheck_note: "复查意见",
    source: "来源",
    problem: "问题",
    title: "问题",
    department: "部门",
    date: "日期",
    rounds_open: "未完成轮数",
    closed_by: "销号",
    by_hand: "人工复查",
    by_walk: "后续检查复查",
    implied: "旧记录视同复查通过",
    no_open: "没有未完成的整改。",
    none: "无",
    duties_title: "责任分解",
    lead_department: "牵头科室",
    led_items: "牵头条目",
    lost: "失分",
    open_rectifications: "待整改",
    disqualified: "取消评优资格",
    no_duties: "本轮没有牵头科室：检查表条目未填写责任部门（owners）。",
    session: "检查记录",
    code: "编号",
    last_round: "上轮整改",
    filter_rectified: "整改复查",
    label_measure: "措施",
    label_done: "落实",
    label_recheck: "复查",
    mark_pass_closes: "本轮评为达标即复查通过并销号",
    now_closed: "本轮达标：复查通过，已销号",
    now_failed: "本轮未评为达标：复查未通过，仍需整改",
    already_closed: "这项整改已复查销号。",
    problem_has_no_item: "这是外来问题，没有检查条目可打开；详情见下方。",
    department_needed: "请填写部门",
    rectification_needed: "请先填写责任科室、责任人、整改措施或整改时限",
    title_needed: "请填写问题",
    problem_added: "已登记问题",
    rechecks_left_out: "未计入后续检查的复查",
    problems_unreadable: "无法读取的问题文件（保持原样，请修复）：",
};

pub const EN: FollowUpTexts = FollowUpTexts {
    owner_department: "Owner dept",
    owner: "Owner",
    measure: "Measure",
    due: "Due",
    done: "Done",
    done_note: "Done note",
    recheck: "Re-check",
    recheck_note: "Re-check note",
    source: "Source",
    problem: "Problem",
    title: "Problem",
    department: "Department",
    date: "Date",
    rounds_open: "Rounds open",
    closed_by: "Closed",
    by_hand: "by hand",
    by_walk: "by a later walk",
    implied: "older record, counted as re-checked",
    no_open: "No open rectifications.",
    none: "none",
    duties_title: "Responsibilities",
    lead_department: "Lead department",
    led_items: "Items led",
    lost: "Lost",
    open_rectifications: "Open fixes",
    disqualified: "disqualified from awards",
    no_duties: "No lead departments in this round: the checklist items name no owners.",
    session: "Session",
    code: "Code",
    last_round: "Last round's fix",
    filter_rectified: "rectifications",
    label_measure: "Measure",
    label_done: "Done",
    label_recheck: "Re-check",
    mark_pass_closes: "marking it pass this round re-checks and closes it",
    now_closed: "pass this round: re-checked, closed",
    now_failed: "not passed this round: re-check failed, still open",
    already_closed: "This rectification is already closed.",
    problem_has_no_item: "A problem from outside has no item to open; its details are below.",
    department_needed: "Give the department",
    rectification_needed: "Give an owner department, owner, measure or due date first",
    title_needed: "Give the problem",
    problem_added: "problem recorded",
    rechecks_left_out: "re-checks by later sessions left out",
    problems_unreadable: "Unreadable problem files (left as they are; please repair):",
};

pub fn texts(lang: Lang) -> &'static FollowUpTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Where a rectification stands, in words.
pub fn state(lang: Lang, state: FollowUpState) -> &'static str {
    match (lang, state) {
        (Lang::Zh, FollowUpState::Open) => "未落实",
        (Lang::Zh, FollowUpState::Done) => "待复查",
        (Lang::Zh, FollowUpState::Failed) => "复查未通过",
        (Lang::Zh, FollowUpState::Closed) => "已销号",
        (Lang::En, FollowUpState::Open) => "open",
        (Lang::En, FollowUpState::Done) => "to re-check",
        (Lang::En, FollowUpState::Failed) => "re-check failed",
        (Lang::En, FollowUpState::Closed) => "closed",
    }
}

/// A re-check's outcome, in words.
pub fn result(lang: Lang, result: RecheckResult) -> &'static str {
    match (lang, result) {
        (Lang::Zh, RecheckResult::Pass) => "通过",
        (Lang::Zh, RecheckResult::Fail) => "未通过",
        (Lang::En, RecheckResult::Pass) => "passed",
        (Lang::En, RecheckResult::Fail) => "failed",
    }
}

/// What `rectify` / `recheck` print after recording: "1.2 待复查 / 李明 / <time>".
pub fn recorded(lang: Lang, label: &str, state_now: FollowUpState, by: &str, at: &str) -> String {
    let by = if by.trim().is_empty() {
        String::new()
    } else {
        format!(" / {by}")
    };
    format!("{label} {}{by} / {at}", state(lang, state_now))
}

/// Who closed a rectification, when and through which re-check:
/// "销号 2026-11-15 赵强 / 2026年11月自查" (a walk), "… / 人工复查" (by hand).
pub fn closed_text(
    lang: Lang,
    closing: &crate::model::session::Recheck,
    walk_round: Option<&str>,
) -> String {
    let t = texts(lang);
    let how = match (closing.implied, walk_round, closing.session) {
        (true, _, _) => t.implied,
        (false, Some(round), _) => round,
        (false, None, Some(_)) => t.by_walk,
        (false, None, None) => t.by_hand,
    };
    let by = if closing.by.trim().is_empty() {
        ""
    } else {
        closing.by.as_str()
    };
    format!(
        "{} {} {by} / {how}",
        t.closed_by,
        closing.at.format("%Y-%m-%d")
    )
    .replace("  ", " ")
}

/// The walk's line about an earlier round's rectification and what this round's mark
/// does to it: "上轮整改 办公室 / 李明(2026年10月自查):未落实；本轮评为达标即复查通过并销号".
pub fn open_before_text(
    lang: Lang,
    summary: &str,
    round: &str,
    state_now: &str,
    mark: &str,
) -> String {
    let t = texts(lang);
    match lang {
        Lang::Zh => format!("{} {summary}({round}):{state_now}；{mark}", t.last_round),
        Lang::En => format!("{} {summary} ({round}): {state_now}; {mark}", t.last_round),
    }
}
