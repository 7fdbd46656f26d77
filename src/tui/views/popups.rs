//! Pop-ups: note editor, search bar, deductions, rectification, evidence,
//! new session, confirmation and help. Each puts the terminal cursor at its edit point.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::{
    App, Confirm, ConflictsState, DeductionsState, DoneNoteState, EditorState, EvidenceState,
    ExportState, FreeField, NewField, NewSessionState, RectifyState, SearchState,
};
use super::super::input::LineInput;
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, truncate, wrap};
use super::common::{clear_popup, frame_block, help_rows, hint_line};
use crate::model::scoring::format_points;

/// Clears and frames a pop-up; returns the area inside the frame.
fn popup_frame(frame: &mut Frame, app: &App, area: Rect, title: &str) -> Rect {
    clear_popup(frame, area);
    let block = frame_block(app, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A one-line input: label, then the text scrolled so the cursor shows.
/// Returns where the terminal cursor belongs.
fn input_line(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    label: &str,
    label_width: usize,
    input: &LineInput,
    focused: bool,
) -> Option<Position> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let label_text = fit(label, label_width);
    let field_width = usize::from(area.width)
        .saturating_sub(label_width + 2)
        .max(1);
    let text = display_line(&input.text());
    let cursor = input.cursor_column();
    // Scroll by whole characters so the cursor stays inside the field.
    let mut skip_width = 0;
    let mut shown = text.as_str();
    while cursor.saturating_sub(skip_width) >= field_width {
        let Some(c) = shown.chars().next() else { break };
        skip_width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        shown = &shown[c.len_utf8()..];
    }
    let style = if focused {
        Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    let line = Line::from(vec![
        Span::styled(label_text, app.theme.label()),
        Span::raw("  "),
        Span::styled(fit(shown, field_width), style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    focused.then(|| {
        let column = area.x as usize + label_width + 2 + cursor - skip_width;
        Position::new(
            column.min(usize::from(area.right().saturating_sub(1))) as u16,
            area.y,
        )
    })
}

fn rows(area: Rect) -> impl Iterator<Item = Rect> {
    (area.top()..area.bottom()).map(move |y| Rect {
        y,
        height: 1,
        ..area
    })
}

pub fn editor(frame: &mut Frame, app: &App, editor: &EditorState) {
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(4).min(76),
        screen.height.saturating_sub(2).min(18),
    );
    let t = app.lang.ui();
    let title = app
        .walk
        .as_ref()
        .and_then(|walk| {
            walk.outline
                .item_index(&editor.code)
                .map(|i| &walk.outline.items[i])
        })
        .map_or_else(
            || editor.code.clone(),
            |item| format!("{} {} {}", t.note, item.code, item.title),
        );
    let inner = popup_frame(
        frame,
        app,
        area,
        &truncate(
            &display_line(&title),
            usize::from(area.width.saturating_sub(4)),
        ),
    );
    if inner.height == 0 {
        return;
    }
    let text_area = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let hint_area = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1.min(inner.height),
        ..inner
    };
    frame.render_widget(&editor.textarea, text_area);
    let cursor = editor.textarea.screen_cursor();
    let (top, left) = editor.textarea.scroll_offset();
    let row = cursor.row.saturating_sub(usize::from(top));
    let col = cursor.col.saturating_sub(usize::from(left));
    if row < usize::from(text_area.height) {
        let x =
            (usize::from(text_area.x) + col).min(usize::from(text_area.right().saturating_sub(1)));
        frame.set_cursor_position(Position::new(x as u16, text_area.y + row as u16));
    }
    let hint = format!("{}  {}", t.editor_hint, editor_count(editor));
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&hint, usize::from(hint_area.width)),
            app.theme.dim(),
        )),
        hint_area,
    );
}

fn editor_count(editor: &EditorState) -> String {
    let chars: usize = editor
        .textarea
        .lines()
        .iter()
        .map(|l| l.chars().count())
        .sum();
    format!("{chars}")
}

