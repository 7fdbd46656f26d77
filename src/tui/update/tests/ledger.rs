//! The ledger: filters, 整改落实 and 复查 in memory or through the worker with the
//! note kept on failure, opening an item and coming back, problems, 责任分解.

use super::home::home_data;
use super::*;
use crate::model::followup::Target;
use crate::model::ledger::{ItemOrigin, LedgerEntry, Origin};
use crate::model::session::{RecheckResult, Rectification};
use crate::ops::rectify::FollowUp;
use crate::tui::app::FollowUpKind;

fn ledger_entry(session_id: Uuid, code: &str, department: &str) -> LedgerEntry {
    LedgerEntry {
        origin: Origin::Item(ItemOrigin {
            session_id,
            checklist_id: "t".into(),
            round: "11月".into(),
            code: code.into(),
            status: Status::Fail,
            rounds_open: 1,
        }),
        department: department.into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        title: "条目".into(),
        lead: None,
        rectification: Rectification {
            owner_department: department.into(),
            owner: "李明".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 1),
            ..Rectification::default()
        },
        overdue: department == "办公室",
        walks: Vec::new(),
    }
}

fn on_ledger(entries: Vec<LedgerEntry>) -> App {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(Box::new(home_data())));
    update(&mut app, Action::LedgerLoaded(entries));
    app
}

#[test]
fn a_finished_session_walked_here_is_closed_in_memory_keeping_its_status() {
    let mut app = walking();
    run(&mut app, Command::Rectify);
    run(&mut app, Command::Submit);
    run(&mut app, Command::SetStatus(Status::Fail));
    run(&mut app, Command::Finish);
    // Items are still pending: finishing asks first.
    run(&mut app, Command::Yes);
    assert!(walk(&app).session().is_finished());
    let id = walk(&app).session().id;
    let before = walk(&app).session().response("1.1").cloned().unwrap();
    assert!(matches!(
        run(&mut app, Command::Ledger).as_slice(),
        [Effect::LoadLedger { all: false }]
    ));
    update(
        &mut app,
        Action::LedgerLoaded(vec![ledger_entry(id, "1.1", "办公室")]),
    );
    run(&mut app, Command::MarkDone);
    assert!(matches!(
        &app.overlay,
        Some(Overlay::FollowUp(p)) if p.kind == FollowUpKind::Done
    ));
    typed(&mut app, "已整改");
    let effects = run(&mut app, Command::Submit);
    assert!(
        effects.is_empty(),
        "the open session's file is saved by autosave"
    );
    assert!(app.overlay.is_none());
    let after = walk(&app).session().response("1.1").cloned().unwrap();
    let done = after.rectification.clone().unwrap().done.unwrap();
    assert_eq!((done.note.as_str(), done.by.as_str()), ("已整改", "王敏"));
    assert_eq!(after.status, before.status, "follow-up is no inspection");
    assert_eq!((after.by, after.at), (before.by, before.at));
    assert!(walk(&app).session().is_finished());
    assert!(walk(&app).save.is_dirty(), "autosave will write it");
    let entry = &app.ledger.as_ref().unwrap().entries[0];
    assert!(entry.is_open(), "done waits for its re-check");

    run(&mut app, Command::RecheckPass);
    typed(&mut app, "复查合格");
    run(&mut app, Command::Submit);
    let rect = walk(&app)
        .session()
        .response("1.1")
        .cloned()
        .unwrap()
        .rectification
        .unwrap();
    assert!(rect.is_closed());
    assert!(
        app.ledger.as_ref().unwrap().entries.is_empty(),
        "closed entries leave the open list"
    );
}

#[test]
fn a_refused_recheck_in_memory_keeps_the_prompt_and_the_note_in_the_ui_language() {
    let mut app = walking();
    let id = walk(&app).session().id;
    update(
        &mut app,
        Action::LedgerLoaded(vec![ledger_entry(id, "1.2", "办公室")]),
    );
    run(&mut app, Command::RecheckFail);
    typed(&mut app, "仍未整改");
    run(&mut app, Command::Submit);
    match &app.overlay {
        Some(Overlay::FollowUp(prompt)) => {
            assert_eq!(prompt.input.text(), "仍未整改");
            let error = prompt.error.as_deref().unwrap_or_default();
            assert!(error.contains("没有整改"), "{error}");
        }
        other => panic!("the prompt stays: {other:?}"),
    }
}

