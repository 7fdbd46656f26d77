//! The session store through the CLI: hostile names never become paths or reach the
//! terminal; SIGKILL at random moments never breaks a session; locks; corrupt, stray
//! and newer-format files are reported and left exactly as they are.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{BIN, Env, Rng, assert_num, dirs_under, files_under, has_terminal_controls, item};
use zicha::store::Store;
use zicha::store::lock::this_host;

fn uuid_of(id: &str) -> uuid::Uuid {
    uuid::Uuid::parse_str(id).expect("a session id")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// File names in a folder.
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// (a) Hostile names

#[test]
fn hostile_names_are_kept_as_text_and_never_become_paths() {
    let env = Env::new();
    let escaped = env.root.path().join("escaped").display().to_string();
    let long = "长".repeat(10_000);
    // (typed name, how the session keeps it: NFC, controls stripped, spaces collapsed)
    let names: Vec<(String, String)> = vec![
        ("../x".into(), "../x".into()),
        ("../../etc/passwd".into(), "../../etc/passwd".into()),
        ("..".into(), "..".into()),
        ("CON".into(), "CON".into()),
        ("NUL".into(), "NUL".into()),
        ("COM1.txt".into(), "COM1.txt".into()),
        ("a/b\\c".into(), "a/b\\c".into()),
        (
            "C:\\Windows\\system32".into(),
            "C:\\Windows\\system32".into(),
        ),
        (escaped.clone(), escaped.clone()),
        ("~/.ssh/id_rsa".into(), "~/.ssh/id_rsa".into()),
        ("$(touch pwned)*?".into(), "$(touch pwned)*?".into()),
        (
            "名称\u{1}\u{1b}[31m红\u{7}\u{9b}2J\u{202e}txt.exe\u{7f}".into(),
            "名称[31m红2Jtxt.exe".into(),
        ),
        (
            "\u{1b}]0;标题\u{7}办公室\u{85}".into(),
            "]0;标题办公室".into(),
        ),
        ("  党群\t\n工作部  ".into(), "党群 工作部".into()),
        (long.clone(), long.clone()),
        ("👩‍👩‍👧 后勤处 🏢".into(), "👩‍👩‍👧 后勤处 🏢".into()),
        ("Cafe\u{301}".into(), "Café".into()),
    ];
    let before_files = files_under(env.root.path());
    let mut made = Vec::new();
    for (i, (department, kept_department)) in names.iter().enumerate() {
        // Pair each department with another hostile name as the round.
        let (round, kept_round) = &names[(i + 3) % names.len()];
        let id = env.new_session("siyou", department, round, "2026-11-21");
        let detail = env.show(&id);
        assert_eq!(
            detail["department"],
            kept_department.as_str(),
            "department {i}"
        );
        assert_eq!(detail["round"], kept_round.as_str(), "round {i}");
        made.push(id);
    }
    // A mark with hostile text in the note and owner goes through as well.
    env.mark(
        &made[0],
        "1.1",
        "fail",
        &["--note", "../../x\u{1b}[2J", "--owner", "../../y"],
    );
    // The inspector's name is free text as well.
    let id = env.ok([
        "new",
        "--checklist",
        "siyou",
        "--department",
        "../../x",
        "--round",
        "../../y",
        "--inspector",
        "../../王\u{1b}[1m敏",
    ]);
    let id = id.trim().to_string();
    assert_eq!(env.show(&id)["inspector"], "../../王[1m敏");
    made.push(id);
    // Names that are nothing but controls are refused, not stored empty.
    let err = env.fails(
        [
            "new",
            "--checklist",
            "siyou",
            "--department",
            "\u{1b}\u{7}",
            "--round",
            "r",
        ],
        1,
    );
    assert!(err.contains("department"), "{err}");

    // Every session lists, under its kept names.
    let listed = env.run(["list", "--json"]);
    listed.expect_code(0);
    let rows = listed.json();
    assert_eq!(rows.as_array().unwrap().len(), names.len() + 1);
    for (department, kept) in &names {
        let _ = department;
        let filtered = env.run(["list", "--json", "--department", kept]);
        filtered.expect_code(0);
        assert!(
            !filtered.json().as_array().unwrap().is_empty(),
            "--department {kept:?} finds its session"
        );
    }

    // Nothing was written outside the data dir; inside it, only uuid-named
    // sessions and the archived checklist.
    let after_files = files_under(env.root.path());
    let new_files: Vec<&PathBuf> = after_files.difference(&before_files).collect();
    let mut sessions = 0;
    for file in &new_files {
        let parts: Vec<String> = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["data", "sessions", name] => {
                let stem = name.strip_suffix(".ron").expect("sessions/*.ron");
                let id = uuid_of(stem);
                assert_eq!(id.get_version_num(), 7, "{name}");
                assert!(made.contains(&stem.to_string()), "{name}");
                sessions += 1;
            }
            ["data", "archive", name] => {
                assert!(
                    name.starts_with("siyou-v") && name.ends_with(".ron"),
                    "{name}"
                );
            }
            ["data", "index.ron"] => {} // the cache of session summaries (DESIGN §5)
            _ => panic!("unexpected file written: {}", file.display()),
        }
    }
    assert_eq!(sessions, names.len() + 1);
    let dirs: BTreeSet<String> = dirs_under(env.root.path())
        .iter()
        .map(|d| d.display().to_string())
        .collect();
    let expected: BTreeSet<String> = [
        "cwd",
        "data",
        "data/archive",
        "data/checklists",
        "data/recovery",
        "data/sessions",
        "data/trash",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(dirs, expected);
    assert!(!Path::new(&escaped).exists());
    assert!(names_in(&env.cwd).is_empty(), "nothing in the working dir");

    // Plain output never carries raw control characters.
    let plain = env.run(["list"]);
    plain.expect_code(0);
    assert!(
        !has_terminal_controls(&plain.stdout),
        "list: {:?}",
        plain.stdout
    );
    assert!(
        !has_terminal_controls(&plain.stderr),
        "list: {:?}",
        plain.stderr
    );
    for id in &made {
        let shown = env.run(["show", id]);
        shown.expect_code(0);
        assert!(!has_terminal_controls(&shown.stdout), "show {id}");
        assert!(!has_terminal_controls(&shown.stderr), "show {id}");
    }
}

#[test]
fn hand_edited_control_characters_are_stripped_from_plain_output() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "2026年11月自查", "2026-11-21");
    let hostile_note = "备注\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}反转\u{2066}";
    env.mark(
        &id,
        "1.1",
        "fail",
        &["--note", hostile_note, "--owner", "李\u{1b}[5m明"],
    );
    // Someone edits the file by hand and puts escapes in the names, too.
    let path = env.session_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replacen(
            "department: \"办公室\"",
            "department: \"办\\u{1b}[31m公\\u{9b}室\\u{202e}\"",
            1,
        )
        .replacen(
            "round: \"2026年11月自查\"",
            "round: \"2026\\u{1b}[2J年\\u{85}\"",
            1,
        );
    std::fs::write(&path, text).unwrap();

    for args in [
        vec!["list"],
        vec!["show", id.as_str()],
        vec!["mark", id.as_str(), "1.2", "pass"],
        vec!["list", "--round", "2026\u{1b}[2J年"],
    ] {
        let out = env.run(&args);
        out.expect_code(0);
        assert!(
            !has_terminal_controls(&out.stdout),
            "{args:?}: {:?}",
            out.stdout
        );
        assert!(
            !has_terminal_controls(&out.stderr),
            "{args:?}: {:?}",
            out.stderr
        );
    }
    let plain = env.ok(["show", &id]);
    assert!(plain.contains("备注]0;pwned[2J31m反转"), "{plain}");
    assert!(plain.contains("办[31m公室"), "{plain}");

    // JSON keeps the exact text, escaped so that it cannot drive the terminal.
    let out = env.run(["show", &id, "--json"]);
    out.expect_code(0);
    assert!(!has_terminal_controls(&out.stdout));
    let detail = out.json();
    assert_eq!(item(&detail, "1.1")["note"], hostile_note);
    assert_eq!(detail["department"], "办\u{1b}[31m公\u{9b}室\u{202e}");

    // Errors that echo what was typed are filtered too.
    for args in [
        vec!["mark", id.as_str(), "\u{1b}[2J\u{202e}", "pass"],
        vec!["mark", id.as_str(), "1.1", "\u{1b}[31mok"],
        vec!["show", "\u{1b}]0;x\u{7}"],
    ] {
        let out = env.run(&args);
        out.expect_code(1);
        assert!(
            !has_terminal_controls(&out.stderr),
            "{args:?}: {:?}",
            out.stderr
        );
    }
}

