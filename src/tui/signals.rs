//! Closing the terminal window, logging out, `kill`: SIGTERM, SIGHUP and SIGINT (on
//! Windows, the console's close and Ctrl-C events, untested) become a message to the
//! event loop, which stops as on a normal quit: the terminal is restored and pending
//! edits are saved with the save protocol, or written to `recovery/` when the session
//! cannot be saved. Should the loop not finish within [`GRACE`], a watchdog restores
//! the terminal and ends the process.

use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use super::runner::Msg;

/// How long the loop has after a signal to save and restore the terminal.
pub const GRACE: Duration = Duration::from_secs(8);

/// Set once the UI has saved what it had and restored the terminal.
static FINISHED: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// Called by the UI when it has saved and left the terminal.
pub fn finished() {
    let (done, changed) = &FINISHED;
    if let Ok(mut done) = done.lock() {
        *done = true;
        changed.notify_all();
    }
}

/// Waits until [`finished`] or `timeout`; whether it finished.
fn wait_finished(timeout: Duration) -> bool {
    let (done, changed) = &FINISHED;
    let Ok(guard) = done.lock() else {
        return false;
    };
    changed
        .wait_timeout_while(guard, timeout, |done| !*done)
        .map(|(done, _)| *done)
        .unwrap_or(false)
}

/// Sends the message for a stop request to the loop, then watches that it ends.
fn stop_requested(sender: &Sender<Msg>, signal: i32) {
    let _ = sender.send(Msg::Signal(signal));
    std::thread::spawn(move || {
        if !wait_finished(GRACE) {
            super::leave_terminal();
            eprintln!("zicha: stopped by signal {signal} before it could save");
            std::process::exit(128 + signal);
        }
    });
}

/// Starts listening; the loop gets a [`Msg::Signal`] for each request to stop.
#[cfg(unix)]
pub fn install(sender: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            stop_requested(&sender, signal);
        }
    });
    Ok(())
}

/// Windows: the console's close event ends the process once the handler returns, so
/// the handler waits for the UI to finish. Not built or tested here.
#[cfg(windows)]
pub fn install(sender: Sender<Msg>) -> std::io::Result<()> {
    const CONSOLE_CLOSE: i32 = 2;
    ctrlc::set_handler(move || {
        stop_requested(&sender, CONSOLE_CLOSE);
        wait_finished(GRACE);
    })
    .map_err(std::io::Error::other)
}

#[cfg(not(any(unix, windows)))]
pub fn install(_sender: Sender<Msg>) -> std::io::Result<()> {
    Ok(())
}
