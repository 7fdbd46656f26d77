//! What can happen to the app (actions) and what the app asks the outside world to do (effects).

use std::sync::Arc;

use crossterm::event::KeyEvent;
use uuid::Uuid;

use super::app::{ExportRequest, HomeData, PriorView, SessionLabel, Settings};
use super::jobs::{JobId, JobKind};
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
    HomeLoaded(Box<HomeData>),
    SessionOpened(Box<OpenedSession>),
    SaveFinished(SaveReport),
    CompareLoaded(Box<CompareData>),
    HistoryLoaded(Box<HistoryData>),
    LedgerLoaded(Vec<crate::model::ledger::LedgerEntry>),
    /// The round board (排名) of this round.
    BoardLoaded(super::app::LoadedBoard),
    /// An export was written to this path.
    Exported(String),
    /// The export file exists; ask before replacing it.
    ExportExists(Box<ExportRequest>, String),
    /// 整改落实 or a 复查 was recorded by the worker; the message says what.
    FollowUpRecorded(String),
    /// It could not be recorded; the prompt stays open with this message.
    FollowUpFailed(String),
    /// A problem from outside was saved (its `P-` label).
    ProblemAdded(String),
    /// It could not be saved; the form stays open with this message.
    ProblemFailed(String),
    DutiesLoaded(Box<super::app::DutiesData>),
    /// A table import finished: its report, or why nothing was imported.
    TableImported(Result<Vec<crate::export::table_import_text::ReportLine>, String>),
    /// The deadlines and the activity ledger, for this screen.
    TaizhangLoaded(Box<super::app::TaizhangData>, super::app::Screen),
    /// The unit profile was written with this many departments.
    ProfileCreated(usize),
    /// An activity was saved; the message says what.
    ActivitySaved(String),
    /// A session went to the trash, to `path`, from the data folder `data_dir`.
    Trashed {
        path: String,
        data_dir: String,
    },
    /// Files were copied into attachments/: add them to the item (one undo step).
    AttachmentsStored {
        code: String,
        attachments: Vec<crate::model::attachment::Attachment>,
    },
    /// An effect failed; the message says what happened.
    Failed(String),
    Info(String),
    /// A job began on the worker thread.
    JobStarted {
        id: JobId,
        kind: JobKind,
    },
    /// A running job got this far.
    JobProgress {
        id: JobId,
        done: usize,
        total: usize,
    },
    /// A job ended; `result` is what its outcome comes to (nothing when a newer
    /// request replaced it).
    JobDone {
        id: JobId,
        result: Vec<Action>,
    },
}

/// A comparison ready to show.
#[derive(Debug)]
pub struct CompareData {
    pub comparison: crate::model::compare::Comparison,
    pub current: SessionLabel,
    pub prior: SessionLabel,
    /// The current session's checklist: which items are veto, bonus or 负面清单 items.
    pub checklist: Arc<Checklist>,
}

/// One department's rounds of a checklist, oldest first.
#[derive(Debug)]
pub struct HistoryData {
    pub department: String,
    pub checklist_title: String,
    pub points: Vec<crate::model::rounds::HistoryPoint>,
    /// The round to select first.
    pub selected: Option<Uuid>,
}

/// A session ready to walk.
#[derive(Debug)]
pub struct OpenedSession {
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
    pub prior: PriorView,
    /// Re-checks later sessions' walks made of this session's rectifications.
    pub later_rechecks: std::collections::HashMap<String, Vec<crate::model::session::Recheck>>,
    /// Why edits are refused (held by another process, finished, newer format).
    pub read_only: Option<String>,
    /// Walk the items to re-check first.
    pub recheck_first: bool,
    /// Select this item once open.
    pub select: Option<String>,
}

#[derive(Debug)]
pub enum CompareSource {
    /// The session being walked, with its edits in memory.
    Open {
        session: Box<Session>,
        checklist: Arc<Checklist>,
        prior: Option<Uuid>,
    },
    /// A stored session, with `prior` (`None`: its prior session).
    Stored { id: Uuid, prior: Option<Uuid> },
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
        select: Option<String>,
    },
    /// Compare a session with its prior one.
    LoadCompare {
        source: CompareSource,
    },
    LoadHistory {
        session: Uuid,
    },
    LoadLedger {
        all: bool,
    },
    /// The board (排名) of the round with this label.
    LoadBoard {
        round: String,
    },
    /// 整改落实 or 复查 in a stored session or problem (`ops::rectify`).
    FollowUp {
        target: crate::model::followup::Target,
        follow_up: crate::ops::rectify::FollowUp,
        by: String,
    },
    AddProblem(Box<crate::ops::problem::NewProblem>),
    /// 责任分解 of a round (the newest when `None`).
    LoadDuties {
        round: Option<String>,
    },
    Export(Box<ExportRequest>),
    CreateSession {
        request: NewSession,
        recheck: bool,
    },
    Save(Box<SaveJob>),
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
    /// Import an office's table as a checklist.
    ImportTable(crate::ops::table_import::TableImportRequest),
    /// Load the deadlines and the activity ledger, then show `screen`.
    LoadTaizhang {
        screen: super::app::Screen,
    },
    /// Write `unit.ron` from the departments in the data.
    CreateProfile,
    /// Record a copy of an activity's material as handed in on `date`.
    HandIn {
        id: Uuid,
        copy: crate::model::activity::Copy,
        date: chrono::NaiveDate,
    },
    /// Add (`id` none) or change an activity.
    SaveActivity {
        id: Option<Uuid>,
        fields: crate::model::activity::ActivityFields,
        recorded_by: String,
    },
    /// Attach files to an activity (stored in attachments/ and saved at once).
    AttachToActivity {
        id: Uuid,
        /// As typed or pasted; `~/` is the home folder.
        paths: Vec<String>,
    },
    /// Set the caption of an activity's `number`-th (1-based) attachment.
    CaptionActivityFile {
        id: Uuid,
        number: usize,
        caption: String,
    },
    /// Remove an activity's `number`-th (1-based) attachment.
    DetachFromActivity {
        id: Uuid,
        number: usize,
    },
    /// Copy files into attachments/ for an item of the open session.
    StoreAttachments {
        code: String,
        /// As typed or pasted; `~/` is the home folder.
        paths: Vec<String>,
    },
    /// Open a stored attachment with the system's viewer, detached.
    OpenAttachment(crate::model::attachment::Attachment),
}
