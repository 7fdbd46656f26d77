//! Snapshots of scoring as real tables write it: the deductions menu with a count,
//! a veto item, levels and the rate form, a department walk without unit items,
//! the total split into base, bonus and penalties, and the home verdict column.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use uuid::Uuid;

use super::super::action::{Action, OpenedSession};
use super::super::app::{App, ChecklistChoice, HomeData, PriorView, SessionRow};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{app, render, wall};
use crate::i18n::Lang;
use crate::model::checklist::{Checklist, Scope};
use crate::model::rate::SurveyedRate;
use crate::model::session::{ChecklistRef, Response, Session, Status};
use crate::store::LoadedSession;
use crate::store::checklist_file::parse_checklist;

const REAL: &str = r#"(id: "real", version: 2, title: "文明单位测评细则",
  rules: (disqualify_from: 2.0, grades: [(90.0, "优秀"), (75.0, "良好"), (0.0, "不合格")],
          levels: [("A", 1.0), ("B", 0.66), ("C", 0.33), ("C#", 0.0)]),
  sections: [
    (code: "1", title: "科室建设", items: [
        (code: "1.1", title: "道德讲堂每季度一次", points: 6.0,
         standard: "每季度开展一次道德讲堂，五个环节完整",
         deductions: [("每少开展一次", 1.5, "次"), ("无年度计划", 2.0)]),
        (code: "1.2", title: "群众满意率", points: 4.0,
         rate: [(90.0, 0.0), (80.0, 1.0), (0.0, 3.0)]),
        (code: "1.3", title: "窗明几净", points: 2.0),
    ]),
    (code: "2", title: "领导班子", items: [
        (code: "2.1", title: "中心组学习", points: 4.0, scope: "unit"),
        (code: "2.2", title: "班子成员无违纪违法", veto: true, scope: "unit"),
    ]),
    (code: "3", title: "加分与负面清单", items: [
        (code: "3.1", title: "获得上级表彰", points: 3.0, bonus: true, scope: "unit"),
        (code: "3.2", title: "被媒体曝光", points: 2.0, penalty: true, scope: "unit",
         deductions: [("每被曝光一次", 1.0, "次")]),
    ]),
  ])"#;

fn real() -> Arc<Checklist> {
    Arc::new(parse_checklist(REAL.as_bytes(), "real.ron").expect("checklist"))
}

fn marked(status: Status) -> Response {
    Response {
        status,
        ..Response::default()
    }
}

/// A unit session (全局): 1.1 短 3 次, 1.2 surveyed 43/50, 2.1 level B, 2.2 存在,
/// a bonus earned and a penalty taken twice.
fn unit_session() -> Session {
    let mut session = Session::new(
        Uuid::from_u128(7),
        ChecklistRef {
            id: "real".into(),
            version: 2,
            hash: "h".into(),
        },
        "2026年11月自查".into(),
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        "全局".into(),
        "王敏".into(),
        wall(),
    );
    session.scope = Scope::Unit;
    let mut counted = marked(Status::Partial);
    counted.deductions = vec![0];
    counted.counts = BTreeMap::from([(0, 3)]);
    counted.note = "查阅台账，少开展3次。".into();
    let surveyed = Response {
        status: Status::Partial,
        rate: Some(SurveyedRate::Fraction {
            numerator: 43,
            denominator: 50,
        }),
        ..Response::default()
    };
    let level = Response {
        status: Status::Partial,
        level: Some("B".into()),
        ..Response::default()
    };
    let mut penalty = marked(Status::Fail);
    penalty.deductions = vec![0];
    penalty.counts = BTreeMap::from([(0, 2)]);
    for (code, response) in [
        ("1.1", counted),
        ("1.2", surveyed),
        ("1.3", marked(Status::Pass)),
        ("2.1", level),
        ("2.2", marked(Status::Fail)),
        ("3.1", marked(Status::Pass)),
        ("3.2", penalty),
    ] {
        session.set_response(code, response, "王敏", wall());
    }
    session
}

fn walking(session: Session, width: u16, height: u16, lang: Lang) -> App {
    let mut app = app(lang, width, height);
    let opened = OpenedSession {
        loaded: LoadedSession {
            session,
            on_disk: None,
            read_only: None,
        },
        checklist: real(),
        prior: PriorView::default(),
        read_only: None,
        recheck_first: false,
        select: None,
    };
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    app
}

fn select(app: &mut App, code: &str) {
    let walk = app.walk.as_mut().expect("walking");
    let item = walk.outline.item_index(code).expect("item");
    walk.select_item(item);
}

