//! The docx's tables of the rectification loop (problems, problems from outside,
//! 责任分解) and its 图片资料.

use super::tests::{options, part, styled};
use super::*;
use crate::export::fixture;

/// The document's text with dates as written (their hyphens unbreakable in the XML).
fn plain_dates(xml: &str) -> String {
    xml.replace("</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">", "-")
}

/// The cells of the first row of a table that has `needle` in it.
fn row_with(xml: &str, needle: &str) -> Vec<String> {
    let row = xml
        .split("<w:tr>")
        .find(|row| row.contains(needle))
        .unwrap_or_else(|| panic!("{needle}"));
    let row = &row[..row.find("</w:tr>").unwrap_or(row.len())];
    row.split("<w:tc>")
        .skip(1)
        .map(|cell| {
            cell.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|t| t.split("</w:t>").next())
                .collect()
        })
        .collect()
}

#[test]
fn the_problems_table_has_the_rectification_loop_columns() {
    let xml = plain_dates(&part(&fixture::single(), &options(), "word/document.xml"));
    let problems = xml.split("<w:tbl>").nth(1).expect("the problems table");
    let header = row_with(problems, ">序号<");
    assert_eq!(header[6..], ["整改责任人", "整改时限", "整改情况"]);
    let open = row_with(problems, ">办公室 李明");
    assert_eq!(
        open[6..],
        [
            "办公室 李明&lt;b&gt;",
            "2026-11-01",
            "整改措施：补开中心组学习会逾期未完成"
        ]
    );
    assert!(
        xml.contains(
            "整改措施：补开中心组学习会</w:t><w:br/><w:t xml:space=\"preserve\">逾期未完成"
        ),
        "the measure on a line of its own"
    );
    let closed = row_with(problems, ">党群室 张华<");
    assert_eq!(
        closed[6..],
        [
            "党群室 张华",
            "2026-12-01",
            "2026-11-22复查通过，已销号：已补记录"
        ]
    );
}

#[test]
fn a_round_draft_has_the_problems_from_outside_and_a_duties_section() {
    let xml = plain_dates(&part(&fixture::round(), &options(), "word/document.xml"));
    fixture::assert_well_formed(&xml);
    assert_eq!(
        row_with(&xml, ">来源<"),
        [
            "序号",
            "部门",
            "问题",
            "来源",
            "日期",
            "整改责任人",
            "整改时限",
            "整改情况"
        ]
    );
    let outside = row_with(&xml, ">宣传栏内容过期<");
    assert_eq!(
        outside,
        [
            "1",
            "党群室",
            "宣传栏内容过期",
            "市文明办通报",
            "2026-11-25",
            "党群室 周涛",
            "2026-12-05",
            "整改措施：每月更新宣传栏未完成"
        ]
    );
    let duties = &xml[xml.find(">三、责任分解<").expect("责任分解")..];
    let duties = &duties[..duties.find(">四、下一步工作<").expect("next steps")];
    assert_eq!(
        row_with(duties, ">牵头科室<"),
        ["牵头科室", "牵头条目", "失分", "待整改", "判定", "失分明细"]
    );
    assert_eq!(
        row_with(duties, ">办公室<"),
        [
            "办公室",
            "4",
            "2",
            "1",
            "取消评优资格",
            "1.1 中心组学习 -2（办公室）"
        ]
    );
    assert_eq!(
        row_with(duties, ">后勤服务中心<"),
        [
            "后勤服务中心",
            "2",
            "1.5",
            "0",
            "",
            "2.1 窗明几净 -1.5（后勤服务中心）"
        ]
    );

    let single = part(&fixture::single(), &options(), "word/document.xml");
    assert!(!single.contains("责任分解") && !single.contains("上级通报"));
}

#[test]
fn a_round_whose_checklists_name_no_owners_says_so_under_duties() {
    let mut report = fixture::round();
    report.followup.duties.clear();
    let xml = part(&report, &options(), "word/document.xml");
    let body = styled(&xml, "Normal").join("\n");
    assert!(
        body.contains("检查表条目未填写责任部门，无法分解。"),
        "{body}"
    );
    assert!(styled(&xml, "Heading1").contains(&"四、下一步工作".to_string()));
}

#[test]
fn photos_are_embedded_at_most_15_cm_wide_with_a_caption_line() {
    let report = fixture::with_attachments(fixture::single());
    let bytes = render(&report, &options()).expect("renders");
    let preview = report.photos.values().next().unwrap();
    assert_eq!(
        fixture::unzip_bytes(&bytes, "word/media/image1.jpeg"),
        preview.jpeg
    );
    let xml = fixture::unzip(&bytes, "word/document.xml");
    fixture::assert_well_formed(&xml);
    assert_eq!(
        xml.matches("<w:drawing>").count(),
        1,
        "the broken photo is listed"
    );
    assert!(xml.contains("<a:blip r:embed=\"rIdImg1\"/>"));
    // 1200 x 900 px at 15 cm wide: 5,400,000 x 4,050,000 EMU.
    assert!(
        xml.contains("<wp:extent cx=\"5400000\" cy=\"4050000\"/>"),
        "{xml}"
    );
    assert_eq!(
        styled(&xml, "Heading1").last().map(String::as_str),
        Some("图片资料")
    );
    // (`styled` drops the non-breaking hyphens inside dates.)
    let captions = styled(&xml, "Normal");
    assert!(
        captions
            .iter()
            .any(|c| c.starts_with("2.4 ") && c.ends_with(" · 荣誉墙&lt;奖牌&gt; · 20261118 09:30")),
        "{captions:?}"
    );
    assert!(
        captions
            .iter()
            .any(|c| c.contains("创建方案.pdf · 方案") && c.contains("坏图.jpg"))
    );
    let rels = fixture::unzip(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("Id=\"rIdImg1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.jpeg\""));
    let types = fixture::unzip(&bytes, "[Content_Types].xml");
    assert!(types.contains("Extension=\"jpeg\" ContentType=\"image/jpeg\""));
    let plain = render(&fixture::single(), &options()).expect("renders");
    assert!(!fixture::unzip(&plain, "word/document.xml").contains("图片资料"));
}
