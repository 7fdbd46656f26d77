//! Processes killed with SIGKILL at random moments while saving, for `zicha mark` and
//! for the UI's autosave. After every kill the session loads and holds the old or the
//! new content; an edit that was acknowledged (mark exited 0, or the UI showed
//! 已保存 HH:MM:SS) is never lost; after the next normal run no stray files remain.
//!
//! `cargo test` runs a short version; `scripts/kill_test.sh` runs 1,000 kills
//! (`ZICHA_KILLS=N` sets how many kills of each kind must land).

mod common;
mod pty;

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, Env, Rng, item};
use pty::Term;

fn kills(default: usize) -> usize {
    std::env::var("ZICHA_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn note_of(env: &Env, id: &str, code: &str) -> (String, String) {
    let detail = env.show(id);
    let it = item(&detail, code);
    (
        it["status"].as_str().unwrap_or_default().to_string(),
        it["note"].as_str().unwrap_or_default().to_string(),
    )
}

fn strays(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.sessions_dir())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".tmp") || name.ends_with(".lock"))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default, Debug)]
struct Figures {
    kills: usize,
    completed: usize,
    /// Killed after the edit was acknowledged (saved and shown or reported).
    acknowledged: usize,
    unreadable: usize,
    lost: usize,
    strays: usize,
}

#[test]
fn killing_mark_at_random_moments() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-21");
    let mut rng = Rng::new(0x6d61_726b);
    let started = Instant::now();
    env.mark(&id, "1.3", "pass", &[]);
    let lifetime_us = (started.elapsed().as_micros() as u64).clamp(1_000, 60_000);
    let mut previous = note_of(&env, &id, "1.2");
    let mut figures = Figures::default();
    // Runs until this many kills have landed in a running `mark` (some runs finish
    // first), with a cap on the attempts.
    let wanted = kills(25);
    for round in 0..wanted * 4 {
        if figures.kills >= wanted {
            break;
        }
        let status = ["pass", "fail", "partial"][round % 3];
        let note = format!("第{round}次 {}", "整改措施".repeat(round % 50));
        let mut child = Command::new(BIN)
            .env_remove("ZICHA_DATA_DIR")
            .arg("--data-dir")
            .arg(&env.data)
            .args(["mark", &id, "1.2", status, "--note", &note])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(lifetime_us * 5 / 4 + 1)));
        let _ = child.kill();
        let exit = child.wait().expect("wait");
        let acknowledged = exit.success();
        figures.acknowledged += usize::from(acknowledged);
        if exit.signal() == Some(libc::SIGKILL) {
            figures.kills += 1;
        } else {
            figures.completed += 1;
        }
        let shown = env.run(["show", &id, "--json"]);
        if shown.code != Some(0) {
            eprintln!("round {round}: the session does not load: {}", shown.stderr);
            figures.unreadable += 1;
            continue;
        }
        let now = note_of(&env, &id, "1.2");
        let new = (status.to_string(), note.clone());
        if acknowledged && now != new {
            figures.lost += 1;
        }
        assert!(
            now == previous || now == new,
            "round {round}: neither old nor new: {now:?}"
        );
        previous = now;
    }
    env.ok(["list"]);
    figures.strays = strays(&env).len();
    println!("zicha mark: {figures:?}");
    assert_eq!(
        (figures.unreadable, figures.lost, figures.strays),
        (0, 0, 0),
        "{figures:?}"
    );
    assert!(
        figures.kills >= wanted,
        "not enough kills landed: {figures:?}"
    );
}

#[test]
fn killing_the_ui_around_its_autosave() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-21");
    let mut rng = Rng::new(0x7569_6b69);
    let mut previous = note_of(&env, &id, "1.1");
    let mut figures = Figures::default();
    let data = env.data.display().to_string();
    for round in 0..kills(6) {
        let mut term = Term::spawn(
            BIN,
            &["--data-dir", &data, "open", &id],
            &[("ZICHA_LANG", "zh")],
            &env.cwd,
            100,
            30,
        );
        term.wait_text("已查 0/");
        let note = format!("第{round}轮备注{}", "记录".repeat(round % 20));
        term.enter();
        term.wait_text("Esc完成");
        // The editor opens at the end of the note: the paste appends to it.
        term.paste(&note);
        term.escape();
        // Kill somewhere around the autosave (about 0.6 s after the last edit).
        std::thread::sleep(Duration::from_millis(rng.below(1500)));
        let screen = term.screen();
        let acknowledged = screen.lines().any(|line| {
            line.split("已保存 ")
                .nth(1)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        term.kill();
        figures.kills += 1;
        figures.acknowledged += usize::from(acknowledged);
        let shown = env.run(["show", &id, "--json"]);
        if shown.code != Some(0) {
            eprintln!("round {round}: the session does not load: {}", shown.stderr);
            figures.unreadable += 1;
            continue;
        }
        let (_, now) = note_of(&env, &id, "1.1");
        let expected_new = format!("{}{note}", previous.1);
        if acknowledged && now != expected_new {
            figures.lost += 1;
        }
        assert!(
            now == previous.1 || now == expected_new,
            "round {round}: neither old nor new:\n{now:?}\n{previous:?}\n{expected_new:?}"
        );
        previous = note_of(&env, &id, "1.1");
    }
    env.ok(["list"]);
    figures.strays = strays(&env).len();
    println!("UI autosave: {figures:?}");
    assert_eq!(
        (figures.unreadable, figures.lost, figures.strays),
        (0, 0, 0),
        "{figures:?}"
    );
}
