//! The one `App` state. Views borrow it; only `update` changes it.

mod deadlines;
mod followup;
mod home;
mod overlays;
mod rounds;
mod walk;

pub use deadlines::*;
pub use followup::*;
pub use home::*;
pub use overlays::*;
pub use rounds::*;
pub use walk::*;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::jobs::{JobId, JobKind};
use super::keymap::{Mode, ProseKeys};
use super::theme::Theme;
use crate::i18n::Lang;

/// How long after the last edit the autosave starts.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);
/// The longest edits wait for a save while typing goes on without a pause.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_secs(2);
/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(3);
/// How long a job runs before the progress line shows.
pub const PROGRESS_AFTER: Duration = Duration::from_millis(300);
/// Below this size the screen asks to be made larger.
pub const MIN_WIDTH: u16 = 36;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Walk,
    Compare,
    History,
    Ledger,
    Duties,
    Deadlines,
    Activities,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
    /// Said about the session being walked ("finished: F reopens"): it goes when
    /// the session is closed, so home never talks about it.
    pub about_walk: bool,
}

pub use crate::store::settings::Settings;

/// A job running off the input thread, as the progress line shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningJob {
    pub id: JobId,
    pub kind: JobKind,
    pub started: Instant,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Jobs {
    pub running: Vec<RunningJob>,
}

impl Jobs {
    /// The job to show a progress line for: the oldest that has run long enough.
    pub fn visible(&self, now: Instant) -> Option<&RunningJob> {
        self.running
            .iter()
            .find(|job| now.saturating_duration_since(job.started) >= PROGRESS_AFTER)
    }
}

#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    /// Terminal size as last seen.
    pub size: (u16, u16),
    /// Monotonic time of the event being handled.
    pub now: Instant,
    /// Wall-clock time of the event being handled, for timestamps.
    pub wall: DateTime<FixedOffset>,
    pub today: NaiveDate,
    pub screen: Screen,
    pub home: HomeState,
    pub walk: Option<WalkState>,
    pub compare: Option<CompareState>,
    pub history: Option<HistoryState>,
    pub ledger: Option<LedgerState>,
    pub duties: Option<DutiesState>,
    /// The deadlines and activity screens' data.
    pub taizhang: Option<TaizhangState>,
    /// Whether the home screen may offer to create the unit profile (not after
    /// `zicha open SESSION`).
    pub offer_profile: bool,
    /// Where exports go unless the user types another place.
    pub export_dir: String,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub settings: Settings,
    /// The login name, the last resort for who is editing (`ops::who`).
    pub login: String,
    /// Key labels for prose, from the keymap.
    pub keys: ProseKeys,
    pub jobs: Jobs,
    pub quit: bool,
    /// Quit once the open session is saved and closed.
    pub quit_after_close: bool,
    /// The walk was opened from the ledger: leaving it goes back there.
    pub return_to_ledger: bool,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, settings: Settings, wall: DateTime<FixedOffset>) -> App {
        App {
            lang,
            theme,
            size: (80, 24),
            now: Instant::now(),
            wall,
            today: wall.date_naive(),
            screen: Screen::Home,
            home: HomeState::default(),
            walk: None,
            compare: None,
            history: None,
            ledger: None,
            duties: None,
            taizhang: None,
            offer_profile: true,
            export_dir: String::new(),
            overlay: None,
            message: None,
            settings,
            login: String::new(),
            keys: ProseKeys::new(lang),
            jobs: Jobs::default(),
            quit: false,
            quit_after_close: false,
            return_to_ledger: false,
        }
    }

    /// Where keys go now: the pop-up if there is one, else the screen.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Search(_)) => Mode::Search,
            Some(Overlay::Deductions(state)) if state.editing_free.is_some() => Mode::FreeDeduction,
            Some(Overlay::Deductions(_)) => Mode::Deductions,
            Some(Overlay::Rectify(_)) => Mode::Rectify,
            Some(Overlay::Evidence(_) | Overlay::ActivityFiles(_)) => Mode::Evidence,
            Some(Overlay::NewSession(state)) if state.field.is_choice() => Mode::Choice,
            Some(Overlay::NewSession(_)) => Mode::NewSession,
            // Enter, pressed out of habit, must neither replace a file nor finish early.
            Some(Overlay::Confirm(Confirm::Overwrite { .. } | Confirm::FinishPending { .. })) => {
                Mode::ConfirmReplace
            }
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Export(state)) if state.field != EXPORT_PATH_FIELD => Mode::Choice,
            Some(Overlay::Export(_)) => Mode::Export,
            Some(Overlay::FollowUp(_)) => Mode::Prompt,
            Some(Overlay::Problem(_)) => Mode::Problem,
            Some(Overlay::ImportTable(state)) if state.report.is_some() => Mode::ImportReport,
            Some(Overlay::ImportTable(_)) => Mode::Prompt,
            Some(Overlay::Conflicts(_)) => Mode::Conflicts,
            Some(Overlay::Levels(_)) => Mode::Levels,
            Some(Overlay::Rate(_)) => Mode::Rate,
            Some(Overlay::ActivityForm(_)) => Mode::ActivityForm,
            Some(Overlay::Notice { .. }) => Mode::Notice,
            None => self.screen_mode(),
        }
    }

    /// The mode of the screen under any pop-up (for help).
    pub fn screen_mode(&self) -> Mode {
        match self.screen {
            Screen::Home => Mode::Home,
            Screen::Walk => Mode::Walk,
            Screen::Compare => Mode::Compare,
            Screen::History => Mode::History,
            Screen::Ledger => Mode::Ledger,
            Screen::Duties => Mode::Duties,
            Screen::Deadlines => Mode::Deadlines,
            Screen::Activities => Mode::Activities,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
            about_walk: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
            about_walk: false,
        });
    }

    /// An error about the open session (an edit it refuses), gone once it is closed.
    pub fn walk_error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
            about_walk: true,
        });
    }
}
