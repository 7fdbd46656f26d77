//! Compare, history, ledger, export and merge conflicts.

use super::home::home_data;
use super::*;

fn comparison_data() -> crate::tui::action::CompareData {
    use crate::model::compare::{Inspection, compare};
    let checklist = checklist();
    let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut prior = session(
        "办公室",
        "10月",
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
    );
    prior.set_response(
        "1.1",
        crate::model::session::Response {
            status: Status::Pass,
            ..Default::default()
        },
        "王敏",
        wall(),
    );
    prior.set_response(
        "2.1",
        crate::model::session::Response {
            status: Status::Pass,
            ..Default::default()
        },
        "王敏",
        wall(),
    );
    let mut current = session("办公室", "11月", date);
    current.set_response(
        "1.1",
        crate::model::session::Response {
            status: Status::Fail,
            ..Default::default()
        },
        "王敏",
        wall(),
    );
    current.set_response(
        "2.1",
        crate::model::session::Response {
            status: Status::Pass,
            ..Default::default()
        },
        "王敏",
        wall(),
    );
    crate::tui::action::CompareData {
        comparison: compare(
            Inspection::new(&prior, &checklist),
            Inspection::new(&current, &checklist),
        ),
        current: crate::tui::app::SessionLabel::of(&current, &checklist),
        prior: crate::tui::app::SessionLabel::of(&prior, &checklist),
        checklist: checklist.clone(),
    }
}

#[test]
fn compare_from_the_walk_sorts_regressions_first_filters_and_returns() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Fail));
    let effects = run(&mut app, Command::Compare);
    match effects.as_slice() {
        [
            Effect::LoadCompare {
                source: crate::tui::action::CompareSource::Open { session, .. },
            },
        ] => {
            assert_eq!(
                session.status("1.1"),
                Status::Fail,
                "the unsaved edit is compared"
            );
        }
        other => panic!("{other:?}"),
    }
    update(&mut app, Action::CompareLoaded(Box::new(comparison_data())));
    assert_eq!(app.screen, Screen::Compare);
    let compare = app.compare.as_ref().unwrap();
    assert_eq!(compare.rows()[0].code, "1.1", "the regression comes first");
    let all = compare.rows().len();
    run(&mut app, Command::ChangedOnly);
    let changed = app.compare.as_ref().unwrap().rows().len();
    assert!(changed < all, "unchanged rows hidden: {changed} of {all}");
    run(&mut app, Command::Down);
    assert_eq!(
        app.compare.as_ref().unwrap().cursor,
        0,
        "one changed row only"
    );
    assert!(run(&mut app, Command::Back).is_empty());
    assert_eq!(app.screen, Screen::Walk, "back to the walk, state kept");
    assert_eq!(status(&app, "1.1"), Status::Fail);
}

#[test]
fn compare_from_home_uses_the_stored_session_and_returns_home() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
    let id = app.home.selected_session().unwrap().id;
    let effects = run(&mut app, Command::Compare);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadCompare { source: crate::tui::action::CompareSource::Stored { id: s, prior: None } }] if *s == id)
    );
    update(&mut app, Action::CompareLoaded(Box::new(comparison_data())));
    assert!(matches!(
        run(&mut app, Command::Back).as_slice(),
        [Effect::LoadHome]
    ));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn history_selects_the_current_round_and_moves() {
    let mut app = walking();
    let id = walk(&app).session().id;
    assert!(
        matches!(run(&mut app, Command::History).as_slice(), [Effect::LoadHistory { session }] if *session == id)
    );
    let point = |day: u32, session_id: Uuid| crate::model::rounds::HistoryPoint {
        session_id,
        date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        round: format!("{day}日"),
        summary: walk(&app).summary(),
        percent: Some(50.0),
        sections: Vec::new(),
    };
    let data = crate::tui::action::HistoryData {
        department: "办公室".into(),
        checklist_title: "测试表".into(),
        points: vec![point(1, Uuid::nil()), point(20, id), point(25, Uuid::max())],
        selected: Some(id),
    };
    update(&mut app, Action::HistoryLoaded(Box::new(data)));
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.history.as_ref().unwrap().cursor, 1);
    run(&mut app, Command::Down);
    run(&mut app, Command::Down);
    assert_eq!(app.history.as_ref().unwrap().cursor, 2);
    run(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::Walk);
}

