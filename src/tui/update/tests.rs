//! Tests of the state machine: every action, driven without a terminal or files.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::super::action::{Action, Effect, OpenedSession, SaveOutcome, SaveReport};
use super::super::app::{
    AUTOSAVE_DELAY, App, ChecklistChoice, Confirm, Filter, HomeData, NewField, Overlay, PriorItem,
    PriorView, RETRY_DELAY, Screen, SessionRow,
};
use super::super::keymap::Command;
use super::super::theme::Theme;
use super::update;
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::session::{ChecklistRef, Session, Status};
use crate::store::LoadedSession;
use crate::store::checklist_file::parse_checklist;

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

fn walk(app: &App) -> &super::super::app::WalkState {
    app.walk.as_ref().expect("walking")
}

fn selected(app: &App) -> Option<String> {
    walk(app).selected_code().map(str::to_string)
}

fn status(app: &App, code: &str) -> Status {
    walk(app).session().status(code)
}

#[test]
fn opening_a_session_selects_the_first_item() {
    let app = walking();
    assert_eq!(app.screen, Screen::Walk);
    assert_eq!(selected(&app).as_deref(), Some("1.1"));
}

#[test]
fn moving_through_rows_and_sections() {
    let mut app = walking();
    run(&mut app, Command::Down);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::Down);
    assert_eq!(selected(&app), None, "1.3 is a section row");
    run(&mut app, Command::Bottom);
    assert_eq!(selected(&app).as_deref(), Some("2.2"));
    run(&mut app, Command::Top);
    assert_eq!(walk(&app).cursor, 0);
    run(&mut app, Command::NextSection);
    run(&mut app, Command::NextSection);
    assert_eq!(walk(&app).cursor, 5, "the 办公环境好 section row");
    run(&mut app, Command::PrevSection);
    assert_eq!(walk(&app).cursor, 3);
    run(&mut app, Command::PageDown);
    assert_eq!(selected(&app).as_deref(), Some("2.2"));
    run(&mut app, Command::PageUp);
    assert_eq!(walk(&app).cursor, 0);
    run(&mut app, Command::Up);
    assert_eq!(walk(&app).cursor, 0, "stays at the top");
}

#[test]
fn sections_collapse_and_expand() {
    let mut app = walking();
    let rows = walk(&app).rows.len();
    run(&mut app, Command::Top);
    run(&mut app, Command::ToggleSection);
    assert_eq!(walk(&app).rows.len(), rows - 4, "1.1 1.2 1.3 1.3.1 hidden");
    run(&mut app, Command::Expand);
    assert_eq!(walk(&app).rows.len(), rows);
    run(&mut app, Command::Down);
    run(&mut app, Command::Collapse);
    assert_eq!(walk(&app).cursor, 0, "Left on an item goes to its section");
    run(&mut app, Command::Collapse);
    assert_eq!(walk(&app).rows.len(), rows - 4);
}

#[test]
fn status_keys_mark_the_selected_item_and_only_items() {
    let mut app = walking();
    for (command, expected) in [
        (Status::Pass, Status::Pass),
        (Status::Partial, Status::Partial),
        (Status::Fail, Status::Fail),
        (Status::Na, Status::Na),
        (Status::Pending, Status::Pending),
    ] {
        run(&mut app, Command::SetStatus(command));
        assert_eq!(status(&app, "1.1"), expected);
    }
    assert!(
        walk(&app).session().responses.is_empty(),
        "pending with nothing else is not stored"
    );
    run(&mut app, Command::Top);
    run(&mut app, Command::SetStatus(Status::Pass));
    assert!(
        walk(&app).session().responses.is_empty(),
        "a section row is not marked"
    );
    assert!(app.message.is_some());
}

#[test]
fn undo_and_redo_walk_back_and_forth_and_reselect() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Down);
    run(&mut app, Command::SetStatus(Status::Fail));
    run(&mut app, Command::Undo);
    assert_eq!(status(&app, "1.2"), Status::Pending);
    run(&mut app, Command::Undo);
    assert_eq!(status(&app, "1.1"), Status::Pending);
    assert_eq!(
        selected(&app).as_deref(),
        Some("1.1"),
        "undo selects the item it changed"
    );
    run(&mut app, Command::Undo);
    assert!(app.message.is_some(), "nothing to undo is said");
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.1"), Status::Pass);
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.2"), Status::Fail);
    run(&mut app, Command::Undo);
    run(&mut app, Command::SetStatus(Status::Na));
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.2"), Status::Na, "a new edit clears redo");
}

