//! The columns of the tables that md, html and docx all print, written once: the
//! problems-and-rectification table, the problems from outside, 责任分解 and the
//! table of every item. The rectification takes three columns that fit a portrait
//! page: 整改责任人 (责任科室 and 责任人), 整改时限, and 整改情况 (整改措施, then
//! where it stands: 落实, 复查, 销号); the xlsx 整改清单 has each in a column of its
//! own. Each table is one `new` per column, one column to a line (rustfmt would
//! stack every argument). A column added here appears in all three; docx sizes it by its
//! [`Width`]. The xlsx sheets keep typed cells and list their columns in `xlsx`.

use super::rows::{DutyRow, ItemRow, ProblemRow};
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

/// A column of a table of `R`s: items, problems from outside, 责任分解.
pub struct Column<R = ItemRow> {
    pub header: fn(&ReportTexts) -> &'static str,
    pub width: Width,
    pub align: Align,
    /// The cell of one row; the first argument is the row's 1-based number.
    pub value: fn(usize, &R, &ReportTexts) -> String,
}

impl<R> Column<R> {
    const fn new(
        header: fn(&ReportTexts) -> &'static str,
        width: Width,
        align: Align,
        value: fn(usize, &R, &ReportTexts) -> String,
    ) -> Column<R> {
        Column {
            header,
            width,
            align,
            value,
        }
    }

    pub fn cells(&self, rows: &[&R], t: &ReportTexts) -> Vec<String> {
        rows.iter()
            .enumerate()
            .map(|(i, row)| (self.value)(i + 1, row, t))
            .collect()
    }
}

/// 问题及整改: one row per problem.
#[rustfmt::skip]
pub const PROBLEM_COLUMNS: &[Column] = &[
    Column::new(|t| t.seq, Width::Fit, Align::Center, |n, _, _| n.to_string()),
    Column::new(|t| t.code, Width::Fit, Align::Left, |_, row, _| row.code.clone()),
    Column::new(|t| t.item, Width::Share(2), Align::Left, |_, row, t| row.title_with_kind(t)),
    Column::new(|t| t.status, Width::Fit, Align::Left, |_, row, t| row.status_text(t)),
    Column::new(|t| t.deducted, Width::Fit, Align::Right, |_, row, _| row.lost_text()),
    Column::new(|t| t.problem_description, Width::Share(6), Align::Left, |_, row, t| row.description(t)),
    Column::new(|t| t.responsible, Width::Fit, Align::Left, |_, row, _| row.responsible_text()),
    Column::new(|t| t.due, Width::Fit, Align::Left, |_, row, _| row.due_text()),
    Column::new(|t| t.rectification, Width::Share(3), Align::Left, |_, row, t| row.progress_text(t)),
];

/// 上级通报及测评反馈问题: problems from outside of a round's departments, with
/// the same rectification columns as [`PROBLEM_COLUMNS`].
#[rustfmt::skip]
pub const OUTSIDE_COLUMNS: &[Column<ProblemRow>] = &[
    Column::new(|t| t.seq, Width::Fit, Align::Center, |n, _, _| n.to_string()),
    Column::new(|t| t.department, Width::Fit, Align::Left, |_, p, _| p.department.clone()),
    Column::new(|t| t.outside_problem, Width::Share(4), Align::Left, |_, p, _| p.title.clone()),
    Column::new(|t| t.source, Width::Share(2), Align::Left, |_, p, _| p.source.clone()),
    Column::new(|t| t.problem_date, Width::Fit, Align::Left, |_, p, _| p.date.to_string()),
    Column::new(|t| t.responsible, Width::Fit, Align::Left, |_, p, _| p.rectification.responsible_text()),
    Column::new(|t| t.due, Width::Fit, Align::Left, |_, p, _| p.rectification.due_text()),
    Column::new(|t| t.rectification, Width::Share(3), Align::Left, |_, p, t| p.rectification.measure_and_progress(t)),
];

