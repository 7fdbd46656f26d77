//! The Chinese wording of common errors.

use super::*;
use crate::store::bundle::BundleError;
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
        "磁盘已满：/data/sessions/x.ron"
    );
    assert!(store_error(Lang::En, &full).contains("x.ron"));
    let conflict = StoreError::Conflict {
        id: uuid::Uuid::nil(),
        copy: PathBuf::from("/data/recovery/c.ron"),
    };
    assert!(store_error(Lang::Zh, &conflict).contains("已被其他程序修改"));
}

#[test]
fn scoring_edit_errors_are_said_in_chinese() {
    let out_of_scope = EditError::OutOfScope { code: "8.6".into() };
    assert_eq!(
        edit_error(Lang::Zh, &out_of_scope),
        "条目 8.6 由全单位统一评定；请在单位检查记录中评定"
    );
    assert_eq!(
        edit_error(Lang::En, &out_of_scope),
        out_of_scope.to_string()
    );
    let rate = EditError::BadRate(RateError::MoreThanAsked {
        numerator: 51,
        denominator: 50,
    });
    assert_eq!(
        edit_error(Lang::Zh, &rate),
        "51/50：回答的人数多于调查的人数"
    );
    assert!(edit_error(Lang::En, &rate).contains("more answered than asked"));
}

#[test]
fn hostile_folder_errors_are_said_in_chinese() {
    let inside = BundleError::InsideData {
        path: PathBuf::from("/data/sessions/out.zip"),
        folder: "sessions/".into(),
    };
    assert_eq!(
        bundle_error(Lang::Zh, &inside),
        "/data/sessions/out.zip 在数据文件夹的 sessions/ 中，那里只由 zicha 写入；请选择数据文件夹以外的位置"
    );
    assert!(bundle_error(Lang::En, &inside).contains("choose a place outside it"));
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("index.ron");
    std::fs::create_dir(&link).unwrap();
    let source = safe_fs::read_capped_nofollow(&link, 1024).unwrap_err();
    let refused = StoreError::Io {
        action: "read",
        path: link.clone(),
        source,
    };
    let text = store_error(Lang::Zh, &refused);
    assert!(text.contains("index.ron"), "{text}");
    assert!(
        text.contains("不是文件") || text.contains("不是普通文件"),
        "{text}"
    );
    assert_eq!(
        refusal(Refusal::TooLarge { max: 32 << 20 }),
        "大于 32 MiB，超过 zicha 对它的读取上限（未改动）"
    );
}