#[test]
fn a_checklist_reference_in_a_session_file_never_becomes_a_path() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let path = env.session_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let hash_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("hash:"))
        .expect("hash line")
        .to_string();
    // A valid checklist outside the data dir, where `archive/<id>-v1-<hash>.ron`
    // would land if the reference were used as a path.
    let outside = "(id: \"evil\", version: 1, title: \"外部文件\", sections: [(code: \"1\", \
                   title: \"s\", items: [(code: \"1.1\", title: \"i\", points: 1.0)])])";
    std::fs::write(env.root.path().join("evil-v1-0123abcd.ron"), outside).unwrap();
    for (reference_id, hash) in [
        ("../../evil", "0123abcd"),
        ("siyou", "../../x"),
        ("siyou", ""),
    ] {
        let edited = text
            .replacen("id: \"siyou\"", &format!("id: {reference_id:?}"), 1)
            .replacen(&hash_line, &format!("        hash: {hash:?},"), 1);
        std::fs::write(&path, &edited).unwrap();
        let err = env.fails(["show", &id], 1);
        assert!(err.contains("checklist"), "{err}");
        let out = env.run(["list"]);
        out.expect_code(0);
        assert!(!out.stdout.contains("外部文件"), "{}", out.stdout);
        assert!(out.stderr.contains("checklist"), "{}", out.stderr);
        env.fails(["mark", &id, "1.1", "pass"], 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    }
}

