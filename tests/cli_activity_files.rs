//! Photos and documents attached to activities of the 台账 (docs/design.md §12, §14)
//! through the real binary: `activity add --attach`, `activity attach`, `activity
//! detach`, `activity list --json`, the 材料/附件 column, `attachments`, bundles and
//! imports, and bad files refused without a change.

mod common;

use std::path::Path;

use common::Env;
use serde_json::Value;
use zicha::store::attachments::taken::jpeg_with_exif_date;

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).unwrap();
    path.display().to_string()
}

fn stored(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.data.join("attachments"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn list(env: &Env) -> Value {
    env.run(["activity", "list", "--json"])
        .expect_code(0)
        .json()
}

fn activity_file(env: &Env, id: &str) -> std::path::PathBuf {
    env.data.join("activities").join(format!("{id}.ron"))
}

/// An activity with a JPEG carrying an EXIF date, attached when it is added.
fn lecture(env: &Env) -> String {
    let photo = write(
        &env.cwd.join("IMG_0001.JPG"),
        &jpeg_with_exif_date("2026:11:18 09:30:00", Some("+08:00")),
    );
    let out = env.run([
        "activity",
        "add",
        "--title",
        "道德讲堂",
        "--date",
        "2026-11-18",
        "--department",
        "党群室",
        "--evidence",
        "签到表",
        "--attach",
        &photo,
        "--caption",
        "集体合影",
    ]);
    out.expect_code(0);
    // stdout is the id alone, for scripts; the attached file is named on stderr.
    assert!(
        out.stderr.contains("道德讲堂 attachment 1: IMG_0001.JPG"),
        "{}",
        out.stderr
    );
    out.stdout.trim().to_string()
}

#[test]
fn files_attached_to_an_activity_are_listed_exported_and_removed() {
    let env = Env::new();
    let id = lecture(&env);
    assert_eq!(id.len(), 36, "{id}");
    let listed = list(&env);
    let attachments = listed[0]["attachments"].as_array().unwrap().clone();
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0]["file"], "IMG_0001.JPG");
    assert_eq!(attachments[0]["taken"], "2026-11-18T09:30:00+08:00");
    assert_eq!(attachments[0]["caption"], "集体合影");
    let size = std::fs::metadata(env.cwd.join("IMG_0001.JPG"))
        .unwrap()
        .len();
    assert_eq!(attachments[0]["size"], size);
    let hash = attachments[0]["sha256"].as_str().unwrap().to_string();
    assert_eq!(stored(&env), [format!("{hash}.jpg")]);

    // More files by a unique prefix of the id; an image that does not decode is
    // still attached, as a file.
    let plan = write(&env.cwd.join("活动方案.pdf"), b"%PDF-1.4 plan");
    let broken = write(&env.cwd.join("坏图.jpg"), b"not a jpeg at all");
    let out = env.ok(["activity", "attach", &id[..13], &plan, &broken]);
    assert!(out.contains("道德讲堂 attachment 2: 活动方案.pdf"), "{out}");
    assert!(out.contains("道德讲堂 attachment 3: 坏图.jpg"), "{out}");
    let files: Vec<String> = list(&env)[0]["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files, ["IMG_0001.JPG", "活动方案.pdf", "坏图.jpg"]);

    // The 台账 lists labels and files under 材料/附件.
    env.ok(["activity", "export", "--format", "csv", "-o", "t.csv"]);
    let csv = std::fs::read_to_string(env.cwd.join("t.csv")).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].ends_with(",Material/attachments"), "{}", lines[0]);
    assert!(
        lines[1].ends_with(",\"签到表, IMG_0001.JPG (集体合影), 活动方案.pdf, 坏图.jpg\""),
        "{}",
        lines[1]
    );

    // Used only by the activity: not unreferenced, and --remove keeps it.
    let out = env.ok(["attachments"]);
    assert!(out.contains("no unreferenced attachments"), "{out}");
    env.ok(["attachments", "--remove"]);
    assert_eq!(stored(&env).len(), 3);

    let out = env.ok(["activity", "detach", &id, "1"]);
    assert!(
        out.contains("道德讲堂: attachment 1 removed: IMG_0001.JPG"),
        "{out}"
    );
    assert_eq!(list(&env)[0]["attachments"].as_array().unwrap().len(), 2);
    let out = env.ok(["attachments"]);
    assert!(out.contains(&format!("{hash}.jpg")), "{out}");
}

#[test]
fn bad_files_and_numbers_are_refused_and_change_nothing() {
    let env = Env::new();
    let id = lecture(&env);
    let before = std::fs::read(activity_file(&env, &id)).unwrap();
    let stored_before = stored(&env);
    let good = write(&env.cwd.join("好.png"), b"\x89PNG\r\n\x1a\nrest");
    let text = write(&env.cwd.join("notes.txt"), b"hello");
    let err = env.fails(["activity", "attach", &id, &good, &text], 1);
    assert!(
        err.contains("notes.txt: not a file type zicha attaches"),
        "{err}"
    );
    let err = env.fails(["--lang", "zh", "activity", "attach", &id, "没有.jpg"], 1);
    assert!(err.contains("没有.jpg：找不到这个文件"), "{err}");
    let folder = env.cwd.display().to_string();
    let err = env.fails(["--lang", "zh", "activity", "attach", &id, &folder], 1);
    assert!(err.contains("是文件夹"), "{err}");
    let big = env.cwd.join("big.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len((50 << 20) + 1)
        .unwrap();
    let big = big.display().to_string();
    let err = env.fails(["activity", "attach", &id, &big], 1);
    assert!(err.contains("larger than 50 MiB"), "{err}");
    let err = env.fails(["activity", "attach", "ffffffff", &good], 1);
    assert!(err.contains("no activity matches"), "{err}");
    let err = env.fails(["activity", "detach", &id, "2"], 1);
    assert!(
        err.contains("the activity has 1 attachments; there is no number 2"),
        "{err}"
    );
    let err = env.fails(["--lang", "zh", "activity", "detach", &id, "0"], 1);
    assert!(err.contains("没有第 0 个"), "{err}");
    assert_eq!(std::fs::read(activity_file(&env, &id)).unwrap(), before);
    assert_eq!(stored(&env), stored_before);
    // Nothing is recorded when `add` names a file it cannot attach.
    let out = env.run([
        "activity",
        "add",
        "--title",
        "志愿服务",
        "--date",
        "2026-11-19",
        "--department",
        "办公室",
        "--attach",
        &good,
        "--attach",
        &text,
    ]);
    out.expect_code(1);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_eq!(list(&env).as_array().unwrap().len(), 1);
    assert_eq!(stored(&env), stored_before);
}

#[test]
fn bundles_carry_activity_files_and_imports_count_them() {
    let env = Env::new();
    env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let id = lecture(&env);
    let bundle = env.root.path().join("b.zip").display().to_string();
    let out = env.ok(["bundle", "-o", &bundle]);
    assert!(out.contains("1 attachments (hash checked)"), "{out}");
    let other = Env::new();
    let report = other
        .run(["import", &bundle, "--json"])
        .expect_code(0)
        .json();
    assert_eq!(report["attachments"], 1, "{report}");
    assert_eq!(report["activities"][0]["id"], id.as_str());
    assert_eq!(report["activities"][0]["attachments"], 1);
    assert_eq!(stored(&other), stored(&env));
    assert_eq!(list(&other)[0]["attachments"][0]["caption"], "集体合影");
}
