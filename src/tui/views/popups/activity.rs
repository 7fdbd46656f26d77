//! The activity form: add or edit an activity of the 台账.

use ratatui::Frame;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::super::app::{ActivityField, ActivityFormState, App};
use super::super::super::keymap::Mode;
use super::super::super::layout;
use super::super::super::text::truncate;
use super::{hint_at_bottom, input_line, popup_frame, rows};

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
