//! The columns of the tables that md, html and docx all print, written once: the
//! problems-and-rectification table and the table of every item. A column added
//! here (责任科室, 整改措施, 复查…) appears in all three; docx sizes it by its
//! [`Width`]. The xlsx sheets keep typed cells and list their columns in `xlsx`.

use super::rows::ItemRow;
use super::summary::SummaryRow;
use crate::i18n::report::ReportTexts;
use crate::model::scoring::format_points;

/// How a column takes the page's width (docx; html and md let the reader flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// As wide as its widest cell and header, never wrapped: numbers, codes, dates.
    Fit,
    /// A share of the width the `Fit` columns leave, wrapped: text.
    Share(u16),
}

/// How a cell's text sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

pub struct Column {
    pub header: fn(&ReportTexts) -> &'static str,
    pub width: Width,
    pub align: Align,
    /// The cell of one row; the first argument is the row's 1-based number.
    pub value: fn(usize, &ItemRow, &ReportTexts) -> String,
}

impl Column {
    pub fn cells(&self, rows: &[&ItemRow], t: &ReportTexts) -> Vec<String> {
        rows.iter()
            .enumerate()
            .map(|(i, row)| (self.value)(i + 1, row, t))
            .collect()
    }
}

/// 问题及整改: one row per problem.
pub const PROBLEM_COLUMNS: &[Column] = &[
    Column {
        header: |t| t.seq,
        width: Width::Fit,
        align: Align::Center,
        value: |n, _, _| n.to_string(),
    },
    Column {
        header: |t| t.code,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, _| row.code.clone(),
    },
    Column {
        header: |t| t.item,
        width: Width::Share(2),
        align: Align::Left,
        value: |_, row, t| row.title_with_kind(t),
    },
    Column {
        header: |t| t.status,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, t| row.status_text(t),
    },
    Column {
        header: |t| t.deducted,
        width: Width::Fit,
        align: Align::Right,
        value: |_, row, _| row.lost_text(),
    },
    Column {
        header: |t| t.problem_description,
        width: Width::Share(6),
        align: Align::Left,
        value: |_, row, t| row.description(t),
    },
    Column {
        header: |t| t.owner,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, _| row.owner_text(),
    },
    Column {
        header: |t| t.due,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, _| row.due_text(),
    },
    Column {
        header: |t| t.rectification,
        width: Width::Share(3),
        align: Align::Left,
        value: |_, row, t| row.progress_text(t),
    },
];

/// 检查条目明细: every item the session takes in.
pub const ITEM_COLUMNS: &[Column] = &[
    Column {
        header: |t| t.code,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, _| row.code.clone(),
    },
    Column {
        header: |t| t.item,
        width: Width::Share(5),
        align: Align::Left,
        value: |_, row, t| row.title_with_kind(t),
    },
    Column {
        header: |t| t.status,
        width: Width::Fit,
        align: Align::Left,
        value: |_, row, t| row.status_text(t),
    },
    Column {
        header: |t| t.points,
        width: Width::Fit,
        align: Align::Right,
        value: |_, row, _| row.points_text(),
    },
    Column {
        header: |t| t.score,
        width: Width::Fit,
        align: Align::Right,
        value: |_, row, _| row.score_text(),
    },
    Column {
        header: |t| t.note,
        width: Width::Share(4),
        align: Align::Left,
        value: |_, row, t| {
            let deductions = row.deductions_text(t);
            match (row.note.is_empty(), deductions.is_empty()) {
                (_, true) => row.note.clone(),
                (true, false) => deductions,
                (false, false) => format!("{}\n{deductions}", row.note),
            }
        },
    },
];

/// The top-level section each row starts, for tables that print a row for it.
pub fn section_starts(rows: &[ItemRow]) -> Vec<(Option<&str>, &ItemRow)> {
    let mut last: Option<&str> = None;
    rows.iter()
        .map(|row| {
            let starts = (last != Some(row.section.as_str())).then_some(row.section.as_str());
            last = Some(row.section.as_str());
            (starts, row)
        })
        .collect()
}

