use super::*;
use crate::i18n::report::ZH;
use chrono::NaiveDate;

fn point(day: u32, percent: Option<f64>) -> TrendPoint {
    TrendPoint {
        date: NaiveDate::from_ymd_opt(2026, 1, day).expect("a date"),
        round: format!("<r{day}>"),
        percent,
    }
}

fn bar(label: &str, earned: f64, lost: f64, pending: f64, pending_items: usize) -> Bar {
    let max = earned + lost + pending;
    Bar {
        label: label.into(),
        max,
        earned,
        lost,
        pending,
        pending_items,
        percent: (max > 0.0).then(|| earned / max * 100.0),
    }
}

/// The `width` attributes of the bar's rects after the track, in order.
fn segments(svg: &str, fill: &str) -> Vec<f64> {
    svg.split("<rect ")
        .filter(|rect| {
            rect.contains(&format!("fill=\"{fill}\"")) && !rect.contains("height=\"10\"")
        })
        .filter_map(|rect| {
            let start = rect.find("width=\"")? + 7;
            let end = start + rect[start..].find('"')?;
            rect[start..end].parse().ok()
        })
        .collect()
}

#[test]
fn a_trend_needs_two_points_with_a_percent() {
    assert!(trend("t", &[point(1, Some(50.0))]).is_none());
    assert!(trend("t", &[point(1, Some(50.0)), point(2, None)]).is_none());
    let svg = trend("t", &[point(1, Some(50.0)), point(2, Some(75.0))]).expect("a chart");
    assert_eq!(svg.matches("<circle").count(), 2);
    assert!(svg.contains("&lt;r2&gt;") && !svg.contains("<r2>"));
}

#[test]
fn a_trend_above_100_is_not_capped_and_its_labels_stay_below_the_title() {
    let svg = trend("t", &[point(1, Some(98.0)), point(2, Some(100.52))]).expect("a chart");
    assert!(
        svg.contains(">100.5</text>"),
        "the label says what the round scored"
    );
    let y_of_100 = svg
        .split("<line ")
        .find(|line| line.contains(">100</text>"))
        .and_then(|line| {
            line.split("y1=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse::<f64>()
                .ok()
        })
        .expect("a 100 grid line");
    let highest = svg
        .split("<circle ")
        .skip(1)
        .filter_map(|c| {
            c.split("cy=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse::<f64>()
                .ok()
        })
        .fold(f64::MAX, f64::min);
    assert!(highest < y_of_100, "100.52 is drawn above the 100 line");
    // Every value label sits below the title's baseline (14) plus a line.
    for piece in svg.split("<text ").skip(1) {
        if piece.contains("text-anchor=\"middle\">1") || piece.contains("text-anchor=\"middle\">9")
        {
            let y: f64 = piece
                .split("y=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .and_then(|y| y.parse().ok())
                .expect("a y");
            assert!(y >= 30.0, "label at {y} overlaps the title");
        }
    }
}

#[test]
fn unchecked_points_are_grey_not_a_red_zero() {
    // 6 of 9 items unchecked: 3 checked items earned 3 of 3 points.
    let svg = bars("s", &[bar("一、部分", 3.0, 0.0, 6.0, 6)], &ZH);
    assert_eq!(
        segments(&svg, GOOD),
        [113.3],
        "earned: a third of the track, green"
    );
    assert!(segments(&svg, POOR).is_empty(), "no red bar");
    assert!(svg.contains("33.3% 未查6项"));
}

#[test]
fn bars_escape_labels_show_a_dash_without_maximum_and_carry_a_legend() {
    let svg = bars(
        "s",
        &[bar("<b>", 4.0, 6.0, 0.0, 0), bar("空", 0.0, 0.0, 0.0, 0)],
        &ZH,
    );
    assert!(svg.contains("&lt;b&gt;"));
    assert!(svg.contains(">40.0%<") && svg.contains(">—<"));
    assert_eq!(segments(&svg, POOR), [136.0], "40% of checked: red");
    assert_eq!(segments(&svg, LOST), [204.0]);
    for words in ["扣分", "未查", "得分（得分率90%及以上）"] {
        assert!(svg.contains(&format!(">{words}</text>")), "{words}");
    }
}

#[test]
fn long_labels_are_cut_by_display_width() {
    assert_eq!(shorten("办公室党群室", 8), "办公室…");
    assert_eq!(shorten("abc", 8), "abc");
    assert_eq!(shorten("办公室党", 8), "办公室党");
}