#[test]
fn other_sessions_go_through_the_worker_and_a_failure_keeps_the_note() {
    let other = Uuid::now_v7();
    let mut app = on_ledger(vec![ledger_entry(other, "2.1", "办公室")]);
    run(&mut app, Command::RecheckFail);
    typed(&mut app, "台账仍缺");
    let effects = run(&mut app, Command::Submit);
    assert!(matches!(
        effects.as_slice(),
        [Effect::FollowUp {
            target: Target::Item { session, code },
            follow_up: FollowUp::Recheck { result: RecheckResult::Fail, note },
            ..
        }] if *session == other && code == "2.1" && note == "台账仍缺"
    ));
    assert!(matches!(&app.overlay, Some(Overlay::FollowUp(p)) if p.pending));
    typed(&mut app, "x");
    update(&mut app, Action::FollowUpFailed("检查记录已被占用".into()));
    match &app.overlay {
        Some(Overlay::FollowUp(prompt)) => {
            assert_eq!(
                prompt.input.text(),
                "台账仍缺",
                "nothing typed while pending"
            );
            assert!(!prompt.pending);
            assert_eq!(prompt.error.as_deref(), Some("检查记录已被占用"));
        }
        other => panic!("{other:?}"),
    }
    let effects = run(&mut app, Command::Submit);
    assert_eq!(effects.len(), 1, "sent again");
    let effects = update(&mut app, Action::FollowUpRecorded("2.1 复查未通过".into()));
    assert!(app.overlay.is_none());
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadLedger { all: false }]
    ));
}

#[test]
fn enter_opens_the_item_and_leaving_the_walk_comes_back_to_the_ledger() {
    let other = Uuid::now_v7();
    let mut app = on_ledger(vec![ledger_entry(other, "2.1", "办公室")]);
    let effects = run(&mut app, Command::Open);
    assert!(matches!(
        effects.as_slice(),
        [Effect::OpenSession { id, select: Some(code) }] if *id == other && code == "2.1"
    ));
    update(
        &mut app,
        Action::SessionOpened(Box::new(opened(PriorView::default()))),
    );
    assert_eq!(app.screen, Screen::Walk);
    let effects = run(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::Ledger);
    assert!(matches!(
        effects.as_slice(),
        [
            Effect::SaveSettings(_),
            Effect::CloseSession { .. },
            Effect::LoadLedger { all: false }
        ]
    ));
    let effects = run(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::Home);
    assert!(matches!(effects.as_slice(), [Effect::LoadHome]));
}

