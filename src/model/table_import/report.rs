//! What an import understood, row by row, and what it could not read.

use super::header::Role;

/// A row as the spreadsheet or Word table numbers it; `table` (1-based) only when a
/// Word document has several tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowRef {
    pub table: Option<usize>,
    pub row: usize,
}

/// The kind of item a row became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Base,
    Veto,
    Bonus,
    Penalty,
}

/// One table that was read.
#[derive(Debug, Clone, PartialEq)]
pub struct TableInfo {
    /// The sheet name, or empty for a Word table.
    pub name: String,
    pub header_rows: Vec<RowRef>,
    /// Each recognised column: its role and the header text.
    pub columns: Vec<(Role, String)>,
}

/// What became of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowNote {
    pub at: RowRef,
    pub noted: Noted,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Noted {
    /// The row became item `code`.
    Item {
        code: String,
        title: String,
        kind: Kind,
        points: f64,
        once: usize,
        per_occurrence: usize,
    },
    /// The row's text was added to item `code` (their points cell spans both).
    Joined { code: String },
    /// A section heading.
    Section { code: String, title: String },
    /// A total row: the table's stated total.
    Total { points: f64 },
    /// Scoring text that speaks of points but became no deduction; it stays in the
    /// item's standard for the inspector to read.
    Clause { code: String, text: String },
    /// A row that could not be read; nothing was made of it.
    Unread(Unread),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Unread {
    /// The points cell holds something that is not a number.
    Points(String),
    /// Text in the row but none in the item column.
    NoItemText(String),
    /// A note under the table (注、说明).
    Note(String),
    /// "不得分" on an item without points: there is nothing to take.
    AllOfNoPoints { code: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The base items add up to `total`, not the table's stated total (or 100).
    Total {
        total: f64,
        expected: f64,
        stated: bool,
    },
    /// A section's items add up to `total`, not the points its heading states.
    Section {
        code: String,
        title: String,
        total: f64,
        stated: f64,
    },
    /// A Word table without a recognisable header was left out.
    TableLeftOut { table: usize },
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub tables: Vec<TableInfo>,
    pub title: String,
    pub sections: usize,
    pub items: usize,
    pub veto: usize,
    pub bonus: usize,
    pub penalty: usize,
    pub deductions_once: usize,
    pub deductions_per: usize,
    pub base_total: f64,
    pub bonus_total: f64,
    pub stated_total: Option<f64>,
    /// In row order.
    pub notes: Vec<RowNote>,
    pub warnings: Vec<Warning>,
}

impl Report {
    /// Rows nothing was made of.
    pub fn unread(&self) -> impl Iterator<Item = (&RowRef, &Unread)> {
        self.notes.iter().filter_map(|note| match &note.noted {
            Noted::Unread(why) => Some((&note.at, why)),
            _ => None,
        })
    }

    /// Scoring clauses that became no deduction.
    pub fn unread_clauses(&self) -> impl Iterator<Item = (&RowRef, &str, &str)> {
        self.notes.iter().filter_map(|note| match &note.noted {
            Noted::Clause { code, text } => Some((&note.at, code.as_str(), text.as_str())),
            _ => None,
        })
    }
}