#[test]
fn the_note_editor_keeps_text_and_is_one_undo_step() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    assert!(matches!(app.overlay, Some(Overlay::Editor(_))));
    typed(&mut app, "会议记录\n第二行");
    update(&mut app, Action::Paste("粘贴一\r\n粘贴二".into()));
    assert_eq!(
        walk(&app)
            .session()
            .response("1.1")
            .map(|r| r.note.as_str()),
        Some("会议记录\n第二行粘贴一\n粘贴二"),
        "the draft is in the session while typing, so autosave keeps it"
    );
    run(&mut app, Command::FinishEditing);
    assert!(app.overlay.is_none());
    assert_eq!(walk(&app).undo.len(), 1);
    run(&mut app, Command::Undo);
    assert_eq!(walk(&app).session().response("1.1"), None);
    run(&mut app, Command::Redo);
    assert!(
        walk(&app)
            .session()
            .response("1.1")
            .unwrap()
            .note
            .ends_with("粘贴二")
    );
}

#[test]
fn a_huge_paste_is_cut_with_a_message() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    let huge = "字".repeat(super::forms::MAX_PASTE_CHARS + 10);
    update(&mut app, Action::Paste(huge));
    let note = walk(&app).session().response("1.1").unwrap().note.clone();
    assert_eq!(note.chars().count(), super::forms::MAX_PASTE_CHARS);
    assert!(app.message.is_some());
}

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
fn rectification_form_checks_and_stores() {
    let mut app = walking();
    run(&mut app, Command::Rectify);
    match &app.overlay {
        Some(Overlay::Rectify(state)) => {
            assert_eq!(state.owner.text(), "办公室", "owner defaults to the item's")
        }
        other => panic!("{other:?}"),
    }
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
        (rect.owner.as_str(), rect.due),
        ("办公室", NaiveDate::from_ymd_opt(2026, 12, 1))
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

#[test]
fn next_and_previous_pending_wrap_around() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::NextPending);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::PrevPending);
    assert_eq!(
        selected(&app).as_deref(),
        Some("2.2"),
        "wraps backwards past 1.1"
    );
    run(&mut app, Command::NextPending);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
}

#[test]
fn search_finds_codes_titles_and_notes_and_esc_returns() {
    let mut app = walking();
    run(&mut app, Command::Down);
    run(&mut app, Command::EditNote);
    typed(&mut app, "缺少签字");
    run(&mut app, Command::FinishEditing);
    run(&mut app, Command::Top);
    run(&mut app, Command::Search);
    typed(&mut app, "2.1");
    assert_eq!(selected(&app).as_deref(), Some("2.1"));
    run(&mut app, Command::Back);
    assert_eq!(
        walk(&app).cursor,
        0,
        "Esc goes back to where search started"
    );
    run(&mut app, Command::Search);
    typed(&mut app, "签字");
    assert_eq!(selected(&app).as_deref(), Some("1.2"), "notes are searched");
    run(&mut app, Command::Submit);
    assert!(app.overlay.is_none());
    run(&mut app, Command::Search);
    typed(&mut app, "1.");
    run(&mut app, Command::NextMatch);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::PrevMatch);
    run(&mut app, Command::PrevMatch);
    assert_eq!(selected(&app).as_deref(), Some("1.3.1"));
}

#[test]
fn filters_cycle_and_hide_what_does_not_match() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Down);
    run(&mut app, Command::SetStatus(Status::Fail));
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Pending);
    let items: Vec<_> = visible_items(&app);
    assert_eq!(items, ["1.3.1", "2.1", "2.2"]);
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Problems);
    assert_eq!(visible_items(&app), ["1.2"]);
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Changed);
    assert_eq!(
        visible_items(&app),
        ["1.1", "1.2"],
        "no prior: everything checked changed"
    );
    run(&mut app, Command::CycleFilter);
    assert_eq!(
        walk(&app).filter,
        Filter::All,
        "re-check is skipped when nothing needs it"
    );
}

