//! The round's sheets beyond the items: 整改清单 with its 复查 columns, 责任分解
//! and 排名.

use super::tests::{column, header, open, with_unit};
use super::*;
use crate::export::fixture;
use calamine::{Data, Reader};

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
