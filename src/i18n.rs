//! All user-facing UI text, in Chinese (default) and English.

use crate::model::session::Status;

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

    pub fn status(self, status: Status) -> &'static str {
        match self {
            Lang::Zh => status.zh(),
            Lang::En => match status {
                Status::Pending => "pending",
                Status::Pass => "pass",
                Status::Partial => "partial",
                Status::Fail => "fail",
                Status::Na => "n/a",
            },
        }
    }
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
    pub unreadable_sessions: &'static str,
    pub ignored_files: &'static str,
    pub recovery_files: &'static str,
    pub builtin: &'static str,
    pub user_file: &'static str,
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
    no_sessions: "还没有检查记录。用 zicha new 新建,或 zicha demo 生成示例数据。",
    unreadable_sessions: "无法读取的检查记录(文件保持原样,请修复):",
    ignored_files: "sessions/ 中非检查记录的文件(已忽略,未删除):",
    recovery_files: "recovery/ 中有应急保存的文件:",
    builtin: "内置",
    user_file: "用户",
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
    unreadable_sessions: "Unreadable sessions (files left as they are; please repair):",
    ignored_files: "Files in sessions/ that are not sessions (ignored, not deleted):",
    recovery_files: "Emergency copies in recovery/:",
    builtin: "built-in",
    user_file: "user",
};
