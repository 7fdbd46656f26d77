use super::sheet::{MAX_CELL_UNITS, display_width, fit_cell};
use super::*;
use crate::export::fixture;
use calamine::{Data, Reader, Xlsx};

const TRUNCATED: &str = "…（内容过长，已截断）";

pub(super) fn open(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(bytes)).expect("a readable workbook")
}

pub(super) fn with_unit() -> Options {
    let mut options = Options::new(fixture::today());
    options.unit = Some("某某区教育局".into());
    options
}

pub(super) fn header(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .nth(sheet::HEADER_ROW as usize)
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

pub(super) fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
}

#[test]
fn long_text_is_cut_to_excels_cell_limit_on_whole_characters() {
    let long = "😀".repeat(20_000);
    let cut = fit_cell(&long, TRUNCATED);
    assert!(cut.encode_utf16().count() <= MAX_CELL_UNITS);
    assert!(cut.ends_with(TRUNCATED));
    assert_eq!(fit_cell("短", TRUNCATED), "短");
}

#[test]
fn widths_count_chinese_as_two() {
    assert_eq!(display_width("办公室"), 6);
    assert_eq!(display_width("ab\n办公室x"), 7);
}

#[test]
fn every_sheet_has_a_title_row_with_unit_round_and_date() {
    let mut book = open(render(&fixture::round(), &with_unit()).expect("renders"));
    assert_eq!(
        book.sheet_names(),
        ["汇总", "排名", "明细", "整改清单", "责任分解"]
    );
    for name in ["汇总", "排名", "明细", "整改清单", "责任分解"] {
        let range = book.worksheet_range(name).expect("a sheet");
        let title = range.get((0, 0)).map(|c| c.to_string()).unwrap_or_default();
        assert_eq!(title, format!("某某区教育局2026年11月自查报告（{name}）"));
        let note = range.get((1, 0)).map(|c| c.to_string()).unwrap_or_default();
        assert!(
            note.contains("检查日期：2026-11-18至2026-11-20")
                && note.contains("导出日期：2026-11-21"),
            "{note}"
        );
    }
}

#[test]
fn sheets_headers_strings_and_numbers_read_back() {
    let mut book = open(render(&fixture::round(), &with_unit()).expect("renders"));
    let summary = book.worksheet_range("汇总").expect("汇总");
    let head = header(&summary);
    assert!(head.contains(&"已查".to_string()) && head.contains(&"加分".to_string()));
    assert!(
        !head.contains(&"负面清单".to_string()),
        "no 负面清单 items in the checklist"
    );
    assert_eq!(
        summary.height(),
        3 + 3,
        "title, note, header and three departments"
    );
    let office = 3;
    assert_eq!(
        summary.get((office, column(&head, "部门"))),
        Some(&Data::String("办公室".into()))
    );
    assert_eq!(
        summary.get((office, column(&head, "得分"))),
        Some(&Data::Float(2.0 + 3.0 + 5.0 + 2.0)),
    );
    assert_eq!(
        summary.get((office, column(&head, "判定"))),
        Some(&Data::String("一票否决（3.1）".into())),
        "one verdict, no grade beside it"
    );
    let logistics = 5;
    assert_eq!(
        summary.get((logistics, column(&head, "判定"))),
        Some(&Data::String("检查中".into()))
    );
    assert_eq!(
        summary.get((logistics, column(&head, "已查"))),
        Some(&Data::Float(1.0))
    );

    let detail = book.worksheet_range("明细").expect("明细");
    let head = header(&detail);
    assert!(
        !head.contains(&"轮次".to_string()),
        "a round's title names it"
    );
    assert_eq!(detail.height(), 3 + 3 * 8);
    let first = detail.rows().nth(3).expect("first item row");
    assert_eq!(
        first[column(&head, "编号")],
        Data::String("1.1".into()),
        "codes stay text"
    );
    assert_eq!(first[column(&head, "分值")], Data::Float(4.0));
    assert_eq!(first[column(&head, "扣分")], Data::Float(2.0));
    assert_eq!(
        first[column(&head, "扣分项")],
        Data::String("无年度学习计划（扣2分）".into())
    );
    assert!(
        matches!(first[column(&head, "检查日期")], Data::DateTime(_)),
        "dates are dates"
    );
    let note = first[column(&head, "备注")].to_string();
    assert!(
        note.starts_with("=HYPERLINK(\"http://x\",\"点我\")\n+1-2\t-3 @SUM(A1)\n<script>"),
        "{note:?}"
    );
    assert!(note.ends_with("😀") && !note.contains('\u{1b}'));
    let veto = detail.rows().nth(3 + 7).expect("3.1");
    assert_eq!(veto[column(&head, "类别")], Data::String("一票否决".into()));
    assert_eq!(veto[column(&head, "评定")], Data::String("存在".into()));

    let ledger = book.worksheet_range("整改清单").expect("整改清单");
    let head = header(&ledger);
    assert_eq!(
        ledger.height(),
        3 + 3 + 1 + 1,
        "office's three problems, logistics' one, the problem from outside"
    );
    assert_eq!(
        ledger.get((3, column(&head, "整改状态"))),
        Some(&Data::String("逾期未完成".into()))
    );
}

