//! Session files: deterministic RON text with a `format` number.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::StoreError;
use super::checklist_file::{FileProblem, conflict_markers, decode_text, ron_options, ron_problem};
use crate::model::session::{FORMAT, Session};

/// Session text as written to disk: same session, same bytes. An error (which plain
/// data should never give) is returned, never written: a session file is never a comment.
pub fn encode(session: &Session) -> Result<String, StoreError> {
    encode_record(session, session.id)
}

/// A record the store keeps one file each of (a session, a problem), in the layout
/// of session files: struct names, four-space indents, a final newline.
pub fn encode_record<T: serde::Serialize>(
    record: &T,
    id: uuid::Uuid,
) -> Result<String, StoreError> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .extensions(Extensions::IMPLICIT_SOME);
    let mut text =
        ron::ser::to_string_pretty(record, config).map_err(|error| StoreError::Encode {
            id,
            message: error.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

#[derive(Deserialize)]
#[serde(rename = "Session")]
struct FormatProbe {
    format: u32,
}

/// A decoded session, and whether it comes from a newer zicha (read-only then).
#[derive(Debug)]
pub struct Decoded {
    pub session: Session,
    pub newer_format: Option<u32>,
}

pub fn decode(bytes: &[u8], file: &str) -> Result<Decoded, FileProblem> {
    decode_text_of(decode_text(bytes, file)?, file)
}

/// [`decode`] of text that `decode_text` accepted.
pub(super) fn decode_text_of(text: &str, file: &str) -> Result<Decoded, FileProblem> {
    if text.trim().is_empty() {
        return Err(FileProblem {
            file: file.to_string(),
            place: Some((1, 1)),
            message: "the session file is empty".into(),
        });
    }
    let options = ron_options();
    let session: Session = options.from_str(text).map_err(|error| {
        // Conflict markers never parse; look for them only when parsing failed (a
        // cold index reads every file, so the scan is not done on good ones).
        if let Some(&line) = conflict_markers(text).first() {
            return FileProblem {
                file: file.to_string(),
                place: Some((line, 1)),
                message:
                    "git conflict marker; finish the merge (keep one side) or use `zicha import`"
                        .into(),
            };
        }
        let mut problem = ron_problem(&error, file);
        // Only a file that does not parse is parsed again, for its format number.
        let probe: Result<FormatProbe, _> = options.from_str(text);
        if let Ok(probe) = probe
            && probe.format > FORMAT
        {
            problem.message = format!(
                "made by a newer zicha (format {}; this one reads up to {FORMAT}): {}",
                probe.format, problem.message
            );
        }
        problem
    })?;
    Ok(decoded(session))
}

/// A session as read, with what reading adds: implied re-checks of older formats.
pub(super) fn decoded(mut session: Session) -> Decoded {
    session.imply_legacy_rechecks();
    Decoded {
        newer_format: (session.format > FORMAT).then_some(session.format),
        session,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::session::{ChecklistRef, Rectification, Response, Status};
    use chrono::{DateTime, NaiveDate};
    use uuid::Uuid;

    /// A session with a note that needs escaping and a rectification.
    pub(in crate::store) fn sample() -> Session {
        let now = DateTime::parse_from_rfc3339("2026-11-21T09:30:00+08:00").unwrap();
        let mut session = Session::new(
            Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001),
            ChecklistRef {
                id: "wenming-danwei".into(),
                version: 2,
                hash: "0123456789abcdef".into(),
            },
            "2026年11月自查".into(),
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            "办公室".into(),
            "王敏".into(),
            now,
        );
        session.set_response(
            "1.2",
            Response {
                status: Status::Partial,
                deductions: vec![1],
                note: "会后无整改措施\n第二行 \"引号\"".into(),
                rectification: Some(Rectification {
                    owner_department: "办公室".into(),
                    owner: "李明".into(),
                    measure: "补开民主生活会".into(),
                    due: NaiveDate::from_ymd_opt(2026, 12, 1),
                    ..Rectification::default()
                }),
                ..Response::default()
            },
            "王敏",
            now,
        );
        session.set_response(
            "1.10",
            Response {
                status: Status::Pass,
                ..Response::default()
            },
            "王敏",
            now,
        );
        session
    }

    #[test]
    fn encode_then_decode_is_identity_and_stable() {
        let session = sample();
        let text = encode(&session).unwrap();
        let decoded = decode(text.as_bytes(), "s.ron").unwrap();
        assert_eq!(decoded.session, session);
        assert_eq!(decoded.newer_format, None);
        assert_eq!(
            encode(&decoded.session).unwrap(),
            text,
            "same session, same bytes"
        );
        assert!(
            text.find("\"1.10\"").unwrap() < text.find("\"1.2\"").unwrap(),
            "sorted keys"
        );
    }

    #[test]
    fn a_newer_format_is_flagged_and_tolerates_new_fields() {
        let text = encode(&sample())
            .unwrap()
            .replacen(&format!("format: {FORMAT}"), "format: 9", 1)
            .replacen("seq: 0,", "seq: 0,\n    signature: \"x\",", 1);
        let decoded = decode(text.as_bytes(), "s.ron").unwrap();
        assert_eq!(decoded.newer_format, Some(9));
    }

    #[test]
    fn damage_is_located() {
        let text = encode(&sample()).unwrap();
        let cut = &text[..text.len() / 2];
        let problem = decode(cut.as_bytes(), "s.ron").unwrap_err().to_string();
        assert!(problem.starts_with("s.ron:"), "{problem}");
        assert!(decode(b"", "s.ron").is_err());
    }
}
