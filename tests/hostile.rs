//! Hostile environments (issue 12): a data folder or an imported folder that holds
//! links, FIFOs and huge files, crafted copies and bundles, racing processes, and
//! arguments full of escape sequences. Each test is a regression test for one of the
//! findings; the long versions are in `scripts/` (see the README's Reliability table).
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Env, bin, files_under, has_terminal_controls};
use serde_json::Value;
use zip::write::SimpleFileOptions;

/// What a watched run of the binary did.
#[derive(Debug)]
struct Watched {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// Peak resident memory of the process, in MiB.
    peak_mib: u64,
    timed_out: bool,
}

/// Runs `zicha args` on `env`, killed after `timeout`; measures its peak memory.
// The child is reaped with wait4 (for its resource usage), not Child::wait.
#[allow(clippy::zombie_processes)]
fn watched(env: &Env, args: &[&str], timeout: Duration) -> Watched {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, Ordering::Relaxed);
    let out = env.root.path().join(format!("watched-{n}.out"));
    let err = env.root.path().join(format!("watched-{n}.err"));
    let child = std::process::Command::new(bin())
        .env_remove("ZICHA_DATA_DIR")
        .env_remove("ZICHA_NOW")
        .env("ZICHA_LANG", "en")
        .env("NO_COLOR", "1")
        .current_dir(&env.cwd)
        .arg("--data-dir")
        .arg(&env.data)
        .args(args)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .expect("spawn zicha");
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    let mut status = 0;
    // SAFETY: plain-old-data struct filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut timed_out = false;
    loop {
        // SAFETY: waiting for our own child; status and usage are valid pointers.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        if started.elapsed() > timeout {
            timed_out = true;
            // SAFETY: signalling and reaping our own child.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::wait4(pid, &mut status, 0, &mut usage);
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Watched {
        code,
        stdout: fs::read_to_string(&out).unwrap_or_default(),
        stderr: fs::read_to_string(&err).unwrap_or_default(),
        peak_mib: (usage.ru_maxrss as u64) / 1024,
        timed_out,
    }
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "{path:?}");
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn copy_tree(from: &Path, to: &Path) {
    for relative in files_under(from) {
        let name = relative.to_string_lossy();
        if name.ends_with(".lock") || name.ends_with(".tmp") {
            continue;
        }
        let target = to.join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(from.join(&relative), &target).unwrap();
    }
}

fn import_json(env: &Env, paths: &[&Path]) -> (Value, Watched) {
    let mut args = vec!["import".to_string(), "--json".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = watched(env, &args, Duration::from_secs(120));
    assert!(!run.timed_out, "import hung: {run:?}");
    let report =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:?}"));
    (report, run)
}

