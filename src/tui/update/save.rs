//! Saving the walk: autosave after edits rest, what a finished save means, and
//! leaving or closing the session.

use super::*;

/// Starts a save when edits have rested long enough (or at once when leaving).
pub(super) fn autosave(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(walk) = app.walk.as_mut() else {
        return Vec::new();
    };
    let save = &walk.save;
    if !save.is_dirty() || save.in_flight.is_some() || walk.read_only.is_some() {
        return Vec::new();
    }
    if save.retry_at.is_some_and(|at| now < at) {
        return Vec::new();
    }
    let rested = save
        .last_edit
        .is_none_or(|edit| now.duration_since(edit) >= crate::tui::app::AUTOSAVE_DELAY);
    let waited_long = save
        .dirty_since
        .is_some_and(|since| now.duration_since(since) >= crate::tui::app::AUTOSAVE_MAX_WAIT);
    if !rested && !walk.closing && !waited_long {
        return Vec::new();
    }
    walk.save.dirty_since = None;
    walk.save.in_flight = Some(walk.save.generation);
    vec![Effect::Save(Box::new(crate::tui::action::SaveJob {
        loaded: walk.loaded.clone(),
        generation: walk.save.generation,
    }))]
}

pub(super) fn save_finished(app: &mut App, report: SaveReport) -> Vec<Effect> {
    let wall = app.wall;
    let now = app.now;
    let t = app.lang.ui();
    let Some(walk) = app.walk.as_mut().filter(|w| w.session().id == report.id) else {
        return Vec::new();
    };
    walk.save.in_flight = None;
    match report.outcome {
        SaveOutcome::Saved { seq, on_disk } => {
            walk.loaded.session.seq = seq;
            walk.loaded.on_disk = Some(on_disk);
            walk.save.saved = walk.save.saved.max(report.generation);
            walk.save.error = None;
            walk.save.retry_at = None;
            walk.save.last_saved_at = Some(wall);
        }
        SaveOutcome::Failed(text) => {
            walk.save.error = Some(text.clone());
            walk.save.retry_at = Some(now + crate::tui::app::RETRY_DELAY);
            if walk.closing {
                walk.closing = false;
                app.overlay = Some(Overlay::Confirm(Confirm::LeaveUnsaved));
                app.error(format!("{}: {text}", t.save_failed));
                return Vec::new();
            }
        }
        SaveOutcome::Conflict(text) => {
            walk.read_only = Some(text.clone());
            walk.save.saved = walk.save.generation;
            walk.save.error = Some(text.clone());
            app.error(text);
        }
    }
    let done_closing = app
        .walk
        .as_ref()
        .is_some_and(|w| w.closing && !w.save.is_dirty());
    if done_closing {
        close_walk(app)
    } else {
        Vec::new()
    }
}

/// Leaves the walk screen: at once when everything is saved, else after the save lands.
pub fn leave_walk(app: &mut App) -> Vec<Effect> {
    let Some(walk) = app.walk.as_mut() else {
        app.screen = Screen::Home;
        return Vec::new();
    };
    if walk.save.is_dirty() && walk.read_only.is_none() {
        walk.closing = true;
        let effects = autosave(app);
        app.info(app.lang.ui().saving.to_string());
        return effects;
    }
    close_walk(app)
}

fn close_walk(app: &mut App) -> Vec<Effect> {
    let Some(walk) = app.walk.take() else {
        return Vec::new();
    };
    app.screen = Screen::Home;
    app.overlay = None;
    if app
        .message
        .as_ref()
        .is_some_and(|m| m.kind == MessageKind::Info || m.about_walk)
    {
        app.message = None;
    }
    let id = walk.session().id;
    let mut effects = Vec::new();
    if let Some(code) = walk.selected_code() {
        app.settings.remember_item(&id.to_string(), code);
        effects.push(Effect::SaveSettings(app.settings.clone()));
    }
    effects.push(Effect::CloseSession { id });
    if app.quit_after_close {
        app.quit = true;
        return effects;
    }
    // Opened from the ledger: q goes back to it, read again for what changed.
    if std::mem::take(&mut app.return_to_ledger)
        && let Some(ledger) = app.ledger.as_ref()
    {
        app.screen = Screen::Ledger;
        effects.push(Effect::LoadLedger { all: ledger.all });
        return effects;
    }
    effects.push(Effect::LoadHome);
    effects
}
