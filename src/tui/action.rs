//! What can happen to the app (actions) and what the app asks the outside world to do (effects).

use std::sync::Arc;

use crossterm::event::KeyEvent;
use uuid::Uuid;

use super::app::{HomeData, PriorView, Settings};
use super::keymap::Command;
use crate::model::checklist::Checklist;
use crate::model::session::Session;
use crate::store::{LoadedSession, NewSession};

#[derive(Debug)]
pub enum Action {
    Command(Command),
    /// A key that is text for the current input.
    Text(KeyEvent),
    Paste(String),
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    Resize(u16, u16),
    Tick,
    /// Ctrl-C: save what is open, then quit.
    QuitRequested,
    HomeLoaded(HomeData),
    SessionOpened(Box<OpenedSession>),
    SaveFinished(SaveReport),
    /// An effect failed; the message says what happened.
    Failed(String),
    Info(String),
}

/// A session ready to walk.
#[derive(Debug)]
pub struct OpenedSession {
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
    pub prior: PriorView,
    /// Why edits are refused (held by another process, finished, newer format).
    pub read_only: Option<String>,
    /// Walk the items to re-check first.
    pub recheck_first: bool,
}

#[derive(Debug, Clone)]
pub struct SaveJob {
    pub loaded: LoadedSession,
    pub generation: u64,
}

#[derive(Debug, Clone)]
pub struct SaveReport {
    pub id: Uuid,
    pub generation: u64,
    pub outcome: SaveOutcome,
}

#[derive(Debug, Clone)]
pub enum SaveOutcome {
    Saved {
        seq: u64,
        on_disk: crate::store::atomic::ContentHash,
    },
    /// The save failed; edits stay in memory and it is tried again.
    Failed(String),
    /// Someone else changed the file; our version went to recovery/.
    Conflict(String),
}

#[derive(Debug)]
pub enum Effect {
    LoadHome,
    OpenSession {
        id: Uuid,
    },
    CreateSession {
        request: NewSession,
        recheck: bool,
    },
    Save(SaveJob),
    /// Release the session's lock.
    CloseSession {
        id: Uuid,
    },
    TrashSession {
        id: Uuid,
    },
    SaveSettings(Settings),
    /// Write the session to recovery/ (leaving with unsaved edits).
    Recover(Box<Session>),
}
