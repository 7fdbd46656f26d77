//! Input that arrives in bursts: a terminal without bracketed paste delivers a paste
//! as one key event per character. Handled one by one, each key would copy the whole
//! note (quadratic) and the loop would never reach its autosave tick. The event loop
//! takes messages in bounded batches ([`MAX_BATCH`], [`BATCH_TIME`]), and a run of
//! characters typed into the note editor becomes one insert.

use std::collections::VecDeque;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::App;
use super::keymap::{self, Command, Mode};
use super::runner::Msg;

/// The most messages handled between two chances to draw and autosave.
pub const MAX_BATCH: usize = 4096;
/// The longest a batch is gathered.
pub const BATCH_TIME: Duration = Duration::from_millis(30);

/// `first` and what else is waiting, up to the batch limits.
pub fn gather(first: Msg, receiver: &Receiver<Msg>) -> VecDeque<Msg> {
    let started = Instant::now();
    let mut batch = VecDeque::from([first]);
    while batch.len() < MAX_BATCH && started.elapsed() < BATCH_TIME {
        match receiver.try_recv() {
            Ok(message) => batch.push_back(message),
            Err(_) => break,
        }
    }
    batch
}

/// The character a key types into the note editor, if it is plain typing (no
/// command, no Ctrl or Alt). Only the editor takes long text; one-line fields keep
/// their per-key behaviour (suggestions, toggles).
fn typed(app: &App, key: &KeyEvent) -> Option<char> {
    let mode = app.mode();
    if mode != Mode::Editor || !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    match (keymap::lookup(mode, key), key.code) {
        // Enter is the editor's newline command: in a run it is the text it inserts.
        (Some(Command::Newline), _) => Some('\n'),
        (None, KeyCode::Char(c)) if !c.is_control() => Some(c),
        _ => None,
    }
}

fn is_release(message: &Msg) -> bool {
    matches!(message, Msg::Term(Event::Key(key)) if key.kind == KeyEventKind::Release)
}

/// If `first` types a character, it and the typed characters right after it in
/// `rest` (key releases skipped), as one text; otherwise `first` back.
pub fn typed_run(app: &App, first: Msg, rest: &mut VecDeque<Msg>) -> Result<String, Msg> {
    let Msg::Term(Event::Key(key)) = &first else {
        return Err(first);
    };
    if key.kind == KeyEventKind::Release {
        return Err(first);
    }
    let Some(c) = typed(app, key) else {
        return Err(first);
    };
    let mut text = String::from(c);
    while let Some(next) = rest.front() {
        if is_release(next) {
            rest.pop_front();
            continue;
        }
        let Msg::Term(Event::Key(key)) = next else {
            break;
        };
        let Some(c) = typed(app, key) else {
            break;
        };
        text.push(c);
        rest.pop_front();
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::app::{App, EditorState, Overlay};
    use crate::tui::theme::Theme;

    fn key(code: KeyCode) -> Msg {
        Msg::Term(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    #[test]
    fn typed_characters_become_one_text_and_commands_end_it() {
        let mut app = App::new(
            Lang::Zh,
            Theme::plain(),
            Default::default(),
            crate::clock::now(),
        );
        let first = key(KeyCode::Char('x'));
        assert!(
            typed_run(&app, first, &mut VecDeque::new()).is_err(),
            "outside a text field a key is a command"
        );
        app.overlay = Some(Overlay::Editor(Box::new(EditorState::new("1.1", ""))));
        let mut rest: VecDeque<Msg> = "整改措施落实"
            .chars()
            .map(|c| key(KeyCode::Char(c)))
            .chain([key(KeyCode::Enter), key(KeyCode::Char('好'))])
            .chain([key(KeyCode::Esc), key(KeyCode::Char('q'))])
            .collect();
        let first = rest.pop_front().unwrap();
        assert_eq!(
            typed_run(&app, first, &mut rest).unwrap(),
            "整改措施落实\n好"
        );
        assert_eq!(rest.len(), 2, "Esc (a command) and what follows stay");
    }

    #[test]
    fn a_batch_is_bounded() {
        let (sender, receiver) = std::sync::mpsc::channel();
        for _ in 0..MAX_BATCH * 3 {
            sender.send(key(KeyCode::Char('a'))).unwrap();
        }
        let first = receiver.recv().unwrap();
        assert_eq!(gather(first, &receiver).len(), MAX_BATCH);
    }
}
