//! Closing a rectification (整改完成) in a stored session: lock, load, close, save.
//! The UI closes one in the session it is walking in memory (autosave writes it)
//! with the same model rule, `model::edit::close_rectification`.

use chrono::{DateTime, FixedOffset};

use super::OpsError;
use super::open::editable;
use super::who::editor_name;
use crate::model::edit::close_rectification;
use crate::model::session::RectificationDone;
use crate::store::Store;

pub struct CloseRequest<'a> {
    /// A session id or unique prefix.
    pub session: &'a str,
    pub code: &'a str,
    pub note: &'a str,
    /// Who is at the keyboard (`--by`, the remembered inspector), first non-blank wins.
    pub at_keyboard: &'a [&'a str],
    pub login: &'a str,
    pub now: DateTime<FixedOffset>,
}

/// A closed rectification: who closed it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Closed {
    pub code: String,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

pub fn close(store: &Store, request: CloseRequest<'_>) -> Result<Closed, OpsError> {
    let mut editable = editable(store, request.session, request.now)?;
    let session = &mut editable.loaded.session;
    let code = request.code.trim();
    if editable.checklist.item(code).is_none() {
        let open = session
            .responses
            .iter()
            .filter(|(_, response)| response.has_open_rectification())
            .map(|(code, _)| code.clone())
            .collect();
        return Err(OpsError::NoRectifiedItem {
            code: code.to_string(),
            session: session.id,
            open,
        });
    }
    let by = editor_name(request.at_keyboard, session, request.login);
    let done = RectificationDone {
        at: request.now,
        by: by.clone(),
        note: request.note.to_string(),
    };
    let response = close_rectification(code, session.response(code), done)?;
    session.set_response(code, response, &by, request.now);
    store
        .save(&mut editable.loaded)
        .map_err(OpsError::NotSaved)?;
    Ok(Closed {
        code: code.to_string(),
        by,
        at: request.now,
    })
}
