//! An activity's material on the activity screen (docs/design.md §14, DESIGN §12):
//! `a` opens its labels and attached files; a path typed or pasted (a file dragged
//! onto the terminal pastes its quoted path) attaches the file, other text adds a
//! label; a selected file's caption is on the input line to edit; Ctrl-o opens the
//! selected file, Delete removes it after asking. The keys and the pop-up are the
//! walk's evidence pop-up's. Every change is saved at once by a job, which reloads
//! the screen.

use super::super::action::Effect;
use super::super::app::{ActivityFilesState, App, Confirm, Overlay};
use super::super::keymap::Command;
use crate::model::activity::Activity;
use crate::model::pasted_paths::pasted_paths;

/// `a`: the selected activity's material.
pub fn open(app: &mut App) -> Vec<Effect> {
    let selected = app.taizhang.as_ref().and_then(|state| state.selected());
    if let Some(row) = selected {
        app.overlay = Some(Overlay::ActivityFiles(ActivityFilesState::new(
            row.activity.id,
        )));
    }
    Vec::new()
}

pub fn command(app: &mut App, mut state: ActivityFilesState, command: Command) -> Vec<Effect> {
    let Some(activity) = app
        .taizhang
        .as_ref()
        .and_then(|taizhang| taizhang.activity(state.id))
        .cloned()
    else {
        // Gone from the reloaded ledger: nothing to show.
        return Vec::new();
    };
    let labels = activity.evidence.len();
    let count = labels + activity.attachments.len();
    // The list shows the labels, then the attached files (numbered from 1).
    let file_at = |selected: Option<usize>| {
        let index = selected?.checked_sub(labels)?;
        activity
            .attachments
            .get(index)
            .map(|file| (index + 1, file))
    };
    let was_file = file_at(state.selected).is_some();
    let mut effects = Vec::new();
    match command {
        Command::Up | Command::Down => {
            state.selected = match (command, state.selected) {
                (Command::Up, _) if count == 0 => None,
                (Command::Up, selected) => {
                    Some(selected.map_or(count - 1, |s| s.saturating_sub(1)))
                }
                (_, selected) => selected.filter(|s| s + 1 < count).map(|s| s + 1),
            };
            // A selected file's caption is on the input line, to edit; leaving it
            // takes it out again.
            match file_at(state.selected) {
                Some((_, file)) => state.input.set(&file.caption),
                None if was_file => state.input.clear(),
                None => {}
            }
        }
        Command::Submit => {
            let typed = state.input.text().trim().to_string();
            let paths = pasted_paths(&typed);
            effects = match (file_at(state.selected), paths) {
                // With a file selected, what is typed is its caption (empty clears it).
                (Some((number, _)), None) => vec![Effect::CaptionActivityFile {
                    id: state.id,
                    number,
                    caption: typed,
                }],
                _ if typed.is_empty() => Vec::new(),
                (_, Some(paths)) => vec![Effect::AttachToActivity {
                    id: state.id,
                    paths,
                }],
                (None, None) => with_labels(&activity, |labels| {
                    if !labels.contains(&typed) {
                        labels.push(typed);
                    }
                }),
            };
            if !effects.is_empty() {
                state.input.clear();
                state.selected = None;
            }
        }
        Command::OpenAttachment => {
            if let Some((_, file)) = file_at(state.selected) {
                effects.push(Effect::OpenAttachment(file.clone()));
            }
        }
        Command::Delete => match (file_at(state.selected), state.selected) {
            (Some((number, file)), _) => {
                app.overlay = Some(Overlay::Confirm(Confirm::DetachFromActivity {
                    id: state.id,
                    number,
                    file: file.file.clone(),
                }));
                return Vec::new();
            }
            (None, Some(label)) => {
                effects = with_labels(&activity, |labels| {
                    if label < labels.len() {
                        labels.remove(label);
                    }
                });
                state.selected = None;
            }
            (None, None) => {}
        },
        Command::Back => return Vec::new(),
        _ => {}
    }
    app.overlay = Some(Overlay::ActivityFiles(state));
    effects
}

/// Saves the activity with its labels changed by `change`.
fn with_labels(activity: &Activity, change: impl FnOnce(&mut Vec<String>)) -> Vec<Effect> {
    let mut fields = activity.fields();
    change(&mut fields.evidence);
    vec![Effect::SaveActivity {
        id: Some(activity.id),
        fields,
        recorded_by: String::new(),
    }]
}
