//! The columns of the item sheets: 明细 ([`DETAIL`]) and 整改清单 ([`LEDGER`]). A
//! column is one entry: its header and how a row fills it.

use super::super::rows::{Done, ItemRow, ProblemRow, RecheckRow, RectificationRow};
use super::super::summary::SummaryRow;
use super::sheet::{Cell, text};
use crate::i18n::report::ReportTexts;

/// One item row of a session, as the item sheets see it.
pub(super) struct Line<'a> {
    pub(super) session: &'a SummaryRow,
    pub(super) row: &'a ItemRow,
}

pub(super) struct Column {
    pub(super) header: fn(&ReportTexts) -> &'static str,
    pub(super) cell: fn(&Line<'_>, &ReportTexts) -> Cell,
}

pub(super) const ROUND: Column = Column {
    header: |t| t.round,
    cell: |l, _| text(&l.session.round),
};

/// 明细: every item of every session.
pub(super) const DETAIL: &[Column] = &[
    Column {
        header: |t| t.date,
        cell: |l, _| Cell::Date(Some(l.session.date)),
    },
    Column {
        header: |t| t.department,
        cell: |l, _| text(&l.session.department),
    },
    Column {
        header: |t| t.section,
        cell: |l, _| Cell::Long(l.row.section.clone()),
    },
    Column {
        header: |t| t.code,
        cell: |l, _| text(&l.row.code),
    },
    Column {
        header: |t| t.item,
        cell: |l, _| Cell::Long(l.row.title.clone()),
    },
    Column {
        header: |t| t.kind,
        cell: |l, t| text(l.row.kind_text(t)),
    },
    Column {
        header: |t| t.status,
        cell: |l, t| text(l.row.status_text(t)),
    },
    Column {
        header: |t| t.points,
        cell: |l, _| Cell::Number(l.row.is_scored().then_some(l.row.points)),
    },
    Column {
        header: |t| t.deducted,
        cell: |l, _| Cell::Number(l.row.lost.filter(|lost| *lost != 0.0)),
    },
    Column {
        header: |t| t.score,
        cell: |l, _| {
            Cell::Number(
                l.row
                    .score
                    .filter(|_| l.row.is_scored() || l.row.lost.is_some()),
            )
        },
    },
    Column {
        header: |t| t.deductions,
        cell: |l, t| Cell::Long(l.row.deductions_text(t)),
    },
    Column {
        header: |t| t.note,
        cell: |l, _| Cell::Long(l.row.note.clone()),
    },
    Column {
        header: |t| t.owner_department,
        cell: |l, _| text(l.row.owner_department_text()),
    },
    Column {
        header: |t| t.owner,
        cell: |l, _| text(l.row.owner_text()),
    },
    Column {
        header: |t| t.measure,
        cell: |l, _| Cell::Long(l.row.measure_text()),
    },
    Column {
        header: |t| t.due,
        cell: |l, _| Cell::Date(l.row.rectification.as_ref().and_then(|r| r.due)),
    },
    Column {
        header: |t| t.rectification_state,
        cell: |l, t| {
            text(
                l.row
                    .rectification
                    .as_ref()
                    .map(|r| r.state_text(t))
                    .unwrap_or_default(),
            )
        },
    },
    Column {
        header: |t| t.evidence,
        cell: |l, t| Cell::Long(l.row.evidence_text(t)),
    },
];

/// A row of 整改清单: an item's rectification, or a problem from outside.
pub(super) enum Entry<'a> {
    Item(Line<'a>),
    Outside(&'a ProblemRow),
}

impl Entry<'_> {
    fn rect(&self) -> Option<&RectificationRow> {
        match self {
            Entry::Item(l) => l.row.rectification.as_ref(),
            Entry::Outside(p) => Some(&p.rectification),
        }
    }

    fn done(&self) -> Option<&Done> {
        self.rect().and_then(|r| r.done.as_ref())
    }

    fn recheck(&self) -> Option<&RecheckRow> {
        self.rect().and_then(|r| r.recheck.as_ref())
    }

    /// An item's round; a problem's source (上级通报, 测评反馈).
    fn origin(&self) -> Cell {
        match self {
            Entry::Item(l) => text(&l.session.round),
            Entry::Outside(p) => text(&p.source),
        }
    }
}

pub(super) struct LedgerColumn {
    pub(super) header: fn(&ReportTexts) -> &'static str,
    pub(super) cell: fn(&Entry<'_>, &ReportTexts) -> Cell,
}

pub(super) const LEDGER_ROUND: LedgerColumn = LedgerColumn {
    header: |t| t.round,
    cell: |e, _| e.origin(),
};

/// A round's 整改清单 with problems from outside: where each entry comes from.
pub(super) const LEDGER_SOURCE: LedgerColumn = LedgerColumn {
    header: |t| t.source,
    cell: |e, _| e.origin(),
};

/// 整改清单: problems and anything with a rectification, then the problems from
/// outside, with the whole loop: 责任科室 … 落实 … 复查 (docs/design.md §10).
pub(super) const LEDGER: &[LedgerColumn] = &[
    LedgerColumn {
        header: |t| t.date,
        cell: |e, _| match e {
            Entry::Item(l) => Cell::Date(Some(l.session.date)),
            Entry::Outside(p) => Cell::Date(Some(p.date)),
        },
    },
    LedgerColumn {
        header: |t| t.department,
        cell: |e, _| match e {
            Entry::Item(l) => text(&l.session.department),
            Entry::Outside(p) => text(&p.department),
        },
    },
    LedgerColumn {
        header: |t| t.code,
        cell: |e, _| match e {
            Entry::Item(l) => text(&l.row.code),
            Entry::Outside(p) => text(&p.id),
        },
    },
    LedgerColumn {
        header: |t| t.item,
        cell: |e, t| match e {
            Entry::Item(l) => Cell::Long(l.row.title_with_kind(t)),
            Entry::Outside(p) => Cell::Long(p.title.clone()),
        },
    },
    LedgerColumn {
        header: |t| t.status,
        cell: |e, t| match e {
            Entry::Item(l) => text(l.row.status_text(t)),
            Entry::Outside(_) => text(""),
        },
    },
    LedgerColumn {
        header: |t| t.deducted,
        cell: |e, _| match e {
            Entry::Item(l) => Cell::Number(l.row.lost.filter(|lost| *lost != 0.0)),
            Entry::Outside(_) => Cell::Number(None),
        },
    },
    LedgerColumn {
        header: |t| t.problem_description,
        cell: |e, _| match e {
            Entry::Item(l) => Cell::Long(l.row.note.clone()),
            Entry::Outside(_) => Cell::Long(String::new()),
        },
    },
    LedgerColumn {
        header: |t| t.deductions,
        cell: |e, t| match e {
            Entry::Item(l) => Cell::Long(l.row.deductions_text(t)),
            Entry::Outside(_) => Cell::Long(String::new()),
        },
    },
    LedgerColumn {
        header: |t| t.owner_department,
        cell: |e, _| {
            text(
                e.rect()
                    .map(|r| r.owner_department.clone())
                    .unwrap_or_default(),
            )
        },
    },
    LedgerColumn {
        header: |t| t.owner,
        cell: |e, _| text(e.rect().map(|r| r.owner.clone()).unwrap_or_default()),
    },
    LedgerColumn {
        header: |t| t.measure,
        cell: |e, _| Cell::Long(e.rect().map(|r| r.measure.clone()).unwrap_or_default()),
    },
    LedgerColumn {
        header: |t| t.due,
        cell: |e, _| Cell::Date(e.rect().and_then(|r| r.due)),
    },
    LedgerColumn {
        header: |t| t.rectification_state,
        cell: |e, t| text(e.rect().map_or(t.no_owner, |r| r.state_text(t))),
    },
    LedgerColumn {
        header: |t| t.done_date,
        cell: |e, _| Cell::Date(e.done().map(|d| d.date)),
    },
    LedgerColumn {
        header: |t| t.done_note,
        cell: |e, _| Cell::Long(e.done().map(|d| d.note.clone()).unwrap_or_default()),
    },
    LedgerColumn {
        header: |t| t.recheck_result,
        cell: |e, t| text(e.recheck().map(|r| r.result(t)).unwrap_or_default()),
    },
    LedgerColumn {
        header: |t| t.recheck_by,
        cell: |e, _| text(e.recheck().map(|r| r.by.clone()).unwrap_or_default()),
    },
    LedgerColumn {
        header: |t| t.recheck_date,
        cell: |e, _| Cell::Date(e.recheck().map(|r| r.date)),
    },
    LedgerColumn {
        header: |t| t.recheck_note,
        cell: |e, _| Cell::Long(e.recheck().map(|r| r.note.clone()).unwrap_or_default()),
    },
];
