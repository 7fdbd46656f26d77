//! Finding the header of an office's table and what each column holds, by the
//! header text (DESIGN §13); one or two header rows.

use super::{Cell, Merge, TableRow};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 序号, 编号: an item code when it looks like one ("1.2").
    Code,
    /// 一级指标, 二级指标, 项目, 测评项目…: sections, and the item where there is no content column.
    Level,
    /// 内容, 测评内容: the item's text.
    Content,
    /// 测评标准, 标准, 要求: kept in the standard; the item's text when there is no content column.
    Standard,
    /// 分值, 分数, 满分.
    Points,
    /// 评分标准, 扣分标准, 考核办法: prose that becomes deductions.
    Scoring,
    /// 测评方法, 方法.
    Methods,
    /// 责任科室, 责任部门, 牵头科室.
    Owners,
    /// 佐证材料, 资料.
    Evidence,
    /// 检查情况, 得分, 备注: filled in on a walk; recognised and left out.
    Blank,
}

const NAMES: &[(Role, &[&str])] = &[
    (Role::Code, &["序号", "编号", "序", "代码"]),
    (
        Role::Level,
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "测评项目",
            "项目",
            "测评指标",
            "指标",
            "考核项目",
            "检查项目",
            "考评项目",
            "评价指标",
            "考核指标",
            "类别",
            "测评类别",
            "指标名称",
            "项目名称",
        ],
    ),
    (
        Role::Content,
        &[
            "内容",
            "测评内容",
            "考核内容",
            "检查内容",
            "工作内容",
            "评价内容",
            "具体内容",
            "指标内容",
            "创建内容",
            "测评要点",
            "考核要点",
        ],
    ),
    (
        Role::Standard,
        &[
            "测评标准",
            "标准",
            "考核标准",
            "检查标准",
            "评价标准",
            "创建标准",
            "具体要求",
            "要求",
            "工作要求",
            "达标要求",
            "基本要求",
        ],
    ),
    (
        Role::Points,
        &[
            "分值",
            "分数",
            "满分",
            "标准分",
            "基本分",
            "应得分",
            "分值分",
        ],
    ),
    (
        Role::Scoring,
        &[
            "评分标准",
            "扣分标准",
            "考核办法",
            "评分办法",
            "评分细则",
            "计分办法",
            "评分方法",
            "扣分办法",
            "评分说明",
            "考核评分标准",
            "评分规则",
            "扣分说明",
            "扣分细则",
        ],
    ),
    (
        Role::Methods,
        &[
            "测评方法",
            "方法",
            "考核方法",
            "检查方法",
            "评价方法",
            "测评方式",
            "考核方式",
            "检查方式",
        ],
    ),
    (
        Role::Owners,
        &[
            "责任科室",
            "责任部门",
            "牵头科室",
            "牵头部门",
            "责任单位",
            "牵头单位",
            "责任处室",
            "责任科室站",
        ],
    ),
    (
        Role::Evidence,
        &[
            "佐证材料",
            "资料",
            "佐证资料",
            "台账资料",
            "测评资料",
            "所需资料",
            "备查资料",
            "材料",
            "佐证",
        ],
    ),
    (
        Role::Blank,
        &[
            "检查情况",
            "得分",
            "备注",
            "实得分",
            "自评分",
            "自查得分",
            "自查情况",
            "扣分",
            "扣分原因",
            "存在问题",
        ],
    ),
];

/// The header names a table may use, one list per kind, for the "no header" message.
pub fn expected_names() -> Vec<&'static str> {
    NAMES
        .iter()
        .filter(|(role, _)| *role != Role::Blank)
        .flat_map(|(_, names)| names.iter().take(4).copied())
        .collect()
}

/// Header text without spaces, line breaks and a unit in brackets: "分 值（分）" → "分值".
fn normalize(text: &str) -> String {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let cut = compact
        .find(['（', '('])
        .filter(|at| *at > 0)
        .map_or(compact.as_str(), |at| &compact[..at]);
    cut.trim_end_matches([':', '：']).to_string()
}

pub fn role_of(text: &str) -> Option<Role> {
    let name = normalize(text);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(role, _)| *role)
}

/// The header: which rows, and each column's role with its header text.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Indexes into the table's rows.
    pub rows: Vec<usize>,
    pub columns: Vec<Option<(Role, String)>>,
}

impl Header {
    pub fn first(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.as_ref().is_some_and(|(r, _)| *r == role))
    }

    pub fn all(&self, role: Role) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|i| self.columns[*i].as_ref().is_some_and(|(r, _)| *r == role))
            .collect()
    }

    /// Whether a row repeats the header (tables printed across pages sometimes do).
    pub fn is_repeat(&self, row: &TableRow) -> bool {
        let mut recognised = 0;
        for (cell, column) in row.cells.iter().zip(&self.columns) {
            if cell.text.trim().is_empty() {
                continue;
            }
            match column {
                Some((_, text)) if normalize(text) == normalize(&cell.text) => recognised += 1,
                _ => return false,
            }
        }
        recognised >= 2
    }
}

