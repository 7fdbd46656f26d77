//! What can go wrong in the store, in English (`Display`); the Chinese wording of
//! every variant is `i18n::errors`.

use std::io;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::atomic::AtomicError;
use super::checklist_file::FileProblem;
use super::lock::LockError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("{0}")]
    Unreadable(FileProblem),
    #[error("no session matches {0:?}")]
    NoSuchSession(String),
    #[error("{prefix:?} matches {} sessions: {}; type more of the id", matches.len(), matches.join(", "))]
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    #[error(
        "session {id} was changed by another program since it was opened; nothing was overwritten, and this version was saved as {copy}"
    )]
    Conflict { id: Uuid, copy: PathBuf },
    #[error("session {id} is read-only: {reason}")]
    ReadOnly { id: Uuid, reason: String },
    #[error(
        "checklist {id} v{version} ({hash}) is neither in the archive nor among the checklists"
    )]
    ChecklistMissing {
        id: String,
        version: u32,
        hash: String,
    },
    #[error("no checklist with id {id:?}; available: {available}")]
    UnknownChecklist { id: String, available: String },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    BadChecklist(Vec<FileProblem>),
    #[error("cannot encode session {id}: {message}")]
    Encode { id: Uuid, message: String },
    #[error("no problem matches {0:?} (problem ids are printed as P-<id>; see `zicha ledger`)")]
    NoSuchProblem(String),
    #[error("P-{prefix} matches {} problems: {}; type more of the id", matches.len(), matches.join(", "))]
    AmbiguousProblem {
        prefix: String,
        matches: Vec<String>,
    },
    #[error(
        "problem {id} was changed by another program since it was read; nothing was overwritten ({path}); try again"
    )]
    ProblemChanged { id: Uuid, path: PathBuf },
}

impl StoreError {
    pub(super) fn io(action: &'static str, path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl From<AtomicError> for StoreError {
    fn from(error: AtomicError) -> StoreError {
        match error {
            AtomicError::Io {
                action,
                path,
                source,
                ..
            } => StoreError::Io {
                action,
                path,
                source,
            },
            AtomicError::Changed { path } => StoreError::Io {
                action: "replace",
                path,
                source: io::Error::other("changed on disk"),
            },
        }
    }
}