fn texts(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// 1. Links in the data folder

#[test]
fn symlinked_lock_files_are_left_alone_and_nothing_outside_is_written() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let victim = env.root.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let links = [
        env.sessions_dir().join(format!("{id}.lock")),
        env.sessions_dir()
            .join("01930000-0000-7000-8000-0000000000aa.lock"),
        env.data.join("index.lock"),
        env.data.join("settings.ron"),
    ];
    for link in &links {
        symlink(&victim, link).unwrap();
    }
    env.ok(["list"]);
    env.ok(["checklists"]);
    env.new_session("siyou", "党群办", "r", "2026-11-21");
    let refused = env.run(["mark", &id, "1.1", "pass"]);
    assert_eq!(refused.code, Some(1), "{refused:?}");
    assert!(
        refused.stderr.contains("symbolic link"),
        "{}",
        refused.stderr
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    for link in &links {
        assert!(is_link(link), "{link:?} is left as it is");
    }
}

// ---------------------------------------------------------------------------
// 2. Special files

#[test]
fn special_files_hang_no_command() {
    let env = Env::new();
    let a = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let b = env.new_session("wenming-keshi", "党群办", "r", "2026-11-21");
    env.mark(&a, "1.1", "fail", &["--note", "会议记录不全"]);
    let fifo_session = env
        .sessions_dir()
        .join("01930000-0000-7000-8000-0000000000f1.ron");
    let zero_session = env
        .sessions_dir()
        .join("01930000-0000-7000-8000-0000000000f2.ron");
    let _ = fs::remove_file(env.data.join("index.ron"));
    let archived_b: PathBuf = fs::read_dir(env.data.join("archive"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("wenming-keshi"))
        .unwrap();
    fs::remove_file(&archived_b).unwrap();
    let fifos = [
        fifo_session.clone(),
        env.data.join("checklists/fifo.ron"),
        env.data.join("settings.ron"),
        env.data.join("index.ron"),
        archived_b.clone(),
    ];
    for fifo in &fifos {
        mkfifo(fifo);
    }
    symlink("/dev/zero", &zero_session).unwrap();
    let imported = Env::new();
    fs::create_dir_all(imported.sessions_dir()).unwrap();
    mkfifo(
        &imported
            .sessions_dir()
            .join("01930000-0000-7000-8000-0000000000f3.ron"),
    );

    let source = imported.data.display().to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--json"],
        vec!["ledger"],
        vec!["checklists"],
        vec!["show", &a],
        vec!["show", &b],
        vec!["mark", &a, "1.2", "pass"],
        vec!["export", &a, "--format", "md"],
        vec!["bundle", "-o", "b.zip"],
        vec![
            "new",
            "--checklist",
            "siyou",
            "--department",
            "x",
            "--round",
            "r",
        ],
        vec!["import", &source],
    ];
    for args in &commands {
        let run = watched(&env, args, Duration::from_secs(30));
        assert!(!run.timed_out, "zicha {args:?} hung on a special file");
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    }
    let listed = watched(&env, &["list"], Duration::from_secs(30));
    assert!(
        listed
            .stderr
            .contains("01930000-0000-7000-8000-0000000000f1"),
        "the FIFO is reported by id: {}",
        listed.stderr
    );
    for fifo in &fifos {
        let kind = fs::symlink_metadata(fifo).unwrap().file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_fifo(&kind),
            "{fifo:?} left alone"
        );
    }
    assert!(is_link(&zero_session));
}

// ---------------------------------------------------------------------------
// 3. Memory

/// A session file of `env`'s session `id` with `count` extra responses, as text.
fn session_with_responses(env: &Env, id: &str, count: usize) -> String {
    let text = fs::read_to_string(env.session_path(id)).unwrap();
    let mut responses = String::with_capacity(count * 28);
    for n in 0..count {
        responses.push_str(&format!("\"x{n:07}\":(status:pass),"));
    }
    text.replacen("responses: {", &format!("responses: {{{responses}"), 1)
}

