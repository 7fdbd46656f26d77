//! The walk screen's detail pane: the selected item (or section) with its fields.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, WalkState};
use super::super::keymap::Command;
use super::super::outline::OutlineNode;
use super::super::text::{display_line, wrap};
use super::detail_fields::{field, fit_found, standard_fields};
use super::walk::figures_text;
use crate::i18n::followup::{closed_text, open_before_text, result, state, texts};
use crate::model::checklist::{Item, Rules};
use crate::model::followup::closes_now;
use crate::model::ledger::is_overdue;
use crate::model::scoring::{applied_deduction, format_points, is_problem, item_score};
use crate::model::session::{FollowUpState, RecheckResult, Rectification, Response};

pub(super) fn draw_detail(frame: &mut Frame, app: &App, walk: &WalkState, area: Rect) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    // One column of space after the divider.
    let [_, inner] = Layout::horizontal([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let lines = match walk.selected_node() {
        Some(OutlineNode::Item(item)) => item_detail(
            app,
            walk,
            item,
            usize::from(inner.width),
            usize::from(inner.height),
        ),
        Some(OutlineNode::Section(section)) => {
            section_detail(app, walk, section, usize::from(inner.width))
        }
        None => Vec::new(),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The item in `height` lines where it can be: what this round found (扣分, 上轮,
/// 备注, 整改) is never pushed out of sight by what the checklist says, whose long
/// fields are shortened instead.
fn item_detail(
    app: &App,
    walk: &WalkState,
    index: usize,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let item = &walk.outline.items[index];
    let response = walk.session().response(&item.code);
    let mut lines = item_heading(app, item, width);
    lines.extend(status_field(
        app,
        &walk.checklist.rules,
        item,
        response,
        width,
    ));
    let mut found = deductions_field(app, item, response, width);
    found.extend(prior_field(app, walk, item, width));
    found.extend(conflict_field(app, walk, item, width));
    found.extend(note_and_evidence(app, response, width));
    let walked = walk
        .later_rechecks
        .get(&item.code)
        .cloned()
        .unwrap_or_default();
    found.extend(rectification_field(app, response, walked, width));
    let room = height.saturating_sub(lines.len() + found.len());
    lines.extend(standard_fields(app, item, width, room));
    // Too little room even so: the rectification's 措施, 落实 and 复查 lines give way
    // before 扣分, 上轮, 备注 and 整改 (whose state says where it stands).
    let f = texts(app.lang);
    let secondary = [f.label_measure, f.label_done, f.label_recheck];
    let left = height.saturating_sub(lines.len());
    lines.extend(fit_found(app, found, left, width, &secondary));
    lines
}

/// "1.2 民主生活会质量 [一票否决]" with the points at the right.
fn item_heading(app: &App, item: &Item, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let points = if item.is_scored() {
        format!("{} {}", format_points(item.points), t.points_unit)
    } else {
        String::new()
    };
    let mut tags = String::new();
    if item.veto {
        tags.push_str(&format!(" [{}]", t.veto));
    }
    if item.bonus {
        tags.push_str(&format!(" [{}]", t.bonus));
    }
    if item.penalty {
        tags.push_str(&format!(" [{}]", app.lang.scoring().penalty));
    }
    let heading = format!("{} {}{tags}", item.code, display_line(&item.title));
    let mut lines = Vec::new();
    for (i, piece) in wrap(&heading, width.saturating_sub(points.width() + 1))
        .into_iter()
        .enumerate()
    {
        let mut spans = vec![Span::styled(piece.clone(), app.theme.heading())];
        if i == 0 && !points.is_empty() {
            let pad = width.saturating_sub(piece.width() + points.width());
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::raw(points.clone()));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn status_field(
    app: &App,
    rules: &Rules,
    item: &Item,
    response: Option<&Response>,
    width: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let words = app.lang.scoring();
    let status = response.map(|r| r.status).unwrap_or_default();
    let score = item_score(rules, item, response)
        .filter(|_| item.is_scored())
        .map(|s| format!("  {} {}", t.score, format_points(s)))
        .unwrap_or_default();
    let mut judged = app.lang.item_status(item, status).to_string();
    if let Some(level) = response.and_then(|r| r.level.as_deref()) {
        judged = format!("{} {judged}", display_line(level));
    }
    if let Some(rate) = response.and_then(|r| r.rate.as_ref()) {
        judged = format!("{rate} {judged}");
    }
    let mut lines = field(
        app,
        t.status,
        &format!("{judged}{score}"),
        width,
        app.theme.status(status),
    );
    // How else the item may be judged, and the key for it.
    let key = &app.keys.judge;
    if item.is_rate() {
        let bands: Vec<String> = item
            .rate
            .iter()
            .map(|(at, minus)| match *at {
                at if at > 0.0 => (words.band)(&format_points(at), &format_points(*minus)),
                _ => (words.last_band)(&format_points(*minus)),
            })
            .collect();
        let text = format!(
            "{}  {}",
            bands.join(words.separator),
            (words.rate_hint)(key)
        );
        lines.extend(field(app, words.rate, &text, width, app.theme.dim()));
    } else if item.is_base() && item.is_scored() && !item.veto && !rules.levels.is_empty() {
        let labels: Vec<&str> = rules.levels.iter().map(|(l, _)| l.as_str()).collect();
        let text = (words.levels_hint)(&labels.join(" "), key);
        lines.extend(field(app, words.level, &text, width, app.theme.dim()));
    }
    lines
}

/// "[x] 无整改措施 -2  [ ] 未征求意见 -1  =-2"
fn deductions_field(
    app: &App,
    item: &Item,
    response: Option<&Response>,
    width: usize,
) -> Vec<Line<'static>> {
    if item.deductions.is_empty() && response.is_none_or(|r| r.free_deduction.is_none()) {
        return Vec::new();
    }
    let picked = response
        .map(|r| r.deductions.as_slice())
        .unwrap_or_default();
    let words = app.lang.scoring();
    let mut parts: Vec<String> = item
        .deductions
        .iter()
        .enumerate()
        .map(|(i, deduction)| {
            let points = format_points(deduction.points);
            match (&deduction.unit, response.filter(|_| picked.contains(&i))) {
                (Some(unit), Some(response)) => format!(
                    "[x] {} {}",
                    deduction.reason,
                    (words.count)(response.count(i), unit)
                ),
                (Some(unit), None) => {
                    format!("[ ] {} {}", deduction.reason, (words.per)(&points, unit))
                }
                (None, _) if picked.contains(&i) => format!("[x] {} -{points}", deduction.reason),
                (None, _) => format!("[ ] {} -{points}", deduction.reason),
            }
        })
        .collect();
    if let Some(free) = response.and_then(|r| r.free_deduction.as_ref()) {
        let t = app.lang.ui();
        parts.push(format!(
            "[x] {}",
            (words.field)(
                t.free_deduction,
                &format!("{} -{}", free.reason, format_points(free.points))
            )
        ));
    }
    // A sum only where there is something to add up.
    let applied = response.map_or(0, |r| {
        r.deductions.len() + usize::from(r.free_deduction.is_some())
    });
    if let Some(response) = response
        && applied > 1
        && applied_deduction(item, response) > 0.0
    {
        parts.push(format!(
            "=-{}",
            format_points(applied_deduction(item, response))
        ));
    }
    let t = app.lang.ui();
    field(app, t.deductions, &parts.join("  "), width, Style::new())
}

/// Last round's answer to this item, and earlier rounds' rectifications still open
/// with what this round's mark does to them (复查).
fn prior_field(app: &App, walk: &WalkState, item: &Item, width: usize) -> Vec<Line<'static>> {
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

fn conflict_field(app: &App, walk: &WalkState, item: &Item, width: usize) -> Vec<Line<'static>> {
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

fn note_and_evidence(app: &App, response: Option<&Response>, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let note = response.map(|r| r.note.as_str()).unwrap_or_default();
    let editable = app.walk.as_ref().is_some_and(|walk| walk.editable());
    let mut lines = if note.is_empty() && !editable {
        Vec::new()
    } else if note.is_empty() {
        let hint = (t.note_hint)(&app.keys.edit_note);
        field(app, t.note, &hint, width, app.theme.dim())
    } else {
        field(app, t.note, note, width, Style::new())
    };
    if let Some(evidence) = response.map(|r| &r.evidence).filter(|e| !e.is_empty()) {
        lines.extend(field(
            app,
            t.evidence,
            &evidence.join("; "),
            width,
            Style::new(),
        ));
    }
    if let Some(files) = response.map(|r| &r.attachments).filter(|a| !a.is_empty()) {
        let listed: Vec<String> = files
            .iter()
            .enumerate()
            .map(|(i, file)| {
                let caption = if file.caption.is_empty() {
                    String::new()
                } else {
                    format!(" {}", file.caption)
                };
                format!("{} {} {}{caption}", i + 1, file.taken_short(), file.file)
            })
            .collect();
        lines.extend(field(
            app,
            t.attachments,
            &listed.join("\n"),
            width,
            Style::new(),
        ));
    }
    lines
}

/// The rectification in full: who and by when with its state, the measure, what
/// was reported done, and the latest re-check (or who closed it).
fn rectification_field(
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

fn section_detail(app: &App, walk: &WalkState, section: usize, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let entry = &walk.outline.sections[section];
    let figures = walk.section_figures(section);
    let mut lines: Vec<Line<'static>> = wrap(&format!("{} {}", entry.code, entry.title), width)
        .into_iter()
        .map(|piece| Line::from(Span::styled(piece, app.theme.heading())))
        .collect();
    lines.extend(field(
        app,
        t.progress,
        &format!("{}/{}", figures.checked, figures.total),
        width,
        Style::new(),
    ));
    lines.extend(field(
        app,
        t.score,
        &figures_text(&figures),
        width,
        Style::new(),
    ));
    if figures.has_score() {
        lines.extend(field(
            app,
            t.deducted,
            &format_points(figures.deducted),
            width,
            Style::new(),
        ));
    }
    let problems: Vec<String> = walk
        .outline
        .section_items(section)
        .iter()
        .filter(|item| is_problem(item, walk.session().status(&item.code)))
        .map(|item| item.code.clone())
        .collect();
    if !problems.is_empty() {
        lines.extend(field(
            app,
            t.problems,
            &problems.join(", "),
            width,
            app.theme.warning(),
        ));
    }
    // The session's total split into base, bonus and penalties.
    let total = walk.summary().figures;
    if let Some(breakdown) = app.lang.breakdown(&total) {
        let text = format!("{breakdown} = {}", format_points(total.score));
        lines.extend(field(
            app,
            app.lang.scoring().total,
            &text,
            width,
            Style::new(),
        ));
    }
    lines
}
