//! `zicha checklists form`: a blank printable form of a checklist for walks on paper
//! (DESIGN §13) — A4 landscape, the header repeated on every page, codes, sections
//! merged down their items, standard, points, methods, deductions, and empty
//! 检查情况/得分/备注 columns, with lines for unit, department, round, date and
//! inspector. Laid out once here; `xlsx` and `docx` only draw it. Its columns are
//! the names `checklists import` reads, so a filled-in or edited form imports back.

mod docx;
mod xlsx;

use crate::export::rows::clean;
use crate::model::checklist::{Checklist, Item, Node};
use crate::model::scoring::format_points;

pub use docx::render as render_docx;
pub use xlsx::render as render_xlsx;

/// Section levels that get a column of their own; deeper titles join the last one.
const MAX_LEVELS: usize = 3;
const LEVEL_NAMES: [&str; MAX_LEVELS] = ["一级指标", "二级指标", "三级指标"];
pub const FILL_LINE: &str = "单位：________________  部门：____________  轮次：____________  日期：____年__月__日  检查人：____________";

/// What a column holds, for widths and alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Code,
    Level,
    Content,
    Standard,
    Points,
    Methods,
    Deductions,
    Blank,
}

impl Column {
    /// Relative width on the page.
    pub fn share(self) -> usize {
        match self {
            Column::Code | Column::Points => 5,
            Column::Level => 8,
            Column::Content => 14,
            Column::Standard | Column::Deductions => 22,
            Column::Methods => 8,
            Column::Blank => 9,
        }
    }
}

/// A cell of a level column: the title, and how many rows it spans from here
/// (0 for a row covered by a span above).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelCell {
    pub title: String,
    pub span: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    pub code: String,
    pub levels: Vec<LevelCell>,
    pub content: String,
    pub standard: String,
    pub points: String,
    pub methods: String,
    pub deductions: String,
}

/// The laid-out form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<(Column, &'static str)>,
    pub rows: Vec<FormRow>,
    pub total: f64,
}

impl Form {
    pub fn level_count(&self) -> usize {
        self.columns
            .iter()
            .filter(|(c, _)| *c == Column::Level)
            .count()
    }

    /// The texts of one row, in column order (blank columns empty).
    pub fn texts(&self, row: &FormRow) -> Vec<String> {
        let mut texts = vec![row.code.clone()];
        texts.extend(row.levels.iter().map(|l| l.title.clone()));
        texts.extend([
            row.content.clone(),
            row.standard.clone(),
            row.points.clone(),
            row.methods.clone(),
            row.deductions.clone(),
        ]);
        texts.extend(["", "", ""].map(String::from));
        texts
    }
}

pub fn layout(checklist: &Checklist) -> Form {
    let depth = checklist
        .nodes()
        .iter()
        .filter_map(|node| match node {
            Node::Section { depth, .. } => Some(depth + 1),
            Node::Item { .. } => None,
        })
        .max()
        .unwrap_or(1)
        .clamp(1, MAX_LEVELS);
    let mut columns = vec![(Column::Code, "编号")];
    columns.extend(
        LEVEL_NAMES[..depth]
            .iter()
            .map(|name| (Column::Level, *name)),
    );
    columns.extend([
        (Column::Content, "测评内容"),
        (Column::Standard, "测评标准"),
        (Column::Points, "分值"),
        (Column::Methods, "测评方法"),
        (Column::Deductions, "评分标准"),
        (Column::Blank, "检查情况"),
        (Column::Blank, "得分"),
        (Column::Blank, "备注"),
    ]);
    let mut path: Vec<(String, String)> = Vec::new(); // (code, title) per depth
    let mut rows = Vec::new();
    let mut keys: Vec<Vec<String>> = Vec::new(); // per row, the section code at each level
    for node in checklist.nodes() {
        match node {
            Node::Section { section, depth } => {
                path.truncate(depth);
                path.push((section.code.clone(), clean(&section.title)));
            }
            Node::Item { item, .. } => {
                let (titles, row_keys) = level_titles(&path, depth);
                keys.push(row_keys);
                rows.push(item_row(item, titles));
            }
        }
    }
    spans(&mut rows, &keys);
    let total = checklist
        .items()
        .iter()
        .filter(|i| i.is_base() && !i.veto)
        .map(|i| i.points)
        .sum();
    Form {
        title: clean(&checklist.title),
        subtitle: format!("{} v{} 空白检查表", checklist.id, checklist.version),
        columns,
        rows,
        total,
    }
}

/// Titles for `depth` level columns; sections deeper than that join the last column.
fn level_titles(path: &[(String, String)], depth: usize) -> (Vec<String>, Vec<String>) {
    let mut titles = Vec::with_capacity(depth);
    let mut keys = Vec::with_capacity(depth);
    for level in 0..depth {
        let parts: &[(String, String)] = if level + 1 == depth {
            path.get(level..).unwrap_or(&[])
        } else {
            path.get(level..=level).unwrap_or(&[])
        };
        titles.push(
            parts
                .iter()
                .map(|(_, title)| title.as_str())
                .collect::<Vec<_>>()
                .join(" / "),
        );
        keys.push(
            parts
                .iter()
                .map(|(code, _)| code.as_str())
                .collect::<Vec<_>>()
                .join("/"),
        );
    }
    (titles, keys)
}

/// Runs of rows in the same section become one merged cell in each level column.
fn spans(rows: &mut [FormRow], keys: &[Vec<String>]) {
    let levels = rows.first().map_or(0, |r| r.levels.len());
    for level in 0..levels {
        let mut start = 0;
        while start < rows.len() {
            let same = |r: usize| keys[r][..=level] == keys[start][..=level];
            let mut end = start + 1;
            while end < rows.len() && same(end) {
                end += 1;
            }
            if keys[start][level].is_empty() {
                for row in &mut rows[start..end] {
                    row.levels[level].span = 1;
                }
            } else {
                rows[start].levels[level].span = end - start;
                for row in &mut rows[start + 1..end] {
                    row.levels[level].span = 0;
                }
            }
            start = end;
        }
    }
}

fn item_row(item: &Item, levels: Vec<String>) -> FormRow {
    let points = format_points(item.points);
    FormRow {
        code: item.code.clone(),
        levels: levels
            .into_iter()
            .map(|title| LevelCell { title, span: 1 })
            .collect(),
        content: clean(&item.title),
        standard: clean(item.standard.as_deref().unwrap_or("")),
        points: if item.veto {
            "一票否决".to_string()
        } else if item.bonus {
            format!("加{points}分")
        } else if item.penalty {
            format!("扣{points}分")
        } else {
            points
        },
        methods: item
            .methods
            .iter()
            .map(|m| clean(m))
            .collect::<Vec<_>>()
            .join("、"),
        deductions: deduction_prose(item),
    }
}

/// Deductions as an office writes them: "无计划，扣2分；每缺一次学习扣0.5分".
pub fn deduction_prose(item: &Item) -> String {
    let parts: Vec<String> = item
        .deductions
        .iter()
        .map(|d| {
            let reason = clean(&d.reason);
            let points = format_points(d.points);
            match &d.unit {
                Some(_) if reason.contains('每') => format!("{reason}扣{points}分"),
                Some(unit) => format!("{reason}，每{}扣{points}分", clean(unit)),
                None => format!("{reason}，扣{points}分"),
            }
        })
        .collect();
    parts.join("；")
}

#[cfg(test)]
mod tests;