#[test]
fn deductions_with_a_count_80x24() {
    let mut app = walking(unit_session(), 80, 24, Lang::Zh);
    select(&mut app, "1.1");
    update(&mut app, Action::Command(Command::Deductions));
    let screen = render(&app);
    assert!(
        screen.contains("[x] 每少开展一次 -1.5/次  x3 次 -4.5"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn deductions_with_a_count_40x15() {
    let mut app = walking(unit_session(), 40, 15, Lang::Zh);
    select(&mut app, "1.1");
    update(&mut app, Action::Command(Command::Deductions));
    update(&mut app, Action::Command(Command::More));
    let screen = render(&app);
    assert!(screen.contains("x4 次"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The veto item reads 存在 in the tree and the detail; the one verdict is 一票否决.
#[test]
fn a_veto_item_80x24() {
    let mut app = walking(unit_session(), 80, 24, Lang::Zh);
    select(&mut app, "2.2");
    let screen = render(&app);
    assert!(screen.contains("状态  存在"), "{screen}");
    assert!(
        screen.contains("班子成员无违纪违法 存在"),
        "the tree: {screen}"
    );
    assert!(
        !screen.contains("等次"),
        "no levels for a veto item: {screen}"
    );
    assert!(screen.contains("一票否决"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// At 100 columns the status bar has room for 基础分 + 加分 - 负面清单 in words.
#[test]
fn the_total_in_parts_100x30() {
    let mut app = walking(unit_session(), 100, 30, Lang::Zh);
    select(&mut app, "3.2");
    let screen = render(&app);
    // Base 1.5 + 3 + 2 + 2.64 = 9.14; bonus 3; the penalty 1 × 2 = 2.
    assert!(
        screen.contains("基础分 9.14 + 加分 3 - 负面清单 2"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn levels_menu_80x24() {
    let mut app = walking(unit_session(), 80, 24, Lang::Zh);
    select(&mut app, "2.1");
    update(&mut app, Action::Command(Command::Judge));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn rate_form_80x24() {
    let mut app = walking(unit_session(), 80, 24, Lang::Zh);
    select(&mut app, "1.2");
    update(&mut app, Action::Command(Command::Judge));
    insta::assert_snapshot!(render(&app));
}

/// A department session walks only the department items; no 领导班子 section.
#[test]
fn a_department_walk_80x24() {
    let mut session = unit_session();
    session.scope = Scope::Department;
    session.department = "财务科".into();
    session.responses.retain(|code, _| code.starts_with("1."));
    let screen = render(&walking(session, 80, 24, Lang::Zh));
    assert!(
        !screen.contains("领导班子") && !screen.contains("2.2"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

fn verdicts_home(width: u16, height: u16, lang: Lang) -> App {
    let mut app = app(lang, width, height);
    let checklist = real();
    let mut rows = Vec::new();
    let full = unit_session();
    // 一票否决; 取消评优资格 (4.5 + 1 + 1.36 deducted); 检查中; 优秀, finished.
    let mut disqualified = full.clone();
    disqualified.department = "办公室".into();
    disqualified.set_response("2.2", marked(Status::Pass), "王敏", wall());
    let mut in_progress = disqualified.clone();
    in_progress.department = "党群室".into();
    in_progress.responses.clear();
    in_progress.set_response("1.3", marked(Status::Pass), "王敏", wall());
    let mut graded = disqualified.clone();
    graded.department = "法制规划科".into();
    graded.responses.clear();
    for code in ["1.1", "1.2", "1.3", "2.1", "2.2"] {
        graded.set_response(code, marked(Status::Pass), "王敏", wall());
    }
    graded.finished = Some(wall());
    for session in [full, disqualified, in_progress, graded] {
        rows.push(SessionRow::new(&session, &checklist));
    }
    let data = HomeData {
        sessions: rows,
        checklists: vec![ChecklistChoice {
            id: "real".into(),
            version: 2,
            title: "文明单位测评细则".into(),
            origin: Default::default(),
        }],
        ..HomeData::default()
    };
    update(&mut app, Action::HomeLoaded(data));
    app
}

/// The home list gives each session its one verdict in full: never 取消 for 取消评优资格.
#[test]
fn home_verdicts_80x24() {
    let screen = render(&verdicts_home(80, 24, Lang::Zh));
    for verdict in ["一票否决", "取消评优资格", "检查中", "优秀"] {
        assert!(screen.contains(verdict), "{verdict} in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn home_verdicts_40x15() {
    let screen = render(&verdicts_home(40, 15, Lang::Zh));
    assert!(screen.contains("取消评优资格"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn home_verdicts_english_80x24() {
    let screen = render(&verdicts_home(80, 24, Lang::En));
    for verdict in ["vetoed", "disqualified", "in progress"] {
        assert!(screen.contains(verdict), "{verdict} in\n{screen}");
    }
    insta::assert_snapshot!(screen);
}