fn visible_items(app: &App) -> Vec<String> {
    let walk = walk(app);
    walk.rows
        .iter()
        .filter_map(|row| match walk.outline.nodes[row.node] {
            super::super::outline::OutlineNode::Item(i) => Some(walk.outline.items[i].code.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn recheck_mode_shows_last_rounds_problems_first() {
    let mut app = app();
    let mut prior = PriorView::default();
    prior.items.insert(
        "2.1".into(),
        PriorItem {
            status: Status::Fail,
            note: "窗户有灰".into(),
            rectification: None,
        },
    );
    prior.items.insert(
        "1.1".into(),
        PriorItem {
            status: Status::Pass,
            note: String::new(),
            rectification: None,
        },
    );
    let mut opened = opened(prior);
    opened.recheck_first = true;
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    assert_eq!(walk(&app).filter, Filter::Recheck);
    assert_eq!(visible_items(&app), ["2.1"]);
    assert_eq!(selected(&app).as_deref(), Some("2.1"));
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::All);
}

#[test]
fn autosave_waits_for_a_pause_then_saves_once() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "not right after the edit"
    );
    app.now += AUTOSAVE_DELAY;
    let effects = update(&mut app, Action::Tick);
    let generation = match effects.as_slice() {
        [Effect::Save(job)] => job.generation,
        other => panic!("{other:?}"),
    };
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "one save at a time"
    );
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(
            id,
            generation,
            SaveOutcome::Saved {
                seq: 1,
                on_disk: [7; 32],
            },
        ),
    );
    let save = &walk(&app).save;
    assert!(!save.is_dirty());
    assert_eq!(save.last_saved_at, Some(wall()));
    assert_eq!(walk(&app).session().seq, 1);
    assert!(update(&mut app, Action::Tick).is_empty());
}

fn save_report(id: Uuid, generation: u64, outcome: SaveOutcome) -> Action {
    Action::SaveFinished(SaveReport {
        id,
        generation,
        outcome,
    })
}

#[test]
fn a_failed_save_keeps_edits_and_retries_later() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    app.now += AUTOSAVE_DELAY;
    update(&mut app, Action::Tick);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Failed("No space left on device".into())),
    );
    assert!(walk(&app).save.is_dirty());
    assert_eq!(
        status(&app, "1.1"),
        Status::Pass,
        "the edit stays in memory"
    );
    assert!(
        walk(&app)
            .save
            .error
            .as_deref()
            .unwrap()
            .contains("No space")
    );
    assert!(
        update(&mut app, Action::Tick).is_empty(),
        "waits before retrying"
    );
    app.now += RETRY_DELAY;
    assert!(matches!(
        update(&mut app, Action::Tick).as_slice(),
        [Effect::Save(_)]
    ));
}

#[test]
fn a_conflict_stops_saving_and_makes_the_session_read_only() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    app.now += AUTOSAVE_DELAY;
    update(&mut app, Action::Tick);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Conflict("saved as recovery/x".into())),
    );
    assert!(walk(&app).read_only.is_some());
    run(&mut app, Command::SetStatus(Status::Fail));
    assert_eq!(status(&app, "1.1"), Status::Pass, "read-only refuses edits");
    app.now += RETRY_DELAY;
    assert!(update(&mut app, Action::Tick).is_empty());
}

#[test]
fn leaving_with_unsaved_edits_saves_first() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    let effects = run(&mut app, Command::Back);
    assert!(
        matches!(effects.as_slice(), [Effect::Save(_)]),
        "saves at once, no pause"
    );
    assert_eq!(app.screen, Screen::Walk, "still here until the save lands");
    let id = walk(&app).session().id;
    let effects = update(
        &mut app,
        save_report(
            id,
            1,
            SaveOutcome::Saved {
                seq: 1,
                on_disk: [1; 32],
            },
        ),
    );
    assert!(matches!(
        effects.as_slice(),
        [Effect::CloseSession { .. }, Effect::LoadHome]
    ));
    assert_eq!(app.screen, Screen::Home);
    assert!(app.walk.is_none());
}

