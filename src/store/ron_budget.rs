//! A bound on what parsing a RON file may allocate, checked before parsing: every
//! value in a list, map or struct is preceded by a comma or an opening bracket, so
//! counting those outside strings, characters and comments bounds the number of
//! values the parser will build. A 32 MiB file of two-byte values would otherwise
//! take gigabytes once parsed.

/// The most values a session or checklist file may hold; a large checklist with
/// every item answered and in conflict stays far below it.
pub const MAX_VALUES: usize = 250_000;

/// The byte offset at which `text` holds more than `max` values, if it does.
/// Scanning stops, without a verdict, once brackets nest deeper than `max_depth`:
/// the parser refuses such a file at that point, before building more values.
pub fn excess_at(text: &str, max: usize, max_depth: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Every value counted is a byte of its own: a text no longer than `max` bytes
    // cannot hold more (this spares the scan of every session file a cold index reads).
    if bytes.len() <= max {
        return None;
    }
    let mut count = 0usize;
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => at = skip_string(bytes, at + 1),
            b'\'' => at = skip_char(bytes, at + 1),
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| at + n + 1);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => at = skip_block_comment(bytes, at + 2),
            b'r' if starts_raw_string(bytes, at) => at = skip_raw_string(bytes, at + 1),
            byte => {
                match byte {
                    b'(' | b'[' | b'{' => {
                        depth += 1;
                        if depth > max_depth {
                            return None;
                        }
                        count += 1;
                    }
                    b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                    b',' => count += 1,
                    _ => {}
                }
                if count > max {
                    return Some(at);
                }
                at += 1;
            }
        }
    }
    None
}

fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    at
}

/// A character literal: `'x'`, `'\n'`, `'\u{1F600}'` (RON has no lifetimes).
fn skip_char(bytes: &[u8], mut at: usize) -> usize {
    if bytes.get(at) == Some(&b'\\') {
        at += 2;
    } else {
        at += 1;
    }
    while at < bytes.len() && bytes[at] != b'\'' {
        at += 1;
    }
    at + 1
}

/// Block comments nest in RON.
fn skip_block_comment(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 1;
    while at < bytes.len() && depth > 0 {
        if bytes[at..].starts_with(b"/*") {
            depth += 1;
            at += 2;
        } else if bytes[at..].starts_with(b"*/") {
            depth -= 1;
            at += 2;
        } else {
            at += 1;
        }
    }
    at
}

/// `r"…"` or `r#"…"#` (any number of `#`), not inside an identifier such as `year`.
fn starts_raw_string(bytes: &[u8], at: usize) -> bool {
    let inside_word = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
    if inside_word {
        return false;
    }
    let hashes = bytes[at + 1..].iter().take_while(|&&b| b == b'#').count();
    bytes.get(at + 1 + hashes) == Some(&b'"')
}

fn skip_raw_string(bytes: &[u8], at: usize) -> usize {
    let hashes = bytes[at..].iter().take_while(|&&b| b == b'#').count();
    let mut closing = vec![b'"'];
    closing.extend(std::iter::repeat_n(b'#', hashes));
    let body = at + hashes + 1;
    bytes[body..]
        .windows(closing.len())
        .position(|window| window == closing.as_slice())
        .map_or(bytes.len(), |n| body + n + closing.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_values_outside_strings_and_comments() {
        let text = r##"( a: "x, y, z", b: 'x', c: ',', d: r#"1,2,3"#, // ,,,,
            e: [1, 2], /* ,, /* ,, */ ,, */ year: 1 )"##;
        // Openers ( and [, and the commas after a, b, c, d, 1, e.
        assert_eq!(excess_at(text, 8, 128), None);
        assert!(excess_at(text, 7, 128).is_some());
        assert_eq!(excess_at(&"0,".repeat(1000), 999, 128), Some(1999));
        assert_eq!(excess_at(&"[".repeat(200), 10, 128), Some(10));
        assert_eq!(excess_at(&"[".repeat(200), 1000, 128), None);
        assert_eq!(excess_at(&",".repeat(10), 10, 128), None);
        assert_eq!(excess_at(&",".repeat(11), 10, 128), Some(10));
    }
}
