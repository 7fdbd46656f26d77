//! Snapshot tests of the views (TestBackend + insta), with Chinese content,
//! at 80x24 and at a narrow 40x15, plus checks that text never spills.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;
use uuid::Uuid;

use super::super::action::{Action, OpenedSession};
use super::super::app::{App, ChecklistChoice, HomeData, PriorItem, PriorView, SessionRow};
use super::super::keymap::Command;
use super::super::theme::Theme;
use super::super::update::update;
use super::draw;
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::session::{
    ChecklistRef, FreeDeduction, Rectification, Response, Session, Status,
};
use crate::store::LoadedSession;
use crate::store::checklist_file::parse_checklist;

const CHECKLIST: &str = r#"(id: "wenming", version: 2, title: "文明单位创建自查表",
  rules: (disqualify_over: 2.0, grades: [(90.0, "优秀"), (60.0, "合格"), (0.0, "不合格")]),
  sections: [
    (code: "1", title: "领导班子好", items: [
        (code: "1.1", title: "中心组学习制度化、常态化", points: 4.0,
         standard: "有年度学习计划,每月集中学习不少于一次,记录完整",
         methods: ["查阅资料", "访谈"], evidence: ["中心组学习计划", "学习记录"],
         owners: ["办公室"], deductions: [("无年度学习计划", 2.0), ("学习记录不全", 1.0)]),
        (code: "1.2", title: "民主生活会质量", points: 3.0,
         standard: "每年召开民主生活会,会前征求意见,会后有整改措施并公开",
         methods: ["查阅资料", "访谈"], evidence: ["会议记录", "征求意见表", "整改清单"],
         owners: ["办公室"], deductions: [("未征求意见", 1.0), ("无整改措施", 2.0)]),
        (code: "1.3", title: "重大事项集体决策", points: 4.0),
    ]),
    (code: "2", title: "单位风气好", items: [
        (code: "2.1", title: "规章制度健全", points: 3.0),
    ]),
    (code: "3", title: "办公环境好", items: [
        (code: "3.1", title: "窗明几净、物品摆放整齐", points: 5.0),
        (code: "3.2", title: "绿化美观", points: 2.0),
    ], sections: [
        (code: "3.3", title: "禁烟控烟", items: [(code: "3.3.1", title: "无吸烟现象", points: 1.0)]),
    ]),
    (code: "9", title: "一票否决", items: [
        (code: "9.1", title: "纪律作风", veto: true),
    ]),
  ])"#;

pub(super) fn checklist() -> Arc<Checklist> {
    Arc::new(parse_checklist(CHECKLIST.as_bytes(), "w.ron").expect("checklist"))
}

pub(super) fn wall() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T14:02:31+08:00").unwrap()
}

pub(super) fn response(status: Status, note: &str) -> Response {
    Response {
        status,
        note: note.into(),
        ..Response::default()
    }
}

pub(super) fn session() -> Session {
    let mut session = Session::new(
        Uuid::from_u128(1),
        ChecklistRef {
            id: "wenming".into(),
            version: 2,
            hash: "h".into(),
        },
        "2026年11月自查".into(),
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        "办公室".into(),
        "王敏".into(),
        wall(),
    );
    let mut partial = response(
        Status::Partial,
        "会议记录 不全,部分记录缺少签字;需补充会后整改措施",
    );
    partial.deductions = vec![1];
    partial.rectification = Some(Rectification {
        owner: "李明".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 1),
        done: None,
    });
    let mut fail = response(Status::Fail, "未见集体决策记录");
    fail.free_deduction = Some(FreeDeduction {
        reason: "另有问题".into(),
        points: 0.5,
    });
    for (code, r) in [
        ("1.1", response(Status::Pass, "")),
        ("1.2", partial),
        ("1.3", fail),
        ("3.1", response(Status::Pass, "整洁")),
        ("3.2", response(Status::Na, "")),
    ] {
        session.set_response(code, r, "王敏", wall());
    }
    session
}

pub(super) fn app(lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(lang, Theme::plain(), Default::default(), wall());
    app.size = (width, height);
    app
}

