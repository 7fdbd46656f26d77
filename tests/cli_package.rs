//! The 测评材料 package (DESIGN §15) through `export --format package`: the folder
//! layout, Windows-safe names from hostile titles, a 测评材料提交表.docx per item
//! that unzips and parses (with the 500-character flag), attachments copied beside
//! it under safe names, a 目录.xlsx calamine reads, and nothing merged into an
//! existing folder without --force.

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::{Env, files_under};
use zicha::store::attachments::taken::jpeg_with_exif_date;

const PACKAGE: &str = r#"Checklist(
    id: "t-package",
    version: 1,
    title: "材料包测试表",
    sections: [
        (code: "1", title: "基础工作", items: [
            (code: "1.1", title: "中心组学习制度化、常态化", points: 4.0,
             standard: "有年度学习计划,每月集中学习不少于一次", evidence: ["学习计划", "学习记录"]),
            (code: "1.2", title: "检查/整改: \"CON\" <台账>*?| ", points: 3.0),
            (code: "1.3", title: "../../逃逸...", points: 3.0),
            (code: "1.4", title: "无备注的条目", points: 2.0),
            (code: "1.5", title: "无材料的条目", points: 1.0),
        ]),
    ],
)
"#;

/// A session: 1.1 pass with a short note, 1.2 partial with a 600-character note,
/// 1.3 fail with a note, 1.4 and 1.5 pass without one.
fn session(env: &Env) -> String {
    env.write_checklist("t-package.ron", PACKAGE);
    let id = env.new_session("t-package", "办公室", "2026年11月自查", "2026-11-20");
    env.mark(&id, "1.1", "pass", &["--note", "学习记录 12 次，签到齐全"]);
    let long = "材".repeat(600);
    env.mark(&id, "1.2", "partial", &["--note", &long]);
    env.mark(&id, "1.3", "fail", &["--note", "未见记录"]);
    env.mark(&id, "1.4", "pass", &[]);
    env.mark(&id, "1.5", "pass", &[]);
    id
}

fn unzip(path: &Path, member: &str) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(member)
        .expect("member")
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Parses the whole document with quick-xml and returns its text.
fn document_text(docx: &Path) -> String {
    let xml = unzip(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut text = String::new();
    let mut depth = 0i64;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Text(t) => text.push_str(&t.xml10_content()),
            quick_xml::events::Event::GeneralRef(r) => {
                let c = match &*r {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unexpected entity {other:?}"),
                };
                text.push(c);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "balanced");
    text
}

#[test]
fn a_package_has_a_folder_per_item_with_material_a_form_each_and_a_catalogue() {
    let env = Env::new();
    let id = session(&env);
    // A photo with a hostile caption on 1.1; a document without a caption on 1.4,
    // which has no note: its folder is made for the attachment alone.
    let photo = jpeg_with_exif_date("2026:11:18 09:30:00", None);
    let photo_path = env.cwd.join("IMG_0001.JPG");
    fs::write(&photo_path, &photo).unwrap();
    env.ok([
        "attach",
        &id,
        "1.1",
        photo_path.to_str().unwrap(),
        "--caption",
        "荣誉墙/奖牌: <第1块>?.",
    ]);
    let plan_path = env.cwd.join("整改方案.pdf");
    fs::write(&plan_path, b"%PDF-1.4 plan").unwrap();
    env.ok(["attach", &id, "1.4", plan_path.to_str().unwrap()]);
    let dir = env.root.path().join("材料");
    let out = env.ok([
        "export",
        &id,
        "--format",
        "package",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.trim(), dir.display().to_string());

    let names: Vec<String> = files_under(&dir)
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "1.1 中心组学习制度化、常态化/1.1-1 荣誉墙_奖牌_ _第1块__.jpg",
            "1.1 中心组学习制度化、常态化/测评材料提交表.docx",
            "1.2 检查_整改_ _CON_ _台账____/测评材料提交表.docx",
            "1.3 .._.._逃逸/测评材料提交表.docx",
            "1.4 无备注的条目/1.4-1 整改方案.pdf",
            "1.4 无备注的条目/测评材料提交表.docx",
            "目录.xlsx",
        ],
        "1.5 has no note nor attachment: no folder; hostile characters replaced, nothing outside"
    );
    assert_eq!(
        fs::read(dir.join("1.1 中心组学习制度化、常态化/1.1-1 荣誉墙_奖牌_ _第1块__.jpg")).unwrap(),
        photo,
        "the photo is copied whole"
    );
    assert_eq!(
        fs::read(dir.join("1.4 无备注的条目/1.4-1 整改方案.pdf")).unwrap(),
        b"%PDF-1.4 plan"
    );
    for folder in fs::read_dir(&dir).unwrap() {
        let name = folder.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with('.')
                && !name.ends_with(' ')
                && !name.contains(['<', '>', ':', '"', '|', '?', '*']),
            "{name:?} is not a Windows name"
        );
    }

    let form = document_text(&dir.join("1.1 中心组学习制度化、常态化/测评材料提交表.docx"));
    for words in [
        "测评材料提交表",
        "单位：",
        "部门：办公室",
        "1.1 中心组学习制度化、常态化",
        "有年度学习计划",
        "分值4",
        "自评得分4",
        "学习记录 12 次，签到齐全",
        "学习计划",
        // The hyphen is written as a w:noBreakHyphen, which has no text.
        "1.11 荣誉墙_奖牌_ _第1块__.jpg",
    ] {
        assert!(form.contains(words), "{words} in {form}");
    }
    assert!(
        !form.contains("IMG_0001.JPG"),
        "the form names the copy as it is in the folder: {form}"
    );
    assert!(!form.contains("超过500字"), "a short 说明 is not flagged");
    let long = document_text(&dir.join("1.2 检查_整改_ _CON_ _台账____/测评材料提交表.docx"));
    assert!(
        long.contains("说明共600字，超过500字的上限"),
        "the long 说明 is flagged: {long}"
    );
    let core = unzip(
        &dir.join("1.3 .._.._逃逸/测评材料提交表.docx"),
        "docProps/core.xml",
    );
    assert!(core.contains("测评材料提交表 1.3"), "{core}");

    let mut book: Xlsx<_> = calamine::open_workbook(dir.join("目录.xlsx")).expect("xlsx");
    let range = book.worksheet_range("目录").expect("目录 sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .skip(2)
        .map(|row| row.iter().map(Data::to_string).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "编号",
            "测评指标",
            "分值",
            "自评得分",
            "材料文件夹",
            "文件数",
            "说明字数"
        ]
    );
    assert_eq!(rows.len(), 6, "every item listed: {rows:?}");
    assert_eq!(rows[1][0], "1.1");
    assert_eq!(rows[1][4], "1.1 中心组学习制度化、常态化");
    assert_eq!(rows[1][5], "2", "the form and the photo");
    assert_eq!(rows[2][3], "1.5", "partial without deductions: 3 / 2");
    assert_eq!(rows[2][5], "1", "the form alone");
    assert_eq!(rows[2][6], "600");
    assert_eq!(rows[4][0], "1.4");
    assert_eq!(rows[4][4], "1.4 无备注的条目");
    assert_eq!(rows[4][5], "2", "the form and the document");
    assert_eq!(rows[4][6], "0");
    assert_eq!(rows[5][0], "1.5");
    assert_eq!(rows[5][4], "", "no folder");
    assert_eq!(rows[5][5], "", "no files");
}