// ---------------------------------------------------------------------------
// (b) SIGKILL at random moments

#[cfg(unix)]
#[test]
fn sigkill_during_mark_leaves_a_session_that_loads() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};

    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-21");
    let mut rng = Rng::new(0x6b69_6c6c_2026);
    // How long a whole mark takes here, so that most kills land inside one.
    let started = std::time::Instant::now();
    env.mark(&id, "1.3", "pass", &[]);
    let lifetime_us = (started.elapsed().as_micros() as u64).clamp(1_000, 40_000);
    let mut previous = ("pending".to_string(), String::new());
    let mut previous_seq = env.show(&id)["seq"].as_u64().unwrap();
    let (mut killed, mut completed, mut killed_after_saving) = (0, 0, 0);
    const ROUNDS: usize = 60;
    for round in 0..ROUNDS {
        let status = if round % 2 == 0 { "pass" } else { "fail" };
        let note = format!("第{round}次 note {}", "整改".repeat(round));
        let mut child = Command::new(BIN)
            .env_remove("ZICHA_DATA_DIR")
            .env("ZICHA_LANG", "en")
            .current_dir(&env.cwd)
            .arg("--data-dir")
            .arg(&env.data)
            .args(["mark", &id, "1.2", status, "--note", &note])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn zicha mark");
        // 0–40 ms: two rounds in three within a mark's lifetime (start-up, load,
        // save, exit), the third anywhere in 0–40 ms.
        let range = if round % 3 == 2 {
            40_000
        } else {
            lifetime_us * 5 / 4
        };
        std::thread::sleep(Duration::from_micros(rng.below(range.min(40_000) + 1)));
        let _ = child.kill();
        let exit = child.wait().expect("wait");
        let was_killed = exit.signal() == Some(libc::SIGKILL);
        if was_killed {
            killed += 1;
        } else {
            assert!(exit.success(), "round {round}: mark failed: {exit:?}");
            completed += 1;
        }

        let detail = env.show(&id);
        let it = item(&detail, "1.2");
        let now = (
            it["status"].as_str().unwrap().to_string(),
            it["note"].as_str().unwrap().to_string(),
        );
        let new = (status.to_string(), note.clone());
        let seq = detail["seq"].as_u64().unwrap();
        if was_killed && now == new {
            killed_after_saving += 1;
        }
        if was_killed {
            assert!(
                now == previous || now == new,
                "round {round}: the session holds {now:?}, neither {previous:?} nor {new:?}"
            );
        } else {
            assert_eq!(now, new, "round {round}: a finished mark is saved");
        }
        if now == new {
            assert_eq!(seq, previous_seq + 1, "round {round}: one save, one seq");
        } else {
            assert_eq!(seq, previous_seq, "round {round}: no save, same seq");
        }
        previous = now;
        previous_seq = seq;
    }
    eprintln!(
        "SIGKILL loop: {killed} killed ({killed_after_saving} after their save), \
         {completed} completed, of {ROUNDS}"
    );
    assert!(killed >= 3, "only {killed} of {ROUNDS} marks were killed");

    env.ok(["list"]);
    let left = names_in(&env.sessions_dir());
    let stray: Vec<&String> = left
        .iter()
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(stray.is_empty(), "left behind: {stray:?}");
    assert_eq!(left, BTreeSet::from([format!("{id}.ron")]));
    assert!(names_in(&env.data.join("recovery")).is_empty());
    // And the session still takes edits.
    env.mark(&id, "1.1", "pass", &[]);
    // 1.1 pass 4 + 1.3 pass 3 (wenming-keshi v2) + 1.2 (6 if its last saved mark is pass).
    let expected = 7.0 + if previous.0 == "pass" { 6.0 } else { 0.0 };
    assert_num(&env.show(&id)["score"], expected, "score");
}

