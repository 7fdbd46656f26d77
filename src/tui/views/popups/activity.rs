//! The activity form: add or edit an activity of the 台账; and its material (labels
//! and attached files).

use ratatui::Frame;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::super::app::{ActivityField, ActivityFilesState, ActivityFormState, App};
use super::super::super::keymap::Mode;
use super::super::super::layout;
use super::super::super::text::truncate;
use super::item::material_list;
use super::{hint_at_bottom, input_line, popup_frame, rows};
use crate::model::activity::Activity;
use crate::model::attachment::Attachment;

pub fn activity_form(frame: &mut Frame, app: &App, form: &ActivityFormState) {
    let t = app.lang.deadlines();
    let words = app.lang.texts();
    let screen = frame.area();
    let area = layout::popup(screen, screen.width.saturating_sub(4).min(64), 10);
    let title = if form.id.is_some() {
        t.form_edit_title
    } else {
        t.form_title
    };
    let inner = popup_frame(frame, app, area, title);
    let label = |field: ActivityField| match field {
        ActivityField::Title => t.activity,
        ActivityField::Date => words.date,
        ActivityField::Department => t.form_department,
        ActivityField::Kind => t.kind,
        ActivityField::Participants => t.participants,
        ActivityField::Evidence => t.evidence,
    };
    let label_width = ActivityField::ORDER
        .iter()
        .map(|f| label(*f).width())
        .max()
        .unwrap_or(4);
    let mut cursor = None;
    let mut lines = rows(inner);
    for field in ActivityField::ORDER {
        if let Some(row) = lines.next()
            && let Some(position) = input_line(
                frame,
                app,
                row,
                label(field),
                label_width,
                form.input(field),
                form.field == field,
            )
        {
            cursor = Some(position);
        }
    }
    if let (Some(row), Some(error)) = (lines.next(), &form.error) {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(error, usize::from(row.width)),
                app.theme.warning(),
            )),
            row,
        );
    }
    hint_at_bottom(frame, app, inner, Mode::ActivityForm);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// An activity's material: its labels, then its attached files with their time and
/// caption, and the line to type or paste a path (or a label).
pub fn activity_files(frame: &mut Frame, app: &App, state: &ActivityFilesState) {
    let t = app.lang.deadlines();
    let Some(activity) = app.taizhang.as_ref().and_then(|s| s.activity(state.id)) else {
        return;
    };
    let entries = material_lines(app, activity);
    let title = format!("{}{}{}", t.evidence, t.colon, activity.title);
    let list = (&entries[..], activity.evidence.len());
    material_list(frame, app, &title, list, (state.selected, &state.input));
}

/// "- 签到表" per label, then a [`file_line`] per file.
fn material_lines(app: &App, activity: &Activity) -> Vec<String> {
    let labels = activity.evidence.iter().map(|label| format!("- {label}"));
    let files =
        (activity.attachments.iter().enumerate()).map(|(i, file)| file_line(app, i + 1, file));
    labels.chain(files).collect()
}

/// "附件 1 合影.jpg 2026-11-18 09:30 集体合影": the `number`-th file (user text: clean
/// it for display).
pub fn file_line(app: &App, number: usize, file: &Attachment) -> String {
    let word = app.lang.ui().attachments;
    let mut line = format!("{word} {number} {} {}", file.file, file.taken_short());
    if !file.caption.is_empty() {
        line.push_str(&format!(" {}", file.caption));
    }
    line
}
