//! Reading checklist files: RON text → a validated `Checklist`, or every problem located.

use std::fmt;

use ron::extensions::Extensions;

use super::ron_budget;
use crate::model::checklist::Checklist;
use crate::model::validate::{self, Problem};

/// Nesting limit for the RON parser; deep enough for 16+ levels of sections
/// (each level costs a few), shallow enough that hostile input cannot overflow the stack.
const RECURSION_LIMIT: usize = 128;

/// One thing wrong with a file, with its place when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub file: String,
    pub place: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses and validates a checklist. `file` names the source in messages.
pub fn parse_checklist(bytes: &[u8], file: &str) -> Result<Checklist, Vec<FileProblem>> {
    let text = decode_text(bytes, file).map_err(|problem| vec![problem])?;
    let located = |line, col, message: String| FileProblem {
        file: file.to_string(),
        place: Some((line, col)),
        message,
    };
    if text.trim().is_empty() {
        return Err(vec![located(
            1,
            1,
            "the file is empty; expected a checklist: Checklist(id: …, version: …, title: …, sections: [ … ])"
                .into(),
        )]);
    }
    let markers = conflict_markers(text);
    if !markers.is_empty() {
        return Err(markers
            .into_iter()
            .map(|line| {
                located(
                    line,
                    1,
                    "git conflict marker; finish the merge (keep one side) before loading".into(),
                )
            })
            .collect());
    }
    let checklist: Checklist = ron_options()
        .from_str(text)
        .map_err(|error| vec![ron_problem(&error, file)])?;
    let problems = validate::validate(&checklist);
    if problems.is_empty() {
        Ok(checklist)
    } else {
        Err(problems
            .iter()
            .map(|problem: &Problem| FileProblem {
                file: file.to_string(),
                place: None,
                message: problem.to_string(),
            })
            .collect())
    }
}

/// UTF-8 text without a byte-order mark; NUL bytes and invalid UTF-8 are located errors.
pub fn decode_text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, FileProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let (line, col) = end_position(std::str::from_utf8(valid).unwrap_or_default());
            return Err(FileProblem {
                file: file.to_string(),
                place: Some((line, col)),
                message: "the file is not valid UTF-8 text; save it as UTF-8".into(),
            });
        }
    };
    if let Some(offset) = text.find('\0') {
        let (line, col) = end_position(&text[..offset]);
        return Err(FileProblem {
            file: file.to_string(),
            place: Some((line, col)),
            message: "NUL byte in the file; it is binary or damaged".into(),
        });
    }
    if let Some(offset) = ron_budget::excess_at(text, ron_budget::MAX_VALUES, RECURSION_LIMIT) {
        let (line, col) = end_position(&text[..offset]);
        return Err(FileProblem {
            file: file.to_string(),
            place: Some((line, col)),
            message: format!(
                "more than {} values in the file; it is not one zicha writes (left as it is)",
                ron_budget::MAX_VALUES
            ),
        });
    }
    Ok(text)
}

/// Line and column (both 1-based, column in characters) just after `prefix`.
fn end_position(prefix: &str) -> (usize, usize) {
    let line = 1 + prefix.matches('\n').count();
    let col = 1 + prefix
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    (line, col)
}

/// Lines (1-based) that are git merge conflict markers.
pub fn conflict_markers(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.starts_with("<<<<<<<")
                || line.starts_with(">>>>>>>")
                || line.starts_with("|||||||")
                || line.trim_end() == "======="
        })
        .map(|(index, _)| index + 1)
        .collect()
}

/// A RON error as a located problem with a message a person can act on.
pub fn ron_problem(error: &ron::error::SpannedError, file: &str) -> FileProblem {
    use ron::Error;
    let message = match &error.code {
        Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}`; expected one of: {}",
            expected.join(", ")
        ),
        Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in {outer}"),
            None => format!("missing field `{field}`"),
        },
        Error::DuplicateStructField { field, .. } => format!("field `{field}` is given twice"),
        Error::ExceededRecursionLimit => {
            format!("nesting is too deep (the limit is {RECURSION_LIMIT} levels of brackets)")
        }
        Error::Eof => "unexpected end of file; a bracket or value is missing".into(),
        other => other.to_string(),
    };
    FileProblem {
        file: file.to_string(),
        place: Some((error.span.start.line, error.span.start.col)),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
// 注释
(
    id: "demo",
    version: 1,
    title: "示例",
    sections: [
        (code: "1", title: "一", items: [
            (code: "1.1", title: "条目", standard: "标准", points: 2.0,
             deductions: [("缺", 1.0)]),
        ]),
    ],
)
"#;

    fn errors(text: &[u8]) -> Vec<String> {
        parse_checklist(text, "x.ron")
            .expect_err("should fail")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn struct_names_are_optional_and_options_bare() {
        let checklist = parse_checklist(GOOD.as_bytes(), "x.ron").expect("parses");
        assert_eq!(checklist.items()[0].standard.as_deref(), Some("标准"));
    }

    #[test]
    fn unknown_field_is_located_and_names_the_expected_ones() {
        let text = GOOD.replace("points: 2.0", "pionts: 2.0");
        let found = errors(text.as_bytes());
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("x.ron:9:56: "), "{found:?}");
        assert!(found[0].contains("unknown field `pionts`"), "{found:?}");
        assert!(found[0].contains("points"), "{found:?}");
    }

    #[test]
    fn empty_nul_binary_and_conflicts_are_errors() {
        assert!(errors(b"")[0].starts_with("x.ron:1:1: the file is empty"));
        assert!(errors(b"  \n ")[0].contains("empty"));
        assert_eq!(
            errors(b"(id:\0)")[0],
            "x.ron:1:5: NUL byte in the file; it is binary or damaged"
        );
        assert!(errors(b"(\n\xff\xfe")[0].starts_with("x.ron:2:1: the file is not valid UTF-8"));
        let conflicted = format!("<<<<<<< HEAD\n{GOOD}=======\n{GOOD}>>>>>>> other\n");
        let found = errors(conflicted.as_bytes());
        assert_eq!(found.len(), 3);
        assert!(found[0].starts_with("x.ron:1:1: git conflict marker"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for opener in ["[", "(", "{"] {
            let deep = opener.repeat(100_000);
            assert!(errors(deep.as_bytes())[0].starts_with("x.ron:1:"));
        }
        let sections = "(code: \"s\", title: \"t\", sections: [".repeat(100_000);
        let text = format!("(id: \"d\", version: 1, title: \"t\", sections: [{sections}");
        assert!(errors(text.as_bytes())[0].contains("nesting is too deep"));
    }

    #[test]
    fn sixteen_levels_of_sections_work() {
        let mut section =
            r#"(code: "s16", title: "t", items: [(code: "i", title: "t", points: 1.0)])"#
                .to_string();
        for level in (0..16).rev() {
            section = format!(r#"(code: "s{level}", title: "t", sections: [{section}])"#);
        }
        let text = format!(r#"(id: "d", version: 1, title: "t", sections: [{section}])"#);
        let checklist = parse_checklist(text.as_bytes(), "x.ron").expect("17 levels parse");
        assert_eq!(checklist.all_sections().len(), 17);
    }

    #[test]
    fn semantic_problems_name_the_file_and_item() {
        let text = GOOD.replace("points: 2.0", "points: -2.0");
        assert_eq!(
            errors(text.as_bytes()),
            ["x.ron: item 1.1: points must be a finite number ≥ 0, found -2"]
        );
    }
}