// ---------------------------------------------------------------------------
// (c) Locks

fn lock_text(host: &str, pid: u32) -> String {
    format!("(host: {host:?}, pid: {pid}, since: \"2026-01-01T00:00:00+08:00\")")
}

#[test]
fn a_live_lock_refuses_a_second_writer() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let path = env.session_path(&id);
    let store = Store::open(&env.data).expect("open the store");
    let lock = store
        .lock(uuid_of(&id), zicha::clock::now())
        .expect("take the lock");
    let lock_path = env.sessions_dir().join(format!("{id}.lock"));
    assert!(lock_path.exists());
    let before = read(&path);

    let err = env.fails(["mark", &id, "1.1", "pass"], 1);
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "the message names the holder's pid: {err}"
    );
    assert!(err.contains(&this_host()), "{err}");
    env.fails(["finish", &id], 1);
    // Readers are not blocked, and a start-up sweep does not steal a live lock.
    env.show(&id);
    env.ok(["list"]);
    assert!(
        lock_path.exists(),
        "a live lock survives other processes' sweeps"
    );
    assert!(read(&path) == before, "the refused writers changed nothing");

    drop(lock);
    assert!(!lock_path.exists(), "a released lock leaves no file");
    env.mark(&id, "1.1", "pass", &[]);
    assert_eq!(item(&env.show(&id), "1.1")["status"], "pass");
}

#[test]
fn a_dead_lock_on_this_host_is_taken_over() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let lock_path = env.sessions_dir().join(format!("{id}.lock"));
    std::fs::write(&lock_path, lock_text(&this_host(), 999_999)).unwrap();
    env.mark(&id, "1.1", "pass", &[]);
    assert_eq!(item(&env.show(&id), "1.1")["status"], "pass");
    assert!(
        !lock_path.exists(),
        "the taken-over lock is released after use"
    );

    // An empty or garbled lock file (a crash while writing it) is no obstacle either.
    let deep = "[".repeat(100_000);
    for leftover in ["", "garbage", "(host: \"x\"", deep.as_str()] {
        std::fs::write(&lock_path, leftover).unwrap();
        env.mark(
            &id,
            "1.2",
            "fail",
            &["--note", &leftover[..leftover.len().min(50)]],
        );
        assert_eq!(
            item(&env.show(&id), "1.2")["note"],
            &leftover[..leftover.len().min(50)]
        );
        assert!(!lock_path.exists());
    }
}

#[test]
fn a_lock_from_another_host_is_respected() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let lock_path = env.sessions_dir().join(format!("{id}.lock"));
    let other = lock_text("另一台电脑-zicha-test", 4242);
    std::fs::write(&lock_path, &other).unwrap();
    let err = env.fails(["mark", &id, "1.1", "pass"], 1);
    assert!(
        err.contains("另一台电脑-zicha-test") && err.contains("4242"),
        "{err}"
    );
    env.ok(["list"]);
    assert_eq!(
        std::fs::read_to_string(&lock_path).unwrap(),
        other,
        "not ours to delete"
    );
}

