//! The UI never waits on the disk: with a store whose every file read takes over a
//! second, a key still gets its frame at once, while the slow load is still running;
//! the load's outcome lands later. The real event loop, runner and views, on a
//! recording backend.

use std::io;
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

use zicha::i18n::Lang;
use zicha::model::demo::DemoPlan;
use zicha::store::Store;
use zicha::store::demo::write_demo;
use zicha::store::fsops::{FileOps, RealFs};
use zicha::tui::action::Effect;
use zicha::tui::app::App;
use zicha::tui::runner::{Msg, Runner};
use zicha::tui::theme::Theme;

/// Every read of a file takes `delay` (a network share on a bad day).
#[derive(Debug)]
struct SlowFs {
    delay: Duration,
}

impl FileOps for SlowFs {
    fn create_new(&self, path: &Path) -> io::Result<std::fs::File> {
        RealFs.create_new(path)
    }
    fn write_all(&self, file: &mut std::fs::File, bytes: &[u8]) -> io::Result<()> {
        RealFs.write_all(file, bytes)
    }
    fn sync_file(&self, file: &std::fs::File) -> io::Result<()> {
        RealFs.sync_file(file)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        RealFs.rename(from, to)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        RealFs.hard_link(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        RealFs.sync_dir(dir)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        RealFs.remove_file(path)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        thread::sleep(self.delay);
        RealFs.read(path)
    }
}

/// A frame as it reached the "terminal": when, and its text.
type Frames = Arc<Mutex<Vec<(Instant, String)>>>;

/// A test backend that records every frame when it is flushed.
struct Recording {
    inner: TestBackend,
    frames: Frames,
}

impl Backend for Recording {
    type Error = std::convert::Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        // A wide character's second cell holds a blank: leave it out.
        let mut text = String::new();
        let mut skip = false;
        for cell in self.inner.buffer().content() {
            if !std::mem::take(&mut skip) {
                text.push_str(cell.symbol());
                skip = cell.symbol().width() > 1;
            }
        }
        if let Ok(mut frames) = self.frames.lock() {
            frames.push((Instant::now(), text));
        }
        self.inner.flush()
    }
}

fn key(c: char) -> Msg {
    Msg::Term(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

/// The first frame after `since` whose text contains `needle`, waiting up to `limit`.
fn frame_with(
    frames: &Frames,
    since: Instant,
    needle: &str,
    limit: Duration,
) -> Option<(Instant, String)> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Ok(frames) = frames.lock()
            && let Some(found) = frames
                .iter()
                .find(|(at, text)| *at >= since && text.contains(needle))
        {
            return Some(found.clone());
        }
        thread::sleep(Duration::from_millis(5));
    }
    None
}

#[test]
fn a_slow_load_does_not_delay_a_keys_frame() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = DemoPlan {
        departments: 2,
        rounds: 2,
        seed: 3,
        until: NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
    };
    write_demo(&Store::open(dir.path()).expect("store"), &plan).expect("demo");
    // No index yet: the home load reads all 4 files, 1.2 s each.
    let delay = Duration::from_millis(1200);
    let slow = Store::open_with(dir.path(), Arc::new(SlowFs { delay })).expect("slow store");

    let frames: Frames = Arc::default();
    let backend = Recording {
        inner: TestBackend::new(80, 24),
        frames: frames.clone(),
    };
    let (sender, receiver) = mpsc::channel();
    let mut runner = Runner::new(Arc::new(slow), Lang::Zh, sender.clone());
    let mut app = App::new(
        Lang::Zh,
        Theme::plain(),
        Default::default(),
        zicha::clock::now(),
    );
    let started = Instant::now();
    let ui = thread::spawn(move || {
        let mut terminal = Terminal::new(backend).expect("terminal");
        zicha::tui::run_loop(
            &mut terminal,
            &mut app,
            &mut runner,
            &receiver,
            vec![Effect::LoadHome],
        )
        .expect("the loop");
        runner.finish();
    });

    assert!(
        frame_with(&frames, started, "自查 zicha", Duration::from_secs(2)).is_some(),
        "the first frame is drawn before the load ends"
    );
    let pressed = Instant::now();
    sender.send(key('?')).expect("send");
    let (at, help) = frame_with(&frames, pressed, "帮助", Duration::from_secs(3))
        .expect("the help screen is drawn");
    let latency = at - pressed;
    assert!(
        latency < Duration::from_millis(500),
        "the key waited {latency:?} for a frame"
    );
    // Reading even one file takes `delay`: the load was still running.
    assert!(
        at - started < delay,
        "the key's frame came while the load ran"
    );
    assert!(!help.contains("办公室"), "nothing loaded yet");
    sender
        .send(Msg::Term(Event::Key(KeyEvent::new(
            KeyCode::Esc,
            KeyModifiers::NONE,
        ))))
        .expect("send");
    // The load lands later.
    let loaded = frame_with(&frames, pressed, "办公室", Duration::from_secs(30));
    assert!(loaded.is_some(), "the slow load's outcome arrives");
    assert!(
        loaded.is_some_and(|(at, _)| at - started >= delay),
        "and not before the disk allowed it"
    );
    sender.send(key('q')).expect("send");
    ui.join().expect("the UI thread");
}

