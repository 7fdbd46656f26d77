//! The walk screen's detail pane: the selected item (or section) with its fields.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, WalkState};
use super::super::outline::OutlineNode;
use super::super::text::{display_line, wrap};
use super::detail_fields::{field, fit_found, standard_fields};
use super::detail_followup::{conflict_field, prior_field, rectification_field};
use super::walk::figures_text;
use crate::i18n::followup::texts;
use crate::model::checklist::{Item, Rules};
use crate::model::scoring::{applied_deduction, format_points, is_problem, item_score};
use crate::model::session::Response;

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