#[test]
fn a_change_on_disk_since_loading_is_never_overwritten() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let store = Store::open(&env.data).unwrap();
    let mut loaded = store.load(uuid_of(&id)).unwrap();
    // Another writer changes the file after we loaded it.
    env.mark(&id, "1.1", "fail", &["--note", "另一位检查员"]);
    let theirs = read(&env.session_path(&id));
    loaded.session.inspector = "我们".into();
    let error = store.save(&mut loaded).expect_err("a conflict");
    let zicha::store::StoreError::Conflict { copy, .. } = error else {
        panic!("expected a conflict, got {error}");
    };
    assert!(read(&env.session_path(&id)) == theirs, "their save is kept");
    assert!(
        copy.starts_with(env.data.join("recovery")),
        "{}",
        copy.display()
    );
    assert!(String::from_utf8(read(&copy)).unwrap().contains("我们"));
    // The emergency copy is pointed out on every listing.
    let out = env.run(["list"]);
    out.expect_code(0);
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(out.stderr.contains(&name), "{}", out.stderr);
    assert_eq!(item(&env.show(&id), "1.1")["note"], "另一位检查员");
}

#[test]
fn temp_files_of_dead_writers_are_swept_from_the_archive() {
    let env = Env::new();
    env.new_session("siyou", "办公室", "r", "2026-11-21");
    let archive = env.data.join("archive");
    let tag = zicha::store::atomic::host_tag();
    let dead = archive.join(format!("siyou-v9-00.ron.{tag}-999999999-0.tmp"));
    let alive = archive.join(format!(
        "siyou-v9-11.ron.{tag}-{}-0.tmp",
        std::process::id()
    ));
    // An older zicha's name does not say which computer wrote it: kept while fresh.
    let legacy = archive.join("siyou-v9-22.ron.999999999-0.tmp");
    let other = archive.join("notes.txt");
    for path in [&dead, &alive, &legacy, &other] {
        std::fs::write(path, "x").unwrap();
    }
    env.ok(["list"]);
    assert!(!dead.exists(), "a dead writer's temp is swept");
    assert!(alive.exists(), "a live writer's temp is left alone");
    assert!(
        legacy.exists(),
        "a fresh temp of an unknown computer is left alone"
    );
    assert!(other.exists(), "other files are not ours to delete");
}

// ---------------------------------------------------------------------------
// (d) Corrupt and stray files

