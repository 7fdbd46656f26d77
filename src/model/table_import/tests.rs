//! Whole tables → checklists: the shapes of real 测评细则 (merged section cells, a
//! 评分标准 column, a veto part, a 加分 part, points written three ways, two header
//! rows), and the report row by row.

use super::*;
use crate::model::checklist::Deduction;
use crate::model::validate::validate;

fn options(id: &str) -> ImportOptions {
    ImportOptions {
        id: id.into(),
        title: None,
        file_stem: "细则".into(),
    }
}

fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|t| t.to_string()).collect())
        .collect()
}

fn range(first_row: usize, first_col: usize, last_row: usize, last_col: usize) -> MergedRange {
    MergedRange {
        first_row,
        first_col,
        last_row,
        last_col,
    }
}

/// A city table: title row, header, 一级指标 merged down, 评分标准 prose, points three
/// ways, a row with bad points, a veto part and a 加分 part, a total row.
pub(crate) fn city_table() -> Table {
    let rows = grid(&[
        &["文明单位测评细则（满分100分）", "", "", "", ""],
        &["测评项目", "测评内容", "分值", "评分标准", "测评方法"],
        &[
            "一、领导班子好（10分）",
            "有年度学习计划，每月集中学习不少于一次",
            "6分",
            "未制定学习计划的，扣2分；每缺一次集中学习扣0.5分",
            "查阅资料、访谈",
        ],
        &[
            "",
            "班子成员讲团结（4分）",
            "",
            "缺一项扣1分。无记录的不得分",
            "访谈",
        ],
        &[
            "环境卫生",
            "办公环境整洁",
            "10",
            "每发现一处脏乱扣1分，扣完为止",
            "实地查看",
        ],
        &["环境卫生", "绿化美观", "若干", "", "实地查看"],
        &[
            "环境卫生",
            "垃圾分类",
            "80",
            "按A、B、C档评分，A档得满分",
            "实地查看",
        ],
        &["一票否决", "发生重大安全责任事故", "", "", "征求意见"],
        &["一票否决", "被列为失信主体", "", "", "征求意见"],
        &["加分项目", "获得市级以上表彰", "加3分", "", "查阅资料"],
        &["合计", "", "100", "", ""],
        &["注：本表由创建办负责解释", "", "", "", ""],
    ]);
    let merges = [range(0, 0, 0, 4), range(2, 0, 3, 0), range(11, 0, 11, 4)];
    Table::from_grid("测评细则", rows, &merges, 1)
}

#[test]
fn a_city_table_becomes_a_valid_checklist() {
    let imported = import_tables(&[city_table()], &options("xize")).expect("imports");
    let checklist = &imported.checklist;
    assert!(validate(checklist).is_empty(), "{:?}", validate(checklist));
    assert_eq!(checklist.title, "文明单位测评细则（满分100分）");
    let sections: Vec<(&str, &str)> = checklist
        .sections
        .iter()
        .map(|s| (s.code.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("1", "领导班子好"),
            ("2", "环境卫生"),
            ("3", "一票否决"),
            ("4", "加分项目")
        ]
    );
    let items: Vec<(&str, f64)> = checklist
        .items()
        .iter()
        .map(|i| (i.code.as_str(), i.points))
        .collect();
    assert_eq!(
        items,
        [
            ("1.1", 6.0),
            ("1.2", 4.0),
            ("2.1", 10.0),
            ("2.2", 80.0),
            ("3.1", 0.0),
            ("3.2", 0.0),
            ("4.1", 3.0)
        ]
    );
    let first = checklist.item("1.1").expect("1.1");
    assert_eq!(first.title, "有年度学习计划，每月集中学习不少于一次");
    assert_eq!(
        first.deductions,
        [
            Deduction::once("未制定学习计划", 2.0),
            Deduction::per("每缺一次集中学习", 0.5, "次")
        ]
    );
    assert_eq!(
        first.standard.as_deref(),
        Some(
            "有年度学习计划，每月集中学习不少于一次\n未制定学习计划的，扣2分；每缺一次集中学习扣0.5分"
        )
    );
    assert_eq!(first.methods, ["查阅资料", "访谈"]);
    let second = checklist.item("1.2").expect("1.2");
    assert_eq!(second.title, "班子成员讲团结");
    assert_eq!(
        second.deductions,
        [
            Deduction::once("缺一项", 1.0),
            Deduction::once("无记录", 4.0)
        ]
    );
    assert_eq!(
        checklist.item("2.1").map(|i| i.deductions.clone()),
        Some(vec![Deduction::per("每发现一处脏乱", 1.0, "处")])
    );
    assert!(checklist.item("3.1").is_some_and(|i| i.veto));
    assert!(checklist.item("4.1").is_some_and(|i| i.bonus));
}