pub fn search(frame: &mut Frame, app: &App, search: &SearchState) {
    let screen = frame.area();
    let area = Rect {
        x: screen.x,
        y: screen.bottom().saturating_sub(2),
        width: screen.width,
        height: 1.min(screen.height),
    };
    clear_popup(frame, area);
    let t = app.lang.ui();
    let count = if search.matches.is_empty() {
        if search.input.is_empty() {
            String::new()
        } else {
            format!(" ({})", t.no_match)
        }
    } else {
        format!(" ({}/{})", search.current + 1, search.matches.len())
    };
    let label = format!("/{count}");
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    if let Some(position) = input_line(
        frame,
        app,
        inner,
        &label,
        label.width(),
        &search.input,
        true,
    ) {
        frame.set_cursor_position(position);
    }
}

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
    let inner = popup_frame(
        frame,
        app,
        area,
        &truncate(
            &display_line(&title),
            usize::from(area.width.saturating_sub(4)),
        ),
    );
    let width = usize::from(inner.width);
    let picked = response.map(|r| r.deductions.clone()).unwrap_or_default();
    let mut lines = Vec::new();
    for (i, (reason, points)) in item.deductions.iter().enumerate() {
        let mark = if picked.contains(&i) { "[x]" } else { "[ ]" };
        let text = fit(
            &format!(
                "{mark} {} -{}",
                display_line(reason),
                format_points(*points)
            ),
            width,
        );
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
    let list_height = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    let mut y = inner.y + list_height;
    if let Some(editing) = state.editing_free {
        let label_width = t.label_width.max(t.reason.width());
        let reason_area = Rect {
            y,
            height: 1,
            ..inner
        };
        let points_area = Rect {
            y: y + 1,
            height: 1,
            ..inner
        };
        if y + 1 < inner.bottom() {
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

fn hint_at_bottom(frame: &mut Frame, app: &App, inner: Rect, mode: Mode) {
    if inner.height < 2 {
        return;
    }
    let area = Rect {
        y: inner.bottom() - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(hint_line(app, mode, area.width)), area);
}

pub fn rectify(frame: &mut Frame, app: &App, state: &RectifyState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(60), 9);
    let inner = popup_frame(
        frame,
        app,
        area,
        &format!("{} {}", t.rectification, state.code),
    );
    let label_width = [t.owner, t.due, t.done_note]
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(4);
    let mut cursor = None;
    let mut lines = rows(inner);
    for (index, (label, input)) in [
        (t.owner, &state.owner),
        (t.due, &state.due),
        (t.done_note, &state.done_note),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(row) = lines.next()
            && let Some(position) = input_line(
                frame,
                app,
                row,
                label,
                label_width,
                input,
                state.field == index,
            )
        {
            cursor = Some(position);
        }
    }
    if let Some(row) = lines.next() {
        let mark = if state.done { "[x]" } else { "[ ]" };
        let text = format!("{}  {mark} {}", fit(t.state, label_width), t.done_toggle);
        frame.render_widget(Paragraph::new(truncate(&text, usize::from(row.width))), row);
    }
    if let (Some(row), Some(error)) = (lines.next(), &state.error) {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(error, usize::from(row.width)),
                app.theme.warning(),
            )),
            row,
        );
    }
    hint_at_bottom(frame, app, inner, Mode::Rectify);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

