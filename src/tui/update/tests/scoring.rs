//! Scoring as real tables write it, in the UI: counts in the deductions menu,
//! levels, surveyed rates, unit items left out of a department walk, and the
//! new-session form's scope.

use super::*;
use crate::model::checklist::Scope;

/// A real table's shapes: a per-occurrence deduction, levels, a rate item, a unit
/// item and a veto item judged for the whole unit.
const REAL: &str = r#"(id: "r", version: 1, title: "测评细则", rules: (disqualify_from: 2.0,
    grades: [(90.0, "优秀"), (0.0, "不合格")],
    levels: [("A", 1.0), ("B", 0.66), ("C", 0.33), ("C#", 0.0)]),
  sections: [
    (code: "1", title: "科室", items: [
        (code: "1.1", title: "道德讲堂", points: 6.0,
         deductions: [("每少开展一次", 1.5, "次"), ("无计划", 2.0)]),
        (code: "1.2", title: "满意率", points: 4.0, rate: [(90.0, 0.0), (80.0, 1.0), (0.0, 3.0)]),
    ]),
    (code: "2", title: "全单位", items: [
        (code: "2.1", title: "领导班子", points: 10.0, scope: "unit"),
        (code: "2.2", title: "无违法违纪", veto: true, scope: "unit"),
    ]),
  ])"#;

fn real_walk(scope: Scope) -> App {
    let mut app = app();
    let mut opened = opened(PriorView::default());
    opened.checklist = Arc::new(parse_checklist(REAL.as_bytes(), "r.ron").expect("checklist"));
    opened.loaded.session.checklist.id = "r".into();
    opened.loaded.session.scope = scope;
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    app
}

fn response(app: &App, code: &str) -> crate::model::session::Response {
    walk(app)
        .session()
        .response(code)
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_department_walk_leaves_unit_items_out() {
    let app = real_walk(Scope::Department);
    let codes: Vec<&str> = walk(&app)
        .outline
        .items
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["1.1", "1.2"]);
    assert_eq!(walk(&app).summary().figures.total, 2);
    let unit = real_walk(Scope::Unit);
    assert_eq!(walk(&unit).outline.items.len(), 4);
}

#[test]
fn the_deductions_menu_takes_a_count_typed_or_stepped() {
    let mut app = real_walk(Scope::Department);
    assert_eq!(selected(&app).as_deref(), Some("1.1"));
    run(&mut app, Command::Deductions);
    // Digits typed one after another make one number.
    run(&mut app, Command::Count(1));
    run(&mut app, Command::Count(2));
    let r = response(&app, "1.1");
    assert_eq!((r.deductions.clone(), r.count(0)), (vec![0], 12));
    // 12 × 1.5 reaches 6 points: 扣完为止, recorded as 未达标.
    assert_eq!(r.status, Status::Fail);
    // Moving on starts a new number; + and - step.
    run(&mut app, Command::Down);
    run(&mut app, Command::Up);
    run(&mut app, Command::Count(2));
    assert_eq!(response(&app, "1.1").count(0), 2);
    run(&mut app, Command::More);
    let r = response(&app, "1.1");
    assert_eq!(
        (r.count(0), r.status),
        (3, Status::Partial),
        "6 − 4.5 = 1.5"
    );
    assert_eq!(walk(&app).summary().figures.score, 1.5);
    run(&mut app, Command::Less);
    run(&mut app, Command::Less);
    assert_eq!(response(&app, "1.1").count(0), 1);
    assert!(
        response(&app, "1.1").counts.is_empty(),
        "a count of 1 is not stored"
    );
    run(&mut app, Command::Less);
    assert!(
        response(&app, "1.1").deductions.is_empty(),
        "0 takes it off"
    );
    // A once-only deduction takes no count above 1.
    run(&mut app, Command::Down);
    run(&mut app, Command::More);
    assert_eq!(response(&app, "1.1").deductions, [1]);
    run(&mut app, Command::More);
    assert_eq!(response(&app, "1.1").deductions, [1]);
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("只扣一次"), "{message}");
    // Each step is one undo; the refused one left none.
    run(&mut app, Command::Back);
    run(&mut app, Command::Undo);
    assert!(response(&app, "1.1").deductions.is_empty());
    run(&mut app, Command::Undo);
    assert_eq!(response(&app, "1.1").deductions, [0]);
}

