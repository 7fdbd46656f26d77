//! Scoring prose (评分标准) → deductions: "每…扣N分" per occurrence with its unit word;
//! "未…扣N分", "…的，扣N分", "缺一项扣N分" once; "扣完为止" is the cap the scoring
//! already holds; "不得分" a once-only deduction of all the item's points.

use super::numbers::{halfwidth, is_number_char, parse_number};
use crate::model::checklist::Deduction;

/// What one piece of scoring text said.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    pub deductions: Vec<Deduction>,
    /// Clauses that speak of points but became nothing (kept in the standard).
    pub unread: Vec<String>,
    /// "扣完为止" or "最多扣N分": the item's points cap its deductions.
    pub capped: bool,
    /// "不得分" was found but the item has no points to take.
    pub all_without_points: bool,
}

/// Unit words an occurrence is counted in, longest first.
const UNITS: &[&str] = &[
    "人次", "季度", "课时", "学时", "小时", "次", "处", "期", "项", "篇", "人", "起", "个", "件",
    "例", "名", "条", "天", "场", "份", "家", "月", "批", "户", "本", "张", "块", "位", "周", "年",
    "门", "类", "套", "户", "栋", "间", "部",
];

const ALL_POINTS: &[&str] = &["不得分", "不计分", "不给分", "得0分", "记0分", "计0分"];
const CAPS: &[&str] = &["最多扣", "最高扣", "累计扣", "扣满", "封顶", "上限"];

/// Reads scoring prose for an item worth `points`.
pub fn parse_scoring(text: &str, points: f64) -> Scoring {
    let mut scoring = Scoring {
        deductions: Vec::new(),
        unread: Vec::new(),
        capped: false,
        all_without_points: false,
    };
    for clause in clauses(&halfwidth(text)) {
        let before = scoring.deductions.len();
        let mut understood = false;
        if clause.contains("扣完") || CAPS.iter().any(|cap| clause.contains(cap)) {
            scoring.capped = true;
            understood = true;
        }
        for found in find_deductions(&clause) {
            scoring.deductions.push(found);
        }
        if let Some(reason) = all_points_reason(&clause) {
            if points > 0.0 {
                scoring.deductions.push(Deduction::once(&reason, points));
            } else {
                scoring.all_without_points = true;
            }
            understood = true;
        }
        if scoring.deductions.len() == before && !understood && speaks_of_points(&clause) {
            scoring.unread.push(clause);
        }
    }
    scoring
}

/// Splits prose at sentence ends, line breaks and numbered points ("（1）", "1.", "①").
fn clauses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_break = i > 0
            && (chars[i - 1].is_whitespace() || matches!(chars[i - 1], '，' | ',' | '：' | ':'));
        let numbered = after_break && starts_numbered_point(&chars[i..]);
        if matches!(c, '。' | '；' | ';' | '\n' | '\r') || numbered || is_circled(c) {
            push_clause(&mut out, &mut current);
            if matches!(c, '。' | '；' | ';' | '\n' | '\r') {
                i += 1;
                continue;
            }
        }
        current.push(c);
        i += 1;
    }
    push_clause(&mut out, &mut current);
    out
}

fn push_clause(out: &mut Vec<String>, current: &mut String) {
    let clause = strip_numbering(current.trim()).trim().to_string();
    if !clause.is_empty() {
        out.push(clause);
    }
    current.clear();
}

