//! The words of exported documents (md, csv, html, xlsx, docx). Documents are filed
//! and printed by Chinese offices, so they are written in Chinese whatever the UI
//! language; the words still live here, once, for every format.

use crate::model::session::Status;

pub struct ReportTexts {
    /// Column names of the per-item table (csv, xlsx 明细).
    pub item_columns: [&'static str; 16],
    pub veto: &'static str,
    pub disqualified: &'static str,
    pub bonus: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub done: &'static str,
    pub open: &'static str,
    pub overdue_open: &'static str,
    pub no_owner: &'static str,
}

pub const REPORT: ReportTexts = ReportTexts {
    item_columns: [
        "轮次",
        "日期",
        "部门",
        "检查表",
        "部分",
        "编号",
        "条目",
        "状态",
        "分值",
        "扣分",
        "得分",
        "备注",
        "责任人",
        "期限",
        "整改",
        "资料",
    ],
    veto: "一票否决",
    disqualified: "取消评优资格",
    bonus: "加分项",
    yes: "是",
    no: "否",
    done: "已完成",
    open: "未完成",
    overdue_open: "逾期未完成",
    no_owner: "未指定",
};

/// A status as documents write it.
pub fn status(status: Status) -> &'static str {
    super::Lang::Zh.status(status)
}
