//! Every word zicha says to people, in Chinese (the default) and English, checked by
//! the compiler: each area has a `Texts`-like struct with a `ZH` and an `EN` value
//! (a field missing in either is error E0063), words that depend on an enum come
//! from an exhaustive `match` (a new variant does not compile without them), and
//! text with parameters is a function. Nothing here depends on the terminal UI.
//!
//! | module | whose words |
//! |---|---|
//! | this one | languages, status words, the CLI's listing words |
//! | [`cli`] | the command line's own messages and progress labels |
//! | [`commands`] | every key command's hint and help |
//! | [`ui`] | the terminal UI |
//! | [`errors`] | every error, per variant |
//! | [`rounds`], [`import`] | compare, ledger, import and bundle output |
//! | [`table_import`] | `checklists import` and `checklists form`: the report, warnings, errors |
//! | [`report`] | the words in exported documents |
//! | [`scoring`] | veto, bonus and 负面清单 words, levels, counts, scope, the total's parts |
//! | [`followup`] | the rectification loop, problems from outside, 责任分解 |

pub mod board;
pub mod cli;
pub mod commands;
pub mod deadlines;
pub mod errors;
pub mod followup;
pub mod import;
pub mod package;
pub mod report;
mod report_en;
mod report_zh;
pub mod rounds;
pub mod scoring;
pub mod table_import;
pub mod ui;
mod ui_en;

#[cfg(test)]
mod punctuation_tests;

pub use cli::CliTexts;
pub use commands::CommandText;
pub use import::ImportTexts;
pub use rounds::RoundTexts;
pub use ui::UiTexts;

use crate::command::Command;
use crate::model::scoring::{Figures, format_points};
use crate::model::session::Status;
use crate::model::verdict::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`/`cn`/`zh-CN`… → Chinese, `en…` → English.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("zh") || lower == "cn" {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The word for a status: 未查 / pending, 达标 / pass…
    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::Zh, Status::Pending) => "未查",
            (Lang::Zh, Status::Pass) => "达标",
            (Lang::Zh, Status::Partial) => "基本达标",
            (Lang::Zh, Status::Fail) => "未达标",
            (Lang::Zh, Status::Na) => "不适用",
            (Lang::En, Status::Pending) => "pending",
            (Lang::En, Status::Pass) => "pass",
            (Lang::En, Status::Partial) => "partial",
            (Lang::En, Status::Fail) => "fail",
            (Lang::En, Status::Na) => "n/a",
        }
    }

    /// A session's one verdict in full (一票否决, 取消评优资格, 检查中, or the grade's
    /// label); `None` when there is nothing to say.
    pub fn verdict(self, verdict: &Verdict) -> Option<&str> {
        match (self, verdict) {
            (Lang::Zh, Verdict::Veto) => Some(ZH.veto),
            (Lang::Zh, Verdict::Disqualified) => Some(ZH.disqualified),
            (Lang::Zh, Verdict::InProgress) => Some("检查中"),
            (Lang::En, Verdict::Veto) => Some("vetoed"),
            (Lang::En, Verdict::Disqualified) => Some("disqualified from awards"),
            (Lang::En, Verdict::InProgress) => Some("in progress"),
            (_, Verdict::Graded(label)) => Some(label),
            (_, Verdict::None) => None,
        }
    }

    /// A command's hint and help.
    pub fn command(self, command: Command) -> CommandText {
        commands::command_text(self, command)
    }

    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// "已查 5/8  得分 10/20 (50.0%)  扣分 6": a session's figures on one line
    /// (`percent` as the caller shows it: the CLI and the UI mark "none" apart).
    pub fn figures_line(self, figures: &Figures, percent: &str) -> String {
        let t = self.texts();
        format!(
            "{} {}/{}  {} {}/{} ({percent})  {} {}",
            t.progress,
            figures.checked,
            figures.total,
            t.score,
            format_points(figures.score),
            format_points(figures.max),
            t.deducted,
            format_points(figures.deducted),
        )
    }
}

/// Compare and ledger words.
pub fn rounds(lang: Lang) -> &'static RoundTexts {
    rounds::texts(lang)
}

pub struct Texts {
    pub date: &'static str,
    pub round: &'static str,
    pub department: &'static str,
    pub checklist: &'static str,
    pub inspector: &'static str,
    pub progress: &'static str,
    pub score: &'static str,
    pub deducted: &'static str,
    pub verdict: &'static str,
    pub grade: &'static str,
    pub veto: &'static str,
    pub disqualified: &'static str,
    pub finished: &'static str,
    pub open_rectifications: &'static str,
    pub problems: &'static str,
    pub note: &'static str,
    pub rectification: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub not_done: &'static str,
    pub evidence: &'static str,
    pub items: &'static str,
    pub points: &'static str,
    pub bonus: &'static str,
    pub no_sessions: &'static str,
    pub no_matching_sessions: &'static str,
    pub unreadable_sessions: &'static str,
    pub ignored_files: &'static str,
    pub recovery_files: &'static str,
    pub builtin: &'static str,
    pub user_file: &'static str,
    pub archived: &'static str,
}

pub const ZH: Texts = Texts {
    date: "日期",
    round: "轮次",
    department: "部门",
    checklist: "检查表",
    inspector: "检查人",
    progress: "已查",
    score: "得分",
    deducted: "扣分",
    verdict: "判定",
    grade: "等级",
    veto: "一票否决",
    disqualified: "取消评优资格",
    finished: "已完成",
    open_rectifications: "待整改",
    problems: "问题",
    note: "备注",
    rectification: "整改",
    owner: "责任人",
    due: "期限",
    done: "已完成",
    not_done: "未完成",
    evidence: "资料",
    items: "条目",
    points: "分值",
    bonus: "加分项",
    no_sessions: "还没有检查记录。用 zicha new 新建，或 zicha demo 生成示例数据。",
    no_matching_sessions: "没有符合条件的检查记录。",
    unreadable_sessions: "无法读取的检查记录（文件保持原样，请修复）：",
    ignored_files: "sessions/ 中非检查记录的文件（已忽略，未删除）：",
    recovery_files: "recovery/ 中有应急保存的文件：",
    builtin: "内置",
    user_file: "用户",
    archived: "导入（存档）",
};

pub const EN: Texts = Texts {
    date: "Date",
    round: "Round",
    department: "Department",
    checklist: "Checklist",
    inspector: "Inspector",
    progress: "Checked",
    score: "Score",
    deducted: "Deducted",
    verdict: "Verdict",
    grade: "Grade",
    veto: "VETO",
    disqualified: "disqualified",
    finished: "finished",
    open_rectifications: "Open fixes",
    problems: "Problems",
    note: "Note",
    rectification: "Rectification",
    owner: "Owner",
    due: "Due",
    done: "done",
    not_done: "open",
    evidence: "Evidence",
    items: "Items",
    points: "Points",
    bonus: "bonus",
    no_sessions: "No sessions yet. Create one with `zicha new`, or try `zicha demo` for sample data.",
    no_matching_sessions: "No sessions match.",
    unreadable_sessions: "Unreadable sessions (files left as they are; please repair):",
    ignored_files: "Files in sessions/ that are not sessions (ignored, not deleted):",
    recovery_files: "Emergency copies in recovery/:",
    builtin: "built-in",
    user_file: "user",
    archived: "imported (archive)",
};
