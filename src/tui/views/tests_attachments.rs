//! Snapshots of the evidence pop-up with attached files: the list shows each file's
//! time and caption, and a selected file's caption is edited on the input row.

use super::super::action::Action;
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{render, walking};
use crate::i18n::Lang;
use crate::model::attachment::{Attachment, AttachmentKind};

fn photo(name: &str, caption: &str) -> Attachment {
    Attachment {
        file: name.into(),
        sha256: "ab".repeat(32),
        size: 2_400_000,
        kind: AttachmentKind::Jpeg,
        taken: "2026-11-18T09:30:00+08:00".into(),
        caption: caption.into(),
    }
}

/// The walk's current item with two photos, the pop-up open on the first.
fn captioning(lang: Lang, width: u16, height: u16) -> super::super::app::App {
    let mut app = walking(lang, width, height);
    let code = app
        .walk
        .as_ref()
        .and_then(|walk| walk.selected_code().map(str::to_string))
        .unwrap_or_default();
    update(
        &mut app,
        Action::AttachmentsStored {
            code,
            attachments: vec![
                photo("IMG_0412.jpg", "门厅宣传栏，核心价值观公益广告"),
                photo("签到表.jpg", ""),
            ],
        },
    );
    update(&mut app, Action::Command(Command::AddEvidence));
    // Up twice: from the input to the last file, then to the first, whose caption
    // comes into the input to edit.
    update(&mut app, Action::Command(Command::Up));
    update(&mut app, Action::Command(Command::Up));
    app
}

#[test]
fn evidence_with_captions_80x24() {
    insta::assert_snapshot!(render(&captioning(Lang::Zh, 80, 24)));
}

#[test]
fn evidence_with_captions_44x16() {
    insta::assert_snapshot!(render(&captioning(Lang::Zh, 44, 16)));
}

#[test]
fn evidence_with_captions_english_80x24() {
    insta::assert_snapshot!(render(&captioning(Lang::En, 80, 24)));
}
