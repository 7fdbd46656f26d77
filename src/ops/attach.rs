//! Attaching photos and documents to an item, and removing one (DESIGN §12).
//! [`store_files`] copies the files into `attachments/` (the UI runs it as a job and
//! adds the result to the session it walks in memory, one undo step);
//! [`attach`] and [`detach`] change a stored session for the command line. An
//! activity's attachments: `ops::activity::attach` and `detach`, on the same store.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::OpsError;
use super::open::editable;
use super::who::editor_name;
use crate::model::attachment::{Attachment, detach as detach_from};
use crate::model::session::Session;
use crate::store::Store;
use crate::store::attachments::Stored;

/// Stores every file, or none ([`Store::store_attachments`]).
pub fn store_files(
    store: &Store,
    files: &[PathBuf],
    caption: &str,
) -> Result<Vec<Stored>, OpsError> {
    Ok(store.store_attachments(files, caption)?)
}

/// Adds `attachments` to the item `code` of `session`, stamping who and when.
pub fn add_to_session(
    session: &mut Session,
    code: &str,
    attachments: Vec<Attachment>,
    by: &str,
    now: DateTime<FixedOffset>,
) {
    let mut response = session.response(code).cloned().unwrap_or_default();
    response.attachments.extend(attachments);
    session.set_response(code, response, by, now);
}

pub struct AttachRequest<'a> {
    /// A session id or unique prefix.
    pub session: &'a str,
    pub code: &'a str,
    pub files: &'a [PathBuf],
    pub caption: &'a str,
    pub at_keyboard: &'a [&'a str],
    pub login: &'a str,
    pub now: DateTime<FixedOffset>,
}

/// Attaches the files to an item of a stored session. If the session cannot be
/// saved, it stays as it was on disk and the copies this call wrote are taken back.
pub fn attach(store: &Store, request: AttachRequest<'_>) -> Result<Vec<Attachment>, OpsError> {
    let mut editable = editable(store, request.session, request.now)?;
    let code = request.code.trim();
    require_item(&editable, code)?;
    let stored = store_files(store, request.files, request.caption)?;
    let attachments: Vec<Attachment> = stored.iter().map(|s| s.attachment.clone()).collect();
    let session = &mut editable.loaded.session;
    let by = editor_name(request.at_keyboard, session, request.login);
    add_to_session(session, code, attachments.clone(), &by, request.now);
    let before = editable.loaded.on_disk;
    if let Err(error) = store.save(&mut editable.loaded) {
        // Only when the new session is not in place: a failed folder sync after
        // the rename leaves it saved, referring to the copies.
        if editable.loaded.on_disk == before {
            store.discard_written(&stored);
        }
        return Err(OpsError::NotSaved(error));
    }
    Ok(attachments)
}

pub struct DetachRequest<'a> {
    pub session: &'a str,
    pub code: &'a str,
    /// 1-based, as `zicha detach` and the detail pane number them.
    pub number: usize,
    pub at_keyboard: &'a [&'a str],
    pub login: &'a str,
    pub now: DateTime<FixedOffset>,
}

/// Removes the N-th attachment of an item. The stored copy stays (another item or
/// session may refer to it); `zicha attachments --remove` clears unreferenced ones.
pub fn detach(store: &Store, request: DetachRequest<'_>) -> Result<Attachment, OpsError> {
    let mut editable = editable(store, request.session, request.now)?;
    let code = request.code.trim();
    require_item(&editable, code)?;
    let session = &mut editable.loaded.session;
    let mut response = session.response(code).cloned().unwrap_or_default();
    let count = response.attachments.len();
    let removed = request
        .number
        .checked_sub(1)
        .and_then(|index| detach_from(&mut response.attachments, index))
        .ok_or_else(|| OpsError::NoAttachment {
            code: code.to_string(),
            number: request.number,
            count,
        })?;
    let by = editor_name(request.at_keyboard, session, request.login);
    session.set_response(code, response, &by, request.now);
    store
        .save(&mut editable.loaded)
        .map_err(OpsError::NotSaved)?;
    Ok(removed)
}

