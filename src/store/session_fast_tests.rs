use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::*;
use crate::model::session::FORMAT;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A session with every kind of field the format has (the responses of
/// `session_file`'s sample are replaced).
fn sample() -> Session {
    let now = at("2026-11-21T09:30:00+08:00");
    let mut session = session_file::tests::sample();
    session.scope = Scope::Unit;
    session.seq = 42;
    session.finished = Some(at("2026-11-21T17:05:00+08:00"));
    session.header_rev = "a1b2c3d4e5f60718".into();
    session.header_seen = vec!["0011223344556677".into()];
    let full = Response {
        status: Status::Partial,
        deductions: vec![0, 2],
        counts: [(2, 3)].into(),
        level: Some("B".into()),
        rate: Some(SurveyedRate::Fraction {
            numerator: 43,
            denominator: 50,
        }),
        free_deduction: Some(FreeDeduction {
            reason: "台账缺 \"签字\"".into(),
            points: 0.5,
        }),
        note: "会后无整改措施\n第二行\t\\ 😀 e\u{301} \u{1b}".into(),
        evidence: vec!["照片 3 张".into()],
        rectification: Some(Rectification {
            owner_department: "办公室".into(),
            owner: "李明".into(),
            measure: "补开民主生活会".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
            done: Some(RectificationDone {
                at: at("2026-11-25T10:00:00+08:00"),
                by: "李明".into(),
                note: "已整改".into(),
            }),
            rechecks: vec![Recheck {
                result: RecheckResult::Fail,
                by: "王敏".into(),
                at: at("2026-11-28T10:00:00-03:30"),
                note: "仍缺记录".into(),
                session: Some(Uuid::from_u128(7)),
                implied: true,
            }],
        }),
        attachments: vec![Attachment {
            file: "IMG_0001.JPG".into(),
            sha256: "ab".repeat(32),
            size: 123_456,
            kind: AttachmentKind::Jpeg,
            taken: "2026-11-18T09:30:00".into(),
            caption: "公示栏".into(),
        }],
        rev: "0f0f0f0f0f0f0f0f".into(),
        seen: vec!["1e1e1e1e1e1e1e1e".into()],
        ..Response::default()
    };
    session.set_response("1.2", full.clone(), "王敏", now);
    let percent = Response {
        status: Status::Fail,
        rate: Some(SurveyedRate::Percent(86.5)),
        rectification: Some(Rectification {
            owner: "工会".into(),
            ..Rectification::default()
        }),
        ..Response::default()
    };
    session.set_response("1.10", percent, "王敏", now);
    session.responses.insert("2.1".into(), Response::default());
    session.conflicts.insert("1.2".into(), vec![full]);
    session
}

fn encoded() -> String {
    session_file::encode(&sample()).unwrap()
}

/// The fast reader either does not recognise `text` or reads what RON reads; the
/// whole decode gives the same result (and the same located error) either way.
/// Compared as `Debug` text, which tells NaN and -0.0 apart as `==` does not.
fn agrees(text: &str) {
    let full = session_file::decode(text.as_bytes(), "s.ron");
    match (read(text), &full) {
        (None, _) => {}
        (Some(fast), Ok(full)) => assert_eq!(
            format!("{:?}", session_file::decoded(fast).session),
            format!("{:?}", full.session),
            "{text}"
        ),
        (Some(_), Err(problem)) => panic!("accepted what RON rejects ({problem}):\n{text}"),
    }
    let shown = |decoded: Result<Decoded, FileProblem>| match decoded {
        Ok(decoded) => format!("{:?} {:?}", decoded.session, decoded.newer_format),
        Err(problem) => problem.to_string(),
    };
    assert_eq!(
        shown(decode(text.as_bytes(), "s.ron")),
        shown(full),
        "{text}"
    );
}

#[test]
fn every_field_reads_as_ron_reads_it() {
    let text = encoded();
    let fast = read(&text).expect("zicha's own layout is recognised");
    assert_eq!(fast, sample());
    agrees(&text);
}

/// The files of earlier formats kept as fixtures (tests/fixtures/formats), as older
/// zichas wrote them: each is recognised and read as RON reads it.
#[test]
fn fixture_files_of_every_format_are_recognised() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut seen = 0;
    for format in std::fs::read_dir(&root).unwrap() {
        let sessions = format.unwrap().path().join("sessions");
        for file in std::fs::read_dir(&sessions).into_iter().flatten() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            assert!(read(&text).is_some(), "{text}");
            agrees(&text);
            seen += 1;
        }
    }
    assert!(seen >= 6, "{seen} fixture sessions");
}