#[test]
fn filters_by_department_and_overdue() {
    let mut app = on_ledger(vec![
        ledger_entry(Uuid::from_u128(1), "1.1", "办公室"),
        ledger_entry(Uuid::from_u128(2), "1.2", "工会"),
        ledger_entry(Uuid::from_u128(3), "2.1", "工会"),
    ]);
    let shown = |app: &App| -> Vec<String> {
        let ledger = app.ledger.as_ref().unwrap();
        ledger
            .rows()
            .iter()
            .map(|e| e.code().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(shown(&app), ["1.1", "1.2", "2.1"]);
    run(&mut app, Command::CycleDepartment);
    assert_eq!(shown(&app), ["1.1"], "办公室");
    run(&mut app, Command::CycleDepartment);
    assert_eq!(shown(&app), ["1.2", "2.1"], "工会");
    run(&mut app, Command::Down);
    assert_eq!(
        app.ledger
            .as_ref()
            .unwrap()
            .selected()
            .and_then(|e| e.code()),
        Some("2.1")
    );
    run(&mut app, Command::CycleDepartment);
    assert_eq!(shown(&app).len(), 3, "back to all");
    run(&mut app, Command::OverdueOnly);
    assert_eq!(shown(&app), ["1.1"]);
    update(
        &mut app,
        Action::LedgerLoaded(vec![ledger_entry(Uuid::from_u128(4), "1.3.1", "办公室")]),
    );
    assert!(
        app.ledger.as_ref().unwrap().overdue_only,
        "a reload keeps the filters"
    );
}

#[test]
fn a_problem_is_added_from_the_ledger_and_the_form_keeps_its_text_on_failure() {
    let mut app = on_ledger(Vec::new());
    run(&mut app, Command::AddProblem);
    assert!(matches!(app.overlay, Some(Overlay::Problem(_))));
    run(&mut app, Command::Submit);
    match &app.overlay {
        Some(Overlay::Problem(form)) => assert_eq!(form.error.as_deref(), Some("请填写部门")),
        other => panic!("{other:?}"),
    }
    typed(&mut app, "财务科");
    run(&mut app, Command::NextField);
    typed(&mut app, "公示栏内容过期");
    run(&mut app, Command::NextField);
    typed(&mut app, "市文明办通报");
    for _ in 0..4 {
        run(&mut app, Command::NextField);
    }
    typed(&mut app, "2026-12-31");
    let effects = run(&mut app, Command::Submit);
    match effects.as_slice() {
        [Effect::AddProblem(request)] => {
            assert_eq!(
                (
                    request.department.as_str(),
                    request.title.as_str(),
                    request.source.as_str()
                ),
                ("财务科", "公示栏内容过期", "市文明办通报")
            );
            assert_eq!(request.due, NaiveDate::from_ymd_opt(2026, 12, 31));
        }
        other => panic!("{other:?}"),
    }
    update(&mut app, Action::ProblemFailed("磁盘已满".into()));
    match &app.overlay {
        Some(Overlay::Problem(form)) => {
            assert_eq!(form.error.as_deref(), Some("磁盘已满"));
            assert_eq!(form.inputs[1].text(), "公示栏内容过期");
        }
        other => panic!("{other:?}"),
    }
    run(&mut app, Command::Submit);
    let effects = update(&mut app, Action::ProblemAdded("P-0193".into()));
    assert!(app.overlay.is_none());
    assert!(matches!(effects.as_slice(), [Effect::LoadLedger { .. }]));
}

#[test]
fn duties_open_from_the_ledger_step_through_rounds_and_go_back() {
    let mut app = on_ledger(Vec::new());
    assert!(matches!(
        run(&mut app, Command::Duties).as_slice(),
        [Effect::LoadDuties { round: None }]
    ));
    let data = crate::tui::app::DutiesData {
        round: "11月".into(),
        rounds: vec!["11月".into(), "10月".into()],
        duties: Vec::new(),
        sessions: Vec::new(),
    };
    update(&mut app, Action::DutiesLoaded(Box::new(data.clone())));
    assert_eq!(app.screen, Screen::Duties);
    assert!(matches!(
        run(&mut app, Command::PrevRound).as_slice(),
        [Effect::LoadDuties { round: Some(r) }] if r == "10月"
    ));
    assert!(
        run(&mut app, Command::NextRound).is_empty(),
        "11月 is the newest"
    );
    run(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::Ledger);
}

#[test]
fn the_rectification_filter_lists_items_with_an_earlier_open_rectification() {
    let mut prior = PriorView::default();
    prior.open_before.insert(
        "2.1".into(),
        vec![crate::model::recheck::OpenBefore {
            session: Uuid::from_u128(2),
            round: "10月".into(),
            date: NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
            rectification: Rectification {
                owner: "李明".into(),
                ..Rectification::default()
            },
        }],
    );
    let mut app = app();
    update(&mut app, Action::SessionOpened(Box::new(opened(prior))));
    for _ in 0..4 {
        run(&mut app, Command::CycleFilter);
    }
    assert_eq!(
        walk(&app).filter,
        Filter::Rectified,
        "待复查 is skipped: nothing there"
    );
    let shown: Vec<String> = walk(&app)
        .rows
        .iter()
        .filter_map(|row| match walk(&app).outline.nodes[row.node] {
            crate::tui::outline::OutlineNode::Item(i) => {
                Some(walk(&app).outline.items[i].code.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(shown, ["2.1"]);
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::All);
}