pub fn evidence(frame: &mut Frame, app: &App, state: &EvidenceState) {
    let t = app.lang.ui();
    let existing = app
        .walk
        .as_ref()
        .and_then(|walk| walk.session().response(&state.code))
        .map(|r| r.evidence.clone())
        .unwrap_or_default();
    let screen = frame.area();
    let height = (existing.len() as u16 + 5).min(screen.height);
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), height);
    let inner = popup_frame(frame, app, area, &format!("{} {}", t.evidence, state.code));
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = existing
        .iter()
        .enumerate()
        .map(|(i, reference)| {
            let style = if state.selected == Some(i) {
                app.theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(
                fit(&format!("- {}", display_line(reference)), width),
                style,
            ))
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(t.evidence_hint, width),
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
    if row.y < inner.bottom()
        && let Some(position) = input_line(
            frame,
            app,
            row,
            "+",
            1,
            &state.input,
            state.selected.is_none(),
        )
    {
        frame.set_cursor_position(position);
    }
    hint_at_bottom(frame, app, inner, Mode::Evidence);
}

pub fn new_session(frame: &mut Frame, app: &App, state: &NewSessionState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), 14);
    let inner = popup_frame(frame, app, area, t.new_session_title);
    let labels = [
        t.checklist,
        t.department,
        t.round,
        t.date,
        t.inspector,
        t.recheck_first,
    ];
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(4);
    let width = usize::from(inner.width);
    let mut cursor = None;
    let mut lines = rows(inner);
    for field in NewField::ORDER {
        let Some(row) = lines.next() else { break };
        let focused = state.field == field;
        match field {
            NewField::Checklist => {
                let choice = app.home.data.checklists.get(state.checklist);
                let text = choice.map_or_else(String::new, |c| {
                    format!("< {} v{} >", display_line(&c.title), c.version)
                });
                let style = if focused {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let line = Line::from(vec![
                    Span::styled(fit(t.checklist, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(
                        truncate(&text, width.saturating_sub(label_width + 2)),
                        style,
                    ),
                ]);
                frame.render_widget(Paragraph::new(line), row);
            }
            NewField::Recheck => {
                let mark = if state.recheck { "[x]" } else { "[ ]" };
                let style = if focused {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let line = Line::from(vec![
                    Span::styled(fit(t.recheck_first, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(mark, style),
                ]);
                frame.render_widget(Paragraph::new(line), row);
            }
            _ => {
                let (label, input) = match field {
                    NewField::Department => (t.department, &state.department),
                    NewField::Round => (t.round, &state.round),
                    NewField::Date => (t.date, &state.date),
                    _ => (t.inspector, &state.inspector),
                };
                if let Some(position) =
                    input_line(frame, app, row, label, label_width, input, focused)
                {
                    cursor = Some(position);
                }
                if field == NewField::Department {
                    let suggestions =
                        super::super::update::department_suggestions(app, &state.department.text());
                    if !suggestions.is_empty()
                        && let Some(row) = lines.next()
                    {
                        let mut spans = vec![Span::raw(" ".repeat(label_width + 2))];
                        for (i, name) in suggestions.iter().enumerate() {
                            let style = if state.suggestion == Some(i) {
                                app.theme.selected()
                            } else {
                                app.theme.dim()
                            };
                            spans.push(Span::styled(display_line(name), style));
                            spans.push(Span::raw(" "));
                        }
                        frame.render_widget(Paragraph::new(Line::from(spans)), row);
                    }
                }
            }
        }
    }
    if let (Some(row), Some(error)) = (lines.next(), &state.error) {
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(error, width), app.theme.warning())),
            row,
        );
    }
    hint_at_bottom(frame, app, inner, Mode::NewSession);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

pub fn confirm(frame: &mut Frame, app: &App, confirm: &Confirm) {
    let t = app.lang.ui();
    let question = match confirm {
        Confirm::Trash { label, .. } => format!("{} {}?", t.confirm_trash, display_line(label)),
        Confirm::LeaveUnsaved => t.confirm_leave_unsaved.to_string(),
        Confirm::Overwrite { path, .. } => {
            format!("{}? {}", t.confirm_overwrite, display_line(path))
        }
    };
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).min(56);
    let text = wrap(&question, usize::from(width.saturating_sub(2)));
    let area = layout::popup(screen, width, text.len() as u16 + 3);
    let inner = popup_frame(frame, app, area, t.confirm_title);
    let mut lines: Vec<Line> = text.into_iter().map(Line::from).collect();
    lines.push(hint_line(app, Mode::Confirm, inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn help(frame: &mut Frame, app: &App, scroll: usize) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(2).min(72),
        screen.height.saturating_sub(2),
    );
    let inner = popup_frame(frame, app, area, t.help_title);
    let mode = app.screen_mode();
    let mut rows_text = help_rows(app, mode);
    if mode == Mode::Walk {
        rows_text.push((String::new(), String::new()));
        rows_text.push((t.editor_keys.to_string(), t.editor_keys_help.to_string()));
    }
    let key_width = rows_text
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(8)
        .min(20);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (keys, description) in rows_text {
        let text_width = width.saturating_sub(key_width + 2).max(4);
        for (i, piece) in wrap(&description, text_width).into_iter().enumerate() {
            let keys = if i == 0 {
                fit(&keys, key_width)
            } else {
                " ".repeat(key_width)
            };
            lines.push(Line::from(vec![
                Span::styled(keys, app.theme.key()),
                Span::raw("  "),
                Span::raw(piece),
            ]));
        }
    }
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(
        Paragraph::new(shown).block(Block::new().borders(Borders::NONE)),
        inner,
    );
}

pub fn export(frame: &mut Frame, app: &App, state: &ExportState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(70), 8);
    let inner = popup_frame(frame, app, area, t.export_title);
    let label_width = [t.format, t.scope, t.place]
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(4);
    let width = usize::from(inner.width);
    let mut lines = rows(inner);
    let format = crate::export::Format::ALL.get(state.format).copied();
    let format_text = format.map_or_else(String::new, |f| {
        format!("< {} > {}", f.extension(), f.describe_zh())
    });
    let scope_text = match (state.scope, &state.session, &state.round) {
        (0, Some((_, department)), _) => {
            format!("< {} {} >", t.scope_session, display_line(department))
        }
        (_, _, Some(round)) => format!("< {} {} >", display_line(round), t.scope_round),
        _ => String::new(),
    };
    for (index, (label, value)) in [(t.format, format_text), (t.scope, scope_text)]
        .into_iter()
        .enumerate()
    {
        if let Some(row) = lines.next() {
            let style = if state.field == index {
                app.theme.selected()
            } else {
                Style::new()
            };
            let line = Line::from(vec![
                Span::styled(fit(label, label_width), app.theme.label()),
                Span::raw("  "),
                Span::styled(
                    truncate(&value, width.saturating_sub(label_width + 2)),
                    style,
                ),
            ]);
            frame.render_widget(Paragraph::new(line), row);
        }
    }
    if let Some(row) = lines.next()
        && let Some(position) = input_line(
            frame,
            app,
            row,
            t.place,
            label_width,
            &state.path,
            state.field == 2,
        )
    {
        frame.set_cursor_position(position);
    }
    hint_at_bottom(frame, app, inner, Mode::Export);
}

pub fn done_note(frame: &mut Frame, app: &App, state: &DoneNoteState) {
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), 5);
    let inner = popup_frame(
        frame,
        app,
        area,
        &format!("{} {}", t.done_note_title, state.code),
    );
    let row = Rect { height: 1, ..inner };
    if let Some(position) = input_line(frame, app, row, t.note, t.note.width(), &state.input, true)
    {
        frame.set_cursor_position(position);
    }
    hint_at_bottom(frame, app, inner, Mode::Prompt);
}

