//! File paths as terminals paste them when a file is dragged onto the window:
//! quoted ('…' or "…", with '\'' inside single quotes), with backslash-escaped
//! spaces, as `file://` URIs, one or several separated by spaces or new lines.

/// The paths in `text` when it is made of paths only; `None` when some part is not
/// one (plain text such as "照片 3 张", a label rather than a file).
pub fn pasted_paths(text: &str) -> Option<Vec<String>> {
    let tokens = tokens(text.trim())?;
    if tokens.is_empty() {
        return None;
    }
    tokens
        .into_iter()
        .map(|(token, quoted)| {
            let path = match token.strip_prefix("file://") {
                Some(rest) => percent_decoded(rest.strip_prefix("localhost").unwrap_or(rest))?,
                None => token,
            };
            (quoted || looks_like_a_path(&path)).then_some(path)
        })
        .collect()
}

fn looks_like_a_path(token: &str) -> bool {
    let bytes = token.as_bytes();
    let drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    token.starts_with(['/', '~'])
        || token.starts_with("./")
        || token.starts_with("../")
        || token.starts_with("\\\\")
        || drive
}

/// Shell-like words: quotes group, a backslash before a space or quote escapes it
/// (a backslash before anything else stays, for Windows paths). Unbalanced quotes
/// are not paths.
fn tokens(text: &str) -> Option<Vec<(String, bool)>> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let close = c;
                loop {
                    match chars.next()? {
                        found if found == close => break,
                        found => current.push(found),
                    }
                }
                quoted = true;
                started = true;
            }
            '\\' if chars
                .peek()
                .is_some_and(|n| matches!(n, ' ' | '\'' | '"' | '\\')) =>
            {
                current.extend(chars.next());
                started = true;
            }
            c if c.is_whitespace() => {
                if started {
                    words.push((std::mem::take(&mut current), quoted));
                }
                quoted = false;
                started = false;
            }
            c => {
                current.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push((current, quoted));
    }
    Some(words)
}

fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Option<Vec<String>> {
        pasted_paths(text)
    }

    #[test]
    fn dragged_files_as_terminals_paste_them() {
        assert_eq!(
            paths("'/home/wang/照片/门厅 1.jpg' '/home/wang/it'\\''s.png'"),
            Some(vec![
                "/home/wang/照片/门厅 1.jpg".into(),
                "/home/wang/it's.png".into()
            ])
        );
        assert_eq!(
            paths("/tmp/my\\ photo.jpg /tmp/b.pdf"),
            Some(vec!["/tmp/my photo.jpg".into(), "/tmp/b.pdf".into()])
        );
        assert_eq!(
            paths("\"C:\\Users\\王敏\\整改 方案.docx\""),
            Some(vec!["C:\\Users\\王敏\\整改 方案.docx".into()])
        );
        assert_eq!(
            paths("file:///home/wang/%E7%85%A7%E7%89%87.jpg\nfile:///tmp/a%20b.png\n"),
            Some(vec!["/home/wang/照片.jpg".into(), "/tmp/a b.png".into()])
        );
        assert_eq!(paths("~/a.jpg"), Some(vec!["~/a.jpg".into()]));
    }

    #[test]
    fn labels_are_not_paths() {
        assert_eq!(paths("照片 3 张"), None);
        assert_eq!(paths("会议记录"), None);
        assert_eq!(paths("/tmp/a.jpg 和说明"), None);
        assert_eq!(paths("'/tmp/unclosed.jpg"), None);
        assert_eq!(paths("   "), None);
    }
}
