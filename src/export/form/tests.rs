//! The blank form: its layout, its page setup, and the round trip form → import →
//! the same codes, points and kinds for every built-in checklist.

use std::io::Read;

use super::*;
use crate::model::table_import::{ImportOptions, import_tables};
use crate::store::catalog::BUILTIN_CHECKLISTS;
use crate::store::checklist_file::parse_checklist;
use crate::store::table_read::read_tables;

fn builtins() -> Vec<Checklist> {
    BUILTIN_CHECKLISTS
        .iter()
        .map(|(name, text)| parse_checklist(text.as_bytes(), name).expect("built-in"))
        .collect()
}

fn builtin(id: &str) -> Checklist {
    builtins()
        .into_iter()
        .find(|c| c.id == id)
        .expect("built-in id")
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("entry")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// (code, points, veto, bonus, penalty) of every item.
fn shape(checklist: &Checklist) -> Vec<(String, f64, bool, bool, bool)> {
    checklist
        .items()
        .iter()
        .map(|i| (i.code.clone(), i.points, i.veto, i.bonus, i.penalty))
        .collect()
}

fn reimport(bytes: &[u8], extension: &str) -> Checklist {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("form.{extension}"));
    std::fs::write(&path, bytes).expect("write");
    let tables = read_tables(&path, None).expect("reads");
    let options = ImportOptions {
        id: "form".into(),
        title: None,
        file_stem: "form".into(),
    };
    let imported = import_tables(&tables, &options).expect("imports");
    assert!(
        imported.report.unread().next().is_none(),
        "{:?}",
        imported.report.notes
    );
    imported.checklist
}

#[test]
fn sections_are_merged_down_their_items_and_columns_are_importable() {
    let form = layout(&builtin("wenming-danwei"));
    let names: Vec<&str> = form.columns.iter().map(|(_, name)| *name).collect();
    assert_eq!(names[0], "编号");
    assert!(names.ends_with(&["分值", "测评方法", "评分标准", "检查情况", "得分", "备注"]));
    for (_, name) in &form.columns {
        assert!(
            crate::model::table_import::header::role_of(name).is_some(),
            "{name} is a column import knows"
        );
    }
    let first = &form.rows[0];
    assert!(first.levels[0].span > 1, "section 1 spans its items");
    let covered = first.levels[0].span;
    assert!(form.rows[1..covered].iter().all(|r| r.levels[0].span == 0));
    assert_eq!(form.rows.len(), builtin("wenming-danwei").items().len());
}

#[test]
fn deductions_are_written_as_prose_that_reads_back() {
    let text = r#"(id: "t", version: 1, title: "表", sections: [(code: "1", title: "学习", items: [
        (code: "1.1", title: "学习制度", points: 4.0, deductions: [("无年度学习计划", 2.0), ("每缺一次集中学习", 0.5, "次"), ("记录不全", 1.0, "处")]),
        (code: "1.2", title: "加分", points: 2.0, bonus: true),
    ])])"#;
    let checklist = parse_checklist(text.as_bytes(), "t.ron").expect("parses");
    let item = checklist.item("1.1").expect("1.1");
    let prose = deduction_prose(item);
    assert_eq!(
        prose,
        "无年度学习计划，扣2分；每缺一次集中学习扣0.5分；记录不全，每处扣1分"
    );
    for (render, extension) in [
        (render_xlsx(&layout(&checklist)).expect("xlsx"), "xlsx"),
        (render_docx(&layout(&checklist)).expect("docx"), "docx"),
    ] {
        let again = reimport(&render, extension);
        let deductions = &again.item("1.1").expect("same code").deductions;
        assert_eq!(deductions[..2], item.deductions[..2], "{extension}");
        assert_eq!(deductions[2].unit.as_deref(), Some("处"));
        assert_eq!(deductions[2].points, 1.0);
        assert!(
            again
                .item("1.2")
                .is_some_and(|i| i.bonus && i.points == 2.0)
        );
    }
}

#[test]
fn every_builtin_form_imports_back_to_the_same_codes_and_points() {
    for checklist in builtins() {
        let form = layout(&checklist);
        let from_xlsx = reimport(&render_xlsx(&form).expect("xlsx"), "xlsx");
        assert_eq!(
            shape(&from_xlsx),
            shape(&checklist),
            "{} via xlsx",
            checklist.id
        );
        assert_eq!(from_xlsx.title, checklist.title);
        let from_docx = reimport(&render_docx(&form).expect("docx"), "docx");
        assert_eq!(
            shape(&from_docx),
            shape(&checklist),
            "{} via docx",
            checklist.id
        );
        assert_eq!(from_docx.title, checklist.title);
    }
}

#[test]
fn pages_are_a4_landscape_with_the_header_on_every_page() {
    let form = layout(&builtin("daode-jiangtang"));
    let xlsx = render_xlsx(&form).expect("xlsx");
    let sheet = zip_entry(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(sheet.contains(r#"orientation="landscape""#));
    let workbook = zip_entry(&xlsx, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    assert!(workbook.contains("$3:$3"), "{workbook}");

    let docx = render_docx(&form).expect("docx");
    let document = zip_entry(&docx, "word/document.xml");
    assert!(document.contains(r#"w:orient="landscape""#), "landscape");
    assert!(document.contains(r#"w:w="16838""#));
    assert_eq!(document.matches("<w:tblHeader />").count(), 1);
    assert!(document.contains("检查情况") && document.contains("检查人："));
}
