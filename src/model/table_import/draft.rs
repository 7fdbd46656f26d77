//! What reading a row produces: section headings and drafts of items, and the
//! small readers of cell text they are made with.

use super::numbers::{halfwidth, is_number_char, parse_number, points_in_text};
use super::report::{Kind, RowRef};
use super::scoring::strip_numbering;
use crate::model::checklist::Deduction;

/// Which column holds what, for reading rows.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    pub code: Option<usize>,
    /// Section levels, outermost first.
    pub sections: Vec<usize>,
    /// The item's text: the content column, else the last level column.
    pub title: usize,
    /// A standard column beside a content column.
    pub standard: Option<usize>,
    pub points: Option<usize>,
    pub scoring: Option<usize>,
    pub methods: Option<usize>,
    pub owners: Option<usize>,
    pub evidence: Option<usize>,
}

/// A section heading as met in a row; `id` tells two headings of the same text apart.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Heading {
    pub id: usize,
    pub at: RowRef,
    /// As written, to tell a repeated cell from a new heading.
    pub raw: String,
    pub title: String,
    pub stated: Option<f64>,
    pub part: Option<Kind>,
}

impl Heading {
    pub fn new(id: usize, at: RowRef, raw: &str, stated: Option<f64>) -> Heading {
        let (stated_here, without) = match points_in_text(raw) {
            Some((points, rest)) => (Some(points), rest),
            None => (None, raw.to_string()),
        };
        let title = one_line(strip_numbering(without.trim()));
        Heading {
            id,
            at,
            raw: raw.to_string(),
            title: if title.is_empty() {
                one_line(raw)
            } else {
                title
            },
            stated: stated.or(stated_here),
            part: part_of(raw),
        }
    }
}

/// A note about a draft, placed once the draft has its code.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum DraftNote {
    Joined,
    Clause(String),
    AllOfNoPoints,
}

/// An item as read, before it has a code.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Draft {
    pub at: RowRef,
    pub path: Vec<Heading>,
    pub code: Option<String>,
    pub title: String,
    pub standard: Vec<String>,
    pub points: f64,
    pub kind: Kind,
    pub deductions: Vec<Deduction>,
    pub methods: Vec<String>,
    pub owners: Vec<String>,
    pub evidence: Vec<String>,
    pub notes: Vec<(RowRef, DraftNote)>,
}

pub(super) fn part_of(text: &str) -> Option<Kind> {
    if text.contains("一票否决") {
        Some(Kind::Veto)
    } else if ["负面清单", "扣分项", "减分项"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Kind::Penalty)
    } else if text.contains("加分") {
        Some(Kind::Bonus)
    } else {
        None
    }
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The item's title: its text without numbering and stated points, the first
/// sentence when the text is long.
pub(super) fn item_title(raw: &str) -> String {
    let without = points_in_text(raw).map_or(raw.to_string(), |(_, rest)| rest);
    let text = strip_numbering(without.trim());
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let title = if first_line.chars().count() > 30 {
        first_line
            .split(['。', '；', ';'])
            .find(|part| !part.trim().is_empty())
            .unwrap_or(first_line)
    } else {
        first_line
    };
    one_line(title.trim_end_matches(['。', '；', ';', '，', ',']))
}

pub(super) fn list(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';', '/', '\n'])
        .map(|part| strip_numbering(part.trim()).trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

/// An item code as tables write them: "1.2", "A3", "8.1-2"; no spaces, at most 32 bytes.
pub(super) fn looks_like_code(text: &str) -> bool {
    (1..=32).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// The largest "加N分" in a text (a bonus item's worth when no points cell says it).
pub(super) fn bonus_in_text(text: &str) -> Option<f64> {
    let halfwidth = halfwidth(text);
    let mut best: Option<f64> = None;
    for (at, _) in halfwidth.match_indices('加') {
        let digits: String = halfwidth[at + '加'.len_utf8()..]
            .chars()
            .take_while(|c| is_number_char(*c))
            .collect();
        let rest = &halfwidth[at + '加'.len_utf8() + digits.len()..];
        if rest.starts_with('分')
            && let Some(points) = parse_number(&digits)
        {
            best = Some(best.map_or(points, |b: f64| b.max(points)));
        }
    }
    best
}

pub(super) fn part_of_title(title: &str) -> Option<Kind> {
    ["一票否决", "加分", "负面清单", "扣分项"]
        .iter()
        .any(|w| title.starts_with(w))
        .then(|| part_of(title))
        .flatten()
}

pub(super) fn same_path(a: &[Heading], b: &[Heading]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id == y.id)
}
