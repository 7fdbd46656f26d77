//! The `--json` shape of `compare` (docs/design.md §6). Field names are stable.
//!
//! `compare --json`:
//! - `current`, `prior`: session ids;
//! - `current_summary`, `prior_summary`: the same summary objects as `list --json`;
//! - `score_delta` (points) and `percent_delta` (percent points, null when either
//!   side has no maximum);
//! - `counts`: items per class, every class present;
//! - `items`, current checklist order then removed items: `code` (current code; the
//!   prior code for a removed item), `renamed_from` (the prior code when it differs,
//!   else null), `title`, `prior` and `current` (status word, null where the item is
//!   absent from that side's checklist; an unanswered item is `"pending"`),
//!   `prior_score`, `current_score` (null when unscored), `delta` (current − prior
//!   score, unscored counting as 0; null for an unchecked item), `class` (improved,
//!   regressed, unchanged, changed, newly_checked, added, removed, unchecked).
//!
//! `score_delta` and `percent_delta` compare the two sessions over the items checked
//! in the current one (and removed items): unchecked items are left out until checked.
//!
//! `ledger --json`: see [`followup_json`](super::followup_json).

use serde::Serialize;

use super::json::{SessionSummary, round2, session_summary};
use crate::model::compare::{Class, Comparison, Inspection, ItemChange};

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonJson {
    pub current: String,
    pub prior: String,
    pub current_summary: SessionSummary,
    pub prior_summary: SessionSummary,
    pub score_delta: f64,
    pub percent_delta: Option<f64>,
    pub counts: CountsJson,
    pub items: Vec<ChangeJson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountsJson {
    pub improved: usize,
    pub regressed: usize,
    pub unchanged: usize,
    pub changed: usize,
    pub newly_checked: usize,
    pub added: usize,
    pub removed: usize,
    pub unchecked: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeJson {
    pub code: String,
    pub renamed_from: Option<String>,
    pub title: String,
    pub prior: Option<&'static str>,
    pub current: Option<&'static str>,
    pub prior_score: Option<f64>,
    pub current_score: Option<f64>,
    pub delta: Option<f64>,
    pub class: &'static str,
}

pub fn comparison(
    prior: Inspection<'_>,
    current: Inspection<'_>,
    comparison: &Comparison,
    lang: crate::i18n::Lang,
) -> ComparisonJson {
    let counts = &comparison.counts;
    ComparisonJson {
        current: comparison.current_id.to_string(),
        prior: comparison.prior_id.to_string(),
        current_summary: session_summary(
            current.checklist,
            current.session,
            &comparison.current,
            lang,
        ),
        prior_summary: session_summary(prior.checklist, prior.session, &comparison.prior, lang),
        score_delta: round2(comparison.score_delta()),
        percent_delta: comparison.percent_delta().map(round2),
        counts: CountsJson {
            improved: counts.get(Class::Improved),
            regressed: counts.get(Class::Regressed),
            unchanged: counts.get(Class::Unchanged),
            changed: counts.get(Class::Changed),
            newly_checked: counts.get(Class::NewlyChecked),
            added: counts.get(Class::Added),
            removed: counts.get(Class::Removed),
            unchecked: counts.get(Class::Unchecked),
        },
        items: comparison.items.iter().map(change).collect(),
    }
}

fn change(change: &ItemChange) -> ChangeJson {
    ChangeJson {
        code: change.code.clone(),
        renamed_from: change.renamed_from.clone(),
        title: change.title.clone(),
        prior: change.prior.map(|status| status.as_str()),
        current: change.current.map(|status| status.as_str()),
        prior_score: change.prior_score.map(round2),
        current_score: change.current_score.map(round2),
        delta: change.delta.map(round2),
        class: change.class.as_str(),
    }
}
