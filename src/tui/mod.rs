//! The terminal UI: one `App`, a pure `update`, views that borrow, an effect runner,
//! and an event loop generic over the ratatui `Backend` so tests drive the real app.

pub mod action;
pub mod app;
pub mod burst;
mod deadline_jobs;
mod file_jobs;
pub mod input;
pub mod jobs;
pub mod keymap;
pub mod layout;
pub mod opener;
pub mod outline;
pub mod runner;
pub mod signals;
pub mod text;
pub mod theme;
pub mod update;
pub mod views;

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use uuid::Uuid;

use crate::clock;
use crate::i18n::Lang;
use crate::store::Store;
use action::{Action, Effect};
use app::App;
use keymap::takes_text;
use runner::{Msg, Runner};
use theme::Theme;

/// How often the loop ticks when nothing happens (drives autosave).
pub const TICK: Duration = Duration::from_millis(200);

/// What to show first.
pub struct Start {
    pub open: Option<Uuid>,
}

/// Runs the UI on the real terminal until the user quits.
pub fn run(store: Store, lang: Lang, ascii: bool, start: Start) -> Result<()> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        anyhow::bail!(lang.cli().needs_terminal);
    }
    let store = Arc::new(store);
    let settings = store.load_settings();
    let (sender, receiver) = mpsc::channel();
    let mut runner = Runner::new(store.clone(), lang, sender.clone());
    let mut app = App::new(lang, Theme::from_env(ascii), settings, clock::now());
    app.login = crate::ops::who::login_name();
    app.export_dir = std::env::current_dir()
        .map(|dir| dir.display().to_string())
        .unwrap_or_default();

    signals::install(sender.clone())?;
    enter_terminal()?;
    install_panic_hook();
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(Msg::Term(event)).is_err() {
                break;
            }
        }
    });
    // The session first, so it shows as soon as it can; home loads behind it.
    let mut initial = Vec::new();
    if let Some(id) = start.open {
        // `zicha open SESSION` never offers to create the unit profile.
        app.offer_profile = false;
        initial.push(Effect::OpenSession { id, select: None });
    }
    initial.push(Effect::LoadHome);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        run_loop(&mut terminal, &mut app, &mut runner, &receiver, initial)
    }));
    leave_terminal();
    match outcome {
        Ok(result) => {
            // Edits first, then the worker: a long job (a cold index rebuild) must not
            // hold up the save past a signal's grace time.
            settle_saves(&mut app, &mut runner, &receiver);
            flush_on_exit(&app, &runner);
            runner.finish();
            signals::finished();
            result
        }
        Err(_) => {
            runner.finish();
            let saved = write_panic_recovery(&app, runner.store());
            Err(anyhow::anyhow!(
                "zicha stopped after an internal error; {saved}. Please report the message above."
            ))
        }
    }
}

/// Waits (a few seconds at most) for a save still running, so that the final save
/// does not conflict with it.
fn settle_saves(app: &mut App, runner: &mut Runner, receiver: &Receiver<Msg>) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while app
        .walk
        .as_ref()
        .is_some_and(|w| w.save.in_flight.is_some())
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(left) {
            Ok(Msg::Saved(report)) => dispatch(app, runner, Action::SaveFinished(report)),
            Ok(_) => {}
            Err(_) => break,
        }
    }
}

/// Saves edits that did not reach the disk yet (the loop ended unexpectedly).
fn flush_on_exit(app: &App, runner: &Runner) {
    if let Some(walk) = &app.walk
        && walk.save.is_dirty()
        && walk.read_only.is_none()
        && let Err(error) = runner.save_now(&walk.loaded)
    {
        let place = runner
            .store()
            .recover(walk.session(), "exit")
            .map(|p| p.display().to_string())
            .unwrap_or_else(|e| e.to_string());
        eprintln!("zicha: could not save ({error}); your edits are in {place}");
    }
}

