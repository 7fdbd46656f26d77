//! Colours and marks. Basic ANSI colours read on dark and light terminals;
//! with NO_COLOR only bold, dim and reverse video remain.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::board::Band;
use crate::model::session::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty.
    pub fn from_env(ascii: bool) -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme { color, ascii }
    }

    pub fn plain() -> Theme {
        Theme {
            color: false,
            ascii: false,
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Pass => self.fg(Color::Green),
            Status::Partial => self.fg(Color::Yellow),
            Status::Fail => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Status::Na => self.fg(Color::DarkGray),
            Status::Pending => Style::new(),
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn label(&self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A board row's band: its colour (the band's word is always shown beside it).
    pub fn band(&self, band: Band) -> Style {
        match band {
            Band::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Band::Yellow => self.fg(Color::Yellow),
            Band::Green => self.fg(Color::Green),
        }
    }

    /// The filled part of a progress bar: coloured cells, or '#' without colour.
    pub fn gauge_fill(&self) -> (Style, char) {
        if self.color {
            (Style::new().bg(Color::Green).fg(Color::Black), ' ')
        } else {
            (Style::new(), '#')
        }
    }
}

/// ASCII status marks: never ambiguous-width characters.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "[+]",
        Status::Partial => "[~]",
        Status::Fail => "[!]",
        Status::Na => "[/]",
        Status::Pending => "[ ]",
    }
}
