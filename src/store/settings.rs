//! `settings.ron`: what the UI remembers between runs (inspector, last round and checklist,
//! the export dialog's choices, where each session's walk was left).
//! A convenience, never needed: a missing or damaged file means defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Store;
use super::atomic::{Expect, write_atomic};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub inspector: String,
    #[serde(default)]
    pub last_round: String,
    #[serde(default)]
    pub last_checklist: String,
    /// The export dialog's format last used (`md`, `docx`, ...); empty: docx.
    #[serde(default)]
    pub export_format: String,
    /// The export dialog's scope last used: `session` or `round`; empty: the session.
    #[serde(default)]
    pub export_scope: String,
    /// Per session id, the item the inspector was on when the walk was left, so that
    /// reopening returns there. The newest [`MAX_LAST_ITEMS`] sessions are kept.
    #[serde(default)]
    pub last_items: BTreeMap<String, String>,
}

/// How many sessions' last items the settings keep.
pub const MAX_LAST_ITEMS: usize = 200;

impl Settings {
    /// Remembers where a session's walk was left. Session ids (UUID v7) sort by
    /// creation time, so the oldest sessions' entries are the ones dropped.
    pub fn remember_item(&mut self, session: &str, code: &str) {
        self.last_items
            .insert(session.to_string(), code.to_string());
        while self.last_items.len() > MAX_LAST_ITEMS {
            self.last_items.pop_first();
        }
    }
}

impl Store {
    pub fn settings_path(&self) -> std::path::PathBuf {
        self.root().join("settings.ron")
    }

    pub fn load_settings(&self) -> Settings {
        super::safe_fs::read_capped_nofollow(&self.settings_path(), super::safe_fs::MAX_SMALL_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| super::checklist_file::ron_options().from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), super::StoreError> {
        let text =
            ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new()).unwrap_or_default();
        write_atomic(
            self.file_ops(),
            &self.settings_path(),
            text.as_bytes(),
            Expect::Anything,
        )?;
        Ok(())
    }
}
