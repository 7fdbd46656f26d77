//! The stable `--json` shapes (field names in English). See README "JSON output".

use std::collections::BTreeSet;

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::head::SessionHead;
use crate::model::rate::SurveyedRate;
use crate::model::scoring::{
    Figures, Summary, applied_deductions, item_score, points_lost, summarize,
};
use crate::model::session::Session;

/// Rounds to two decimals so outputs are stable across float noise.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionSummary {
    pub id: String,
    pub round: String,
    pub date: String,
    pub department: String,
    pub inspector: String,
    pub checklist: String,
    pub checklist_version: u32,
    pub checklist_title: String,
    /// `department` or `unit`.
    pub scope: &'static str,
    pub score: f64,
    /// What the checked base items earned, bonus items added and 负面清单 items took.
    pub base: f64,
    pub bonus: f64,
    pub penalties: f64,
    pub max: f64,
    pub percent: Option<f64>,
    pub deducted: f64,
    pub checked: usize,
    pub total: usize,
    pub veto: Vec<String>,
    pub disqualified: bool,
    /// The grade, once no base or veto item is pending; null before that.
    pub grade: Option<String>,
    /// While base or veto items are pending: the grade the current percent would get.
    pub provisional_grade: Option<String>,
    /// `veto`, `disqualified`, `in_progress`, `graded` or `none` (docs/design.md §4).
    pub verdict: &'static str,
    /// The one verdict as shown (一票否决, 取消评优资格, 检查中, the grade), in `--lang`.
    pub verdict_text: Option<String>,
    pub problems: usize,
    pub open_rectifications: usize,
    pub finished: bool,
    pub seq: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemJson {
    pub code: String,
    pub title: String,
    pub section: String,
    pub status: String,
    pub note: String,
    pub score: Option<f64>,
    pub points: f64,
    pub bonus: bool,
    pub veto: bool,
    /// A 负面清单 item: its score is minus what it took.
    pub penalty: bool,
    /// The level label it was judged with, if any.
    pub level: Option<String>,
    /// The surveyed rate of a rate item, if given.
    pub rate: Option<RateJson>,
    pub deducted: f64,
    pub deductions: Vec<DeductionJson>,
    pub evidence: Vec<String>,
    /// Attached photos and documents (DESIGN §12), in the order attached.
    pub attachments: Vec<AttachmentJson>,
    pub rectification: Option<RectificationJson>,
    /// Needs 复查 (re-check): partial or fail in the prior session, or with a
    /// rectification still open there. `show --json` fills it in; false without a prior.
    pub recheck: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentJson {
    pub file: String,
    pub sha256: String,
    pub size: u64,
    /// ISO 8601: EXIF DateTimeOriginal as written, else the file's modification time.
    pub taken: String,
    pub caption: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeductionJson {
    pub reason: String,
    /// Points per occurrence.
    pub points: f64,
    /// Occurrences: 1 for a once-only deduction.
    pub count: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RateJson {
    pub numerator: Option<u32>,
    pub denominator: Option<u32>,
    pub percent: f64,
}

impl AttachmentJson {
    pub fn of(attachment: &crate::model::attachment::Attachment) -> AttachmentJson {
        AttachmentJson {
            file: attachment.file.clone(),
            sha256: attachment.sha256.clone(),
            size: attachment.size,
            taken: attachment.taken.clone(),
            caption: attachment.caption.clone(),
        }
    }
}

impl RateJson {
    pub fn of(rate: &SurveyedRate) -> RateJson {
        let (numerator, denominator) = match *rate {
            SurveyedRate::Fraction {
                numerator,
                denominator,
            } => (Some(numerator), Some(denominator)),
            SurveyedRate::Percent(_) => (None, None),
        };
        RateJson {
            numerator,
            denominator,
            percent: round2(rate.percent()),
        }
    }
}

pub use super::followup_json::RectificationJson;

#[derive(Debug, Clone, Serialize)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub summary: SessionSummary,
    pub items: Vec<ItemJson>,
}

pub fn session_summary(
    checklist: &Checklist,
    session: &Session,
    summary: &Summary,
    lang: Lang,
) -> SessionSummary {
    head_summary(
        &SessionHead::with_summary(session, checklist, summary),
        lang,
    )
}

/// The summary fields from a session's head (as the index keeps it).
pub fn head_summary(head: &SessionHead, lang: Lang) -> SessionSummary {
    let figures = Figures::from(head.figures);
    let verdict = head.summary().verdict();
    SessionSummary {
        id: head.id.to_string(),
        round: head.round.clone(),
        date: head.date.to_string(),
        department: head.department.clone(),
        inspector: head.inspector.clone(),
        checklist: head.checklist.id.clone(),
        checklist_version: head.checklist.version,
        checklist_title: head.checklist_title.clone(),
        scope: head.scope.as_str(),
        score: round2(figures.score),
        base: round2(figures.base),
        bonus: round2(figures.bonus),
        penalties: round2(figures.penalties),
        max: round2(figures.max),
        percent: figures.percent().map(round2),
        deducted: round2(figures.deducted),
        checked: figures.checked,
        total: figures.total,
        veto: head.veto.clone(),
        disqualified: head.disqualified,
        grade: head.grade.clone(),
        provisional_grade: head.provisional_grade.clone(),
        verdict: verdict.code(),
        verdict_text: lang.verdict(&verdict).map(str::to_string),
        problems: head.problems,
        open_rectifications: head.open_rectifications,
        finished: head.finished,
        seq: head.seq,
    }
}

impl SessionDetail {
    /// Sets each item's `recheck` from the codes that need 复查
    /// (`model::recheck::recheck_codes`).
    pub fn mark_recheck(&mut self, codes: &BTreeSet<String>) {
        for item in &mut self.items {
            item.recheck = codes.contains(&item.code);
        }
    }

    /// Rectifications as they stand once later walks' re-checks are counted
    /// (`ops::followup::followed_rectifications`), by item code.
    pub fn follow_rectifications(
        &mut self,
        followed: &std::collections::BTreeMap<String, crate::model::session::Rectification>,
    ) {
        for item in &mut self.items {
            if let Some(rect) = followed.get(&item.code) {
                item.rectification = Some(RectificationJson::of(rect));
            }
        }
        self.summary.open_rectifications = self
            .items
            .iter()
            .filter(|item| item.rectification.as_ref().is_some_and(|r| !r.closed))
            .count();
    }
}

/// A session with its items; a department session leaves out the items judged for
/// the whole unit.
pub fn session_detail(checklist: &Checklist, session: &Session, lang: Lang) -> SessionDetail {
    let summary = summarize(checklist, session);
    let mut items = Vec::new();
    for section in &checklist.sections {
        for item in section.all_items() {
            if !item.in_scope(session.scope) {
                continue;
            }
            let response = session.response(&item.code);
            let score = item_score(&checklist.rules, item, response);
            let deductions: Vec<DeductionJson> = response
                .map(|r| applied_deductions(item, r))
                .unwrap_or_default()
                .into_iter()
                .map(|applied| DeductionJson {
                    reason: applied.reason.to_string(),
                    points: round2(applied.points),
                    count: applied.count,
                })
                .collect();
            items.push(ItemJson {
                code: item.code.clone(),
                title: item.title.clone(),
                section: section.code.clone(),
                status: session.status(&item.code).as_str().to_string(),
                note: response.map(|r| r.note.clone()).unwrap_or_default(),
                score: score.map(round2),
                points: item.points,
                bonus: item.bonus,
                veto: item.veto,
                penalty: item.penalty,
                level: response.and_then(|r| r.level.clone()),
                rate: response.and_then(|r| r.rate.as_ref()).map(RateJson::of),
                deducted: round2(points_lost(item, score)),
                deductions,
                evidence: response.map(|r| r.evidence.clone()).unwrap_or_default(),
                attachments: response
                    .map(|r| r.attachments.iter().map(AttachmentJson::of).collect())
                    .unwrap_or_default(),
                rectification: response
                    .and_then(|r| r.rectification.as_ref())
                    .map(RectificationJson::of),
                recheck: false,
            });
        }
    }
    SessionDetail {
        summary: session_summary(checklist, session, &summary, lang),
        items,
    }
}

/// JSON text that is safe on a terminal: characters that could drive it are
/// written as `\uXXXX` escapes, which keeps the data exact.
pub fn to_safe_json<T: Serialize>(value: &T) -> String {
    let text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::model::text::is_unsafe_char(c) {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_but_kept() {
        let text = to_safe_json(&vec!["a\u{1b}[31m\u{202e}b\u{85}"]);
        assert!(!text.chars().any(crate::model::text::is_unsafe_char));
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{1b}[31m\u{202e}b\u{85}"]);
    }
}
