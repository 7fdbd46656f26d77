//! `unit.ron`, the unit profile (docs/design.md §14): read through `safe_fs` with
//! located errors, written with the save protocol under `unit.lock`.

use std::io;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use ron::ser::PrettyConfig;

use super::atomic::{AtomicError, ContentHash, Expect, content_hash, write_atomic};
use super::checklist_file::{FileProblem, decode_text, ron_options, ron_problem};
use super::lock::Lock;
use super::safe_fs::{self, MAX_SMALL_BYTES};
use super::{Store, StoreError};
use crate::model::unit::{Unit, UnitProblem};

pub const UNIT_FILE: &str = "unit.ron";
pub const UNIT_LOCK: &str = "unit.lock";

/// A profile problem with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblemAt {
    pub file: String,
    pub place: Option<(usize, usize)>,
    pub problem: UnitProblem,
}

impl std::fmt::Display for UnitProblemAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.place {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UnitError {
    /// The file is not a profile at all (syntax, encoding, unknown field).
    #[error("{0}")]
    Syntax(FileProblem),
    /// A profile that breaks a rule, every problem located.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<UnitProblemAt>),
    #[error("{0} was changed by another program since it was read; nothing was overwritten")]
    Changed(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<AtomicError> for UnitError {
    fn from(error: AtomicError) -> UnitError {
        match error {
            AtomicError::Changed { path } => UnitError::Changed(path),
            other => UnitError::Store(other.into()),
        }
    }
}

/// The profile as read, with the hash its next save must find on disk.
#[derive(Debug, Clone)]
pub struct LoadedUnit {
    pub unit: Unit,
    pub on_disk: Option<ContentHash>,
}

impl Store {
    pub fn unit_path(&self) -> PathBuf {
        self.root().join(UNIT_FILE)
    }

    /// The profile; `None` when there is none. A damaged one is an error, never a default.
    pub fn load_unit(&self) -> Result<Option<LoadedUnit>, UnitError> {
        let path = self.unit_path();
        let bytes = match safe_fs::read_capped_nofollow(&path, MAX_SMALL_BYTES) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(UnitError::Store(StoreError::Io {
                    action: "read",
                    path,
                    source,
                }));
            }
        };
        let unit = parse_unit(&bytes, &path.display().to_string())?;
        Ok(Some(LoadedUnit {
            unit,
            on_disk: Some(content_hash(&bytes)),
        }))
    }