#[test]
fn a_printed_sheet_is_a4_landscape_one_page_wide_with_borders_and_repeated_titles() {
    let bytes = render(&fixture::round(), &with_unit()).expect("renders");
    // 汇总, 排名, 明细, 整改清单, 责任分解.
    for sheet in 1..=5 {
        let xml = fixture::unzip(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
        fixture::assert_well_formed(&xml);
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "sheet {sheet}: fit to page"
        );
        let setup = &xml[xml.find("<pageSetup ").expect("page setup")..];
        let setup = &setup[..setup.find("/>").unwrap_or(setup.len())];
        for attribute in [
            "paperSize=\"9\"",
            "orientation=\"landscape\"",
            "fitToHeight=\"0\"",
        ] {
            assert!(
                setup.contains(attribute),
                "sheet {sheet}: {attribute} in {setup}"
            );
        }
        assert!(!setup.contains("fitToWidth=\"0\""), "one page wide");
        assert!(xml.contains("<mergeCell ref=\"A1:"), "title row");
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "sheet {sheet} has a formula"
        );
        assert!(
            xml.contains("<pane ") && xml.contains("<autoFilter "),
            "frozen, filtered"
        );
        assert!(
            xml.contains("&amp;P / &amp;N"),
            "page numbers in the footer"
        );
    }
    let workbook = fixture::unzip(&bytes, "xl/workbook.xml");
    let titles: Vec<&str> = workbook
        .split("<definedName name=\"_xlnm.Print_Titles\"")
        .skip(1)
        .collect();
    assert_eq!(titles.len(), 5, "print titles on every sheet: {workbook}");
    assert!(
        titles.iter().all(|t| t.contains("!$1:$3</definedName>")),
        "{workbook}"
    );
    let styles = fixture::unzip(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("<left style=\"thin\">") && styles.contains("<bottom style=\"thin\">"),
        "thin borders"
    );
    let core = fixture::unzip(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>王敏</dc:creator>") && core.contains("2026-11-21T00:00:00Z")
    );
}

#[test]
fn rows_with_several_lines_are_tall_enough_to_show_them() {
    let bytes = render(&fixture::single(), &with_unit()).expect("renders");
    let xml = fixture::unzip(&bytes, "xl/worksheets/sheet2.xml");
    // Row 4 is 1.1, whose note has three lines.
    let row = &xml[xml.find("<row r=\"4\"").expect("row 4")..];
    let row = &row[..row.find('>').unwrap_or(row.len())];
    assert!(row.contains("customHeight=\"1\""), "{row}");
    let height: f64 = row
        .split("ht=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|h| h.parse().ok())
        .expect("a height");
    assert!(height >= 48.0, "three lines need 48 points, got {height}");
    let plain = &xml[xml.find("<row r=\"5\"").expect("row 5")..];
    assert!(
        !plain[..plain.find('>').unwrap_or(0)].contains("customHeight"),
        "one line keeps the default"
    );
}

#[test]
fn overdue_highlighting_is_evaluated_on_the_day_the_file_is_opened() {
    let bytes = render(&fixture::single(), &with_unit()).expect("renders");
    let ledger = fixture::unzip(&bytes, "xl/worksheets/sheet3.xml");
    let rule = &ledger[ledger.find("<conditionalFormatting").expect("a rule")..];
    assert!(
        rule.contains("TODAY()")
            && rule.contains("&lt;&gt;\"已销号\"")
            && rule.contains("&lt;&gt;\"待复查\")"),
        "{rule}"
    );
    let styles = fixture::unzip(&bytes, "xl/styles.xml");
    assert!(styles.contains("FFFFC7CE"), "overdue fill");
}

#[test]
fn a_huge_note_is_cut_to_fit_and_text_like_escapes_survive() {
    let mut report = fixture::single();
    let office = &mut report.sessions[0].session;
    let huge = "长".repeat(40_000);
    fixture::respond(office, "1.2", crate::model::session::Status::Pass, &huge);
    fixture::respond(
        office,
        "2.1",
        crate::model::session::Status::Pass,
        "_x0041_",
    );
    let bytes = render(&report, &Options::new(fixture::today())).expect("renders");
    let mut book = open(bytes);
    let detail = book.worksheet_range("明细").expect("明细");
    let note = column(&header(&detail), "备注");
    let cut = detail
        .get((4, note))
        .map(|c| c.to_string())
        .unwrap_or_default();
    assert!(cut.ends_with(TRUNCATED) && cut.chars().count() <= MAX_CELL_UNITS);
    assert_eq!(detail.get((6, note)), Some(&Data::String("_x0041_".into())));
}
