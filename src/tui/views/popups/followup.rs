//! Pop-ups of the rectification loop: the rectification form, the 整改落实 / 复查
//! prompt and the new-problem form. Each keeps its error on screen and puts the
//! terminal cursor at its edit point.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{hint_at_bottom, input_line, popup_frame, rows};
use crate::i18n::followup::texts;
use crate::tui::app::{
    App, FollowUpKind, FollowUpPrompt, ProblemField, ProblemForm, RectifyField, RectifyState,
};
use crate::tui::input::LineInput;
use crate::tui::keymap::{Command, Mode};
use crate::tui::layout;
use crate::tui::text::{display_line, fit, truncate};

/// Labelled inputs one per row; returns where the cursor belongs.
fn fields(
    frame: &mut Frame,
    app: &App,
    lines: &mut impl Iterator<Item = Rect>,
    inputs: &[(&str, &LineInput)],
    focused: Option<usize>,
) -> Option<Position> {
    let label_width = inputs.iter().map(|(l, _)| l.width()).max().unwrap_or(4);
    let mut cursor = None;
    for (index, (label, input)) in inputs.iter().enumerate() {
        let Some(row) = lines.next() else { break };
        let position = input_line(
            frame,
            app,
            row,
            label,
            label_width,
            input,
            focused == Some(index),
        );
        cursor = cursor.or(position);
    }
    cursor
}

fn message(frame: &mut Frame, app: &App, row: Option<Rect>, text: Option<&str>, warn: bool) {
    let (Some(row), Some(text)) = (row, text) else {
        return;
    };
    let style = if warn {
        app.theme.warning()
    } else {
        app.theme.dim()
    };
    let shown = truncate(&display_line(text), usize::from(row.width));
    frame.render_widget(Paragraph::new(Span::styled(shown, style)), row);
}

fn width_for(screen: Rect, wanted: u16) -> u16 {
    screen.width.saturating_sub(4).min(wanted)
}

pub fn rectify(frame: &mut Frame, app: &App, state: &RectifyState) {
    let f = texts(app.lang);
    let t = app.lang.ui();
    let screen = frame.area();
    let area = layout::popup(screen, width_for(screen, 64), 11);
    let title = format!("{} {}", t.rectification, state.code);
    let inner = popup_frame(frame, app, area, &title);
    let mut lines = rows(inner);
    let labels = [f.owner_department, f.owner, f.measure, f.due, f.done_note];
    let inputs: Vec<(&str, &LineInput)> = RectifyField::ORDER
        .iter()
        .zip(labels)
        .map(|(field, label)| (label, state.input(*field)))
        .collect();
    let cursor = fields(frame, app, &mut lines, &inputs, Some(state.field));
    if let Some(row) = lines.next() {
        let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(4);
        let mark = if state.done { "[x]" } else { "[ ]" };
        let text = format!(
            "{}  {mark} {}",
            fit(f.done, label_width),
            (t.done_toggle)(&app.keys.mark_done)
        );
        frame.render_widget(Paragraph::new(truncate(&text, usize::from(row.width))), row);
    }
    message(frame, app, lines.next(), state.error.as_deref(), true);
    hint_at_bottom(frame, app, inner, Mode::Rectify);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

pub fn follow_up(frame: &mut Frame, app: &App, prompt: &FollowUpPrompt) {
    let f = texts(app.lang);
    let screen = frame.area();
    let area = layout::popup(screen, width_for(screen, 70), 6);
    let what = match prompt.kind {
        FollowUpKind::Done => f.done.to_string(),
        FollowUpKind::Pass => app.lang.command(Command::RecheckPass).hint.to_string(),
        FollowUpKind::Fail => app.lang.command(Command::RecheckFail).hint.to_string(),
    };
    let title = truncate(
        &display_line(&format!("{what} {}", prompt.label)),
        usize::from(area.width.saturating_sub(4)),
    );
    let inner = popup_frame(frame, app, area, &title);
    let mut lines = rows(inner);
    let label = match prompt.kind {
        FollowUpKind::Done => f.done_note,
        FollowUpKind::Pass | FollowUpKind::Fail => f.recheck_note,
    };
    let focused = (!prompt.pending).then_some(0);
    let cursor = fields(frame, app, &mut lines, &[(label, &prompt.input)], focused);
    let status = if prompt.pending {
        Some(app.lang.ui().saving)
    } else {
        None
    };
    message(frame, app, lines.next(), status, false);
    message(frame, app, lines.next(), prompt.error.as_deref(), true);
    hint_at_bottom(frame, app, inner, Mode::Prompt);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

pub fn problem(frame: &mut Frame, app: &App, form: &ProblemForm) {
    let f = texts(app.lang);
    let screen = frame.area();
    let area = layout::popup(screen, width_for(screen, 70), 11);
    let inner = popup_frame(frame, app, area, app.lang.command(Command::AddProblem).hint);
    let mut lines = rows(inner);
    let label = |field| match field {
        ProblemField::Department => f.department,
        ProblemField::Title => f.title,
        ProblemField::Source => f.source,
        ProblemField::OwnerDepartment => f.owner_department,
        ProblemField::Owner => f.owner,
        ProblemField::Measure => f.measure,
        ProblemField::Due => f.due,
    };
    let inputs: Vec<(&str, &LineInput)> = ProblemField::ORDER
        .iter()
        .map(|field| (label(*field), form.input(*field)))
        .collect();
    let focused = (!form.pending).then_some(form.field);
    let cursor = fields(frame, app, &mut lines, &inputs, focused);
    let (text, warn) = match (&form.error, form.pending) {
        (Some(error), _) => (Some(error.as_str()), true),
        (None, true) => (Some(app.lang.ui().saving), false),
        (None, false) => (None, false),
    };
    message(frame, app, lines.next(), text, warn);
    hint_at_bottom(frame, app, inner, Mode::Problem);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
