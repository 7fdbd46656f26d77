//! An activity's material on the activity screen (docs/design.md §14, DESIGN §12):
//! what `a`, a pasted path, a label, Ctrl-o and Delete do to the state, and
//! snapshots of the screen's detail and of the pop-up, in Chinese at 80x24 and 40x15.

use uuid::Uuid;

use super::super::action::{Action, Effect};
use super::super::app::{App, Confirm, Overlay, Screen, TaizhangData};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{app, render};
use super::tests_deadlines::data;
use crate::i18n::Lang;
use crate::model::attachment::{Attachment, AttachmentKind};

fn photo(file: &str, digit: char, taken: &str, caption: &str) -> Attachment {
    Attachment {
        file: file.into(),
        sha256: digit.to_string().repeat(64),
        size: 2_400_000,
        kind: AttachmentKind::Jpeg,
        taken: taken.into(),
        caption: caption.into(),
    }
}

/// The fixture's ledger; the lecture (the second row) has a label and two files.
fn with_files() -> TaizhangData {
    let mut data = data();
    let lecture = &mut data.activities[1].activity;
    lecture.evidence = vec!["签到表".into(), "纸质材料已归档".into()];
    lecture.attachments = vec![
        photo("集体合影.jpg", 'a', "2026-11-03T15:20:00+08:00", "讲堂现场"),
        photo("活动方案.jpg", 'b', "2026-11-02T09:00:00", ""),
    ];
    data
}

fn lecture_selected(width: u16, height: u16) -> App {
    let mut app = app(Lang::Zh, width, height);
    let loaded = Action::TaizhangLoaded(Box::new(with_files()), Screen::Activities);
    update(&mut app, loaded);
    update(&mut app, Action::Command(Command::Down));
    app
}

fn run(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Command(command))
}

#[test]
fn a_pasted_path_attaches_a_file_to_the_selected_activity() {
    let mut app = lecture_selected(80, 24);
    assert!(run(&mut app, Command::AddEvidence).is_empty());
    assert!(
        matches!(app.overlay, Some(Overlay::ActivityFiles(ref s)) if s.id == Uuid::from_u128(2))
    );
    // Dragging two files onto the terminal pastes their quoted paths.
    update(
        &mut app,
        Action::Paste("'/home/王敏/照片/合影 1.jpg' '/tmp/方案.pdf'".into()),
    );
    let effects = run(&mut app, Command::Submit);
    match effects.as_slice() {
        [Effect::AttachToActivity { id, paths }] => {
            assert_eq!(*id, Uuid::from_u128(2));
            assert_eq!(paths, &["/home/王敏/照片/合影 1.jpg", "/tmp/方案.pdf"]);
        }
        other => panic!("{other:?}"),
    }
    // The pop-up stays, with an empty line; the job's outcome reloads the screen.
    let Some(Overlay::ActivityFiles(state)) = &app.overlay else {
        panic!("the pop-up stays open");
    };
    assert!(state.input.text().is_empty());
    let effects = update(&mut app, Action::ActivitySaved("已附上 2 个文件".into()));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadTaizhang {
            screen: Screen::Activities
        }]
    ));
}

#[test]
fn text_that_is_no_path_adds_a_label_and_delete_removes_one() {
    let mut app = lecture_selected(80, 24);
    run(&mut app, Command::AddEvidence);
    update(&mut app, Action::Paste("照片 3 张".into()));
    match run(&mut app, Command::Submit).as_slice() {
        [
            Effect::SaveActivity {
                id: Some(id),
                fields,
                ..
            },
        ] => {
            assert_eq!(*id, Uuid::from_u128(2));
            assert_eq!(fields.evidence, ["签到表", "纸质材料已归档", "照片 3 张"]);
            assert_eq!(fields.title, "道德讲堂：孝老爱亲", "the rest unchanged");
        }
        other => panic!("{other:?}"),
    }
    // Up from the input line selects the last entry (a file); Up twice more, the first label.
    run(&mut app, Command::Up);
    run(&mut app, Command::Up);
    run(&mut app, Command::Up);
    run(&mut app, Command::Up);
    match run(&mut app, Command::Delete).as_slice() {
        [Effect::SaveActivity { fields, .. }] => assert_eq!(fields.evidence, ["纸质材料已归档"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_opens_with_the_viewer_and_is_removed_only_after_asking() {
    let mut app = lecture_selected(80, 24);
    run(&mut app, Command::AddEvidence);
    run(&mut app, Command::Up);
    match run(&mut app, Command::OpenAttachment).as_slice() {
        [Effect::OpenAttachment(file)] => assert_eq!(file.file, "活动方案.jpg"),
        other => panic!("{other:?}"),
    }
    assert!(run(&mut app, Command::Delete).is_empty());
    assert_eq!(
        app.overlay.as_ref().and_then(|o| match o {
            Overlay::Confirm(confirm) => Some(confirm.clone()),
            _ => None,
        }),
        Some(Confirm::DetachFromActivity {
            id: Uuid::from_u128(2),
            number: 2,
            file: "活动方案.jpg".into(),
        })
    );
    assert!(render(&app).contains("从这条活动移除附件 活动方案.jpg"));
    // No keeps it; yes removes it (by its number, as `activity detach` does).
    assert!(run(&mut app, Command::No).is_empty());
    assert!(app.overlay.is_none());
    run(&mut app, Command::AddEvidence);
    run(&mut app, Command::Up);
    run(&mut app, Command::Delete);
    assert!(matches!(
        run(&mut app, Command::Yes).as_slice(),
        [Effect::DetachFromActivity { number: 2, .. }]
    ));
}

#[test]
fn a_selected_files_caption_is_edited_on_the_input_line() {
    let mut app = lecture_selected(80, 24);
    run(&mut app, Command::AddEvidence);
    run(&mut app, Command::Up);
    run(&mut app, Command::Up);
    let input = |app: &App| match &app.overlay {
        Some(Overlay::ActivityFiles(state)) => state.input.text(),
        _ => panic!("the pop-up is open"),
    };
    assert_eq!(input(&app), "讲堂现场", "the first file's caption");
    update(&mut app, Action::Paste("，孝老爱亲".into()));
    match run(&mut app, Command::Submit).as_slice() {
        [
            Effect::CaptionActivityFile {
                id,
                number,
                caption,
            },
        ] => {
            assert_eq!(*id, Uuid::from_u128(2));
            assert_eq!(*number, 1);
            assert_eq!(caption, "讲堂现场，孝老爱亲");
        }
        other => panic!("{other:?}"),
    }
    // From the input line up: the second file (no caption), the first, then a label,
    // which takes the caption off the line.
    run(&mut app, Command::Up);
    assert_eq!(input(&app), "");
    run(&mut app, Command::Up);
    assert_eq!(input(&app), "讲堂现场");
    run(&mut app, Command::Up);
    assert_eq!(input(&app), "");
}

#[test]
fn activities_with_files_80x24() {
    insta::assert_snapshot!(render(&lecture_selected(80, 24)));
}

#[test]
fn activities_with_files_40x15() {
    insta::assert_snapshot!(render(&lecture_selected(40, 15)));
}

#[test]
fn activity_files_popup_80x24() {
    let mut app = lecture_selected(80, 24);
    run(&mut app, Command::AddEvidence);
    // The first file selected: its caption on the input line.
    run(&mut app, Command::Up);
    run(&mut app, Command::Up);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn activity_files_popup_40x15() {
    let mut app = lecture_selected(40, 15);
    run(&mut app, Command::AddEvidence);
    insta::assert_snapshot!(render(&app));
}
