//! Text for the screen: control characters stripped, ambiguous-width characters
//! swapped for unambiguous look-alikes, and wrapping that counts display width.

use unicode_normalization::char::is_combining_mark;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::text::is_unsafe_char;

/// Look-alikes for ambiguous-width characters common in Chinese text. These render
/// one cell wide on some terminals and two on others, which would shift the rest of
/// a line; the replacements have one width everywhere.
fn unambiguous(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201c}' | '\u{201d}' => "\u{ff02}",
        '\u{2018}' | '\u{2019}' => "\u{ff07}",
        '\u{2026}' => "...",
        '\u{2014}' | '\u{2015}' => "-",
        '\u{00b7}' => "\u{30fb}",
        '\u{00d7}' => "x",
        '\u{221a}' => "v",
        '\u{2190}' => "<-",
        '\u{2192}' => "->",
        '\u{2191}' => "^",
        '\u{2193}' => "v",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{00b0}' => "o",
        '\u{2103}' => "\u{2103}",
        '\u{25cb}' | '\u{25ef}' => "o",
        '\u{25cf}' | '\u{2605}' | '\u{2606}' | '\u{203b}' => "*",
        '\u{2460}'..='\u{2473}' => return circled_number(c),
        _ => return None,
    })
}

fn circled_number(c: char) -> Option<&'static str> {
    const NUMBERS: [&str; 20] = [
        "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)",
        "(13)", "(14)", "(15)", "(16)", "(17)", "(18)", "(19)", "(20)",
    ];
    NUMBERS.get((c as u32 - 0x2460) as usize).copied()
}

/// User text made safe to draw: no control characters, tabs as spaces, newlines kept,
/// ambiguous-width punctuation replaced, zero-width characters dropped.
pub fn display(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c == '\t' {
            out.push_str("  ");
        } else if is_unsafe_char(c) || c == '\r' {
            continue;
        } else if let Some(replacement) = unambiguous(c) {
            out.push_str(replacement);
        } else if c.width().is_none_or(|w| w == 0) && !is_combining_mark(c) {
            continue;
        } else {
            out.push(c);
        }
    }
    out
}

/// One line: like `display`, with newlines as spaces.
pub fn display_line(text: &str) -> String {
    display(text).replace('\n', " ")
}

/// Wraps at Unicode line-break opportunities (between Chinese characters, at spaces),
/// breaking over-long words; every line fits `width` display cells.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let shown = display(text);
    let options = textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let mut lines = Vec::new();
    for paragraph in shown.split('\n') {
        if paragraph.is_empty() {
            lines.push(String::new());
            continue;
        }
        for line in textwrap::wrap(paragraph, &options) {
            // textwrap may leave a wide character that does not fit; cut defensively.
            lines.push(truncate(line.trim_end(), width));
        }
    }
    lines
}

/// The longest prefix that fits `width` cells; ".." marks a cut when there is room.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let marker = if width >= 4 { ".." } else { "" };
    let (kept, _) = text.unicode_truncate(width - marker.len());
    format!("{kept}{marker}")
}

/// `text` cut or padded with spaces to exactly `width` cells.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = truncate(text, width);
    let used = out.width();
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// A path as one word to paste into a shell: made safe to show, quoted when it
/// holds a space.
pub fn shell_word(path: &str) -> String {
    let path = display_line(path);
    if path.contains(char::is_whitespace) {
        format!("\"{path}\"")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_strips_controls_and_swaps_ambiguous() {
        assert_eq!(display("“好”\u{1b}[31m\t·①\u{200b}"), "＂好＂[31m  ・(1)");
        assert!(display("a\u{202e}b").eq("ab"));
        assert_eq!(
            display("e\u{301}\u{200b}"),
            "e\u{301}",
            "combining marks stay"
        );
    }

    #[test]
    fn chinese_wraps_between_characters_even_after_a_space() {
        let lines = wrap("会议 记录不全需要整改落实到位", 10);
        assert!(lines.iter().all(|line| line.width() <= 10), "{lines:?}");
        assert_eq!(
            lines.concat().replace(' ', ""),
            "会议记录不全需要整改落实到位"
        );
        assert!(lines.len() >= 3, "{lines:?}");
    }

    #[test]
    fn long_latin_words_are_broken_and_newlines_kept() {
        let lines = wrap("abcdefghijkl\n\n第二段", 5);
        assert_eq!(lines, ["abcde", "fghij", "kl", "", "第二", "段"]);
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("办公室环境", 7), "办公..");
        assert_eq!(fit("办公室", 5), "办.. ");
        assert_eq!(fit("办公室", 3), "办 ");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("办公室", 3), "办 ".trim_end());
    }
}
