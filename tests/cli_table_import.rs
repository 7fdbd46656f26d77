//! `zicha checklists import` and `zicha checklists form` through the real binary,
//! over Word and Excel tables built in the test: what is understood and reported by
//! row number, what is written (and only when the table was read), versions on
//! re-import, the form round trip, and archived checklists offered to `zicha new`.

mod common;
mod tables;

use std::path::{Path, PathBuf};

use common::{Env, files_under};
use zicha::model::checklist::Checklist;
use zicha::store::checklist_file::parse_checklist;

fn load(path: &Path) -> Checklist {
    let bytes = std::fs::read(path).expect("checklist written");
    parse_checklist(&bytes, &path.display().to_string()).expect("written checklist parses")
}

fn shape(checklist: &Checklist) -> Vec<(String, f64, bool, bool)> {
    checklist
        .items()
        .iter()
        .map(|i| (i.code.clone(), i.points, i.veto, i.bonus))
        .collect()
}

fn user_checklist(env: &Env, id: &str) -> PathBuf {
    env.data.join("checklists").join(format!("{id}.ron"))
}

#[test]
fn an_excel_table_becomes_a_checklist_ready_for_new() {
    let env = Env::new();
    let table = env.cwd.join("细则.xlsx");
    tables::city_xlsx(&table);
    let report = env.ok(["checklists", "import", "细则.xlsx"]);
    for expected in [
        "header at row 2",
        "row 3  section 1 领导班子好",
        "row 3  item 1.1 有年度学习计划，每月集中学习不少于一次  6 points  2 deductions (1 per occurrence)",
        "row 4  item 1.2 班子成员讲团结  4 points  2 deductions",
        "row 6  not read: the points \"若干\" are not a number",
        "row 7  item 2.2: scoring text not understood (kept in the standard): 按A、B、C档评分，A档得满分",
        "row 8  item 3.1 发生重大安全责任事故 (veto)",
        "row 10  item 4.1 获得市级以上表彰  3 points (bonus)",
        "row 11  total row: 100 points",
        "row 12  not read (a note): 注：本表由市创建办负责解释。",
        "4 sections, 7 items (2 veto, 1 bonus, 0 penalty)",
        "base points 100, bonus 3",
        "(xize v1)",
    ] {
        assert!(report.contains(expected), "no {expected:?} in\n{report}");
    }
    let written = user_checklist(&env, "xize");
    let checklist = load(&written);
    assert_eq!(checklist.id, "xize");
    assert_eq!(checklist.title, tables::TITLE);
    let item = checklist.item("1.1").expect("1.1");
    assert_eq!(item.deductions.len(), 2);
    assert_eq!(item.deductions[1].unit.as_deref(), Some("次"));
    assert!(
        item.standard
            .as_deref()
            .is_some_and(|s| s.contains("每缺一次集中学习扣0.5分"))
    );
    env.ok(["check", written.to_str().expect("utf-8 path")]);
    assert!(
        env.ok(["checklists"])
            .lines()
            .any(|l| l.starts_with("xize "))
    );
    let session = env.new_session("xize", "办公室", "2026年11月自查", "2026-11-20");
    let shown = env.show(&session);
    assert_eq!(shown["max"], 100.0, "{shown}");
}

#[test]
fn a_word_table_with_merged_cells_reads_the_same() {
    let env = Env::new();
    tables::city_docx(&env.cwd.join("测评细则.docx"));
    tables::city_xlsx(&env.cwd.join("测评细则.xlsx"));
    let report = env.ok([
        "checklists",
        "import",
        "测评细则.docx",
        "--id",
        "from-word",
        "-o",
        "word.ron",
    ]);
    assert!(report.contains("header at row 1"), "{report}");
    assert!(
        report.contains("row 5  not read: the points \"若干\""),
        "Word rows count from the header row:\n{report}"
    );
    env.ok([
        "checklists",
        "import",
        "测评细则.xlsx",
        "--id",
        "from-excel",
        "-o",
        "excel.ron",
    ]);
    let word = load(&env.cwd.join("word.ron"));
    let excel = load(&env.cwd.join("excel.ron"));
    assert_eq!(shape(&word), shape(&excel));
    assert_eq!(word.title, tables::TITLE, "the paragraph above the table");
    assert_eq!(word.sections, excel.sections);
}

