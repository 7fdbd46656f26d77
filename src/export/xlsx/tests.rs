use super::sheet::{MAX_CELL_UNITS, display_width, fit_cell};
use super::*;
use crate::export::fixture;
use calamine::{Data, Reader, Xlsx};

const TRUNCATED: &str = "…（内容过长，已截断）";

fn open(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(bytes)).expect("a readable workbook")
}

fn with_unit() -> Options {
    let mut options = Options::new(fixture::today());
    options.unit = Some("某某区教育局".into());
    options
}

fn header(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .nth(sheet::HEADER_ROW as usize)
        .unwrap_or_default()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
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

/// 整改清单 carries the loop: 责任科室, 责任人, 措施, 落实 and 复查; a problem from
/// outside has its P- id and source; a round's 责任分解 has its own sheet.
#[test]
fn the_rectification_sheet_has_recheck_columns_and_the_round_a_duties_sheet() {
    let bytes = render(&fixture::round(), &with_unit()).expect("renders");
    let mut book = open(bytes);
    let ledger = book.worksheet_range("整改清单").expect("整改清单");
    let head = header(&ledger);
    assert_eq!(
        head,
        [
            "来源",
            "检查日期",
            "部门",
            "编号",
            "检查项目",
            "评定",
            "扣分",
            "问题描述",
            "扣分项",
            "责任科室",
            "责任人",
            "整改措施",
            "整改时限",
            "整改状态",
            "落实日期",
            "落实情况",
            "复查结果",
            "复查人",
            "复查日期",
            "复查意见"
        ]
    );
    let cells = |code: &str| -> Vec<String> {
        ledger
            .rows()
            .find(|row| row[column(&head, "编号")] == Data::String(code.into()))
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .unwrap_or_else(|| panic!("{code}"))
    };
    let cell = |row: &[String], name: &str| row[column(&head, name)].clone();
    let overdue = cells("1.1");
    assert_eq!(cell(&overdue, "来源"), "2026年11月自查");
    assert_eq!(cell(&overdue, "责任科室"), "办公室");
    assert_eq!(cell(&overdue, "整改措施"), "补开中心组学习会");
    assert_eq!(cell(&overdue, "整改状态"), "逾期未完成");
    let closed = cells("1.3.1");
    assert_eq!(
        (cell(&closed, "责任科室"), cell(&closed, "责任人")),
        ("党群室".into(), "张华".into())
    );
    assert_eq!(cell(&closed, "整改状态"), "已销号");
    assert_eq!(cell(&closed, "落实情况"), "已补记录");
    assert_eq!(
        (cell(&closed, "复查结果"), cell(&closed, "复查人")),
        ("通过".into(), "赵强".into())
    );
    assert_eq!(cell(&closed, "复查意见"), "复查合格");
    let closed_row = ledger
        .rows()
        .find(|row| row[column(&head, "编号")] == Data::String("1.3.1".into()))
        .expect("1.3.1");
    assert!(
        matches!(closed_row[column(&head, "复查日期")], Data::DateTime(_)),
        "a date cell"
    );
    let problem = cells("P-01930000-0000-7000-8000-000000000077");
    assert_eq!(cell(&problem, "来源"), "市文明办通报");
    assert_eq!(cell(&problem, "部门"), "党群室");
    assert_eq!(cell(&problem, "检查项目"), "宣传栏内容过期");
    assert_eq!(cell(&problem, "责任人"), "周涛");
    assert_eq!(cell(&problem, "整改状态"), "未完成");

    let duties = book.worksheet_range("责任分解").expect("责任分解");
    let rows: Vec<Vec<String>> = duties
        .rows()
        .skip(sheet::HEADER_ROW as usize)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "牵头科室",
            "牵头条目",
            "失分",
            "待整改",
            "判定",
            "检查部门",
            "编号",
            "检查项目",
            "该项失分"
        ]
    );
    assert_eq!(rows[1][..5], ["办公室", "4", "2", "1", "取消评优资格"]);
    assert_eq!(rows[2][5..9], ["办公室", "1.1", "中心组学习", "2"]);
    assert_eq!(rows[3][..5], ["后勤服务中心", "2", "1.5", "0", ""]);

    let sheet = fixture::unzip(
        &render(&fixture::round(), &with_unit()).expect("renders"),
        "xl/worksheets/sheet5.xml",
    );
    assert!(
        sheet.contains("<formula>$E4=\"取消评优资格\"</formula>"),
        "a disqualified department's rows are red: {sheet}"
    );
    let single = open_names(render(&fixture::single(), &with_unit()).expect("renders"));
    assert_eq!(
        single,
        ["汇总", "明细", "整改清单"],
        "no 责任分解 outside a round"
    );
    let mut book = open(render(&fixture::single(), &with_unit()).expect("renders"));
    let ledger = book.worksheet_range("整改清单").expect("整改清单");
    assert_eq!(header(&ledger)[0], "轮次", "sessions: the round, no source");
}

fn open_names(bytes: Vec<u8>) -> Vec<String> {
    open(bytes).sheet_names()
}

#[test]
fn a_rounds_ranking_sheet_lists_the_board_with_band_words_and_on_time_rates() {
    use crate::model::board::FollowUp;
    use calamine::DataType as _;
    let mut report = fixture::round();
    let office = report
        .sessions
        .iter()
        .find(|one| one.session.department == "办公室")
        .expect("办公室")
        .session
        .id;
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
    // One closed on its due date, one a day late: 50 %.
    report.follow_ups.insert(
        office,
        vec![
            FollowUp {
                due: day(10),
                closed_on: day(10),
            },
            FollowUp {
                due: day(10),
                closed_on: day(11),
            },
        ],
    );
    let mut book = open(render(&report, &with_unit()).expect("renders"));
    let range = book.worksheet_range("排名").expect("a 排名 sheet");
    let header = header(&range);
    assert_eq!(
        header,
        [
            "名次",
            "部门",
            "得分率",
            "扣分",
            "结论",
            "已查",
            "未销号整改",
            "按时整改率",
            "分档"
        ]
    );
    let rows: Vec<Vec<Data>> = range
        .rows()
        .skip(sheet::HEADER_ROW as usize + 1)
        .map(<[Data]>::to_vec)
        .collect();
    let board = crate::export::board::of_report(&report, &Default::default());
    assert_eq!(rows.len(), board.len());
    assert_eq!(rows.len(), 3, "the round's three departments");
    let percents: Vec<f64> = rows
        .iter()
        .map(|row| row[column(&header, "得分率")].as_f64().unwrap_or(-1.0))
        .collect();
    assert!(
        percents.is_sorted_by(|a, b| a >= b),
        "best first: {percents:?}"
    );
    for (row, expected) in rows.iter().zip(&board) {
        assert_eq!(row[0].as_f64(), Some(expected.rank as f64));
        assert_eq!(row[1].to_string(), expected.department);
        let band = row[column(&header, "分档")].to_string();
        assert_eq!(band, crate::i18n::Lang::Zh.band(expected.band));
        let on_time = &row[column(&header, "按时整改率")];
        if expected.department == "办公室" {
            assert_eq!(on_time.as_f64(), Some(0.5), "stored as a percent cell");
        } else {
            assert_eq!(on_time.to_string(), "", "none closed: empty");
        }
    }
    // Sessions exported one by one have no board.
    let single = open(render(&fixture::single(), &with_unit()).expect("renders"));
    assert!(!single.sheet_names().contains(&"排名".to_string()));
}
