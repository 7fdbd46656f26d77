//! `zicha attach`, `zicha detach` and `zicha attachments` (DESIGN §12).

use std::path::PathBuf;

use anyhow::Result;

use super::Context;
use crate::clock;
use crate::model::text::sanitize_line;
use crate::ops::{self, attach::AttachRequest, attach::DetachRequest};

pub fn attach(
    context: &Context,
    session: &str,
    code: &str,
    files: &[PathBuf],
    caption: &str,
) -> Result<()> {
    let store = context.store()?;
    let remembered = store.load_settings().inspector;
    let request = AttachRequest {
        session,
        code,
        files,
        caption,
        at_keyboard: &[&remembered],
        login: &ops::who::login_name(),
        now: clock::now(),
    };
    let attached = ops::attach::attach(&store, request)?;
    let id = store.resolve(session)?;
    let total = store
        .load(id)?
        .session
        .response(code.trim())
        .map_or(0, |r| r.attachments.len());
    let first = total - attached.len() + 1;
    let t = context.lang.cli();
    for (offset, attachment) in attached.iter().enumerate() {
        println!(
            "{}",
            (t.attached)(
                &sanitize_line(code.trim()),
                first + offset,
                &sanitize_line(&attachment.file),
                &attachment.taken
            )
        );
    }
    Ok(())
}

pub fn detach(context: &Context, session: &str, code: &str, number: usize) -> Result<()> {
    let store = context.store()?;
    let remembered = store.load_settings().inspector;
    let request = DetachRequest {
        session,
        code,
        number,
        at_keyboard: &[&remembered],
        login: &ops::who::login_name(),
        now: clock::now(),
    };
    let removed = ops::attach::detach(&store, request)?;
    let t = context.lang.cli();
    println!(
        "{}",
        (t.detached)(
            &sanitize_line(code.trim()),
            number,
            &sanitize_line(&removed.file)
        )
    );
    Ok(())
}

pub fn unreferenced(context: &Context, remove: bool) -> Result<()> {
    let store = context.store()?;
    let t = context.lang.cli();
    let files = if remove {
        store.remove_unreferenced_attachments()?
    } else {
        store.unreferenced_attachments()?
    };
    if files.is_empty() {
        println!("{}", t.no_unreferenced);
        return Ok(());
    }
    if remove {
        println!("{}", (t.removed_unreferenced)(files.len()));
    } else {
        println!("{}", (t.unreferenced)(files.len()));
    }
    for file in files {
        println!("{}", sanitize_line(&file.display().to_string()));
    }
    Ok(())
}
