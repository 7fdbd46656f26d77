//! A progress bar on stderr for long work (a cold index rebuild, `demo`, a large
//! `import` or round export), drawn only when stderr is a terminal, so scripts and
//! pipes see nothing extra.

use std::io::IsTerminal;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::Progress;

/// Appears at the first report; cleared by [`Bar::finish`] or when dropped.
pub struct Bar {
    label: &'static str,
    shown: bool,
    bar: OnceLock<ProgressBar>,
}

/// A bar titled `label` ("正在建立索引"), shown only on a terminal.
pub fn bar(label: &'static str) -> Bar {
    Bar {
        label,
        shown: std::io::stderr().is_terminal(),
        bar: OnceLock::new(),
    }
}

impl Bar {
    fn get(&self) -> &ProgressBar {
        self.bar.get_or_init(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{msg} {wide_bar} {human_pos}/{human_len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(self.label);
            bar
        })
    }

    pub fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn report(&self, done: usize, total: usize) {
        if !self.shown {
            return;
        }
        let bar = self.get();
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}
