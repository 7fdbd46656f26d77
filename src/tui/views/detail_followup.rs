//! The item detail's follow-up fields: the prior round, problems still open from
//! before, conflicts from a merge, and this round's rectification.

use ratatui::style::Style;
use ratatui::text::Line;

use super::super::app::{App, WalkState};
use super::super::keymap::Command;
use super::detail_fields::field;
use crate::i18n::followup::{closed_text, open_before_text, result, state, texts};
use crate::model::checklist::Item;
use crate::model::followup::closes_now;
use crate::model::ledger::is_overdue;
use crate::model::session::{FollowUpState, RecheckResult, Rectification, Response};

/// Last round's answer to this item, and earlier rounds' rectifications still open
/// with what this round's mark does to them (复查).
pub(super) fn prior_field(
    app: &App,
    walk: &WalkState,
    item: &Item,
    width: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let mut lines = Vec::new();
    if let Some(prior) = walk.prior.items.get(&item.code) {
        let date = walk.prior.date.map(|d| d.to_string()).unwrap_or_default();
        let mut text = format!("{} / {date}", app.lang.item_status(item, prior.status));
        if !prior.note.is_empty() {
            text.push_str(&format!(" / {}", prior.note));
        }
        lines.extend(field(
            app,
            t.prior,
            &text,
            width,
            app.theme.status(prior.status),
        ));
    }
    let status = walk.session().status(&item.code);
    for open in walk.prior.open_before.get(&item.code).into_iter().flatten() {
        lines.extend(open_before_field(app, open, status, width));
    }
    lines
}

/// "上轮整改 办公室 / 李明 / 2026-11-01 / 待复查;本轮评为达标即复查通过并销号"
fn open_before_field(
    app: &App,
    open: &crate::model::recheck::OpenBefore,
    status: crate::model::session::Status,
    width: usize,
) -> Vec<Line<'static>> {
    let f = texts(app.lang);
    let rect = &open.rectification;
    let (now, style) = match closes_now(status) {
        Some(RecheckResult::Pass) => (f.now_closed, app.theme.ok()),
        Some(RecheckResult::Fail) => (f.now_failed, app.theme.warning()),
        None => (f.mark_pass_closes, Style::new()),
    };
    let text = open_before_text(
        app.lang,
        &rectification_summary(app, rect),
        &open.round,
        state(app.lang, rect.state()),
        now,
    );
    field(app, f.label_recheck, &text, width, style)
}

/// "办公室 / 李明 / 2026-12-01": who answers for it and by when.
fn rectification_summary(app: &App, rect: &Rectification) -> String {
    let f = texts(app.lang);
    let mut parts: Vec<String> = [rect.owner_department.as_str(), rect.owner.as_str()]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .map(str::to_string)
        .collect();
    if let Some(due) = rect.due {
        parts.push(format!("{} {due}", f.due));
    }
    parts.join(" / ")
}

pub(super) fn conflict_field(
    app: &App,
    walk: &WalkState,
    item: &Item,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(versions) = walk
        .session()
        .conflicts
        .get(&item.code)
        .filter(|v| !v.is_empty())
    else {
        return Vec::new();
    };
    let text = format!(
        "{} ({})  {}",
        versions.len(),
        app.lang.command(Command::ReviewConflicts).hint,
        app.keys.review_conflicts
    );
    let t = app.lang.ui();
    field(app, t.conflict_field, &text, width, app.theme.warning())
}

/// The rectification in full: who and by when with its state, the measure, what
/// was reported done, and the latest re-check (or who closed it).
pub(super) fn rectification_field(
    app: &App,
    response: Option<&Response>,
    walked: Vec<crate::model::session::Recheck>,
    width: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let f = texts(app.lang);
    let Some(rect) = response.and_then(|r| r.rectification.as_ref()) else {
        return Vec::new();
    };
    let rect = &crate::model::followup::followed(rect, walked);
    let overdue = is_overdue(rect, app.today);
    let (state_text, style) = match rect.state() {
        FollowUpState::Closed => (state(app.lang, FollowUpState::Closed), app.theme.ok()),
        _ if overdue => (t.overdue, app.theme.warning()),
        other => (state(app.lang, other), Style::new()),
    };
    let summary = rectification_summary(app, rect);
    let mut lines = field(
        app,
        t.rectification,
        &format!("{summary} / {state_text}"),
        width,
        style,
    );
    if !rect.measure.is_empty() {
        lines.extend(field(
            app,
            f.label_measure,
            &rect.measure,
            width,
            Style::new(),
        ));
    }
    if let Some(done) = &rect.done {
        let text = format!("{} {} {}", done.at.format("%Y-%m-%d"), done.by, done.note);
        lines.extend(field(app, f.label_done, text.trim(), width, Style::new()));
    }
    let recheck = match (rect.closing(), rect.recheck()) {
        (Some(closing), _) => Some(closed_text(app.lang, closing, None)),
        (None, Some(last)) => Some(format!(
            "{} {} {} {}",
            result(app.lang, last.result),
            last.at.format("%Y-%m-%d"),
            last.by,
            last.note
        )),
        (None, None) => None,
    };
    if let Some(text) = recheck {
        lines.extend(field(app, f.label_recheck, text.trim(), width, style));
    }
    lines
}
