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
use super::common::labelled;
use super::walk::figures_text;
use crate::model::checklist::{Item, Rules};
use crate::model::ledger::is_overdue;
use crate::model::scoring::{applied_deduction, format_points, is_problem, item_score};
use crate::model::session::Response;

pub(super) fn draw_detail(frame: &mut Frame, app: &App, walk: &WalkState, area: Rect) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    // One column of space after the divider.
    let [_, inner] = Layout::horizontal([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let lines = match walk.selected_node() {
        Some(OutlineNode::Item(item)) => item_detail(app, walk, item, usize::from(inner.width)),
        Some(OutlineNode::Section(section)) => {
            section_detail(app, walk, section, usize::from(inner.width))
        }
        None => Vec::new(),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Lines for one labelled field, the text wrapped under itself.
fn field(app: &App, label: &str, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let label_width = app.lang.ui().label_width;
    let text_width = width.saturating_sub(label_width + 2).max(2);
    let mut lines = Vec::new();
    for (index, piece) in wrap(text, text_width).into_iter().enumerate() {
        let label = if index == 0 { label } else { "" };
        lines.push(labelled(
            label,
            label_width,
            vec![Span::styled(piece, style)],
            app.theme.label(),
        ));
    }
    lines
}

fn item_detail(app: &App, walk: &WalkState, index: usize, width: usize) -> Vec<Line<'static>> {
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
    lines.extend(standard_fields(app, item, width));
    lines.extend(deductions_field(app, item, response, width));
    lines.extend(prior_field(app, walk, item, width));
    lines.extend(conflict_field(app, walk, item, width));
    lines.extend(note_and_evidence(app, response, width));
    lines.extend(rectification_field(app, response, width));
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

/// What the checklist says about the item: standard, methods, evidence, owners.
fn standard_fields(app: &App, item: &Item, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let mut lines = Vec::new();
    if let Some(standard) = &item.standard {
        lines.extend(field(app, t.standard, standard, width, Style::new()));
    }
    for (label, list) in [
        (t.methods, &item.methods),
        (t.evidence_wanted, &item.evidence),
        (t.owners, &item.owners),
    ] {
        if !list.is_empty() {
            lines.extend(field(app, label, &list.join("、"), width, Style::new()));
        }
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
        parts.push(format!(
            "[x] {} -{}",
            free.reason,
            format_points(free.points)
        ));
    }
    if let Some(response) = response
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

/// Last round's answer to this item, for 复查.
fn prior_field(app: &App, walk: &WalkState, item: &Item, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let Some(prior) = walk.prior.items.get(&item.code) else {
        return Vec::new();
    };
    let date = walk.prior.date.map(|d| d.to_string()).unwrap_or_default();
    let mut text = format!("{} / {date}", app.lang.item_status(item, prior.status));
    if !prior.note.is_empty() {
        text.push_str(&format!(" / {}", prior.note));
    }
    if let Some(rect) = &prior.rectification {
        let state = if rect.done.is_some() {
            t.done
        } else {
            t.not_done
        };
        text.push_str(&format!(" / {} {} {state}", t.rectification, rect.owner));
    }
    field(app, t.prior, &text, width, app.theme.status(prior.status))
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
    let mut lines = if note.is_empty() {
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

/// "李明 / 2026-12-01 / 已逾期"
fn rectification_field(app: &App, response: Option<&Response>, width: usize) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let Some(rect) = response.and_then(|r| r.rectification.as_ref()) else {
        return Vec::new();
    };
    let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
    let overdue = is_overdue(rect, app.today);
    let state = match (&rect.done, overdue) {
        (Some(_), _) => t.done,
        (None, true) => t.overdue,
        (None, false) => t.not_done,
    };
    let style = if overdue {
        app.theme.warning()
    } else {
        Style::new()
    };
    field(
        app,
        t.rectification,
        &format!("{} / {due} / {state}", rect.owner),
        width,
        style,
    )
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