#[test]
fn leaving_after_a_failed_save_asks_and_recovers() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Back);
    let id = walk(&app).session().id;
    update(
        &mut app,
        save_report(id, 1, SaveOutcome::Failed("read-only file system".into())),
    );
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::LeaveUnsaved))
    ));
    let effects = run(&mut app, Command::Yes);
    assert!(matches!(effects.first(), Some(Effect::Recover(s)) if s.status("1.1") == Status::Pass));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn ctrl_c_finishes_the_note_saves_and_quits() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    typed(&mut app, "未完的备注");
    let effects = update(&mut app, Action::QuitRequested);
    let generation = match effects.as_slice() {
        [Effect::Save(job)] => {
            assert_eq!(
                job.loaded.session.response("1.1").unwrap().note,
                "未完的备注"
            );
            job.generation
        }
        other => panic!("{other:?}"),
    };
    let id = walk(&app).session().id;
    let saved = SaveOutcome::Saved {
        seq: 1,
        on_disk: [1; 32],
    };
    let effects = update(&mut app, save_report(id, generation, saved));
    assert!(matches!(effects.as_slice(), [Effect::CloseSession { .. }]));
    assert!(app.quit);
}

#[test]
fn finishing_makes_it_read_only_but_saves_the_finish() {
    let mut app = walking();
    run(&mut app, Command::Finish);
    assert!(walk(&app).session().is_finished());
    run(&mut app, Command::SetStatus(Status::Pass));
    assert_eq!(
        status(&app, "1.1"),
        Status::Pending,
        "finished sessions refuse edits"
    );
    assert!(matches!(
        update(&mut app, Action::Tick).as_slice(),
        [Effect::Save(_)]
    ));
    run(&mut app, Command::Finish);
    assert!(!walk(&app).session().is_finished());
    run(&mut app, Command::SetStatus(Status::Pass));
    assert_eq!(status(&app, "1.1"), Status::Pass);
}

#[test]
fn a_session_held_elsewhere_opens_read_only() {
    let mut app = app();
    let mut opened = opened(PriorView::default());
    opened.read_only = Some("in use by process 42".into());
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::EditNote);
    assert!(app.overlay.is_none());
    assert_eq!(status(&app, "1.1"), Status::Pending);
    assert!(app.message.as_ref().unwrap().text.contains("process 42"));
}

#[test]
fn click_selects_a_row_and_the_wheel_moves() {
    let mut app = walking();
    // Row 1 of the screen is the first tree row (inside the frame).
    update(&mut app, Action::Click { column: 5, row: 3 });
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    update(&mut app, Action::ScrollDown);
    assert_eq!(walk(&app).cursor, 3);
    update(&mut app, Action::ScrollUp);
    assert_eq!(walk(&app).cursor, 2);
}

#[test]
fn resize_keeps_the_selection_in_view() {
    let mut app = walking();
    run(&mut app, Command::Bottom);
    update(&mut app, Action::Resize(40, 12));
    let walk = walk(&app);
    let height = super::tree_height(&app);
    assert!(walk.cursor >= walk.scroll && walk.cursor < walk.scroll + height);
}

fn row(department: &str, round: &str, day: u32) -> SessionRow {
    let session = session(
        department,
        round,
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
    );
    SessionRow::new(&session, &checklist())
}

