//! Screen geometry, shared by the views that draw and the update that handles
//! clicks and scrolling, so both agree on where everything is.

use ratatui::layout::Rect;

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

pub fn walk(area: Rect) -> WalkAreas {
    let inner = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    let footer_height = 3.min(inner.height);
    let main = Rect {
        height: inner.height - footer_height,
        ..inner
    };
    let footer_rule = Rect {
        y: main.y + main.height,
        height: footer_height.min(1),
        ..inner
    };
    let status = Rect {
        y: footer_rule.y + 1,
        height: 1.min(footer_height.saturating_sub(1)),
        ..inner
    };
    let hints = Rect {
        y: status.y + 1,
        height: 1.min(footer_height.saturating_sub(2)),
        ..inner
    };
    let side_by_side = area.width >= SIDE_BY_SIDE_WIDTH;
    let (tree, divider, detail) = if side_by_side {
        let tree_width = (main.width * 2 / 5).clamp(28.min(main.width), 56);
        let tree = Rect {
            width: tree_width,
            ..main
        };
        let divider = Rect {
            x: main.x + tree_width,
            width: 1.min(main.width.saturating_sub(tree_width)),
            ..main
        };
        let detail = Rect {
            x: divider.x + divider.width,
            width: main.width.saturating_sub(tree_width + divider.width),
            ..main
        };
        (tree, divider, detail)
    } else {
        let tree_height = (main.height * 11 / 20).max(3.min(main.height));
        let tree = Rect {
            height: tree_height,
            ..main
        };
        let divider = Rect {
            y: main.y + tree_height,
            height: 1.min(main.height.saturating_sub(tree_height)),
            ..main
        };
        let detail = Rect {
            y: divider.y + divider.height,
            height: main.height.saturating_sub(tree_height + divider.height),
            ..main
        };
        (tree, divider, detail)
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
}

pub fn home(area: Rect) -> HomeAreas {
    let w = walk(area);
    let rounds_width = if area.width >= SIDE_BY_SIDE_WIDTH {
        (w.inner.width / 4).clamp(16, 28)
    } else {
        0
    };
    let main = Rect {
        height: w
            .inner
            .height
            .saturating_sub(w.status.height + w.hints.height + w.footer_rule.height),
        ..w.inner
    };
    let (rounds, divider, sessions) = if rounds_width > 0 {
        let rounds = Rect {
            width: rounds_width,
            ..main
        };
        let divider = Rect {
            x: main.x + rounds_width,
            width: 1,
            ..main
        };
        let sessions = Rect {
            x: divider.x + 1,
            width: main.width.saturating_sub(rounds_width + 1),
            ..main
        };
        (rounds, divider, sessions)
    } else {
        // Narrow: one line of round selector above the sessions.
        let rounds = Rect {
            height: 1.min(main.height),
            ..main
        };
        let divider = Rect {
            y: main.y + rounds.height,
            height: 0,
            ..main
        };
        let sessions = Rect {
            y: main.y + rounds.height,
            height: main.height.saturating_sub(rounds.height),
            ..main
        };
        (rounds, divider, sessions)
    };
    HomeAreas {
        inner: w.inner,
        rounds,
        divider,
        sessions,
        footer_rule: w.footer_rule,
        status: w.status,
        hints: w.hints,
    }
}

/// A pop-up of at most `width`×`height`, centred, never larger than the screen.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.x + rect.width && row >= rect.y && row < rect.y + rect.height
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
        }
    }
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
    let w = walk(area);
    let main = Rect {
        height: w.footer_rule.y.saturating_sub(w.inner.y),
        ..w.inner
    };
    let header = Rect {
        height: header_rows.min(main.height),
        ..main
    };
    let table_header = Rect {
        y: main.y + header.height,
        height: 1.min(main.height - header.height),
        ..main
    };
    let rows = Rect {
        y: table_header.y + table_header.height,
        height: main.height - header.height - table_header.height,
        ..main
    };
    ListAreas {
        header,
        table_header,
        rows,
        footer_rule: w.footer_rule,
        status: w.status,
        hints: w.hints,
    }
}