#[test]
fn levels_are_picked_by_number_or_from_the_menu() {
    let mut app = real_walk(Scope::Department);
    run(&mut app, Command::Judge);
    assert!(matches!(app.overlay, Some(Overlay::Levels(_))));
    run(&mut app, Command::PickLevel(2));
    assert!(app.overlay.is_none(), "picking closes the menu");
    let r = response(&app, "1.1");
    assert_eq!((r.level.as_deref(), r.status), (Some("B"), Status::Partial));
    assert!(
        (walk(&app).summary().figures.score - 3.96).abs() < 1e-9,
        "6 × 0.66"
    );
    run(&mut app, Command::Judge);
    let Some(Overlay::Levels(state)) = &app.overlay else {
        panic!("levels menu");
    };
    assert_eq!(state.cursor, 1, "the menu opens on the current level");
    run(&mut app, Command::Down);
    run(&mut app, Command::Down);
    run(&mut app, Command::Submit);
    assert_eq!(response(&app, "1.1").level.as_deref(), Some("C#"));
    assert_eq!(response(&app, "1.1").status, Status::Fail);
    // A deduction replaces the level: 6 − 1.5 = 4.5, 基本达标.
    run(&mut app, Command::Deductions);
    run(&mut app, Command::Toggle);
    run(&mut app, Command::Back);
    let r = response(&app, "1.1");
    assert_eq!((r.level.clone(), r.status), (None, Status::Partial));
    assert_eq!(walk(&app).summary().figures.score, 4.5);
    // A status replaces a level too.
    run(&mut app, Command::Judge);
    run(&mut app, Command::PickLevel(1));
    assert_eq!(response(&app, "1.1").level.as_deref(), Some("A"));
    assert!(
        response(&app, "1.1").deductions.is_empty(),
        "a level clears them"
    );
    run(&mut app, Command::SetStatus(Status::Pass));
    assert_eq!(response(&app, "1.1").level, None);
}

#[test]
fn a_rate_item_asks_for_answered_and_asked() {
    let mut app = real_walk(Scope::Department);
    run(&mut app, Command::Down);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::Judge);
    assert!(matches!(app.overlay, Some(Overlay::Rate(_))));
    typed(&mut app, "51");
    run(&mut app, Command::NextField);
    typed(&mut app, "50");
    run(&mut app, Command::Submit);
    let Some(Overlay::Rate(state)) = &app.overlay else {
        panic!("the form stays open on an impossible rate");
    };
    assert!(
        state.error.as_deref().is_some_and(|e| e.contains("51/50")),
        "{:?}",
        state.error
    );
    assert_eq!(response(&app, "1.2").rate, None);
    run(&mut app, Command::PrevField);
    update(
        &mut app,
        Action::Text(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
    );
    update(
        &mut app,
        Action::Text(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
    );
    typed(&mut app, "43");
    run(&mut app, Command::Submit);
    assert!(app.overlay.is_none());
    let r = response(&app, "1.2");
    // 43/50 = 86 %: the 80 band, −1 → 3 of 4, 基本达标.
    assert_eq!(r.status, Status::Partial);
    assert_eq!(r.rate.map(|rate| rate.percent()), Some(86.0));
    assert_eq!(walk(&app).summary().figures.score, 3.0);
    // Opening again shows the numbers given.
    run(&mut app, Command::Judge);
    let Some(Overlay::Rate(state)) = &app.overlay else {
        panic!("rate form");
    };
    assert_eq!(
        (state.answered.text(), state.asked.text()),
        ("43".into(), "50".into())
    );
}

#[test]
fn an_item_judged_by_status_says_so() {
    let mut app = walking();
    run(&mut app, Command::Judge);
    assert!(app.overlay.is_none());
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("按状态评定"), "{message}");
}

#[test]
fn the_new_session_form_chooses_a_unit_session() {
    let mut app = app();
    let data = HomeData {
        checklists: vec![ChecklistChoice {
            id: "r".into(),
            version: 1,
            title: "测评细则".into(),
            origin: Default::default(),
        }],
        ..HomeData::default()
    };
    update(&mut app, Action::HomeLoaded(data));
    app.settings.last_round = "2026年11月自查".into();
    run(&mut app, Command::NewSession);
    run(&mut app, Command::PrevField);
    let Some(Overlay::NewSession(state)) = &app.overlay else {
        panic!("form");
    };
    assert_eq!(state.field, NewField::Scope);
    run(&mut app, Command::Down);
    let Some(Overlay::NewSession(state)) = &app.overlay else {
        panic!("form");
    };
    assert_eq!(state.scope, Scope::Unit);
    assert_eq!(
        state.department.text(),
        "全局",
        "a unit session is for 全局"
    );
    let effects = run(&mut app, Command::Submit);
    let request = effects.iter().find_map(|effect| match effect {
        Effect::CreateSession { request, .. } => Some(request.clone()),
        _ => None,
    });
    let request = request.expect("a session is created");
    assert_eq!(
        (request.scope, request.department.as_str()),
        (Scope::Unit, "全局")
    );
}
