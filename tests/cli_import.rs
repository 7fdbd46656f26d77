//! Several inspectors: `import`, `bundle`, `conflicts`, `resolve`, and data folders
//! kept in git or a synced folder. Each "laptop" is its own data folder.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

use common::{Env, Out, files_under};

const CHECKLIST: &str = "siyou";

/// Runs zicha with the clock pinned to 2026-11-21 `time` (+08:00).
fn run_at(env: &Env, time: &str, args: &[&str]) -> Out {
    let output = env
        .cmd()
        .env("ZICHA_NOW", format!("2026-11-21T{time}+08:00"))
        .args(args)
        .output()
        .expect("run zicha");
    Out {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
fn ok_at(env: &Env, time: &str, args: &[&str]) -> String {
    let out = run_at(env, time, args);
    out.expect_code(0);
    out.stdout
}

#[track_caller]
fn new_session(env: &Env, department: &str, round: &str) -> String {
    let id = ok_at(
        env,
        "08:00:00",
        &[
            "new",
            "--checklist",
            CHECKLIST,
            "--department",
            department,
            "--round",
            round,
            "--date",
            "2026-11-20",
            "--inspector",
            "王敏",
        ],
    );
    id.trim().to_string()
}

#[track_caller]
fn mark_at(env: &Env, time: &str, id: &str, code: &str, status: &str, note: &str) {
    ok_at(env, time, &["mark", id, code, status, "--note", note]);
}

#[track_caller]
fn import(env: &Env, paths: &[&Path], extra: &[&str]) -> (Value, Out) {
    let mut args: Vec<String> = vec!["import".into(), "--json".into()];
    args.extend(extra.iter().map(|a| a.to_string()));
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let out = env.run(&args);
    out.no_panic();
    (out.json(), out)
}

/// The outcome of session `id` in an import's JSON report.
#[track_caller]
fn outcome<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in the report: {report:#}"))
}

/// A laptop that starts as a copy of another one's data folder.
fn copy_of(env: &Env) -> Env {
    let copy = Env::new();
    copy_tree(&env.data, &copy.data);
    copy
}

fn copy_tree(from: &Path, to: &Path) {
    for relative in files_under(from) {
        let name = relative.to_string_lossy();
        if name.starts_with(".git") || name.ends_with(".lock") || name.ends_with(".tmp") {
            continue;
        }
        let target = to.join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(from.join(&relative), &target).unwrap();
    }
}

/// The files that matter for comparing data folders, with their bytes.
fn contents(data: &Path, folders: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    for folder in folders {
        for relative in files_under(&data.join(folder)) {
            let path = Path::new(folder).join(&relative);
            found.insert(path.clone(), fs::read(data.join(&path)).unwrap());
        }
    }
    found
}

fn session_bytes(env: &Env, id: &str) -> Vec<u8> {
    fs::read(env.session_path(id)).unwrap()
}

fn trash(env: &Env, id: &str) {
    let store = zicha::store::Store::open(&env.data).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T09:00:00+08:00").unwrap();
    store
        .trash(uuid::Uuid::parse_str(id).unwrap(), now)
        .unwrap();
}

/// Two laptops that diverged from one folder: new sessions on both, one session
/// edited on both (different items and the same item), one deleted on A and edited on B.
struct Diverged {
    a: Env,
    b: Env,
    edited: String,
    both: String,
    deleted: String,
    new_a: String,
    new_b: String,
}

fn diverged() -> Diverged {
    let a = Env::new();
    let edited = new_session(&a, "办公室", "2026年11月自查");
    let both = new_session(&a, "党群室", "2026年11月自查");
    let deleted = new_session(&a, "财务科", "2026年11月自查");
    mark_at(&a, "08:30:00", &edited, "1.1", "pass", "");
    mark_at(&a, "08:31:00", &both, "1.2", "pass", "原始备注");
    mark_at(&a, "08:32:00", &deleted, "1.1", "fail", "");
    let b = copy_of(&a);

    let new_a = new_session(&a, "后勤科", "2026年11月自查");
    mark_at(&a, "10:00:00", &edited, "1.2", "fail", "A: 会议记录不全");
    mark_at(&a, "10:00:00", &both, "1.2", "fail", "A 的说法");
    mark_at(&a, "10:05:00", &both, "2.1", "pass", "");
    trash(&a, &deleted);

    // B's clock is behind A's: its edit of the shared item is earlier by the clock.
    let new_b = new_session(&b, "办公室", "2026年11月自查");
    mark_at(&b, "09:10:00", &edited, "2.1", "partial", "B: 窗台有灰");
    mark_at(&b, "09:20:00", &both, "1.2", "partial", "B 的说法");
    mark_at(&b, "09:30:00", &deleted, "1.2", "pass", "B 还在查");
    Diverged {
        a,
        b,
        edited,
        both,
        deleted,
        new_a,
        new_b,
    }
}

#[test]
fn diverged_folders_imported_both_ways_converge() {
    let d = diverged();
    let into_a = copy_of(&d.a);
    let into_b = copy_of(&d.b);
    let (from_b, _) = import(&into_a, &[&d.b.data], &[]);
    let (from_a, _) = import(&into_b, &[&d.a.data], &[]);

    assert_eq!(outcome(&from_b, &d.new_b)["outcome"], "added");
    assert_eq!(outcome(&from_b, &d.edited)["outcome"], "merged");
    assert_eq!(
        outcome(&from_b, &d.edited)["conflicts"],
        serde_json::json!([])
    );
    assert_eq!(
        outcome(&from_b, &d.both)["conflicts"],
        serde_json::json!(["1.2"])
    );
    assert_eq!(outcome(&from_b, &d.deleted)["outcome"], "deleted_here");
    assert_eq!(from_b["added"], 1);
    assert_eq!(from_b["merged"], 2);
    assert_eq!(from_b["in_conflict"], 1);
    assert_eq!(outcome(&from_a, &d.new_a)["outcome"], "added");
    assert_eq!(from_a["deleted_there"][0]["id"], d.deleted.as_str());

    // Every session alive on both ends up byte-identical, whichever way it went.
    for id in [&d.edited, &d.both, &d.new_a, &d.new_b] {
        assert_eq!(
            session_bytes(&into_a, id),
            session_bytes(&into_b, id),
            "{id}"
        );
    }
    assert_eq!(
        contents(&into_a.data, &["archive"]),
        contents(&into_b.data, &["archive"])
    );
    // A deletion is not undone on A, and import never deletes on B.
    assert!(!into_a.session_path(&d.deleted).exists());
    assert!(into_b.session_path(&d.deleted).exists());

    let merged = into_a.show(&d.edited);
    assert_eq!(common::item(&merged, "1.2")["note"], "A: 会议记录不全");
    assert_eq!(common::item(&merged, "2.1")["note"], "B: 窗台有灰");
    assert_eq!(common::item(&merged, "1.1")["status"], "pass");

    // The shared item: A's edit is later by the clock, so it wins; B's is kept.
    let both = into_a.show(&d.both);
    assert_eq!(common::item(&both, "1.2")["note"], "A 的说法");
    assert_eq!(common::item(&both, "2.1")["status"], "pass");
    let conflicts: Value = serde_json::from_str(&into_a.ok(["conflicts", "--json"])).unwrap();
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts:#}");
    assert_eq!(conflicts[0]["session"], d.both.as_str());
    assert_eq!(conflicts[0]["code"], "1.2");
    assert_eq!(conflicts[0]["current"]["note"], "A 的说法");
    assert_eq!(conflicts[0]["others"][0]["note"], "B 的说法");
    assert_eq!(conflicts[0]["others"][0]["status"], "partial");
    let text = into_b.ok(["conflicts", &d.both]);
    assert!(
        text.contains("B 的说法") && text.contains("A 的说法"),
        "{text}"
    );
}

#[test]
fn importing_again_changes_nothing_byte_for_byte() {
    let d = diverged();
    let (first, first_out) = import(&d.a, &[&d.b.data], &[]);
    first_out.expect_code(0);
    assert_eq!(first["merged"], 2);
    let before = contents(&d.a.data, &["sessions", "archive", "trash"]);
    let (again, _) = import(&d.a, &[&d.b.data, &d.b.data], &[]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["merged"], 0);
    assert_eq!(
        again["in_conflict"], 1,
        "the open conflict is still reported"
    );
    assert_eq!(
        contents(&d.a.data, &["sessions", "archive", "trash"]),
        before
    );

    // B takes A's merged copies as they are, and both stay put from then on.
    let (back, _) = import(&d.b, &[&d.a.data], &[]);
    assert_eq!(outcome(&back, &d.both)["outcome"], "merged");
    for id in [&d.edited, &d.both, &d.new_a, &d.new_b] {
        assert_eq!(session_bytes(&d.a, id), session_bytes(&d.b, id), "{id}");
    }
    let (settled, _) = import(&d.a, &[&d.b.data], &[]);
    assert_eq!(settled["merged"], 0);
    assert_eq!(
        contents(&d.a.data, &["sessions", "archive", "trash"]),
        before
    );

    let text = d.a.ok(["import", &d.b.data.display().to_string()]);
    assert!(text.contains("unchanged"), "{text}");
    assert!(text.contains("deleted here, skipped"), "{text}");
}

#[test]
fn restore_brings_back_a_deleted_session_merged_with_the_trashed_copy() {
    let d = diverged();
    let (report, _) = import(&d.a, &[&d.b.data], &["--restore"]);
    assert_eq!(outcome(&report, &d.deleted)["outcome"], "restored");
    let restored = d.a.show(&d.deleted);
    assert_eq!(common::item(&restored, "1.1")["status"], "fail");
    assert_eq!(common::item(&restored, "1.2")["note"], "B 还在查");
    assert_eq!(
        session_bytes(&d.a, &d.deleted),
        session_bytes(&d.b, &d.deleted)
    );
    assert!(
        files_under(&d.a.data.join("trash")).len() == 1,
        "the trashed copy stays"
    );
}

#[test]
fn resolving_a_conflict_settles_it_on_every_copy() {
    let d = diverged();
    import(&d.a, &[&d.b.data], &[]);
    import(&d.b, &[&d.a.data], &[]);
    let err = d.a.fails(["resolve", &d.both, "2.1", "--mine"], 1);
    assert!(err.contains("no conflict"), "{err}");
    d.a.fails(["resolve", &d.both, "1.2"], 2);

    let said = ok_at(&d.a, "12:00:00", &["resolve", &d.both, "1.2", "--theirs"]);
    assert!(said.contains("B 的说法"), "{said}");
    assert_eq!(d.a.ok(["conflicts"]).trim(), "No conflicts.");
    let (report, _) = import(&d.b, &[&d.a.data], &[]);
    assert_eq!(
        outcome(&report, &d.both)["conflicts"],
        serde_json::json!([])
    );
    let detail = d.b.show(&d.both);
    assert_eq!(common::item(&detail, "1.2")["note"], "B 的说法");
    assert_eq!(common::item(&detail, "1.2")["status"], "partial");
    assert_eq!(session_bytes(&d.a, &d.both), session_bytes(&d.b, &d.both));

    // Keep both notes, on another pair of copies.
    let d = diverged();
    import(&d.a, &[&d.b.data], &[]);
    ok_at(
        &d.a,
        "12:00:00",
        &["resolve", &d.both, "1.2", "--both", "--by", "组长"],
    );
    let note = common::item(&d.a.show(&d.both), "1.2")["note"].clone();
    assert_eq!(note, "A 的说法\nB 的说法");
}

#[test]
fn a_bundle_carries_a_round_with_its_checklists() {
    let a = Env::new();
    let first = new_session(&a, "办公室", "2026年10月自查");
    let second = new_session(&a, "党群室", "2026年11月自查");
    let third = new_session(&a, "财务科", "2026年11月自查");
    mark_at(&a, "09:00:00", &second, "1.1", "fail", "门口有杂物");
    mark_at(&a, "09:00:00", &third, "2.1", "pass", "");
    let bundle = a.root.path().join("11月.zip");
    let said = a.ok([
        "bundle",
        "--round",
        "2026年11月自查",
        "-o",
        &bundle.display().to_string(),
    ]);
    assert!(said.contains("2"), "{said}");
    let again = a.root.path().join("again.zip");
    a.ok([
        "bundle",
        "--round",
        " 2026年11月自查",
        "-o",
        &again.display().to_string(),
    ]);
    assert_eq!(
        fs::read(&bundle).unwrap(),
        fs::read(&again).unwrap(),
        "deterministic"
    );
    let err = a.fails(["bundle", "-o", &bundle.display().to_string()], 1);
    assert!(err.contains("--force"), "{err}");
    let err = a.fails(["bundle", "--round", "没有", "-o", "x.zip"], 1);
    assert!(err.contains("no sessions"), "{err}");

    let c = Env::new();
    let (report, out) = import(&c, &[&bundle], &[]);
    out.expect_code(0);
    assert_eq!(report["added"], 2);
    assert!(!c.session_path(&first).exists(), "another round stays out");
    for id in [&second, &third] {
        assert_eq!(session_bytes(&a, id), session_bytes(&c, id));
        assert_eq!(a.ok(["show", id, "--json"]), c.ok(["show", id, "--json"]));
    }
    assert_eq!(
        contents(&a.data, &["archive"]),
        contents(&c.data, &["archive"])
    );
    let (twice, _) = import(&c, &[&bundle], &[]);
    assert_eq!(twice["unchanged"], 2);
}

/// Copies a zip, renaming and rewriting entries on the way.
fn rezip(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> (String, Vec<u8>)) {
    let mut archive = zip::ZipArchive::new(fs::File::open(from).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(fs::File::create(to).unwrap());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let (name, bytes) = change(&name, bytes);
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

fn replaced(bytes: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(bytes)
        .unwrap()
        .replace(from, to)
        .into_bytes()
}

#[test]
fn a_checklist_that_does_not_match_its_hash_is_refused() {
    let a = Env::new();
    let id = new_session(&a, "办公室", "r");
    let bundle = a.root.path().join("b.zip");
    a.ok(["bundle", "-o", &bundle.display().to_string()]);
    let text = fs::read_to_string(a.session_path(&id)).unwrap();
    let hash_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("hash:"))
        .unwrap();
    let hash = hash_line.split('"').nth(1).unwrap().to_string();

    // The checklist text under a name it does not hash to (and that nobody knows).
    let forged = a.root.path().join("forged.zip");
    rezip(&bundle, &forged, |name, bytes| {
        let fake = "00112233aabbccdd";
        (name.replace(&hash, fake), replaced(bytes, &hash, fake))
    });
    let c = Env::new();
    let (report, out) = import(&c, &[&forged], &[]);
    out.expect_code(1);
    assert_eq!(outcome(&report, &id)["outcome"], "skipped");
    let reason = outcome(&report, &id)["reason"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(reason.contains("hashes to"), "{reason}");
    assert!(out.stderr.contains(&id), "{}", out.stderr);
    assert!(!c.session_path(&id).exists());
    assert!(
        files_under(&c.data.join("archive")).is_empty(),
        "nothing archived"
    );

    // Edited checklist text under the real name: refused, even though the
    // built-in checklist with that hash is known here.
    let tampered = a.root.path().join("tampered.zip");
    rezip(&bundle, &tampered, |name, bytes| {
        if name.starts_with("archive/") {
            (
                name.to_string(),
                replaced(bytes, "points: 5.0", "points: 50.0"),
            )
        } else {
            (name.to_string(), bytes)
        }
    });
    let (report, out) = import(&c, &[&tampered], &[]);
    out.expect_code(1);
    assert!(
        outcome(&report, &id)["reason"]
            .as_str()
            .unwrap()
            .contains("refused")
    );
    assert!(
        files_under(&c.data.join("archive")).is_empty(),
        "nothing archived"
    );
    // Where the archive already has that name, it is kept as it is.
    let archived = contents(&a.data, &["archive"]);
    let (report, out) = import(&a, &[&tampered], &[]);
    out.expect_code(0);
    assert_eq!(outcome(&report, &id)["outcome"], "unchanged");
    assert_eq!(contents(&a.data, &["archive"]), archived);
}

#[test]
fn department_names_match_after_nfc_across_machines() {
    let a = Env::new();
    let earlier = ok_at(
        &a,
        "08:00:00",
        &[
            "new",
            "--checklist",
            CHECKLIST,
            "--department",
            "Café 办公室",
            "--round",
            "10月",
            "--date",
            "2026-10-20",
        ],
    );
    let earlier = earlier.trim();
    mark_at(&a, "08:10:00", earlier, "1.1", "fail", "");
    let b = Env::new();
    let later = new_session(&b, "Café 办公室", "11月");
    // As an older zicha or a hand edit would have stored it: decomposed, padded.
    let path = b.session_path(&later);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("\"Café 办公室\"", "\" Cafe\u{301} 办公室\""),
    )
    .unwrap();
    import(&a, &[&b.data], &[]).1.expect_code(0);

    let listed: Value =
        serde_json::from_str(&a.ok(["list", "--department", "Cafe\u{301} 办公室", "--json"]))
            .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed:#}");
    let compared: Value = serde_json::from_str(&a.ok(["compare", &later, "--json"])).unwrap();
    assert_eq!(compared["prior"], earlier);
}

#[test]
fn a_session_in_use_is_skipped_and_a_bad_path_imports_nothing() {
    let a = Env::new();
    let id = new_session(&a, "办公室", "r");
    let b = copy_of(&a);
    mark_at(&b, "09:00:00", &id, "1.1", "pass", "");
    let added = new_session(&b, "党群室", "r");
    let store = zicha::store::Store::open(&a.data).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T09:00:00+08:00").unwrap();
    let lock = store
        .lock(uuid::Uuid::parse_str(&id).unwrap(), now)
        .unwrap();
    let before = session_bytes(&a, &id);
    let (report, out) = import(&a, &[&b.data], &[]);
    out.expect_code(1);
    assert_eq!(outcome(&report, &id)["outcome"], "skipped");
    assert!(
        outcome(&report, &id)["reason"]
            .as_str()
            .unwrap()
            .contains("in use")
    );
    assert_eq!(outcome(&report, &added)["outcome"], "added");
    assert_eq!(session_bytes(&a, &id), before);
    drop(lock);

    let missing = a.root.path().join("no-such-folder");
    let err = a.fails(
        [
            "import",
            &b.data.display().to_string(),
            &missing.display().to_string(),
        ],
        1,
    );
    assert!(err.contains("no-such-folder"), "{err}");
    assert_eq!(
        session_bytes(&a, &id),
        before,
        "nothing imported from the good path either"
    );
    let err = a.fails(["import", &a.cwd.display().to_string()], 1);
    assert!(err.contains("sessions/"), "{err}");
}

#[test]
fn a_sync_conflict_copy_is_ignored_until_imported_and_never_deleted() {
    let a = Env::new();
    let id = new_session(&a, "办公室", "r");
    mark_at(&a, "08:30:00", &id, "1.1", "pass", "");
    let b = copy_of(&a);
    mark_at(&a, "09:00:00", &id, "1.2", "fail", "A 写的");
    mark_at(&b, "09:10:00", &id, "2.1", "partial", "B 写的");
    // What Syncthing leaves when both laptops changed the file.
    let conflict_copy = a
        .sessions_dir()
        .join(format!("{id}.sync-conflict-20261121-091000-ABCDEFG.ron"));
    fs::copy(b.session_path(&id), &conflict_copy).unwrap();
    let out = a.run(["list"]);
    out.expect_code(0);
    assert!(out.stderr.contains("sync-conflict"), "{}", out.stderr);

    let (report, out) = import(&a, &[&conflict_copy], &[]);
    out.expect_code(0);
    assert_eq!(outcome(&report, &id)["outcome"], "merged");
    let detail = a.show(&id);
    assert_eq!(common::item(&detail, "1.2")["note"], "A 写的");
    assert_eq!(common::item(&detail, "2.1")["note"], "B 写的");
    assert!(conflict_copy.exists(), "left for the user to delete");
}

#[test]
fn a_format_one_copy_merges_by_content() {
    let a = Env::new();
    let id = new_session(&a, "办公室", "r");
    mark_at(&a, "08:30:00", &id, "1.1", "pass", "旧版本写的");
    // The same session as an older zicha wrote it: no revision ids, format 1.
    let old_text: String = fs::read_to_string(a.session_path(&id))
        .unwrap()
        .replacen("format: 2,", "format: 1,", 1)
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with("rev:") || line.starts_with("header_rev:"))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(a.session_path(&id), &old_text).unwrap();
    assert_eq!(common::item(&a.show(&id), "1.1")["note"], "旧版本写的");
    let b = copy_of(&a);
    mark_at(&b, "09:00:00", &id, "1.2", "fail", "新版本写的");
    let (report, _) = import(&a, &[&b.data], &[]);
    assert_eq!(outcome(&report, &id)["outcome"], "merged");
    assert_eq!(outcome(&report, &id)["conflicts"], serde_json::json!([]));
    assert_eq!(
        session_bytes(&a, &id),
        session_bytes(&b, &id),
        "a fast-forward"
    );
}

// ---------------------------------------------------------------------------
// Data folders in git

/// `git` in `dir`, independent of the machine's configuration.
fn git(home: &Path, dir: &Path, args: &[&str]) -> Out {
    let output = Process::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@x",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.autocrlf=false",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "merge.conflictstyle=merge",
        ])
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git must be installed to run this test");
    Out {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
fn git_ok(home: &Path, dir: &Path, args: &[&str]) -> String {
    let out = git(home, dir, args);
    out.expect_code(0);
    out.stdout
}

const GITIGNORE: &str = "*.lock\n*.tmp\nrecovery/\nindex.ron\nsettings.ron\n";

/// A data folder in git with two sessions, and two branches `a` and `b` made by
/// `on_a` and `on_b`. Returns the repository's laptop and copies of both tips.
fn two_branches(
    on_a: impl Fn(&Env, &[String]),
    on_b: impl Fn(&Env, &[String]),
) -> (Env, Env, Env, Vec<String>) {
    let repo = Env::new();
    let home = repo.root.path().join("home");
    fs::create_dir_all(&home).unwrap();
    let ids = vec![
        new_session(&repo, "办公室", "r"),
        new_session(&repo, "党群室", "r"),
    ];
    mark_at(&repo, "08:30:00", &ids[0], "1.1", "pass", "");
    fs::write(repo.data.join(".gitignore"), GITIGNORE).unwrap();
    let data = &repo.data;
    git_ok(&home, data, &["init", "-q"]);
    git_ok(&home, data, &["add", "-A"]);
    git_ok(&home, data, &["commit", "-q", "-m", "base"]);
    git_ok(&home, data, &["checkout", "-q", "-b", "b"]);
    on_b(&repo, &ids);
    git_ok(&home, data, &["add", "-A"]);
    git_ok(&home, data, &["commit", "-q", "-m", "laptop b"]);
    let tip_b = copy_of(&repo);
    git_ok(&home, data, &["checkout", "-q", "main"]);
    on_a(&repo, &ids);
    git_ok(&home, data, &["add", "-A"]);
    git_ok(&home, data, &["commit", "-q", "-m", "laptop a"]);
    let tip_a = copy_of(&repo);
    (repo, tip_a, tip_b, ids)
}

#[test]
fn git_merges_edits_to_different_sessions_like_import_does() {
    let (repo, tip_a, tip_b, ids) = two_branches(
        |env, ids| {
            mark_at(env, "10:00:00", &ids[0], "1.2", "fail", "A 改的");
            new_session(env, "后勤科", "r");
        },
        |env, ids| {
            mark_at(env, "09:00:00", &ids[1], "1.2", "pass", "B 改的");
            ok_at(env, "09:05:00", &["finish", &ids[1]]);
            new_session(env, "财务科", "r");
        },
    );
    let home = repo.root.path().join("home");
    let merged = git(&home, &repo.data, &["merge", "--no-edit", "b"]);
    merged.expect_code(0);

    let (report, out) = import(&tip_a, &[&tip_b.data], &[]);
    out.expect_code(0);
    assert_eq!(report["added"], 1);
    assert_eq!(report["merged"], 1);
    let folders = ["sessions", "archive"];
    assert_eq!(
        contents(&repo.data, &folders),
        contents(&tip_a.data, &folders)
    );
    assert_eq!(repo.show(&ids[1])["finished"], true);
}

#[test]
fn git_conflicts_on_one_session_and_import_settles_them() {
    let (repo, tip_a, tip_b, ids) = two_branches(
        |env, ids| {
            mark_at(env, "10:00:00", &ids[0], "1.2", "fail", "A 改的");
            mark_at(env, "10:01:00", &ids[0], "2.1", "fail", "A 也改了");
        },
        |env, ids| {
            mark_at(env, "09:00:00", &ids[0], "3.2", "pass", "B 改的");
            mark_at(env, "09:01:00", &ids[0], "2.1", "pass", "B 也改了");
        },
    );
    let home = repo.root.path().join("home");
    let data = &repo.data;
    let merged = git(&home, data, &["merge", "--no-edit", "b"]);
    assert_eq!(merged.code, Some(1), "{}{}", merged.stdout, merged.stderr);
    assert!(merged.stdout.contains("CONFLICT"), "{}", merged.stdout);
    let err = repo.fails(["show", &ids[0]], 1);
    assert!(err.contains("git conflict marker"), "{err}");

    // The README's steps: keep ours, import theirs, commit.
    let file = format!("sessions/{}.ron", ids[0]);
    let theirs = repo.root.path().join("theirs.ron");
    let their_text = git_ok(&home, data, &["show", &format!("MERGE_HEAD:{file}")]);
    fs::write(&theirs, their_text).unwrap();
    git_ok(&home, data, &["checkout", "--ours", "--", &file]);
    let (report, out) = import(&repo, &[&theirs], &[]);
    out.expect_code(0);
    assert_eq!(
        outcome(&report, &ids[0])["conflicts"],
        serde_json::json!(["2.1"])
    );
    git_ok(&home, data, &["add", "-A"]);
    git_ok(&home, data, &["commit", "-q", "--no-edit"]);
    assert_eq!(git_ok(&home, data, &["status", "--porcelain"]), "");

    let (_, out) = import(&tip_a, &[&tip_b.data], &[]);
    out.expect_code(0);
    let folders = ["sessions", "archive"];
    assert_eq!(contents(data, &folders), contents(&tip_a.data, &folders));
    let detail = repo.show(&ids[0]);
    assert_eq!(common::item(&detail, "1.2")["note"], "A 改的");
    assert_eq!(common::item(&detail, "3.2")["note"], "B 改的");
    assert_eq!(common::item(&detail, "2.1")["note"], "A 也改了");
}
