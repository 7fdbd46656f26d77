//! Plain-text output of `import`, `bundle`, `conflicts` and `resolve`.

use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::merge::ItemConflict;
use crate::model::session::{Response, Session};
use crate::model::text::sanitize_line;
use crate::store::bundle::BundleReport;
use crate::store::import::{ImportOutcome, ImportReport, ImportedSession};

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
    deleted_here: "本机已删除,跳过",
    skipped: "未导入",
    deleted_there: "对方已删除,本机保留",
    ignored: "忽略(不是检查记录文件,未改动)",
    problem: "无法读取",
    items_taken: "条来自导入",
    conflicts: "冲突",
    review_hint: "条记录有冲突待处理:zicha conflicts 查看,zicha resolve 处理",
    restore_hint: "条记录在本机回收站中;确需恢复请加 --restore",
    nothing: "没有可导入的检查记录。",
    no_conflicts: "没有冲突。",
    current: "当前",
    other: "另一版本",
    resolve_hint: "处理:zicha resolve 记录 编号 --mine | --theirs [N] | --both",
    bundled: "已打包",
    left_out: "未打包",
    resolved: "冲突已处理",
    cleared: "(清除)",
    header_conflict: "表头(轮次、日期、部门、检查人、完成)两边都改过;未采用的一版另存于",
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
    left_out: "left out",
    resolved: "conflict resolved",
    cleared: "(cleared)",
    header_conflict: "the header (round, date, department, inspector, finished) changed on both sides; the version not kept is in",
};

pub fn import_texts(lang: Lang) -> &'static ImportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub fn outcome_label(outcome: &ImportOutcome, lang: Lang) -> &'static str {
    let t = import_texts(lang);
    match outcome {
        ImportOutcome::Added => t.added,
        ImportOutcome::Merged => t.merged,
        ImportOutcome::Unchanged => t.unchanged,
        ImportOutcome::Restored => t.restored,
        ImportOutcome::DeletedHere => t.deleted_here,
        ImportOutcome::Skipped(_) => t.skipped,
    }
}

fn session_line(imported: &ImportedSession, lang: Lang) -> String {
    let t = import_texts(lang);
    let mut line = format!(
        "{}  {}  {} · {} · {}",
        outcome_label(&imported.outcome, lang),
        imported.id,
        sanitize_line(&imported.department),
        sanitize_line(&imported.round),
        imported.date
    );
    if imported.outcome == ImportOutcome::Merged && !imported.taken.is_empty() {
        line.push_str(&format!(" · {} {}", imported.taken.len(), t.items_taken));
    }
    if !imported.conflicts.is_empty() {
        line.push_str(&format!(
            " · {}: {}",
            t.conflicts,
            sanitize_line(&imported.conflicts.join(", "))
        ));
    }
    if let ImportOutcome::Skipped(why) = &imported.outcome {
        line.push_str(&format!(": {}", sanitize_line(why)));
    }
    if let Some(conflict) = &imported.header_conflict {
        line.push_str(&format!(
            " · {} {}",
            t.header_conflict,
            sanitize_line(&conflict.copy.display().to_string())
        ));
    }
    line
}

/// One line per session, then what was left alone, then the totals.
pub fn import_report(report: &ImportReport, lang: Lang) -> String {
    let t = import_texts(lang);
    let mut out = String::new();
    for imported in &report.sessions {
        out.push_str(&session_line(imported, lang));
        out.push('\n');
    }
    for gone in &report.deleted_there {
        out.push_str(&format!(
            "{}  {}  ({})\n",
            t.deleted_there,
            gone.id,
            sanitize_line(&gone.source)
        ));
    }
    for path in &report.ignored {
        out.push_str(&format!("{}  {}\n", t.ignored, sanitize_line(path)));
    }
    for problem in &report.problems {
        out.push_str(&format!("{}  {}\n", t.problem, sanitize_line(problem)));
    }
    if report.sessions.is_empty() {
        out.push_str(t.nothing);
        out.push('\n');
        return out;
    }
    let counts: Vec<String> = [
        ("added", t.added),
        ("merged", t.merged),
        ("unchanged", t.unchanged),
        ("restored", t.restored),
        ("deleted_here", t.deleted_here),
        ("skipped", t.skipped),
    ]
    .into_iter()
    .map(|(key, label)| (report.count(key), label))
    .filter(|(count, _)| *count > 0)
    .map(|(count, label)| format!("{count} {label}"))
    .collect();
    out.push_str(&counts.join(", "));
    out.push('\n');
    let in_conflict = in_conflict(report);
    if in_conflict > 0 {
        out.push_str(&format!("{in_conflict} {}\n", t.review_hint));
    }
    let deleted_here = report.count("deleted_here");
    if deleted_here > 0 {
        out.push_str(&format!("{deleted_here} {}\n", t.restore_hint));
    }
    out
}