#[test]
fn two_header_rows_are_detected_and_levels_nest() {
    let env = Env::new();
    tables::two_header_xlsx(&env.cwd.join("table.xlsx"));
    let report = env.ok([
        "checklists",
        "import",
        "table.xlsx",
        "-o",
        "t.ron",
        "--title",
        "学雷锋测评",
    ]);
    assert!(report.contains("header at row 1, row 2"), "{report}");
    let checklist = load(&env.cwd.join("t.ron"));
    assert_eq!(checklist.id, "table");
    assert_eq!(checklist.title, "学雷锋测评");
    let codes: Vec<&str> = checklist.items().iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["1.1.1", "1.2.1"]);
    assert_eq!(checklist.sections[0].sections[0].title, "工作机制");
}

#[test]
fn bad_tables_are_refused_and_nothing_is_written() {
    let env = Env::new();
    tables::no_header_xlsx(&env.cwd.join("物品.xlsx"));
    tables::empty_xlsx(&env.cwd.join("空表.xlsx"));
    tables::password_protected(&env.cwd.join("加密.xlsx"));
    std::fs::write(env.cwd.join("坏.xlsx"), b"PK\x03\x04 not really a zip").expect("write");
    std::fs::write(env.cwd.join("坏.docx"), b"PK\x03\x04 not really a zip").expect("write");
    env.ok(["list"]);
    let before = files_under(&env.data);
    let cwd_before = files_under(&env.cwd);
    let cases = [
        (
            "物品.xlsx",
            "no recognisable header row. Found: 物品, 数量, 存放地点; expected column names such as: 序号, 编号",
        ),
        ("空表.xlsx", "the table is empty"),
        ("加密.xlsx", "password-protected"),
        ("坏.xlsx", "damaged or not really a xlsx file"),
        ("坏.docx", "damaged or not really a docx file"),
        ("不存在.xlsx", "cannot read"),
    ];
    for (file, message) in cases {
        let stderr = env.fails(["checklists", "import", file], 1);
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let stderr = env.fails(["checklists", "import", "物品.xlsx", "--id", "Bad Id"], 1);
    assert!(stderr.contains("--id \"Bad Id\""), "{stderr}");
    let stderr = env.fails(
        ["checklists", "import", "物品.xlsx", "--sheet", "无此表"],
        1,
    );
    assert!(
        stderr.contains("no sheet \"无此表\"; its sheets: Sheet1"),
        "{stderr}"
    );
    assert_eq!(
        files_under(&env.data),
        before,
        "nothing written to the data folder"
    );
    assert_eq!(
        files_under(&env.cwd),
        cwd_before,
        "nothing written beside the tables"
    );
    let chinese = env
        .cmd()
        .env("ZICHA_LANG", "zh")
        .args(["checklists", "import", "加密.xlsx"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&chinese.stderr).contains("设有密码保护"));
}

#[test]
fn a_changed_table_is_the_next_version_with_moved_codes_renamed() {
    let env = Env::new();
    let table = env.cwd.join("细则.xlsx");
    tables::city_xlsx(&table);
    env.ok(["checklists", "import", "细则.xlsx"]);
    let session = env.new_session("xize", "办公室", "第一轮", "2026-10-01");
    let again = env.ok(["checklists", "import", "细则.xlsx"]);
    assert!(again.contains("already says the same (xize v1)"), "{again}");
    // The second edition drops 环境卫生's first item: 2.2 moves to 2.1.
    let mut rows: Vec<tables::Row> = tables::ROWS.to_vec();
    rows[2] = ["二、环境卫生（90分）", "绿化美观", "若干", "", "实地查看"];
    rows[3] = [
        "二、环境卫生（90分）",
        "垃圾分类，设施齐全",
        "80",
        "按A、B、C档评分，A档得满分",
        "实地查看",
    ];
    rows[4] = [
        "二、环境卫生（90分）",
        "门前三包",
        "10",
        "每发现一处扣1分",
        "实地查看",
    ];
    tables::city_xlsx_with(&table, &rows);
    let report = env.ok(["checklists", "import", "细则.xlsx"]);
    assert!(report.contains("xize changed: v1 → v2"), "{report}");
    let checklist = load(&user_checklist(&env, "xize"));
    assert_eq!(checklist.version, 2);
    assert_eq!(
        checklist.renamed.get("2.2").map(String::as_str),
        Some("2.1"),
        "{:?}",
        checklist.renamed
    );
    env.ok([
        "check",
        user_checklist(&env, "xize").to_str().expect("path"),
    ]);
    let next = env.new_session("xize", "办公室", "第二轮", "2026-11-01");
    assert_eq!(env.show(&next)["checklist_version"], 2);
    env.mark(&session, "2.2", "pass", &[]);
    env.mark(&next, "2.1", "fail", &[]);
    let compared = env.ok(["compare", &next, &session, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&compared).expect("json");
    let item = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["code"] == "2.1")
        .cloned();
    assert_eq!(item.expect("2.1 compared")["class"], "regressed");
}

#[test]
fn a_blank_form_imports_back_to_the_same_codes_and_points() {
    let env = Env::new();
    for format in ["xlsx", "docx"] {
        let form = format!("form.{format}");
        let written = env.ok([
            "checklists",
            "form",
            "wenming-danwei",
            "--format",
            format,
            "-o",
            &form,
        ]);
        assert!(
            written.contains("blank form of wenming-danwei"),
            "{written}"
        );
        let out = format!("again-{format}.ron");
        env.ok(["checklists", "import", &form, "--id", "again", "-o", &out]);
        let again = load(&env.cwd.join(&out));
        let builtin = parse_checklist(
            zicha::store::catalog::BUILTIN_CHECKLISTS
                .iter()
                .find(|(name, _)| *name == "wenming-danwei.ron")
                .expect("built-in")
                .1
                .as_bytes(),
            "wenming-danwei.ron",
        )
        .expect("parses");
        assert_eq!(shape(&again), shape(&builtin), "{format}");
    }
    let refused = env.fails(
        [
            "checklists",
            "form",
            "wenming-danwei",
            "--format",
            "xlsx",
            "-o",
            "form.xlsx",
        ],
        1,
    );
    assert!(refused.contains("exists"), "{refused}");
    env.fails(
        ["checklists", "form", "wenming-danwei", "--format", "pdf"],
        2,
    );
    let unknown = env.fails(["checklists", "form", "no-such"], 1);
    assert!(
        unknown.contains("no checklist with id \"no-such\""),
        "{unknown}"
    );
    let default_name = env.ok(["checklists", "form", "siyou"]);
    assert!(default_name.contains(".docx"), "{default_name}");
}

#[test]
fn a_checklist_known_only_from_the_archive_is_listed_and_usable() {
    let env = Env::new();
    tables::city_xlsx(&env.cwd.join("细则.xlsx"));
    env.ok(["checklists", "import", "细则.xlsx"]);
    env.new_session("xize", "办公室", "第一轮", "2026-10-01");
    // The user file goes away (another machine, or deleted): the archive still knows it.
    std::fs::remove_file(user_checklist(&env, "xize")).expect("remove");
    let listed = env.ok(["checklists"]);
    let line = listed
        .lines()
        .find(|l| l.starts_with("xize "))
        .expect("xize listed");
    assert!(
        line.contains("v1") && line.contains("imported (archive)"),
        "{line}"
    );
    env.new_session("xize", "财务科", "第一轮", "2026-10-02");
    // The same id and version in the user's folder wins over the archive.
    let text = std::fs::read_to_string(
        std::fs::read_dir(env.data.join("archive"))
            .expect("archive")
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with("xize-v1-"))
            .expect("archived xize")
            .path(),
    )
    .expect("read");
    env.write_checklist("mine.ron", &text.replace(tables::TITLE, "本单位修订版"));
    let listed = env.ok(["checklists"]);
    let line = listed
        .lines()
        .find(|l| l.starts_with("xize "))
        .expect("xize listed");
    assert!(
        line.contains("本单位修订版") && line.contains("mine.ron"),
        "{line}"
    );
}
