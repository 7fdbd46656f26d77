//! Finishing a session (issue 16, item 5): asking while items are pending, and what
//! a finished session still says.

use super::*;

#[test]
fn f_with_pending_items_asks_saying_how_many() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Finish);
    // Five items, one checked.
    assert!(
        matches!(
            app.overlay,
            Some(Overlay::Confirm(Confirm::FinishPending { pending: 4 }))
        ),
        "{:?}",
        app.overlay
    );
    assert!(!walk(&app).session().is_finished(), "not before the answer");
    run(&mut app, Command::No);
    assert!(app.overlay.is_none());
    assert!(!walk(&app).session().is_finished(), "n keeps it open");
    run(&mut app, Command::Finish);
    run(&mut app, Command::Yes);
    assert!(walk(&app).session().is_finished());
    assert!(!walk(&app).editable());
}

#[test]
fn f_with_everything_checked_finishes_at_once_and_f_again_reopens() {
    let mut app = walking();
    for _ in 0..5 {
        run(&mut app, Command::NextPending);
        run(&mut app, Command::SetStatus(Status::Pass));
    }
    assert_eq!(walk(&app).summary().figures.outstanding(), 0);
    run(&mut app, Command::Finish);
    assert!(app.overlay.is_none());
    assert!(walk(&app).session().is_finished());
    run(&mut app, Command::Finish);
    assert!(app.overlay.is_none(), "reopening never asks");
    assert!(!walk(&app).session().is_finished());
}

#[test]
fn home_forgets_what_was_said_about_the_session_once_it_is_left() {
    let mut app = walking();
    run(&mut app, Command::Finish);
    run(&mut app, Command::Yes);
    run(&mut app, Command::EditNote);
    let refused = app.message.as_ref().map(|m| m.text.clone());
    assert!(
        refused.as_deref().is_some_and(|t| t.contains("重新打开")),
        "{refused:?}"
    );
    // Mark the finish saved so leaving does not wait for the save.
    if let Some(walk) = app.walk.as_mut() {
        walk.save.saved = walk.save.generation;
    }
    run(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::Home);
    assert!(app.message.is_none(), "{:?}", app.message);
}

#[test]
fn enter_in_the_finish_question_keeps_the_session_open_only_y_finishes() {
    let mut app = walking();
    run(&mut app, Command::Finish);
    press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "Enter answers no");
    assert!(!walk(&app).session().is_finished(), "Enter does not finish");
    run(&mut app, Command::Finish);
    press(&mut app, KeyCode::Char('y'));
    assert!(walk(&app).session().is_finished());
}