#[test]
fn older_formats_imply_their_rechecks_as_ron_decoding_does() {
    let mut session = sample();
    session.format = 2;
    let text = session_file::encode(&session).unwrap();
    assert!(read(&text).is_some());
    agrees(&text);
    let decoded = decode(text.as_bytes(), "s.ron").unwrap();
    assert!(
        decoded.session.responses["1.2"]
            .rectification
            .as_ref()
            .unwrap()
            .rechecks
            .len()
            == 1
    );
}

#[test]
fn a_newer_format_is_flagged_either_way() {
    let text = encoded().replacen(&format!("format: {FORMAT}"), "format: 9", 1);
    agrees(&text);
    assert_eq!(
        decode(text.as_bytes(), "s.ron").unwrap().newer_format,
        Some(9)
    );
}

/// Edits a person or another tool might make: each one is read as RON reads it or
/// left to RON.
#[test]
fn perturbed_files_read_equal_or_fall_back() {
    let text = encoded();
    let edits: Vec<(&str, String)> = vec![
        ("trailing space", text.replacen(",\n", ", \n", 1)),
        ("blank line", text.replacen(",\n", ",\n\n", 3)),
        ("tab indent", text.replacen("\n    id:", "\n\tid:", 1)),
        (
            "comment",
            text.replacen("\n    round:", "\n    // 第二轮\n    round:", 1),
        ),
        (
            "block comment",
            text.replacen("seq: 42", "seq: /* x */ 42", 1),
        ),
        (
            "reordered",
            text.replacen("    format: 3,\n    id:", "    id:", 1)
                .replacen("    seq:", "    format: 3,\n    seq:", 1),
        ),
        (
            "unknown field",
            text.replacen("    seq: 42,\n", "    seq: 42,\n    signature: \"x\",\n", 1),
        ),
        (
            "duplicate field",
            text.replacen("    seq: 42,\n", "    seq: 42,\n    seq: 43,\n", 1),
        ),
        (
            "explicit Some",
            text.replacen("finished: \"", "finished: Some(\"", 1)
                .replacen("+08:00\",\n    header_rev", "+08:00\"),\n    header_rev", 1),
        ),
        (
            "missing required",
            text.replacen("    department: \"办公室\",\n", "", 1),
        ),
        (
            "missing default",
            text.replacen("    inspector: \"王敏\",\n", "", 1),
        ),
        ("no header", text.replacen(HEADER, "", 1)),
        ("crlf", text.replace('\n', "\r\n")),
        ("no final newline", text.trim_end().to_string()),
        ("extra after", format!("{text}\n")),
        ("leading zero", text.replacen("seq: 42", "seq: 042", 1)),
        ("plus sign", text.replacen("seq: 42", "seq: +42", 1)),
        (
            "underscore",
            text.replacen("size: 123456", "size: 123_456", 1),
        ),
        ("suffix", text.replacen("seq: 42", "seq: 42u64", 1)),
        ("hex", text.replacen("seq: 42", "seq: 0x2a", 1)),
        ("negative", text.replacen("seq: 42", "seq: -42", 1)),
        (
            "overflow",
            text.replacen("version: 2", "version: 4294967296", 1),
        ),
        (
            "integer float",
            text.replacen("points: 0.5", "points: 1", 1),
        ),
        (
            "exponent float",
            text.replacen("points: 0.5", "points: 5e-1", 1),
        ),
        ("NaN", text.replacen("points: 0.5", "points: NaN", 1)),
        ("byte escape", text.replacen("办公室", "\\x41", 1)),
        (
            "unicode escape",
            text.replacen("办公室", "\\u{529E}\\u{1F600}", 1),
        ),
        (
            "long unicode escape",
            text.replacen("办公室", "\\u{0000041}", 1),
        ),
        ("surrogate escape", text.replacen("办公室", "\\u{D800}", 1)),
        ("unknown escape", text.replacen("办公室", "\\q", 1)),
        ("continuation", text.replacen("办公室", "办\\\n   公室", 1)),
        (
            "raw string",
            text.replacen("\"办公室\"", "r#\"办公室\"#", 1),
        ),
        (
            "raw newline in string",
            text.replacen("办公室", "办\n公室", 1),
        ),
        (
            "unterminated string",
            text.replacen("\"办公室\",", "\"办公室,", 1),
        ),
        (
            "status case",
            text.replacen("status: partial", "status: Partial", 1),
        ),
        (
            "unknown status",
            text.replacen("status: partial", "status: done", 1),
        ),
        ("unknown scope", text.replacen("\"unit\"", "\"all\"", 1)),
        (
            "department scope",
            text.replacen("\"unit\"", "\"department\"", 1),
        ),
        (
            "struct without name",
            text.replacen("ChecklistRef(", "(", 1),
        ),
        (
            "wrong struct name",
            text.replacen("ChecklistRef(", "Checklist(", 1),
        ),
        ("bad uuid", text.replacen("01930000", "0193000g", 1)),
        ("bad date", text.replacen("2026-12-01", "2026-02-30", 1)),
        (
            "bad time",
            text.replacen("T10:00:00+08:00", "T25:00:00+08:00", 1),
        ),
        (
            "leap second",
            text.replacen("T10:00:00+08:00", "T10:00:60+08:00", 1),
        ),
        (
            "utc time",
            text.replacen("T10:00:00+08:00", "T02:00:00Z", 1),
        ),
        (
            "fractional time",
            text.replacen("T10:00:00+08:00", "T10:00:00.5+08:00", 1),
        ),
        (
            "space in time",
            text.replacen("T10:00:00+08:00", " 10:00:00+08:00", 1),
        ),
        ("unsorted keys", text.replacen("\"1.10\"", "\"9.9\"", 1)),
        ("repeated key", text.replacen("\"1.10\"", "\"1.2\"", 1)),
        (
            "conflict marker",
            text.replacen("    round:", "<<<<<<< HEAD\n    round:", 1),
        ),
        (
            "implied false",
            text.replacen("implied: true", "implied: false", 1),
        ),
        (
            "implied other",
            text.replacen("implied: true", "implied: yes", 1),
        ),
        (
            "empty list",
            text.replacen(
                "seen: [\n                \"1e1e1e1e1e1e1e1e\",\n            ]",
                "seen: []",
                1,
            ),
        ),
        (
            "one-line list",
            text.replacen(
                "seen: [\n                \"1e1e1e1e1e1e1e1e\",\n            ]",
                "seen: [\"1e1e1e1e1e1e1e1e\"]",
                1,
            ),
        ),
    ];
    for (what, edited) in &edits {
        assert!(edited != &text, "{what}: the edit applies");
        agrees(edited);
    }
    // Variations in the values, not the layout, are read (and so compared above).
    let read_quickly = [
        "missing default",
        "exponent float",
        "unicode escape",
        "raw newline in string",
        "department scope",
        "implied false",
        "empty list",
        "utc time",
        "fractional time",
        "leap second",
        "space in time",
    ];
    for (what, edited) in &edits {
        assert_eq!(
            read(edited).is_some(),
            read_quickly.contains(what),
            "{what}"
        );
    }
}

#[test]
fn every_truncation_falls_back() {
    let text = encoded();
    for (cut, _) in text.char_indices().skip(1) {
        assert!(read(&text[..cut]).is_none(), "cut at {cut}");
        agrees(&text[..cut]);
    }
}