/// One version of a response, as one line of text: status, note, who and when.
fn version_text(app: &App, response: Option<&crate::model::session::Response>) -> String {
    let Some(response) = response else {
        return app
            .lang
            .status(crate::model::session::Status::Pending)
            .to_string();
    };
    let mut text = app.lang.status(response.status).to_string();
    if !response.note.is_empty() {
        text.push_str(&format!(" / {}", response.note));
    }
    if let Some(rect) = &response.rectification {
        text.push_str(&format!(
            " / {} {}",
            app.lang.ui().rectification,
            rect.owner
        ));
    }
    let when = response
        .at
        .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    if !response.by.is_empty() || !when.is_empty() {
        text.push_str(&format!(" ({} {when})", response.by));
    }
    text
}

pub fn conflicts(frame: &mut Frame, app: &App, state: &ConflictsState) {
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_ref() else {
        return;
    };
    let session = walk.session();
    let codes: Vec<&String> = session
        .conflicts
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(c, _)| c)
        .collect();
    let screen = frame.area();
    let area = layout::popup(
        screen,
        screen.width.saturating_sub(4).min(76),
        screen.height.saturating_sub(2).min(20),
    );
    let inner = popup_frame(
        frame,
        app,
        area,
        &format!("{} ({})", t.conflicts_title, codes.len()),
    );
    let width = usize::from(inner.width);
    let list_rows = codes.len().min(5);
    let offset = state.item.saturating_sub(list_rows.saturating_sub(1));
    let mut lines: Vec<Line> = codes
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_rows)
        .map(|(index, code)| {
            let title = walk
                .outline
                .item_index(code)
                .map(|i| walk.outline.items[i].title.clone())
                .unwrap_or_default();
            let style = if index == state.item {
                app.theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(
                fit(&format!("{code} {}", display_line(&title)), width),
                style,
            ))
        })
        .collect();
    if let Some(code) = codes.get(state.item) {
        let versions = session
            .conflicts
            .get(*code)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let label_width = [t.in_effect, t.other_version]
            .iter()
            .map(|l| l.width())
            .max()
            .unwrap_or(4)
            + 4;
        let text_width = width.saturating_sub(label_width + 2).max(4);
        let mut field = |label: String, text: String, style: Style| {
            for (i, piece) in wrap(&text, text_width).into_iter().enumerate() {
                let label = if i == 0 { label.clone() } else { String::new() };
                lines.push(Line::from(vec![
                    Span::styled(fit(&label, label_width), app.theme.label()),
                    Span::raw("  "),
                    Span::styled(piece, style),
                ]));
            }
        };
        field(
            t.in_effect.to_string(),
            version_text(app, session.responses.get(*code)),
            Style::new(),
        );
        let count = versions.len();
        if let Some(version) = versions.get(state.version.min(count.saturating_sub(1))) {
            field(
                format!(
                    "{} {}/{count}",
                    t.other_version,
                    state.version.min(count - 1) + 1
                ),
                version_text(app, Some(version)),
                app.theme.warning(),
            );
        }
    }
    let height = usize::from(inner.height.saturating_sub(1));
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), inner);
    hint_at_bottom(frame, app, inner, Mode::Conflicts);
}
