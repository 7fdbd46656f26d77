//! Errors of moving data between folders and copies, in the user's language:
//! import, bundle, merge, conflict resolution and attachments.

use super::{io_cause, store_error};
use crate::i18n::Lang;
use crate::model::merge::{MergeError, ResolveError};
use crate::store::attachments::AttachmentError;
use crate::store::bundle::BundleError;
use crate::store::import::ImportError;
use crate::store::safe_fs;

pub fn import_error(lang: Lang, error: &ImportError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ImportError::Io { path, source } => {
            format!("无法读取 {}：{}", path.display(), io_cause(source))
        }
        ImportError::NotASource { path, why } => format!("{}:{why}", path.display()),
        ImportError::Bundle { path, message } => {
            format!("{}：不是可读取的打包文件：{message}", path.display())
        }
        ImportError::Store(store) => store_error(lang, store),
    }
}

pub fn bundle_error(lang: Lang, error: &BundleError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        BundleError::Exists(path) => format!("{} 已存在；要替换请加 --force", path.display()),
        BundleError::InsideData { path, folder } => format!(
            "{} 在数据文件夹的 {folder} 中，那里只由 zicha 写入；请选择数据文件夹以外的位置",
            path.display()
        ),
        BundleError::Empty(round) => match round {
            Some(round) => format!("轮次 {round:?} 没有可打包的检查记录"),
            None => "没有可打包的检查记录".into(),
        },
        BundleError::Zip(message) => format!("无法写入打包文件：{message}"),
        BundleError::Store(store) => store_error(lang, store),
    }
}

pub fn merge_error(lang: Lang, error: &MergeError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        MergeError::DifferentSessions { ours, theirs } => {
            format!("这是两条不同的检查记录（{ours} 和 {theirs}）")
        }
        MergeError::DifferentChecklists { ours, theirs } => format!(
            "两份记录所用的检查表不同（本机 {} v{} {}，对方 {} v{} {}）；未合并",
            ours.id, ours.version, ours.hash, theirs.id, theirs.version, theirs.hash
        ),
    }
}

pub fn resolve_error(lang: Lang, error: &ResolveError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ResolveError::NoConflict(code) => format!("条目 {code} 没有需要处理的冲突"),
        ResolveError::NoSuchVersion { code, index, count } => {
            format!("条目 {code} 有 {count} 个其他版本；没有第 {index} 个")
        }
    }
}

pub fn attachment_error(lang: Lang, error: &AttachmentError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        AttachmentError::Missing { path } => format!("{}：找不到这个文件", path.display()),
        AttachmentError::Folder { path } => {
            format!("{}：是文件夹；请逐个附上其中的文件", path.display())
        }
        AttachmentError::TooLarge { path } => format!(
            "{}：大于 {} MiB，超过可附上的上限",
            path.display(),
            safe_fs::MAX_ATTACHMENT_BYTES >> 20
        ),
        AttachmentError::Unsupported { path } => format!(
            "{}：不是可附上的文件类型；可附上照片（jpg、png）和文档（pdf、doc、docx、xls、xlsx）",
            path.display()
        ),
        AttachmentError::Unreadable { path, source } => {
            format!("{}：无法读取：{}", path.display(), io_cause(source))
        }
        AttachmentError::Store(store) => store_error(lang, store),
    }
}
