use std::io::Read;

use chrono::DateTime;

use super::*;
use crate::export::fixture;

pub(super) fn options() -> Options {
    let now = DateTime::parse_from_rfc3339("2026-11-21T10:30:00+08:00").expect("a time");
    let mut options = Options::at(now);
    options.unit = Some("某某局".into());
    options
}

pub(super) fn part(report: &Report, options: &Options, name: &str) -> String {
    let bytes = render(report, options).expect("renders");
    fixture::unzip(&bytes, name)
}

/// The text of every paragraph with the given style, in order.
pub(super) fn styled(xml: &str, style: &str) -> Vec<String> {
    xml.split("<w:p>")
        .filter(|p| p.contains(&format!("<w:pStyle w:val=\"{style}\"/>")))
        .map(|p| {
            p.split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|t| t.split("</w:t>").next())
                .collect()
        })
        .collect()
}

#[test]
fn headings_use_words_heading_styles_and_the_title_names_unit_and_department() {
    let xml = part(&fixture::single(), &options(), "word/document.xml");
    assert_eq!(styled(&xml, "Title"), ["某某局办公室2026年11月自查报告"]);
    assert_eq!(
        styled(&xml, "Heading1"),
        [
            "一、总体情况",
            "二、存在问题及整改情况",
            "三、下一步工作",
            "附：检查条目明细"
        ]
    );
    let styles = part(&fixture::single(), &options(), "word/styles.xml");
    for (id, name, level) in [("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1)] {
        let style = &styles[styles
            .find(&format!("w:styleId=\"{id}\""))
            .expect("defined")..];
        let style = &style[..style.find("</w:style>").unwrap_or(style.len())];
        assert!(
            style.contains(&format!("<w:name w:val=\"{name}\"/>")),
            "{style}"
        );
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")),
            "{style}"
        );
    }

    let round = part(&fixture::round(), &options(), "word/document.xml");
    assert_eq!(
        styled(&round, "Title"),
        ["某某局2026年11月自查报告"],
        "not 自查自查报告"
    );
    let departments = styled(&round, "Heading2");
    assert_eq!(departments[0], "（一）办公室（导出测试表）");
    assert_eq!(departments[3], "（四）上级通报及测评反馈问题（1项）");
    assert_eq!(
        departments.len(),
        7,
        "under 二 with the problems from outside, and in the appendix"
    );
    assert_eq!(
        styled(&round, "Heading1"),
        [
            "一、总体情况",
            "二、存在问题及整改情况",
            "三、责任分解",
            "四、下一步工作",
            "附：检查条目明细"
        ]
    );
}

#[test]
fn header_rows_repeat_rows_never_split_and_the_footer_numbers_pages() {
    let xml = part(&fixture::round(), &options(), "word/document.xml");
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(
        tables.len(),
        1 + 2 + 1 + 1 + 3,
        "summary, two problem tables, the problems from outside, 责任分解, three appendix tables"
    );
    for table in tables {
        let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
        assert!(rows[0].starts_with("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
        for row in &rows[1..] {
            assert!(row.starts_with("<w:trPr><w:cantSplit/></w:trPr>"), "{row}");
        }
    }
    let footer = part(&fixture::round(), &options(), "word/footer1.xml");
    assert!(footer.contains("<w:fldChar w:fldCharType=\"begin\"/>"));
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(footer.contains("<w:fldChar w:fldCharType=\"end\"/>"));
    assert!(xml.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"));
    let rels = part(
        &fixture::round(),
        &options(),
        "word/_rels/document.xml.rels",
    );
    assert!(rels.contains("Id=\"rIdFooter\"") && rels.contains("Target=\"footer1.xml\""));
}

#[test]
fn core_properties_name_title_inspector_and_now() {
    let core = part(&fixture::single(), &options(), "docProps/core.xml");
    fixture::assert_well_formed(&core);
    for expected in [
        "<dc:title>某某局办公室2026年11月自查报告</dc:title>",
        "<dc:creator>王敏</dc:creator>",
        "<cp:lastModifiedBy>王敏</cp:lastModifiedBy>",
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-21T02:30:00Z</dcterms:created>",
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-21T02:30:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected} in {core}");
    }
    assert!(!core.contains("1970") && !core.contains("unknown"));
}

#[test]
fn every_part_is_deflated_and_dated_now() {
    let bytes = render(&fixture::round(), &options()).expect("renders");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    let (mut packed, mut unpacked) = (0, 0);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a member");
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            file.name()
        );
        let stamp = file.last_modified().expect("a time");
        assert_eq!(
            (
                stamp.year(),
                stamp.month(),
                stamp.day(),
                stamp.hour(),
                stamp.minute()
            ),
            (2026, 11, 21, 10, 30),
            "{} is dated when it was made, in local time",
            file.name()
        );
        packed += file.compressed_size();
        unpacked += file.size();
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8");
    }
    assert!(packed * 3 < unpacked, "{packed} of {unpacked} bytes");
}

#[test]
fn text_is_tagged_chinese_so_a_reader_picks_a_chinese_font() {
    let styles = part(&fixture::single(), &options(), "word/styles.xml");
    let defaults = &styles[..styles.find("</w:docDefaults>").expect("defaults")];
    assert!(
        defaults.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\""),
        "{defaults}"
    );
    assert!(defaults.contains("w:eastAsia=\"仿宋\""));
    let settings = part(&fixture::single(), &options(), "word/settings.xml");
    assert!(settings.contains("<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"));
}

