//! Screen geometry, shared by the views that draw and the update that handles
//! clicks and scrolling, so both agree on where everything is.

use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};

use super::app::{MIN_HEIGHT, MIN_WIDTH};

/// Below this width the walk screen stacks the tree above the details.
pub const SIDE_BY_SIDE_WIDTH: u16 = 70;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkAreas {
    /// Inside the outer frame.
    pub inner: Rect,
    /// Item rows (inside the tree's own border).
    pub tree: Rect,
    pub detail: Rect,
    /// The line between the panes (vertical when side by side, else horizontal).
    pub divider: Rect,
    pub footer_rule: Rect,
    pub status: Rect,
    pub hints: Rect,
    pub side_by_side: bool,
}

/// Three lines at the bottom (rule, status, hints) and the rest above them.
fn main_and_footer(inner: Rect) -> (Rect, [Rect; 3]) {
    let footer_height = 3.min(inner.height);
    let [main, footer] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer_height)]).areas(inner);
    let lines = Layout::vertical([Constraint::Length(1); 3]).areas(footer);
    (main, lines)
}

/// `first`, a one-cell divider and the rest, across `area` (horizontal) or down it.
fn split_with_divider(area: Rect, first: u16, horizontal: bool) -> [Rect; 3] {
    let constraints = [
        Constraint::Length(first),
        Constraint::Length(1),
        Constraint::Fill(1),
    ];
    if horizontal {
        Layout::horizontal(constraints).areas(area)
    } else {
        Layout::vertical(constraints).areas(area)
    }
}

pub fn walk(area: Rect) -> WalkAreas {
    let inner = area.inner(Margin::new(1, 1));
    let (main, [footer_rule, status, hints]) = main_and_footer(inner);
    let side_by_side = area.width >= SIDE_BY_SIDE_WIDTH;
    let [tree, divider, detail] = if side_by_side {
        let tree_width = (main.width * 2 / 5).clamp(28.min(main.width), 56);
        split_with_divider(main, tree_width, true)
    } else {
        let tree_height = (main.height * 11 / 20).max(3.min(main.height));
        split_with_divider(main, tree_height, false)
    };
    WalkAreas {
        inner,
        tree,
        detail,
        divider,
        footer_rule,
        status,
        hints,
        side_by_side,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HomeAreas {
    pub inner: Rect,
    pub rounds: Rect,
    pub divider: Rect,
    /// The sessions table, header row included.
    pub sessions: Rect,
    pub footer_rule: Rect,
    pub status: Rect,
    pub hints: Rect,
    /// Lines of their own above the footer: the unit profile offer, what is late.
    pub notices: Rect,
}

pub fn home(area: Rect) -> HomeAreas {
    home_with_notices(area, 0)
}

/// The home screen with `notices` lines kept above the footer.
pub fn home_with_notices(area: Rect, notices: u16) -> HomeAreas {
    let inner = area.inner(Margin::new(1, 1));
    let (main, [footer_rule, status, hints]) = main_and_footer(inner);
    let [main, notices] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(notices)]).areas(main);
    let [rounds, divider, sessions] = if area.width >= SIDE_BY_SIDE_WIDTH {
        split_with_divider(main, (inner.width / 4).clamp(16, 28), true)
    } else {
        // Narrow: one line of round selector above the sessions.
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(0),
            Constraint::Fill(1),
        ])
        .areas(main)
    };
    HomeAreas {
        inner,
        rounds,
        divider,
        sessions,
        footer_rule,
        status,
        hints,
        notices,
    }
}

/// A pop-up of at most `width`×`height`, centred, never larger than the screen.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    rect.contains(Position::new(column, row))
}

/// Header lines above the compare table.
pub const COMPARE_HEADER_ROWS: u16 = 3;

/// A full-screen list (compare, ledger): header lines, a table header, rows, footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub header: Rect,
    pub table_header: Rect,
    pub rows: Rect,
    pub footer_rule: Rect,
    pub status: Rect,
    pub hints: Rect,
}

pub fn list_screen(area: Rect, header_rows: u16) -> ListAreas {
    let (main, [footer_rule, status, hints]) = main_and_footer(area.inner(Margin::new(1, 1)));
    let [header, table_header, rows] = Layout::vertical([
        Constraint::Length(header_rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(main);
    ListAreas {
        header,
        table_header,
        rows,
        footer_rule,
        status,
        hints,
    }
}

/// A list screen's rows area split into the list and, below it, up to `detail`
/// lines about the selected row (never more than half the area).
pub fn list_and_detail(rows: Rect, detail: u16) -> [Rect; 2] {
    Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(detail.min(rows.height / 2)),
    ])
    .areas(rows)
}

/// The history screen: the trend chart, the list of rounds, and the selected
/// round's changes per section under their heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryAreas {
    pub chart: Rect,
    pub rounds: Rect,
    pub sections_heading: Rect,
    pub sections: Rect,
    pub list: ListAreas,
}

/// `rounds` and `sections` are how many rows the lists would take; the chart takes
/// a third of the height, and what the lists leave over.
pub fn history(area: Rect, rounds: usize, sections: usize) -> HistoryAreas {
    let list = list_screen(area, 0);
    let main = Rect {
        height: list.footer_rule.y.saturating_sub(list.header.y),
        ..list.header
    };
    let rows = |count: usize| u16::try_from(count).unwrap_or(u16::MAX);
    let chart = (main.height / 3).clamp(4.min(main.height), 10);
    let rest = main.height - chart;
    let rounds = rows(rounds).min((rest / 3).max(2.min(rest)));
    let left_over = rest.saturating_sub(rounds + 1 + rows(sections.max(1)));
    let chart = chart + left_over;
    let [chart, rounds, sections_heading, sections] = Layout::vertical([
        Constraint::Length(chart),
        Constraint::Length(rounds),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(main);
    HistoryAreas {
        chart,
        rounds,
        sections_heading,
        sections,
        list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_areas_fit_and_do_not_overlap() {
        for (w, h) in [(100, 30), (80, 24), (40, 15), (36, 10), (200, 50)] {
            let area = Rect::new(0, 0, w, h);
            let a = walk(area);
            for rect in [a.tree, a.detail, a.status, a.hints] {
                assert!(
                    area.contains(rect.as_position()) || rect.area() == 0,
                    "{w}x{h}: {rect:?}"
                );
                assert!(rect.right() <= area.right() && rect.bottom() <= area.bottom());
            }
            assert!(a.tree.intersection(a.detail).area() == 0, "{w}x{h}");
            assert!(a.tree.height >= 3, "{w}x{h}: tree {:?}", a.tree);
            assert_eq!(
                a.hints.bottom(),
                area.bottom() - 1,
                "{w}x{h}: hints on the last inner line"
            );
        }
    }

    #[test]
    fn popups_are_centred_and_clipped() {
        let area = Rect::new(0, 0, 80, 24);
        assert_eq!(popup(area, 40, 10), Rect::new(20, 7, 40, 10));
        assert_eq!(popup(area, 100, 30), area);
    }
}
