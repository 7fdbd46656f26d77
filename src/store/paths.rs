//! Where the data directory is: `--data-dir`, else `ZICHA_DATA_DIR`, else the platform's.

use std::path::PathBuf;

pub const DATA_DIR_ENV: &str = "ZICHA_DATA_DIR";

pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| {
            directories::ProjectDirs::from("", "", "zicha")
                .map(|dirs| dirs.data_dir().to_path_buf())
        })
}
