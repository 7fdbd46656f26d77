use super::*;
use crate::model::session::Status;
use Command as C;
use std::collections::HashSet;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn the_design_keys_run_their_commands_in_walk() {
    let walk = |c: char| lookup(Mode::Walk, &press(KeyCode::Char(c), KeyModifiers::NONE));
    assert_eq!(walk('1'), Some(C::SetStatus(Status::Pass)));
    assert_eq!(walk('0'), Some(C::SetStatus(Status::Pending)));
    assert_eq!(walk('N'), Some(C::PrevPending));
    assert_eq!(walk('u'), Some(C::Undo));
    let redo = lookup(
        Mode::Walk,
        &press(KeyCode::Char('r'), KeyModifiers::CONTROL),
    );
    assert_eq!(redo, Some(C::Redo));
    let shift_n = lookup(Mode::Walk, &press(KeyCode::Char('N'), KeyModifiers::SHIFT));
    assert_eq!(shift_n, Some(C::PrevPending));
}

#[test]
fn text_modes_keep_characters_as_text() {
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Editor, &q), None);
    assert_eq!(lookup(Mode::Search, &q), None);
    let esc = press(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Editor, &esc), Some(C::FinishEditing));
}

#[test]
fn every_bound_command_has_a_hint_and_help_in_both_languages() {
    for lang in Lang::ALL {
        for mode in Mode::ALL {
            for binding in bindings(mode).iter().chain(global_bindings()) {
                let text = lang.command(binding.command);
                assert!(
                    !text.hint.trim().is_empty() && !text.help.trim().is_empty(),
                    "{lang:?} {mode:?} {:?} has no hint or help",
                    binding.command
                );
            }
        }
    }
}

#[test]
fn every_key_named_in_prose_is_bound() {
    for lang in Lang::ALL {
        let keys = ProseKeys::new(lang);
        assert!(keys.all().iter().all(|k| !k.is_empty()), "{keys:?}");
    }
    assert_eq!(ProseKeys::new(Lang::Zh).new_session, "n");
}

#[test]
fn ctrl_c_works_in_every_mode_and_the_editor_keys_are_commands() {
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(global(&ctrl_c), Some(C::SaveAndQuit));
    let plain_c = press(KeyCode::Char('c'), KeyModifiers::NONE);
    assert_eq!(global(&plain_c), None);
    let enter = press(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Editor, &enter), Some(C::Newline));
    let undo = press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(lookup(Mode::Editor, &undo), Some(C::Undo));
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for mode in Mode::ALL {
        let mut seen = HashSet::new();
        for binding in bindings(mode).iter().chain(global_bindings()) {
            for key in binding.keys {
                assert!(
                    seen.insert((key.code, key.ctrl)),
                    "{mode:?} binds {key:?} twice"
                );
            }
        }
    }
}

#[test]
fn digits_carry_their_value_in_the_deductions_and_levels_menus() {
    let key = |c: char| press(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Deductions, &key('3')), Some(C::Count(3)));
    assert_eq!(lookup(Mode::Deductions, &key('0')), Some(C::Count(0)));
    assert_eq!(lookup(Mode::Deductions, &key('+')), Some(C::More));
    assert_eq!(lookup(Mode::Deductions, &key('-')), Some(C::Less));
    assert_eq!(lookup(Mode::Levels, &key('2')), Some(C::PickLevel(2)));
    assert_eq!(lookup(Mode::Walk, &key('l')), Some(C::Judge));
    // In walk the digits stay the status keys.
    assert_eq!(
        lookup(Mode::Walk, &key('3')),
        Some(C::SetStatus(Status::Fail))
    );
    // The rate form takes digits as text.
    assert_eq!(lookup(Mode::Rate, &key('4')), None);
}