fn require_item(editable: &super::open::Editable, code: &str) -> Result<(), OpsError> {
    let checklist = &editable.checklist;
    let scope = editable.loaded.session.scope;
    if checklist
        .item(code)
        .is_some_and(|item| item.in_scope(scope))
    {
        return Ok(());
    }
    Err(OpsError::NoSuchItem {
        code: code.to_string(),
        checklist: checklist.id.clone(),
        version: checklist.version,
        codes: checklist
            .items()
            .iter()
            .map(|item| item.code.clone())
            .collect(),
    })
}

#[cfg(test)]
pub(super) mod tests {
    use std::io::ErrorKind;
    use std::sync::Arc;

    use super::*;
    use crate::store::attachments::taken::jpeg_with_exif_date;
    use crate::store::fsops::FaultyFs;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-21T10:00:00+08:00").unwrap()
    }

    fn request<'a>(id: &'a str, files: &'a [PathBuf]) -> AttachRequest<'a> {
        AttachRequest {
            session: id,
            code: "2.2",
            files,
            caption: "宣传栏",
            at_keyboard: &[],
            login: "",
            now: now(),
        }
    }

    /// Files under `dir`, in subfolders too (`thumbs/`).
    pub(in crate::ops) fn entries(dir: &std::path::Path) -> Vec<String> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                files.extend(entries(&entry.path()));
            } else {
                files.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        files
    }

    #[test]
    fn a_fault_at_any_step_of_an_attach_leaves_the_old_session_and_no_stray_file() {
        let data = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let files = [outside.path().join("照片.jpg")];
        std::fs::write(&files[0], jpeg_with_exif_date("2026:11:18 09:30:00", None)).unwrap();
        let id = {
            let store = Store::open(data.path()).unwrap();
            let request = crate::store::NewSession {
                checklist: "wenming-danwei".into(),
                department: "办公室".into(),
                round: "2026年11月自查".into(),
                date: now().date_naive(),
                inspector: "王敏".into(),
                scope: Default::default(),
            };
            store.create(request, now()).unwrap().session.id.to_string()
        };
        let session_path = data.path().join("sessions").join(format!("{id}.ron"));
        let attachments = data.path().join("attachments");
        let steps = {
            let probe = tempfile::tempdir().unwrap();
            copy_dir(data.path(), probe.path());
            let counting = Arc::new(FaultyFs::new(0, ErrorKind::Other));
            let store = Store::open_with(probe.path(), counting.clone()).unwrap();
            attach(&store, request(&id, &files)).unwrap();
            counting.calls()
        };
        assert!(steps >= 8, "a stored copy and a session save: {steps}");
        for step in 1..=steps {
            let old = std::fs::read(&session_path).unwrap();
            let faulty = Arc::new(FaultyFs::new(step, ErrorKind::StorageFull));
            let store = Store::open_with(data.path(), faulty.clone()).unwrap();
            let result = attach(&store, request(&id, &files));
            let failed_at = faulty.log().get(step - 1).copied().unwrap_or("?");
            let saved =
                crate::store::session_file::decode(&std::fs::read(&session_path).unwrap(), "s")
                    .unwrap()
                    .session;
            let attached = saved
                .response("2.2")
                .is_some_and(|r| !r.attachments.is_empty());
            match result {
                Err(_) if attached => {
                    // Only the folder sync after the session's rename failed: the
                    // new session is in place and its copy is kept.
                    assert_eq!(failed_at, "sync_dir", "step {step}");
                    assert!(!entries(&attachments).is_empty(), "step {step}");
                }
                Err(error) => {
                    assert_eq!(std::fs::read(&session_path).unwrap(), old, "step {step}");
                    assert!(
                        entries(&attachments).is_empty(),
                        "step {step} ({failed_at}): {error}: {:?}",
                        entries(&attachments)
                    );
                }
                Ok(_) => assert!(
                    attached,
                    "step {step} ({failed_at}) {:?} {}",
                    faulty.log(),
                    String::from_utf8_lossy(&std::fs::read(&session_path).unwrap())
                ),
            }
            // Back to the session without attachments for the next step.
            std::fs::write(&session_path, &old).unwrap();
            let _ = std::fs::remove_dir_all(&attachments);
        }
    }

    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        for entry in std::fs::read_dir(from).unwrap().filter_map(Result::ok) {
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
}
