//! The home screen: rounds, newest first, and the selected round's sessions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, HomeFocus, HomeNotice, SessionRow, home_notices};
use super::super::keymap::Mode;
use super::super::layout;
use super::super::text::{display_line, fit, shell_word, truncate};
use super::common::{frame_block, message_or_hints, rule, vertical_rule};
use crate::model::scoring::{Verdict, format_points};

pub fn draw(frame: &mut Frame, app: &App, mode: Mode) {
    let area = frame.area();
    let notices = home_notices(app);
    let areas = layout::home_with_notices(area, notices.len() as u16);
    let t = app.lang.ui();
    draw_notices(frame, app, &notices, areas.notices);
    frame.render_widget(frame_block(app, t.home_title), area);
    rule(frame, app, areas.footer_rule);
    if areas.divider.width > 0 {
        vertical_rule(frame, app, areas.divider);
        draw_rounds(frame, app, areas.rounds);
    } else {
        draw_round_selector(frame, app, areas.rounds);
    }
    draw_sessions(frame, app, areas.sessions);
    let home = &app.home;
    let status = if home.loaded {
        format!(
            "{} {}  {} {}",
            t.rounds_count,
            home.rounds.len(),
            t.sessions_count,
            home.data.sessions.len()
        )
    } else {
        t.loading.to_string()
    };
    let status = if home.ranking {
        format!("{}  {status}", app.lang.board().title)
    } else {
        status
    };
    frame.render_widget(
        Paragraph::new(truncate(&status, usize::from(areas.status.width))),
        areas.status,
    );
    message_or_hints(frame, app, mode, areas.hints);
}

