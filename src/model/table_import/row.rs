//! One data row → a section heading, a total, a new item, more text for the item
//! above, or a row that cannot be read.

use super::build::Reading;
use super::draft::{
    Columns, Draft, DraftNote, Heading, bonus_in_text, item_title, list, looks_like_code, one_line,
    part_of_title, same_path,
};
use super::header::Header;
use super::numbers::{PointsCell, parse_points_cell, points_in_text, stated_total};
use super::report::{Kind, Noted, RowRef, Unread};
use super::scoring::parse_scoring;
use super::{Merge, TableRow};

pub(super) struct RowReader<'a> {
    header: &'a Header,
    columns: Columns,
    table: Option<usize>,
    banner: Option<Heading>,
    levels: Vec<Option<Heading>>,
}

impl<'a> RowReader<'a> {
    pub fn new(header: &'a Header, columns: Columns, table: Option<usize>) -> RowReader<'a> {
        let depth = columns.sections.len();
        RowReader {
            header,
            columns,
            table,
            banner: None,
            levels: vec![None; depth],
        }
    }

    fn text(row: &TableRow, col: Option<usize>) -> &str {
        col.and_then(|c| row.cells.get(c))
            .map_or("", |cell| cell.text.trim())
    }

    fn merge(row: &TableRow, col: Option<usize>) -> Merge {
        col.and_then(|c| row.cells.get(c))
            .map_or(Merge::Own, |cell| cell.merge)
    }

    pub fn read(&mut self, row: &TableRow, reading: &mut Reading) {
        let at = RowRef {
            table: self.table,
            row: row.number,
        };
        let filled: Vec<(usize, &str)> = row
            .cells
            .iter()
            .enumerate()
            .map(|(col, cell)| (col, cell.text.trim()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        let Some(&(first_col, first)) = filled.first() else {
            return;
        };
        if self.header.is_repeat(row) {
            return;
        }
        let compact: String = first.chars().filter(|c| !c.is_whitespace()).collect();
        if ["合计", "总计", "总分", "共计"]
            .iter()
            .any(|w| compact.starts_with(w))
        {
            let cell = Self::text(row, self.columns.points);
            let points = match parse_points_cell(cell) {
                PointsCell::Points(points) => Some(points),
                _ => filled.iter().find_map(|(_, text)| stated_total(text)),
            };
            match points {
                Some(points) => {
                    reading.stated_total = Some(points);
                    reading.note(at, Noted::Total { points });
                }
                None => reading.unread(at, Unread::Note(one_line(first))),
            }
            return;
        }
        if compact.starts_with("小计") {
            return;
        }
        let one_text = filled.iter().all(|(_, text)| *text == first);
        if one_text
            && ["注", "说明", "备注", "附"]
                .iter()
                .any(|w| compact.starts_with(w))
        {
            reading.unread(at, Unread::Note(one_line(first)));
            return;
        }
        let in_text_column =
            first_col == self.columns.title || self.columns.sections.contains(&first_col);
        if one_text && (filled.len() >= 2 || !in_text_column) {
            let heading = reading.heading(at, first, None);
            self.banner = Some(heading);
            self.levels.iter_mut().for_each(|level| *level = None);
            return;
        }
        self.read_levels(row, at, reading);
        self.read_item(row, at, reading);
    }

    fn read_levels(&mut self, row: &TableRow, at: RowRef, reading: &mut Reading) {
        for depth in 0..self.columns.sections.len() {
            let text = Self::text(row, Some(self.columns.sections[depth]));
            if text.is_empty() || self.levels[depth].as_ref().is_some_and(|h| h.raw == text) {
                continue;
            }
            self.levels[depth] = Some(reading.heading(at, text, None));
            for deeper in &mut self.levels[depth + 1..] {
                *deeper = None;
            }
        }
    }

    fn path(&self) -> Vec<Heading> {
        self.banner
            .iter()
            .chain(self.levels.iter().flatten())
            .cloned()
            .collect()
    }

    fn read_item(&mut self, row: &TableRow, at: RowRef, reading: &mut Reading) {
        let c = &self.columns;
        let title_raw = Self::text(row, Some(c.title));
        let points_text = Self::text(row, c.points);
        let standard = Self::text(row, c.standard);
        let scoring = Self::text(row, c.scoring);
        let path = self.path();
        let previous_here = reading
            .drafts
            .last()
            .filter(|d| d.at.table == self.table && same_path(&d.path, &path));
        let joins = previous_here.is_some()
            && ((Self::merge(row, c.points) == Merge::Above && !points_text.is_empty())
                || (points_text.is_empty()
                    && (title_raw.is_empty() || Self::merge(row, Some(c.title)) == Merge::Above)
                    && !(standard.is_empty() && scoring.is_empty())));
        if joins {
            if let Some(draft) = reading.drafts.last_mut() {
                join(draft, row, at, title_raw, standard, scoring, c);
            }
            return;
        }
        if title_raw.is_empty() {
            let level_texts: Vec<&str> = c
                .sections
                .iter()
                .map(|s| Self::text(row, Some(*s)))
                .collect();
            let others: Vec<&str> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(col, cell)| {
                    !c.sections.contains(col)
                        && Some(*col) != c.code
                        && !cell.text.trim().is_empty()
                })
                .map(|(_, cell)| cell.text.trim())
                .collect();
            if !others.is_empty() || level_texts.iter().all(|t| t.is_empty()) {
                reading.unread(at, Unread::NoItemText(one_line(&others.join(" "))));
            }
            return;
        }
        let mut points = match parse_points_cell(points_text) {
            PointsCell::Unreadable => {
                reading.unread(at, Unread::Points(one_line(points_text)));
                return;
            }
            cell => cell,
        };
        if points == PointsCell::Empty
            && let Some((found, _)) = points_in_text(title_raw).or_else(|| points_in_text(standard))
        {
            points = PointsCell::Points(found);
        }
        let from_path = path.iter().rev().find_map(|h| h.part);
        let title = item_title(title_raw);
        let all_text = [title_raw, standard, scoring].join("\n");
        let (kind, mut worth) = match points {
            PointsCell::Veto => (Kind::Veto, 0.0),
            PointsCell::Bonus(p) => (Kind::Bonus, p),
            PointsCell::Penalty(p) => (Kind::Penalty, p),
            PointsCell::Points(p) => (
                from_path
                    .or_else(|| part_of_title(&title))
                    .unwrap_or(Kind::Base),
                p,
            ),
            PointsCell::Empty | PointsCell::Unreadable => {
                let kind = from_path.or_else(|| part_of_title(&title)).unwrap_or(
                    if all_text.contains("一票否决") {
                        Kind::Veto
                    } else {
                        Kind::Base
                    },
                );
                (kind, 0.0)
            }
        };
        if kind == Kind::Veto {
            worth = 0.0;
        }
        if kind == Kind::Bonus && worth == 0.0 {
            worth = bonus_in_text(&all_text).unwrap_or(0.0);
        }
        let prose = if c.scoring.is_some() {
            scoring.to_string()
        } else {
            [title_raw, standard].join("\n")
        };
        let parsed = parse_scoring(&prose, worth);
        let mut notes = Vec::new();
        let mut deductions = parsed.deductions;
        if kind == Kind::Penalty && worth == 0.0 {
            worth = deductions.iter().map(|d| d.points).fold(0.0, f64::max);
        }
        if kind == Kind::Veto {
            deductions.clear();
        } else if c.scoring.is_some() {
            notes.extend(
                parsed
                    .unread
                    .into_iter()
                    .map(|t| (at, DraftNote::Clause(t))),
            );
        }
        if parsed.all_without_points && kind != Kind::Veto {
            notes.push((at, DraftNote::AllOfNoPoints));
        }
        let code = Self::text(row, c.code);
        reading.drafts.push(Draft {
            at,
            path,
            code: looks_like_code(code).then(|| code.to_string()),
            title: if title.is_empty() {
                one_line(title_raw)
            } else {
                title
            },
            standard: [title_raw, standard, scoring]
                .iter()
                .filter(|t| !t.is_empty())
                .map(|t| t.to_string())
                .collect(),
            points: worth,
            kind,
            deductions,
            methods: list(Self::text(row, c.methods)),
            owners: list(Self::text(row, c.owners)),
            evidence: list(Self::text(row, c.evidence)),
            notes,
        });
    }
}

/// Adds a row's text to the item above (their points cell spans both rows).
fn join(
    draft: &mut Draft,
    row: &TableRow,
    at: RowRef,
    title: &str,
    standard: &str,
    scoring: &str,
    c: &Columns,
) {
    for text in [title, standard, scoring] {
        if !text.is_empty() && !draft.standard.iter().any(|s| s == text) {
            draft.standard.push(text.to_string());
        }
    }
    // A scoring cell merged down from the row above was read with that row.
    let scoring = if RowReader::merge(row, c.scoring) == Merge::Above {
        ""
    } else {
        scoring
    };
    let prose = if c.scoring.is_some() {
        scoring.to_string()
    } else {
        [title, standard].join("\n")
    };
    let parsed = parse_scoring(&prose, draft.points);
    if draft.kind != Kind::Veto {
        draft.deductions.extend(parsed.deductions);
    }
    draft.notes.push((at, DraftNote::Joined));
    if c.scoring.is_some() {
        draft.notes.extend(
            parsed
                .unread
                .into_iter()
                .map(|t| (at, DraftNote::Clause(t))),
        );
    }
    for (col, target) in [
        (c.methods, &mut draft.methods),
        (c.owners, &mut draft.owners),
        (c.evidence, &mut draft.evidence),
    ] {
        for entry in list(RowReader::text(row, col)) {
            if !target.contains(&entry) {
                target.push(entry);
            }
        }
    }
}
