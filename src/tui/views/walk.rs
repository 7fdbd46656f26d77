//! The walk screen: item tree, the selected item's details, status and hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Filter, WalkState};
use super::super::keymap::Mode;
use super::super::layout::{self, WalkAreas};
use super::super::outline::OutlineNode;
use super::super::text::{display_line, fit, truncate, wrap};
use super::super::theme::status_mark;
use super::common::{frame_block, labelled, message_or_hints, rule, vertical_rule};
use crate::model::checklist::Item;
use crate::model::scoring::{Figures, applied_deduction, format_points, is_problem, item_score};
use crate::model::session::Status;

const SCORE_WIDTH: usize = 9;

pub fn draw(frame: &mut Frame, app: &App, walk: &WalkState, mode: Mode) {
    let area = frame.area();
    let areas = layout::walk(area);
    let session = walk.session();
    let t = app.lang.ui();
    let mut title = format!(
        "{} v{} / {} / {} / {}",
        walk.checklist.title,
        session.checklist.version,
        session.department,
        session.round,
        session.date
    );
    if !session.inspector.is_empty() {
        title.push_str(&format!(" / {}", session.inspector));
    }
    if walk.read_only.is_some() || session.is_finished() {
        title.push_str(&format!(" [{}]", t.read_only_tag));
    }
    let title = truncate(
        &display_line(&title),
        usize::from(area.width.saturating_sub(4)),
    );
    frame.render_widget(frame_block(app, &title), area);
    rule(frame, app, areas.footer_rule);
    draw_tree(frame, app, walk, areas.tree);
    if areas.side_by_side {
        vertical_rule(frame, app, areas.divider);
    } else {
        rule(frame, app, areas.divider);
    }
    draw_detail(frame, app, walk, areas.detail);
    draw_status(frame, app, walk, &areas);
    message_or_hints(frame, app, mode, areas.hints);
}

fn figures_text(figures: &Figures) -> String {
    figures.subtotal().unwrap_or_else(|| "--".to_string())
}

fn draw_tree(frame: &mut Frame, app: &App, walk: &WalkState, area: Rect) {
    let width = usize::from(area.width);
    if width == 0 {
        return;
    }
    let height = usize::from(area.height);
    let t = app.lang.ui();
    let mut lines = Vec::with_capacity(height);
    for (index, row) in walk.rows.iter().enumerate().skip(walk.scroll).take(height) {
        let selected = index == walk.cursor;
        let line = match walk.outline.nodes[row.node] {
            OutlineNode::Section(section) => {
                let entry = &walk.outline.sections[section];
                let open = if walk.collapsed.contains(&section) {
                    ">"
                } else {
                    "v"
                };
                let indent = "  ".repeat(entry.depth);
                let left = format!(
                    "{indent}{open} {} {}",
                    entry.code,
                    display_line(&entry.title)
                );
                let right = figures_text(&walk.section_figures(section));
                let text = row_text(&left, &right, width);
                Line::from(Span::styled(text, app.theme.heading()))
            }
            OutlineNode::Item(item_index) => {
                let item = &walk.outline.items[item_index];
                let depth = walk.outline.item_depth[item_index];
                let response = walk.session().response(&item.code);
                let status = response.map(|r| r.status).unwrap_or_default();
                let flag = if walk.prior.recheck.contains(&item.code) {
                    "*"
                } else {
                    " "
                };
                let indent = "  ".repeat(depth.saturating_sub(1));
                let mark = status_mark(status);
                let left = format!("{} {} {}", item.code, display_line(&item.title), "");
                let right = item_score_text(item, status, response, t.na_short);
                let prefix = format!("{indent}{mark}{flag}");
                let rest_width = width.saturating_sub(prefix.width());
                let rest = row_text(left.trim_end(), &right, rest_width);
                Line::from(vec![
                    Span::raw(indent),
                    Span::styled(mark, app.theme.status(status)),
                    Span::styled(flag.to_string(), app.theme.warning()),
                    Span::raw(rest),
                ])
            }
        };
        let line = if selected {
            line.patch_style(app.theme.selected())
        } else {
            line
        };
        lines.push(line);
    }
    if walk.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&(t.filter_empty)(&app.keys.filter), width),
            app.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn item_score_text(
    item: &Item,
    status: Status,
    response: Option<&crate::model::session::Response>,
    na: &str,
) -> String {
    if status == Status::Na {
        return na.to_string();
    }
    if !item.is_scored() {
        return String::new();
    }
    let score = item_score(item, response).map_or_else(|| "-".to_string(), format_points);
    format!("{score}/{}", format_points(item.points))
}

/// `left` cut to leave room for `right`, which ends at the row's right edge.
fn row_text(left: &str, right: &str, width: usize) -> String {
    let right = truncate(right, SCORE_WIDTH.min(width));
    let right_width = right.width();
    let left_width = width.saturating_sub(right_width + 1);
    if right_width == 0 || left_width == 0 {
        return fit(left, width);
    }
    format!("{} {right}", fit(left, left_width))
}