fn home_data() -> HomeData {
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
    update(&mut app, Action::HomeLoaded(home_data()));
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
    update(&mut app, Action::HomeLoaded(home_data()));
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
    update(&mut app, Action::HomeLoaded(home_data()));
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
    update(&mut app, Action::HomeLoaded(home_data()));
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

fn comparison_data() -> super::super::action::CompareData {
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
    super::super::action::CompareData {
        comparison: compare(
            Inspection::new(&prior, &checklist),
            Inspection::new(&current, &checklist),
        ),
        current: super::super::app::SessionLabel::of(&current, &checklist),
        prior: super::super::app::SessionLabel::of(&prior, &checklist),
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
                source: super::super::action::CompareSource::Open { session, .. },
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
    update(&mut app, Action::HomeLoaded(home_data()));
    let id = app.home.selected_session().unwrap().id;
    let effects = run(&mut app, Command::Compare);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadCompare { source: super::super::action::CompareSource::Stored(s) }] if *s == id)
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
    let data = super::super::action::HistoryData {
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

fn ledger_entry(session_id: Uuid, code: &str) -> crate::model::ledger::LedgerEntry {
    crate::model::ledger::LedgerEntry {
        session_id,
        department: "办公室".into(),
        checklist_id: "t".into(),
        round: "11月".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        code: code.into(),
        title: "条目".into(),
        status: Status::Fail,
        rectification: crate::model::session::Rectification {
            owner: "李明".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 1),
            done: None,
        },
        overdue: true,
        rounds_open: 1,
    }
}

#[test]
fn ledger_closes_an_item_of_the_open_session_in_memory() {
    let mut app = walking();
    run(&mut app, Command::Rectify);
    run(&mut app, Command::Submit);
    let id = walk(&app).session().id;
    assert!(matches!(
        run(&mut app, Command::Ledger).as_slice(),
        [Effect::LoadLedger { all: false }]
    ));
    update(
        &mut app,
        Action::LedgerLoaded(vec![ledger_entry(id, "1.1")]),
    );
    assert_eq!(app.screen, Screen::Ledger);
    run(&mut app, Command::MarkDone);
    assert!(matches!(app.overlay, Some(Overlay::DoneNote(_))));
    typed(&mut app, "已整改");
    let effects = run(&mut app, Command::Submit);
    assert!(
        effects.is_empty(),
        "no file is touched behind the open session's back"
    );
    let done = walk(&app)
        .session()
        .response("1.1")
        .unwrap()
        .rectification
        .clone()
        .unwrap()
        .done
        .unwrap();
    assert_eq!((done.note.as_str(), done.by.as_str()), ("已整改", "王敏"));
    assert!(
        app.ledger.as_ref().unwrap().entries.is_empty(),
        "closed items leave the open list"
    );
    assert!(walk(&app).save.is_dirty(), "autosave will write it");
}

#[test]
fn ledger_closes_other_sessions_through_the_runner_and_opens_items() {
    let mut app = app();
    update(&mut app, Action::HomeLoaded(home_data()));
    let other = Uuid::now_v7();
    update(
        &mut app,
        Action::LedgerLoaded(vec![ledger_entry(other, "2.1")]),
    );
    run(&mut app, Command::MarkDone);
    typed(&mut app, "完成");
    let effects = run(&mut app, Command::Submit);
    assert!(
        matches!(effects.as_slice(), [Effect::CloseRectification { session, code, note, .. }, Effect::LoadLedger { .. }] if *session == other && code == "2.1" && note == "完成")
    );
    let effects = run(&mut app, Command::Open);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenSession { id, select: Some(code) }] if *id == other && code == "2.1")
    );
    assert!(matches!(
        run(&mut app, Command::ToggleAll).as_slice(),
        [Effect::LoadLedger { all: true }]
    ));
}

#[test]
fn export_dialog_builds_a_request_with_the_edits_in_memory() {
    let mut app = walking();
    app.export_dir = "/tmp/出口".into();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Export);
    assert!(matches!(app.overlay, Some(Overlay::Export(_))));
    run(&mut app, Command::Down);
    let effects = run(&mut app, Command::Submit);
    let request = match effects.as_slice() {
        [Effect::Export(request)] => request.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        request.format,
        crate::export::Format::ALL[0],
        "docx, then down wraps to the first"
    );
    assert_eq!(request.path, "/tmp/出口");
    assert!(!request.replace);
    match &request.target {
        super::super::app::ExportTarget::Session {
            open: Some(session),
            ..
        } => {
            assert_eq!(session.status("1.1"), Status::Pass);
        }
        other => panic!("{other:?}"),
    }
    update(
        &mut app,
        Action::ExportExists(request, "/tmp/出口/x.docx".into()),
    );
    let effects = run(&mut app, Command::Yes);
    assert!(matches!(effects.as_slice(), [Effect::Export(r)] if r.replace));
    update(&mut app, Action::Exported("/tmp/出口/x.docx".into()));
    assert!(app.message.as_ref().unwrap().text.contains("x.docx"));
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