fn slow_demo_store(delay: Duration) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = DemoPlan {
        departments: 1,
        rounds: 2,
        seed: 5,
        until: NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
    };
    write_demo(&Store::open(dir.path()).expect("store"), &plan).expect("demo");
    let slow = Store::open_with(dir.path(), Arc::new(SlowFs { delay })).expect("slow store");
    (dir, slow)
}

#[test]
fn a_newer_load_replaces_an_older_one_still_running() {
    use zicha::tui::action::Action;
    let (_dir, store) = slow_demo_store(Duration::from_millis(300));
    let (sender, receiver) = mpsc::channel();
    let mut runner = Runner::new(Arc::new(store), Lang::Zh, sender);
    let first = runner.run(Effect::LoadHome);
    thread::sleep(Duration::from_millis(100));
    let second = runner.run(Effect::LoadHome);
    let ids: Vec<u64> = [first, second]
        .iter()
        .flatten()
        .filter_map(|action| match action {
            Action::JobStarted { id, .. } => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(ids.len(), 2, "both start at once, nothing waits");
    let mut done = Vec::new();
    while done.len() < 2 {
        match receiver.recv_timeout(Duration::from_secs(30)) {
            Ok(Msg::Action(Action::JobDone { id, result })) => done.push((id, result)),
            Ok(_) => {}
            Err(error) => panic!("no outcome: {error}"),
        }
    }
    let loaded: Vec<u64> = done
        .iter()
        .filter(|(_, result)| result.iter().any(|a| matches!(a, Action::HomeLoaded(_))))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(loaded, [ids[1]], "only the latest request's outcome counts");
    runner.finish();
}

#[test]
fn the_inline_runner_does_the_work_inside_run() {
    use zicha::tui::action::Action;
    let (_dir, store) = slow_demo_store(Duration::ZERO);
    let mut runner = Runner::inline(Arc::new(store), Lang::Zh);
    let actions = runner.run(Effect::LoadHome);
    let sessions = actions.iter().find_map(|action| match action {
        Action::JobDone { result, .. } => result.iter().find_map(|a| match a {
            Action::HomeLoaded(home) => Some(home.sessions.clone()),
            _ => None,
        }),
        _ => None,
    });
    let sessions = sessions.expect("the home data, at once");
    // 1 department × 2 rounds and the unit's own session (全局) each round.
    assert_eq!(sessions.len(), 4);
    let id = sessions[0].id;
    let opened = runner.run(Effect::OpenSession { id, select: None });
    assert!(
        opened
            .iter()
            .any(|a| matches!(a, Action::JobDone { result, .. }
            if result.iter().any(|r| matches!(r, Action::SessionOpened(_))))),
        "{opened:?}"
    );
    let lock = runner.store().lock_path(id);
    assert!(lock.exists(), "the runner holds the session's lock");
    runner.run(Effect::CloseSession { id });
    assert!(!lock.exists(), "closing releases it");
}