#[test]
fn corrupt_sessions_are_reported_by_id_and_kept_byte_for_byte() {
    let env = Env::new();
    let good1 = env.new_session("siyou", "办公室", "2026年11月自查", "2026-11-21");
    let good2 = env.new_session("siyou", "财务科", "2026年11月自查", "2026-11-21");
    env.mark(&good1, "1.1", "pass", &[]);

    let sample = {
        let id = env.new_session("siyou", "样本", "r", "2026-11-21");
        env.mark(&id, "1.1", "fail", &["--note", "样本备注"]);
        let bytes = read(&env.session_path(&id));
        std::fs::remove_file(env.session_path(&id)).unwrap();
        bytes
    };
    let text = String::from_utf8(sample.clone()).unwrap();
    let mut rng = Rng::new(0xc0de);
    let corruptions: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", sample[..sample.len() / 2].to_vec()),
        ("cut at the last byte", sample[..sample.len() - 2].to_vec()),
        ("garbage", rng.bytes(700)),
        (
            "conflict",
            format!(
                "<<<<<<< HEAD\n{text}=======\n{}>>>>>>> theirs\n",
                text.replace("样本备注", "另一版本")
            )
            .into_bytes(),
        ),
        ("empty", Vec::new()),
        (
            "nul",
            text.replacen("样本备注", "样本\0备注", 1).into_bytes(),
        ),
        (
            "deep",
            format!("Session(format: 1, x: {}", "[".repeat(100_000)).into_bytes(),
        ),
        (
            "wrong type",
            text.replacen("seq: ", "seq: -", 1).into_bytes(),
        ),
    ];
    let mut victims = Vec::new();
    for (what, bytes) in corruptions {
        let id = env.new_session("siyou", what, "2026年11月自查", "2026-11-21");
        std::fs::write(env.session_path(&id), &bytes).unwrap();
        victims.push((what, id, bytes));
    }

    // Strays: sync conflicts, editor backups and other files are ignored, not deleted.
    let strays = [
        format!("{good1}.sync-conflict-20261121-ABC.ron"),
        "x.sync-conflict-20261121-ABC.ron".to_string(),
        "foo.ron~".to_string(),
        format!("{good2}.ron.bak"),
        "notes.txt".to_string(),
        "not-a-uuid.ron.1-0.tmp".to_string(),
    ];
    for (i, name) in strays.iter().enumerate() {
        std::fs::write(env.sessions_dir().join(name), format!("stray {i}")).unwrap();
    }

    let check_all_kept = |after: &str| {
        for (what, id, bytes) in &victims {
            assert!(
                &read(&env.session_path(id)) == bytes,
                "{what} session changed after {after}"
            );
        }
        for (i, name) in strays.iter().enumerate() {
            assert!(
                read(&env.sessions_dir().join(name)) == format!("stray {i}").into_bytes(),
                "{name} changed after {after}"
            );
        }
    };

    let out = env.run(["list"]);
    out.expect_code(0);
    assert!(
        out.stdout.contains(&good1) && out.stdout.contains(&good2),
        "{}",
        out.stdout
    );
    for (what, id, _) in &victims {
        assert!(
            !out.stdout.contains(id.as_str()),
            "{what} is not listed as a session"
        );
        assert!(
            out.stderr.lines().any(|l| l.contains(id.as_str())),
            "{what} ({id}) is not reported:\n{}",
            out.stderr
        );
    }
    for name in &strays {
        assert!(
            out.stderr.contains(name.as_str()),
            "stray {name} not reported:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr.contains("ignored, not deleted"),
        "{}",
        out.stderr
    );
    check_all_kept("list");

    let out = env.run(["list", "--json"]);
    out.expect_code(0);
    let ids: BTreeSet<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, BTreeSet::from([good1.clone(), good2.clone()]));
    check_all_kept("list --json");

    for (what, id, _) in &victims {
        let err = env.fails(["show", id], 1);
        assert!(
            err.contains(id.as_str()),
            "{what}: show names the file: {err}"
        );
        let err = env.fails(["mark", id, "1.1", "pass", "--note", "覆盖?"], 1);
        assert!(
            err.contains(id.as_str()),
            "{what}: mark names the file: {err}"
        );
        env.fails(["finish", id], 1);
        env.fails(["show", id, "--json"], 1);
    }
    check_all_kept("show / mark / finish");

    // The other sessions keep working around them.
    env.mark(&good2, "1.2", "fail", &[]);
    env.new_session("siyou", "新科室", "2026年11月自查", "2026-11-22");
    let out = env.run(["list", "--json"]);
    out.expect_code(0);
    assert_eq!(out.json().as_array().unwrap().len(), 3);
    check_all_kept("more commands");

    // Nothing was moved aside either: no copies in trash/ or recovery/, no locks left.
    assert!(names_in(&env.data.join("trash")).is_empty());
    assert!(names_in(&env.data.join("recovery")).is_empty());
    assert!(
        !names_in(&env.sessions_dir())
            .iter()
            .any(|n| n.ends_with(".lock")),
        "no lock files left"
    );
}

#[test]
fn a_copied_session_file_never_writes_the_original() {
    let env = Env::new();
    let original = env.new_session("siyou", "甲", "r", "2026-11-21");
    let copy = env.new_session("siyou", "乙", "r", "2026-11-21");
    env.mark(&original, "1.1", "pass", &[]);
    // A copy of the original under the other session's name (a sync tool, a backup
    // restored by hand): its content says it is `original`.
    let original_bytes = read(&env.session_path(&original));
    std::fs::write(env.session_path(&copy), &original_bytes).unwrap();

    let out = env.run(["mark", &copy, "1.2", "fail"]);
    out.no_panic();
    assert!(
        read(&env.session_path(&original)) == original_bytes,
        "a mark on {copy} rewrote {original}: {out:?}"
    );
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr.contains(&copy) && out.stderr.contains(&original),
        "{}",
        out.stderr
    );
    assert!(
        read(&env.session_path(&copy)) == original_bytes,
        "the copy is kept"
    );

    let out = env.run(["list", "--json"]);
    out.expect_code(0);
    let rows = out.json();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [original.as_str()], "one session, listed once");
    assert!(
        out.stderr.contains(&copy),
        "the copy is reported: {}",
        out.stderr
    );
    env.mark(&original, "1.2", "pass", &[]);
}

