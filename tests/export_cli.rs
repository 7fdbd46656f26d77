//! `zicha export` end to end: the real binary on a real data directory.
//! Golden files live in tests/golden/; regenerate them with UPDATE_GOLDEN=1.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};
use predicates::prelude::*;

const NOW: &str = "2026-11-21T10:00:00+08:00";
const ROUND: &str = "2026年11月自查";
const HOSTILE: &str = "=HYPERLINK(\"http://x\",\"点我\")\n+1-2\t-3 @SUM(A1)\r\n<script>alert('x')</script> & \"引号\" \u{1b}[31m红\u{1b}]0;标题\u{7}😀";
/// HOSTILE as every export keeps it: control characters (ESC, BEL, CR) removed.
const HOSTILE_CLEAN: &str = "=HYPERLINK(\"http://x\",\"点我\")\n+1-2\t-3 @SUM(A1)\n<script>alert('x')</script> & \"引号\" [31m红]0;标题😀";

struct Sample {
    dir: tempfile::TempDir,
    office: String,
}

impl Sample {
    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn out_dir(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// `zicha` on this data directory, run in the out folder, with the clock pinned.
    fn zicha(&self) -> Command {
        let mut command = Command::cargo_bin("zicha").expect("the binary is built");
        command
            .env("ZICHA_DATA_DIR", self.data_dir())
            .env("ZICHA_NOW", NOW)
            .env_remove("ZICHA_LANG")
            .env_remove("ZICHA_UNIT")
            .current_dir(self.out_dir());
        command
    }

    fn run(&self, args: &[&str]) -> String {
        let output = self.zicha().args(args).output().expect("zicha runs");
        assert!(
            output.status.success(),
            "zicha {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    fn new_session(&self, department: &str, round: &str, date: &str) -> String {
        self.run(&[
            "new",
            "--checklist",
            "export-test",
            "--department",
            department,
            "--round",
            round,
            "--date",
            date,
            "--inspector",
            "王敏",
        ])
        .trim()
        .to_string()
    }

    fn export(&self, args: &[&str]) -> PathBuf {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        PathBuf::from(self.run(&all).trim())
    }
}

/// Four sessions: 办公室 in October and November (with hostile notes and
/// rectifications), 党群室 and 后勤服务中心 in November.
fn sample() -> Sample {
    let dir = tempfile::tempdir().expect("a temp dir");
    let data = Sample {
        dir,
        office: String::new(),
    };
    fs::create_dir_all(data.data_dir().join("checklists")).expect("mkdir");
    fs::create_dir_all(data.out_dir()).expect("mkdir");
    fs::copy(
        "tests/fixtures/export_checklist.ron",
        data.data_dir().join("checklists/export-test.ron"),
    )
    .expect("copy the checklist");

    let october = data.new_session("办公室", "2026年10月自查", "2026-10-15");
    data.run(&["mark", &october, "1.1", "pass"]);
    data.run(&["mark", &october, "1.2", "partial"]);
    data.run(&["mark", &october, "2.1", "pass"]);

    let office = data.new_session("办公室", ROUND, "2026-11-20");
    let owner_due = |owner, due| ["--owner", owner, "--due", due];
    let mut args = vec![
        "mark", &office, "1.1", "partial", "--deduct", "1", "--note", HOSTILE,
    ];
    args.extend(owner_due("李明", "2026-11-01"));
    data.run(&args);
    data.run(&["mark", &office, "1.2", "pass"]);
    let mut args = vec![
        "mark",
        &office,
        "1.3.1",
        "fail",
        "--note",
        "谈话记录缺失",
        "--deduct-reason",
        "另有问题",
        "--deduct-points",
        "0.5",
    ];
    args.extend(owner_due("张华", "2026-12-01"));
    data.run(&args);
    data.run(&["mark", &office, "2.1", "pass"]);
    data.run(&["mark", &office, "2.2", "na", "--note", "无绿化区域"]);
    data.run(&["mark", &office, "2.4", "pass"]);
    data.run(&["mark", &office, "3.1", "fail", "--note", "发生安全事故"]);

    let party = data.new_session("党群室", ROUND, "2026-11-19");
    for code in ["1.1", "1.2", "1.3.1", "2.1", "2.2", "2.3", "3.1"] {
        data.run(&["mark", &party, code, "pass"]);
    }
    let logistics = data.new_session("后勤服务中心", ROUND, "2026-11-18");
    data.run(&["mark", &logistics, "2.1", "partial", "--note", "走廊杂物"]);
    Sample { office, ..data }
}

fn assert_golden(name: &str, actual: &[u8]) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        fs::create_dir_all("tests/golden").expect("mkdir");
        fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let expected = String::from_utf8_lossy(&expected);
        let actual = String::from_utf8_lossy(actual);
        let line = expected
            .split('\n')
            .zip(actual.split('\n'))
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.split('\n').count().min(actual.split('\n').count()));
        panic!(
            "{} differs from the export at line {}:\n  golden: {:?}\n  export: {:?}\n\
             (if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff)",
            path.display(),
            line + 1,
            expected.split('\n').nth(line).unwrap_or("<end>"),
            actual.split('\n').nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn session_and_round_exports_match_the_golden_files() {
    let data = sample();
    for format in ["md", "csv"] {
        let path = data.export(&[&data.office, "--format", format, "--unit", "某某区教育局"]);
        assert_eq!(
            path,
            data.out_dir()
                .join(format!("2026年11月自查_办公室_2026-11-20.{format}")),
            "the default name goes in the current folder"
        );
        assert_golden(
            &format!("session.{format}"),
            &fs::read(&path).expect("written"),
        );

        let path = data.export(&["--round", ROUND, "--format", format]);
        assert_eq!(
            path.file_name().and_then(|n| n.to_str()),
            Some(format!("{ROUND}_2026-11-18.{format}").as_str())
        );
        assert_golden(
            &format!("round.{format}"),
            &fs::read(&path).expect("written"),
        );
    }
}

#[test]
fn csv_is_excel_friendly_and_guarded() {
    let data = sample();
    let path = data.export(&["--round", ROUND, "--format", "csv"]);
    let bytes = fs::read(path).expect("written");
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        1 + 3 * 8,
        "header and one record per item"
    );
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\n+1-2\t-3 @SUM(A1)\n<script>")
    );
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
}

