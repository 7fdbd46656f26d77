//! Store errors in the UI's language. The store's own messages are English (the CLI
//! and logs use them); the UI says the common ones in Chinese, with text from i18n.

use std::io::ErrorKind;

use crate::i18n::{Lang, STORE_ERRORS_ZH};
use crate::store::StoreError;
use crate::store::lock::LockError;

fn io_cause_zh(source: &std::io::Error) -> String {
    let t = &STORE_ERRORS_ZH;
    match source.kind() {
        ErrorKind::StorageFull => t.disk_full.to_string(),
        ErrorKind::PermissionDenied => t.no_permission.to_string(),
        ErrorKind::ReadOnlyFilesystem => t.read_only_folder.to_string(),
        ErrorKind::NotFound => t.not_found.to_string(),
        _ => source.to_string(),
    }
}

pub fn store_error(lang: Lang, error: &StoreError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    let t = &STORE_ERRORS_ZH;
    match error {
        StoreError::Lock(LockError::Held { holder, .. }) => format!(
            "{}({} {},{} {},{} {})",
            t.held,
            t.host,
            holder.host,
            t.process,
            holder.pid,
            holder.since.format("%Y-%m-%d %H:%M"),
            t.since
        ),
        StoreError::Lock(LockError::HeldElsewhere { holder, path }) => format!(
            "{}({} {},{} {});{} {}",
            t.held_elsewhere,
            t.host,
            holder.host,
            t.process,
            holder.pid,
            t.delete_if_gone,
            path.display()
        ),
        StoreError::Lock(LockError::HeldUnknown { .. }) => t.held_unknown.to_string(),
        StoreError::Conflict { copy, .. } => format!("{} {}", t.changed_kept, copy.display()),
        StoreError::Io { path, source, .. } => {
            format!("{}:{}", io_cause_zh(source), path.display())
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn common_store_errors_are_said_in_chinese() {
        let full = StoreError::Io {
            action: "write",
            path: PathBuf::from("/data/sessions/x.ron"),
            source: std::io::Error::from(ErrorKind::StorageFull),
        };
        assert_eq!(
            store_error(Lang::Zh, &full),
            "磁盘已满:/data/sessions/x.ron"
        );
        assert!(store_error(Lang::En, &full).contains("x.ron"));
        let conflict = StoreError::Conflict {
            id: uuid::Uuid::nil(),
            copy: PathBuf::from("/data/recovery/c.ron"),
        };
        assert!(store_error(Lang::Zh, &conflict).contains("已被其他程序修改"));
    }
}
