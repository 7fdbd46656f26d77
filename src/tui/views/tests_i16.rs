//! Snapshot tests of what a new user tripped over (pickers, the walk at small sizes).

use super::super::action::Action;
use super::super::app::{App, NewField, Overlay};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{home_app, render};

/// The new-session form on its checklist picker, with a title too long for the row.
fn form_on_the_checklist_picker(width: u16, height: u16) -> App {
    let mut app = home_app(width, height);
    if let Some(choice) = app.home.data.checklists.first_mut() {
        choice.title = "某某市文明单位创建工作测评体系自查表（机关事业单位适用版）".into();
    }
    update(&mut app, Action::Command(Command::NewSession));
    if let Some(Overlay::NewSession(form)) = app.overlay.as_mut() {
        form.field = NewField::Checklist;
    }
    app
}

/// Every picker row shows `< ... >` whole, and no ambiguous-width character.
fn assert_pickers_whole(screen: &str) {
    for row in screen.lines().filter(|row| row.contains("< ")) {
        assert!(row.contains(" >"), "a picker lost its arrow: {row}");
    }
    for ambiguous in ['‹', '›', '…', '·', '×', '√'] {
        assert!(
            !screen.contains(ambiguous),
            "{ambiguous} on screen:\n{screen}"
        );
    }
}

#[test]
fn new_session_checklist_picker_80x24() {
    let screen = render(&form_on_the_checklist_picker(80, 24));
    assert_pickers_whole(&screen);
    assert!(screen.contains("Left前一选项"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn new_session_checklist_picker_60x20() {
    let screen = render(&form_on_the_checklist_picker(60, 20));
    assert_pickers_whole(&screen);
    insta::assert_snapshot!(screen);
}

#[test]
fn export_dialog_pickers_60x20() {
    let mut app = super::tests::walking(crate::i18n::Lang::Zh, 60, 20);
    app.export_dir = "/home/王敏/报告".into();
    update(&mut app, Action::Command(Command::Export));
    let screen = render(&app);
    assert_pickers_whole(&screen);
    insta::assert_snapshot!(screen);
}