fn is_circled(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// "（1）", "(2)", "1." or "2、" at the start of `chars`.
fn starts_numbered_point(chars: &[char]) -> bool {
    match chars {
        ['（' | '(', d, '）' | ')', ..] if d.is_ascii_digit() || is_number_char(*d) => true,
        [d, '.' | '、', next, ..] if d.is_ascii_digit() && !next.is_ascii_digit() => true,
        _ => false,
    }
}

/// Takes a leading "（1）", "1.", "1、", "①", "一、" off a piece of text.
pub fn strip_numbering(text: &str) -> &str {
    let chars: Vec<char> = text.chars().collect();
    let skip = match chars.as_slice() {
        [c, ..] if is_circled(*c) => 1,
        ['（' | '(', inner @ ..] if !inner.is_empty() => {
            match inner.iter().position(|c| matches!(c, '）' | ')')) {
                Some(close) if close > 0 && inner[..close].iter().all(|c| is_number_char(*c)) => {
                    close + 2
                }
                _ => 0,
            }
        }
        _ => {
            let digits = chars
                .iter()
                .take_while(|c| **c != '.' && is_number_char(**c))
                .count();
            match chars.get(digits) {
                Some('.' | '、' | '．')
                    if digits > 0 && chars.get(digits + 1).is_none_or(|c| !c.is_ascii_digit()) =>
                {
                    digits + 1
                }
                Some('、') if digits > 0 => digits + 1,
                _ => 0,
            }
        }
    };
    let byte = text
        .char_indices()
        .nth(skip)
        .map_or(text.len(), |(at, _)| at);
    if skip > 0 {
        text[byte..].trim_start()
    } else {
        text
    }
}

fn speaks_of_points(clause: &str) -> bool {
    clause.contains('扣')
        || ["得分", "评分", "满分"].iter().any(|w| clause.contains(w))
        || (clause.contains('分') && clause.chars().any(|c| c.is_ascii_digit()))
}

/// A "扣N分" found in a clause: where it starts and ends (char indexes) and the points.
struct Take {
    start: usize,
    end: usize,
    points: f64,
}

/// Every "扣N分" / "扣除N分" / "扣N-M分" in a clause (not the caps).
fn takes(chars: &[char]) -> Vec<Take> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '扣' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if chars.get(j) == Some(&'除') {
            j += 1;
        }
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        let (first, after_first) = number_at(chars, j);
        let mut end = after_first;
        let mut points = first;
        if let (Some(_), Some('-' | '至' | '到')) = (first, chars.get(after_first)) {
            let (second, after_second) = number_at(chars, after_first + 1);
            if second.is_some() {
                points = second;
                end = after_second;
            }
        }
        while chars.get(end) == Some(&' ') {
            end += 1;
        }
        let before: String = chars[..i].iter().collect();
        let is_cap = ["最多", "最高", "累计", "至多"]
            .iter()
            .any(|word| before.ends_with(word))
            || chars.get(i + 1) == Some(&'满');
        match (points, chars.get(end)) {
            (Some(points), Some('分')) if !is_cap => {
                found.push(Take {
                    start: i,
                    end: end + 1,
                    points,
                });
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    found
}

fn number_at(chars: &[char], start: usize) -> (Option<f64>, usize) {
    let end = start
        + chars[start.min(chars.len())..]
            .iter()
            .take_while(|c| is_number_char(**c))
            .count();
    let text: String = chars[start.min(chars.len())..end].iter().collect();
    (parse_number(&text), end)
}

fn find_deductions(clause: &str) -> Vec<Deduction> {
    let chars: Vec<char> = clause.chars().collect();
    let mut deductions = Vec::new();
    let mut from = 0;
    for take in takes(&chars) {
        let segment: String = chars[from..take.start].iter().collect();
        let reason = clean_reason(&segment);
        let reason = if reason.is_empty() {
            clause.to_string()
        } else {
            reason
        };
        deductions.push(match unit_of(&segment) {
            Some(unit) => Deduction::per(&reason, take.points, unit),
            None => Deduction::once(&reason, take.points),
        });
        from = take.end;
    }
    deductions
}

/// The unit word of a "每…" phrase: right after 每 ("每人次"), or after a numeral
/// ("每缺一期", "每发现1处"); 次 when the phrase names none.
fn unit_of(segment: &str) -> Option<&'static str> {
    let at = segment.find('每')?;
    let after: Vec<char> = segment[at + '每'.len_utf8()..].chars().collect();
    let unit_at = |i: usize| {
        let rest: String = after[i.min(after.len())..].iter().collect();
        UNITS.iter().copied().find(|unit| rest.starts_with(unit))
    };
    if let Some(unit) = unit_at(0) {
        return Some(unit);
    }
    for i in 0..after.len() {
        if is_number_char(after[i]) || after[i] == '几' {
            let next = i + 1;
            if next < after.len()
                && !is_number_char(after[next])
                && let Some(unit) = unit_at(next)
            {
                return Some(unit);
            }
        }
    }
    Some("次")
}

/// A reason as it reads before "扣": without edge punctuation, a trailing 的/者, a leading 否则.
fn clean_reason(segment: &str) -> String {
    let edge = |c: char| {
        c.is_whitespace() || matches!(c, '，' | ',' | '、' | '：' | ':' | '。' | '；' | ';')
    };
    let mut reason = segment.trim_matches(edge);
    for suffix in ["的", "者", "时"] {
        reason = reason.strip_suffix(suffix).unwrap_or(reason);
    }
    reason.trim_matches(edge).to_string()
}

/// "未建立制度的，该项不得分" → "未建立制度".
fn all_points_reason(clause: &str) -> Option<String> {
    let at = ALL_POINTS
        .iter()
        .filter_map(|marker| clause.find(marker))
        .min()?;
    let mut before = &clause[..at];
    for filler in ["该项", "此项", "本项", "该条", "均"] {
        before = before.trim_end().strip_suffix(filler).unwrap_or(before);
    }
    let reason = clean_reason(before);
    Some(if reason.is_empty() {
        clause.to_string()
    } else {
        reason
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_occurrence_with_its_unit_word() {
        let found = parse_scoring("每发现一处扣0.5分，扣完为止。每少开展一次活动扣2分", 4.0);
        assert_eq!(
            found.deductions,
            [
                Deduction::per("每发现一处", 0.5, "处"),
                Deduction::per("每少开展一次活动", 2.0, "次")
            ]
        );
        assert!(found.capped);
        assert!(found.unread.is_empty());
        let found = parse_scoring("每人次扣1分；每缺一期扣两分", 4.0);
        assert_eq!(found.deductions[0], Deduction::per("每人次", 1.0, "人次"));
        assert_eq!(found.deductions[1], Deduction::per("每缺一期", 2.0, "期"));
    }

    #[test]
    fn once_only_forms() {
        let found = parse_scoring(
            "未制定年度计划的，扣2分；计划不完善的扣1分，缺一项扣1分。",
            5.0,
        );
        assert_eq!(
            found.deductions,
            [
                Deduction::once("未制定年度计划", 2.0),
                Deduction::once("计划不完善", 1.0),
                Deduction::once("缺一项", 1.0),
            ]
        );
    }

    #[test]
    fn no_points_at_all_takes_the_item_points() {
        let found = parse_scoring("无计划或总结的不得分", 6.0);
        assert_eq!(found.deductions, [Deduction::once("无计划或总结", 6.0)]);
        let found = parse_scoring("未建立的，该项不得分", 0.0);
        assert!(found.deductions.is_empty());
        assert!(found.all_without_points);
    }

    #[test]
    fn caps_are_not_deductions_and_unclear_point_talk_is_reported() {
        let found = parse_scoring("每次扣1分，最多扣3分", 5.0);
        assert_eq!(found.deductions, [Deduction::per("每次", 1.0, "次")]);
        assert!(found.capped);
        let found = parse_scoring("（1）按A、B、C、D四档评分，A档得10分。（2）有台账", 10.0);
        assert_eq!(found.unread, ["按A、B、C、D四档评分，A档得10分"]);
        assert!(found.deductions.is_empty());
    }

    #[test]
    fn ranges_take_the_upper_points_and_numbering_is_dropped() {
        let found = parse_scoring("1.台账不全的，视情况扣1—3分", 5.0);
        assert_eq!(
            found.deductions,
            [Deduction::once("台账不全的，视情况", 3.0)]
        );
        assert_eq!(strip_numbering("（一）领导班子"), "领导班子");
        assert_eq!(strip_numbering("一、领导班子"), "领导班子");
        assert_eq!(strip_numbering("3.2 学习"), "3.2 学习");
        assert_eq!(strip_numbering("①有计划"), "有计划");
    }
}