fn zip_file(path: &Path, entries: &[(&str, &[u8])]) {
    let file = fs::File::create(path).unwrap();
    let mut writer = zip::ZipWriter::new(file);
    for (name, bytes) in entries {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();
}

const MEMORY_LIMIT_MIB: u64 = 300;

#[test]
fn a_session_of_a_million_responses_costs_little_memory() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let huge = session_with_responses(&env, &id, 1_150_000);
    assert!(huge.len() < 32 << 20, "within the session file size limit");
    let archive: PathBuf = fs::read_dir(env.data.join("archive"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .unwrap();
    let archive_name = format!("archive/{}", archive.file_name().unwrap().to_string_lossy());
    let bundle = env.cwd.join("huge.zip");
    let session_name = format!("sessions/{id}.ron");
    zip_file(
        &bundle,
        &[
            (&archive_name, &fs::read(&archive).unwrap()),
            (&session_name, huge.as_bytes()),
        ],
    );
    let other = Env::new();
    other.ok(["checklists"]);
    let (report, run) = import_json(&other, &[&bundle]);
    println!(
        "peak memory: import of a million responses: {} MiB",
        run.peak_mib
    );
    assert!(
        run.peak_mib < MEMORY_LIMIT_MIB,
        "import took {} MiB",
        run.peak_mib
    );
    assert_eq!(run.code, Some(1), "refused, with a message: {run:?}");
    assert_eq!(report["added"], 0, "{report}");
    assert!(!other.session_path(&id).exists());

    // The same file in a data folder: a cold `list` reports it, in little memory.
    fs::write(env.session_path(&id), &huge).unwrap();
    let _ = fs::remove_file(env.data.join("index.ron"));
    let listed = watched(&env, &["list"], Duration::from_secs(120));
    println!(
        "peak memory: cold list with that file: {} MiB",
        listed.peak_mib
    );
    assert!(
        listed.peak_mib < MEMORY_LIMIT_MIB,
        "list took {} MiB",
        listed.peak_mib
    );
    assert!(listed.stderr.contains(&id), "{listed:?}");
}

#[test]
fn a_bundle_of_large_archive_entries_is_imported_in_little_memory() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let normal = env.cwd.join("normal.zip");
    env.ok(["bundle", "-o", "normal.zip"]);
    // 20 archive entries of 32 MiB each (1 MiB or so zipped), copied without
    // recompressing.
    let one = env.cwd.join("one.zip");
    let blank = vec![b' '; 32 << 20];
    zip_file(&one, &[("archive/junk-v1-00.ron", &blank)]);
    let mut from_one = zip::ZipArchive::new(fs::File::open(&one).unwrap()).unwrap();
    let mut from_normal = zip::ZipArchive::new(fs::File::open(&normal).unwrap()).unwrap();
    let bundle = env.cwd.join("large.zip");
    let mut writer = zip::ZipWriter::new(fs::File::create(&bundle).unwrap());
    for n in 0..20 {
        let raw = from_one.by_index_raw(0).unwrap();
        writer
            .raw_copy_file_rename(raw, format!("archive/junk-v1-{n:02}.ron"))
            .unwrap();
    }
    for index in 0..from_normal.len() {
        writer
            .raw_copy_file(from_normal.by_index_raw(index).unwrap())
            .unwrap();
    }
    writer.finish().unwrap();
    let other = Env::new();
    let (report, run) = import_json(&other, &[&bundle]);
    println!(
        "peak memory: import of 20 archive entries of 32 MiB: {} MiB",
        run.peak_mib
    );
    assert!(
        run.peak_mib < MEMORY_LIMIT_MIB,
        "import took {} MiB",
        run.peak_mib
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(report["added"], 1, "{report}");
    assert!(other.session_path(&id).exists());
}

#[test]
fn bundle_never_writes_what_import_refuses() {
    let env = Env::new();
    let small = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let large = env.new_session("siyou", "党群办", "r", "2026-11-21");
    let many = env.new_session("siyou", "工会", "r", "2026-11-21");
    env.mark(&large, "1.1", "fail", &["--note", "PLACEHOLDER"]);
    let text = fs::read_to_string(env.session_path(&large)).unwrap();
    let note = "记".repeat(11 << 20);
    fs::write(env.session_path(&large), text.replace("PLACEHOLDER", &note)).unwrap();
    // More responses than the checklist has items, by far.
    fs::write(
        env.session_path(&many),
        session_with_responses(&env, &many, 5_000),
    )
    .unwrap();
    let bundled = watched(&env, &["bundle", "-o", "all.zip"], Duration::from_secs(120));
    assert!(!bundled.timed_out);
    assert!(env.cwd.join("all.zip").exists(), "{bundled:?}");
    assert!(bundled.stderr.contains(&large), "{bundled:?}");
    assert!(bundled.stderr.contains(&many), "{bundled:?}");
    let other = Env::new();
    let (report, run) = import_json(&other, &[&env.cwd.join("all.zip")]);
    assert_eq!(
        run.code,
        Some(0),
        "import accepts the whole bundle: {run:?}"
    );
    assert_eq!(report["added"], 1, "{report}");
    assert!(other.session_path(&small).exists());
    assert!(texts(&report["problems"]).is_empty(), "{report}");
}

// ---------------------------------------------------------------------------
// 4. Races between processes

fn races() -> usize {
    std::env::var("ZICHA_RACE_NEWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(120)
}

#[test]
fn new_and_mark_never_fail_while_other_commands_run() {
    let env = Arc::new(Env::new());
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let stop = Arc::new(AtomicBool::new(false));
    let loops: Vec<_> = [vec!["checklists"], vec!["list"]]
        .into_iter()
        .map(|args| {
            let (env, stop) = (env.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut runs = 0;
                while !stop.load(Ordering::Relaxed) {
                    env.run(&args);
                    runs += 1;
                }
                runs
            })
        })
        .collect();
    let mut failures = Vec::new();
    let wanted = races();
    for n in 0..wanted {
        let department = format!("部门{n}");
        let made = env.run([
            "new",
            "--checklist",
            "siyou",
            "--department",
            &department,
            "--round",
            "r",
        ]);
        if made.code != Some(0) {
            failures.push(format!("new: {}", made.stderr));
        }
        let status = ["pass", "fail"][n % 2];
        let marked = env.run(["mark", &id, "1.1", status]);
        if marked.code != Some(0) {
            failures.push(format!("mark: {}", marked.stderr));
        }
    }
    stop.store(true, Ordering::Relaxed);
    let others: usize = loops.into_iter().map(|l| l.join().unwrap()).sum();
    println!(
        "races: {wanted} new + {wanted} mark beside {others} other commands, {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures: {failures:?}",
        failures.len()
    );
    let listed = env.run(["list", "--json"]);
    assert_eq!(listed.json().as_array().unwrap().len(), wanted + 1);
}

#[test]
fn the_sweep_keeps_fresh_temp_files_of_other_computers() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    // A save under way on another computer sharing the folder: its pid means
    // nothing here.
    let legacy = env.sessions_dir().join(format!("{id}.ron.999999-0.tmp"));
    let tagged = env
        .sessions_dir()
        .join(format!("{id}.ron.0badc0de-999999-0.tmp"));
    for temp in [&legacy, &tagged] {
        fs::write(temp, "a save in progress elsewhere").unwrap();
    }
    env.ok(["list"]);
    env.mark(&id, "1.1", "pass", &[]);
    assert!(legacy.exists() && tagged.exists());
}

// ---------------------------------------------------------------------------
// 7. A crafted copy and the header

#[test]
fn a_crafted_copy_cannot_take_over_the_header() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "2026年11月自查", "2026-11-21");
    env.mark(&id, "1.1", "pass", &["--note", "本机写的"]);
    let crafted = Env::new();
    copy_tree(&env.data, &crafted.data);
    let text = fs::read_to_string(crafted.session_path(&id)).unwrap();
    let text: String = text
        .replace("办公室", "另一个部门")
        .replace("finished: None", "finished: \"2099-01-01T00:00:00+08:00\"")
        .lines()
        .map(|line| {
            if line.trim_start().starts_with("updated:") {
                "    updated: \"2099-01-01T00:00:00+08:00\",\n".to_string()
            } else if line.trim_start().starts_with("header_rev:") {
                String::new()
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    fs::write(crafted.session_path(&id), text).unwrap();
    let (report, run) = import_json(&env, &[&crafted.data]);
    run_ok(&run);
    let detail = env.show(&id);
    assert_eq!(detail["department"], "办公室", "{detail}");
    assert_eq!(detail["finished"], false, "{detail}");
    let conflict = &report["sessions"][0]["header_conflict"];
    assert_eq!(conflict["kept"], "here", "{report}");
    let copy = PathBuf::from(conflict["copy"].as_str().unwrap());
    assert!(copy.starts_with(env.data.join("recovery")), "{copy:?}");
    assert!(fs::read_to_string(&copy).unwrap().contains("另一个部门"));
}

fn run_ok(run: &Watched) {
    assert_eq!(run.code, Some(0), "{run:?}");
}

// ---------------------------------------------------------------------------
// 8. Every entry accounted for

/// A zip with two entries under the same name (the zip library refuses to write one).
fn zip_with_duplicate(path: &Path, name: &str, first: &[u8], second: &[u8]) {
    let stand_in = name.replacen("sessions/", "sessionz/", 1);
    zip_file(path, &[(name, first), (&stand_in, second)]);
    let bytes = fs::read(path).unwrap();
    let (from, to) = (stand_in.as_bytes(), name.as_bytes());
    let mut patched = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at..].starts_with(from) {
            patched.extend_from_slice(to);
            at += from.len();
        } else {
            patched.push(bytes[at]);
            at += 1;
        }
    }
    fs::write(path, patched).unwrap();
}

