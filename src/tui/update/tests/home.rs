//! The home screen and the new-session form.

use super::*;

fn row(department: &str, round: &str, day: u32) -> SessionRow {
    let session = session(
        department,
        round,
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
    );
    SessionRow::new(&session, &checklist())
}

pub(super) fn home_data() -> HomeData {
    HomeData {
        sessions: vec![
            row("办公室", "10月", 1),
            row("党群室", " 11月", 20),
            row("办公室 ", "11月", 21),
        ],
        checklists: vec![ChecklistChoice {
            id: "t".into(),
            version: 1,
            title: "测试表".into(),
            origin: Default::default(),
        }],
        ..HomeData::default()
    }
}

#[test]
fn home_lists_rounds_newest_first_and_opens_sessions() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(home_data()));
    assert_eq!(app.home.rounds, ["11月", "10月"]);
    let departments: Vec<_> = app
        .home
        .round_sessions()
        .iter()
        .map(|r| r.department.clone())
        .collect();
    assert_eq!(departments, ["党群室", "办公室"]);
    run(&mut app, Command::Down);
    let id = app.home.selected_session().unwrap().id;
    assert!(
        matches!(run(&mut app, Command::Open).as_slice(), [Effect::OpenSession { id: opened, .. }] if *opened == id)
    );
    run(&mut app, Command::SwitchFocus);
    run(&mut app, Command::Down);
    assert_eq!(app.home.selected_round(), Some("10月"));
    assert_eq!(app.home.session_cursor, 0);
    assert_eq!(app.home.known_departments()[0], "办公室", "most used first");
}

#[test]
fn delete_asks_first_and_moves_to_the_trash() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(home_data()));
    let id = app.home.selected_session().unwrap().id;
    run(&mut app, Command::Delete);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::Trash { .. }))
    ));
    assert!(run(&mut app, Command::No).is_empty());
    assert!(app.overlay.is_none());
    run(&mut app, Command::Delete);
    let effects = run(&mut app, Command::Yes);
    assert!(
        matches!(effects.as_slice(), [Effect::TrashSession { id: trashed }, Effect::LoadHome] if *trashed == id)
    );
}

#[test]
fn new_session_form_defaults_suggests_and_remembers() {
    let mut app = app();
    app.settings.inspector = "王敏".into();
    app.settings.last_round = "11月".into();
    update(&mut app, Action::HomeLoaded(home_data()));
    run(&mut app, Command::NewSession);
    match &app.overlay {
        Some(Overlay::NewSession(form)) => {
            assert_eq!(form.round.text(), "11月");
            assert_eq!(form.date.text(), "2026-11-21");
            assert_eq!(form.inspector.text(), "王敏");
            assert_eq!(form.field, NewField::Department);
        }
        other => panic!("{other:?}"),
    }
    run(&mut app, Command::Submit);
    assert!(
        matches!(&app.overlay, Some(Overlay::NewSession(f)) if f.error.is_some()),
        "department needed"
    );
    typed(&mut app, "办");
    run(&mut app, Command::Down);
    let effects = run(&mut app, Command::Submit);
    match effects.as_slice() {
        [
            Effect::SaveSettings(settings),
            Effect::CreateSession { request, recheck },
        ] => {
            assert_eq!(request.department, "办公室", "the suggestion was taken");
            assert_eq!(request.round, "11月");
            assert_eq!(settings.last_checklist, "t");
            assert!(*recheck);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn new_session_form_without_settings_takes_the_home_selection() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(home_data()));
    run(&mut app, Command::NewSession);
    match &app.overlay {
        Some(Overlay::NewSession(form)) => {
            assert_eq!(form.round.text(), "11月", "the newest round");
            assert_eq!(form.checklist, 0, "the selected session's checklist");
            assert_eq!(form.inspector.text(), "");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn quit_on_home_and_help_opens_and_closes() {
    let mut app = app();
    run(&mut app, Command::Help);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    run(&mut app, Command::Down);
    run(&mut app, Command::Back);
    assert!(app.overlay.is_none());
    run(&mut app, Command::Quit);
    assert!(app.quit);
}

#[test]
fn autosave_tick_is_quiet_when_the_delay_has_not_passed() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    app.now += AUTOSAVE_DELAY - Duration::from_millis(1);
    assert!(update(&mut app, Action::Tick).is_empty());
}
