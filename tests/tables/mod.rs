//! Office tables built in the test, shaped like public 测评细则: a merged title row,
//! 一级指标 merged down its items, a 评分标准 column with per-occurrence and
//! once-only deductions, points written three ways, a row whose points cannot be
//! read, a 一票否决 part, a 加分 part, a total row and a note under the table.
#![allow(dead_code)]

use std::path::Path;

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
use rust_xlsxwriter::{Format, Workbook};

/// One row: (一级指标, 测评内容, 分值, 评分标准, 测评方法).
pub type Row = [&'static str; 5];

pub const HEADER: Row = ["测评项目", "测评内容", "分值", "评分标准", "测评方法"];
pub const TITLE: &str = "XX市文明单位测评细则（满分100分）";

/// The body rows; the first two share a merged 测评项目 cell, as do rows 3–5.
pub const ROWS: [Row; 9] = [
    [
        "一、领导班子好（10分）",
        "有年度学习计划，每月集中学习不少于一次",
        "6分",
        "未制定学习计划的，扣2分；每缺一次集中学习扣0.5分",
        "查阅资料、访谈",
    ],
    [
        "一、领导班子好（10分）",
        "班子成员讲团结（4分）",
        "",
        "缺一项扣1分。无记录的不得分",
        "访谈",
    ],
    [
        "二、环境卫生（90分）",
        "办公环境整洁",
        "10",
        "每发现一处脏乱扣1分，扣完为止",
        "实地查看",
    ],
    ["二、环境卫生（90分）", "绿化美观", "若干", "", "实地查看"],
    [
        "二、环境卫生（90分）",
        "垃圾分类，设施齐全",
        "80",
        "按A、B、C档评分，A档得满分",
        "实地查看",
    ],
    ["一票否决", "发生重大安全责任事故", "", "", "征求意见"],
    ["一票否决", "被列为失信主体", "", "", "征求意见"],
    ["加分项目", "获得市级以上表彰", "加3分", "", "查阅资料"],
    ["合计", "", "100", "", ""],
];
pub const NOTE: &str = "注：本表由市创建办负责解释。";

/// Runs of rows (0-based within ROWS) whose first cell is merged.
const MERGED_FIRST: [(usize, usize); 3] = [(0, 1), (2, 4), (5, 6)];

/// The city table as an .xlsx: title in row 1, header in row 2, body from row 3.
pub fn city_xlsx(path: &Path) {
    city_xlsx_with(path, &ROWS)
}

pub fn city_xlsx_with(path: &Path, rows: &[Row]) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("测评细则").expect("name");
    let plain = Format::new();
    sheet.merge_range(0, 0, 0, 4, TITLE, &plain).expect("title");
    for (col, text) in HEADER.iter().enumerate() {
        sheet.write_string(1, col as u16, *text).expect("header");
    }
    for (index, row) in rows.iter().enumerate() {
        let at = 2 + index as u32;
        for (col, text) in row.iter().enumerate() {
            if col == 0
                && MERGED_FIRST
                    .iter()
                    .any(|(a, b)| index >= *a && index <= *b && *b < rows.len())
            {
                continue;
            }
            if !text.is_empty() {
                sheet.write_string(at, col as u16, *text).expect("cell");
            }
        }
    }
    for (first, last) in MERGED_FIRST {
        if last < rows.len() {
            sheet
                .merge_range(
                    2 + first as u32,
                    0,
                    2 + last as u32,
                    0,
                    rows[first][0],
                    &plain,
                )
                .expect("merge");
        }
    }
    let note_row = 2 + rows.len() as u32;
    sheet
        .merge_range(note_row, 0, note_row, 4, NOTE, &plain)
        .expect("note");
    workbook.save(path).expect("save xlsx");
}

/// A workbook with two header rows (测评指标 over 一级指标/二级指标) and nested levels.
pub fn two_header_xlsx(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let plain = Format::new();
    sheet
        .merge_range(0, 0, 0, 1, "测评指标", &plain)
        .expect("group");
    for (col, text) in [(2, "测评内容"), (3, "分值"), (4, "评分标准")] {
        sheet
            .merge_range(0, col, 1, col, text, &plain)
            .expect("tall header");
    }
    sheet.write_string(1, 0, "一级指标").expect("h");
    sheet.write_string(1, 1, "二级指标").expect("h");
    let rows = [
        [
            "学雷锋活动",
            "工作机制",
            "有实施方案和志愿服务队伍",
            "50",
            "无实施方案扣5分；每少一支队伍扣2分",
        ],
        [
            "学雷锋活动",
            "活动开展",
            "每季度开展志愿服务",
            "50",
            "每少开展一次扣5分",
        ],
    ];
    sheet
        .merge_range(2, 0, 3, 0, "学雷锋活动", &plain)
        .expect("merge");
    for (index, row) in rows.iter().enumerate() {
        for (col, text) in row.iter().enumerate().skip(1) {
            sheet
                .write_string(2 + index as u32, col as u16, *text)
                .expect("cell");
        }
    }
    workbook.save(path).expect("save xlsx");
}

fn docx_cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

/// The city table as a Word table: the title a paragraph above it, the header as
/// table row 1, 测评项目 cells merged with w:vMerge, the note a w:gridSpan row.
pub fn city_docx(path: &Path) {
    let mut rows = vec![TableRow::new(HEADER.iter().map(|t| docx_cell(t)).collect())];
    for (index, row) in ROWS.iter().enumerate() {
        let cells = row
            .iter()
            .enumerate()
            .map(|(col, text)| {
                if col > 0 {
                    return docx_cell(text);
                }
                match MERGED_FIRST
                    .iter()
                    .find(|(a, b)| index >= *a && index <= *b)
                {
                    Some((first, _)) if *first == index => {
                        docx_cell(text).vertical_merge(VMergeType::Restart)
                    }
                    Some(_) => docx_cell("").vertical_merge(VMergeType::Continue),
                    None => docx_cell(text),
                }
            })
            .collect();
        rows.push(TableRow::new(cells));
    }
    rows.push(TableRow::new(vec![docx_cell(NOTE).grid_span(5)]));
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(TITLE)))
        .add_table(Table::new(rows));
    let file = std::fs::File::create(path).expect("create docx");
    doc.build().pack(file).expect("pack docx");
}

/// An .xlsx with a header and nothing under it.
pub fn empty_xlsx(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, text) in HEADER.iter().enumerate() {
        sheet.write_string(0, col as u16, *text).expect("header");
    }
    workbook.save(path).expect("save xlsx");
}

/// An .xlsx whose columns are not those of an evaluation table.
pub fn no_header_xlsx(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, cells) in [["物品", "数量", "存放地点"], ["桌子", "3", "会议室"]]
        .iter()
        .enumerate()
    {
        for (col, text) in cells.iter().enumerate() {
            sheet
                .write_string(row as u32, col as u16, *text)
                .expect("cell");
        }
    }
    workbook.save(path).expect("save xlsx");
}

/// What an encrypted Office file looks like: an OLE compound file with an
/// "EncryptedPackage" stream (the name in UTF-16).
pub fn password_protected(path: &Path) {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(vec![0u8; 504]);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend(vec![0u8; 1024]);
    std::fs::write(path, bytes).expect("write");
}
