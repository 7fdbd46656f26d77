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
use super::super::text::{display_line, fit, truncate};
use super::super::theme::status_mark;
use super::common::{frame_block, message_or_hints, rule, vertical_rule};
use crate::model::checklist::{Item, Rules};
use crate::model::scoring::{Figures, Verdict, format_points, item_score};
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
    super::detail::draw_detail(frame, app, walk, areas.detail);
    draw_status(frame, app, walk, &areas);
    message_or_hints(frame, app, mode, areas.hints);
}

pub(super) fn figures_text(figures: &Figures) -> String {
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
                let right = item_score_text(app, &walk.checklist.rules, item, response);
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

/// "3/4" for a base item; "+2" for a bonus earned and "-2" for what a 负面清单 item
/// took ("(+2)", "(-2)" while pending); the words 无此情形/存在 for veto items and
/// 负面清单 items that did not happen, and 不加分 for a bonus not earned.
fn item_score_text(
    app: &App,
    rules: &Rules,
    item: &Item,
    response: Option<&crate::model::session::Response>,
) -> String {
    let status = response.map(|r| r.status).unwrap_or_default();
    let score = item_score(rules, item, response);
    match status {
        Status::Na => app.lang.ui().na_short.to_string(),
        Status::Pass | Status::Fail if item.veto => app.lang.item_status(item, status).into(),
        Status::Pending if item.veto || !item.is_scored() => String::new(),
        Status::Pass if item.penalty => app.lang.item_status(item, status).into(),
        Status::Fail if item.bonus => app.lang.item_status(item, status).into(),
        _ if item.penalty || item.bonus => match score {
            Some(score) if item.bonus => format!("+{}", format_points(score)),
            Some(score) => format_points(score),
            // Pending: what it may add or take, in brackets.
            None if item.bonus => format!("(+{})", format_points(item.points)),
            None => format!("(-{})", format_points(item.points)),
        },
        _ if !item.is_scored() => String::new(),
        _ => {
            let score = score.map_or_else(|| "-".to_string(), format_points);
            format!("{score}/{}", format_points(item.points))
        }
    }
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

fn draw_status(frame: &mut Frame, app: &App, walk: &WalkState, areas: &WalkAreas) {
    let t = app.lang.ui();
    let summary = walk.summary();
    let f = summary.figures;
    let percent = summary
        .percent()
        .map_or_else(|| "--".to_string(), |p| format!("{p:.1}%"));
    let mut spans = vec![Span::raw(format!(
        "{}  ",
        app.lang.figures_line(&f, &percent)
    ))];
    let verdict = summary.verdict();
    if let Some(words) = app.lang.screen_verdict(&verdict) {
        let style = match verdict {
            Verdict::Veto | Verdict::Disqualified => app.theme.warning(),
            _ => Style::new(),
        };
        spans.push(Span::styled(format!("{}  ", display_line(words)), style));
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
    // Base, bonus and penalties beside the total: in words where the row has room,
    // else as "95.5+3-2".
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = usize::from(areas.status.width).saturating_sub(used);
    let breakdown = [app.lang.breakdown(&f), app.lang.short_breakdown(&f)]
        .into_iter()
        .flatten()
        .find(|text| text.width() + 2 <= room);
    if let Some(breakdown) = breakdown {
        spans.insert(1, Span::raw(format!("{breakdown}  ")));
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), areas.status);
}