#[test]
fn a_session_whose_archived_checklist_is_damaged_is_reported_by_id() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let archive = env.data.join("archive");
    let archived: Vec<String> = names_in(&archive).into_iter().collect();
    assert_eq!(archived.len(), 1, "{archived:?}");
    let archived = archive.join(&archived[0]);
    std::fs::write(&archived, "garbage").unwrap();
    let before = read(&env.session_path(&id));

    let out = env.run(["list"]);
    out.expect_code(0);
    assert!(
        !out.stdout.contains("No sessions yet"),
        "a session exists, even if it cannot be shown: {}",
        out.stdout
    );
    assert!(
        out.stderr
            .lines()
            .any(|l| l.contains(&id) && l.contains("garbage")),
        "the problem names the session: {}",
        out.stderr
    );
    let err = env.fails(["show", &id], 1);
    assert!(err.contains(&archived.display().to_string()), "{err}");
    env.fails(["mark", &id, "1.1", "pass"], 1);
    assert!(
        read(&env.session_path(&id)) == before,
        "the session is untouched"
    );
    assert!(
        read(&archived) == b"garbage",
        "the archive is never rewritten"
    );
}

#[test]
fn stale_temp_files_are_swept_but_not_while_their_writer_lives() {
    let env = Env::new();
    let a = env.new_session("siyou", "甲", "r", "2026-11-21");
    let b = env.new_session("siyou", "乙", "r", "2026-11-21");
    let tag = zicha::store::atomic::host_tag();
    let stale = env
        .sessions_dir()
        .join(format!("{a}.ron.{tag}-999999999-0.tmp"));
    // This test process stands for a live writer whose save is under way.
    let busy = env
        .sessions_dir()
        .join(format!("{b}.ron.{tag}-{}-0.tmp", std::process::id()));
    std::fs::write(&stale, "half a save").unwrap();
    std::fs::write(&busy, "a save in progress").unwrap();
    // The sweep takes no session lock: a session locked here is swept all the same.
    let store = Store::open(&env.data).unwrap();
    let lock = store.lock(uuid_of(&a), zicha::clock::now()).unwrap();
    std::fs::write(&stale, "half a save").unwrap();
    env.ok(["list"]);
    assert!(!stale.exists(), "a stale temp is swept at start");
    assert!(
        busy.exists(),
        "the temp of a session being saved is left alone"
    );
    drop(lock);
    std::fs::remove_file(&busy).unwrap();
    env.ok(["list"]);
    assert_eq!(
        names_in(&env.sessions_dir()),
        BTreeSet::from([format!("{a}.ron"), format!("{b}.ron")])
    );
}

// ---------------------------------------------------------------------------
// (e) A newer format

#[test]
fn a_session_of_a_newer_format_is_read_only() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    env.mark(&id, "1.1", "pass", &[]);
    let path = env.session_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    let current = format!("format: {},", zicha::model::session::FORMAT);
    assert!(text.contains(&current), "{text}");
    let newer = text.replacen(&current, "format: 99,", 1).replacen(
        "\n    seq: ",
        "\n    signature: \"来自新版本的字段\",\n    seq: ",
        1,
    );
    std::fs::write(&path, &newer).unwrap();

    let detail = env.show(&id);
    assert_eq!(item(&detail, "1.1")["status"], "pass");
    env.ok(["show", &id]);
    let listed = env.ok(["list"]);
    assert!(listed.contains(&id), "{listed}");

    let err = env.fails(["mark", &id, "1.2", "pass"], 1);
    assert!(err.contains("read-only"), "{err}");
    assert!(err.contains("99"), "{err}");
    env.fails(["finish", &id], 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer, "untouched");
    assert!(names_in(&env.data.join("recovery")).is_empty());
}
