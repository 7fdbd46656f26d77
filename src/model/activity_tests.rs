use super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn lecture() -> Activity {
    let fields = ActivityFields {
        title: "道德讲堂：孝老爱亲".into(),
        date: Some(day("2026-11-03")),
        department: "党群室".into(),
        kind: "道德讲堂".into(),
        participants: Some(40),
        note: String::new(),
        evidence: vec!["签到表".into()],
    };
    Activity::new(
        Uuid::from_u128(7),
        fields,
        "王敏",
        at("2026-11-03T16:00:00+08:00"),
    )
    .unwrap()
}

#[test]
fn material_is_late_when_handed_in_after_the_due_day_or_still_missing_after_it() {
    let mut activity = lecture();
    assert_eq!(activity.due(3), day("2026-11-06"));
    // Nothing handed in: due day itself is not late, the day after is.
    assert!(!activity.late(3, day("2026-11-06")));
    assert!(activity.late(3, day("2026-11-07")));
    let now = at("2026-11-05T09:00:00+08:00");
    activity
        .hand_in(Copy::Electronic, day("2026-11-05"), now)
        .unwrap();
    assert!(!activity.late(3, day("2026-11-06")));
    assert!(activity.late(3, day("2026-11-07")), "paper still missing");
    activity
        .hand_in(Copy::Paper, day("2026-11-06"), now)
        .unwrap();
    assert!(activity.complete());
    assert!(!activity.late(3, day("2027-01-01")), "both in on time");
    activity
        .hand_in(Copy::Paper, day("2026-11-07"), now)
        .unwrap();
    assert!(activity.late(3, day("2026-11-07")), "paper a day late");
}

#[test]
fn material_dated_before_the_activity_is_refused() {
    let mut activity = lecture();
    let now = at("2026-11-05T09:00:00+08:00");
    assert_eq!(
        activity.hand_in(Copy::Paper, day("2026-11-02"), now),
        Err(ActivityError::MaterialBeforeActivity(
            day("2026-11-02"),
            day("2026-11-03")
        ))
    );
    activity
        .hand_in(Copy::Paper, day("2026-11-03"), now)
        .unwrap();
    let mut moved = activity.fields();
    moved.date = Some(day("2026-11-04"));
    assert!(matches!(
        activity.edit(moved, now),
        Err(ActivityError::MaterialBeforeActivity(..))
    ));
    assert_eq!(activity.date, day("2026-11-03"), "nothing changed");
}

#[test]
fn empty_titles_and_departments_are_refused() {
    let mut fields = lecture().fields();
    fields.title = "  ".into();
    let now = at("2026-11-05T09:00:00+08:00");
    assert_eq!(
        Activity::new(Uuid::nil(), fields.clone(), "", now),
        Err(ActivityError::EmptyTitle)
    );
    fields.title = "t".into();
    fields.department = String::new();
    assert_eq!(
        Activity::new(Uuid::nil(), fields, "", now),
        Err(ActivityError::EmptyDepartment)
    );
}

#[test]
fn two_inspectors_copies_merge_the_same_way_round() {
    let base = lecture();
    // 王敏 records the electronic copy; 李明 fixes the head count and the paper copy.
    let mut ours = base.clone();
    ours.hand_in(
        Copy::Electronic,
        day("2026-11-04"),
        at("2026-11-04T10:00:00+08:00"),
    )
    .unwrap();
    ours.seq = 1;
    let mut theirs = base.clone();
    let mut fields = theirs.fields();
    fields.participants = Some(42);
    fields.evidence.push("照片".into());
    theirs
        .edit(fields, at("2026-11-04T11:00:00+08:00"))
        .unwrap();
    theirs
        .hand_in(
            Copy::Paper,
            day("2026-11-05"),
            at("2026-11-05T08:00:00+08:00"),
        )
        .unwrap();
    theirs.seq = 2;
    let Some(ActivityMerge::Merged(merged)) = merge_activity(&ours, &theirs) else {
        panic!("both sides changed something");
    };
    assert_eq!(merged.participants, Some(42));
    assert_eq!(merged.evidence, ["签到表", "照片"]);
    assert_eq!(
        merged.electronic.as_ref().map(|h| h.date),
        Some(day("2026-11-04"))
    );
    assert_eq!(
        merged.paper.as_ref().map(|h| h.date),
        Some(day("2026-11-05"))
    );
    assert_eq!(merged.seq, 3);
    let Some(ActivityMerge::Merged(other_way)) = merge_activity(&theirs, &ours) else {
        panic!("both sides changed something");
    };
    assert_eq!(merged, other_way, "symmetric");
    // Merging the result again changes nothing; a copy behind it takes it whole.
    assert_eq!(
        merge_activity(&merged, &ours),
        Some(ActivityMerge::Unchanged)
    );
    assert_eq!(
        merge_activity(&base, &merged),
        Some(ActivityMerge::TakeTheirs)
    );
    let mut stranger = base.clone();
    stranger.id = Uuid::from_u128(8);
    assert_eq!(merge_activity(&base, &stranger), None);
}