    /// Writes the profile under its lock: new when `on_disk` is `None`, else only
    /// over exactly the content that was read.
    pub fn save_unit(
        &self,
        unit: &Unit,
        on_disk: Option<ContentHash>,
        now: DateTime<FixedOffset>,
    ) -> Result<ContentHash, UnitError> {
        let problems = unit.problems();
        if !problems.is_empty() {
            let file = self.unit_path().display().to_string();
            return Err(UnitError::Invalid(
                problems
                    .into_iter()
                    .map(|problem| UnitProblemAt {
                        file: file.clone(),
                        place: None,
                        problem,
                    })
                    .collect(),
            ));
        }
        let _lock = Lock::acquire(&self.root().join(UNIT_LOCK), now).map_err(StoreError::from)?;
        let text = encode_unit(unit);
        let expect = on_disk.map_or(Expect::Absent, Expect::Content);
        match write_atomic(self.file_ops(), &self.unit_path(), text.as_bytes(), expect) {
            Ok(()) | Err(AtomicError::Io { renamed: true, .. }) => {
                Ok(content_hash(text.as_bytes()))
            }
            Err(error) => Err(error.into()),
        }
    }
}

/// The profile as written: the fields in the order of docs/design.md §14.
pub fn encode_unit(unit: &Unit) -> String {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(unit, config).unwrap_or_default();
    text.push('\n');
    text
}

/// Parses and validates a profile; every problem is located in `file`.
pub fn parse_unit(bytes: &[u8], file: &str) -> Result<Unit, UnitError> {
    let text = decode_text(bytes, file).map_err(UnitError::Syntax)?;
    if text.trim().is_empty() {
        return Err(UnitError::Syntax(FileProblem {
            file: file.to_string(),
            place: Some((1, 1)),
            message: "the file is empty; expected Unit(name: …, departments: [ … ])".into(),
        }));
    }
    let unit: Unit = ron_options()
        .from_str(text)
        .map_err(|error| UnitError::Syntax(ron_problem(&error, file)))?;
    let problems = unit.problems();
    if problems.is_empty() {
        return Ok(unit);
    }
    Err(UnitError::Invalid(
        problems
            .into_iter()
            .map(|problem| UnitProblemAt {
                file: file.to_string(),
                place: place_of(text, &problem),
                problem,
            })
            .collect(),
    ))
}

/// Where a problem is in the text: the n-th string of the `departments` list, or
/// the field it is about.
fn place_of(text: &str, problem: &UnitProblem) -> Option<(usize, usize)> {
    let offset = match problem {
        UnitProblem::DuplicateDepartment { second, .. } => nth_department(text, *second),
        UnitProblem::EmptyDepartment(index) => nth_department(text, *index),
        UnitProblem::ReportWithinDays(_) => field_offset(text, "report_within_days"),
        UnitProblem::MonthlyReportDay(_) => field_offset(text, "monthly_report_day"),
    }?;
    let prefix = &text[..offset];
    let line = 1 + prefix.matches('\n').count();
    let col = 1 + prefix.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Some((line, col))
}

/// Byte offset of `name:` as a field (not in a comment or string).
fn field_offset(text: &str, name: &str) -> Option<usize> {
    let tokens = tokens(text);
    tokens.iter().enumerate().find_map(|(i, token)| {
        (token.1 == Token::Word(name) && tokens.get(i + 1).is_some_and(|t| t.1 == Token::Colon))
            .then_some(token.0)
    })
}

/// Byte offset of the n-th (1-based) string in the `departments: [ … ]` list.
fn nth_department(text: &str, n: usize) -> Option<usize> {
    let start = field_offset(text, "departments")?;
    tokens(text)
        .into_iter()
        .skip_while(|token| token.0 < start)
        .take_while(|token| token.1 != Token::Close)
        .filter(|token| token.1 == Token::Str)
        .nth(n.checked_sub(1)?)
        .map(|token| token.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Str,
    Colon,
    Close,
    Other,
}

/// A rough RON tokenizer: enough to find fields and strings, skipping comments.
fn tokens(text: &str) -> Vec<(usize, Token<'_>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(bytes.len(), |end| i + end);
        } else if text[i..].starts_with("/*") {
            i = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |end| i + end + 4);
        } else if b == b'"' {
            found.push((i, Token::Str));
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let end = text[i..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(bytes.len(), |end| i + end);
            found.push((i, Token::Word(&text[i..end])));
            i = end;
        } else {
            let token = match b {
                b':' => Token::Colon,
                b']' => Token::Close,
                _ => Token::Other,
            };
            if !b.is_ascii_whitespace() {
                found.push((i, token));
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROFILE: &str = r#"// 单位概况
Unit(
    name: "某某市城市管理局",
    departments: ["办公室", "党群室", "财务科",
        // 科室
        "法制规划科", "党群室"],
    report_within_days: 3,
    inspection: "half-month",
)
"#;

    #[test]
    fn a_department_named_twice_is_located_at_its_second_mention() {
        let error = parse_unit(PROFILE.as_bytes(), "unit.ron").unwrap_err();
        let text = error.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            ["unit.ron:6:18: department \"党群室\" is named twice (at 2 and 5)"]
        );
    }

    #[test]
    fn the_example_of_the_design_parses_with_defaults() {
        let text = PROFILE.replace(", \"党群室\"]", "]");
        let unit = parse_unit(text.as_bytes(), "unit.ron").unwrap();
        assert_eq!(unit.departments.len(), 4);
        assert_eq!(unit.monthly_report_day, 20);
        let again = parse_unit(encode_unit(&unit).as_bytes(), "unit.ron").unwrap();
        assert_eq!(again, unit);
    }

    #[test]
    fn syntax_and_range_errors_are_located() {
        let unknown = PROFILE.replace("inspection: \"half-month\"", "inspection: \"weekly\"");
        let found = parse_unit(unknown.as_bytes(), "unit.ron").unwrap_err();
        assert!(found.to_string().starts_with("unit.ron:8:"), "{found:?}");
        let typo = "Unit(name: \"局\", departmens: [])";
        let found = parse_unit(typo.as_bytes(), "unit.ron").unwrap_err();
        assert!(found.to_string().contains("departmens"), "{found:?}");
        let day = "Unit(\n  name: \"局\",\n  monthly_report_day: 40,\n)";
        let found = parse_unit(day.as_bytes(), "unit.ron").unwrap_err();
        assert_eq!(
            found.to_string(),
            "unit.ron:3:3: monthly_report_day must be from 1 to 31, found 40"
        );
        assert!(parse_unit(b"", "unit.ron").is_err());
    }

    #[test]
    fn saves_use_the_protocol_and_refuse_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let now = crate::clock::now();
        assert!(store.load_unit().unwrap().is_none());
        let unit = Unit::new("局".into(), vec!["办公室".into()]);
        let hash = store.save_unit(&unit, None, now).unwrap();
        assert!(matches!(
            store.save_unit(&unit, None, now),
            Err(UnitError::Changed(_))
        ));
        let loaded = store.load_unit().unwrap().unwrap();
        assert_eq!((loaded.unit, loaded.on_disk), (unit.clone(), Some(hash)));
        std::fs::write(store.unit_path(), "Unit(name: \"别的\")").unwrap();
        assert!(matches!(
            store.save_unit(&unit, Some(hash), now),
            Err(UnitError::Changed(_))
        ));
        assert!(!store.root().join(UNIT_LOCK).exists(), "the lock is let go");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_profile_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let outside = dir.path().join("outside.ron");
        std::fs::write(&outside, "Unit(name: \"局\")").unwrap();
        std::os::unix::fs::symlink(&outside, store.unit_path()).unwrap();
        assert!(matches!(store.load_unit(), Err(UnitError::Store(_))));
        assert!(
            std::fs::symlink_metadata(store.unit_path()).is_ok(),
            "left as it is"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_unit_ron_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let path = std::ffi::CString::new(store.unit_path().to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
        assert!(matches!(store.load_unit(), Err(UnitError::Store(_))));
        let unit = Unit::new("局".into(), vec!["办公室".into()]);
        assert!(store.save_unit(&unit, None, crate::clock::now()).is_err());
    }
}
