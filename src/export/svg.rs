//! Inline SVG charts for the HTML report: score bars and a trend line. Plain markup,
//! no scripts and no external references, so the page works offline.
//!
//! A bar shows a part of the checklist (a section, or a whole department's session)
//! as its maximum split three ways: points earned, points deducted, and points of
//! items not yet checked — an unchecked item is unchecked, never a zero.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::html::esc;
use super::report::TrendPoint;
use super::rows::clean_line;
use crate::i18n::report::ReportTexts;
use crate::model::checklist::Item;
use crate::model::scoring::Figures;
use crate::model::session::{Session, Status};

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 170.0;
const VALUE_WIDTH: f64 = 130.0;
const ROW_HEIGHT: f64 = 22.0;
const GOOD: &str = "#3a8a3a";
const FAIR: &str = "#2a6fb0";
const POOR: &str = "#c0392b";
const LOST: &str = "#f2b8b5";
const PENDING: &str = "#e4e4e4";

/// One bar: a label and how its maximum splits.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub max: f64,
    /// What the checked base items earned.
    pub earned: f64,
    /// What the checked base items fell short by.
    pub lost: f64,
    /// Points of base items still pending.
    pub pending: f64,
    /// Items still pending, of any kind (as the 已查 column counts them).
    pub pending_items: usize,
    /// The percent as the tables show it, `None` without a maximum.
    pub percent: Option<f64>,
}

impl Bar {
    /// A bar for `items` of `session` with their figures.
    pub fn of<'a>(
        label: String,
        figures: &Figures,
        items: impl IntoIterator<Item = &'a Item>,
        session: &Session,
    ) -> Bar {
        let pending: Vec<&Item> = items
            .into_iter()
            .filter(|item| item.in_scope(session.scope))
            .filter(|item| session.status(&item.code) == Status::Pending)
            .collect();
        let pending_items = pending.len();
        let pending: f64 = pending
            .iter()
            .filter(|item| item.is_base())
            .map(|item| item.points)
            .sum();
        Bar {
            label,
            max: figures.max,
            earned: figures.base,
            lost: (figures.max - figures.base - pending).max(0.0),
            pending,
            pending_items,
            percent: figures.percent(),
        }
    }

    /// Earned of what was checked: the colour of the earned part.
    fn checked_rate(&self) -> Option<f64> {
        let checked = self.earned + self.lost;
        (checked > 0.0).then(|| self.earned / checked * 100.0)
    }
}

/// One bar per part, with a legend of the colours.
pub fn bars(title: &str, bars: &[Bar], t: &ReportTexts) -> String {
    let top = 44.0;
    let height = top + ROW_HEIGHT * bars.len() as f64 + 4.0;
    let track = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let mut svg = open(title, height);
    let _ = write!(
        svg,
        r##"<text x="0" y="14" class="chart-title">{}</text>"##,
        esc(title)
    );
    legend(&mut svg, 32.0, t);
    for (i, bar) in bars.iter().enumerate() {
        let y = top + ROW_HEIGHT * i as f64;
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{ty:.1}" text-anchor="end">{label}</text><rect x="{LABEL_WIDTH:.1}" y="{y:.1}" width="{track:.1}" height="14" fill="{PENDING}"/>"##,
            x = LABEL_WIDTH - 6.0,
            ty = y + 11.5,
            label = esc(&shorten(&clean_line(&bar.label), 24)),
        );
        if bar.max > 0.0 {
            let mut x = LABEL_WIDTH;
            let colour = bar_color(bar.checked_rate().unwrap_or(0.0));
            for (points, fill) in [(bar.earned, colour), (bar.lost, LOST)] {
                let length = track * (points / bar.max).clamp(0.0, 1.0);
                if length > 0.0 {
                    let _ = write!(
                        svg,
                        r##"<rect x="{x:.1}" y="{y:.1}" width="{length:.1}" height="14" fill="{fill}"/>"##
                    );
                }
                x += length;
            }
        }
        let mut value = bar.percent.map_or("—".to_string(), |p| format!("{p:.1}%"));
        if bar.pending_items > 0 {
            value = format!("{value} {}", (t.pending_items)(bar.pending_items));
        }
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{ty:.1}">{value}</text>"##,
            x = LABEL_WIDTH + track + 6.0,
            ty = y + 11.5,
            value = esc(&value),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn legend(svg: &mut String, y: f64, t: &ReportTexts) {
    let mut x = 0.0;
    for (fill, words) in [
        (GOOD, t.legend_good),
        (FAIR, t.legend_fair),
        (POOR, t.legend_poor),
        (LOST, t.legend_lost),
        (PENDING, t.legend_pending),
    ] {
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{ry:.1}" width="10" height="10" fill="{fill}"/><text x="{tx:.1}" y="{y:.1}" class="legend">{words}</text>"##,
            ry = y - 9.0,
            tx = x + 13.0,
            words = esc(words),
        );
        x += 13.0 + text_width(words) * 5.5 + 12.0;
    }
}

