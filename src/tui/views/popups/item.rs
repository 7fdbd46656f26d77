//! Pop-ups about one item: deductions, evidence (the rectification form: `followup.rs`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, titled_frame};
use crate::model::checklist::Item;
use crate::model::scoring::format_points;
use crate::model::session::Response;
use crate::tui::app::{App, DeductionsState, EvidenceState, FreeField};
use crate::tui::input::LineInput;
use crate::tui::keymap::Mode;
use crate::tui::layout;
use crate::tui::text::{display_line, fit, truncate};

pub fn deductions(frame: &mut Frame, app: &App, state: &DeductionsState) {
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_ref() else {
        return;
    };
    let Some(index) = walk.outline.item_index(&state.code) else {
        return;
    };
    let item = &walk.outline.items[index];
    let response = walk.session().response(&state.code);
    let screen = frame.area();
    let height = (item.deductions.len() as u16 + 7).min(screen.height);
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), height);
    let title = format!("{} {} {}", t.deductions, item.code, item.title);
    let inner = titled_frame(frame, app, area, &title);
    let width = usize::from(inner.width);
    let lines = deduction_lines(app, item, response, state, width);
    let list_height = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    let mut y = inner.y + list_height;
    if let Some(editing) = state.editing_free {
        let below = Rect {
            y,
            height: inner.bottom().saturating_sub(y),
            ..inner
        };
        free_deduction_inputs(frame, app, state, editing, below);
        y += 2;
    }
    if let Some(error) = &state.error
        && y < inner.bottom()
    {
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(error, width), app.theme.warning())),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
    hint_at_bottom(frame, app, inner, app.mode());
}

/// The item's predefined deductions, ticked where applied, then the free one. A
/// per-occurrence one shows its points per unit and, once picked, its count with the
/// unit and what it takes: "[x] 每少开展一次 -1.5/次  x3 次 -4.5".
fn deduction_lines(
    app: &App,
    item: &Item,
    response: Option<&Response>,
    state: &DeductionsState,
    width: usize,
) -> Vec<Line<'static>> {
    let t = app.lang.ui();
    let words = app.lang.scoring();
    let picked = response.map(|r| r.deductions.clone()).unwrap_or_default();
    let mut lines = Vec::new();
    for (i, deduction) in item.deductions.iter().enumerate() {
        let points = format_points(deduction.points);
        let is_picked = picked.contains(&i);
        let mark = if is_picked { "[x]" } else { "[ ]" };
        let text = match (&deduction.unit, response.filter(|_| is_picked)) {
            (Some(unit), Some(response)) => {
                let count = response.count(i);
                format!(
                    "{mark} {} {}  {} -{}",
                    display_line(&deduction.reason),
                    (words.per)(&points, unit),
                    (words.count)(count, unit),
                    format_points(deduction.points * f64::from(count)),
                )
            }
            (Some(unit), None) => format!(
                "{mark} {} {}",
                display_line(&deduction.reason),
                (words.per)(&points, unit)
            ),
            (None, _) => format!("{mark} {} -{points}", display_line(&deduction.reason)),
        };
        let text = fit(&display_line(&text), width);
        let style = if i == state.cursor {
            app.theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let free = response.and_then(|r| r.free_deduction.as_ref());
    let free_text = match free {
        Some(free) => format!(
            "[x] {}: {} -{}",
            t.free_deduction,
            display_line(&free.reason),
            format_points(free.points)
        ),
        None => format!("[+] {}", t.free_deduction),
    };
    let style = if state.cursor == item.deductions.len() {
        app.theme.selected()
    } else {
        Style::new()
    };
    lines.push(Line::from(Span::styled(fit(&free_text, width), style)));
    lines
}

/// The free deduction's reason and points, on the two lines at the top of `area`.
fn free_deduction_inputs(
    frame: &mut Frame,
    app: &App,
    state: &DeductionsState,
    editing: FreeField,
    area: Rect,
) {
    let t = app.lang.ui();
    let label_width = t.label_width.max(t.reason.width());
    let [reason_area, points_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    if area.height >= 2 {
        let a = input_line(
            frame,
            app,
            reason_area,
            t.reason,
            label_width,
            &state.free_reason,
            editing == FreeField::Reason,
        );
        let b = input_line(
            frame,
            app,
            points_area,
            t.points_unit_label,
            label_width,
            &state.free_points,
            editing == FreeField::Points,
        );
        if let Some(position) = a.or(b) {
            frame.set_cursor_position(position);
        }
    }
}

pub fn evidence(frame: &mut Frame, app: &App, state: &EvidenceState) {
    let t = app.lang.ui();
    let response = app
        .walk
        .as_ref()
        .and_then(|walk| walk.session().response(&state.code));
    let labels = response.map(|r| r.evidence.iter().map(|label| format!("- {label}")));
    let files = response.map(|r| {
        r.attachments.iter().map(|a| {
            let caption = if a.caption.is_empty() {
                String::new()
            } else {
                format!(" {}", a.caption)
            };
            format!("{} {} {}{caption}", t.attachments, a.file, a.taken_short())
        })
    });
    let existing: Vec<String> = labels
        .into_iter()
        .flatten()
        .chain(files.into_iter().flatten())
        .collect();
    let title = format!("{} {}", t.evidence, state.code);
    let labels = response.map_or(0, |r| r.evidence.len());
    let list = (&existing[..], labels);
    material_list(frame, app, &title, list, (state.selected, &state.input));
}

/// The evidence pop-up of an item or an activity: `entries` (the first `labels` of
/// them labels, then files), the selected one highlighted, and the line to type or
/// paste a path or a label, or, with a file selected, its caption.
pub(super) fn material_list(
    frame: &mut Frame,
    app: &App,
    title: &str,
    (entries, labels): (&[String], usize),
    (selected, input): (Option<usize>, &LineInput),
) {
    let t = app.lang.ui();
    let screen = frame.area();
    let height = (entries.len() as u16 + 5).min(screen.height);
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), height);
    let inner = titled_frame(frame, app, area, title);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .map(|(i, reference)| {
            let style = if selected == Some(i) {
                app.theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(fit(&display_line(reference), width), style))
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&(t.evidence_hint)(&app.keys.add_evidence), width),
            app.theme.dim(),
        )));
    }
    let list_height = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    let row = Rect {
        y: inner.y + list_height,
        height: 1,
        ..inner
    };
    let captioning = selected.is_some_and(|s| s >= labels);
    let (label, label_width) = if captioning {
        (t.caption, t.caption.width())
    } else {
        ("+", 1)
    };
    if row.y < inner.bottom()
        && let Some(position) = input_line(
            frame,
            app,
            row,
            label,
            label_width,
            input,
            selected.is_none() || captioning,
        )
    {
        frame.set_cursor_position(position);
    }
    hint_at_bottom(frame, app, inner, Mode::Evidence);
}