#[test]
fn every_skipped_import_entry_is_reported() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let source = Env::new();
    copy_tree(&env.data, &source.data);
    fs::remove_file(source.session_path(&id)).unwrap();
    let linked = "01930000-0000-7000-8000-00000000001a";
    let folder = "01930000-0000-7000-8000-00000000001b";
    symlink(env.session_path(&id), source.session_path(linked)).unwrap();
    fs::create_dir(source.session_path(folder)).unwrap();
    let other = Env::new();
    let (report, _) = import_json(&other, &[&source.data]);
    let problems = texts(&report["problems"]).join("\n");
    assert!(problems.contains(linked), "{report}");
    assert!(problems.contains(folder), "{report}");

    let bundle = env.cwd.join("dup.zip");
    let session = fs::read(env.session_path(&id)).unwrap();
    let name = format!("sessions/{id}.ron");
    zip_with_duplicate(&bundle, &name, &session, &session);
    let (report, _) = import_json(&other, &[&bundle]);
    let problems = texts(&report["problems"]).join("\n");
    assert!(problems.contains(&name), "{report}");
}

// ---------------------------------------------------------------------------
// 9. Control sequences

const HOSTILE: &str = "\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[31m红\u{9b}31m\u{202e}反\u{2066}\r";

#[test]
fn no_argument_is_echoed_with_control_sequences() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let runs = [
        env.run([HOSTILE]),
        env.run([
            "new",
            "--checklist",
            "siyou",
            "--department",
            "x",
            "--round",
            "r",
            "--date",
            HOSTILE,
        ]),
        env.run(["mark", &id, "1.1", "fail", "--deduct", HOSTILE]),
        env.run(["mark", &id, HOSTILE, "pass"]),
        env.run(["list", "--round", "r", HOSTILE]),
    ];
    for out in &runs {
        assert_ne!(out.code, Some(0), "{out:?}");
        assert!(
            !has_terminal_controls(&out.stdout) && !has_terminal_controls(&out.stderr),
            "raw control characters echoed: {out:?}"
        );
    }
}

