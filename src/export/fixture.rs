//! In-memory reports for the renderers' unit tests: no store, fixed ids and dates.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};
use uuid::Uuid;

use super::report::{FollowUpData, Report, Scope, SessionReport, TrendPoint};
use crate::model::checklist::Checklist;
use crate::model::duties::{Duty, DutyDetail};
use crate::model::problem::Problem;
use crate::model::session::{
    ChecklistRef, FreeDeduction, Recheck, RecheckResult, Rectification, RectificationDone,
    Response, Session, Status,
};
use crate::store::checklist_file::parse_checklist;

/// Formula starts, markup, quotes, line breaks, a tab, a CR, escape sequences,
/// characters XML 1.0 forbids, and emoji.
pub const HOSTILE: &str = "=HYPERLINK(\"http://x\",\"点我\")\n+1-2\t-3 @SUM(A1)\r\n<script>alert('x')</script> & \"引号\" \u{1b}[31m红\u{1b}]0;标题\u{7}\u{0}\u{b}\u{fffe}😀";

pub fn today() -> NaiveDate {
    date("2026-11-21")
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixed date")
}

pub fn checklist() -> Arc<Checklist> {
    let text = include_str!("../../tests/fixtures/export_checklist.ron");
    Arc::new(parse_checklist(text.as_bytes(), "export_checklist.ron").expect("a valid fixture"))
}

pub fn session(n: u128, department: &str, round: &str, day: &str) -> Session {
    let now = DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").expect("a fixed time");
    Session::new(
        Uuid::from_u128(n),
        ChecklistRef {
            id: "export-test".into(),
            version: 3,
            hash: "fixture".into(),
        },
        round.into(),
        date(day),
        department.into(),
        "王敏".into(),
        now,
    )
}

pub fn respond<'a>(
    session: &'a mut Session,
    code: &str,
    status: Status,
    note: &str,
) -> &'a mut Response {
    let response = session.responses.entry(code.into()).or_default();
    response.status = status;
    response.note = note.into();
    response
}

/// 办公室 with every kind of answer: deductions, an open overdue rectification,
/// a done one, a failed veto item and hostile text.
pub fn office() -> Session {
    let mut s = session(1, "办公室", "2026年11月自查", "2026-11-20");
    respond(&mut s, "1.1", Status::Partial, HOSTILE).deductions = vec![0];
    s.responses
        .get_mut("1.1")
        .expect("just added")
        .rectification = Some(Rectification {
        owner_department: "办公室".into(),
        owner: "李明<b>".into(),
        measure: "补开中心组学习会".into(),
        due: Some(date("2026-11-01")),
        ..Rectification::default()
    });
    respond(&mut s, "1.2", Status::Pass, "");
    let fixed = respond(&mut s, "1.3.1", Status::Fail, "谈话记录缺失");
    fixed.free_deduction = Some(FreeDeduction {
        reason: "另有问题".into(),
        points: 0.5,
    });
    fixed.rectification = Some(Rectification {
        owner_department: "党群室".into(),
        owner: "张华".into(),
        due: Some(date("2026-12-01")),
        done: Some(RectificationDone {
            at: DateTime::parse_from_rfc3339("2026-11-21T09:00:00+08:00").expect("fixed"),
            by: "王敏".into(),
            note: "已补记录".into(),
        }),
        rechecks: vec![Recheck {
            result: RecheckResult::Pass,
            by: "赵强".into(),
            at: DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").expect("fixed"),
            note: "复查合格".into(),
            session: None,
            implied: false,
        }],
        ..Rectification::default()
    });
    respond(&mut s, "2.1", Status::Pass, "");
    respond(&mut s, "2.2", Status::Na, "无绿化区域");
    respond(&mut s, "2.4", Status::Pass, "").evidence = vec!["奖牌照片".into()];
    respond(&mut s, "3.1", Status::Fail, "发生安全事故");
    s
}

pub fn single() -> Report {
    let history = vec![
        TrendPoint {
            date: date("2026-10-15"),
            round: "2026年10月自查".into(),
            percent: Some(60.0),
        },
        TrendPoint {
            date: date("2026-11-20"),
            round: "2026年11月自查".into(),
            percent: Some(72.5),
        },
    ];
    Report {
        scope: Scope::Sessions,
        sessions: vec![SessionReport::new(office(), checklist(), history)],
        followup: FollowUpData::default(),
        follow_ups: Default::default(),
        photos: Default::default(),
    }
}

pub fn round() -> Report {
    let mut party = session(2, "党群室", "2026年11月自查", "2026-11-19");
    for code in ["1.1", "1.2", "1.3.1", "2.1", "2.2", "2.3", "3.1"] {
        respond(&mut party, code, Status::Pass, "");
    }
    let mut logistics = session(3, "后勤服务中心", "2026年11月自查", "2026-11-18");
    respond(&mut logistics, "2.2", Status::Partial, "绿化带杂物未清");
    let sessions = [office(), party, logistics]
        .into_iter()
        .map(|s| SessionReport::new(s, checklist(), vec![]))
        .collect();
    Report {
        scope: Scope::Round {
            label: "2026年11月自查".into(),
        },
        sessions,
        follow_ups: Default::default(),
        photos: Default::default(),
        followup: round_followup(),
    }
}

