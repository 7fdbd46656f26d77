//! How long work tells how far it has got, and learns that it is no longer wanted.
//! The store, exports and operations report through [`Progress`]; the CLI draws a
//! bar on stderr, the UI a line under the screen, tests and scripts nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where a long piece of work reports. Calls may come from several threads.
pub trait Progress: Sync {
    /// `done` of `total` steps (files read, sessions exported…) are finished.
    fn report(&self, done: usize, total: usize);

    /// Whether the work should stop early: its result is no longer wanted.
    fn cancelled(&self) -> bool {
        false
    }
}

/// Reports nowhere and never cancels.
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _done: usize, _total: usize) {}
}

/// A flag that asks a job to stop; cheap to clone and to check.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
