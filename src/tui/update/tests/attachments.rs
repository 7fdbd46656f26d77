//! Attachments in the walk: pasted paths become a job, the stored files one undo
//! step, opening goes to the runner, and removing asks first.

use super::*;
use crate::model::attachment::{Attachment, AttachmentKind};

fn photo(name: &str) -> Attachment {
    Attachment {
        file: name.into(),
        sha256: "ab".repeat(32),
        size: 10,
        kind: AttachmentKind::Jpeg,
        taken: "2026-11-18T09:30:00".into(),
        caption: String::new(),
    }
}

fn files(app: &App) -> Vec<String> {
    of_each(app, |a| a.file.clone())
}

/// One text per attachment of item 1.1, in order.
fn of_each(app: &App, text: impl Fn(&Attachment) -> String) -> Vec<String> {
    walk(app)
        .session()
        .response("1.1")
        .map(|r| r.attachments.iter().map(&text).collect())
        .unwrap_or_default()
}

#[test]
fn pasted_quoted_paths_are_attached_as_one_undo_step() {
    let mut app = walking();
    run(&mut app, Command::AddEvidence);
    update(
        &mut app,
        Action::Paste("'/home/wang/门厅 1.jpg' '/home/wang/方案.pdf'".into()),
    );
    let effects = run(&mut app, Command::Submit);
    let asked = effects.iter().find_map(|effect| match effect {
        Effect::StoreAttachments { code, paths } => Some((code.clone(), paths.clone())),
        _ => None,
    });
    assert_eq!(
        asked,
        Some((
            "1.1".to_string(),
            vec![
                "/home/wang/门厅 1.jpg".to_string(),
                "/home/wang/方案.pdf".to_string()
            ]
        ))
    );
    assert!(files(&app).is_empty(), "nothing until the files are stored");
    let stored = vec![photo("门厅 1.jpg"), photo("方案.pdf")];
    update(
        &mut app,
        Action::AttachmentsStored {
            code: "1.1".into(),
            attachments: stored,
        },
    );
    assert_eq!(files(&app), ["门厅 1.jpg", "方案.pdf"]);
    app.overlay = None;
    run(&mut app, Command::Undo);
    assert!(files(&app).is_empty(), "one undo step takes both back");
    run(&mut app, Command::Redo);
    assert_eq!(files(&app).len(), 2);
}

#[test]
fn a_label_stays_a_label() {
    let mut app = walking();
    run(&mut app, Command::AddEvidence);
    typed(&mut app, "照片 3 张");
    let effects = run(&mut app, Command::Submit);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::StoreAttachments { .. }))
    );
    let evidence = &walk(&app).session().response("1.1").unwrap().evidence;
    assert_eq!(evidence, &["照片 3 张"]);
}

#[test]
fn an_attachment_is_opened_by_the_runner_and_removed_after_asking() {
    let mut app = walking();
    update(
        &mut app,
        Action::AttachmentsStored {
            code: "1.1".into(),
            attachments: vec![photo("a.jpg"), photo("b.jpg")],
        },
    );
    run(&mut app, Command::AddEvidence);
    run(&mut app, Command::Up);
    let effects = run(&mut app, Command::OpenAttachment);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenAttachment(a)] if a.file == "b.jpg"),
        "{effects:?}"
    );
    run(&mut app, Command::Delete);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::Detach { index: 1, .. }))
    ));
    assert_eq!(files(&app).len(), 2, "asked, not removed yet");
    run(&mut app, Command::Yes);
    assert_eq!(files(&app), ["a.jpg"]);
}

fn captions(app: &App) -> Vec<String> {
    of_each(app, |a| a.caption.clone())
}

#[test]
fn a_selected_file_takes_the_typed_text_as_its_caption_in_one_undo_step() {
    let mut app = walking();
    update(
        &mut app,
        Action::AttachmentsStored {
            code: "1.1".into(),
            attachments: vec![photo("a.jpg"), photo("b.jpg")],
        },
    );
    run(&mut app, Command::AddEvidence);
    typed(&mut app, "照片 3 张");
    run(&mut app, Command::Submit);
    // The list is the label, then a.jpg, then b.jpg; Up from the input selects b.jpg.
    run(&mut app, Command::Up);
    typed(&mut app, "门厅宣传栏");
    run(&mut app, Command::Submit);
    assert_eq!(captions(&app), ["", "门厅宣传栏"]);
    let evidence = &walk(&app).session().response("1.1").unwrap().evidence;
    assert_eq!(evidence, &["照片 3 张"], "a caption is not a new label");

    // Selecting the file again shows its caption to edit; an empty one clears it.
    run(&mut app, Command::Down);
    run(&mut app, Command::Up);
    match &app.overlay {
        Some(Overlay::Evidence(state)) => assert_eq!(state.input.text(), "门厅宣传栏"),
        other => panic!("{other:?}"),
    }
    app.overlay = None;
    run(&mut app, Command::Undo);
    assert_eq!(
        captions(&app),
        ["", ""],
        "one undo step takes the caption back"
    );
}
