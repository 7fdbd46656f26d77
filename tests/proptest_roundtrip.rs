//! Property tests: random sessions save and load back equal, byte-stable; random
//! checklists written as RON parse back equal; mangled files never panic a loader.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use uuid::Uuid;
use zicha::model::checklist::{Checklist, Deduction, Item, Rules, Scope, Section};
use zicha::model::rate::SurveyedRate;
use zicha::model::session::{
    ChecklistRef, FreeDeduction, Recheck, RecheckResult, Rectification, RectificationDone,
    Response, Session, Status,
};
use zicha::store::checklist_file::parse_checklist;
use zicha::store::session_file::{decode, encode};

fn any_text() -> impl Strategy<Value = String> {
    // Any Unicode (controls, quotes, backslashes, bidi, emoji), and some Chinese.
    prop_oneof![
        any::<String>(),
        "[办公室整改措施未到位\\n\\t\"\\\\]{0,40}",
        Just(String::new()),
    ]
}

fn any_time() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -12i32..14).prop_map(|(seconds, hours)| {
        let offset =
            FixedOffset::east_opt(hours * 3600).unwrap_or(FixedOffset::east_opt(0).unwrap());
        offset
            .timestamp_opt(seconds, 0)
            .single()
            .unwrap_or_else(|| offset.timestamp_opt(0, 0).unwrap())
    })
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1i32..9999, 1u32..366).prop_map(|(year, day)| {
        NaiveDate::from_yo_opt(year, day).unwrap_or(NaiveDate::from_ymd_opt(year, 1, 1).unwrap())
    })
}

fn any_status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn any_points() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..1000.0f64,
        Just(0.0),
        Just(0.5),
        Just(1e-7),
        Just(123456.789)
    ]
}

/// The fields format 3 added to a response: counts, a level label, a surveyed rate.
fn any_format_3()
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
        ]),
    )
}

/// A rectification with every field of the loop: who, measure, done, re-checks.
fn any_rectification() -> impl Strategy<Value = Rectification> {
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

fn any_response() -> impl Strategy<Value = Response> {
    (
        any_format_3(),
        any_status(),
        prop::collection::vec(0usize..5, 0..4),
        prop::option::of((any_text(), any_points())),
        any_text(),
        prop::collection::vec(any_text(), 0..3),
        prop::option::of(any_rectification()),
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
                    ..Response::default()
                }
            },
        )
}

fn any_session() -> impl Strategy<Value = Session> {
    (
        any::<u128>(),
        any_text(),
        any_date(),
        any_text(),
        any_text(),
        any_time(),
        any::<u32>(),
        (prop::option::of(any_time()), any::<bool>()),
        prop::collection::btree_map(
            "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}",
            (any_response(), any_text(), any_time()),
            0..12,
        ),
    )
        .prop_map(
            |(id, round, date, department, inspector, now, seq, (finished, unit), responses)| {
                let reference = ChecklistRef {
                    id: "wenming-danwei".into(),
                    version: 1,
                    hash: "0123456789abcdef".into(),
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
                session.seq = u64::from(seq);
                session.finished = finished;
                session.scope = if unit { Scope::Unit } else { Scope::Department };
                for (code, (response, by, at)) in responses {
                    session.set_response(&code, response, &by, at);
                }
                session
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sessions_round_trip_and_encode_stably(session in any_session()) {
        let text = encode(&session).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let decoded = decode(text.as_bytes(), "s.ron").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&decoded.session, &session);
        prop_assert_eq!(encode(&decoded.session).ok(), Some(text));
    }

    #[test]
    fn truncated_or_mangled_sessions_never_panic(session in any_session(), cut in 0usize..4000, flip in any::<u8>()) {
        let mut bytes = encode(&session).map_err(|e| TestCaseError::fail(e.to_string()))?.into_bytes();
        bytes.truncate(cut.min(bytes.len()));
        if let Some(last) = bytes.last_mut() {
            *last ^= flip;
        }
        let _ = decode(&bytes, "s.ron");
    }
}

fn any_item(code: String) -> impl Strategy<Value = Item> {
    (
        "[\\p{Han}a-z]{1,12}",
        prop::option::of(any_text()),
        any_points(),
        prop::collection::vec("[\\p{Han}]{1,6}", 0..3),
        prop::collection::vec(
            (
                "[\\p{Han}]{1,8}",
                any_points(),
                prop::option::of("[次人处期项篇]{1,2}"),
            ),
            0..3,
        ),
        (any::<bool>(), 0u8..3, any::<bool>()),
    )
        .prop_map(
            move |(title, standard, points, methods, deductions, (flag, kind, unit))| Item {
                code: code.clone(),
                title,
                standard,
                points,
                methods: methods.clone(),
                evidence: methods.clone(),
                owners: methods,
                deductions: deductions
                    .into_iter()
                    .map(|(reason, points, unit)| Deduction {
                        reason,
                        points,
                        unit,
                    })
                    .collect(),
                veto: flag && points == 0.0,
                bonus: flag && points > 0.0 && kind == 1,
                penalty: flag && points > 0.0 && kind == 2,
                scope: if unit { Scope::Unit } else { Scope::Department },
                rate: if !flag && points > 0.0 && kind == 1 {
                    vec![(85.0, 0.0), (60.0, points / 2.0), (0.0, points)]
                } else {
                    Vec::new()
                },
            },
        )
}

fn any_checklist() -> impl Strategy<Value = Checklist> {
    (
        1usize..5,
        1usize..5,
        any::<u32>(),
        "[a-z][a-z0-9-]{0,20}",
        "[\\p{Han}]{1,10}",
    )
        .prop_flat_map(|(sections, items, version, id, title)| {
            let sections: Vec<_> = (0..sections)
                .map(|s| {
                    let items: Vec<_> = (0..items)
                        .map(|i| any_item(format!("{}.{}", s + 1, i + 1)))
                        .collect();
                    (items, "[\\p{Han}]{1,8}").prop_map(move |(items, title)| Section {
                        code: (s + 1).to_string(),
                        title,
                        items,
                        sections: Vec::new(),
                    })
                })
                .collect();
            (sections, Just(version), Just(id), Just(title))
        })
        .prop_map(|(sections, version, id, title)| Checklist {
            id,
            version,
            title,
            description: None,
            rules: Rules {
                disqualify_from: (version % 2 == 0).then_some(2.0),
                disqualify_over: (version % 2 == 1).then_some(2.0),
                grades: vec![(90.0, "优秀".into()), (0.0, "不合格".into())],
                levels: if version % 3 == 0 {
                    vec![("A".into(), 1.0), ("B".into(), 0.66), ("C#".into(), 0.0)]
                } else {
                    Vec::new()
                },
            },
            renamed: BTreeMap::new(),
            sections,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn checklists_written_as_ron_parse_back_equal(checklist in any_checklist()) {
        let text = ron::ser::to_string_pretty(&checklist, ron::ser::PrettyConfig::new().struct_names(true))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = parse_checklist(text.as_bytes(), "c.ron")
            .map_err(|problems| TestCaseError::fail(format!("{problems:?}\n{text}")))?;
        prop_assert_eq!(parsed, checklist);
    }

    #[test]
    fn mangled_checklists_never_panic(checklist in any_checklist(), cut in 0usize..3000, at in 0usize..3000, byte in any::<u8>()) {
        let mut bytes = ron::to_string(&checklist).unwrap_or_default().into_bytes();
        if !bytes.is_empty() {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let _ = parse_checklist(&bytes, "c.ron");
    }
}