/// The score trend; `None` unless at least two points have a percent. The scale
/// reaches past 100 when bonus points take a round there.
pub fn trend(title: &str, points: &[TrendPoint]) -> Option<String> {
    let points: Vec<(&TrendPoint, f64)> = points
        .iter()
        .filter_map(|point| point.percent.map(|p| (point, p.max(0.0))))
        .collect();
    if points.len() < 2 {
        return None;
    }
    let highest = points.iter().map(|(_, p)| *p).fold(100.0, f64::max);
    let ceiling = (highest / 10.0).ceil() * 10.0;
    let (left, right, top, plot_height) = (50.0, 50.0, 44.0, 110.0);
    // The first and last points stand off the axis, so their labels clear its numbers.
    let inset = 24.0;
    let height = top + plot_height + 28.0;
    let step = (WIDTH - left - right - 2.0 * inset) / (points.len() - 1) as f64;
    let y_of = |p: f64| top + plot_height * (1.0 - p / ceiling);
    let mut svg = open(title, height);
    let _ = write!(
        svg,
        r##"<text x="0" y="14" class="chart-title">{}</text>"##,
        esc(title)
    );
    for line in [0.0, 50.0, 100.0] {
        let y = y_of(line);
        let _ = write!(
            svg,
            r##"<line x1="{left}" y1="{y:.1}" x2="{x2:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end" class="axis">{line}</text>"##,
            x2 = WIDTH - right,
            tx = left - 4.0,
            ty = y + 4.0,
        );
    }
    let coords: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (left + inset + step * i as f64, y_of(*p)))
        .collect();
    let path: Vec<String> = coords
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let _ = write!(
        svg,
        r##"<polyline points="{}" fill="none" stroke="#2a6fb0" stroke-width="2"/>"##,
        path.join(" ")
    );
    for ((point, percent), (x, y)) in points.iter().zip(&coords) {
        let _ = write!(
            svg,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="#2a6fb0"><title>{round}</title></circle><text x="{x:.1}" y="{vy:.1}" text-anchor="middle">{percent:.1}</text><text x="{x:.1}" y="{dy:.1}" text-anchor="middle" class="axis">{date}</text>"##,
            round = esc(&clean_line(&point.round)),
            vy = y - 7.0,
            dy = top + plot_height + 18.0,
            date = point.date,
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn open(title: &str, height: f64) -> String {
    format!(
        r##"<svg class="chart" viewBox="0 0 {WIDTH} {height:.0}" width="{WIDTH}" height="{height:.0}" role="img" aria-label="{}">"##,
        esc(title)
    )
}

fn bar_color(percent: f64) -> &'static str {
    if percent >= 90.0 {
        GOOD
    } else if percent >= 60.0 {
        FAIR
    } else {
        POOR
    }
}

/// Display columns of `text` (a CJK character is two).
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| c.width().unwrap_or(0) as f64).sum()
}

/// Cuts `text` to `max` display columns, marking the cut with "…".
fn shorten(text: &str, max: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= max {
        return text.to_string();
    }
    let mut width = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > max.saturating_sub(1) {
            out.push('…');
            return out;
        }
        width += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "svg_tests.rs"]
mod tests;