fn draw_detail(frame: &mut Frame, app: &App, walk: &WalkState, area: Rect) {
    if area.width < 4 || area.height == 0 {
        return;
    }
    let inner = Rect {
        x: area.x + 1,
        width: area.width - 1,
        ..area
    };
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
    let t = app.lang.ui();
    let item = &walk.outline.items[index];
    let response = walk.session().response(&item.code);
    let status = response.map(|r| r.status).unwrap_or_default();
    let mut lines = Vec::new();
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
    let heading = format!("{} {}{tags}", item.code, display_line(&item.title));
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
    let score = item_score(item, response)
        .filter(|_| item.is_scored())
        .map(|s| format!("  {} {}", t.score, format_points(s)))
        .unwrap_or_default();
    lines.extend(field(
        app,
        t.status,
        &format!("{}{score}", app.lang.status(status)),
        width,
        app.theme.status(status),
    ));
    if let Some(standard) = &item.standard {
        lines.extend(field(app, t.standard, standard, width, Style::new()));
    }
    if !item.methods.is_empty() {
        lines.extend(field(
            app,
            t.methods,
            &item.methods.join("、"),
            width,
            Style::new(),
        ));
    }
    if !item.evidence.is_empty() {
        lines.extend(field(
            app,
            t.evidence_wanted,
            &item.evidence.join("、"),
            width,
            Style::new(),
        ));
    }
    if !item.owners.is_empty() {
        lines.extend(field(
            app,
            t.owners,
            &item.owners.join("、"),
            width,
            Style::new(),
        ));
    }
    if !item.deductions.is_empty() || response.is_some_and(|r| r.free_deduction.is_some()) {
        let picked = response
            .map(|r| r.deductions.as_slice())
            .unwrap_or_default();
        let mut parts: Vec<String> = item
            .deductions
            .iter()
            .enumerate()
            .map(|(i, (reason, points))| {
                let mark = if picked.contains(&i) { "[x]" } else { "[ ]" };
                format!("{mark} {reason} -{}", format_points(*points))
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
        lines.extend(field(
            app,
            t.deductions,
            &parts.join("  "),
            width,
            Style::new(),
        ));
    }
    if let Some(prior) = walk.prior.items.get(&item.code) {
        let date = walk.prior.date.map(|d| d.to_string()).unwrap_or_default();
        let mut text = format!("{} / {date}", app.lang.status(prior.status));
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
        lines.extend(field(
            app,
            t.prior,
            &text,
            width,
            app.theme.status(prior.status),
        ));
    }
    if let Some(versions) = walk
        .session()
        .conflicts
        .get(&item.code)
        .filter(|v| !v.is_empty())
    {
        let text = format!(
            "{} ({})  {}",
            versions.len(),
            app.lang
                .command(super::super::keymap::Command::ReviewConflicts)
                .hint,
            app.keys.review_conflicts
        );
        lines.extend(field(
            app,
            t.conflict_field,
            &text,
            width,
            app.theme.warning(),
        ));
    }
    let note = response.map(|r| r.note.as_str()).unwrap_or_default();
    if note.is_empty() {
        let hint = (t.note_hint)(&app.keys.edit_note);
        lines.extend(field(app, t.note, &hint, width, app.theme.dim()));
    } else {
        lines.extend(field(app, t.note, note, width, Style::new()));
    }
    if let Some(evidence) = response.map(|r| &r.evidence).filter(|e| !e.is_empty()) {
        lines.extend(field(
            app,
            t.evidence,
            &evidence.join("; "),
            width,
            Style::new(),
        ));
    }
    if let Some(rect) = response.and_then(|r| r.rectification.as_ref()) {
        let due = rect.due.map(|d| d.to_string()).unwrap_or_default();
        let overdue = crate::model::ledger::is_overdue(rect, app.today);
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
        lines.extend(field(
            app,
            t.rectification,
            &format!("{} / {due} / {state}", rect.owner),
            width,
            style,
        ));
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
    lines
}

fn draw_status(frame: &mut Frame, app: &App, walk: &WalkState, areas: &WalkAreas) {
    let t = app.lang.ui();
    let summary = walk.summary();
    let f = summary.figures;
    let percent = summary
        .percent()
        .map_or_else(|| "--".to_string(), |p| format!("{p:.1}%"));
    let mut spans = vec![Span::raw(format!(
        "{} {}/{}  {} {}/{} ({percent})  {} {}  ",
        t.progress,
        f.checked,
        f.total,
        t.score,
        format_points(f.score),
        format_points(f.max),
        t.deducted,
        format_points(f.deducted),
    ))];
    if !summary.veto.is_empty() {
        spans.push(Span::styled(format!("{}  ", t.veto), app.theme.warning()));
    }
    if summary.disqualified {
        spans.push(Span::styled(
            format!("{}  ", t.disqualified),
            app.theme.warning(),
        ));
    }
    if walk.filter != Filter::All {
        spans.push(Span::styled(
            format!("[{}]  ", walk.filter.name(app.lang)),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    let save = &walk.save;
    let (text, style) = if let Some(error) = &save.error {
        (format!("{}: {error}", t.save_failed), app.theme.warning())
    } else if save.in_flight.is_some() {
        (t.saving.to_string(), Style::new())
    } else if save.is_dirty() {
        (t.unsaved.to_string(), app.theme.warning())
    } else if let Some(at) = save.last_saved_at {
        (
            format!("{} {}", t.saved, at.format("%H:%M:%S")),
            app.theme.ok(),
        )
    } else {
        (t.saved.to_string(), app.theme.ok())
    };
    spans.push(Span::styled(display_line(&text), style));
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), areas.status);
}
