//! Words of `checklists import` and `checklists form`: the import report, its
//! warnings and errors, in Chinese and English.

use super::Lang;
use crate::model::table_import::header::Role;
use crate::model::table_import::{Kind, RowRef, TableError};
use crate::ops::table_import::TableImportError;
use crate::store::table_read::{MAX_TABLE_FILE_BYTES, TableFileError};

/// Text with parameters is a function; a field missing in either language does not compile.
pub struct TableImportTexts {
    pub row: fn(RowRef) -> String,
    pub read_from: fn(file: &str, sheet: &str, header_rows: &str, columns: &str) -> String,
    pub title: fn(&str) -> String,
    pub section: fn(code: &str, title: &str) -> String,
    pub item: fn(code: &str, title: &str, points: &str, kind: Kind) -> String,
    pub deductions: fn(once: usize, per: usize) -> String,
    pub joined: fn(code: &str) -> String,
    pub total_row: fn(points: &str) -> String,
    pub clause: fn(code: &str, text: &str) -> String,
    pub unread_points: fn(text: &str) -> String,
    pub unread_no_item: fn(text: &str) -> String,
    pub unread_note: fn(text: &str) -> String,
    pub unread_all_of_no_points: fn(code: &str) -> String,
    pub summary:
        fn(sections: usize, items: usize, veto: usize, bonus: usize, penalty: usize) -> String,
    pub totals: fn(base: &str, bonus: &str, once: usize, per: usize) -> String,
    pub unread_count: fn(rows: usize, clauses: usize) -> String,
    pub warn_total: fn(total: &str, expected: &str, stated: bool) -> String,
    pub warn_section: fn(code: &str, title: &str, total: &str, stated: &str) -> String,
    pub warn_table_left_out: fn(table: usize) -> String,
    pub written: fn(path: &str, id: &str, version: u32) -> String,
    pub unchanged: fn(path: &str, id: &str, version: u32) -> String,
    pub revised: fn(id: &str, from: u32, to: u32, moved: usize) -> String,
    pub next_step: fn(id: &str) -> String,
    pub warning: &'static str,
    pub no_header: fn(file: &str, found: &str, expected: &str) -> String,
    pub empty: fn(file: &str) -> String,
    pub bad_id: fn(id: &str) -> String,
    pub form_written: fn(path: &str, id: &str, version: u32, items: usize) -> String,
    pub role: fn(Role) -> &'static str,
}

fn zh_role(role: Role) -> &'static str {
    match role {
        Role::Code => "编号",
        Role::Level => "章节",
        Role::Content => "条目",
        Role::Standard => "标准",
        Role::Points => "分值",
        Role::Scoring => "扣分",
        Role::Methods => "方法",
        Role::Owners => "责任",
        Role::Evidence => "资料",
        Role::Blank => "不读",
    }
}

fn en_role(role: Role) -> &'static str {
    match role {
        Role::Code => "code",
        Role::Level => "section",
        Role::Content => "item",
        Role::Standard => "standard",
        Role::Points => "points",
        Role::Scoring => "deductions",
        Role::Methods => "methods",
        Role::Owners => "owners",
        Role::Evidence => "evidence",
        Role::Blank => "left out",
    }
}

fn zh_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Base => "",
        Kind::Veto => "（一票否决）",
        Kind::Bonus => "（加分项）",
        Kind::Penalty => "（负面清单）",
    }
}

fn en_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Base => "",
        Kind::Veto => " (veto)",
        Kind::Bonus => " (bonus)",
        Kind::Penalty => " (penalty)",
    }
}