/// The lines of their own above the footer: the offer to create the unit profile
/// (with its key), a damaged profile, the count of what is late.
fn draw_notices(frame: &mut Frame, app: &App, notices: &[HomeNotice], area: Rect) {
    let t = app.lang.deadlines();
    let width = usize::from(area.width);
    let lines: Vec<Line> = notices
        .iter()
        .map(|notice| {
            let (text, style) = match notice {
                HomeNotice::OfferProfile => {
                    ((t.offer_profile)(&app.keys.create_profile), app.theme.dim())
                }
                HomeNotice::ProfileDamaged(why) => (
                    display_line(why.lines().next().unwrap_or("")),
                    app.theme.warning(),
                ),
                HomeNotice::Late(late) if late.activities + late.rectifications == 0 => {
                    (t.nothing_late.to_string(), app.theme.dim())
                }
                HomeNotice::Late(late) => (
                    (t.late_line)(late.activities, late.rectifications),
                    app.theme.warning(),
                ),
            };
            Line::from(Span::styled(truncate(&text, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The first row shown so that `cursor` is visible in `height` rows.
pub fn list_offset(cursor: usize, height: usize) -> usize {
    cursor.saturating_sub(height.saturating_sub(1))
}

fn draw_rounds(frame: &mut Frame, app: &App, area: Rect) {
    let home = &app.home;
    let width = usize::from(area.width);
    let offset = list_offset(home.round_cursor, usize::from(area.height));
    let lines: Vec<Line> = home
        .rounds
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(area.height))
        .map(|(index, label)| {
            let text = fit(&format!(" {}", display_line(label)), width);
            if index == home.round_cursor {
                let style = if home.focus == HomeFocus::Rounds {
                    app.theme.selected()
                } else {
                    app.theme.heading()
                };
                Line::from(Span::styled(text, style))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_round_selector(frame: &mut Frame, app: &App, area: Rect) {
    let home = &app.home;
    let Some(label) = home.selected_round() else {
        return;
    };
    let text = format!(
        "< {} > {}/{}",
        display_line(label),
        home.round_cursor + 1,
        home.rounds.len()
    );
    let style = if home.focus == HomeFocus::Rounds {
        app.theme.selected()
    } else {
        app.theme.heading()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&text, usize::from(area.width)),
            style,
        )),
        area,
    );
}

struct Columns {
    department: usize,
    checklist: usize,
    gauge: usize,
    /// Points; 0 where there is room only for the percentage.
    score: usize,
    percent: usize,
    deducted: usize,
    verdict: usize,
    fixes: usize,
}

/// Cells the verdict column needs: 取消评优资格 in full.
const VERDICT_WIDTH: usize = 12;

/// Column widths for `width` cells: every column beside the department and the
/// checklist keeps its width; the verdict is never cut (取消评优资格, not 取消).
fn columns(width: usize) -> Columns {
    let wide = width >= 72;
    let (gauge, score, percent, deducted, fixes) = if wide {
        (13, 6, 6, 5, 4)
    } else if width >= 50 {
        (9, 6, 6, 0, 0)
    } else {
        (6, 0, 6, 0, 0)
    };
    let verdict = VERDICT_WIDTH;
    let fixed = gauge + score + percent + deducted + verdict + fixes + 7;
    let rest = width.saturating_sub(fixed);
    let (department, checklist) = if wide {
        let department = (rest * 2 / 5).clamp(6, 20);
        (department, rest.saturating_sub(department + 1))
    } else {
        (rest, 0)
    };
    Columns {
        department,
        checklist,
        gauge,
        score,
        percent,
        deducted,
        verdict,
        fixes,
    }
}

fn draw_sessions(frame: &mut Frame, app: &App, area: Rect) {
    let t = app.lang.ui();
    let home = &app.home;
    let width = usize::from(area.width);
    if width == 0 || area.height == 0 {
        return;
    }
    if home.ranking {
        super::ranking::draw(frame, app, area);
        return;
    }
    let sessions = home.round_sessions();
    if home.loaded && sessions.is_empty() {
        let keys = &app.keys;
        let text = if home.data.sessions.is_empty() {
            let demo = match home.data.data_dir.as_str() {
                "" => "zicha demo".to_string(),
                dir => format!("zicha --data-dir {} demo", shell_word(dir)),
            };
            (t.welcome)(&keys.new_session, &demo, &keys.reload)
        } else {
            (t.no_sessions_yet)(&keys.new_session)
        };
        let lines: Vec<Line> = super::super::text::wrap(&text, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, app.theme.dim())))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let c = columns(width);
    let mut header = vec![fit(t.department, c.department)];
    if c.checklist > 0 {
        header.push(fit(t.checklist, c.checklist));
    }
    header.push(fit(t.progress, c.gauge));
    if c.score > 0 {
        header.push(fit(t.score, c.score));
    }
    header.push(fit(t.score_rate, c.percent));
    if c.deducted > 0 {
        header.push(fit(t.deducted, c.deducted));
    }
    header.push(fit(t.verdict, c.verdict));
    if c.fixes > 0 {
        header.push(fit(t.open_fixes, c.fixes));
    }
    super::common::home_table(frame, app, area, &header.join(" "), &sessions, |row| {
        session_line(app, row, &c, width)
    });
}

fn session_line(app: &App, row: &SessionRow, c: &Columns, width: usize) -> Line<'static> {
    let t = app.lang.ui();
    let figures = row.summary.figures;
    let department = if row.finished {
        format!("{} [{}]", display_line(&row.department), t.finished_short)
    } else {
        display_line(&row.department)
    };
    let mut spans = vec![Span::raw(fit(&department, c.department))];
    if c.checklist > 0 {
        spans.push(Span::raw(format!(
            " {}",
            fit(&display_line(&row.checklist_title), c.checklist)
        )));
    }
    spans.push(Span::raw(" "));
    spans.extend(gauge(app, figures.checked, figures.total, c.gauge));
    if c.score > 0 {
        let points = format_points(figures.score);
        spans.push(Span::raw(format!(" {}", fit(&points, c.score))));
    }
    let percent = row
        .summary
        .percent()
        .map_or_else(|| "--".to_string(), |p| format!("{p:.1}%"));
    spans.push(Span::raw(format!(" {}", fit(&percent, c.percent))));
    if c.deducted > 0 {
        spans.push(Span::raw(format!(
            " {}",
            fit(&format_points(figures.deducted), c.deducted)
        )));
    }
    let verdict = row.summary.verdict();
    let verdict_style = match verdict {
        Verdict::Veto | Verdict::Disqualified => app.theme.warning(),
        _ => Style::new(),
    };
    let words = app.lang.screen_verdict(&verdict).unwrap_or_default();
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        fit(&display_line(words), c.verdict),
        verdict_style,
    ));
    if c.fixes > 0 {
        let fixes = row.summary.open_rectifications;
        let text = if fixes > 0 {
            fixes.to_string()
        } else {
            String::new()
        };
        spans.push(Span::raw(format!(" {}", fit(&text, c.fixes))));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    Line::from(spans)
}

/// A progress bar of `width` cells: filled cells, then "checked/total".
fn gauge(app: &App, checked: usize, total: usize, width: usize) -> Vec<Span<'static>> {
    let count = format!("{checked}/{total}");
    let bar_width = width.saturating_sub(count.width() + 1);
    let filled = if total == 0 {
        0
    } else {
        (bar_width * checked).div_ceil(total).min(bar_width)
    };
    let (fill_style, fill_char) = app.theme.gauge_fill();
    let empty_char = if app.theme.color { ' ' } else { '-' };
    let empty_style = if app.theme.color {
        app.theme
            .dim()
            .add_modifier(ratatui::style::Modifier::REVERSED)
    } else {
        Style::new()
    };
    vec![
        Span::styled(fill_char.to_string().repeat(filled), fill_style),
        Span::styled(
            empty_char.to_string().repeat(bar_width - filled),
            empty_style,
        ),
        Span::raw(fit(&format!(" {count}"), width - bar_width)),
    ]
}
