//! Numbers as offices write them: "10分", "10", "（10分）" inside text, "扣两分",
//! full-width digits, and the cell words that make an item a veto, bonus or penalty one.

/// Full-width digits, letters and punctuation → their ASCII forms; the ideographic
/// space → a space. Chinese text stays as it is.
pub fn halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '．' => '.',
            '＋' => '+',
            '－' | '—' | '–' | '～' | '~' => '-',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether `c` can be part of a number: an ASCII digit, a point, or a Chinese numeral.
pub fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == '十' || c == '半' || chinese_digit(c).is_some()
}

/// "10", "0.5", "十五", "二十", "两", "半" → the number.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return text.parse::<f64>().ok().filter(|n| n.is_finite());
    }
    if text == "半" {
        return Some(0.5);
    }
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10.0),
        [single] => chinese_digit(*single).map(f64::from),
        ['十', unit] => chinese_digit(*unit).map(|u| f64::from(10 + u)),
        [tens, '十'] => chinese_digit(*tens).map(|t| f64::from(t * 10)),
        [tens, '十', unit] => Some(f64::from(
            chinese_digit(*tens)? * 10 + chinese_digit(*unit)?,
        )),
        _ => None,
    }
}

/// A points cell, read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PointsCell {
    Empty,
    Points(f64),
    /// "一票否决": a veto item.
    Veto,
    /// "加3分", "+3", "最高加3分": a bonus item worth that much.
    Bonus(f64),
    /// "扣2分", "-2": a 负面清单 item taking that much.
    Penalty(f64),
    Unreadable,
}

/// Reads a points cell: "10分", "10", "（10分）", "10.5", "一票否决", "加3分", "扣2分".
pub fn parse_points_cell(text: &str) -> PointsCell {
    let text = halfwidth(text);
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return PointsCell::Empty;
    }
    if compact.contains("一票否决") {
        return PointsCell::Veto;
    }
    let inner = compact
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let inner = inner.strip_suffix('分').unwrap_or(inner);
    let inner = inner.strip_suffix("分值").unwrap_or(inner);
    for (prefix, kind) in [
        ("最高加", PointsCell::Bonus as fn(f64) -> PointsCell),
        ("最多加", PointsCell::Bonus),
        ("加", PointsCell::Bonus),
        ("+", PointsCell::Bonus),
        ("扣", PointsCell::Penalty),
        ("-", PointsCell::Penalty),
    ] {
        if let Some(rest) = inner.strip_prefix(prefix) {
            let rest = rest.strip_suffix('分').unwrap_or(rest);
            return parse_number(rest).map_or(PointsCell::Unreadable, kind);
        }
    }
    parse_number(inner).map_or(PointsCell::Unreadable, PointsCell::Points)
}

/// Finds "（10分）" / "(10分)" inside text: the points and the text without it.
pub fn points_in_text(text: &str) -> Option<(f64, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        if matches!(chars[start], '（' | '(')
            && let Some(close) = chars[start + 1..]
                .iter()
                .position(|c| matches!(c, '）' | ')'))
                .map(|p| p + start + 1)
        {
            let inner: String = chars[start + 1..close].iter().collect();
            if let Some(points) = stated_points(&inner) {
                let rest: String = chars[..start].iter().chain(&chars[close + 1..]).collect();
                return Some((points, rest.trim().to_string()));
            }
            start = close + 1;
        } else {
            start += 1;
        }
    }
    None
}

/// "10分", "满分100分", "共100分", "100 分" → the number.
fn stated_points(inner: &str) -> Option<f64> {
    let compact: String = halfwidth(inner)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let number = compact.strip_suffix('分')?;
    let number = ["满分", "总分", "共计", "共", "计", "合计"]
        .iter()
        .find_map(|prefix| number.strip_prefix(prefix))
        .unwrap_or(number);
    parse_number(number)
}

/// A stated total anywhere in a title or total row: "满分100分", "总分：100分",
/// "（100分）", "合计 100".
pub fn stated_total(text: &str) -> Option<f64> {
    let text = halfwidth(text);
    if let Some((points, _)) = points_in_text(&text) {
        return Some(points);
    }
    for marker in ["满分", "总分", "合计", "总计", "共计"] {
        if let Some(at) = text.find(marker) {
            let after = &text[at + marker.len()..];
            let digits: String = after
                .trim_start_matches([':', '：', ' ', '为'])
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if let Some(points) = parse_number(&digits) {
                return Some(points);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_arabic_chinese_and_full_width() {
        assert_eq!(parse_number("10"), Some(10.0));
        assert_eq!(parse_number("0.5"), Some(0.5));
        assert_eq!(parse_number("两"), Some(2.0));
        assert_eq!(parse_number("十五"), Some(15.0));
        assert_eq!(parse_number("二十"), Some(20.0));
        assert_eq!(parse_number("半"), Some(0.5));
        assert_eq!(parse_number("若干"), None);
        assert_eq!(halfwidth("１０．５分"), "10.5分");
    }

    #[test]
    fn points_cells_in_every_written_form() {
        assert_eq!(parse_points_cell("10分"), PointsCell::Points(10.0));
        assert_eq!(parse_points_cell(" 10 "), PointsCell::Points(10.0));
        assert_eq!(parse_points_cell("（4分）"), PointsCell::Points(4.0));
        assert_eq!(parse_points_cell("１２"), PointsCell::Points(12.0));
        assert_eq!(parse_points_cell(""), PointsCell::Empty);
        assert_eq!(parse_points_cell("一票否决"), PointsCell::Veto);
        assert_eq!(parse_points_cell("加3分"), PointsCell::Bonus(3.0));
        assert_eq!(parse_points_cell("最高加5分"), PointsCell::Bonus(5.0));
        assert_eq!(parse_points_cell("扣2分"), PointsCell::Penalty(2.0));
        assert_eq!(parse_points_cell("-2"), PointsCell::Penalty(2.0));
        assert_eq!(parse_points_cell("若干"), PointsCell::Unreadable);
    }

    #[test]
    fn points_inside_item_text_are_found_and_taken_out() {
        assert_eq!(
            points_in_text("学雷锋活动（14分）"),
            Some((14.0, "学雷锋活动".to_string()))
        );
        assert_eq!(
            points_in_text("建立志愿服务队伍(4分),有章程"),
            Some((4.0, "建立志愿服务队伍,有章程".to_string()))
        );
        assert_eq!(points_in_text("按（一）执行"), None);
        assert_eq!(stated_total("测评细则（满分100分）"), Some(100.0));
        assert_eq!(stated_total("合计：95分"), Some(95.0));
        assert_eq!(stated_total("测评细则"), None);
    }
}
