//! Random sessions for property tests: every field a session file can hold, with
//! text that needs escaping (quotes, backslashes, line breaks, controls, combining
//! marks, emoji) and Chinese.

#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use uuid::Uuid;
use zicha::model::attachment::{Attachment, AttachmentKind};
use zicha::model::checklist::Scope;
use zicha::model::rate::SurveyedRate;
use zicha::model::session::{
    ChecklistRef, FreeDeduction, Recheck, RecheckResult, Rectification, RectificationDone,
    Response, Session, Status,
};

pub fn any_text() -> impl Strategy<Value = String> {
    // Any Unicode (controls, quotes, backslashes, bidi, emoji), and some Chinese.
    prop_oneof![
        any::<String>(),
        "[办公室整改措施未到位\\n\\t\"\\\\'😀\u{301}\u{200b}\u{7f}\u{1b}]{0,40}",
        Just(String::new()),
    ]
}

/// Whole seconds mostly, as zicha writes them; sometimes with nanoseconds, and
/// offsets of whole hours or of hours and minutes (+05:45, -03:30).
pub fn any_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        0i64..4_000_000_000,
        -12i32..14,
        prop_oneof![4 => Just(0i32), 1 => Just(30), 1 => Just(45)],
        prop_oneof![4 => Just(0u32), 1 => 0u32..1_000_000_000],
    )
        .prop_map(|(seconds, hours, minutes, nanos)| {
            let east = hours * 3600 + hours.signum() * minutes * 60;
            let offset = FixedOffset::east_opt(east).unwrap_or(FixedOffset::east_opt(0).unwrap());
            offset
                .timestamp_opt(seconds, nanos)
                .single()
                .unwrap_or_else(|| offset.timestamp_opt(0, 0).unwrap())
        })
}

pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1i32..9999, 1u32..366).prop_map(|(year, day)| {
        NaiveDate::from_yo_opt(year, day).unwrap_or(NaiveDate::from_ymd_opt(year, 1, 1).unwrap())
    })
}

/// Any finite float: small and huge magnitudes are written with exponents.
pub fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any_points(),
        Just(-0.0),
        Just(1e300),
        Just(-2.5e-300),
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
    ]
}

pub fn any_revision() -> impl Strategy<Value = (String, Vec<String>)> {
    (
        prop_oneof![Just(String::new()), "[0-9a-f]{16}"],
        prop::collection::vec("[0-9a-f]{16}", 0..3),
    )
}

pub fn any_attachment() -> impl Strategy<Value = Attachment> {
    (
        any_text(),
        "[0-9a-f]{64}",
        any::<u64>(),
        prop::sample::select(AttachmentKind::ALL.to_vec()),
        prop_oneof![
            Just(String::new()),
            "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\+08:00)?"
        ],
        any_text(),
    )
        .prop_map(|(file, sha256, size, kind, taken, caption)| Attachment {
            file,
            sha256,
            size,
            kind,
            taken,
            caption,
        })
}

pub fn any_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

pub fn any_points() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..1000.0f64,
        Just(0.0),
        Just(0.5),
        Just(1e-7),
        Just(123456.789)
    ]
}

/// The fields format 3 added to a response: counts, a level label, a surveyed rate.
pub fn any_format_3()
-> impl Strategy<Value = (BTreeMap<usize, u32>, Option<String>, Option<SurveyedRate>)> {
    (
        prop::collection::btree_map(0usize..5, 2u32..100, 0..3),
        prop::option::of(any_text()),
        prop::option::of(prop_oneof![
            (0u32..1000, 1u32..1000).prop_map(|(n, d)| SurveyedRate::Fraction {
                numerator: n.min(d),
                denominator: d,
            }),
            (0.0..=100.0f64).prop_map(SurveyedRate::Percent),
            any_float().prop_map(SurveyedRate::Percent),
        ]),
    )
}

/// A rectification with every field of the loop: who, measure, done, re-checks.
pub fn any_rectification() -> impl Strategy<Value = Rectification> {
    (
        (any_text(), any_text(), any_text()),
        prop::option::of(any_date()),
        prop::option::of((any_time(), any_text(), any_text())),
        prop::collection::vec(
            (
                any::<bool>(),
                any_text(),
                any_time(),
                any_text(),
                prop::option::of(any::<u128>()),
                any::<bool>(),
            ),
            0..3,
        ),
    )
        .prop_map(
            |((owner_department, owner, measure), due, done, rechecks)| Rectification {
                owner_department,
                owner,
                measure,
                due,
                done: done.map(|(at, by, note)| RectificationDone { at, by, note }),
                rechecks: rechecks
                    .into_iter()
                    .map(|(pass, by, at, note, session, implied)| Recheck {
                        result: if pass {
                            RecheckResult::Pass
                        } else {
                            RecheckResult::Fail
                        },
                        by,
                        at,
                        note,
                        session: session.map(uuid::Uuid::from_u128),
                        implied,
                    })
                    .collect(),
            },
        )
}

pub fn any_response() -> impl Strategy<Value = Response> {
    (
        any_format_3(),
        any_status(),
        prop::collection::vec(0usize..5, 0..4),
        prop::option::of((any_text(), any_float())),
        any_text(),
        prop::collection::vec(any_text(), 0..3),
        prop::option::of(any_rectification()),
        (
            prop::collection::vec(any_attachment(), 0..3),
            any_revision(),
        ),
    )
        .prop_map(
            |(
                (counts, level, rate),
                status,
                mut deductions,
                free,
                note,
                evidence,
                rectification,
                (attachments, (rev, seen)),
            )| {
                deductions.sort_unstable();
                deductions.dedup();
                Response {
                    status,
                    deductions,
                    counts,
                    level,
                    rate,
                    free_deduction: free.map(|(reason, points)| FreeDeduction { reason, points }),
                    note,
                    evidence,
                    rectification,
                    attachments,
                    rev,
                    seen,
                    ..Response::default()
                }
            },
        )
}

pub fn any_session() -> impl Strategy<Value = Session> {
    (
        any::<u128>(),
        any_text(),
        any_date(),
        any_text(),
        any_text(),
        any_time(),
        any::<u64>(),
        (prop::option::of(any_time()), any::<bool>()),
        prop::collection::btree_map(
            "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}",
            (any_response(), any_text(), any_time()),
            0..12,
        ),
        (
            any_revision(),
            prop::collection::btree_map(
                "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}",
                prop::collection::vec(any_response(), 1..3),
                0..3,
            ),
            prop::collection::btree_map("[0-9]{1,2}\\.[0-9]", any_response(), 0..2),
            (any_text(), any::<u32>(), "[0-9a-f]{16}"),
        ),
    )
        .prop_map(
            |(
                id,
                round,
                date,
                department,
                inspector,
                now,
                seq,
                (finished, unit),
                responses,
                ((header_rev, header_seen), conflicts, stored, (checklist, version, hash)),
            )| {
                let reference = ChecklistRef {
                    id: checklist,
                    version,
                    hash,
                };
                let mut session = Session::new(
                    Uuid::from_u128(id),
                    reference,
                    round,
                    date,
                    department,
                    inspector,
                    now,
                );
                session.seq = seq;
                session.finished = finished;
                session.scope = if unit { Scope::Unit } else { Scope::Department };
                for (code, (response, by, at)) in responses {
                    session.set_response(&code, response, &by, at);
                }
                // As merges and clearing leave them: stored as they are, blank or not.
                session.responses.extend(stored);
                session.header_rev = header_rev;
                session.header_seen = header_seen;
                session.conflicts = conflicts;
                session
            },
        )
}
