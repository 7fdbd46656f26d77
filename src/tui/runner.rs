//! The effect runner: the only part of the UI that touches files. Saves run on
//! their own thread so typing never waits for the disk.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use uuid::Uuid;

use super::action::{Action, Effect, OpenedSession, SaveJob, SaveOutcome, SaveReport};
use super::app::{ChecklistChoice, ChecklistOrigin, HomeData, PriorItem, PriorView, SessionRow};
use super::loaders;
use super::messages;
use crate::clock;
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::matching::CodeMap;
use crate::model::session::Session;
use crate::store::catalog::Source;
use crate::store::lock::Lock;
use crate::store::{LoadedSession, ReadOnly, Store, StoreError, session_file};

/// Messages into the event loop from other threads.
#[derive(Debug)]
pub enum Msg {
    Term(crossterm::event::Event),
    Saved(SaveReport),
}

pub struct Runner {
    store: Arc<Store>,
    lang: Lang,
    locks: HashMap<Uuid, Lock>,
    saver: Sender<SaveJob>,
}

impl Runner {
    pub fn new(store: Arc<Store>, lang: Lang, events: Sender<Msg>) -> Runner {
        let (saver, jobs) = mpsc::channel::<SaveJob>();
        let saving_store = store.clone();
        thread::spawn(move || {
            for job in jobs {
                let report = save(&saving_store, job, lang);
                if events.send(Msg::Saved(report)).is_err() {
                    break;
                }
            }
        });
        Runner {
            store,
            lang,
            locks: HashMap::new(),
            saver,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn run(&mut self, effect: Effect) -> Vec<Action> {
        match effect {
            Effect::LoadHome => vec![Action::HomeLoaded(self.home_data())],
            Effect::OpenSession { id, select } => vec![self.open(id, false, select)],
            Effect::LoadCompare { source } => {
                vec![loaders::load_compare(
                    &self.store,
                    source,
                    self.lang.ui().no_prior,
                )]
            }
            Effect::LoadHistory { session } => vec![loaders::load_history(&self.store, session)],
            Effect::LoadLedger { all } => vec![loaders::load_ledger(&self.store, all)],
            Effect::CloseRectification {
                session,
                code,
                note,
                by,
            } => vec![loaders::close_rectification(
                &self.store,
                session,
                &code,
                note,
                by,
            )],
            Effect::Export(request) => {
                let dir = std::env::current_dir().unwrap_or_default();
                vec![loaders::export(&self.store, *request, &dir)]
            }
            Effect::CreateSession { request, recheck } => {
                match self.store.create(request, clock::now()) {
                    Ok(loaded) => vec![self.open(loaded.session.id, recheck, None)],
                    Err(error) => vec![Action::Failed(error.to_string())],
                }
            }
            Effect::Save(job) => {
                let id = job.loaded.session.id;
                let generation = job.generation;
                if self.saver.send(*job).is_err() {
                    return vec![Action::SaveFinished(SaveReport {
                        id,
                        generation,
                        outcome: SaveOutcome::Failed("the saving thread stopped".into()),
                    })];
                }
                Vec::new()
            }
            Effect::CloseSession { id } => {
                self.locks.remove(&id);
                Vec::new()
            }
            Effect::TrashSession { id } => match self.store.trash(id, clock::now()) {
                Ok(path) => vec![Action::Info(format!("-> {}", path.display()))],
                Err(error) => vec![Action::Failed(error.to_string())],
            },
            Effect::SaveSettings(settings) => match self.store.save_settings(&settings) {
                Ok(()) => Vec::new(),
                Err(error) => vec![Action::Failed(error.to_string())],
            },
            Effect::ImportTable(request) => {
                vec![loaders::import_table(&self.store, request, self.lang)]
            }
            Effect::Recover(session) => {
                let text = session_file::encode(&session);
                match self
                    .store
                    .write_recovery(session.id, "unsaved", text.as_bytes())
                {
                    Ok(path) => vec![Action::Info(format!("-> {}", path.display()))],
                    Err(error) => vec![Action::Failed(error.to_string())],
                }
            }
        }
    }

    /// Saves synchronously (used when leaving the UI with edits not yet on disk).
    pub fn save_now(&self, loaded: &LoadedSession) -> Result<(), String> {
        let report = save(
            &self.store,
            SaveJob {
                loaded: loaded.clone(),
                generation: 0,
            },
            self.lang,
        );
        match report.outcome {
            SaveOutcome::Saved { .. } => Ok(()),
            SaveOutcome::Failed(text) | SaveOutcome::Conflict(text) => Err(text),
        }
    }

    pub fn home_data(&self) -> HomeData {
        let mut data = HomeData {
            checklists: self
                .store
                .catalog()
                .latest_all()
                .iter()
                .map(|entry| ChecklistChoice {
                    id: entry.checklist.id.clone(),
                    version: entry.checklist.version,
                    title: entry.checklist.title.clone(),
                    origin: match entry.source {
                        Source::Builtin(_) => ChecklistOrigin::Builtin,
                        Source::User(_) => ChecklistOrigin::User,
                        Source::Archive(_) => ChecklistOrigin::Archive,
                    },
                })
                .collect(),
            ..HomeData::default()
        };
        // Session heads from the index: only changed files are read.
        let overview = match self.store.overview() {
            Ok(found) => found,
            Err(error) => {
                data.notices.push(error.to_string());
                return data;
            }
        };
        let t = crate::i18n::Lang::texts(self.lang);
        if !overview.strays.is_empty() {
            data.notices
                .push(format!("{} {}", t.ignored_files, overview.strays.len()));
        }
        data.unreadable.extend(overview.unscored);
        data.unreadable.extend(
            overview
                .unreadable
                .into_iter()
                .map(|file| (file.id, file.problem.to_string())),
        );
        data.sessions = overview
            .sessions
            .into_iter()
            .map(|head| SessionRow {
                summary: head.summary(),
                id: head.id,
                round: head.round,
                date: head.date,
                department: head.department,
                inspector: head.inspector,
                checklist_id: head.checklist.id,
                checklist_title: head.checklist_title,
                finished: head.finished,
            })
            .collect();
        let recovery = self.store.recovery_files();
        if !recovery.is_empty() {
            data.notices.push(format!(
                "{} {} ({})",
                t.recovery_files,
                recovery.len(),
                self.store.recovery_dir().display()
            ));
        }
        data
    }

    fn open(&mut self, id: Uuid, recheck_first: bool, select: Option<String>) -> Action {
        match self.try_open(id, recheck_first, select) {
            Ok(opened) => Action::SessionOpened(Box::new(opened)),
            Err(error) => Action::Failed(error.to_string()),
        }
    }

    fn try_open(
        &mut self,
        id: Uuid,
        recheck_first: bool,
        select: Option<String>,
    ) -> Result<OpenedSession, StoreError> {
        let loaded = self.store.load(id)?;
        let checklist = self.store.checklist_for(&loaded.session.checklist)?;
        let mut read_only = loaded
            .read_only
            .as_ref()
            .map(|ReadOnly::NewerFormat(format)| format!("format {format}"));
        if read_only.is_none() {
            match self.store.lock(id, clock::now()) {
                Ok(lock) => {
                    self.locks.insert(id, lock);
                }
                Err(error) => read_only = Some(messages::store_error(self.lang, &error)),
            }
        }
        // Re-read under the lock: another writer may have saved just before we locked.
        let loaded = if self.locks.contains_key(&id) {
            self.store.load(id)?
        } else {
            loaded
        };
        let prior = self.prior_view(&loaded.session, &checklist);
        Ok(OpenedSession {
            loaded,
            checklist,
            prior,
            read_only,
            recheck_first,
            select,
        })
    }

    /// The prior session (latest earlier-dated one of the same department and checklist),
    /// its responses keyed by this checklist's codes.
    fn prior_view(&self, session: &Session, checklist: &Checklist) -> PriorView {
        // The index finds the prior session; only that file is read.
        let Ok(Some(prior_id)) = self.store.prior_session_id(session) else {
            return PriorView::default();
        };
        let Ok(prior) = self.store.load(prior_id).map(|loaded| loaded.session) else {
            return PriorView::default();
        };
        let Ok(prior_checklist) = self.store.checklist_for(&prior.checklist) else {
            return PriorView::default();
        };
        let codes = CodeMap::between(&prior_checklist, checklist);
        let items = prior
            .responses
            .iter()
            .filter_map(|(code, response)| {
                let current = codes.current_code(code)?;
                let item = PriorItem {
                    status: response.status,
                    note: response.note.clone(),
                    rectification: response.rectification.clone(),
                };
                Some((current.to_string(), item))
            })
            .collect();
        PriorView {
            id: Some(prior.id),
            date: Some(prior.date),
            round: prior.round.clone(),
            items,
        }
    }
}

fn save(store: &Store, mut job: SaveJob, lang: Lang) -> SaveReport {
    let id = job.loaded.session.id;
    let generation = job.generation;
    let before = job.loaded.on_disk;
    let result = catch_unwind(AssertUnwindSafe(|| store.save(&mut job.loaded)));
    // Only the folder sync failed: the new file is in place, so it counts as saved.
    let replaced = job.loaded.on_disk != before;
    let outcome = match result {
        Ok(Ok(())) => SaveOutcome::Saved {
            seq: job.loaded.session.seq,
            on_disk: job.loaded.on_disk.unwrap_or_default(),
        },
        Ok(Err(StoreError::Io { .. })) if replaced => SaveOutcome::Saved {
            seq: job.loaded.session.seq,
            on_disk: job.loaded.on_disk.unwrap_or_default(),
        },
        Ok(Err(error @ StoreError::Conflict { .. })) => {
            SaveOutcome::Conflict(messages::store_error(lang, &error))
        }
        Ok(Err(error)) => SaveOutcome::Failed(messages::store_error(lang, &error)),
        Err(_) => SaveOutcome::Failed("the save crashed; edits are kept in memory".into()),
    };
    SaveReport {
        id,
        generation,
        outcome,
    }
}
