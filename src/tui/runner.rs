//! The effect runner: the only part of the UI that touches files, and never on the
//! input thread. Saves go to the saver thread; every other effect becomes a job on
//! the worker thread (`tui::jobs`), in the order asked, reporting back through the
//! event loop's channel. `Runner::inline` does all of it at once instead, for tests.

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::action::{Action, Effect, SaveJob, SaveOutcome, SaveReport};
use super::jobs::{self, Context, JobId, JobKind, Slot};
use crate::i18n::Lang;
use crate::i18n::errors::store_error;
use crate::progress::{Cancel, Progress, Silent};
use crate::store::{LoadedSession, Store, StoreError};

/// Messages into the event loop from other threads.
#[derive(Debug)]
pub enum Msg {
    Term(crossterm::event::Event),
    Saved(SaveReport),
    /// An action from a job (progress, or its outcome).
    Action(Action),
    /// A request to stop from outside: SIGTERM, SIGHUP, SIGINT, a console closing.
    Signal(i32),
}

/// How often a running job may report progress.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

struct Queued {
    id: JobId,
    effect: Effect,
    slot: Option<Slot>,
    cancel: Cancel,
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Queued>,
    /// The cancel flag of the job running now, by slot.
    running: Option<(Option<Slot>, Cancel)>,
    closed: bool,
}

pub struct Runner {
    context: Arc<Context>,
    next_id: JobId,
    mode: Mode,
}

enum Mode {
    Threaded {
        saver: Sender<SaveJob>,
        queue: Arc<(Mutex<Queue>, Condvar)>,
        events: Sender<Msg>,
        worker: Option<JoinHandle<()>>,
    },
    Inline,
}

impl Runner {
    /// A runner whose saves and jobs report into `events`.
    pub fn new(store: Arc<Store>, lang: Lang, events: Sender<Msg>) -> Runner {
        let context = Arc::new(context(store, lang));
        let (saver, saves) = mpsc::channel::<SaveJob>();
        let saving = context.clone();
        let saved = events.clone();
        thread::spawn(move || {
            for job in saves {
                if saved.send(Msg::Saved(save(&saving, job))).is_err() {
                    break;
                }
            }
        });
        let queue = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let worker = {
            let (queue, context, events) = (queue.clone(), context.clone(), events.clone());
            thread::spawn(move || work(&queue, &context, &events))
        };
        Runner {
            context,
            next_id: 0,
            mode: Mode::Threaded {
                saver,
                queue,
                events,
                worker: Some(worker),
            },
        }
    }

    /// A runner that does everything inside [`Runner::run`] (tests).
    pub fn inline(store: Arc<Store>, lang: Lang) -> Runner {
        Runner {
            context: Arc::new(context(store, lang)),
            next_id: 0,
            mode: Mode::Inline,
        }
    }

    pub fn store(&self) -> &Store {
        &self.context.store
    }

    /// Starts an effect. Threaded, this returns at once with `JobStarted`; the rest
    /// arrives through the channel. Inline, the outcome is returned too.
    pub fn run(&mut self, effect: Effect) -> Vec<Action> {
        if let Effect::Save(job) = effect {
            return self.save(*job);
        }
        self.next_id += 1;
        let id = self.next_id;
        let started = Action::JobStarted {
            id,
            kind: JobKind::of(&effect),
        };
        match &self.mode {
            Mode::Inline => {
                let (mut result, lock) = jobs::perform(&self.context, effect, &Silent);
                keep_lock(&self.context, lock, &mut result);
                vec![started, Action::JobDone { id, result }]
            }
            Mode::Threaded { queue, events, .. } => {
                let slot = jobs::slot(&effect);
                let (lock, wake) = &**queue;
                if let Ok(mut queue) = lock.lock() {
                    if slot.is_some() {
                        // Latest request wins: drop queued ones, stop the running one.
                        queue.jobs.retain(|old| {
                            let superseded = old.slot == slot;
                            if superseded {
                                let _ = events.send(Msg::Action(Action::JobDone {
                                    id: old.id,
                                    result: Vec::new(),
                                }));
                            }
                            !superseded
                        });
                        if let Some((running, cancel)) = &queue.running
                            && *running == slot
                        {
                            cancel.cancel();
                        }
                    }
                    queue.jobs.push_back(Queued {
                        id,
                        effect,
                        slot,
                        cancel: Cancel::default(),
                    });
                    wake.notify_one();
                }
                vec![started]
            }
        }
    }