#[test]
fn an_attachment_missing_from_the_store_stops_the_package_with_its_name() {
    let env = Env::new();
    let id = session(&env);
    let plan_path = env.cwd.join("整改方案.pdf");
    fs::write(&plan_path, b"%PDF-1.4 plan").unwrap();
    env.ok(["attach", &id, "1.4", plan_path.to_str().unwrap()]);
    for stored in fs::read_dir(env.data.join("attachments")).unwrap() {
        let path = stored.unwrap().path();
        if path.is_file() {
            fs::write(&path, b"%PDF-1.4 changed").unwrap();
        }
    }
    let dir = env.root.path().join("材料");
    let stderr = env.fails(
        [
            "export",
            &id,
            "--format",
            "package",
            "-o",
            dir.to_str().unwrap(),
        ],
        1,
    );
    assert!(
        stderr.contains("1.4") && stderr.contains("整改方案.pdf") && stderr.contains("hash"),
        "{stderr}"
    );
    assert!(!dir.join("1.4 无备注的条目/1.4-1 整改方案.pdf").exists());
}

#[test]
fn an_existing_folder_is_merged_into_only_with_force() {
    let env = Env::new();
    let id = session(&env);
    let dir = env.root.path().join("材料");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("别人的文件.txt"), "保留").unwrap();
    let stderr = env.fails(
        [
            "export",
            &id,
            "--format",
            "package",
            "-o",
            dir.to_str().unwrap(),
        ],
        1,
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(files_under(&dir).len(), 1, "nothing written");

    env.ok([
        "export",
        &id,
        "--format",
        "package",
        "-o",
        dir.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(
        fs::read_to_string(dir.join("别人的文件.txt")).unwrap(),
        "保留"
    );
    assert!(dir.join("目录.xlsx").is_file());
    // Again with --force: the same files, replaced, no temp files left.
    env.ok([
        "export",
        &id,
        "--format",
        "package",
        "-o",
        dir.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(files_under(&dir).len(), 5);

    // Without -o: the default name in the current folder.
    env.ok(["export", &id, "--format", "package"]);
    assert!(
        env.cwd
            .join("2026年11月自查_办公室_2026-11-20_测评材料")
            .join("目录.xlsx")
            .is_file()
    );
    // A round is not one session.
    env.fails(
        ["export", "--round", "2026年11月自查", "--format", "package"],
        1,
    );
}

#[cfg(unix)]
#[test]
fn links_in_the_target_are_never_followed() {
    let env = Env::new();
    let id = session(&env);
    let elsewhere = env.root.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let dir = env.root.path().join("材料");
    std::os::unix::fs::symlink(&elsewhere, &dir).unwrap();
    env.fails(
        [
            "export",
            &id,
            "--format",
            "package",
            "-o",
            dir.to_str().unwrap(),
            "--force",
        ],
        1,
    );
    // An item's folder that is a link.
    let real = env.root.path().join("real");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&elsewhere, real.join("1.1 中心组学习制度化、常态化")).unwrap();
    env.fails(
        [
            "export",
            &id,
            "--format",
            "package",
            "-o",
            real.to_str().unwrap(),
            "--force",
        ],
        1,
    );
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "nothing written through a link"
    );
}
