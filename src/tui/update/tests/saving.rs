//! Autosave, failed saves, conflicts, leaving and quitting, read-only, mouse and resize.

use super::*;

#[test]
fn autosave_waits_for_a_pause_then_saves_once() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "not right after the edit"
    );
    app.now += AUTOSAVE_DELAY;
    let effects = update(&mut app, Action::Tick);
    let generation = match effects.as_slice() {
        [Effect::Save(job)] => job.generation,
        other => panic!("{other:?}"),
    };
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "one save at a time"
    );
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(
            id,
            generation,
            SaveOutcome::Saved {
                seq: 1,
                on_disk: [7; 32],
            },
        ),
    );
    let save = &walk(&app).save;
    assert!(!save.is_dirty());
    assert_eq!(save.last_saved_at, Some(wall()));
    assert_eq!(walk(&app).session().seq, 1);
    assert!(update(&mut app, Action::Tick).is_empty());
}

fn save_report(id: Uuid, generation: u64, outcome: SaveOutcome) -> Action {
    Action::SaveFinished(SaveReport {
        id,
        generation,
        outcome,
    })
}

#[test]
fn a_failed_save_keeps_edits_and_retries_later() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    app.now += AUTOSAVE_DELAY;
    update(&mut app, Action::Tick);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Failed("No space left on device".into())),
    );
    assert!(walk(&app).save.is_dirty());
    assert_eq!(
        status(&app, "1.1"),
        Status::Pass,
        "the edit stays in memory"
    );
    assert!(
        walk(&app)
            .save
            .error
            .as_deref()
            .unwrap()
            .contains("No space")
    );
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "waits before retrying"
    );
    app.now += RETRY_DELAY;
    assert!(matches!(
        update(&mut app, Action::Tick).as_slice(),
        [Effect::Save(_)]
    ));
}

#[test]
fn a_conflict_stops_saving_and_makes_the_session_read_only() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    app.now += AUTOSAVE_DELAY;
    update(&mut app, Action::Tick);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Conflict("saved as recovery/x".into())),
    );
    assert!(walk(&app).read_only.is_some());
    run(&mut app, Command::SetStatus(Status::Fail));
    assert_eq!(status(&app, "1.1"), Status::Pass, "read-only refuses edits");
    app.now += RETRY_DELAY;
    assert!(update(&mut app, Action::Tick).is_empty());
}

#[test]
fn leaving_with_unsaved_edits_saves_first() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    let effects = run(&mut app, Command::Back);
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_)]),
        "saves at once, no pause"
    );
    assert_eq!(app.screen, Screen::Walk, "still here until the save lands");
    let id = walk(&app).session().id;
    let effects = update(
        &mut app,
        save_report(
            id,
            1,
            SaveOutcome::Saved {
                seq: 1,
                on_disk: [1; 32],
            },
        ),
    );
    assert!(matches!(
        effects.as_slice(),
        [Effect::CloseSession { .. }, Effect::LoadHome]
    ));
    assert_eq!(app.screen, Screen::Home);
    assert!(app.walk.is_none());
}

#[test]
fn leaving_after_a_failed_save_asks_and_recovers() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Back);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Failed("read-only file system".into())),
    );
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::LeaveUnsaved))
    ));
    let effects = run(&mut app, Command::Yes);
    assert!(matches!(effects.first(), Some(Effect::Recover(s)) if s.status("1.1") == Status::Pass));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn ctrl_c_finishes_the_note_saves_and_quits() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    typed(&mut app, "未完的备注");
    let effects = update(&mut app, Action::QuitRequested);
    let generation = match effects.as_slice() {
        [Effect::Save(job)] => {
            assert_eq!(
                job.loaded.session.response("1.1").unwrap().note,
                "未完的备注"
            );
            job.generation
        }
        other => panic!("{other:?}"),
    };
    let id = walk(&app).session().id;
    let saved = SaveOutcome::Saved {
        seq: 1,
        on_disk: [1; 32],
    };
    let effects = update(&mut app, save_report(id, generation, saved));
    assert!(matches!(effects.as_slice(), [Effect::CloseSession { .. }]));
    assert!(app.quit);
}

#[test]
fn finishing_makes_it_read_only_but_saves_the_finish() {
    let mut app = walking();
    run(&mut app, Command::Finish);
    assert!(walk(&app).session().is_finished());
    run(&mut app, Command::SetStatus(Status::Pass));
    assert_eq!(
        status(&app, "1.1"),
        Status::Pending,
        "finished sessions refuse edits"
    );
    assert!(matches!(
        update(&mut app, Action::Tick).as_slice(),
        [Effect::Save(_)]
    ));
    run(&mut app, Command::Finish);
    assert!(!walk(&app).session().is_finished());
    run(&mut app, Command::SetStatus(Status::Pass));
    assert_eq!(status(&app, "1.1"), Status::Pass);
}

#[test]
fn a_session_held_elsewhere_opens_read_only() {
    let mut app = app();
    let mut opened = opened(PriorView::default());
    opened.read_only = Some("in use by process 42".into());
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::EditNote);
    assert!(app.overlay.is_none());
    assert_eq!(status(&app, "1.1"), Status::Pending);
    assert!(app.message.as_ref().unwrap().text.contains("process 42"));
}

#[test]
fn click_selects_a_row_and_the_wheel_moves() {
    let mut app = walking();
    // Row 1 of the screen is the first tree row (inside the frame).
    update(&mut app, Action::Click { column: 5, row: 3 });
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    update(&mut app, Action::ScrollDown);
    assert_eq!(walk(&app).cursor, 3);
    update(&mut app, Action::ScrollUp);
    assert_eq!(walk(&app).cursor, 2);
}

#[test]
fn resize_keeps_the_selection_in_view() {
    let mut app = walking();
    run(&mut app, Command::Bottom);
    update(&mut app, Action::Resize(40, 12));
    let walk = walk(&app);
    let height = crate::tui::update::tree_height(&app);
    assert!(walk.cursor >= walk.scroll && walk.cursor < walk.scroll + height);
}

#[test]
fn autosave_runs_while_typing_goes_on_without_a_pause() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    let mut saves = 0;
    // Typing (or a paste arriving as keys) every 100 ms for 5 s: never a 600 ms pause.
    for step in 0..50 {
        typed(&mut app, "记");
        app.now += Duration::from_millis(100);
        for effect in update(&mut app, Action::Tick) {
            if let Effect::Save(job) = effect {
                saves += 1;
                let id = job.loaded.session.id;
                let outcome = SaveOutcome::Saved {
                    seq: step + 1,
                    on_disk: [7; 32],
                };
                update(&mut app, save_report(id, job.generation, outcome));
            }
        }
    }
    assert!(
        saves >= 2,
        "edits reached the disk during the burst: {saves} saves"
    );
}
