//! Inline SVG charts for the HTML report: horizontal percent bars and a trend line.
//! Plain markup, no scripts and no external references, so the page works offline.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::html::esc;
use super::report::TrendPoint;
use super::rows::clean_line;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 190.0;
const VALUE_WIDTH: f64 = 60.0;
const ROW_HEIGHT: f64 = 22.0;

/// One bar per label; a bar without a percent shows "—".
pub fn bars(title: &str, bars: &[(String, Option<f64>)]) -> String {
    let height = ROW_HEIGHT * bars.len() as f64 + 30.0;
    let track = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let mut svg = open(title, height);
    let _ = write!(
        svg,
        r##"<text x="0" y="14" class="chart-title">{}</text>"##,
        esc(title)
    );
    for (i, (label, percent)) in bars.iter().enumerate() {
        let y = 24.0 + ROW_HEIGHT * i as f64;
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{ty:.1}" text-anchor="end">{label}</text><rect x="{LABEL_WIDTH:.1}" y="{y:.1}" width="{track:.1}" height="14" fill="#eee"/>"##,
            x = LABEL_WIDTH - 6.0,
            ty = y + 11.5,
            label = esc(&shorten(&clean_line(label), 26)),
        );
        let value = match percent {
            Some(p) => {
                let length = track * p.clamp(0.0, 100.0) / 100.0;
                let _ = write!(
                    svg,
                    r##"<rect x="{LABEL_WIDTH:.1}" y="{y:.1}" width="{length:.1}" height="14" fill="{}"/>"##,
                    bar_color(*p)
                );
                format!("{p:.1}%")
            }
            None => "—".to_string(),
        };
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{ty:.1}">{value}</text>"##,
            x = LABEL_WIDTH + track + 6.0,
            ty = y + 11.5,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The score trend; `None` unless at least two points have a percent.
pub fn trend(title: &str, points: &[TrendPoint]) -> Option<String> {
    let points: Vec<(&TrendPoint, f64)> = points
        .iter()
        .filter_map(|point| point.percent.map(|p| (point, p.clamp(0.0, 100.0))))
        .collect();
    if points.len() < 2 {
        return None;
    }
    let (left, right, top, plot_height) = (50.0, 50.0, 30.0, 140.0);
    let height = top + plot_height + 40.0;
    let step = (WIDTH - left - right) / (points.len() - 1) as f64;
    let y_of = |p: f64| top + plot_height * (1.0 - p / 100.0);
    let mut svg = open(title, height);
    let _ = write!(
        svg,
        r##"<text x="0" y="14" class="chart-title">{}</text>"##,
        esc(title)
    );
    for grid in [0.0, 50.0, 100.0] {
        let y = y_of(grid);
        let _ = write!(
            svg,
            r##"<line x1="{left}" y1="{y:.1}" x2="{x2:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end">{grid}</text>"##,
            x2 = WIDTH - right,
            tx = left - 4.0,
            ty = y + 4.0,
        );
    }
    let coords: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (left + step * i as f64, y_of(*p)))
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
        "#3a8a3a"
    } else if percent >= 60.0 {
        "#2a6fb0"
    } else {
        "#c0392b"
    }
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
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn point(day: u32, percent: Option<f64>) -> TrendPoint {
        TrendPoint {
            date: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
            round: format!("<r{day}>"),
            percent,
        }
    }

    #[test]
    fn a_trend_needs_two_points_with_a_percent() {
        assert!(trend("t", &[point(1, Some(50.0))]).is_none());
        assert!(trend("t", &[point(1, Some(50.0)), point(2, None)]).is_none());
        let svg = trend("t", &[point(1, Some(50.0)), point(2, Some(75.0))]).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("&lt;r2&gt;") && !svg.contains("<r2>"));
    }

    #[test]
    fn bars_escape_labels_and_show_a_dash_without_percent() {
        let svg = bars("s", &[("<b>".into(), Some(40.0)), ("空".into(), None)]);
        assert!(svg.contains("&lt;b&gt;"));
        assert!(svg.contains("40.0%") && svg.contains(">—<"));
    }

    #[test]
    fn long_labels_are_cut_by_display_width() {
        assert_eq!(shorten("办公室党群室", 8), "办公室…");
        assert_eq!(shorten("abc", 8), "abc");
        assert_eq!(shorten("办公室党", 8), "办公室党");
    }
}