#[test]
fn html_xlsx_and_docx_from_the_command_line() {
    let data = sample();
    let html =
        fs::read_to_string(data.export(&["--round", ROUND, "--format", "html"])).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@page { size: A4"));
    for banned in ["<script", "src=", "href=", "url(", "<link"] {
        assert!(!html.contains(banned), "{banned}");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        html.matches("<svg").count() >= 2,
        "departments, and 办公室's trend"
    );
    assert!(
        html.contains("<polyline"),
        "办公室 has October and November"
    );

    let path = data.export(&["--round", ROUND, "--format", "xlsx"]);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("an xlsx file");
    assert_eq!(
        book.sheet_names(),
        ["汇总", "排名", "明细", "整改清单", "责任分解"]
    );
    let summary = book.worksheet_range("汇总").expect("汇总");
    // Row 1 is the title, row 2 a note, row 3 the header.
    let header: Vec<String> = summary
        .rows()
        .nth(2)
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let departments: Vec<String> = summary
        .rows()
        .skip(3)
        .map(|r| r[column("部门")].to_string())
        .collect();
    assert_eq!(
        departments,
        ["办公室", "党群室", "后勤服务中心"],
        "pinyin order"
    );
    let detail = book.worksheet_range("明细").expect("明细");
    let header: Vec<String> = detail
        .rows()
        .nth(2)
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let note = detail
        .rows()
        .find(|r| {
            r[column("部门")] == Data::String("办公室".into())
                && r[column("编号")] == Data::String("1.1".into())
        })
        .map(|r| r[column("备注")].clone());
    assert_eq!(
        note,
        Some(Data::String(HOSTILE_CLEAN.into())),
        "a string, not a formula"
    );
    assert!(
        detail
            .rows()
            .skip(3)
            .all(|r| matches!(r[column("分值")], Data::Float(_) | Data::Empty))
    );

    let path = data.export(&[&data.office, "--format", "docx"]);
    let mut archive = zip::ZipArchive::new(fs::File::open(path).expect("docx")).expect("a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    assert!(xml.contains(">办公室2026年11月自查报告</w:t>") && xml.contains(">整改责任人</w:t>"));
    assert!(xml.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script>") && !xml.contains('\u{1b}'));
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let data = sample();
    let target = data.out_dir().join("报告.md");
    fs::write(&target, "mine").expect("write");
    data.zicha()
        .args(["export", &data.office, "--format", "md", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("已存在；要替换请加 --force"));
    data.zicha()
        .args([
            "--lang",
            "en",
            "export",
            &data.office,
            "--format",
            "md",
            "-o",
        ])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; use --force"));
    assert_eq!(fs::read_to_string(&target).expect("still there"), "mine");

    let written = data.export(&[&data.office, "--format", "md", "--force", "-o", "报告.md"]);
    assert_eq!(written, PathBuf::from("报告.md"));
    assert!(
        fs::read_to_string(&target)
            .expect("replaced")
            .starts_with("# 办公室2026年11月自查报告")
    );
    let names: Vec<_> = fs::read_dir(data.out_dir())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temp file left: {names:?}");
}

#[test]
fn output_may_be_a_folder_and_names_are_made_safe() {
    let data = sample();
    let hostile = data.new_session("CON/a:b*?\"<>|", ROUND, "2026-11-20");
    let folder = data.dir.path().join("reports");
    fs::create_dir(&folder).expect("mkdir");
    let written = data.export(&[
        &hostile,
        "--format",
        "md",
        "-o",
        folder.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(
        written,
        folder.join("2026年11月自查_CON_a_b_______2026-11-20.md")
    );
    assert!(written.exists());

    data.zicha()
        .args([
            "export",
            &hostile,
            "--format",
            "md",
            "-o",
            "no-such-folder/",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("不存在"));
}

#[test]
fn exporting_changes_no_session_file() {
    let data = sample();
    let file = data
        .data_dir()
        .join("sessions")
        .join(format!("{}.ron", data.office));
    let before = fs::read(&file).expect("session file");
    data.export(&["--round", ROUND, "--format", "xlsx"]);
    data.export(&[&data.office, "--format", "docx"]);
    assert_eq!(fs::read(&file).expect("session file"), before);
}

#[test]
fn clear_errors_for_unknown_rounds_unreadable_sessions_and_bad_usage() {
    let data = sample();
    data.zicha()
        .args([
            "--lang",
            "en",
            "export",
            "--round",
            "2025年自查",
            "--format",
            "md",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no sessions in round \"2025年自查\"")
                .and(predicate::str::contains(ROUND)),
        );
    data.zicha()
        .args(["export", &data.office, "--round", ROUND, "--format", "md"])
        .assert()
        .code(2);
    data.zicha()
        .args(["export", &data.office, "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("md, csv, html, xlsx, docx"));

    let broken = "01900000-0000-7000-8000-000000000000";
    fs::write(
        data.data_dir().join(format!("sessions/{broken}.ron")),
        "Session(\u{1b}[2J",
    )
    .expect("write");
    data.zicha()
        .args(["export", "--round", ROUND, "--format", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(broken).and(predicate::str::contains('\u{1b}').not()));
    data.zicha()
        .args(["export", broken, "--format", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(broken));
    // The session export of a readable session still works.
    data.export(&[&data.office, "--format", "csv"]);
}

#[test]
fn a_huge_note_exports_in_every_format() {
    let data = sample();
    // About 100 KB; one command-line argument may hold at most 128 KiB.
    let huge = format!("开头{}结尾😀", "长".repeat(33_000));
    data.run(&["mark", &data.office, "1.2", "partial", "--note", &huge]);
    for format in ["md", "csv", "html", "xlsx", "docx"] {
        let path = data.export(&[&data.office, "--format", format, "--force"]);
        let size = fs::metadata(&path).expect("written").len();
        assert!(size > 0, "{format}");
    }
    let md =
        fs::read_to_string(data.out_dir().join("2026年11月自查_办公室_2026-11-20.md")).expect("md");
    assert!(md.contains(&huge), "md keeps the whole note");
    let mut book: Xlsx<_> =
        calamine::open_workbook(data.out_dir().join("2026年11月自查_办公室_2026-11-20.xlsx"))
            .expect("xlsx");
    let detail = book.worksheet_range("明细").expect("明细");
    let header: Vec<String> = detail
        .rows()
        .nth(2)
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let note_column = header.iter().position(|h| h == "备注").expect("备注");
    let note = detail
        .get((4, note_column))
        .map(|c| c.to_string())
        .unwrap_or_default();
    assert!(
        note.starts_with("开头长长") && note.ends_with("…（内容过长，已截断）"),
        "cut to Excel's cell limit"
    );
}
