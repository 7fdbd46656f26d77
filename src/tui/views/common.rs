//! Pieces every view uses: frames, the hint bar, pop-up clearing, padded lines.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, HomeFocus, MessageKind, RunningJob};
use super::super::jobs::JobKind;
use super::super::keymap::{Binding, Mode, binding_keys, bindings, global_bindings};
use super::super::text::{display_line, fit, truncate};

/// A bordered block with a title, in the theme's border set.
pub fn frame_block<'a>(app: &App, title: &str) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_set(app.theme.border())
        .title(Span::styled(
            format!(" {} ", display_line(title)),
            app.theme.heading(),
        ))
}

/// A horizontal rule across `area` (one row), joined to the frame at both ends.
pub fn rule(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let set = app.theme.border();
    let line = set.horizontal_top.repeat(usize::from(area.width));
    frame.render_widget(Paragraph::new(line), area);
    let buffer = frame.buffer_mut();
    let (left, right) = if app.theme.ascii {
        ("+", "+")
    } else {
        ("├", "┤")
    };
    if area.x > 0 {
        buffer[(area.x - 1, area.y)].set_symbol(left);
    }
    if area.right() < buffer.area.right() {
        buffer[(area.right(), area.y)].set_symbol(right);
    }
}

/// A vertical rule down `area` (one column), joined to horizontal borders above
/// and below where there is one (never over a title).
pub fn vertical_rule(frame: &mut Frame, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let set = app.theme.border();
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        buffer[(area.x, y)].set_symbol(set.vertical_left);
    }
    let (top, bottom) = if app.theme.ascii {
        ("+", "+")
    } else {
        ("┬", "┴")
    };
    if area.y > 0 && buffer[(area.x, area.y - 1)].symbol() == set.horizontal_top {
        buffer[(area.x, area.y - 1)].set_symbol(top);
    }
    if area.bottom() < buffer.area.bottom()
        && buffer[(area.x, area.bottom())].symbol() == set.horizontal_bottom
    {
        buffer[(area.x, area.bottom())].set_symbol(bottom);
    }
}

/// The key hints for a mode, generated from the key table, cut to fit.
pub fn hint_line(app: &App, mode: Mode, width: u16) -> Line<'static> {
    // Chinese labels read well right after the key ("1达标"); English ones need a space.
    let gap = if app.lang == crate::i18n::Lang::En {
        " "
    } else {
        ""
    };
    // A finished (or elsewhere held) session: no hints for edits it refuses.
    let read_only = mode == Mode::Walk && app.walk.as_ref().is_some_and(|w| !w.editable());
    let hints: Vec<(&Binding, String, String)> = bindings(mode)
        .iter()
        .filter(|b| b.hint && !(read_only && b.command.edits()))
        .map(|binding| {
            let keys = binding.keys.first().map_or(String::new(), |key| {
                super::super::keymap::key_label(key, app.lang)
            });
            let label = format!("{gap}{}", app.lang.command(binding.command).hint);
            (binding, keys, label)
        })
        .collect();
    let piece = |keys: &str, label: &str| keys.width() + label.width() + 2;
    // Room for the kept hints first; the others fill what is left, in table order.
    let mut room = usize::from(width);
    let mut shown = vec![false; hints.len()];
    for keep in [true, false] {
        for (i, (binding, keys, label)) in hints.iter().enumerate() {
            if binding.keep != keep {
                continue;
            }
            let needed = piece(keys, label);
            if needed > room {
                if keep {
                    continue;
                }
                break;
            }
            room -= needed;
            shown[i] = true;
        }
    }
    let mut spans = Vec::new();
    for ((_, keys, label), _) in hints.into_iter().zip(&shown).filter(|(_, shown)| **shown) {
        spans.push(Span::styled(keys, app.theme.key()));
        spans.push(Span::raw(format!("{label}  ")));
    }
    Line::from(spans)
}

/// Help rows for a mode: (keys, description).
pub fn help_rows(app: &App, mode: Mode) -> Vec<(String, String)> {
    bindings(mode)
        .iter()
        .map(|binding| {
            (
                binding_keys(binding, app.lang),
                app.lang.command(binding.command).help.to_string(),
            )
        })
        .collect()
}

