//! Words of `import`, `bundle`, `conflicts` and `resolve`.

use super::Lang;

/// Labels for the several-inspectors commands.
pub struct ImportTexts {
    pub added: &'static str,
    pub merged: &'static str,
    pub unchanged: &'static str,
    pub restored: &'static str,
    pub deleted_here: &'static str,
    pub skipped: &'static str,
    pub deleted_there: &'static str,
    pub ignored: &'static str,
    pub problem: &'static str,
    pub items_taken: &'static str,
    pub conflicts: &'static str,
    pub review_hint: &'static str,
    pub restore_hint: &'static str,
    pub nothing: &'static str,
    pub no_conflicts: &'static str,
    pub current: &'static str,
    pub other: &'static str,
    pub resolve_hint: &'static str,
    pub bundled: &'static str,
    /// after a count: attachments copied in (import) or packed (bundle), each checked
    pub attachments: &'static str,
    pub left_out: &'static str,
    pub resolved: &'static str,
    pub cleared: &'static str,
    pub header_conflict: &'static str,
}

pub const ZH: ImportTexts = ImportTexts {
    added: "新增",
    merged: "合并",
    unchanged: "无变化",
    restored: "已恢复",
    deleted_here: "本机已删除，跳过",
    skipped: "未导入",
    deleted_there: "对方已删除，本机保留",
    ignored: "忽略（不是检查记录文件，未改动）",
    problem: "无法读取",
    items_taken: "条来自导入",
    conflicts: "冲突",
    review_hint: "条记录有冲突待处理：zicha conflicts 查看，zicha resolve 处理",
    restore_hint: "条记录在本机回收站中；确需恢复请加 --restore",
    nothing: "没有可导入的检查记录。",
    no_conflicts: "没有冲突。",
    current: "当前",
    other: "另一版本",
    resolve_hint: "处理：zicha resolve 记录 编号 --mine | --theirs [N] | --both",
    bundled: "已打包",
    attachments: "个附件（已核对哈希）",
    left_out: "未打包",
    resolved: "冲突已处理",
    cleared: "（清除）",
    header_conflict: "表头（轮次、日期、部门、检查人、完成）两边都改过；未采用的一版另存于",
};

pub const EN: ImportTexts = ImportTexts {
    added: "added",
    merged: "merged",
    unchanged: "unchanged",
    restored: "restored",
    deleted_here: "deleted here, skipped",
    skipped: "not imported",
    deleted_there: "deleted there, kept here",
    ignored: "ignored (not a session file; left alone)",
    problem: "unreadable",
    items_taken: "items taken",
    conflicts: "conflicts",
    review_hint: "session(s) have conflicts to review: `zicha conflicts`, then `zicha resolve`",
    restore_hint: "session(s) are in this folder's trash; add --restore to bring them back",
    nothing: "Nothing to import.",
    no_conflicts: "No conflicts.",
    current: "current",
    other: "other",
    resolve_hint: "resolve: zicha resolve SESSION CODE --mine | --theirs [N] | --both",
    bundled: "bundled",
    attachments: "attachments (hash checked)",
    left_out: "left out",
    resolved: "conflict resolved",
    cleared: "(cleared)",
    header_conflict: "the header (round, date, department, inspector, finished) changed on both sides; the version not kept is in",
};

pub fn texts(lang: Lang) -> &'static ImportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
