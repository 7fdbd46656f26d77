//! Chinese is written as a 公文 is: every Chinese string of the UI and the command
//! line uses full-width punctuation (，；：（）？), never ASCII , ; : ( ) ? beside
//! it. (The words of exported documents, `report.rs`, are checked with the exports.)

/// The text of each string literal on lines that are not comments.
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            found.push((number + 1, after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    found
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

/// ASCII punctuation in a Chinese string, outside `{…}` placeholders.
fn ascii_punctuation(text: &str) -> bool {
    let mut depth = 0usize;
    text.chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && matches!(c, ',' | ';' | ':' | '(' | ')' | '?')
    })
}

/// The text with `\"…\"` quotations taken out: an English sentence that quotes a
/// Chinese word from a table is English.
fn without_quoted(text: &str) -> String {
    text.split("\\\"").step_by(2).collect()
}

#[test]
fn chinese_ui_and_cli_text_uses_full_width_punctuation() {
    let files = [
        ("mod.rs", include_str!("mod.rs")),
        ("cli.rs", include_str!("cli.rs")),
        ("commands.rs", include_str!("commands.rs")),
        ("errors.rs", include_str!("errors.rs")),
        ("errors/transfer.rs", include_str!("errors/transfer.rs")),
        ("deadlines.rs", include_str!("deadlines.rs")),
        ("board.rs", include_str!("board.rs")),
        ("package.rs", include_str!("package.rs")),
        ("import.rs", include_str!("import.rs")),
        ("rounds.rs", include_str!("rounds.rs")),
        ("scoring.rs", include_str!("scoring.rs")),
        ("ui.rs", include_str!("ui.rs")),
        ("table_import.rs", include_str!("table_import.rs")),
        ("followup.rs", include_str!("followup.rs")),
    ];
    let mut wrong = Vec::new();
    let mut chinese = 0;
    for (file, source) in files {
        for (line, text) in literals(source) {
            if !without_quoted(&text).chars().any(is_chinese) {
                continue;
            }
            chinese += 1;
            if ascii_punctuation(&text) {
                wrong.push(format!("{file}:{line}: {text}"));
            }
        }
    }
    assert!(chinese > 200, "only {chinese} Chinese strings found");
    assert!(wrong.is_empty(), "ASCII punctuation:\n{}", wrong.join("\n"));
    assert!(
        without_quoted(r#"item {code}: \"不得分\" but"#)
            .chars()
            .all(|c| !is_chinese(c))
    );
    // The check finds what it is for.
    assert!(ascii_punctuation("未知的语言 {text:?};可用"));
    assert!(!ascii_punctuation("未知的语言 {text:?}；可用"));
}
