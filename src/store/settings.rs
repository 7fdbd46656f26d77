//! `settings.ron`: what the UI remembers between runs (inspector, last round and checklist).
//! A convenience, never needed: a missing or damaged file means defaults.

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
