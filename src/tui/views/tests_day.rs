//! Screens a new inspector meets (issue 16): a finished session, the home screen.

use super::super::action::Action;
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{render, walking};
use crate::i18n::Lang;

fn finished_walk(width: u16, height: u16) -> super::super::app::App {
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
