//! The rectification form (`r` on an item): 责任科室, 责任人, 整改措施, 整改时限 and
//! 整改落实 (docs/design.md §10). Re-checks are not entered here: a later round's
//! walk makes them, or the ledger records them.

use chrono::NaiveDate;

use crate::model::session::{Rectification, RectificationDone};
use crate::model::text::normalize_name;
use crate::tui::action::Effect;
use crate::tui::app::{App, Overlay, RectifyField, RectifyState};
use crate::tui::keymap::Command;
use crate::tui::update::editor_name;
use crate::tui::update::walk::edit_item;

pub(super) fn rectify_command(
    app: &mut App,
    mut state: RectifyState,
    command: Command,
) -> Vec<Effect> {
    let count = RectifyField::ORDER.len();
    match command {
        Command::NextField => state.field = (state.field + 1) % count,
        Command::PrevField => state.field = (state.field + count - 1) % count,
        Command::MarkDone => state.done = !state.done,
        Command::Back => return Vec::new(),
        Command::Submit => return submit_rectification(app, state),
        _ => {}
    }
    app.overlay = Some(Overlay::Rectify(state));
    Vec::new()
}

fn submit_rectification(app: &mut App, mut state: RectifyState) -> Vec<Effect> {
    let t = app.lang.ui();
    let text = |field| state.input(field).text().trim().to_string();
    let owner_department = normalize_name(&text(RectifyField::OwnerDepartment));
    let owner = normalize_name(&text(RectifyField::Owner));
    let measure = text(RectifyField::Measure);
    let done_note = text(RectifyField::DoneNote);
    let due = match text(RectifyField::Due).as_str() {
        "" => None,
        typed => match NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                state.error = Some(t.date_expected.to_string());
                state.field = RectifyField::Due as usize;
                app.overlay = Some(Overlay::Rectify(state));
                return Vec::new();
            }
        },
    };
    let wanted = Rectification {
        owner_department,
        owner,
        measure,
        due,
        ..Rectification::default()
    };
    if wanted.is_blank() && state.done {
        state.error = Some(
            crate::i18n::followup::texts(app.lang)
                .rectification_needed
                .to_string(),
        );
        state.field = 0;
        app.overlay = Some(Overlay::Rectify(state));
        return Vec::new();
    }
    let wall = app.wall;
    let by = app
        .walk
        .as_ref()
        .map(|walk| editor_name(app, walk))
        .unwrap_or_default();
    let done = state.done;
    edit_item(app, &state.code, move |_, response| {
        if wanted.is_blank() {
            response.rectification = None;
            return Ok(());
        }
        let previous = response.rectification.take().unwrap_or_default();
        let done = done.then(|| match previous.done.clone() {
            Some(mut kept) => {
                kept.note = done_note.clone();
                kept
            }
            None => RectificationDone {
                at: wall,
                by,
                note: done_note.clone(),
            },
        });
        response.rectification = Some(Rectification {
            done,
            // Re-checks are records of their own; the form never drops them.
            rechecks: previous.rechecks,
            ..wanted
        });
        Ok(())
    })
}
