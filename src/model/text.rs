//! Text hygiene: what user text may show on a terminal, and how names compare.

use unicode_normalization::UnicodeNormalization;

/// Characters that must never reach a terminal from user text: C0 controls except
/// newline and tab, DEL, C1 controls, and bidirectional overrides and isolates.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Strips unsafe characters, keeping newlines and tabs.
pub fn sanitize(text: &str) -> String {
    text.chars().filter(|&c| !is_unsafe_char(c)).collect()
}

/// For one-line display: unsafe characters stripped, newlines and tabs as spaces.
pub fn sanitize_line(text: &str) -> String {
    let needs_change = |c: char| is_unsafe_char(c) || matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(needs_change) {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| !is_unsafe_char(c))
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The form in which department and round names are compared and stored:
/// Unicode NFC, unsafe characters removed, surrounding whitespace trimmed.
pub fn normalize_name(name: &str) -> String {
    let clean: String = name.nfc().filter(|&c| !is_unsafe_char(c)).collect();
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_stripped() {
        let hostile = "好\u{1b}[2J\u{1b}]0;标题\u{7}\u{9b}31m\u{202e}反\u{2066}转\n第二行\t完";
        assert_eq!(sanitize(hostile), "好[2J]0;标题31m反转\n第二行\t完");
        assert_eq!(sanitize_line("一\n二\r\n三\t四"), "一 二 三 四");
    }

    #[test]
    fn names_compare_after_nfc_and_trimming() {
        let decomposed = "Cafe\u{301} 办公室 ";
        assert_eq!(normalize_name(decomposed), "Café 办公室");
        assert_eq!(normalize_name("  办公室\u{202e}"), "办公室");
        assert_eq!(normalize_name("党群  室"), "党群 室");
    }
}