/// 责任分解: per lead department, what it lost on the items it leads (docs/design.md §11).
#[rustfmt::skip]
pub const DUTY_COLUMNS: &[Column<DutyRow>] = &[
    Column::new(|t| t.lead_department, Width::Fit, Align::Left, |_, d, _| d.department.clone()),
    Column::new(|t| t.led_items, Width::Fit, Align::Right, |_, d, _| d.items.to_string()),
    Column::new(|t| t.lost, Width::Fit, Align::Right, |_, d, _| format_points(d.lost)),
    Column::new(|t| t.open_rectifications, Width::Fit, Align::Right, |_, d, _| d.open_rectifications.to_string()),
    Column::new(|t| t.verdict, Width::Fit, Align::Left, |_, d, t| d.verdict(t).to_string()),
    Column::new(|t| t.loss_details, Width::Share(1), Align::Left, |_, d, t| d.details_text(t)),
];

/// 检查条目明细: every item the session takes in.
#[rustfmt::skip]
pub const ITEM_COLUMNS: &[Column] = &[
    Column::new(|t| t.code, Width::Fit, Align::Left, |_, row, _| row.code.clone()),
    Column::new(|t| t.item, Width::Share(5), Align::Left, |_, row, t| row.title_with_kind(t)),
    Column::new(|t| t.status, Width::Fit, Align::Left, |_, row, t| row.status_text(t)),
    Column::new(|t| t.points, Width::Fit, Align::Right, |_, row, _| row.points_text()),
    Column::new(|t| t.score, Width::Fit, Align::Right, |_, row, _| row.score_text()),
    Column::new(|t| t.note, Width::Share(4), Align::Left, |_, row, t| {
        let deductions = row.deductions_text(t);
        match (row.note.is_empty(), deductions.is_empty()) {
            (_, true) => row.note.clone(),
            (true, false) => deductions,
            (false, false) => format!("{}\n{deductions}", row.note),
        }
    }),
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

impl SummaryColumn {
    const fn new(
        header: fn(&ReportTexts) -> &'static str,
        width: Width,
        align: Align,
        shown: Shown,
        value: fn(&SummaryRow, &ReportTexts) -> String,
    ) -> SummaryColumn {
        SummaryColumn {
            header,
            width,
            align,
            shown,
            value,
        }
    }
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
#[rustfmt::skip]
pub const SUMMARY_COLUMNS: &[SummaryColumn] = &[
    SummaryColumn::new(|t| t.department, Width::Fit, Align::Left, Shown::PerSession, |s, _| s.department.clone()),
    // The docx names each department's checklist in its heading under 二、.
    SummaryColumn::new(|t| t.checklist, Width::Share(1), Align::Left, Shown::PerSessionWide, |s, _| s.checklist_title.clone()),
    SummaryColumn::new(|t| t.date, Width::Fit, Align::Left, Shown::PerSessionWide, |s, _| s.date.to_string()),
    SummaryColumn::new(|t| t.inspector, Width::Fit, Align::Left, Shown::PerSessionWide, |s, _| s.inspector.clone()),
    SummaryColumn::new(|t| t.checked, Width::Fit, Align::Center, Shown::Always, |s, t| s.checked_text(t)),
    SummaryColumn::new(|t| t.base, Width::Fit, Align::Right, Shown::Base, |s, _| format_points(s.figures.base)),
    SummaryColumn::new(|t| t.bonus_points, Width::Fit, Align::Right, Shown::Bonus, |s, _| {
        if s.has_bonus {
            format_points(s.figures.bonus)
        } else {
            String::new()
        }
    }),
    SummaryColumn::new(|t| t.penalties, Width::Fit, Align::Right, Shown::Penalties, |s, _| {
        if s.has_penalties {
            format_points(s.figures.penalties)
        } else {
            String::new()
        }
    }),
    SummaryColumn::new(|t| t.score, Width::Fit, Align::Right, Shown::Always, |s, _| s.score_text()),
    SummaryColumn::new(|t| t.max, Width::Fit, Align::Right, Shown::Always, |s, _| s.max_text()),
    SummaryColumn::new(|t| t.percent, Width::Fit, Align::Right, Shown::Always, |s, _| s.percent_text()),
    SummaryColumn::new(|t| t.deducted, Width::Fit, Align::Right, Shown::Always, |s, _| s.deducted_text()),
    SummaryColumn::new(|t| t.verdict, Width::Fit, Align::Left, Shown::Always, |s, t| s.verdict_text(t)),
    SummaryColumn::new(|t| t.problems, Width::Fit, Align::Right, Shown::Always, |s, _| s.problems.to_string()),
    SummaryColumn::new(|t| t.open_rectifications, Width::Fit, Align::Right, Shown::Always, |s, _| s.open_rectifications.to_string()),
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