pub(super) fn walking(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    let mut prior = PriorView {
        id: Some(Uuid::from_u128(2)),
        date: NaiveDate::from_ymd_opt(2026, 10, 15),
        round: "2026年10月自查".into(),
        ..PriorView::default()
    };
    prior.items.insert(
        "1.2".into(),
        PriorItem {
            status: Status::Fail,
            note: "会后无整改措施".into(),
            rectification: None,
        },
    );
    prior.recheck.insert("1.2".into());
    let opened = OpenedSession {
        loaded: LoadedSession {
            session: session(),
            on_disk: None,
            read_only: None,
        },
        checklist: checklist(),
        prior,
        read_only: None,
        recheck_first: false,
        select: None,
    };
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    update(&mut app, Action::Command(Command::Down));
    app
}

pub(super) fn home_app(width: u16, height: u16) -> App {
    let mut app = app(Lang::Zh, width, height);
    let checklist = checklist();
    let mut sessions = Vec::new();
    for (department, round, day) in [
        ("办公室", "2026年11月自查", 20),
        ("党群室", "2026年11月自查", 20),
        ("法制规划科", "2026年11月自查", 21),
        ("办公室", "2026年10月自查", 15),
    ] {
        let mut s = session();
        s.department = department.into();
        s.round = round.into();
        s.date = NaiveDate::from_ymd_opt(2026, if day == 15 { 10 } else { 11 }, day).unwrap();
        if department == "党群室" {
            s.responses.clear();
            s.set_response("9.1", response(Status::Fail, "违纪"), "王敏", wall());
        }
        sessions.push(SessionRow::new(&s, &checklist));
    }
    let data = HomeData {
        sessions,
        checklists: vec![ChecklistChoice {
            id: "wenming".into(),
            version: 2,
            title: "文明单位创建自查表".into(),
            origin: Default::default(),
        }],
        ..HomeData::default()
    };
    update(&mut app, Action::HomeLoaded(data));
    app
}

/// The screen as text, one line per row, wide characters once.
pub(super) fn render(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| draw(frame, app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        assert_eq!(
            line.width(),
            usize::from(width),
            "row {y} is exactly the screen width: {line:?}"
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn walk_80x24() {
    insta::assert_snapshot!(render(&walking(Lang::Zh, 80, 24)));
}

#[test]
fn walk_40x15() {
    insta::assert_snapshot!(render(&walking(Lang::Zh, 40, 15)));
}

#[test]
fn walk_english_100x30() {
    insta::assert_snapshot!(render(&walking(Lang::En, 100, 30)));
}

#[test]
fn home_80x24() {
    insta::assert_snapshot!(render(&home_app(80, 24)));
}

#[test]
fn home_40x15() {
    insta::assert_snapshot!(render(&home_app(40, 15)));
}

#[test]
fn editor_80x24() {
    let mut app = walking(Lang::Zh, 80, 24);
    update(&mut app, Action::Command(Command::EditNote));
    update(&mut app, Action::Paste("\n第二行:补充说明".into()));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn editor_40x15() {
    let mut app = walking(Lang::Zh, 40, 15);
    update(&mut app, Action::Command(Command::EditNote));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_80x24() {
    let mut app = walking(Lang::Zh, 80, 24);
    update(&mut app, Action::Command(Command::Help));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_40x15() {
    let mut app = walking(Lang::Zh, 40, 15);
    update(&mut app, Action::Command(Command::Help));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn deductions_80x24() {
    let mut app = walking(Lang::Zh, 80, 24);
    update(&mut app, Action::Command(Command::Deductions));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn new_session_80x24() {
    let mut app = home_app(80, 24);
    update(&mut app, Action::Command(Command::NewSession));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn too_small_20x5() {
    let text = render(&walking(Lang::Zh, 20, 5));
    assert!(text.contains("窗口太小"), "{text}");
    assert!(text.contains("36x10"), "{text}");
}

#[test]
fn the_real_cursor_sits_at_the_edit_point() {
    let mut app = walking(Lang::Zh, 80, 24);
    update(&mut app, Action::Command(Command::EditNote));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| draw(frame, &app)).expect("draw");
    let position = terminal.get_cursor_position().expect("cursor");
    let buffer = terminal.backend().buffer().clone();
    // The cursor is right after the last character of the note: "措施".
    let before = buffer[(position.x - 2, position.y)].symbol().to_string();
    assert_eq!(before, "施", "cursor at {position:?}");
}
