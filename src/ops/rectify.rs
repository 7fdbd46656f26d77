//! 整改落实 and 复查 on a stored rectification (docs/design.md §10): of an item of a
//! session (lock, load, change, save) or of a problem from outside. This is
//! follow-up work, not the inspection record: it works on a finished session,
//! records who and when on the rectification, and leaves the item's status, its
//! who-and-when and the session's figures as they are. The UI does the same in the
//! session it is walking (autosave writes it) with the same model rules.

use chrono::{DateTime, FixedOffset};

use super::OpsError;
use super::who::editor_name;
use crate::model::followup::{Target, record_recheck, report_done};
use crate::model::problem::{label, strip_prefix};
use crate::model::session::{
    FollowUpState, Recheck, RecheckResult, Rectification, RectificationDone,
};
use crate::store::Store;

/// What is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// 整改落实: the owner reports it done.
    Done { note: String },
    /// 复查: a pass closes it (销号).
    Recheck { result: RecheckResult, note: String },
}

pub struct FollowUpRequest<'a> {
    pub target: Target,
    pub follow_up: FollowUp,
    /// Who is at the keyboard (`--by`, the remembered inspector), first non-blank wins.
    pub at_keyboard: &'a [&'a str],
    pub login: &'a str,
    pub now: DateTime<FixedOffset>,
}

/// What was recorded: on what, by whom, when, and where the rectification stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The item code, or `P-<id>` for a problem.
    pub label: String,
    pub by: String,
    pub at: DateTime<FixedOffset>,
    pub state: FollowUpState,
}

/// `SESSION CODE` or `P-<id>` as the command line takes them.
pub fn resolve_target(store: &Store, first: &str, code: Option<&str>) -> Result<Target, OpsError> {
    if let Some(prefix) = strip_prefix(first) {
        if let Some(code) = code {
            return Err(OpsError::CodeForProblem {
                code: code.to_string(),
            });
        }
        return Ok(Target::Problem(store.resolve_problem(prefix)?));
    }
    let session = store.resolve(first)?;
    let code = code.map(str::trim).filter(|code| !code.is_empty());
    let Some(code) = code else {
        return Err(OpsError::MissingCode { session });
    };
    Ok(Target::Item {
        session,
        code: code.to_string(),
    })
}

pub fn follow_up(store: &Store, request: FollowUpRequest<'_>) -> Result<Recorded, OpsError> {
    match request.target.clone() {
        Target::Item { session, code } => on_item(store, &request, session, &code),
        Target::Problem(id) => on_problem(store, &request, id),
    }
}

fn on_item(
    store: &Store,
    request: &FollowUpRequest<'_>,
    id: uuid::Uuid,
    code: &str,
) -> Result<Recorded, OpsError> {
    let _lock = store.lock(id, request.now)?;
    let mut loaded = store.load(id)?;
    let checklist = store.checklist_for(&loaded.session.checklist)?;
    let session = &mut loaded.session;
    if checklist.item(code).is_none() {
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
    let mut response = session.response(code).cloned().unwrap_or_default();
    let state = record(code, response.rectification.as_mut(), request, &by)?;
    // Follow-up is no inspection: the item keeps its status and who judged it when.
    session.responses.insert(code.to_string(), response);
    session.updated = request.now;
    store.save(&mut loaded).map_err(OpsError::NotSaved)?;
    Ok(Recorded {
        label: code.to_string(),
        by,
        at: request.now,
        state,
    })
}

fn on_problem(
    store: &Store,
    request: &FollowUpRequest<'_>,
    id: uuid::Uuid,
) -> Result<Recorded, OpsError> {
    let mut loaded = store.load_problem(id)?;
    let name = label(id);
    let by = request
        .at_keyboard
        .iter()
        .copied()
        .chain([request.login])
        .map(str::trim)
        .find(|name| !name.is_empty())
        .unwrap_or_default()
        .to_string();
    let problem = &mut loaded.problem;
    let state = record(&name, Some(&mut problem.rectification), request, &by)?;
    problem.updated = request.now;
    store
        .save_problem(&mut loaded)
        .map_err(OpsError::NotSaved)?;
    Ok(Recorded {
        label: name,
        by,
        at: request.now,
        state,
    })
}

fn record(
    label: &str,
    rectification: Option<&mut Rectification>,
    request: &FollowUpRequest<'_>,
    by: &str,
) -> Result<FollowUpState, OpsError> {
    let rectification = match rectification {
        Some(rectification) => rectification,
        None => {
            return Err(crate::model::edit::EditError::NoRectification {
                code: label.to_string(),
            }
            .into());
        }
    };
    match &request.follow_up {
        FollowUp::Done { note } => {
            let done = RectificationDone {
                at: request.now,
                by: by.to_string(),
                note: note.clone(),
            };
            report_done(label, Some(&mut *rectification), done)?;
        }
        FollowUp::Recheck { result, note } => {
            let recheck = Recheck {
                result: *result,
                by: by.to_string(),
                at: request.now,
                note: note.clone(),
                session: None,
                implied: false,
            };
            record_recheck(label, Some(&mut *rectification), recheck)?;
        }
    }
    Ok(rectification.state())
}
