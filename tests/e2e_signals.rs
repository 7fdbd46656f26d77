//! The UI stopped from outside (issue 12, findings 2, 5 and 6): SIGTERM, SIGHUP and
//! SIGINT right after typing save the words and restore the terminal; SIGKILL never
//! loses a word the UI showed as saved; a paste typed in as keys is quick and saved;
//! a FIFO among the sessions does not hang the UI.
//!
//! `cargo test` runs a few rounds per signal; `scripts/signal_test.sh` runs the long
//! loops (`ZICHA_SIGNAL_ROUNDS=N` rounds per signal) and prints the figures.
#![cfg(target_os = "linux")]

mod common;
mod pty;

use std::time::{Duration, Instant};

use common::{Env, Rng, bin, item};
use pty::Term;

fn rounds(default: usize) -> usize {
    std::env::var("ZICHA_SIGNAL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Runs `zicha args…` under `sh` in a pseudo-terminal, with `stty -a` captured
/// before and after, so that terminal modes left behind can be compared.
fn start(env: &Env, args: &[&str], tag: &str) -> Term {
    let root = env.root.path().display().to_string();
    let mut line = format!(
        "stty -a > '{root}/stty-before-{tag}'; '{}' --data-dir '{}'",
        bin(),
        env.data.display()
    );
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    line.push_str(&format!(
        " 2>/dev/null; stty -a > '{root}/stty-after-{tag}'"
    ));
    Term::spawn(
        "sh",
        &["-c", &line],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        100,
        30,
    )
}

/// The pid of zicha, the child of the `sh` that `start` ran.
fn zicha_pid(term: &Term) -> Option<i32> {
    let sh = term.pid()?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let children =
            std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children")).unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next() {
            return pid.parse().ok();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

fn read(env: &Env, name: &str) -> String {
    std::fs::read_to_string(env.root.path().join(name)).unwrap_or_default()
}

fn note(env: &Env, id: &str) -> String {
    item(&env.show(id), "1.1")["note"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Whether the status line shows a save made by this process.
fn shows_saved(screen: &str) -> bool {
    screen.lines().any(|line| {
        line.split("已保存 ")
            .nth(1)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[derive(Debug, Default)]
struct Figures {
    rounds: usize,
    /// Words the UI showed (TERM, HUP, INT) or showed as saved (KILL).
    acknowledged: usize,
    lost: usize,
    /// Terminals left with other modes than before (raw mode), or in the
    /// alternate screen, or with the mouse captured.
    terminals_left_raw: usize,
    unreadable: usize,
}

fn signal_loop(signal: i32, name: &str, default_rounds: usize) -> Figures {
    let env = Env::new();
    let mut rng = Rng::new(0x5349_4700 + signal as u64);
    let mut figures = Figures::default();
    for round in 0..rounds(default_rounds) {
        // A fresh session each round, so that the word is never wrapped on screen.
        let department = format!("部门{round}");
        let id = env.new_session("wenming-keshi", &department, "2026年11月自查", "2026-11-21");
        let tag = format!("{name}-{round}");
        let mut term = start(&env, &["open", &id], &tag);
        // The walk's own hint: home (loading beside it) also says 已查.
        term.wait_text("Enter备注");
        term.enter();
        term.wait_text("Esc完成");
        let word = format!("词{round}号");
        term.keys(&word);
        term.wait_text(&word);
        // From at once to past the autosave.
        std::thread::sleep(Duration::from_millis(rng.below(900)));
        let screen = term.screen();
        let acknowledged = if signal == libc::SIGKILL {
            shows_saved(&screen)
        } else {
            true
        };
        let pid = zicha_pid(&term).expect("zicha's pid");
        // SAFETY: signalling a child process of this test.
        unsafe { libc::kill(pid, signal) };
        term.wait_exit(Duration::from_secs(15));
        figures.rounds += 1;
        if signal != libc::SIGKILL {
            std::thread::sleep(Duration::from_millis(50));
            let before = read(&env, &format!("stty-before-{tag}"));
            let after = read(&env, &format!("stty-after-{tag}"));
            if before.is_empty()
                || before != after
                || term.alternate_screen()
                || term.mouse_captured()
            {
                figures.terminals_left_raw += 1;
            }
        }
        let shown = env.run(["show", &id, "--json"]);
        if shown.code != Some(0) {
            figures.unreadable += 1;
            continue;
        }
        if acknowledged {
            figures.acknowledged += 1;
            if note(&env, &id) != word {
                figures.lost += 1;
            }
        }
    }
    println!("kill -{name}: {figures:?}");
    figures
}

#[test]
fn sigterm_saves_the_last_words_and_restores_the_terminal() {
    let figures = signal_loop(libc::SIGTERM, "TERM", 3);
    assert_eq!(
        (figures.lost, figures.terminals_left_raw, figures.unreadable),
        (0, 0, 0),
        "{figures:?}"
    );
}

#[test]
fn sighup_saves_the_last_words_and_restores_the_terminal() {
    let figures = signal_loop(libc::SIGHUP, "HUP", 3);
    assert_eq!(
        (figures.lost, figures.terminals_left_raw, figures.unreadable),
        (0, 0, 0),
        "{figures:?}"
    );
}

#[test]
fn sigint_saves_the_last_words_and_restores_the_terminal() {
    let figures = signal_loop(libc::SIGINT, "INT", 2);
    assert_eq!(
        (figures.lost, figures.terminals_left_raw, figures.unreadable),
        (0, 0, 0),
        "{figures:?}"
    );
}

#[test]
fn sigkill_never_loses_a_word_shown_as_saved() {
    let figures = signal_loop(libc::SIGKILL, "KILL", 3);
    assert_eq!((figures.lost, figures.unreadable), (0, 0), "{figures:?}");
}

#[test]
fn a_paste_typed_as_keys_is_quick_and_saved() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-21");
    let data = env.data.display().to_string();
    let term = Term::spawn(
        &bin(),
        &["--data-dir", &data, "open", &id],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        100,
        30,
    );
    term.wait_text("Enter备注");
    term.enter();
    term.wait_text("Esc完成");
    let chars: usize = std::env::var("ZICHA_PASTE_CHARS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let text: String = "整改措施已落实到位abcdefghij"
        .chars()
        .cycle()
        .take(chars)
        .collect();
    let started = Instant::now();
    // No bracketed paste: one key event per character.
    let _typing = term.keys_in_background(text.clone());
    let deadline = Duration::from_secs(60);
    loop {
        let saved = note(&env, &id);
        if saved.chars().count() == chars {
            assert_eq!(saved, text);
            break;
        }
        assert!(
            started.elapsed() < deadline,
            "{} of {chars} characters saved after {deadline:?}",
            saved.chars().count()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    println!(
        "paste as keys: {chars} characters typed and saved in {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_fifo_among_the_sessions_does_not_hang_the_ui() {
    let env = Env::new();
    env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-21");
    let fifo = env
        .sessions_dir()
        .join("01930000-0000-7000-8000-0000000000f1.ron");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let data = env.data.display().to_string();
    let mut term = Term::spawn(
        &bin(),
        &["--data-dir", &data],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        100,
        30,
    );
    term.wait_text("办公室");
    term.keys("q");
    term.wait_exit(Duration::from_secs(10));
}
