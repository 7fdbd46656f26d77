//! Store errors in the UI's language. The store's own messages are English (the CLI
//! and logs use them); the UI says the common ones in Chinese.

use std::io::ErrorKind;

use crate::i18n::Lang;
use crate::store::StoreError;
use crate::store::lock::LockError;

fn io_cause_zh(source: &std::io::Error) -> String {
    match source.kind() {
        ErrorKind::StorageFull => "磁盘已满".to_string(),
        ErrorKind::PermissionDenied => "没有写入权限".to_string(),
        ErrorKind::ReadOnlyFilesystem => "文件夹是只读的".to_string(),
        ErrorKind::NotFound => "找不到文件或文件夹".to_string(),
        _ => source.to_string(),
    }
}

pub fn store_error(lang: Lang, error: &StoreError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        StoreError::Lock(LockError::Held { holder, .. }) => format!(
            "正在被另一个 zicha 使用(主机 {},进程 {},{} 起)",
            holder.host,
            holder.pid,
            holder.since.format("%Y-%m-%d %H:%M")
        ),
        StoreError::Lock(LockError::HeldElsewhere { holder, path }) => format!(
            "正在被另一台电脑上的 zicha 使用(主机 {},进程 {});如果那里已不再运行,请删除 {}",
            holder.host,
            holder.pid,
            path.display()
        ),
        StoreError::Lock(LockError::HeldUnknown { .. }) => "正在被另一个程序使用".to_string(),
        StoreError::Conflict { copy, .. } => format!(
            "这条记录已被其他程序修改,没有覆盖它;您的版本已另存为 {}",
            copy.display()
        ),
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
