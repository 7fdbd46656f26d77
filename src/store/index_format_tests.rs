use super::*;

fn head(id: u128) -> SessionHead {
    SessionHead {
        id: Uuid::from_u128(id),
        round: "2026年11月上半月自查 \"引号\" 50%\t,\\".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 8).unwrap(),
        department: "办公室\n第二行".into(),
        scope: Scope::Unit,
        inspector: String::new(),
        checklist: ChecklistRef {
            id: "wenming-danwei".into(),
            version: 3,
            hash: "9ad71c4826ef45dd".into(),
        },
        checklist_title: "文明单位创建自查表".into(),
        created: DateTime::parse_from_rfc3339("2026-11-08T09:05:00.123+08:00").unwrap(),
        seq: 17,
        finished: true,
        figures: StoredFigures(61.5, 80.0, 1.0 / 3.0, 23, 58, 20, 60.0, 3.5, 2.0, 7),
        veto: vec!["8.1".into(), "8,2".into()],
        disqualified: true,
        grade: Some(String::new()),
        provisional_grade: Some("良好,\t".into()),
        problems: 4,
        open_rectifications: 2,
        rectifications: 3,
        open_codes: vec!["1.2".into(), "3,1".into()],
        passed: vec![0, 3, 4, 9, 63],
        sections: vec![
            StoredFigures(1.5, 2.0, 0.5, 1, 1, 1, 1.5, 0.0, 0.0, 0),
            StoredFigures(0.0, 0.0, 0.0, 0, 3, 0, 0.0, 0.0, 0.0, 3),
        ],
    }
}

fn stamp() -> Stamp {
    Stamp {
        size: 10902,
        modified: (-86_401, 999_999_999),
        changed: (1_795_306_006, 690_476_524),
        inode: 10_346_556,
    }
}

#[test]
fn entries_survive_the_round_trip_exactly() {
    let mut plain = head(2);
    plain.veto.clear();
    plain.grade = None;
    plain.provisional_grade = None;
    plain.scope = Scope::Department;
    plain.sections.clear();
    plain.open_codes.clear();
    plain.passed.clear();
    let entries = vec![
        Entry {
            id: Uuid::from_u128(1),
            stamp: stamp(),
            settled: true,
            content: Content::Session(Box::new(head(1))),
        },
        Entry {
            id: Uuid::from_u128(2),
            stamp: stamp(),
            settled: false,
            content: Content::Session(Box::new(plain)),
        },
        Entry {
            id: Uuid::from_u128(3),
            stamp: stamp(),
            settled: true,
            content: Content::Unreadable(StoredProblem(
                "/d/sessions/x.ron".into(),
                Some((3, 14)),
                "expected `)` \"but\" found %".into(),
            )),
        },
        Entry {
            id: Uuid::from_u128(4),
            stamp: stamp(),
            settled: true,
            content: Content::Unreadable(StoredProblem(String::new(), None, "空".into())),
        },
    ];
    let text = encode(1, "zicha 0.1.0", &entries);
    assert_eq!(decode(&text, 1, "zicha 0.1.0"), Some(entries.clone()));
    assert_eq!(decode(&text, 2, "zicha 0.1.0"), None, "another format");
    assert_eq!(decode(&text, 1, "zicha 0.2.0"), None, "another program");
    assert_eq!(decode(&encode(1, "p", &[]), 1, "p"), Some(Vec::new()));
}

#[test]
fn the_file_is_valid_ron() {
    let entries = vec![Entry {
        id: Uuid::from_u128(1),
        stamp: stamp(),
        settled: true,
        content: Content::Session(Box::new(head(1))),
    }];
    let text = encode(1, "zicha 0.1.0", &entries);
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Index {
        format: u32,
        program: String,
        entries: Vec<String>,
    }
    let parsed: Index = ron::from_str(&text).expect("valid RON");
    assert_eq!(parsed.entries.len(), 1);
    assert!(parsed.entries[0].contains("文明单位创建自查表"));
}

#[test]
fn anything_unexpected_is_rejected() {
    let entries = vec![Entry {
        id: Uuid::from_u128(1),
        stamp: stamp(),
        settled: true,
        content: Content::Session(Box::new(head(1))),
    }];
    let text = encode(1, "p", &entries);
    for damaged in [
        text.replacen("\t", "\t\t", 1),
        text.replacen("\tS\t", "\tX\t", 1),
        text.replacen("61.5", "61.5x", 1),
        text.replacen("%22", "%2", 1),
        text.replacen("\",\n]", "\\\",\n]", 1),
        text[..text.len() - 3].to_string(),
        text.replacen("2026-11-08", "2026-13-08", 1),
    ] {
        assert_eq!(decode(&damaged, 1, "p"), None, "{damaged}");
    }
}
