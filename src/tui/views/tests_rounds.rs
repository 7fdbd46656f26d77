//! Snapshot tests of the screens across rounds: compare, history, ledger.

use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use super::super::action::Action;
use super::super::app::App;
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{checklist, render, response, session, walking, wall};
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::session::{Rectification, Response, Session, Status};

fn inspections_fixture() -> Vec<(Session, Arc<Checklist>)> {
    let checklist = checklist();
    let mut older = session();
    older.id = Uuid::from_u128(2);
    older.round = "2026年10月自查".into();
    older.date = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    older.responses.clear();
    for (code, status) in [
        ("1.1", Status::Partial),
        ("1.2", Status::Fail),
        ("3.1", Status::Pass),
        ("2.1", Status::Pass),
    ] {
        older.set_response(code, response(status, "上轮问题"), "王敏", wall());
    }
    let mut oldest = older.clone();
    oldest.id = Uuid::from_u128(3);
    oldest.round = "2026年9月自查".into();
    oldest.date = NaiveDate::from_ymd_opt(2026, 9, 15).unwrap();
    oldest.set_response("3.1", response(Status::Fail, "杂物堆放"), "王敏", wall());
    vec![
        (oldest, checklist.clone()),
        (older, checklist.clone()),
        (session(), checklist),
    ]
}

fn compare_app(width: u16, height: u16) -> App {
    use crate::model::compare::{Inspection, compare};
    let mut app = walking(Lang::Zh, width, height);
    let all = inspections_fixture();
    let (prior, current) = (&all[1], &all[2]);
    let data = super::super::action::CompareData {
        comparison: compare(
            Inspection::new(&prior.0, &prior.1),
            Inspection::new(&current.0, &current.1),
        ),
        current: super::super::app::SessionLabel::of(&current.0, &current.1),
        prior: super::super::app::SessionLabel::of(&prior.0, &prior.1),
        checklist: current.1.clone(),
    };
    update(&mut app, Action::CompareLoaded(Box::new(data)));
    app
}

#[test]
fn compare_80x24() {
    insta::assert_snapshot!(render(&compare_app(80, 24)));
}

#[test]
fn compare_changed_only_40x15() {
    let mut app = compare_app(40, 15);
    update(&mut app, Action::Command(Command::ChangedOnly));
    insta::assert_snapshot!(render(&app));
}

fn history_app(width: u16, height: u16) -> App {
    use crate::model::compare::Inspection;
    let mut app = walking(Lang::Zh, width, height);
    let all = inspections_fixture();
    let inspections: Vec<Inspection<'_>> = all.iter().map(|(s, c)| Inspection::new(s, c)).collect();
    let data = super::super::action::HistoryData {
        department: "办公室".into(),
        checklist_title: "文明单位创建自查表".into(),
        points: crate::model::rounds::tests::history(&inspections, "办公室", "wenming"),
        selected: None,
    };
    update(&mut app, Action::HistoryLoaded(Box::new(data)));
    app
}

#[test]
fn history_80x24() {
    insta::assert_snapshot!(render(&history_app(80, 24)));
}

#[test]
fn history_40x15() {
    insta::assert_snapshot!(render(&history_app(40, 15)));
}

fn ledger_app(width: u16, height: u16) -> App {
    use crate::model::compare::Inspection;
    use crate::model::ledger::{LedgerScope, ledger};
    let mut app = walking(Lang::Zh, width, height);
    let mut all = inspections_fixture();
    let mut other = all[2].0.clone();
    other.id = Uuid::from_u128(9);
    other.department = "党群室".into();
    let mut fix = response(Status::Fail, "");
    fix.rectification = Some(Rectification {
        owner: "张华".into(),
        due: NaiveDate::from_ymd_opt(2026, 11, 30),
        done: None,
    });
    other.set_response("2.1", fix, "王敏", wall());
    all.push((other, checklist()));
    let inspections: Vec<Inspection<'_>> = all.iter().map(|(s, c)| Inspection::new(s, c)).collect();
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    update(
        &mut app,
        Action::LedgerLoaded(ledger(&inspections, today, LedgerScope::Open)),
    );
    app
}

#[test]
fn ledger_80x24() {
    insta::assert_snapshot!(render(&ledger_app(80, 24)));
}

#[test]
fn ledger_40x15() {
    insta::assert_snapshot!(render(&ledger_app(40, 15)));
}

#[test]
fn export_dialog_80x24() {
    let mut app = walking(Lang::Zh, 80, 24);
    app.export_dir = "/home/王敏/报告".into();
    update(&mut app, Action::Command(Command::Export));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn conflicts_80x24() {
    let mut app = walking(Lang::Zh, 80, 24);
    if let Some(walk) = app.walk.as_mut() {
        let theirs = Response {
            status: Status::Fail,
            note: "对方:会议记录缺两次".into(),
            by: "李明".into(),
            at: Some(wall()),
            ..Response::default()
        };
        walk.loaded
            .session
            .conflicts
            .insert("1.2".into(), vec![theirs]);
    }
    update(&mut app, Action::Command(Command::ReviewConflicts));
    insta::assert_snapshot!(render(&app));
}
