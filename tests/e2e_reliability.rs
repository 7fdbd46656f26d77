//! Reliability in a real terminal: a panic restores the terminal and keeps the
//! session; hostile text never reaches the terminal raw; a huge paste is survived.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

/// Runs `zicha args…` under `sh`, with `stty -a` captured before and after.
fn start(env: &Env, args: &[&str], extra_env: &[(&str, &str)]) -> Term {
    let root = env.root.path().display().to_string();
    let mut line = format!(
        "stty -a > '{root}/stty-before.txt'; '{BIN}' --data-dir '{}'",
        env.data.display()
    );
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    line.push_str(&format!(
        " 2> '{root}/stderr.txt'; echo $? > '{root}/status.txt'; stty -a > '{root}/stty-after.txt'"
    ));
    let mut envs = vec![("ZICHA_LANG", "zh")];
    envs.extend_from_slice(extra_env);
    Term::spawn("sh", &["-c", &line], &envs, &env.cwd, 100, 30)
}

fn read(env: &Env, name: &str) -> String {
    std::fs::read_to_string(env.root.path().join(name)).unwrap_or_default()
}

#[test]
fn a_panic_restores_the_terminal_and_writes_the_session_to_recovery() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], &[("ZICHA_TEST_PANIC", "1")]);
    term.wait_text("已查 0/");
    term.keys("1");
    term.enter();
    term.wait_text("Esc完成");
    term.keys("崩溃前的备注");
    // F12 triggers the debug-only test panic before the autosave can run.
    term.send(b"\x1b[24~");
    term.wait_exit(Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(200));
    let before = read(&env, "stty-before.txt");
    let after = read(&env, "stty-after.txt");
    assert!(
        !before.is_empty() && before == after,
        "terminal modes differ:\n{before}\n---\n{after}"
    );
    assert_ne!(
        read(&env, "status.txt").trim(),
        "0",
        "a crash is not a success"
    );
    let stderr = read(&env, "stderr.txt");
    assert!(
        stderr.contains("recovery"),
        "the message says where the session went: {stderr}"
    );
    let recovery: Vec<_> = std::fs::read_dir(env.data.join("recovery"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    assert_eq!(recovery.len(), 1, "{recovery:?}");
    let saved = std::fs::read_to_string(&recovery[0]).unwrap();
    assert!(saved.contains("崩溃前的备注"), "{saved}");
    assert!(!term.alternate_screen(), "the alternate screen was left");

    // The next start says a recovery file exists.
    let term = start(&env, &[], &[]);
    term.wait_text("recovery");
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let env = Env::new();
    let department = "办公室\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202e}";
    let id = env.new_session(
        "wenming-keshi",
        department,
        "2026年11月\u{9b}31m自查",
        "2026-11-20",
    );
    env.mark(
        &id,
        "1.1",
        "fail",
        &[
            "--note",
            "红\u{1b}[31m色\u{200b}字\u{2066}反转\u{1b}P+q\u{1b}\\",
        ],
    );
    let mut term = start(&env, &["open", &id], &[]);
    term.wait_text("已查 1/");
    let screen = term.wait_text("红[31m色字反转");
    assert!(
        screen.contains("办公室]0;PWNED[2J"),
        "names are shown, defused: {screen}"
    );
    let raw = term.raw_output();
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"\x1b]0;PWNED"), "an OSC title sequence got through");
    assert!(
        !has(b"\x1b[31m\xe8\x89\xb2"),
        "an SGR sequence from the note got through"
    );
    assert!(
        !has("\u{202e}".as_bytes()) && !has("\u{2066}".as_bytes()),
        "a bidi control got through"
    );
    assert!(!has(b"\x1bP+q"), "a DCS sequence got through");
    assert!(!has(&[0xc2, 0x9b]), "a C1 control got through");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    term.wait_exit(Duration::from_secs(10));
}

#[test]
fn a_ten_megabyte_paste_is_cut_and_the_ui_stays_responsive() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], &[]);
    term.wait_text("已查 0/");
    term.enter();
    term.wait_text("Esc完成");
    let huge = "粘贴测试文字。".repeat(10 * 1024 * 1024 / 21);
    term.paste(&huge);
    term.wait_for("the cut message", Duration::from_secs(60), |s| {
        s.contains("粘贴内容过长")
    });
    term.escape();
    term.keys("j");
    term.keys("1");
    term.wait_for("still responsive", Duration::from_secs(20), |s| {
        s.contains("已查 1/")
    });
    term.wait_for("saved", Duration::from_secs(20), |s| s.contains("已保存 "));
    let shown = env.show(&id);
    let note = shown["items"][0]["note"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(note.chars().count(), 200_000);
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    term.wait_exit(Duration::from_secs(10));
}

#[test]
fn an_outside_edit_while_the_ui_has_the_session_is_never_overwritten() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], &[]);
    term.wait_text("已查 0/");
    // A text editor or a sync tool changes the file behind the UI's back.
    let path = env.session_path(&id);
    let outside = std::fs::read_to_string(&path)
        .unwrap()
        .replace("inspector: \"\"", "inspector: \"外部编辑\"");
    let outside = if outside.contains("外部编辑") {
        outside
    } else {
        format!("{outside}// 外部编辑\n")
    };
    std::fs::write(&path, &outside).unwrap();
    term.keys("1");
    term.wait_for("the conflict message", Duration::from_secs(10), |s| {
        s.contains("已被其他程序修改")
    });
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        outside,
        "the outside edit is kept"
    );
    let copies: Vec<_> = std::fs::read_dir(env.data.join("recovery"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert_eq!(copies.len(), 1, "one conflict copy");
    assert!(
        copies[0].contains("status: pass"),
        "the UI's edit is in the copy:\n{}",
        copies[0]
    );
    term.keys("2");
    term.wait_text("只读");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    term.wait_exit(Duration::from_secs(10));
}

#[test]
fn sync_conflicts_and_backups_are_mentioned_and_left_alone() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "2026年11月自查", "2026-11-20");
    let original = std::fs::read(env.session_path(&id)).unwrap();
    let strays = [
        env.sessions_dir()
            .join(format!("{id}.sync-conflict-20261121-101010-ABCDEFG.ron")),
        env.sessions_dir().join(format!("{id}.ron~")),
    ];
    for stray in &strays {
        std::fs::write(stray, b"<<<<<<< HEAD\nnot a session\n").unwrap();
    }
    let mut term = start(&env, &[], &[]);
    term.wait_text("非检查记录的文件");
    term.keys("q");
    term.wait_exit(Duration::from_secs(10));
    for stray in &strays {
        assert!(stray.exists(), "{stray:?} was deleted");
    }
    assert_eq!(std::fs::read(env.session_path(&id)).unwrap(), original);
    let listed = env.ok(["list", "--json"]);
    assert_eq!(
        listed.matches("\"id\"").count(),
        1,
        "strays are not sessions: {listed}"
    );
}
