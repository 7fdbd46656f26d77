//! Snapshot tests of the screens across rounds: compare, history, ledger.

use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use super::super::action::Action;
use super::super::app::App;
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{app, checklist, render, response, session, walking, wall};
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::session::{Rectification, Response, Session, Status};

pub(super) fn inspections_fixture() -> Vec<(Session, Arc<Checklist>)> {
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

pub(super) fn compare_app(width: u16, height: u16) -> App {
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

pub(super) fn history_app(width: u16, height: u16) -> App {
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
        owner_department: "党群室".into(),
        owner: "张华".into(),
        measure: "完善党建台账".into(),
        due: NaiveDate::from_ymd_opt(2026, 11, 30),
        ..Rectification::default()
    });
    other.set_response("2.1", fix, "王敏", wall());
    all.push((other, checklist()));
    // October's 1.1 was to be fixed; November's walk marked it 达标: closed there.
    let mut fixed = response(Status::Partial, "上轮问题");
    fixed.rectification = Some(Rectification {
        owner_department: "办公室".into(),
        owner: "李明".into(),
        due: NaiveDate::from_ymd_opt(2026, 11, 10),
        ..Rectification::default()
    });
    all[1].0.set_response("1.1", fixed, "王敏", wall());
    let inspections: Vec<Inspection<'_>> = all.iter().map(|(s, c)| Inspection::new(s, c)).collect();
    let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let problems = [outside_problem()];
    update(
        &mut app,
        Action::LedgerLoaded(ledger(&inspections, &problems, today, LedgerScope::All)),
    );
    app
}

/// A problem from a superior's notice, owned by a department with a long name.
fn outside_problem() -> crate::model::problem::Problem {
    crate::model::problem::Problem {
        format: crate::model::problem::PROBLEM_FORMAT,
        id: Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00aa),
        department: "财务科".into(),
        title: "公示栏内容过期,未及时更新".into(),
        source: "市文明办通报".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        by: "王敏".into(),
        created: wall(),
        updated: wall(),
        seq: 1,
        rectification: Rectification {
            owner_department: "财务科".into(),
            owner: "欧阳建国".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 10),
            ..Rectification::default()
        },
        rev: String::new(),
        seen: Vec::new(),
    }
}

#[test]
fn ledger_80x24() {
    insta::assert_snapshot!(render(&ledger_app(80, 24)));
}

/// The closed entry selected: who closed it, when, and through which walk.
#[test]
fn ledger_100x30() {
    let mut app = ledger_app(100, 30);
    update(&mut app, Action::Command(Command::Bottom));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn ledger_40x15() {
    insta::assert_snapshot!(render(&ledger_app(40, 15)));
}

/// A round's 责任分解 as the model gives it (the rules are tested in
/// `model::duties`): a disqualified department first, one with open rectifications
/// only, and a long name.
fn duties_app(width: u16, height: u16) -> App {
    use crate::model::duties::{Duty, DutyDetail};
    let mut app = app(Lang::Zh, width, height);
    let detail = |session: u128, department: &str, code: &str, title: &str, lost: f64| DutyDetail {
        session: Uuid::from_u128(session),
        session_department: department.into(),
        checklist_id: "wenming".into(),
        code: code.into(),
        title: title.into(),
        lost,
    };
    let duty = |department: &str, items, lost, open, disqualified, details| Duty {
        department: String::from(department),
        items,
        lost,
        open_rectifications: open,
        disqualified,
        disqualified_on: if disqualified {
            vec!["wenming".into()]
        } else {
            Vec::new()
        },
        details,
    };
    let duties = vec![
        duty(
            "办公室",
            6,
            2.0,
            2,
            true,
            vec![
                detail(1, "全局", "1.2", "民主生活会质量", 1.0),
                detail(2, "办公室", "3.1", "窗明几净、物品摆放整齐", 1.0),
            ],
        ),
        duty(
            "机关党委(党建工作办公室)",
            3,
            1.5,
            1,
            false,
            vec![detail(1, "全局", "2.1", "规章制度健全", 1.5)],
        ),
        duty("工会", 2, 0.0, 1, false, Vec::new()),
    ];
    let data = crate::tui::app::DutiesData {
        round: "2026年11月自查".into(),
        rounds: vec!["2026年11月自查".into(), "2026年10月自查".into()],
        duties,
        sessions: vec![
            (Uuid::from_u128(1), "全局".into()),
            (Uuid::from_u128(2), "办公室".into()),
        ],
    };
    update(&mut app, Action::DutiesLoaded(Box::new(data)));
    app
}

#[test]
fn duties_80x24() {
    insta::assert_snapshot!(render(&duties_app(80, 24)));
}

#[test]
fn duties_100x30() {
    insta::assert_snapshot!(render(&duties_app(100, 30)));
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

/// The 复查 prompt after the worker refused it: the note typed is still there, and
/// the error is in the UI's language.
#[test]
fn recheck_prompt_with_an_error_80x24() {
    let mut app = ledger_app(80, 24);
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Command(Command::RecheckFail));
    update(&mut app, Action::Paste("宣传栏仍未更新".into()));
    update(&mut app, Action::Command(Command::Submit));
    update(
        &mut app,
        Action::FollowUpFailed("检查记录 00000000 正由另一台电脑编辑(王敏)".into()),
    );
    insta::assert_snapshot!(render(&app));
}

#[test]
fn new_problem_form_80x24() {
    let mut app = ledger_app(80, 24);
    update(&mut app, Action::Command(Command::AddProblem));
    update(&mut app, Action::Paste("财务科".into()));
    update(&mut app, Action::Command(Command::NextField));
    update(&mut app, Action::Paste("公示栏内容过期".into()));
    insta::assert_snapshot!(render(&app));
}

/// The 整改复查 view of a new walk: only the items with an earlier round's open
/// rectification; 1.1, marked 达标 this round, shows as closed (销号), 1.2 as still open.
fn recheck_view(width: u16, height: u16) -> App {
    let mut app = walking(Lang::Zh, width, height);
    if let Some(walk) = app.walk.as_mut() {
        walk.prior.open_before.insert(
            "1.1".into(),
            vec![crate::model::recheck::OpenBefore {
                session: Uuid::from_u128(2),
                round: "2026年10月自查".into(),
                date: NaiveDate::from_ymd_opt(2026, 10, 15).unwrap_or_default(),
                rectification: Rectification {
                    owner_department: "党群室".into(),
                    owner: "张华".into(),
                    measure: "制定年度学习计划".into(),
                    due: NaiveDate::from_ymd_opt(2026, 11, 10),
                    ..Rectification::default()
                },
            }],
        );
    }
    for _ in 0..5 {
        let filter = app.walk.as_ref().map(|walk| walk.filter);
        if filter == Some(super::super::app::Filter::Rectified) {
            break;
        }
        update(&mut app, Action::Command(Command::CycleFilter));
    }
    update(&mut app, Action::Command(Command::Top));
    update(&mut app, Action::Command(Command::Down));
    app
}

#[test]
fn recheck_view_100x30() {
    let app = recheck_view(100, 30);
    let screen = render(&app);
    assert!(
        screen.contains("1.1 [销号]中心组学习"),
        "closed by this round's 达标: {screen}"
    );
    assert!(screen.contains("1.2 民主生活会质量"), "{screen}");
    assert!(
        !screen.contains("1.3 重大事项"),
        "only items with open rectifications: {screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn recheck_view_80x24() {
    insta::assert_snapshot!(render(&recheck_view(80, 24)));
}