pub const ZH: TableImportTexts = TableImportTexts {
    row: |at| match at.table {
        Some(table) => format!("表{table}第{}行", at.row),
        None => format!("第{}行", at.row),
    },
    read_from: |file, sheet, rows, columns| {
        let sheet = if sheet.is_empty() {
            String::new()
        } else {
            format!("工作表「{sheet}」，")
        };
        format!("读取 {file}：{sheet}表头在{rows}；列：{columns}")
    },
    title: |title| format!("标题：{title}"),
    section: |code, title| format!("章节 {code} {title}"),
    item: |code, title, points, kind| match kind {
        Kind::Veto => format!("条目 {code} {title}{}", zh_kind(kind)),
        _ => format!("条目 {code} {title}  {points}分{}", zh_kind(kind)),
    },
    deductions: |once, per| match (once, per) {
        (0, 0) => String::new(),
        (once, 0) => format!("  扣分规则{once}条"),
        (once, per) => format!("  扣分规则{}条（按次计{per}条）", once + per),
    },
    joined: |code| format!("并入条目 {code}（分值单元格跨行）"),
    total_row: |points| format!("合计行：{points}分"),
    clause: |code, text| format!("条目 {code} 的评分说明未能识别（原文保留在标准中）：{text}"),
    unread_points: |text| format!("未读取：分值「{text}」不是数字"),
    unread_no_item: |text| format!("未读取：没有条目内容（{text}）"),
    unread_note: |text| format!("未读取（表注）：{text}"),
    unread_all_of_no_points: |code| format!("条目 {code}：「不得分」但该条没有分值，未设扣分"),
    summary: |sections, items, veto, bonus, penalty| {
        format!(
            "共 {sections} 个章节、{items} 个条目（一票否决 {veto}，加分项 {bonus}，负面清单 {penalty}）"
        )
    },
    totals: |base, bonus, once, per| {
        format!(
            "基础分合计 {base} 分，加分 {bonus} 分；扣分规则 {} 条（按次计 {per} 条）",
            once + per
        )
    },
    unread_count: |rows, clauses| format!("未能读取 {rows} 行；未识别的评分说明 {clauses} 处"),
    warn_total: |total, expected, stated| {
        if stated {
            format!("基础分合计 {total} 分，与表中所列总分 {expected} 分不符")
        } else {
            format!("基础分合计 {total} 分，不是 {expected} 分")
        }
    },
    warn_section: |code, title, total, stated| {
        format!("章节 {code} {title}：条目合计 {total} 分，与表中所列 {stated} 分不符")
    },
    warn_table_left_out: |table| format!("第 {table} 个表格没有可识别的表头，未读取"),
    written: |path, id, version| format!("已写入 {path}（{id} v{version}）"),
    unchanged: |path, id, version| format!("{path} 已是同样内容（{id} v{version}），未改写"),
    revised: |id, from, to, moved| {
        if moved == 0 {
            format!("{id} 内容有变：v{from} → v{to}")
        } else {
            format!("{id} 内容有变：v{from} → v{to}，{moved} 个条目编号变动已记入 renamed")
        }
    },
    next_step: |id| format!("开始检查：zicha new --checklist {id} --department 部门 --round 轮次"),
    warning: "警告：",
    no_header: |file, found, expected| {
        format!("{file}：找不到可识别的表头。找到的是：{found}；应有如下列名：{expected}")
    },
    empty: |file| format!("{file}：表格是空的，表头下没有条目"),
    bad_id: |id| format!("--id {id:?} 只能由 1–64 个 a-z、0-9 和 - 组成"),
    form_written: |path, id, version, items| {
        format!("已写入 {path}（{id} v{version} 空白检查表，{items} 个条目）")
    },
    role: zh_role,
};

