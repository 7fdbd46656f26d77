use super::*;

#[test]
fn long_text_is_cut_to_excels_cell_limit_on_whole_characters() {
    let long = "😀".repeat(20_000);
    let cut = fit_cell(&long);
    assert!(cut.encode_utf16().count() <= MAX_CELL_UNITS);
    assert!(cut.ends_with(TRUNCATED));
    assert_eq!(fit_cell("短"), "短");
}

#[test]
fn widths_count_chinese_as_two() {
    assert_eq!(display_width("办公室"), 6);
    assert_eq!(display_width("ab\n办公室x"), 7);
}

use crate::export::fixture;
use calamine::{Data, Reader, Xlsx};

fn open(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(bytes)).expect("a readable workbook")
}

#[test]
fn sheets_headers_strings_and_numbers_read_back() {
    let bytes = render(&fixture::round(), &Options::new(fixture::today())).expect("renders");
    let mut book = open(bytes);
    assert_eq!(book.sheet_names(), ["汇总", "明细", "整改清单"]);

    let summary = book.worksheet_range("汇总").expect("汇总");
    let header: Vec<String> = summary
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, SUMMARY_COLUMNS);
    assert_eq!(summary.height(), 4, "header and three departments");
    assert_eq!(summary.get((1, 2)), Some(&Data::String("办公室".into())));
    assert_eq!(
        summary.get((1, 5)),
        Some(&Data::Float(2.0 + 3.0 + 5.0 + 2.0)),
        "score"
    );
    assert_eq!(summary.get((1, 12)), Some(&Data::String("是(3.1)".into())));

    let detail = book.worksheet_range("明细").expect("明细");
    let header: Vec<String> = detail
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, ITEM_COLUMNS);
    assert_eq!(detail.height(), 1 + 3 * 8);
    let office_1_1 = detail.rows().nth(1).expect("first item row");
    assert_eq!(office_1_1[5], Data::String("1.1".into()), "codes stay text");
    assert_eq!(office_1_1[8], Data::Float(4.0));
    assert_eq!(office_1_1[9], Data::Float(2.0));
    assert_eq!(office_1_1[10], Data::Float(2.0));
    assert!(
        matches!(office_1_1[1], Data::DateTime(_)),
        "dates are dates"
    );
    let note = office_1_1[11].to_string();
    assert!(
        note.starts_with("=HYPERLINK(\"http://x\",\"点我\")\n+1-2\t-3 @SUM(A1)\n<script>"),
        "{note:?}"
    );
    assert!(note.ends_with("😀") && !note.contains('\u{1b}'));

    let ledger = book.worksheet_range("整改清单").expect("整改清单");
    assert_eq!(
        ledger.height(),
        1 + 3 + 1,
        "office's three problems, logistics' one"
    );
    assert_eq!(
        ledger.get((1, 11)),
        Some(&Data::String("逾期未完成".into()))
    );
}

#[test]
fn formulas_never_appear_and_hostile_xml_stays_well_formed() {
    let bytes = render(&fixture::single(), &Options::new(fixture::today())).expect("renders");
    for sheet in 1..=3 {
        let xml = fixture::unzip(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "sheet {sheet} has a formula"
        );
        assert!(
            xml.contains("<pane ") && xml.contains("<autoFilter "),
            "frozen, filtered"
        );
        fixture::assert_well_formed(&xml);
    }
    fixture::assert_well_formed(&fixture::unzip(&bytes, "xl/sharedStrings.xml"));
    assert!(
        fixture::unzip(&bytes, "xl/styles.xml").contains("FFFFC7CE"),
        "overdue fill"
    );
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
    let note = detail
        .get((2, 11))
        .map(|c| c.to_string())
        .unwrap_or_default();
    assert!(note.ends_with(TRUNCATED) && note.chars().count() <= MAX_CELL_UNITS);
    assert_eq!(detail.get((4, 11)), Some(&Data::String("_x0041_".into())));
}
