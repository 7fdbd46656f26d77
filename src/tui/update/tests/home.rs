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
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
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
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
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
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
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
    assert!(
        run(&mut app, Command::Submit).is_empty(),
        "Enter on a suggestion only takes it"
    );
    match &app.overlay {
        Some(Overlay::NewSession(form)) => {
            assert_eq!(form.department.text(), "办公室");
            assert_eq!(form.suggestion, None);
            assert_eq!(form.field, NewField::Department);
        }
        other => panic!("the form stays open: {other:?}"),
    }
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
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
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
fn on_first_run_the_round_is_named_for_the_half_month() {
    for (day, round) in [
        (wall(), "2026年11月下半月自查"),
        (
            chrono::DateTime::parse_from_rfc3339("2026-11-15T23:00:00+08:00").unwrap(),
            "2026年11月上半月自查",
        ),
    ] {
        let mut app = App::new(Lang::Zh, Theme::plain(), Default::default(), day);
        let first_run = HomeData {
            sessions: Vec::new(),
            ..home_data()
        };
        update(&mut app, Action::HomeLoaded(Box::new(first_run)));
        run(&mut app, Command::NewSession);
        match &app.overlay {
            Some(Overlay::NewSession(form)) => assert_eq!(form.round.text(), round),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn left_right_and_space_change_the_pickers_of_the_new_session_form() {
    let mut app = app();
    let mut data = home_data();
    data.checklists.push(ChecklistChoice {
        id: "u".into(),
        version: 2,
        title: "第二张表".into(),
        origin: Default::default(),
    });
    update(&mut app, Action::HomeLoaded(Box::new(data)));
    press(&mut app, KeyCode::Char('n'));
    let form = |app: &App| match &app.overlay {
        Some(Overlay::NewSession(form)) => form.clone(),
        other => panic!("{other:?}"),
    };
    // Shift-Tab twice: from 部门 back to the checklist picker.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(form(&app).field, NewField::Checklist);
    assert_eq!(app.mode(), crate::tui::keymap::Mode::Choice);
    let first = form(&app).checklist;
    press(&mut app, KeyCode::Right);
    assert_ne!(form(&app).checklist, first);
    press(&mut app, KeyCode::Left);
    assert_eq!(form(&app).checklist, first);
    press(&mut app, KeyCode::Char(' '));
    assert_ne!(form(&app).checklist, first, "Space picks the next one");
    press(&mut app, KeyCode::Tab);
    let scope = form(&app).scope;
    press(&mut app, KeyCode::Right);
    assert_ne!(form(&app).scope, scope);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(form(&app).scope, scope);
    // On a text field Left and Right move the cursor, and Space is text.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.mode(), crate::tui::keymap::Mode::NewSession);
    typed(&mut app, "办室");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Char('公'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(form(&app).department.text(), "办公室 ");
}

#[test]
fn a_date_that_does_not_exist_is_told_so() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
    run(&mut app, Command::NewSession);
    typed(&mut app, "党群室");
    let Some(Overlay::NewSession(form)) = app.overlay.as_mut() else {
        panic!("form");
    };
    form.date.set("2026-11-99");
    assert!(run(&mut app, Command::Submit).is_empty());
    match &app.overlay {
        Some(Overlay::NewSession(form)) => {
            assert_eq!(form.field, NewField::Date);
            assert_eq!(form.error.as_deref(), Some("没有这一天，请检查月份和日期"));
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