/// Help rows for the keys that work everywhere (Ctrl-c).
pub fn global_help_rows(app: &App) -> Vec<(String, String)> {
    global_bindings()
        .iter()
        .map(|binding| {
            (
                binding_keys(binding, app.lang),
                app.lang.command(binding.command).help.to_string(),
            )
        })
        .collect()
}

/// The message line if there is a message, else the hints.
pub fn message_or_hints(frame: &mut Frame, app: &App, mode: Mode, area: Rect) {
    let line = match &app.message {
        Some(message) => {
            let style = match message.kind {
                MessageKind::Error => app.theme.warning(),
                MessageKind::Info => app.theme.ok(),
            };
            Line::from(Span::styled(
                truncate(&display_line(&message.text), usize::from(area.width)),
                style,
            ))
        }
        None => match app.jobs.visible(app.now) {
            Some(job) => Line::from(Span::styled(
                truncate(&job_line(app, job), usize::from(area.width)),
                app.theme.dim(),
            )),
            None => hint_line(app, mode, area.width),
        },
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// "正在建立索引 3,400/10,000": what a job that has run a while is doing.
pub fn job_line(app: &App, job: &RunningJob) -> String {
    let words = &app.lang.ui().jobs;
    let label = match job.kind {
        JobKind::Home if job.total > 0 => words.building_index,
        JobKind::Home => words.loading,
        JobKind::Open => words.opening,
        JobKind::Compare => words.comparing,
        JobKind::History => words.reading_history,
        JobKind::Ledger | JobKind::Board => words.reading_ledger,
        JobKind::Export => words.exporting,
        JobKind::Other => words.working,
    };
    if job.total == 0 {
        return label.to_string();
    }
    format!("{label} {}/{}", thousands(job.done), thousands(job.total))
}

/// 10000 → "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Clears a pop-up's area, including halves of wide characters cut by its edges,
/// so no fragment of what was under it stays on screen.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let buffer = frame.buffer_mut();
    heal_edges(buffer, area);
}

/// A wide character just left of `area` spills into it, and one at its right edge
/// spills out: blank both so the terminal never keeps half a character.
pub fn heal_edges(buffer: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        if area.x > buffer.area.x {
            let left = &mut buffer[(area.x - 1, y)];
            if left.symbol().width() > 1 {
                left.set_symbol(" ");
            }
        }
        let after = area.right();
        if after < buffer.area.right() {
            let spill = &mut buffer[(after, y)];
            if spill.symbol().is_empty() {
                spill.set_symbol(" ");
            }
        }
    }
}

/// "label  value" with the label padded to `label_width`, value styled.
pub fn labelled(
    label: &str,
    label_width: usize,
    value: Vec<Span<'static>>,
    label_style: Style,
) -> Line<'static> {
    let mut spans = vec![
        Span::styled(fit(label, label_width), label_style),
        Span::raw("  "),
    ];
    spans.extend(value);
    Line::from(spans)
}

/// The home screen's right pane as a table: a heading row, then the rows that fit
/// from the pane's scroll, the one under the cursor marked (brighter while the pane
/// has the focus). Sessions and the ranking both draw it.
pub fn home_table<R>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    heading: &str,
    rows: &[R],
    line: impl Fn(&R) -> Line<'static>,
) {
    let home = &app.home;
    let width = usize::from(area.width);
    let mut lines = vec![Line::from(Span::styled(
        fit(heading, width),
        app.theme.heading(),
    ))];
    let height = usize::from(area.height.saturating_sub(1));
    for (index, row) in rows
        .iter()
        .enumerate()
        .skip(home.session_scroll)
        .take(height)
    {
        let mut drawn = line(row);
        if index == home.session_cursor {
            let style = if home.focus == HomeFocus::Sessions {
                app.theme.selected()
            } else {
                app.theme.heading()
            };
            drawn = drawn.patch_style(style);
        }
        lines.push(drawn);
    }
    frame.render_widget(Paragraph::new(lines), area);
}