#[test]
fn codes_dates_words_and_headers_never_wrap_and_the_description_gets_the_room() {
    let xml = part(&fixture::single(), &options(), "word/document.xml");
    let problems = xml.split("<w:tbl>").nth(1).expect("the problems table");
    let widths: Vec<u32> = problems
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .filter_map(|w| w.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(widths.len(), PROBLEM_COLUMNS.len());
    assert!(widths.iter().sum::<u32>() <= TEXT_WIDTH);
    let [seq, code, item, _, _, description, _, due, progress] = widths[..] else {
        panic!("{widths:?}");
    };
    assert!(item >= text_twips("检查项目") + CELL_PADDING, "{widths:?}");
    assert!(
        progress >= text_twips("2026-11-21") + CELL_PADDING,
        "2026-11-22复查通过，已销号：已补记录 cut inside the date: {widths:?}"
    );
    assert!(seq >= text_twips("序号") + CELL_PADDING);
    assert!(code >= text_twips("1.3.1") + CELL_PADDING);
    assert!(due >= text_twips("2026-12-01") + CELL_PADDING);
    assert_eq!(Some(&description), widths.iter().max(), "{widths:?}");
}

#[test]
fn dates_in_any_cell_keep_their_hyphens_unbreakable() {
    let xml = part(&fixture::single(), &options(), "word/document.xml");
    assert!(!xml.contains("2026-12-01"), "a date with breakable hyphens");
    assert!(xml.contains("2026</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">12</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">01"));
    assert!(
        xml.contains("-3 @SUM(A1)"),
        "a hyphen not between digits stays"
    );
}

#[test]
fn the_verdict_is_one_line_and_the_report_ends_with_a_signature() {
    let xml = part(&fixture::single(), &options(), "word/document.xml");
    let body = styled(&xml, "Normal").join("\n");
    assert!(body.contains("判定：一票否决（3.1）。"), "{body}");
    assert!(!body.contains("取消评优资格") && !body.contains("等级"));
    let signature = &xml[..xml.find("附：检查条目明细").expect("appendix")];
    let signature = &signature[signature.rfind("三、下一步工作").expect("next steps")..];
    assert!(
        signature.contains(
            "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">某某局</w:t>"
        )
    );
    assert!(signature.contains(">2026年11月21日</w:t>"));
}

#[test]
fn a_round_shows_checked_items_and_no_grade_while_items_are_pending() {
    let xml = part(&fixture::round(), &options(), "word/document.xml");
    let summary = xml.split("<w:tbl>").nth(1).expect("the summary table");
    assert!(summary.contains(">已查</w:t>"));
    let logistics = summary
        .split("<w:tr>")
        .find(|row| row.contains(">后勤服务中心<"))
        .expect("a row");
    assert!(logistics.contains(">1/8</w:t>") && logistics.contains(">检查中</w:t>"));
    for grade in ["优秀", "良好", "合格", "不合格"] {
        assert!(!logistics.contains(&format!(">{grade}<")), "{grade}");
    }
    let body = styled(&xml, "Normal").join("\n");
    assert!(body.contains("本次自查未发现问题。"), "党群室");
}

#[test]
fn hostile_text_is_escaped_broken_into_lines_and_stripped_of_illegal_characters() {
    let xml = part(&fixture::single(), &options(), "word/document.xml");
    fixture::assert_well_formed(&xml);
    assert!(
        xml.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;引号&quot;")
    );
    assert!(xml.contains(
        "=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</w:t><w:br/><w:t xml:space=\"preserve\">+1</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">2</w:t><w:tab/><w:t xml:space=\"preserve\">-3 @SUM(A1)</w:t>"
    ));
    assert!(!xml.contains("<script>") && !xml.contains("李明<b>"));
}

#[test]
fn without_a_unit_the_signature_leaves_a_blank_to_fill_in() {
    let xml = part(
        &fixture::round(),
        &Options::new(fixture::today()),
        "word/document.xml",
    );
    assert_eq!(styled(&xml, "Title"), ["2026年11月自查报告"]);
    assert!(xml.contains(">__________</w:t>"));
}

#[test]
fn a_wide_summary_wraps_as_few_headers_as_it_takes_and_never_a_cell() {
    let headers = [
        "部门",
        "已查",
        "基础分",
        "加分",
        "负面清单",
        "得分",
        "满分",
        "得分率",
        "扣分",
        "判定",
        "问题",
        "待整改",
    ];
    let specs: Vec<(&'static str, Width, Jc)> =
        headers.iter().map(|h| (*h, Width::Fit, Jc::Left)).collect();
    let row: Vec<String> = [
        "法制规划科",
        "62/78",
        "91.5",
        "0",
        "0",
        "91.5",
        "100",
        "93.4%",
        "6.5",
        "取消评优资格",
        "3",
        "3",
    ]
    .iter()
    .map(|c| c.to_string())
    .collect();
    let columns = sized(&specs, std::slice::from_ref(&row));
    let widths: Vec<u32> = columns.iter().map(|c| c.width).collect();
    assert!(widths.iter().sum::<u32>() <= TEXT_WIDTH, "{widths:?}");
    for (width, cell) in widths.iter().zip(&row) {
        assert!(
            *width >= text_twips(cell) + CELL_PADDING,
            "{cell} in {widths:?}"
        );
    }
    let whole_headers = columns
        .iter()
        .filter(|c| c.width >= text_twips(&c.header) + CELL_PADDING)
        .count();
    assert!(whole_headers >= headers.len() - 2, "{widths:?}");
    assert!(
        whole_headers < headers.len(),
        "the whole row does not fit: {widths:?}"
    );
}