#[test]
fn the_later_record_of_a_copy_wins() {
    let base = lecture();
    let mut ours = base.clone();
    ours.hand_in(
        Copy::Paper,
        day("2026-11-09"),
        at("2026-11-09T10:00:00+08:00"),
    )
    .unwrap();
    let mut theirs = base.clone();
    theirs
        .hand_in(
            Copy::Paper,
            day("2026-11-05"),
            at("2026-11-10T10:00:00+08:00"),
        )
        .unwrap();
    assert_eq!(
        merge_activity(&ours, &theirs),
        Some(ActivityMerge::TakeTheirs)
    );
}

fn photo(name: &str, hash_digit: char, caption: &str) -> Attachment {
    Attachment {
        file: name.into(),
        sha256: hash_digit.to_string().repeat(64),
        size: 1000,
        kind: crate::model::attachment::AttachmentKind::Jpeg,
        taken: "2026-11-03T15:00:00+08:00".into(),
        caption: caption.into(),
    }
}

#[test]
fn attachments_merge_as_the_union_by_content_hash() {
    let base = lecture();
    let mut ours = base.clone();
    ours.attach([photo("签到表.jpg", 'a', "签到"), photo("现场.jpg", 'b', "")]);
    let mut theirs = base.clone();
    // The same photo under another name and caption, and one of their own.
    theirs.attach([
        photo("IMG_0002.jpg", 'b', "现场"),
        photo("合影.jpg", 'c', ""),
    ]);
    theirs
        .edit(theirs.fields(), at("2026-11-04T11:00:00+08:00"))
        .unwrap();
    let Some(ActivityMerge::Merged(merged)) = merge_activity(&ours, &theirs) else {
        panic!("each side attached something the other has not");
    };
    let hashes: Vec<char> = merged
        .attachments
        .iter()
        .map(|a| a.sha256.chars().next().unwrap())
        .collect();
    // Theirs was edited last: its list first, then what only ours has.
    assert_eq!(hashes, ['b', 'c', 'a']);
    assert_eq!(merged.attachments[0].file, "IMG_0002.jpg");
    let Some(ActivityMerge::Merged(other_way)) = merge_activity(&theirs, &ours) else {
        panic!("each side attached something the other has not");
    };
    assert_eq!(*merged, *other_way, "symmetric");
    assert_eq!(
        merge_activity(&merged, &ours),
        Some(ActivityMerge::Unchanged)
    );
    // A copy with nothing attached takes the merged one whole.
    assert_eq!(
        merge_activity(&base, &merged),
        Some(ActivityMerge::TakeTheirs)
    );
}

#[test]
fn attachments_are_removed_by_their_number() {
    let mut activity = lecture();
    activity.attach([photo("1.jpg", '1', ""), photo("2.jpg", '2', "")]);
    assert_eq!(activity.detach(0), None);
    assert_eq!(activity.detach(3), None);
    assert_eq!(activity.detach(1).map(|a| a.file), Some("1.jpg".into()));
    assert_eq!(activity.attachments.len(), 1);
    assert_eq!(activity.attachments[0].file, "2.jpg");
}
