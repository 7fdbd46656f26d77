//! Tables → a checklist: find each table's header, read its rows into drafts of
//! items under section headings, then assemble the tree and the report.

use super::assemble::assemble;
use super::draft::{Columns, Heading};
use super::header::{Header, Role, candidate_texts, expected_names, find_header};
use super::numbers::stated_total;
use super::report::{Noted, Report, RowNote, RowRef, TableInfo, Unread, Warning};
use super::row::RowReader;
use super::{ImportOptions, Imported, Table, TableError, TableRow};
use crate::model::checklist::{Checklist, Rules};

/// Everything gathered while reading the tables.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub drafts: Vec<super::draft::Draft>,
    pub notes: Vec<RowNote>,
    pub stated_total: Option<f64>,
    pub title: Option<String>,
    pub next_heading: usize,
    pub tables: Vec<TableInfo>,
    pub warnings: Vec<Warning>,
}

/// Turns the tables of one file into a checklist (version 1, no `renamed`) and a report.
pub fn import_tables(tables: &[Table], options: &ImportOptions) -> Result<Imported, TableError> {
    let mut reading = Reading::default();
    let several = tables.len() > 1;
    let mut headed = 0;
    for (index, table) in tables.iter().enumerate() {
        let table_ref = several.then_some(index + 1);
        let Some(header) = find_header(&table.rows) else {
            if !table.rows.is_empty() {
                reading
                    .warnings
                    .push(Warning::TableLeftOut { table: index + 1 });
            }
            continue;
        };
        let Some(columns) = Columns::new(&header) else {
            continue;
        };
        headed += 1;
        read_title(&mut reading, table, &header);
        reading.tables.push(TableInfo {
            name: table.name.clone(),
            header_rows: header
                .rows
                .iter()
                .map(|r| RowRef {
                    table: table_ref,
                    row: table.rows[*r].number,
                })
                .collect(),
            columns: header.columns.iter().flatten().cloned().collect(),
        });
        let last_header = header.rows.last().copied().unwrap_or(0);
        let mut reader = RowReader::new(&header, columns, table_ref);
        for row in &table.rows[last_header + 1..] {
            reader.read(row, &mut reading);
        }
    }
    if headed == 0 {
        let rows: Vec<TableRow> = tables
            .iter()
            .find(|t| {
                t.rows
                    .iter()
                    .any(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()))
            })
            .map(|t| t.rows.clone())
            .unwrap_or_default();
        if rows.is_empty() {
            return Err(TableError::Empty);
        }
        return Err(TableError::NoHeader {
            found: candidate_texts(&rows),
            expected: expected_names(),
        });
    }
    reading
        .warnings
        .retain(|w| !matches!(w, Warning::TableLeftOut { .. }) || several);
    if reading.drafts.is_empty() {
        return Err(TableError::Empty);
    }
    let title = options
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| reading.title.clone())
        .unwrap_or_else(|| options.file_stem.clone());
    let title = title.trim().to_string();
    let assembled = assemble(std::mem::take(&mut reading.drafts), &title);
    let checklist = Checklist {
        id: options.id.clone(),
        version: 1,
        title: title.clone(),
        description: None,
        rules: Rules::default(),
        renamed: Default::default(),
        sections: assembled.sections,
    };
    let mut report = Report {
        tables: reading.tables,
        title,
        stated_total: reading.stated_total,
        ..Report::default()
    };
    report.notes = reading.notes;
    report.notes.extend(assembled.notes);
    report.notes.sort_by_key(|note| note.at);
    report.warnings = reading.warnings;
    report.warnings.extend(assembled.warnings);
    count(&checklist, &mut report);
    Ok(Imported { checklist, report })
}

/// Rows above the header: the first one-text row is the title; any stated total counts.
fn read_title(reading: &mut Reading, table: &Table, header: &Header) {
    let first_header = header.rows.first().copied().unwrap_or(0);
    let mut texts: Vec<String> = table.caption.clone();
    for row in &table.rows[..first_header] {
        let mut distinct: Vec<&str> = row
            .cells
            .iter()
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        distinct.dedup();
        if distinct.len() == 1 {
            texts.push(distinct[0].to_string());
        }
    }
    for text in &texts {
        if reading.stated_total.is_none() {
            reading.stated_total = stated_total(text);
        }
    }
    if reading.title.is_none() {
        reading.title = texts
            .into_iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| t.chars().count() >= 2 && t.chars().count() <= 80);
    }
}

fn count(checklist: &Checklist, report: &mut Report) {
    report.sections = checklist.all_sections().len();
    for item in checklist.items() {
        report.items += 1;
        if item.veto {
            report.veto += 1;
        } else if item.bonus {
            report.bonus += 1;
            report.bonus_total += item.points;
        } else if item.penalty {
            report.penalty += 1;
        } else {
            report.base_total += item.points;
        }
        for deduction in &item.deductions {
            if deduction.is_per_occurrence() {
                report.deductions_per += 1;
            } else {
                report.deductions_once += 1;
            }
        }
    }
    let (expected, stated) = match report.stated_total {
        Some(total) => (total, true),
        None => (100.0, false),
    };
    if (report.base_total - expected).abs() > 1e-6 {
        report.warnings.push(Warning::Total {
            total: report.base_total,
            expected,
            stated,
        });
    }
}

impl Reading {
    pub fn note(&mut self, at: RowRef, noted: Noted) {
        self.notes.push(RowNote { at, noted });
    }

    pub fn unread(&mut self, at: RowRef, why: Unread) {
        self.note(at, Noted::Unread(why));
    }

    pub fn heading(&mut self, at: RowRef, title: &str, stated: Option<f64>) -> Heading {
        self.next_heading += 1;
        Heading::new(self.next_heading, at, title, stated)
    }
}

/// The roles a header must give for rows to be read: some text column.
impl Columns {
    fn new(header: &Header) -> Option<Columns> {
        let levels = header.all(Role::Level);
        let content = header.first(Role::Content).or(header.first(Role::Standard));
        let standard = header
            .first(Role::Content)
            .and(header.first(Role::Standard));
        let (title, sections) = match content {
            Some(content) => (content, levels),
            None => {
                let (last, rest) = levels.split_last()?;
                (*last, rest.to_vec())
            }
        };
        Some(Columns {
            code: header.first(Role::Code),
            sections,
            title,
            standard,
            points: header.first(Role::Points),
            scoring: header.first(Role::Scoring),
            methods: header.first(Role::Methods),
            owners: header.first(Role::Owners),
            evidence: header.first(Role::Evidence),
        })
    }
}
