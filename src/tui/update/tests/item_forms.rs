//! The pop-ups of one item in the walk: deductions, the rectification form, evidence labels.

use super::*;

#[test]
fn deductions_menu_picks_predefined_and_free_deductions() {
    let mut app = walking();
    run(&mut app, Command::Deductions);
    run(&mut app, Command::Toggle);
    let response = walk(&app).session().response("1.1").cloned().unwrap();
    assert_eq!(response.deductions, [0]);
    assert_eq!(
        response.status,
        Status::Partial,
        "a deduction makes the item partial"
    );
    run(&mut app, Command::Down);
    run(&mut app, Command::Down);
    run(&mut app, Command::Toggle);
    typed(&mut app, "另有问题");
    run(&mut app, Command::NextField);
    typed(&mut app, "x");
    run(&mut app, Command::Submit);
    match &app.overlay {
        Some(Overlay::Deductions(state)) => {
            assert!(state.error.is_some(), "points must be a number")
        }
        other => panic!("{other:?}"),
    }
    update(
        &mut app,
        Action::Text(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
    );
    typed(&mut app, "0.5");
    run(&mut app, Command::Submit);
    let summary = walk(&app).summary();
    assert_eq!(summary.figures.score, 4.0 - 2.0 - 0.5);
    run(&mut app, Command::Delete);
    assert!(
        walk(&app)
            .session()
            .response("1.1")
            .unwrap()
            .free_deduction
            .is_none()
    );
    run(&mut app, Command::Back);
    assert!(app.overlay.is_none());
}

#[test]
fn deductions_that_reach_the_points_make_the_item_fail() {
    let mut app = walking();
    run(&mut app, Command::Deductions);
    run(&mut app, Command::Toggle);
    run(&mut app, Command::Down);
    run(&mut app, Command::Toggle);
    // 无计划 2 + 记录不全 1 = 3 of 4 points: still 基本达标.
    assert_eq!(walk(&app).session().status("1.1"), Status::Partial);
    run(&mut app, Command::Down);
    run(&mut app, Command::Toggle);
    typed(&mut app, "另有问题");
    run(&mut app, Command::NextField);
    typed(&mut app, "1");
    run(&mut app, Command::Submit);
    // 2 + 1 + 1 = 4 reaches the points: 未达标, the deductions kept as its reasons.
    let response = walk(&app).session().response("1.1").cloned().unwrap();
    assert_eq!(response.status, Status::Fail);
    assert_eq!(response.deductions, [0, 1]);
    assert_eq!(walk(&app).summary().figures.score, 0.0);
}

#[test]
fn rectification_form_checks_and_stores() {
    let mut app = walking();
    run(&mut app, Command::Rectify);
    match &app.overlay {
        Some(Overlay::Rectify(state)) => assert_eq!(
            state
                .input(crate::tui::app::RectifyField::OwnerDepartment)
                .text(),
            "办公室",
            "the department defaults to the item's lead department"
        ),
        other => panic!("{other:?}"),
    }
    run(&mut app, Command::NextField);
    typed(&mut app, "李明");
    run(&mut app, Command::NextField);
    typed(&mut app, "补齐学习记录");
    run(&mut app, Command::NextField);
    typed(&mut app, "2026-13-01");
    run(&mut app, Command::Submit);
    assert!(matches!(&app.overlay, Some(Overlay::Rectify(s)) if s.error.is_some()));
    for _ in 0.."2026-13-01".len() {
        update(
            &mut app,
            Action::Text(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        );
    }
    typed(&mut app, "2026-12-01");
    run(&mut app, Command::Submit);
    let rect = walk(&app)
        .session()
        .response("1.1")
        .unwrap()
        .rectification
        .clone()
        .unwrap();
    assert_eq!(
        (
            rect.owner_department.as_str(),
            rect.owner.as_str(),
            rect.measure.as_str(),
            rect.due
        ),
        (
            "办公室",
            "李明",
            "补齐学习记录",
            NaiveDate::from_ymd_opt(2026, 12, 1)
        )
    );
    assert!(rect.done.is_none());
    run(&mut app, Command::Rectify);
    run(&mut app, Command::MarkDone);
    run(&mut app, Command::Submit);
    let done = walk(&app)
        .session()
        .response("1.1")
        .unwrap()
        .rectification
        .clone()
        .unwrap()
        .done;
    assert_eq!(
        done.map(|d| (d.by, d.at)),
        Some(("王敏".to_string(), wall()))
    );
}

#[test]
fn evidence_is_added_and_removed() {
    let mut app = walking();
    run(&mut app, Command::AddEvidence);
    typed(&mut app, "照片3张");
    run(&mut app, Command::Submit);
    typed(&mut app, "会议记录.pdf");
    run(&mut app, Command::Submit);
    assert_eq!(
        walk(&app).session().response("1.1").unwrap().evidence,
        ["照片3张", "会议记录.pdf"]
    );
    run(&mut app, Command::Up);
    run(&mut app, Command::Delete);
    assert_eq!(
        walk(&app).session().response("1.1").unwrap().evidence,
        ["照片3张"]
    );
}