#[test]
fn the_report_names_rows_as_the_sheet_numbers_them() {
    let report = import_tables(&[city_table()], &options("xize"))
        .expect("imports")
        .report;
    assert_eq!(
        report.tables[0].header_rows,
        [RowRef {
            table: None,
            row: 2
        }]
    );
    let unread: Vec<(usize, Unread)> = report
        .unread()
        .map(|(at, why)| (at.row, why.clone()))
        .collect();
    assert_eq!(
        unread,
        [
            (6, Unread::Points("若干".into())),
            (12, Unread::Note("注：本表由创建办负责解释".into()))
        ]
    );
    let clauses: Vec<(usize, &str)> = report
        .unread_clauses()
        .map(|(at, _, text)| (at.row, text))
        .collect();
    assert_eq!(clauses, [(7, "按A、B、C档评分，A档得满分")]);
    assert!(report.notes.contains(&RowNote {
        at: RowRef {
            table: None,
            row: 11
        },
        noted: Noted::Total { points: 100.0 }
    }));
    assert!(report.notes.contains(&RowNote {
        at: RowRef {
            table: None,
            row: 3
        },
        noted: Noted::Section {
            code: "1".into(),
            title: "领导班子好".into()
        }
    }));
    assert_eq!((report.items, report.veto, report.bonus), (7, 2, 1));
    assert_eq!((report.deductions_once, report.deductions_per), (3, 2));
    assert_eq!(report.base_total, 100.0);
    assert_eq!(report.stated_total, Some(100.0));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn totals_that_do_not_add_up_are_warned() {
    let rows = grid(&[
        &["测评项目", "测评内容", "分值"],
        &["学习（10分）", "有学习计划", "4"],
        &["学习（10分）", "有学习记录", "4"],
    ]);
    let report = import_tables(&[Table::from_grid("", rows, &[], 1)], &options("t"))
        .expect("imports")
        .report;
    assert_eq!(
        report.warnings,
        [
            Warning::Section {
                code: "1".into(),
                title: "学习".into(),
                total: 8.0,
                stated: 10.0
            },
            Warning::Total {
                total: 8.0,
                expected: 100.0,
                stated: false
            }
        ]
    );
}

#[test]
fn two_header_rows_and_two_levels_make_nested_sections() {
    let rows = grid(&[
        &["测评指标", "测评指标", "测评内容", "分值", "评分标准"],
        &["一级指标", "二级指标", "测评内容", "分值", "评分标准"],
        &[
            "学雷锋活动（8分）",
            "工作机制",
            "有实施方案",
            "4",
            "无实施方案扣4分",
        ],
        &[
            "学雷锋活动（8分）",
            "活动开展",
            "每季度开展活动",
            "4",
            "每少开展一次扣1分",
        ],
        &["负面清单", "", "发生违纪问题", "", "每起扣2分"],
    ]);
    let merges = [
        range(0, 0, 0, 1),
        range(0, 2, 1, 2),
        range(0, 3, 1, 3),
        range(0, 4, 1, 4),
        range(2, 0, 3, 0),
    ];
    let imported =
        import_tables(&[Table::from_grid("", rows, &merges, 3)], &options("t")).expect("imports");
    let report = &imported.report;
    assert_eq!(
        report.tables[0]
            .header_rows
            .iter()
            .map(|r| r.row)
            .collect::<Vec<_>>(),
        [3, 4]
    );
    let checklist = &imported.checklist;
    assert!(validate(checklist).is_empty(), "{:?}", validate(checklist));
    let codes: Vec<&str> = checklist.items().iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["1.1.1", "1.2.1", "2.1"]);
    assert_eq!(checklist.sections[0].sections[1].title, "活动开展");
    let penalty = checklist.item("2.1").expect("2.1");
    assert!(penalty.penalty);
    assert_eq!(penalty.points, 2.0);
    assert_eq!(penalty.deductions, [Deduction::per("每起", 2.0, "起")]);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Total { total, .. } if *total == 8.0))
    );
}

#[test]
fn a_points_cell_merged_down_joins_the_rows_into_one_item() {
    let rows = grid(&[
        &["项目", "内容", "分值", "考核办法"],
        &["档案", "有创建计划", "6", "无计划扣2分"],
        &["档案", "有活动记录", "", "每缺一期扣1分"],
    ]);
    let imported = import_tables(
        &[Table::from_grid("", rows, &[range(1, 2, 2, 2)], 1)],
        &options("t"),
    )
    .expect("imports");
    let items = imported.checklist.items();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].standard.as_deref(),
        Some("有创建计划\n无计划扣2分\n有活动记录\n每缺一期扣1分")
    );
    assert_eq!(items[0].deductions.len(), 2);
    assert!(imported.report.notes.contains(&RowNote {
        at: RowRef {
            table: None,
            row: 3
        },
        noted: Noted::Joined { code: "1.1".into() }
    }));
}

#[test]
fn item_codes_come_from_a_code_column_when_every_row_has_one() {
    let rows = grid(&[
        &["编号", "项目", "内容", "分值"],
        &["3.1", "环境", "窗明几净", "5"],
        &["3.4", "环境", "绿化美观", "（5分）"],
    ]);
    let imported =
        import_tables(&[Table::from_grid("", rows, &[], 1)], &options("t")).expect("imports");
    let codes: Vec<&str> = imported
        .checklist
        .items()
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["3.1", "3.4"]);
}

#[test]
fn no_header_and_empty_tables_are_errors() {
    let rows = grid(&[&["名称", "数量"], &["桌子", "3"]]);
    let error = import_tables(&[Table::from_grid("", rows, &[], 1)], &options("t")).unwrap_err();
    match error {
        TableError::NoHeader { found, expected } => {
            assert_eq!(found, ["名称", "数量"]);
            assert!(expected.contains(&"测评内容") && expected.contains(&"分值"));
        }
        other => panic!("{other:?}"),
    }
    let header_only = grid(&[&["测评项目", "测评内容", "分值"], &["", "", ""]]);
    assert_eq!(
        import_tables(&[Table::from_grid("", header_only, &[], 1)], &options("t")).unwrap_err(),
        TableError::Empty
    );
    assert_eq!(
        import_tables(&[], &options("t")).unwrap_err(),
        TableError::Empty
    );
}

#[test]
fn plain_row_numbers_in_a_code_column_are_not_taken_as_codes() {
    let rows = grid(&[
        &["序号", "项目", "内容", "分值"],
        &["1", "环境", "窗明几净", "5"],
        &["2", "环境", "绿化美观", "5"],
    ]);
    let imported =
        import_tables(&[Table::from_grid("", rows, &[], 1)], &options("t")).expect("imports");
    let codes: Vec<&str> = imported
        .checklist
        .items()
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["1.1", "1.2"]);
}