#[test]
fn codes_with_control_characters_are_refused() {
    let env = Env::new();
    let path = env.write_checklist(
        "evil.ron",
        "(id: \"evil\", version: 1, title: \"表\", sections: [(code: \"1\", title: \"一\", items: [\
         (code: \"1.\u{1b}[2J1\", title: \"条目\", points: 1.0)])])",
    );
    let out = env.run(["check", &path.display().to_string()]);
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("control characters"), "{}", out.stderr);
    assert!(!has_terminal_controls(&out.stderr), "{}", out.stderr);
}

// ---------------------------------------------------------------------------
// 10. Numbers and dates

#[test]
fn totals_minus_zero_and_far_dates_are_checked() {
    let env = Env::new();
    let path = env.write_checklist(
        "huge.ron",
        "(id: \"huge\", version: 1, title: \"表\", sections: [(code: \"1\", title: \"一\", items: [\
         (code: \"1.1\", title: \"甲\", points: 1e308), (code: \"1.2\", title: \"乙\", points: 1e308)])])",
    );
    let out = env.run(["check", &path.display().to_string()]);
    assert_eq!(out.code, Some(1), "an infinite total is refused: {out:?}");
    fs::remove_file(&path).unwrap();

    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    env.mark(
        &id,
        "1.1",
        "partial",
        &["--deduct-reason", "扣分", "--deduct-points=-0"],
    );
    let text = fs::read_to_string(env.session_path(&id)).unwrap();
    assert!(!text.contains("-0.0"), "{text}");

    for date in ["+99999-01-01", "1899-12-31", "10000-01-01"] {
        let out = env.run([
            "new",
            "--checklist",
            "siyou",
            "--department",
            "x",
            "--round",
            "r",
            "--date",
            date,
        ]);
        assert_eq!(out.code, Some(2), "{date}: {out:?}");
    }
    env.new_session("siyou", "x", "r", "1900-01-01");
    env.new_session("siyou", "x", "r", "9999-12-31");
}

// ---------------------------------------------------------------------------
// 11. Bundle output inside the data folder

#[test]
fn bundle_output_inside_managed_folders_is_refused() {
    let env = Env::new();
    let id = env.new_session("siyou", "办公室", "r", "2026-11-21");
    let session = env.session_path(&id);
    let before = fs::read(&session).unwrap();
    let targets = [
        session.clone(),
        env.data.join("archive/b.zip"),
        env.data.join("recovery/b.zip"),
        env.data.join("attachments/b.zip"),
    ];
    for target in &targets {
        let target = target.display().to_string();
        let out = env.run(["bundle", "-o", &target, "--force"]);
        assert_eq!(out.code, Some(1), "{target}: {out:?}");
    }
    assert_eq!(fs::read(&session).unwrap(), before);
    assert!(!env.data.join("archive/b.zip").exists());
    env.ok(["list"]);
}