/// A column of the summary table, one row per session.
pub struct SummaryColumn {
    pub header: fn(&ReportTexts) -> &'static str,
    pub width: Width,
    pub align: Align,
    /// Which tables carry it.
    pub shown: Shown,
    pub value: fn(&SummaryRow, &ReportTexts) -> String,
}

/// When a summary column is part of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Always,
    /// Tables of several sessions (a round): who and what.
    PerSession,
    /// Tables of several sessions that have room for when and by whom (md, html).
    PerSessionWide,
    /// Where a session's checklist has bonus or 负面清单 items: the base score apart.
    Base,
    /// Where a session's checklist has bonus items.
    Bonus,
    /// Where a session's checklist has 负面清单 items.
    Penalties,
}

/// 总体情况: the figures of each session, bonus and 负面清单 beside the base score
/// where the checklists have them, and the one verdict.
pub const SUMMARY_COLUMNS: &[SummaryColumn] = &[
    SummaryColumn {
        header: |t| t.department,
        width: Width::Fit,
        align: Align::Left,
        shown: Shown::PerSession,
        value: |s, _| s.department.clone(),
    },
    SummaryColumn {
        header: |t| t.checklist,
        width: Width::Share(1),
        align: Align::Left,
        shown: Shown::PerSession,
        value: |s, _| s.checklist_title.clone(),
    },
    SummaryColumn {
        header: |t| t.date,
        width: Width::Fit,
        align: Align::Left,
        shown: Shown::PerSessionWide,
        value: |s, _| s.date.to_string(),
    },
    SummaryColumn {
        header: |t| t.inspector,
        width: Width::Fit,
        align: Align::Left,
        shown: Shown::PerSessionWide,
        value: |s, _| s.inspector.clone(),
    },
    SummaryColumn {
        header: |t| t.checked,
        width: Width::Fit,
        align: Align::Center,
        shown: Shown::Always,
        value: |s, t| s.checked_text(t),
    },
    SummaryColumn {
        header: |t| t.base,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Base,
        value: |s, _| format_points(s.figures.base),
    },
    SummaryColumn {
        header: |t| t.bonus_points,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Bonus,
        value: |s, _| {
            if s.has_bonus {
                format_points(s.figures.bonus)
            } else {
                String::new()
            }
        },
    },
    SummaryColumn {
        header: |t| t.penalties,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Penalties,
        value: |s, _| {
            if s.has_penalties {
                format_points(s.figures.penalties)
            } else {
                String::new()
            }
        },
    },
    SummaryColumn {
        header: |t| t.score,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.score_text(),
    },
    SummaryColumn {
        header: |t| t.max,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.max_text(),
    },
    SummaryColumn {
        header: |t| t.percent,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.percent_text(),
    },
    SummaryColumn {
        header: |t| t.deducted,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.deducted_text(),
    },
    SummaryColumn {
        header: |t| t.verdict,
        width: Width::Fit,
        align: Align::Left,
        shown: Shown::Always,
        value: |s, t| s.verdict_text(t),
    },
    SummaryColumn {
        header: |t| t.problems,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.problems.to_string(),
    },
    SummaryColumn {
        header: |t| t.open_rectifications,
        width: Width::Fit,
        align: Align::Right,
        shown: Shown::Always,
        value: |s, _| s.open_rectifications.to_string(),
    },
];

/// The summary columns a table of `summaries` carries: `per_session` for a table of
/// several sessions, `wide` where there is room for date and inspector too.
pub fn summary_columns(
    summaries: &[SummaryRow],
    per_session: bool,
    wide: bool,
) -> Vec<&'static SummaryColumn> {
    SUMMARY_COLUMNS
        .iter()
        .filter(|column| match column.shown {
            Shown::Always => true,
            Shown::PerSession => per_session,
            Shown::PerSessionWide => per_session && wide,
            Shown::Base => summaries.iter().any(|s| s.has_bonus || s.has_penalties),
            Shown::Bonus => summaries.iter().any(|s| s.has_bonus),
            Shown::Penalties => summaries.iter().any(|s| s.has_penalties),
        })
        .collect()
}
