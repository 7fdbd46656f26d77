//! Plain-text output of `import`, `bundle`, `conflicts` and `resolve`.

use crate::i18n::Lang;
use crate::i18n::import::texts as import_texts;
use crate::model::checklist::Checklist;
use crate::model::merge::ItemConflict;
use crate::model::session::{Response, Session};
use crate::model::text::sanitize_line;
use crate::store::bundle::BundleReport;
use crate::store::import::{ImportOutcome, ImportReport, ImportedSession};

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
    for imported in &report.outside {
        let mut line = format!(
            "{}  {}  {} · {}",
            outcome_label(&imported.outcome, lang),
            crate::model::problem::label(imported.id),
            sanitize_line(&imported.department),
            sanitize_line(&imported.title)
        );
        if let ImportOutcome::Skipped(why) = &imported.outcome {
            line.push_str(&format!(": {}", sanitize_line(why)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&records_lines(report, lang));
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
    if report.sessions.is_empty() && report.outside.is_empty() {
        if !report.activities.is_empty() || report.unit.is_some() {
            return out;
        }
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
    if report.attachments() > 0 {
        out.push_str(&format!("{} {}\n", report.attachments(), t.attachments));
    }
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

/// One line per activity of the 台账 and one for the unit profile, if any came.
fn records_lines(report: &ImportReport, lang: Lang) -> String {
    let word = lang.deadlines().activity;
    let mut out = String::new();
    for imported in &report.activities {
        out.push_str(&format!(
            "{}  {}  {word} {} · {}",
            outcome_label(&imported.outcome, lang),
            imported.id,
            sanitize_line(&imported.title),
            imported.date
        ));
        if let ImportOutcome::Skipped(why) = &imported.outcome {
            out.push_str(&format!(": {}", sanitize_line(why)));
        }
        out.push('\n');
    }
    if let Some(outcome) = &report.unit {
        out.push_str(&format!("{}  unit.ron", outcome_label(outcome, lang)));
        if let ImportOutcome::Skipped(why) = outcome {
            out.push_str(&format!(": {}", sanitize_line(why)));
        }
        out.push('\n');
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
    if report.problems > 0 {
        let problem = crate::i18n::followup::texts(lang).problem;
        out.push_str(&format!("  {problem} {}\n", report.problems));
    }
    for checklist in &report.checklists {
        out.push_str(&format!("  {}\n", sanitize_line(checklist)));
    }
    if report.attachments > 0 {
        out.push_str(&format!("  {} {}\n", report.attachments, t.attachments));
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
        assert_eq!(version_line(None, Lang::Zh), "（清除）");
    }
}
