//! The quick reader of session files (`store::session_fast`, used to build the index)
//! against the RON decode: every session zicha writes is recognised and read to the
//! same session; a perturbed file is read the same or left to the RON decode, never
//! accepted when RON rejects it.

mod strategies;

use proptest::prelude::*;
use strategies::any_session;
use zicha::model::session::FORMAT;
use zicha::store::session_fast;
use zicha::store::session_file::{decode, encode};

fn fail(error: impl ToString) -> TestCaseError {
    TestCaseError::fail(error.to_string())
}

/// Both decodes give the same result, and the quick reader accepts only what RON reads.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    let full = decode(text.as_bytes(), "s.ron");
    if session_fast::read(text).is_some() {
        prop_assert!(
            full.is_ok(),
            "accepted what RON rejects: {:?}\n{}",
            full.err(),
            text
        );
    }
    let quick = session_fast::decode(text.as_bytes(), "s.ron");
    match (quick, full) {
        (Ok(quick), Ok(full)) => {
            // As `Debug` text, which tells NaN and -0.0 apart as `==` does not.
            prop_assert_eq!(
                format!("{:?}", quick.session),
                format!("{:?}", full.session)
            );
            prop_assert_eq!(quick.newer_format, full.newer_format);
        }
        (Err(quick), Err(full)) => prop_assert_eq!(quick.to_string(), full.to_string()),
        (quick, full) => prop_assert!(false, "{quick:?} against {full:?}\n{text}"),
    }
    Ok(())
}

/// Small edits a hand, an editor or a sync tool might make.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Truncate(usize),
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let pieces = [
        " ",
        "\n",
        "\t",
        ",",
        "\"",
        "\\",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        "//",
        "/*",
        "*/",
        "None",
        "Some(",
        "0",
        "9",
        "-",
        ".",
        "e",
        "_",
        "x",
        "\r\n",
        "Response(",
        "\\u{41}",
        "<<<<<<< HEAD\n",
        "    ",
        "r#",
        "'",
        "中",
    ];
    prop_oneof![
        4 => (any::<usize>(), prop::sample::select(pieces.to_vec()))
            .prop_map(|(at, piece)| Edit::Insert(at, piece)),
        2 => (any::<usize>(), 1usize..12).prop_map(|(at, length)| Edit::Delete(at, length)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert(at, piece) => {
            let at = boundary(text, at);
            text.insert_str(at, piece);
        }
        Edit::Delete(at, length) => {
            let start = boundary(text, at);
            let end = boundary(text, start.saturating_add(length).min(text.len()));
            text.replace_range(start..end, "");
        }
        Edit::Truncate(at) => {
            let at = boundary(text, at);
            text.truncate(at);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_session_zicha_writes_is_read_quickly_and_equal(
        mut session in any_session(),
        format in prop_oneof![4 => Just(FORMAT), 1 => 1..=FORMAT + 1],
    ) {
        session.format = format;
        let text = encode(&session).map_err(fail)?;
        let quick = session_fast::read(&text);
        prop_assert!(quick.is_some(), "not recognised:\n{}", text);
        prop_assert_eq!(format!("{quick:?}"), format!("{:?}", Some(&session)));
        agrees(&text)?;
    }

    #[test]
    fn perturbed_sessions_read_equal_or_fall_back(
        session in any_session(),
        edits in prop::collection::vec(any_edit(), 1..4),
    ) {
        let mut text = encode(&session).map_err(fail)?;
        for edit in &edits {
            apply(&mut text, edit);
        }
        agrees(&text)?;
    }
}