/// A problem from a superior's notice and the round's 责任分解: 办公室 lost exactly
/// the 2.0 that disqualifies, 后勤服务中心 1.5.
fn round_followup() -> FollowUpData {
    let at = DateTime::parse_from_rfc3339("2026-11-25T09:00:00+08:00").expect("fixed");
    let problem = Problem {
        format: crate::model::problem::PROBLEM_FORMAT,
        id: Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0077),
        department: "党群室".into(),
        title: "宣传栏内容过期".into(),
        source: "市文明办通报".into(),
        date: date("2026-11-25"),
        by: "王敏".into(),
        created: at,
        updated: at,
        seq: 1,
        rectification: Rectification {
            owner_department: "党群室".into(),
            owner: "周涛".into(),
            measure: "每月更新宣传栏".into(),
            due: Some(date("2026-12-05")),
            ..Rectification::default()
        },
        rev: String::new(),
        seen: Vec::new(),
    };
    let detail = |session: u128, department: &str, code: &str, title: &str, lost: f64| DutyDetail {
        session: Uuid::from_u128(session),
        session_department: department.into(),
        checklist_id: "wenming".into(),
        code: code.into(),
        title: title.into(),
        lost,
    };
    let duties = vec![
        Duty {
            department: "办公室".into(),
            items: 4,
            lost: 2.0,
            open_rectifications: 1,
            disqualified: true,
            disqualified_on: vec!["wenming".into()],
            details: vec![detail(1, "办公室", "1.1", "中心组学习", 2.0)],
        },
        Duty {
            department: "后勤服务中心".into(),
            items: 2,
            lost: 1.5,
            open_rectifications: 0,
            disqualified: false,
            disqualified_on: Vec::new(),
            details: vec![detail(3, "后勤服务中心", "2.1", "窗明几净", 1.5)],
        },
    ];
    FollowUpData {
        problems: vec![problem],
        duties,
    }
}

/// Checks that `xml` is well-formed XML 1.0 with quick-xml (balanced, matching tags;
/// only the predefined entities and valid character references; one root), plus the
/// characters XML 1.0 allows, which the parser does not check.
pub fn assert_well_formed(xml: &str) {
    use quick_xml::XmlVersion;
    use quick_xml::events::Event;
    use quick_xml::events::attributes::Attributes;

    if let Some(bad) = xml.chars().find(|&c| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    }) {
        panic!("character U+{:04X} is not allowed in XML 1.0", bad as u32);
    }
    let check_attributes = |attributes: Attributes<'_>| {
        for attribute in attributes {
            let attribute = attribute.unwrap_or_else(|e| panic!("bad attribute: {e}"));
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .unwrap_or_else(|e| panic!("bad attribute value: {e}"));
            assert!(!value.contains('<'), "'<' in an attribute value");
        }
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Err(error) => panic!(
                "not well-formed at byte {}: {error}",
                reader.error_position()
            ),
            Ok(Event::Eof) => break,
            Ok(Event::Start(tag)) => {
                roots += usize::from(depth == 0);
                depth += 1;
                check_attributes(tag.attributes());
            }
            Ok(Event::Empty(tag)) => {
                roots += usize::from(depth == 0);
                check_attributes(tag.attributes());
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(reference)) => {
                let known = matches!(&*reference, "amp" | "lt" | "gt" | "quot" | "apos");
                let character = reference.resolve_char_ref().ok().flatten();
                assert!(
                    known || character.is_some(),
                    "unknown entity &{};",
                    &*reference
                );
            }
            Ok(Event::Text(text)) => assert!(!text.contains('&'), "bare '&'"),
            Ok(_) => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    assert_eq!(roots, 1, "exactly one root element");
}

/// The text of a zip archive's member.
pub fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("the member exists");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).expect("UTF-8 XML");
    text
}

/// The bytes of a zip archive's member.
pub fn unzip_bytes(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("the member exists");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut out).expect("readable");
    out
}

#[test]
fn the_well_formedness_check_catches_what_it_should() {
    assert_well_formed("<?xml version=\"1.0\"?><a x=\"1 &amp; 2\"><b/>t &lt; &#x41;</a>");
    for broken in [
        "<a><b></a>",
        "<a>&nope;</a>",
        "<a>x & y</a>",
        "<a>\u{1b}</a>",
        "<a/><b/>",
        "<a x=\"<\"/>",
    ] {
        let result = std::panic::catch_unwind(|| assert_well_formed(broken));
        assert!(result.is_err(), "{broken:?} must be rejected");
    }
}

/// A JPEG of `width` × `height` with a colour gradient.
pub fn gradient_jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .expect("encode");
    out
}

/// `report` with, on the first session's item 2.4, a photo (with its preview) and a
/// document, and a photo that does not decode.
pub fn with_attachments(mut report: Report) -> Report {
    use crate::model::attachment::{Attachment, AttachmentKind};
    let photo = gradient_jpeg(1600, 1200);
    let preview = crate::store::attachments::preview::downscale(&photo, AttachmentKind::Jpeg)
        .expect("a photo");
    let attachment = |file: &str, sha: char, kind, caption: &str| Attachment {
        file: file.into(),
        sha256: sha.to_string().repeat(64),
        size: 1000,
        kind,
        taken: "2026-11-18T09:30:00+08:00".into(),
        caption: caption.into(),
    };
    let session = &mut report.sessions[0].session;
    let response = session.responses.get_mut("2.4").expect("2.4 answered");
    response.attachments = vec![
        attachment("奖牌.jpg", 'a', AttachmentKind::Jpeg, "荣誉墙<奖牌>"),
        attachment("创建方案.pdf", 'b', AttachmentKind::Pdf, "方案"),
        attachment("坏图.jpg", 'c', AttachmentKind::Jpeg, ""),
    ];
    report.photos.insert("a".repeat(64), Arc::new(preview));
    report
}
