//! Property tests: random sessions save and load back equal, byte-stable; random
//! checklists written as RON parse back equal; mangled files never panic a loader.

mod strategies;

use std::collections::BTreeMap;

use proptest::prelude::*;
use strategies::{any_points, any_session, any_text};
use zicha::model::checklist::{Checklist, Deduction, Item, Rules, Scope, Section};
use zicha::store::checklist_file::parse_checklist;
use zicha::store::session_file::{decode, encode};

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