/// How many rows from the top are searched for a header.
const HEADER_SEARCH_ROWS: usize = 20;

fn roles_in(row: &TableRow) -> Vec<Option<Role>> {
    row.cells.iter().map(|cell| role_of(&cell.text)).collect()
}

fn looks_like_header(row: &TableRow) -> bool {
    let roles = roles_in(row);
    let mut distinct: Vec<Role> = roles.iter().flatten().copied().collect();
    distinct.sort();
    distinct.dedup();
    let has_text_column = distinct
        .iter()
        .any(|r| matches!(r, Role::Level | Role::Content | Role::Standard));
    distinct.len() >= 2 && has_text_column
}

/// A second header row under the first: its own (not merged-down) cells are header words.
fn is_second_header(row: &TableRow) -> bool {
    let own: Vec<&Cell> = row
        .cells
        .iter()
        .filter(|cell| cell.merge != Merge::Above && !cell.text.trim().is_empty())
        .collect();
    let recognised = own
        .iter()
        .filter(|cell| role_of(&cell.text).is_some())
        .count();
    recognised >= 1 && recognised * 2 >= own.len()
}

/// Finds the header among the first rows; `None` when no row names two known columns.
pub fn find_header(rows: &[TableRow]) -> Option<Header> {
    let first = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(looks_like_header)?;
    let mut header_rows = vec![first];
    if rows.get(first + 1).is_some_and(is_second_header) {
        header_rows.push(first + 1);
    }
    let width = header_rows
        .iter()
        .map(|r| rows[*r].cells.len())
        .max()
        .unwrap_or(0);
    let columns = (0..width)
        .map(|col| {
            // The lower header row names the column more exactly ("一级指标" under "测评指标").
            header_rows.iter().rev().find_map(|r| {
                let cell = rows[*r].cells.get(col)?;
                role_of(&cell.text).map(|role| (role, cell.text.trim().to_string()))
            })
        })
        .collect();
    Some(Header {
        rows: header_rows,
        columns,
    })
}

/// The texts of the row most like a header (the first with two or more different
/// texts), for the message when none is recognised.
pub fn candidate_texts(rows: &[TableRow]) -> Vec<String> {
    let texts = |row: &TableRow| {
        let mut seen: Vec<String> = Vec::new();
        for cell in &row.cells {
            let text = cell.text.trim().replace('\n', " ");
            if !text.is_empty() && !seen.contains(&text) {
                seen.push(text);
            }
        }
        seen
    };
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .map(texts)
        .find(|found| found.len() >= 2)
        .or_else(|| rows.iter().map(texts).find(|found| !found.is_empty()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, texts: &[&str]) -> TableRow {
        TableRow {
            number,
            cells: texts.iter().map(|t| Cell::new(t)).collect(),
        }
    }

    #[test]
    fn names_are_matched_without_spaces_and_units() {
        assert_eq!(role_of("分 值（分）"), Some(Role::Points));
        assert_eq!(role_of("测评\n内容"), Some(Role::Content));
        assert_eq!(role_of("评分标准"), Some(Role::Scoring));
        assert_eq!(role_of("标准"), Some(Role::Standard));
        assert_eq!(role_of("查阅资料"), None);
    }

    #[test]
    fn header_is_found_below_a_title_row() {
        let rows = [
            row(1, &["测评细则", "测评细则", "测评细则"]),
            row(2, &["测评项目", "测评内容", "分值"]),
            row(3, &["领导班子", "有学习计划", "4"]),
        ];
        let header = find_header(&rows).expect("header");
        assert_eq!(header.rows, [1]);
        assert_eq!(header.first(Role::Points), Some(2));
    }

    #[test]
    fn two_header_rows_name_the_columns_from_the_lower_one() {
        let mut second = row(3, &["一级指标", "二级指标", "分值"]);
        second.cells[2].merge = Merge::Above;
        let rows = [
            row(2, &["测评指标", "测评指标", "分值"]),
            second,
            row(4, &["领导班子", "学习", "4"]),
        ];
        let header = find_header(&rows).expect("header");
        assert_eq!(header.rows, [0, 1]);
        assert_eq!(header.all(Role::Level), [0, 1]);
        assert_eq!(
            header.columns[0],
            Some((Role::Level, "一级指标".to_string()))
        );
    }

    #[test]
    fn no_header_gives_the_texts_found() {
        let rows = [row(1, &["甲", "乙", "丙"]), row(2, &["1", "2", "3"])];
        assert!(find_header(&rows).is_none());
        assert_eq!(candidate_texts(&rows), ["甲", "乙", "丙"]);
    }
}