#[test]
fn export_dialog_builds_a_request_with_the_edits_in_memory() {
    let mut app = walking();
    app.export_dir = "/tmp/出口".into();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Export);
    assert!(matches!(app.overlay, Some(Overlay::Export(_))));
    // docx, the package, then md.
    run(&mut app, Command::Down);
    run(&mut app, Command::Down);
    let effects = run(&mut app, Command::Submit);
    let request = match effects.as_slice() {
        [Effect::SaveSettings(settings), Effect::Export(request)] => {
            assert_eq!(settings.export_format, "md");
            assert_eq!(settings.export_scope, "session");
            request.clone()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(
        request.format,
        crate::export::Format::Md,
        "docx, then down twice: past the 测评材料 package to md"
    );
    assert_eq!(request.path, "/tmp/出口");
    assert!(!request.replace);
    match &request.target {
        crate::tui::app::ExportTarget::Session {
            open: Some(session),
            ..
        } => {
            assert_eq!(session.status("1.1"), Status::Pass);
        }
        other => panic!("{other:?}"),
    }
    update(
        &mut app,
        Action::ExportExists(request.clone(), "/tmp/出口/x.docx".into()),
    );
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "Enter does not replace"
    );
    assert!(app.overlay.is_none(), "Enter keeps the file");
    update(
        &mut app,
        Action::ExportExists(request, "/tmp/出口/x.docx".into()),
    );
    let effects = press(&mut app, KeyCode::Char('y'));
    assert!(matches!(effects.as_slice(), [Effect::Export(r)] if r.replace));
    update(&mut app, Action::Exported("/tmp/出口/x.docx".into()));
    assert!(app.message.as_ref().unwrap().text.contains("x.docx"));
}

#[test]
fn export_dialog_starts_on_the_format_and_scope_used_last() {
    let mut app = walking();
    run(&mut app, Command::Export);
    match &app.overlay {
        Some(Overlay::Export(state)) => {
            assert_eq!(
                crate::export::Format::ALL[state.format],
                crate::export::Format::Docx
            );
            assert_eq!(state.scope, 0);
        }
        other => panic!("{other:?}"),
    }
    // Right on the format picker, Tab, Right on the scope picker: xlsx of the round.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' '));
    let effects = press(&mut app, KeyCode::Enter);
    assert!(matches!(
        effects.as_slice(),
        [Effect::SaveSettings(_), Effect::Export(request)]
            if request.format == crate::export::Format::Xlsx
                && matches!(request.target, crate::tui::app::ExportTarget::Round(_))
    ));
    assert_eq!(app.settings.export_format, "xlsx");
    assert_eq!(app.settings.export_scope, "round");
    run(&mut app, Command::Export);
    match &app.overlay {
        Some(Overlay::Export(state)) => {
            assert_eq!(
                crate::export::Format::ALL[state.format],
                crate::export::Format::Xlsx
            );
            assert_eq!(state.scope, 1);
        }
        other => panic!("{other:?}"),
    }
}

fn walking_with_conflicts() -> App {
    let mut app = app();
    let mut opened = opened(PriorView::default());
    let session = &mut opened.loaded.session;
    let mine = crate::model::session::Response {
        status: Status::Pass,
        note: "我的备注".into(),
        ..Default::default()
    };
    session.set_response("1.1", mine, "王敏", wall());
    let theirs = |status, note: &str| crate::model::session::Response {
        status,
        note: note.into(),
        by: "李明".into(),
        at: Some(wall()),
        ..Default::default()
    };
    session
        .conflicts
        .insert("1.1".into(), vec![theirs(Status::Fail, "对方备注")]);
    session.conflicts.insert(
        "2.1".into(),
        vec![theirs(Status::Partial, "甲"), theirs(Status::Na, "乙")],
    );
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    app
}

#[test]
fn conflicts_are_announced_and_settled_one_undoable_step_each() {
    let mut app = walking_with_conflicts();
    assert!(
        app.message.as_ref().unwrap().text.contains("1.1, 2.1"),
        "opening says which items"
    );
    run(&mut app, Command::ReviewConflicts);
    assert!(matches!(app.overlay, Some(Overlay::Conflicts(_))));
    run(&mut app, Command::KeepBoth);
    let note = walk(&app).session().response("1.1").unwrap().note.clone();
    assert!(
        note.contains("我的备注") && note.contains("对方备注"),
        "{note}"
    );
    assert!(!walk(&app).session().conflicts.contains_key("1.1"));
    // Now on 2.1: take the second other version.
    run(&mut app, Command::NextVersion);
    run(&mut app, Command::KeepTheirs);
    assert_eq!(status(&app, "2.1"), Status::Na);
    assert!(app.overlay.is_none(), "closes when nothing is left");
    assert!(walk(&app).session().conflicts.is_empty());
    run(&mut app, Command::Undo);
    assert_eq!(
        walk(&app).session().conflicts.get("2.1").map(Vec::len),
        Some(2),
        "undo brings the conflict back"
    );
    assert_eq!(status(&app, "2.1"), Status::Pending);
    run(&mut app, Command::ReviewConflicts);
    run(&mut app, Command::KeepMine);
    assert_eq!(status(&app, "2.1"), Status::Pending);
    assert!(walk(&app).session().conflicts.is_empty());
    assert!(walk(&app).save.is_dirty());
}

#[test]
fn no_conflicts_says_so() {
    let mut app = walking();
    run(&mut app, Command::ReviewConflicts);
    assert!(app.overlay.is_none());
    assert!(app.message.is_some());
}
