//! Work the UI does off the input thread: every effect that reads or writes files
//! runs here, on the runner's worker, through `ops`. A job reports
//! `Action::JobProgress` while it runs and `Action::JobDone` with the actions its
//! outcome comes to; the event loop waits on those like on keys.
//!
//! Loads are "latest request wins": a new request of the same [`Slot`] cancels the
//! one before it, queued or running, and a cancelled job's outcome is dropped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use super::action::{Action, CompareData, CompareSource, Effect, HistoryData, OpenedSession};
use super::app::{ChecklistChoice, ChecklistOrigin, HomeData, SessionLabel, SessionRow};
use crate::clock;
use crate::i18n::Lang;
use crate::i18n::errors::{ops_error, store_error};
use crate::model::ledger::LedgerScope;
use crate::ops::{self, OpsError, WithChecklist};
use crate::progress::Progress;
use crate::store::catalog::Source;
use crate::store::lock::Lock;
use crate::store::{Store, StoreError};

pub type JobId = u64;

/// What a job is doing, for the progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    Home,
    Open,
    Compare,
    History,
    Ledger,
    Board,
    Export,
    Other,
}

/// Jobs of one slot replace each other: only the latest request's outcome counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Home,
    Open,
    /// Compare, history and ledger: the screen asked for last.
    View,
    /// The home screen's ranking: the round shown last.
    Board,
}

impl JobKind {
    pub fn of(effect: &Effect) -> JobKind {
        match effect {
            Effect::LoadHome => JobKind::Home,
            Effect::OpenSession { .. } | Effect::CreateSession { .. } => JobKind::Open,
            Effect::LoadCompare { .. } => JobKind::Compare,
            Effect::LoadHistory { .. } => JobKind::History,
            Effect::LoadLedger { .. } | Effect::LoadDuties { .. } => JobKind::Ledger,
            Effect::LoadBoard { .. } => JobKind::Board,
            Effect::Export(_) => JobKind::Export,
            _ => JobKind::Other,
        }
    }
}

pub fn slot(effect: &Effect) -> Option<Slot> {
    match effect {
        Effect::LoadHome => Some(Slot::Home),
        Effect::OpenSession { .. } => Some(Slot::Open),
        Effect::LoadCompare { .. }
        | Effect::LoadHistory { .. }
        | Effect::LoadLedger { .. }
        | Effect::LoadDuties { .. }
        | Effect::LoadTaizhang { .. } => Some(Slot::View),
        Effect::LoadBoard { .. } => Some(Slot::Board),
        _ => None,
    }
}

/// What jobs share: the store, the language, who is at the keyboard, and the locks
/// of the sessions open for editing.
pub struct Context {
    pub store: Arc<Store>,
    pub lang: Lang,
    pub locks: Mutex<HashMap<Uuid, Lock>>,
    /// The unit for report headers (`ZICHA_UNIT`), read once at start.
    pub unit: Option<String>,
}

