//! `zicha attach`, `detach` and `attachments` (DESIGN §6, §12): a JPEG with an EXIF
//! date made here, its `taken` in `show --json`, bad files refused without a change,
//! and attachments carried by bundles and checked by imports.

mod common;

use std::path::Path;

use common::{Env, item};
use zicha::store::attachments::taken::jpeg_with_exif_date;

fn stored(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.data.join("attachments"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn a_jpeg_with_an_exif_date_is_attached_with_its_taken_time() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let photo = write(
        &env.cwd.join("IMG_0001.JPG"),
        &jpeg_with_exif_date("2026:11:18 09:30:00", Some("+08:00")),
    );
    let plan = write(&env.cwd.join("整改方案.pdf"), b"%PDF-1.4 plan");
    let out = env.ok([
        "attach",
        &id,
        "2.2",
        &photo,
        &plan,
        "--caption",
        "会议室宣传栏",
    ]);
    assert!(
        out.contains("2.2 attachment 1: IMG_0001.JPG (taken 2026-11-18T09:30:00+08:00)"),
        "{out}"
    );
    assert!(out.contains("attachment 2: 整改方案.pdf"), "{out}");

    let detail = env.show(&id);
    let attachments = item(&detail, "2.2")["attachments"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0]["file"], "IMG_0001.JPG");
    assert_eq!(attachments[0]["taken"], "2026-11-18T09:30:00+08:00");
    assert_eq!(attachments[0]["caption"], "会议室宣传栏");
    assert_eq!(attachments[0]["sha256"].as_str().unwrap().len(), 64);
    let size = std::fs::metadata(&photo).unwrap().len();
    assert_eq!(attachments[0]["size"], size);
    let taken = attachments[1]["taken"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(taken).is_ok(),
        "mtime: {taken}"
    );
    assert_eq!(stored(&env).len(), 2);

    // The same photo on another item is stored once.
    env.ok(["attach", &id, "2.4", &photo]);
    assert_eq!(stored(&env).len(), 2);

    let out = env.ok(["detach", &id, "2.2", "1"]);
    assert!(out.contains("attachment 1 removed: IMG_0001.JPG"), "{out}");
    let detail = env.show(&id);
    assert_eq!(
        item(&detail, "2.2")["attachments"][0]["file"],
        "整改方案.pdf"
    );
    let err = env.fails(["detach", &id, "2.2", "5"], 1);
    assert!(err.contains("there is no number 5"), "{err}");
    assert!(
        env.ok(["attachments"])
            .contains("no unreferenced attachments")
    );
    env.ok(["detach", &id, "2.4", "1"]);
    let listed = env.ok(["attachments"]);
    assert!(
        listed.contains("1 attachments no session or activity refers to"),
        "{listed}"
    );
    env.ok(["attachments", "--remove"]);
    assert_eq!(stored(&env).len(), 1, "the pdf is still attached");
}

#[test]
fn bad_files_are_refused_in_the_users_language_and_change_nothing() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let before = std::fs::read(env.session_path(&id)).unwrap();
    let photo = write(
        &env.cwd.join("a.jpg"),
        &jpeg_with_exif_date("2026:11:18 09:30:00", None),
    );
    let text = write(&env.cwd.join("notes.txt"), b"hello");
    let err = env.fails(["attach", &id, "2.2", &photo, &text], 1);
    assert!(
        err.contains("notes.txt: not a file type zicha attaches"),
        "{err}"
    );
    let err = env.fails(["--lang", "zh", "attach", &id, "2.2", "missing.jpg"], 1);
    assert!(err.contains("missing.jpg：找不到这个文件"), "{err}");
    let folder = env.cwd.display().to_string();
    let err = env.fails(["--lang", "zh", "attach", &id, "2.2", &folder], 1);
    assert!(err.contains("是文件夹"), "{err}");
    let big = env.cwd.join("big.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len((50 << 20) + 1)
        .unwrap();
    let err = env.fails(["attach", &id, "2.2", &big.display().to_string()], 1);
    assert!(err.contains("larger than 50 MiB"), "{err}");
    let err = env.fails(["attach", &id, "1.1", &photo], 1);
    assert!(err.contains("no item \"1.1\""), "{err}");
    assert_eq!(std::fs::read(env.session_path(&id)).unwrap(), before);
    assert!(stored(&env).is_empty(), "{:?}", stored(&env));
}

/// Rewrites a bundle with `change` applied to every entry's bytes.
fn rewrite_bundle(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).unwrap();
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&change(&name, bytes)).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn bundles_carry_attachments_and_imports_refuse_a_hash_mismatch() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let photo = write(
        &env.cwd.join("宣传栏.jpg"),
        &jpeg_with_exif_date("2026:11:18 09:30:00", None),
    );
    env.ok(["attach", &id, "2.2", &photo, "--caption", "宣传栏"]);
    let bundle = env.root.path().join("b.zip");
    let out = env.ok(["bundle", "-o", &bundle.display().to_string()]);
    assert!(out.contains("1 attachments (hash checked)"), "{out}");

    let other = Env::new();
    let report = other.run(["import", &bundle.display().to_string(), "--json"]);
    report.expect_code(0);
    let report = report.json();
    assert_eq!(report["added"], 1);
    assert_eq!(report["attachments"], 1);
    assert_eq!(stored(&other), stored(&env));
    let detail = other.show(&id);
    assert_eq!(item(&detail, "2.2")["attachments"][0]["caption"], "宣传栏");
    // Again: nothing new to bring.
    let again = other
        .run(["import", &bundle.display().to_string(), "--json"])
        .json();
    assert_eq!(again["attachments"], 0);

    let tampered = env.root.path().join("tampered.zip");
    rewrite_bundle(&bundle, &tampered, |name, mut bytes| {
        if name.starts_with("attachments/") {
            bytes.extend_from_slice(b"tampered");
        }
        bytes
    });
    let third = Env::new();
    let out = third.run(["import", &tampered.display().to_string(), "--json"]);
    let report = out.json();
    assert_eq!(report["skipped"], 1, "{report}");
    let reason = report["sessions"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("does not match its hash"), "{reason}");
    assert!(!third.session_path(&id).exists());
    assert!(stored(&third).is_empty(), "{:?}", stored(&third));
}