/// Sessions left with open conflicts.
pub fn in_conflict(report: &ImportReport) -> usize {
    let mut ids: Vec<_> = report
        .sessions
        .iter()
        .filter(|s| !s.conflicts.is_empty() && !matches!(s.outcome, ImportOutcome::Skipped(_)))
        .map(|s| s.id)
        .collect();
    ids.sort();
    ids.dedup();
    ids.len()
}

pub fn bundle_report(report: &BundleReport, path: &str, lang: Lang) -> String {
    let t = import_texts(lang);
    let mut out = format!(
        "{} {} → {}\n",
        t.bundled,
        report.sessions.len(),
        sanitize_line(path)
    );
    for checklist in &report.checklists {
        out.push_str(&format!("  {}\n", sanitize_line(checklist)));
    }
    out
}

/// A response in one line: status, note, who and when.
pub fn version_line(response: Option<&Response>, lang: Lang) -> String {
    let t = import_texts(lang);
    let Some(response) = response.filter(|r| !r.is_blank()) else {
        let who = response.map(who_when).unwrap_or_default();
        return format!("{}{who}", t.cleared);
    };
    let mut parts = vec![lang.status(response.status).to_string()];
    if !response.note.is_empty() {
        parts.push(format!("\"{}\"", sanitize_line(&response.note)));
    }
    if !response.evidence.is_empty() {
        parts.push(sanitize_line(&response.evidence.join(", ")));
    }
    format!("{}{}", parts.join(" · "), who_when(response))
}

fn who_when(response: &Response) -> String {
    let mut parts = Vec::new();
    if !response.by.is_empty() {
        parts.push(sanitize_line(&response.by));
    }
    if let Some(at) = response.at {
        parts.push(at.format("%Y-%m-%d %H:%M").to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(" "))
    }
}

/// A session's open conflicts, item by item; `others` numbered from 1 as `resolve` takes them.
pub fn session_conflicts(
    session: &Session,
    checklist: Option<&Checklist>,
    conflicts: &[ItemConflict<'_>],
    lang: Lang,
) -> String {
    let t = import_texts(lang);
    let mut out = format!(
        "{}  {} · {} · {}\n",
        session.id,
        sanitize_line(&session.department),
        sanitize_line(&session.round),
        session.date
    );
    for conflict in conflicts {
        let title = checklist
            .and_then(|c| c.item(conflict.code))
            .map(|item| format!(" {}", sanitize_line(&item.title)))
            .unwrap_or_default();
        out.push_str(&format!("  {}{title}\n", sanitize_line(conflict.code)));
        out.push_str(&format!(
            "    {}: {}\n",
            t.current,
            version_line(conflict.current, lang)
        ));
        for (index, other) in conflict.others.iter().enumerate() {
            out.push_str(&format!(
                "    {} {}: {}\n",
                t.other,
                index + 1,
                version_line(Some(other), lang)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::Status;

    #[test]
    fn versions_read_in_one_safe_line() {
        let response = Response {
            status: Status::Fail,
            note: "第一行\n\u{1b}[31m第二行".into(),
            by: "王敏".into(),
            ..Response::default()
        };
        let line = version_line(Some(&response), Lang::En);
        assert_eq!(line, "fail · \"第一行 [31m第二行\" (王敏)");
        assert_eq!(version_line(None, Lang::Zh), "(清除)");
    }
}