fn write_panic_recovery(app: &App, store: &Store) -> String {
    match &app.walk {
        Some(walk) => match store.recover(walk.session(), "panic") {
            Ok(path) => format!("the open session was written to {}", path.display()),
            Err(error) => format!("the open session could not be written: {error}"),
        },
        None => "no session was open".to_string(),
    }
}

fn enter_terminal() -> Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    Ok(())
}

/// Puts the terminal back as it was; safe to call twice.
pub fn leave_terminal() {
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        previous(info);
    }));
}

/// The event loop: draw, wait for a message or a tick, update, run effects.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    runner: &mut Runner,
    receiver: &Receiver<Msg>,
    initial: Vec<Effect>,
) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    stamp_time(app);
    run_effects(app, runner, initial);
    let mut last_tick = Instant::now();
    loop {
        if app.quit {
            break;
        }
        terminal.draw(|frame| views::draw(frame, app))?;
        let wait = TICK.saturating_sub(last_tick.elapsed());
        let first = match receiver.recv_timeout(wait) {
            Ok(message) => Some(message),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        // Take what is waiting, in bounded batches (a paste typed in as keys arrives
        // as a burst), and draw and tick between them.
        let mut batch = first
            .map(|first| burst::gather(first, receiver))
            .unwrap_or_default();
        while let Some(message) = batch.pop_front() {
            if let Msg::Signal(_) = message {
                app.quit = true;
                break;
            }
            stamp_time(app);
            let actions = match burst::typed_run(app, message, &mut batch) {
                Ok(text) => vec![Action::Paste(text)],
                Err(message) => translate(app, message),
            };
            for action in actions {
                dispatch(app, runner, action);
            }
            if app.quit {
                break;
            }
        }
        if last_tick.elapsed() >= TICK {
            stamp_time(app);
            dispatch(app, runner, Action::Tick);
            last_tick = Instant::now();
        }
    }
    Ok(())
}

fn stamp_time(app: &mut App) {
    app.now = Instant::now();
    app.wall = clock::now();
    app.today = app.wall.date_naive();
}

fn run_effects(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) {
    for effect in effects {
        for action in runner.run(effect) {
            dispatch(app, runner, action);
        }
    }
}

/// Updates the app with one action and carries out what it asks for.
pub fn dispatch(app: &mut App, runner: &mut Runner, action: Action) {
    let effects = update::update(app, action);
    run_effects(app, runner, effects);
}

/// Terminal events as actions; key releases (Windows) are ignored.
pub fn translate(app: &App, message: Msg) -> Vec<Action> {
    match message {
        Msg::Saved(report) => vec![Action::SaveFinished(report)],
        Msg::Action(action) => vec![action],
        Msg::Term(Event::Key(key)) if key.kind != KeyEventKind::Release => {
            if keymap::global(&key) == Some(keymap::Command::SaveAndQuit) {
                return vec![Action::QuitRequested];
            }
            #[cfg(debug_assertions)]
            if key.code == event::KeyCode::F(12) && std::env::var_os("ZICHA_TEST_PANIC").is_some() {
                panic!("test panic requested with F12 (ZICHA_TEST_PANIC)");
            }
            let mode = app.mode();
            match keymap::lookup(mode, &key) {
                Some(command) => vec![Action::Command(command)],
                None if takes_text(mode) => vec![Action::Text(key)],
                None => Vec::new(),
            }
        }
        Msg::Term(Event::Paste(text)) => vec![Action::Paste(text)],
        Msg::Term(Event::Mouse(mouse)) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click {
                column: mouse.column,
                row: mouse.row,
            }],
            MouseEventKind::ScrollUp => vec![Action::ScrollUp],
            MouseEventKind::ScrollDown => vec![Action::ScrollDown],
            _ => Vec::new(),
        },
        Msg::Term(Event::Resize(width, height)) => vec![Action::Resize(width, height)],
        Msg::Term(_) | Msg::Signal(_) => Vec::new(),
    }
}
