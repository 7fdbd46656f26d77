//! Tests of the state machine: every action, driven without a terminal or files.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::update;
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::session::{ChecklistRef, Session, Status};
use crate::store::LoadedSession;
use crate::store::checklist_file::parse_checklist;
use crate::tui::action::{Action, Effect, OpenedSession, SaveOutcome, SaveReport};
use crate::tui::app::{
    AUTOSAVE_DELAY, App, ChecklistChoice, Confirm, Filter, HomeData, NewField, Overlay, PriorItem,
    PriorView, RETRY_DELAY, Screen, SessionRow,
};
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;

const CHECKLIST: &str = r#"(id: "t", version: 1, title: "测试表", rules: (disqualify_over: 2.0),
  sections: [
    (code: "1", title: "领导班子好", items: [
        (code: "1.1", title: "中心组学习", points: 4.0,
         deductions: [("无计划", 2.0), ("记录不全", 1.0)], owners: ["办公室"]),
        (code: "1.2", title: "民主生活会", points: 3.0),
    ], sections: [
        (code: "1.3", title: "子节", items: [(code: "1.3.1", title: "嵌套条目", points: 2.0)]),
    ]),
    (code: "2", title: "办公环境好", items: [
        (code: "2.1", title: "窗明几净", points: 5.0),
        (code: "2.2", title: "绿化美观", points: 1.0),
    ]),
  ])"#;

fn checklist() -> Arc<Checklist> {
    Arc::new(parse_checklist(CHECKLIST.as_bytes(), "t.ron").expect("test checklist"))
}

fn wall() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").unwrap()
}

fn session(department: &str, round: &str, date: NaiveDate) -> Session {
    Session::new(
        Uuid::now_v7(),
        ChecklistRef {
            id: "t".into(),
            version: 1,
            hash: "h".into(),
        },
        round.into(),
        date,
        department.into(),
        "王敏".into(),
        wall(),
    )
}

fn app() -> App {
    let mut app = App::new(Lang::Zh, Theme::plain(), Default::default(), wall());
    app.size = (100, 30);
    app
}

fn opened(prior: PriorView) -> OpenedSession {
    OpenedSession {
        loaded: LoadedSession {
            session: session(
                "办公室",
                "2026年11月自查",
                NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            ),
            on_disk: None,
            read_only: None,
        },
        checklist: checklist(),
        prior,
        later_rechecks: Default::default(),
        read_only: None,
        recheck_first: false,
        select: None,
    }
}

fn walking() -> App {
    let mut app = app();
    update(
        &mut app,
        Action::SessionOpened(Box::new(opened(PriorView::default()))),
    );
    app
}

fn run(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Command(command))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        update(app, Action::Text(key));
    }
}

/// A key press as the event loop handles it: through the keymap of the current mode.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let event = crossterm::event::Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    crate::tui::translate(app, crate::tui::runner::Msg::Term(event))
        .into_iter()
        .flat_map(|action| update(app, action))
        .collect()
}

fn walk(app: &App) -> &crate::tui::app::WalkState {
    app.walk.as_ref().expect("walking")
}

fn selected(app: &App) -> Option<String> {
    walk(app).selected_code().map(str::to_string)
}

fn status(app: &App, code: &str) -> Status {
    walk(app).session().status(code)
}

mod attachments;
mod finish;
mod home;
mod item_forms;
mod ledger;
mod rounds;
mod saving;
mod scoring;
mod walk;