    fn save(&self, job: SaveJob) -> Vec<Action> {
        match &self.mode {
            Mode::Inline => vec![Action::SaveFinished(save(&self.context, job))],
            Mode::Threaded { saver, .. } => {
                let (id, generation) = (job.loaded.session.id, job.generation);
                if saver.send(job).is_err() {
                    return vec![Action::SaveFinished(SaveReport {
                        id,
                        generation,
                        outcome: SaveOutcome::Failed("the saving thread stopped".into()),
                    })];
                }
                Vec::new()
            }
        }
    }

    /// Saves synchronously (used when leaving the UI with edits not yet on disk).
    pub fn save_now(&self, loaded: &LoadedSession) -> Result<(), String> {
        let job = SaveJob {
            loaded: loaded.clone(),
            generation: 0,
        };
        match save(&self.context, job).outcome {
            SaveOutcome::Saved { .. } => Ok(()),
            SaveOutcome::Failed(text) | SaveOutcome::Conflict(text) => Err(text),
        }
    }

    /// The home screen's data, loaded here and now (benchmarks, the first frame).
    pub fn home_data(&self) -> super::app::HomeData {
        jobs::home_data(&self.context, &Silent)
    }

    /// Lets queued jobs (a recovery write, a lock release) finish; called on exit.
    pub fn finish(&mut self) {
        if let Mode::Threaded { queue, worker, .. } = &mut self.mode {
            if let Ok(mut state) = queue.0.lock() {
                state.closed = true;
                queue.1.notify_all();
            }
            if let Some(worker) = worker.take() {
                let _ = worker.join();
            }
        }
    }
}

fn context(store: Arc<Store>, lang: Lang) -> Context {
    Context {
        store,
        lang,
        locks: Mutex::new(HashMap::new()),
        unit: crate::ops::export::unit(None),
    }
}

/// Keeps the lock of a session a job opened, in the runner's table.
fn keep_lock(
    context: &Context,
    lock: Option<(uuid::Uuid, crate::store::lock::Lock)>,
    result: &mut Vec<Action>,
) {
    if let Some((id, lock)) = lock {
        match context.locks.lock() {
            Ok(mut locks) => {
                locks.insert(id, lock);
            }
            Err(_) => result.push(Action::Failed("the lock table is damaged".into())),
        }
    }
}

/// The worker: one job at a time, in order; a cancelled job's outcome is dropped.
fn work(queue: &(Mutex<Queue>, Condvar), context: &Context, events: &Sender<Msg>) {
    loop {
        let job = {
            let Ok(mut state) = queue.0.lock() else {
                return;
            };
            loop {
                if let Some(job) = state.jobs.pop_front() {
                    state.running = Some((job.slot, job.cancel.clone()));
                    break job;
                }
                if state.closed {
                    return;
                }
                let Ok(next) = queue.1.wait(state) else {
                    return;
                };
                state = next;
            }
        };
        let progress = Reporter {
            id: job.id,
            events: Mutex::new((events.clone(), Instant::now())),
            cancel: job.cancel.clone(),
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            jobs::perform(context, job.effect, &progress)
        }));
        let mut result = match outcome {
            Ok((mut result, lock)) if !job.cancel.is_cancelled() => {
                keep_lock(context, lock, &mut result);
                result
            }
            // Cancelled: a newer request of the same kind replaces this outcome (and
            // a lock it took is released by dropping it).
            Ok(_) => Vec::new(),
            Err(_) => vec![Action::Failed("an internal error stopped the job".into())],
        };
        if let Ok(mut state) = queue.0.lock() {
            state.running = None;
        }
        result.shrink_to_fit();
        if events
            .send(Msg::Action(Action::JobDone { id: job.id, result }))
            .is_err()
        {
            return;
        }
    }
}

/// Sends a job's progress into the event loop, at most every [`PROGRESS_INTERVAL`].
struct Reporter {
    id: JobId,
    events: Mutex<(Sender<Msg>, Instant)>,
    cancel: Cancel,
}

impl Progress for Reporter {
    fn report(&self, done: usize, total: usize) {
        let Ok(mut guard) = self.events.lock() else {
            return;
        };
        let (events, last) = &mut *guard;
        if last.elapsed() < PROGRESS_INTERVAL && done < total {
            return;
        }
        *last = Instant::now();
        let _ = events.send(Msg::Action(Action::JobProgress {
            id: self.id,
            done,
            total,
        }));
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }
}

fn save(context: &Context, mut job: SaveJob) -> SaveReport {
    let store = &context.store;
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
            SaveOutcome::Conflict(store_error(context.lang, &error))
        }
        Ok(Err(error)) => SaveOutcome::Failed(store_error(context.lang, &error)),
        Err(_) => SaveOutcome::Failed("the save crashed; edits are kept in memory".into()),
    };
    SaveReport {
        id,
        generation,
        outcome,
    }
}