/// Carries out one effect; returns the actions its outcome comes to, and the lock
/// of a session it opened (kept only if the job still counts).
pub fn perform(
    context: &Context,
    effect: Effect,
    progress: &dyn Progress,
) -> (Vec<Action>, Option<(Uuid, Lock)>) {
    let store = &context.store;
    let lang = context.lang;
    let failed = |error: &StoreError| vec![Action::Failed(store_error(lang, error))];
    let actions = match effect {
        Effect::LoadHome => vec![Action::HomeLoaded(Box::new(home_data(context, progress)))],
        Effect::OpenSession { id, select } => return open(context, id, false, select),
        Effect::CreateSession { request, recheck } => match store.create(request, clock::now()) {
            Ok(loaded) => return open(context, loaded.session.id, recheck, None),
            Err(error) => failed(&error),
        },
        Effect::LoadCompare { source } => vec![compare(context, source)],
        Effect::LoadHistory { session } => match ops::history::history(store, session) {
            Ok(history) => vec![Action::HistoryLoaded(Box::new(HistoryData {
                department: history.department,
                checklist_title: history.checklist_title,
                points: history.points,
                selected: Some(history.session),
            }))],
            Err(error) => failed(&error),
        },
        Effect::LoadLedger { all } => ledger(context, all, progress),
        Effect::LoadBoard { round } => {
            let request = ops::board::BoardRequest {
                round: Some(round.clone()),
                today: clock::today(),
                departments: Vec::new(),
            };
            match ops::board::board(store, &request, progress) {
                Ok(board) => vec![Action::BoardLoaded(super::app::LoadedBoard {
                    round,
                    rows: board.rows,
                })],
                Err(error) => vec![Action::Failed(ops_error(lang, &error))],
            }
        }
        Effect::FollowUp {
            target,
            follow_up,
            by,
        } => vec![follow_up_job(context, target, follow_up, &by)],
        Effect::AddProblem(request) => match ops::problem::add(store, *request, clock::now()) {
            Ok(problem) => vec![Action::ProblemAdded(problem.label())],
            Err(error) => vec![Action::ProblemFailed(ops_error(lang, &error))],
        },
        Effect::LoadDuties { round } => vec![duties_job(context, round, progress)],
        Effect::TrashSession { id } => match store.trash(id, clock::now()) {
            Ok(path) => vec![Action::Trashed {
                path: path.display().to_string(),
                data_dir: store.root().display().to_string(),
            }],
            Err(error) => failed(&error),
        },
        Effect::SaveSettings(settings) => match store.save_settings(&settings) {
            Ok(()) => Vec::new(),
            Err(error) => failed(&error),
        },
        Effect::Recover(session) => match store.recover(&session, "unsaved") {
            Ok(path) => vec![Action::Info(format!("-> {}", path.display()))],
            Err(error) => failed(&error),
        },
        Effect::CloseSession { id } => {
            if let Ok(mut locks) = context.locks.lock() {
                locks.remove(&id);
            }
            Vec::new()
        }
        // Saves have their own thread (see the runner); never queued here.
        Effect::Save(_) => Vec::new(),
        effect @ (Effect::Export(_)
        | Effect::StoreAttachments { .. }
        | Effect::OpenAttachment(_)
        | Effect::ImportTable(_)) => super::file_jobs::perform(context, effect, progress),
        effect @ (Effect::LoadTaizhang { .. }
        | Effect::CreateProfile
        | Effect::HandIn { .. }
        | Effect::SaveActivity { .. }
        | Effect::AttachToActivity { .. }
        | Effect::CaptionActivityFile { .. }
        | Effect::DetachFromActivity { .. }) => {
            super::deadline_jobs::perform(context, effect, progress)
        }
    };
    (actions, None)
}

/// The home screen's data: session heads from the index (only changed files are
/// read; a missing index is rebuilt with progress), checklists and notices.
pub fn home_data(context: &Context, progress: &dyn Progress) -> HomeData {
    let lang = context.lang;
    let home = match ops::home::home(&context.store, progress) {
        Ok(home) => home,
        Err(error) => {
            return HomeData {
                notices: vec![store_error(lang, &error)],
                ..HomeData::default()
            };
        }
    };
    let t = lang.texts();
    let overview = home.overview;
    let mut notices = Vec::new();
    if !overview.strays.is_empty() {
        notices.push(format!("{} {}", t.ignored_files, overview.strays.len()));
    }
    if !home.recovery.is_empty() {
        notices.push(format!(
            "{} {} ({})",
            t.recovery_files,
            home.recovery.len(),
            context.store.recovery_dir().display()
        ));
    }
    let mut unreadable = overview.unscored;
    unreadable.extend(
        overview
            .unreadable
            .into_iter()
            .map(|file| (file.id, file.problem.to_string())),
    );
    let taizhang = Box::new(super::deadline_jobs::home_deadlines(context));
    HomeData {
        taizhang,
        sessions: overview
            .sessions
            .into_iter()
            .map(SessionRow::from)
            .collect(),
        unreadable,
        notices,
        data_dir: context.store.root().display().to_string(),
        checklists: home
            .checklists
            .iter()
            .map(|(checklist, source)| ChecklistChoice {
                id: checklist.id.clone(),
                version: checklist.version,
                title: checklist.title.clone(),
                origin: match source {
                    Source::Builtin(_) => ChecklistOrigin::Builtin,
                    Source::User(_) => ChecklistOrigin::User,
                    Source::Archive(_) => ChecklistOrigin::Archive,
                },
            })
            .collect(),
    }
}

