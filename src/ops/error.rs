//! What can go wrong in an operation beyond the errors of the layers below. English
//! here; `i18n::errors` says every variant in the user's language.

use uuid::Uuid;

use crate::export::ExportError;
use crate::model::edit::EditError;
use crate::model::merge::ResolveError;
use crate::store::StoreError;
use crate::store::attachments::AttachmentError;

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Attachment(#[from] AttachmentError),
    #[error("item {code} has {count} attachments; there is no number {number}")]
    NoAttachment {
        code: String,
        number: usize,
        count: usize,
    },
    /// The change was made in memory but could not be saved.
    #[error("the change was not saved: {0}")]
    NotSaved(#[source] StoreError),
    #[error("session {id} is finished and read-only; run `zicha reopen {id}` to change it")]
    Finished { id: Uuid },
    #[error("no item {code:?} in {checklist} v{version}; valid codes: {}", codes.join(", "))]
    NoSuchItem {
        code: String,
        checklist: String,
        version: u32,
        codes: Vec<String>,
    },
    #[error("no item {code:?} in session {session}; items with an open rectification: {}", if open.is_empty() { "none".to_string() } else { open.join(", ") })]
    NoRectifiedItem {
        code: String,
        session: Uuid,
        open: Vec<String>,
    },
    #[error("a problem needs {}", match .0 { super::problem::MissingField::Department => "a department (--department)", super::problem::MissingField::Title => "a title (--title)" })]
    ProblemField(super::problem::MissingField),
    #[error("there are no sessions yet, so no round to sum up")]
    NoRounds,
    #[error("no round {label:?}; rounds: {}", known.join(", "))]
    NoSuchRound { label: String, known: Vec<String> },
    #[error("give the item code after the session: `{session} CODE`")]
    MissingCode { session: Uuid },
    #[error("a problem (P-…) has no item code; leave out {code:?}")]
    CodeForProblem { code: String },
    #[error(
        "session {id} ({department}, checklist {checklist}, {date}) has no prior session: no earlier-dated session of the same department and checklist; name one with `zicha compare {id} PRIOR`"
    )]
    NoPrior {
        id: Uuid,
        department: String,
        checklist: String,
        date: chrono::NaiveDate,
    },
    #[error(
        "session {current} uses checklist {current_checklist:?} and session {prior} uses {prior_checklist:?}; compare needs one checklist"
    )]
    DifferentChecklists {
        current: Uuid,
        current_checklist: String,
        prior: Uuid,
        prior_checklist: String,
    },
}
