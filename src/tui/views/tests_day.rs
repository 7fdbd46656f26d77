//! Screens a new inspector meets (issue 16): a finished session, the home screen.

use super::super::action::{Action, Effect};
use super::super::app::{App, HomeData, SessionRow};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{render, walking};
use crate::i18n::Lang;

fn finished_walk(width: u16, height: u16) -> App {
    let mut app = walking(Lang::Zh, width, height);
    // 2.1 has no note: its detail would invite "备注 (Enter 编辑)".
    update(&mut app, Action::Command(Command::Finish));
    update(&mut app, Action::Command(Command::Yes));
    app.message = None;
    for _ in 0..3 {
        update(&mut app, Action::Command(Command::Down));
    }
    app
}

#[test]
fn a_finished_session_offers_no_editing_80x24() {
    let app = finished_walk(80, 24);
    assert!(app.walk.as_ref().is_some_and(|w| w.session().is_finished()));
    let text = render(&app);
    assert!(text.contains("[只读]"), "{text}");
    assert!(!text.contains("编辑）"), "no note hint:\n{text}");
    let hints = text.lines().rev().nth(1).unwrap_or_default();
    for edit in ["1达标", "Enter备注", "x扣分", "r整改"] {
        assert!(!hints.contains(edit), "{edit} in {hints}");
    }
    assert!(hints.contains("/搜索"), "{hints}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_finished_session_offers_no_editing_40x15() {
    let text = render(&finished_walk(40, 15));
    assert!(!text.contains("编辑）"), "{text}");
    insta::assert_snapshot!(text);
}

fn home_with(count: usize, width: u16, height: u16) -> App {
    let mut app = super::tests::app(Lang::Zh, width, height);
    let checklist = super::tests::checklist();
    let sessions = (0..count)
        .map(|n| {
            let mut session = super::tests::session();
            session.id = uuid::Uuid::from_u128(100 + n as u128);
            session.department = format!("科室{n:02}");
            SessionRow::new(&session, &checklist)
        })
        .collect();
    let data = HomeData {
        sessions,
        data_dir: "/home/王敏/自查 数据".into(),
        ..HomeData::default()
    };
    update(&mut app, Action::HomeLoaded(Box::new(data)));
    app
}

#[test]
fn the_home_score_column_holds_points_and_the_percentage_has_its_own() {
    let text = render(&super::tests::home_app(80, 24));
    let header = text.lines().nth(1).unwrap_or_default();
    assert!(
        header.contains("得分 ") && header.contains("得分率"),
        "{header}"
    );
    // 办公室: 10 points of 20.
    let row = text
        .lines()
        .find(|l| l.contains("办公室"))
        .unwrap_or_default();
    assert!(row.contains(" 10 ") && row.contains("50.0%"), "{row}");
}

#[test]
fn an_empty_data_folder_greets_a_new_user() {
    for (width, height) in [(80, 24), (40, 15)] {
        let app = home_with(0, width, height);
        let text = render(&app);
        assert!(!text.contains("这一轮还没有检查记录"), "{text}");
        let joined: String = text.chars().filter(|c| !"│ \n".contains(*c)).collect();
        assert!(joined.contains("按n新建检查记录"), "{text}");
        assert!(
            joined.contains("zicha--data-dir\"/home/王敏/自查数据\"demo"),
            "{text}"
        );
        insta::assert_snapshot!(format!("welcome_{width}x{height}"), text);
    }
}

#[test]
fn the_home_hint_bar_names_history() {
    let text = render(&super::tests::home_app(80, 24));
    assert!(text.contains("h历史"), "{text}");
}

#[test]
fn a_resize_keeps_the_selected_row_in_view_and_hides_no_rows() {
    let mut app = home_with(30, 80, 24);
    update(&mut app, Action::Command(Command::Bottom));
    update(&mut app, Action::Resize(80, 15));
    let text = render(&app);
    assert!(text.contains("科室29"), "the selected row shows:\n{text}");
    update(&mut app, Action::Command(Command::Up));
    // Taller than the list: every row shows, from the first.
    update(&mut app, Action::Resize(80, 40));
    assert_eq!(app.home.session_scroll, 0);
    let text = render(&app);
    assert!(text.contains("科室00") && text.contains("科室29"), "{text}");
    // Shorter again: the selection (科室28) stays in view.
    update(&mut app, Action::Resize(80, 12));
    let text = render(&app);
    assert!(text.contains("科室28"), "{text}");
}

#[test]
fn deleting_a_session_says_where_it_went_and_how_to_restore_it() {
    let mut app = super::tests::home_app(80, 24);
    update(&mut app, Action::Command(Command::Delete));
    let effects = update(&mut app, Action::Command(Command::Yes));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::TrashSession { .. })),
        "{effects:?}"
    );
    let path = "/home/王敏/zicha/trash/01a2.ron";
    update(
        &mut app,
        Action::Trashed {
            path: path.into(),
            data_dir: "/home/王敏/zicha".into(),
        },
    );
    let text = render(&app);
    // Long lines wrap; read the pop-up's text as one.
    let joined: String = text
        .lines()
        .map(|line| line.trim_end_matches('│').trim_end())
        .collect();
    let restore = format!("zicha--data-dir/home/王敏/zichaimport--restore{path}");
    assert!(joined.replace([' ', '│'], "").contains(&restore), "{text}");
    insta::assert_snapshot!(text);
    update(&mut app, Action::Command(Command::Back));
    assert!(app.overlay.is_none());
}
