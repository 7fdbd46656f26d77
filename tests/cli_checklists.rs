//! Checklist files through the CLI: the built-ins validate and cover the seed
//! standards; every kind of bad file is exit 1 with a located message, never a panic;
//! deep (16-level) nesting works; a user checklist with a higher version wins.

mod common;

use std::path::PathBuf;

use common::{Env, Out, Rng, manifest_dir};

const BUILTIN_IDS: [&str; 6] = [
    "chuangjian-dangan",
    "daode-jiangtang",
    "quanguo-ceping",
    "siyou",
    "wenming-danwei",
    "wenming-keshi",
];

fn builtin_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("checklists"))
        .expect("checklists/")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_builtin_checklist_validates_and_is_listed() {
    let env = Env::new();
    let files = builtin_files();
    assert_eq!(files.len(), BUILTIN_IDS.len(), "{files:?}");
    let mut args = vec!["check".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let out = env.run(&args);
    out.expect_code(0);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    for file in &files {
        let line = format!("{}: ok", file.display());
        assert!(out.stdout.contains(&line), "no {line:?} in\n{}", out.stdout);
    }

    let listed = env.ok(["checklists"]);
    for id in BUILTIN_IDS {
        assert!(
            listed
                .lines()
                .any(|line| line.starts_with(&format!("{id} "))),
            "`zicha checklists` does not list {id}:\n{listed}"
        );
    }
    // A header and one row per checklist, nothing else.
    assert_eq!(listed.lines().count(), 1 + BUILTIN_IDS.len(), "{listed}");
}

/// RON text with `//` comments removed (outside strings), so a seed term found in a
/// source comment does not count as being in the checklist.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                '\\' => {
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '/' && chars.peek() == Some(&'/') {
            for skipped in chars.by_ref() {
                if skipped == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

#[test]
fn every_seed_term_is_in_some_builtin_checklist() {
    let texts: Vec<String> = builtin_files()
        .iter()
        .map(|path| without_comments(&std::fs::read_to_string(path).expect("read checklist")))
        .collect();
    let terms = std::fs::read_to_string(manifest_dir().join("tests/fixtures/seed_terms.txt"))
        .expect("seed_terms.txt");
    let mut checked = 0;
    let mut missing = Vec::new();
    for term in terms.lines().map(str::trim) {
        if term.is_empty() || term.starts_with('#') {
            continue;
        }
        checked += 1;
        if !texts.iter().any(|text| text.contains(term)) {
            missing.push(term);
        }
    }
    assert!(checked > 100, "only {checked} terms read");
    assert!(
        missing.is_empty(),
        "seed terms in no built-in checklist: {missing:?}"
    );
}

/// A CJK ideograph or full-width punctuation: the text around it is Chinese.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// ASCII `, ; : ( )` with Chinese on either side (spaces skipped), as "line:col: text".
fn ascii_punctuation_in_chinese(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for (index, &c) in chars.iter().enumerate() {
            if !matches!(c, ',' | ';' | ':' | '(' | ')') {
                continue;
            }
            let before = chars[..index].iter().rev().find(|c| **c != ' ');
            let after = chars[index + 1..].iter().find(|c| **c != ' ');
            if before.is_some_and(|c| is_chinese(*c)) || after.is_some_and(|c| is_chinese(*c)) {
                found.push(format!("{}:{}: {}", number + 1, index + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn every_builtin_checklist_validates_and_writes_chinese_with_full_width_punctuation() {
    let files = builtin_files();
    assert_eq!(files.len(), BUILTIN_IDS.len(), "{files:?}");
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read checklist");
        let label = file.display().to_string();
        let checklist = zicha::store::checklist_file::parse_checklist(text.as_bytes(), &label)
            .unwrap_or_else(|problems| panic!("{label} does not validate: {problems:?}"));
        assert!(BUILTIN_IDS.contains(&checklist.id.as_str()), "{label}");
        // Comments included: they are read by whoever edits the table.
        let found = ascii_punctuation_in_chinese(&text);
        assert!(
            found.is_empty(),
            "{label}: ASCII punctuation in Chinese text:\n{}",
            found.join("\n")
        );
    }
    // The check itself finds what it is for.
    assert_eq!(ascii_punctuation_in_chinese("a, b (c)").len(), 0);
    assert_eq!(
        ascii_punctuation_in_chinese("title: \"谁主管,谁负责\"\nx: \"扣分(每次)\"").len(),
        3
    );
}

// ---------------------------------------------------------------------------
// Bad checklists

/// A valid checklist; the bad ones are small edits of it.
const GOOD: &str = r#"// 测试用检查表
Checklist(
    id: "bad-test",
    version: 1,
    title: "测试表",
    rules: (
        disqualify_over: 2.0,
        grades: [(90.0, "优秀"), (60.0, "合格"), (0.0, "不合格")],
    ),
    renamed: { "0.1": "1.1" },
    sections: [
        Section(
            code: "1",
            title: "第一部分",
            items: [
                Item(
                    code: "1.1",
                    title: "条目一",
                    points: 4.0,
                    deductions: [("缺计划", 2.0), ("记录不全", 1.0)],
                ),
                Item(
                    code: "1.2",
                    title: "条目二",
                    points: 3.0,
                    veto: false,
                ),
            ],
        ),
    ],
)
"#;

/// 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
        + 1
}

/// 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Replaces exactly one occurrence of `from`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

struct Bad {
    _env: Env,
    path: PathBuf,
    out: Out,
}

impl Bad {
    fn file(&self) -> String {
        self.path.display().to_string()
    }

    /// The stderr lines (problems), each of which must name the file.
    fn lines(&self) -> Vec<&str> {
        let lines: Vec<&str> = self.out.stderr.lines().collect();
        assert!(!lines.is_empty(), "no message on stderr");
        for line in &lines {
            assert!(
                line.starts_with(&self.file()),
                "stderr line does not name the file {}: {line:?}",
                self.file()
            );
        }
        lines
    }

    /// The single problem is `FILE:LINE:COL: message` on `line`, with `words` in it.
    #[track_caller]
    fn located(&self, line: usize, words: &[&str]) {
        let lines = self.lines();
        assert_eq!(lines.len(), 1, "one problem expected: {lines:?}");
        self.located_at(lines[0], line, words);
    }

    #[track_caller]
    fn located_at(&self, text: &str, line: usize, words: &[&str]) {
        let rest = &text[self.file().len()..];
        let mut parts = rest.splitn(4, ':');
        assert_eq!(parts.next(), Some(""), "{text}");
        let found_line: usize = parts
            .next()
            .and_then(|l| l.parse().ok())
            .unwrap_or_else(|| panic!("no line number in {text:?}"));
        let col: usize = parts
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no column in {text:?}"));
        let message = parts.next().unwrap_or_default();
        assert_eq!(found_line, line, "wrong line in {text:?}");
        assert!(col >= 1, "{text}");
        assert!(
            message.starts_with(' ') && message.trim().len() > 3,
            "{text:?}"
        );
        for word in words {
            assert!(text.contains(word), "{word:?} not in {text:?}");
        }
    }

    /// The problems are `FILE: message` lines (no place), each containing its words.
    #[track_caller]
    fn semantic(&self, expected: &[&str]) {
        let lines = self.lines();
        assert_eq!(lines.len(), expected.len(), "{lines:?}");
        for (line, want) in lines.iter().zip(expected) {
            let message = &line[self.file().len()..];
            assert!(
                message.starts_with(": "),
                "semantic problems carry no line: {line:?}"
            );
            assert!(
                message.contains(want),
                "expected {want:?} in {line:?} (all: {lines:?})"
            );
        }
    }
}

/// `zicha check` on `bytes` saved as a file; asserts exit 1 and no panic.
fn check_bytes(name: &str, bytes: &[u8]) -> Bad {
    let env = Env::new();
    let path = env.cwd.join(name);
    std::fs::write(&path, bytes).expect("write bad file");
    let out = env.run(["check".as_ref(), path.as_os_str()]);
    out.expect_code(1);
    assert!(
        out.stdout.is_empty(),
        "a bad file is not ok: {}",
        out.stdout
    );
    Bad {
        _env: env,
        path,
        out,
    }
}

fn check_text(text: &str) -> Bad {
    check_bytes("bad.ron", text.as_bytes())
}

#[test]
fn the_base_of_the_bad_files_is_good() {
    let env = Env::new();
    let path = env.cwd.join("good.ron");
    std::fs::write(&path, GOOD).unwrap();
    let stdout = env.ok(["check".as_ref(), path.as_os_str()]);
    assert!(
        stdout.contains("ok — bad-test v1, 2 items, 7 points"),
        "{stdout}"
    );
}

#[test]
fn unknown_field_is_located_and_names_what_was_expected() {
    let text = edit(GOOD, "points: 4.0", "pionts: 4.0");
    check_text(&text).located(
        line_of(&text, "pionts"),
        &["unknown field `pionts`", "points", "deductions"],
    );
    // The column counts characters, so Chinese text before the error does not shift it.
    let text = edit(
        GOOD,
        "title: \"条目一\",",
        "title: \"条目一\", pionts: 1.0,",
    );
    let line = line_of(&text, "pionts");
    let line_text = text.lines().nth(line - 1).unwrap();
    let col = line_text[..line_text.find("pionts").unwrap()]
        .chars()
        .count()
        + 1;
    let bad = check_text(&text);
    let lines = bad.lines();
    assert!(
        lines[0].starts_with(&format!("{}:{line}:{col}: ", bad.file())),
        "expected column {col}: {lines:?}"
    );
    // Also at the top level and in a section and in rules.
    let text = edit(GOOD, "version: 1,", "version: 1,\n    verison: 2,");
    check_text(&text).located(line_of(&text, "verison"), &["`verison`", "version"]);
    let text = edit(
        GOOD,
        "title: \"第一部分\",",
        "title: \"第一部分\", itmes: [],",
    );
    check_text(&text).located(line_of(&text, "itmes"), &["`itmes`", "items"]);
    let text = edit(GOOD, "disqualify_over: 2.0", "disqualfy_over: 2.0");
    check_text(&text).located(
        line_of(&text, "disqualfy_over"),
        &["`disqualfy_over`", "disqualify_over"],
    );
}

#[test]
fn missing_required_fields_are_located() {
    // Item 1.2 without a title: reported where the item closes.
    let text = edit(GOOD, "title: \"条目二\",\n", "");
    let close = line_of(&text, "veto: false") + 1;
    check_text(&text).located(close, &["missing field `title`", "Item"]);
    // Checklist without a version: reported where the checklist closes.
    let text = edit(GOOD, "    version: 1,\n", "");
    let last = text.lines().count();
    check_text(&text).located(last, &["missing field `version`"]);
    // A section without a code: reported where the section closes.
    let text = edit(GOOD, "code: \"1\",\n", "");
    let close = line_at(&text, text.find("            ],\n        ),").unwrap()) + 1;
    check_text(&text).located(close, &["missing field `code`", "Section"]);
}

#[test]
fn wrong_types_are_located() {
    for (from, to, needle, word) in [
        (
            "points: 4.0",
            "points: \"4\"",
            "points: \"4\"",
            "Expected float",
        ),
        (
            "version: 1,",
            "version: \"1\",",
            "version: \"1\"",
            "xpected",
        ),
        (
            "veto: false",
            "veto: \"no\"",
            "veto: \"no\"",
            "Expected boolean",
        ),
        (
            "(\"记录不全\", 1.0)",
            "(\"记录不全\", \"一分\")",
            "一分",
            "Expected float",
        ),
        (
            "version: 1,",
            "version: -1,",
            "version: -1",
            "out of bounds",
        ),
        (
            "points: 3.0",
            "points: [3.0]",
            "points: [3.0]",
            "Expected float",
        ),
        (
            "veto: false",
            "methods: \"查阅\"",
            "methods:",
            "Expected opening `[`",
        ),
        ("    ],\n)", "    ],\n) (多余)", "(多余)", "trailing"),
    ] {
        let text = edit(GOOD, from, to);
        check_text(&text).located(line_of(&text, needle), &[word]);
    }
}

#[test]
fn a_field_given_twice_is_located() {
    let text = edit(
        GOOD,
        "points: 3.0,",
        "points: 3.0,\n                    points: 1.0,",
    );
    check_text(&text).located(line_of(&text, "points: 1.0"), &["`points`", "twice"]);
}

#[test]
fn duplicate_item_codes_are_reported_by_item() {
    let text = edit(GOOD, "code: \"1.2\"", "code: \"1.1\"");
    check_text(&text).semantic(&["item 1.1: duplicate item code"]);
}

#[test]
fn negative_and_non_finite_points_and_deductions() {
    for (value, shown) in [
        ("-4.0", "-4"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("NaN", "NaN"),
    ] {
        let text = edit(GOOD, "points: 4.0", &format!("points: {value}"));
        check_text(&text).semantic(&[&format!(
            "item 1.1: points must be a finite number ≥ 0, found {shown}"
        )]);
        let text = edit(
            GOOD,
            "(\"记录不全\", 1.0)",
            &format!("(\"记录不全\", {value})"),
        );
        check_text(&text).semantic(&[&format!(
            "item 1.1: deduction \"记录不全\" must be a finite number ≥ 0, found {shown}"
        )]);
    }
    let text = edit(GOOD, "disqualify_over: 2.0", "disqualify_over: NaN");
    check_text(&text).semantic(&["disqualify_over must be a finite number"]);
}

#[test]
fn renamed_targets_must_exist() {
    let text = edit(GOOD, "{ \"0.1\": \"1.1\" }", "{ \"0.1\": \"9.9\" }");
    check_text(&text).semantic(&["renamed: \"0.1\" → \"9.9\", but there is no item \"9.9\""]);
    // A chain that never reaches an item (a cycle) is just as wrong.
    let text = edit(
        GOOD,
        "{ \"0.1\": \"1.1\" }",
        "{ \"0.1\": \"0.2\", \"0.2\": \"0.1\" }",
    );
    check_text(&text).semantic(&["renamed: \"0.1\" → \"0.2\"", "renamed: \"0.2\" → \"0.1\""]);
    // A chain that ends at an item is fine.
    let env = Env::new();
    let path = env.cwd.join("chain.ron");
    let text = edit(
        GOOD,
        "{ \"0.1\": \"1.1\" }",
        "{ \"0.1\": \"0.2\", \"0.2\": \"1.2\" }",
    );
    std::fs::write(&path, text).unwrap();
    env.ok(["check".as_ref(), path.as_os_str()]);
}

#[test]
fn bad_ids_are_reported() {
    for id in ["Bad_ID", "", "文明", "a b", "x/../y"] {
        let text = edit(GOOD, "id: \"bad-test\"", &format!("id: {id:?}"));
        check_text(&text).semantic(&["id "]);
    }
}

#[test]
fn unsorted_grades_are_reported() {
    let text = edit(
        GOOD,
        "[(90.0, \"优秀\"), (60.0, \"合格\"), (0.0, \"不合格\")]",
        "[(60.0, \"合格\"), (90.0, \"优秀\"), (0.0, \"不合格\")]",
    );
    check_text(&text).semantic(&["grades must be sorted"]);
    let text = edit(
        GOOD,
        "[(90.0, \"优秀\"), (60.0, \"合格\"), (0.0, \"不合格\")]",
        "[(90.0, \"优秀\"), (90.0, \"也优秀\")]",
    );
    check_text(&text).semantic(&["grades must be sorted"]);
}

#[test]
fn a_checklist_without_items_is_reported() {
    let start = GOOD.find("    sections: [").unwrap();
    // With no items, the `renamed` target is gone too: both are reported.
    let text = format!("{}    sections: [],\n)\n", &GOOD[..start]);
    check_text(&text).semantic(&["the checklist has no items", "no item \"1.1\""]);
    // Sections, but none with items.
    let text = format!(
        "{}    sections: [(code: \"1\", title: \"空\", sections: [(code: \"1.1\", title: \"也空\")])],\n)\n",
        &GOOD[..start]
    );
    check_text(&text).semantic(&["the checklist has no items", "no item \"1.1\""]);
}

#[test]
fn several_semantic_problems_are_all_reported() {
    let mut text = GOOD.to_string();
    for (from, to) in [
        ("id: \"bad-test\"", "id: \"Bad Test\""),
        (
            "[(90.0, \"优秀\"), (60.0, \"合格\"), (0.0, \"不合格\")]",
            "[(0.0, \"不合格\"), (90.0, \"优秀\")]",
        ),
        ("{ \"0.1\": \"1.1\" }", "{ \"0.1\": \"7.7\" }"),
        ("points: 4.0", "points: -1.0"),
        ("(\"缺计划\", 2.0)", "(\"缺计划\", NaN)"),
        ("code: \"1.2\"", "code: \"1.1\""),
        ("points: 3.0", "points: inf"),
    ] {
        text = edit(&text, from, to);
    }
    let bad = check_text(&text);
    let lines = bad.lines();
    let all = lines.join("\n");
    for want in [
        "id \"Bad Test\"",
        "grades must be sorted",
        "no item \"7.7\"",
        "item 1.1: points must be a finite number ≥ 0, found -1",
        "item 1.1: deduction \"缺计划\"",
        "item 1.1: duplicate item code",
        "item 1.1: points must be a finite number ≥ 0, found inf",
    ] {
        assert!(all.contains(want), "{want:?} missing from:\n{all}");
    }
    assert_eq!(lines.len(), 7, "{all}");
    for line in lines {
        assert!(line.starts_with(&format!("{}: ", bad.file())), "{line}");
    }
}

#[test]
fn several_files_are_all_checked() {
    let env = Env::new();
    let good = env.cwd.join("good.ron");
    let unknown = env.cwd.join("unknown.ron");
    let semantic = env.cwd.join("semantic.ron");
    let missing = env.cwd.join("missing.ron");
    std::fs::write(&good, GOOD).unwrap();
    std::fs::write(&unknown, edit(GOOD, "points: 4.0", "pionts: 4.0")).unwrap();
    std::fs::write(&semantic, edit(GOOD, "points: 4.0", "points: -4.0")).unwrap();
    let out = env.run([
        "check".as_ref(),
        good.as_os_str(),
        unknown.as_os_str(),
        semantic.as_os_str(),
        missing.as_os_str(),
    ]);
    out.expect_code(1);
    assert!(out.stdout.contains(&format!("{}: ok", good.display())));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with(&format!("{}:", unknown.display())));
    assert!(lines[1].starts_with(&format!("{}: item 1.1:", semantic.display())));
    assert!(lines[2].starts_with(&format!("{}:", missing.display())));
}

#[test]
fn empty_and_blank_files_are_errors() {
    check_bytes("empty.ron", b"").located(1, &["empty"]);
    check_bytes("blank.ron", b"  \n\t\n").located(1, &["empty"]);
    check_bytes("bom.ron", b"\xEF\xBB\xBF").located(1, &["empty"]);
    check_bytes("comment.ron", "// 只有注释\n".as_bytes()).located(1, &[]);
}

#[test]
fn nul_bytes_are_located() {
    let text = edit(GOOD, "条目一", "条目\0一");
    check_text(&text).located(line_of(&text, "条目\0一"), &["NUL"]);
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("测试表").unwrap();
    bytes[at] = 0xFF;
    check_bytes("latin.ron", &bytes).located(line_of(GOOD, "测试表"), &["UTF-8"]);
}

#[test]
fn random_bytes_are_errors_not_panics() {
    let mut rng = Rng::new(0x5eed_2026);
    // Binary noise, and noise made of RON's own punctuation and words.
    const ALPHABET: &[u8] = b"()[]{}:,\"'\\ \n\tidversionsectionsitemspoints0123456789.-+eE_/*rb#";
    for round in 0..24 {
        let len = 1 + rng.below(2048) as usize;
        let bytes = if round % 2 == 0 {
            rng.bytes(len)
        } else {
            (0..len)
                .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
                .collect()
        };
        let bad = check_bytes(&format!("random-{round}.ron"), &bytes);
        let lines = bad.lines();
        assert_eq!(lines.len(), 1, "round {round}: {lines:?}");
    }
}

#[test]
fn git_conflict_markers_are_located() {
    let text = format!(
        "<<<<<<< HEAD\n{}=======\n{}>>>>>>> theirs\n",
        GOOD,
        edit(GOOD, "points: 4.0", "points: 5.0")
    );
    let bad = check_text(&text);
    let lines = bad.lines();
    assert_eq!(lines.len(), 3, "{lines:?}");
    let gl = GOOD.lines().count();
    for (line, expected) in lines.iter().zip([1, gl + 2, 2 * gl + 3]) {
        bad.located_at(line, expected, &["conflict"]);
    }
    // A marker in the middle of an otherwise good file.
    let text = edit(GOOD, "    ],\n)", "    ],\n=======\n)");
    let bad = check_text(&text);
    bad.located(line_of(&text, "======="), &["conflict"]);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for opener in ["[", "(", "{"] {
        let deep = opener.repeat(100_000);
        check_text(&deep).located(1, &[]);
        let wrapped =
            format!("(\n    id: \"d\",\n    version: 1,\n    title: \"t\",\n    sections: {deep}");
        check_text(&wrapped).located(5, &[]);
    }
    let sections = "(code: \"s\", title: \"t\", sections: [".repeat(100_000);
    let text = format!("(id: \"d\", version: 1, title: \"t\", sections: [{sections}");
    check_text(&text).located(1, &["nesting is too deep"]);
    let sections = "Section(\ncode: \"s\",\ntitle: \"t\",\nsections: [\n".repeat(100_000);
    let text = format!("Checklist(id: \"d\", version: 1, title: \"t\", sections: [\n{sections}");
    let bad = check_text(&text);
    let lines = bad.lines();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("nesting is too deep"), "{lines:?}");
}

/// A checklist nested `levels` sections deep, with one scored item at the bottom.
fn nested_checklist(id: &str, version: u32, levels: usize) -> String {
    let mut section = format!(
        "Section(code: \"s{levels}\", title: \"第{levels}层\", items: [Item(code: \"deep\", title: \"最深处\", points: 2.0)])"
    );
    for level in (1..levels).rev() {
        section = format!(
            "Section(code: \"s{level}\", title: \"第{level}层\", items: [Item(code: \"i{level}\", title: \"条目{level}\", points: 1.0)], sections: [{section}])"
        );
    }
    format!("Checklist(id: {id:?}, version: {version}, title: \"深层\", sections: [{section}])\n")
}

#[test]
fn sixteen_levels_of_sections_work_end_to_end() {
    let env = Env::new();
    let path = env.write_checklist("deep.ron", &nested_checklist("deep", 1, 16));
    let stdout = env.ok(["check".as_ref(), path.as_os_str()]);
    assert!(stdout.contains("deep v1, 16 items, 17 points"), "{stdout}");
    let id = env.new_session("deep", "办公室", "深层", "2026-11-01");
    env.mark(&id, "deep", "pass", &[]);
    let detail = env.show(&id);
    assert_eq!(detail["total"], 16);
    common::assert_num(&detail["score"], 2.0, "score");
    common::assert_num(&detail["max"], 17.0, "max");
    // The plain view shows the 16th level, indented.
    let plain = env.ok(["show", &id]);
    assert!(
        plain
            .lines()
            .any(|l| l.starts_with(&"  ".repeat(15)) && l.contains("s16")),
        "{plain}"
    );
}

#[test]
fn a_user_checklist_with_a_higher_version_wins() {
    let env = Env::new();
    let builtin = std::fs::read_to_string(manifest_dir().join("checklists/wenming-keshi.ron"))
        .expect("built-in wenming-keshi");
    let version_line = builtin
        .lines()
        .find(|l| l.trim_start().starts_with("version:"))
        .expect("version line");
    let builtin_version: u32 = version_line
        .trim()
        .trim_start_matches("version:")
        .trim()
        .trim_end_matches(',')
        .parse()
        .expect("version number");
    let higher = builtin_version + 1;
    let user_text = builtin
        .replacen(version_line, &format!("    version: {higher},"), 1)
        .replacen(
            "title: \"文明科室评比表\"",
            "title: \"文明科室评比表(本单位修订)\"",
            1,
        );
    let user = env.write_checklist("my-keshi.ron", &user_text);
    // A user file with a lower version does not win.
    env.write_checklist(
        "old-keshi.ron",
        &builtin.replacen(version_line, "    version: 0,", 1),
    );

    let listed = env.ok(["checklists"]);
    let row = listed
        .lines()
        .find(|l| l.starts_with("wenming-keshi "))
        .expect("wenming-keshi listed");
    assert!(row.contains(&format!("v{higher}")), "{row}");
    assert!(row.contains(&user.display().to_string()), "{row}");

    let id = env.new_session("wenming-keshi", "办公室", "r", "2026-11-01");
    let detail = env.show(&id);
    assert_eq!(detail["checklist_version"], higher);
    assert_eq!(detail["checklist_title"], "文明科室评比表(本单位修订)");

    // The session keeps its version after the user file goes away (archived text).
    std::fs::remove_file(&user).unwrap();
    let detail = env.show(&id);
    assert_eq!(detail["checklist_version"], higher);
    assert_eq!(detail["checklist_title"], "文明科室评比表(本单位修订)");
    // The archive still knows that version: it stays on offer, newest first (DESIGN §13).
    let id2 = env.new_session("wenming-keshi", "办公室", "r2", "2026-11-02");
    assert_eq!(env.show(&id2)["checklist_version"], higher);
}

#[test]
fn a_bad_user_checklist_is_reported_and_the_rest_still_work() {
    let env = Env::new();
    let bad = env.write_checklist("typo.ron", &edit(GOOD, "points: 4.0", "pionts: 4.0"));
    let out = env.run(["checklists"]);
    out.expect_code(0);
    assert!(
        out.stderr.contains(&format!("{}:", bad.display())) && out.stderr.contains("pionts"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout.lines().count(), 1 + BUILTIN_IDS.len());
    env.new_session("siyou", "办公室", "r", "2026-11-01");
}