pub const EN: TableImportTexts = TableImportTexts {
    row: |at| match at.table {
        Some(table) => format!("table {table} row {}", at.row),
        None => format!("row {}", at.row),
    },
    read_from: |file, sheet, rows, columns| {
        let sheet = if sheet.is_empty() {
            String::new()
        } else {
            format!("sheet {sheet:?}, ")
        };
        format!("read {file}: {sheet}header at {rows}; columns: {columns}")
    },
    title: |title| format!("title: {title}"),
    section: |code, title| format!("section {code} {title}"),
    item: |code, title, points, kind| match kind {
        Kind::Veto => format!("item {code} {title}{}", en_kind(kind)),
        _ => format!("item {code} {title}  {points} points{}", en_kind(kind)),
    },
    deductions: |once, per| match (once, per) {
        (0, 0) => String::new(),
        (once, 0) => format!("  {once} deductions"),
        (once, per) => format!("  {} deductions ({per} per occurrence)", once + per),
    },
    joined: |code| format!("added to item {code} (its points cell spans the rows)"),
    total_row: |points| format!("total row: {points} points"),
    clause: |code, text| {
        format!("item {code}: scoring text not understood (kept in the standard): {text}")
    },
    unread_points: |text| format!("not read: the points {text:?} are not a number"),
    unread_no_item: |text| format!("not read: no item text ({text})"),
    unread_note: |text| format!("not read (a note): {text}"),
    unread_all_of_no_points: |code| {
        format!("item {code}: \"不得分\" but the item has no points; no deduction made")
    },
    summary: |sections, items, veto, bonus, penalty| {
        format!(
            "{sections} sections, {items} items ({veto} veto, {bonus} bonus, {penalty} penalty)"
        )
    },
    totals: |base, bonus, once, per| {
        format!(
            "base points {base}, bonus {bonus}; {} deductions ({per} per occurrence)",
            once + per
        )
    },
    unread_count: |rows, clauses| {
        format!("{rows} rows not read; {clauses} scoring texts not understood")
    },
    warn_total: |total, expected, stated| {
        if stated {
            format!("the base items add up to {total}, not the table's stated total of {expected}")
        } else {
            format!("the base items add up to {total}, not {expected}")
        }
    },
    warn_section: |code, title, total, stated| {
        format!(
            "section {code} {title}: its items add up to {total}, not the {stated} its heading states"
        )
    },
    warn_table_left_out: |table| format!("table {table} has no recognisable header; left out"),
    written: |path, id, version| format!("wrote {path} ({id} v{version})"),
    unchanged: |path, id, version| {
        format!("{path} already says the same ({id} v{version}); not rewritten")
    },
    revised: |id, from, to, moved| {
        format!("{id} changed: v{from} → v{to}; {moved} moved item codes recorded in renamed")
    },
    next_step: |id| format!("start: zicha new --checklist {id} --department NAME --round LABEL"),
    warning: "warning: ",
    no_header: |file, found, expected| {
        format!(
            "{file}: no recognisable header row. Found: {found}; expected column names such as: {expected}"
        )
    },
    empty: |file| format!("{file}: the table is empty: no item rows under the header"),
    bad_id: |id| format!("--id {id:?} must be 1–64 characters of a-z, 0-9 and '-'"),
    form_written: |path, id, version, items| {
        format!("wrote {path} (blank form of {id} v{version}, {items} items)")
    },
    role: en_role,
};

pub fn texts(lang: Lang) -> &'static TableImportTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// An import error in the user's language.
pub fn error(lang: Lang, error: &TableImportError) -> String {
    let t = texts(lang);
    let zh = lang == Lang::Zh;
    match error {
        TableImportError::Table { file, error } => match error {
            TableError::NoHeader { found, expected } => {
                let separator = if zh { "、" } else { ", " };
                (t.no_header)(file, &found.join(separator), &expected.join(separator))
            }
            TableError::Empty => (t.empty)(file),
        },
        TableImportError::BadId(id) => (t.bad_id)(id),
        TableImportError::File(file) if zh => file_error_zh(file),
        TableImportError::Store(store) => super::errors::store_error(lang, store),
        other => other.to_string(),
    }
}

fn file_error_zh(error: &TableFileError) -> String {
    match error {
        TableFileError::Read { path, source } => format!("无法读取 {}：{source}", path.display()),
        TableFileError::NotAFile { path } => format!("{} 不是普通文件", path.display()),
        TableFileError::TooLarge { path } => format!(
            "{} 超过 {} MiB，不像是一张测评表",
            path.display(),
            MAX_TABLE_FILE_BYTES >> 20
        ),
        TableFileError::Password { path } => format!(
            "{} 设有密码保护；请另存一份不带密码的文件再导入",
            path.display()
        ),
        TableFileError::OldFormat { path } => format!(
            "{} 是旧版 .doc/.xls 格式；请另存为 .docx 或 .xlsx 再导入",
            path.display()
        ),
        TableFileError::UnknownKind { path } => {
            format!("{} 既不是 .xlsx 工作簿，也不是 .docx 文档", path.display())
        }
        TableFileError::Corrupt { path, kind, detail } => {
            format!(
                "{} 已损坏，或并非真正的 {kind} 文件：{detail}",
                path.display()
            )
        }
        TableFileError::NoSuchSheet {
            path,
            wanted,
            found,
        } => format!(
            "{} 中没有工作表「{wanted}」；现有工作表：{}",
            path.display(),
            found.join("、")
        ),
    }
}