fn open(
    context: &Context,
    id: Uuid,
    recheck_first: bool,
    select: Option<String>,
) -> (Vec<Action>, Option<(Uuid, Lock)>) {
    let lang = context.lang;
    match ops::open::open_for_editing(&context.store, id, clock::now()) {
        Ok(opened) => {
            let read_only = opened.read_only.as_ref().map(|reason| match reason {
                ops::open::ReadOnlyReason::NewerFormat(format) => format!("format {format}"),
                ops::open::ReadOnlyReason::Held(error) => store_error(lang, error),
            });
            let action = Action::SessionOpened(Box::new(OpenedSession {
                loaded: opened.loaded,
                checklist: opened.checklist,
                prior: opened.prior,
                later_rechecks: opened.later_rechecks,
                read_only,
                recheck_first,
                select,
            }));
            (vec![action], opened.lock.map(|lock| (id, lock)))
        }
        Err(error) => (vec![Action::Failed(store_error(lang, &error))], None),
    }
}

fn compare(context: &Context, source: CompareSource) -> Action {
    let lang = context.lang;
    let request = match source {
        CompareSource::Open {
            session,
            checklist,
            prior,
        } => ops::compare::CompareRequest {
            current: ops::compare::Current::InMemory(Box::new(WithChecklist {
                session: *session,
                checklist,
            })),
            prior,
        },
        CompareSource::Stored { id, prior } => ops::compare::CompareRequest {
            current: ops::compare::Current::Stored(id),
            prior,
        },
    };
    match ops::compare::compare(&context.store, request) {
        Ok(compared) => Action::CompareLoaded(Box::new(CompareData {
            current: SessionLabel::of(&compared.current.session, &compared.current.checklist),
            prior: SessionLabel::of(&compared.prior.session, &compared.prior.checklist),
            checklist: compared.current.checklist.clone(),
            comparison: compared.comparison,
        })),
        Err(OpsError::NoPrior { .. }) => Action::Info(lang.ui().no_prior.to_string()),
        Err(error) => Action::Failed(ops_error(lang, &error)),
    }
}

fn ledger(context: &Context, all: bool, progress: &dyn Progress) -> Vec<Action> {
    let lang = context.lang;
    let scope = if all {
        LedgerScope::All
    } else {
        LedgerScope::Open
    };
    match ops::ledger::ledger(&context.store, scope, clock::today(), progress) {
        Ok(ledger) => {
            let mut actions = vec![Action::LedgerLoaded(ledger.entries)];
            // Sessions whose checklist is missing are said, not silently dropped.
            let left_out: Vec<String> = ledger
                .left_out
                .iter()
                .map(|(id, error)| (lang.cli().session_problem)(*id, &store_error(lang, error)))
                .collect();
            if !left_out.is_empty() {
                actions.push(Action::Failed(left_out.join("; ")));
            }
            actions
        }
        Err(error) => vec![Action::Failed(store_error(lang, &error))],
    }
}

fn follow_up_job(
    context: &Context,
    target: crate::model::followup::Target,
    follow_up: ops::rectify::FollowUp,
    by: &str,
) -> Action {
    let lang = context.lang;
    let request = ops::rectify::FollowUpRequest {
        target,
        follow_up,
        at_keyboard: &[by],
        login: &ops::who::login_name(),
        now: clock::now(),
    };
    match ops::rectify::follow_up(&context.store, request) {
        Ok(recorded) => Action::FollowUpRecorded(crate::i18n::followup::recorded(
            lang,
            &recorded.label,
            recorded.state,
            &recorded.by,
            &recorded.at.format("%Y-%m-%d %H:%M").to_string(),
        )),
        Err(error) => Action::FollowUpFailed(ops_error(lang, &error)),
    }
}

fn duties_job(context: &Context, round: Option<String>, progress: &dyn Progress) -> Action {
    let store = &context.store;
    match ops::duties::duties(store, round.as_deref(), clock::today(), progress) {
        Ok(duties) => Action::DutiesLoaded(Box::new(super::app::DutiesData {
            rounds: ops::duties::rounds_newest_first(&duties.overview.sessions),
            round: duties.round,
            duties: duties.duties,
            sessions: duties.sessions,
        })),
        Err(error) => Action::Failed(ops_error(context.lang, &error)),
    }
}
