//! `activities/<uuid>.ron`: one file per activity of the 创建活动台账 (docs/design.md
//! §14), kept like sessions: read through `safe_fs`, written with the save protocol
//! under `activities/<uuid>.lock`, a damaged file reported by id and left as it is,
//! a file of a newer format never rewritten, and merged on import.

use std::fs;
use std::io;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use uuid::Uuid;

use super::atomic::{AtomicError, ContentHash, Expect, content_hash, write_atomic};
use super::checklist_file::{FileProblem, decode_text, ron_options, ron_problem};
use super::lock::Lock;
use super::safe_fs::{self, Kind, MAX_SMALL_BYTES};
use super::unit_file::UnitError;
use super::{Store, StoreError, session_id_from_name};
use crate::model::activity::{ACTIVITY_FORMAT, Activity, ActivityError};

#[derive(Debug, thiserror::Error)]
pub enum ActivityStoreError {
    #[error("no activity matches {0:?}")]
    NoSuchActivity(String),
    #[error("{prefix:?} matches {} activities: {}; type more of the id", matches.len(), matches.join(", "))]
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    #[error("{0}")]
    Unreadable(FileProblem),
    #[error("activity {0} was written by a newer zicha (format {1}); it is not changed")]
    NewerFormat(Uuid, u32),
    #[error(
        "activity {id} was changed by another program since it was read; nothing was overwritten, and this version was saved as {}",
        copy.display()
    )]
    Conflict { id: Uuid, copy: PathBuf },
    #[error(transparent)]
    Activity(#[from] ActivityError),
    #[error(transparent)]
    Attachment(#[from] super::attachments::AttachmentError),
    #[error("the activity has {count} attachments; there is no number {number}")]
    NoAttachment { number: usize, count: usize },
    #[error(transparent)]
    Unit(#[from] UnitError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An activity as read, with the hash its next save must find on disk.
#[derive(Debug, Clone)]
pub struct LoadedActivity {
    pub activity: Activity,
    pub on_disk: Option<ContentHash>,
}

/// Every activity that could be read, and the files that could not.
#[derive(Debug, Clone, Default)]
pub struct Activities {
    pub activities: Vec<LoadedActivity>,
    pub unreadable: Vec<FileProblem>,
}

impl Store {
    pub fn activities_dir(&self) -> PathBuf {
        self.root().join("activities")
    }
    pub fn activity_path(&self, id: Uuid) -> PathBuf {
        self.activities_dir().join(format!("{id}.ron"))
    }
    fn activity_lock_path(&self, id: Uuid) -> PathBuf {
        self.activities_dir().join(format!("{id}.lock"))
    }

    /// Ids of the activity files, sorted (links and special files included: they are
    /// reported when loaded, never opened).
    pub fn activity_ids(&self) -> Result<Vec<Uuid>, StoreError> {
        let dir = self.activities_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io {
                    action: "read the folder",
                    path: dir,
                    source,
                });
            }
        };
        let mut ids: Vec<Uuid> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| session_id_from_name(&entry.file_name().to_string_lossy()))
            .collect();
        ids.sort();
        Ok(ids)
    }

    pub fn load_activity(&self, id: Uuid) -> Result<LoadedActivity, ActivityStoreError> {
        let path = self.activity_path(id);
        let bytes = safe_fs::read_capped_nofollow(&path, MAX_SMALL_BYTES).map_err(|error| {
            match error.kind() {
                io::ErrorKind::NotFound => ActivityStoreError::NoSuchActivity(id.to_string()),
                _ => ActivityStoreError::Unreadable(FileProblem {
                    file: path.display().to_string(),
                    place: None,
                    message: format!("cannot read: {error}"),
                }),
            }
        })?;
        let label = path.display().to_string();
        let activity = decode_activity(&bytes, &label).map_err(ActivityStoreError::Unreadable)?;
        if activity.id != id {
            return Err(ActivityStoreError::Unreadable(FileProblem {
                file: label,
                place: None,
                message: format!(
                    "the file holds activity {}, not {id} as its name says (a copy?); left as it is",
                    activity.id
                ),
            }));
        }
        Ok(LoadedActivity {
            activity,
            on_disk: Some(content_hash(&bytes)),
        })
    }

    /// Every activity, by date then id; unreadable files apart, untouched.
    pub fn load_activities(&self) -> Result<Activities, StoreError> {
        let mut found = Activities::default();
        for id in self.activity_ids()? {
            match self.load_activity(id) {
                Ok(loaded) => found.activities.push(loaded),
                Err(ActivityStoreError::Unreadable(problem)) => found.unreadable.push(problem),
                Err(_) => {} // removed while we looked
            }
        }
        found
            .activities
            .sort_by_key(|loaded| (loaded.activity.date, loaded.activity.id));
        Ok(found)
    }

    /// Finds an activity by full id or unique prefix.
    pub fn resolve_activity(&self, prefix: &str) -> Result<Uuid, ActivityStoreError> {
        super::scan::by_prefix(
            prefix,
            || Ok(self.activity_ids()?),
            || ActivityStoreError::NoSuchActivity(prefix.to_string()),
            |matches| ActivityStoreError::Ambiguous {
                prefix: prefix.to_string(),
                matches,
            },
        )
    }

    /// Takes an activity's lock; hold it from reading it to saving it.
    pub fn lock_activity(
        &self,
        id: Uuid,
        now: DateTime<FixedOffset>,
    ) -> Result<Lock, ActivityStoreError> {
        self.ensure_activities_dir()?;
        Ok(Lock::acquire(&self.activity_lock_path(id), now).map_err(StoreError::from)?)
    }

    fn ensure_activities_dir(&self) -> Result<(), StoreError> {
        let dir = self.activities_dir();
        fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            action: "create the folder",
            path: dir.clone(),
            source,
        })?;
        safe_fs::real_folder(&dir).map_err(|source| StoreError::Io {
            action: "use the folder",
            path: dir,
            source,
        })
    }

    /// Saves with the save protocol (the caller holds the lock) and bumps `seq`. If
    /// the file changed on disk, it is left alone and this version goes to `recovery/`.
    pub fn save_activity(&self, loaded: &mut LoadedActivity) -> Result<(), ActivityStoreError> {
        let id = loaded.activity.id;
        if loaded.activity.format > ACTIVITY_FORMAT {
            return Err(ActivityStoreError::NewerFormat(id, loaded.activity.format));
        }
        self.ensure_activities_dir()?;
        let mut next = loaded.activity.clone();
        next.seq += 1;
        let text = encode_activity(&next);
        let expect = loaded.on_disk.map_or(Expect::Absent, Expect::Content);
        match write_atomic(
            self.file_ops(),
            &self.activity_path(id),
            text.as_bytes(),
            expect,
        ) {
            Ok(()) | Err(AtomicError::Io { renamed: true, .. }) => {
                loaded.activity = next;
                loaded.on_disk = Some(content_hash(text.as_bytes()));
                Ok(())
            }
            Err(AtomicError::Changed { .. }) => {
                let copy = self.write_recovery(id, "activity-conflict", text.as_bytes())?;
                Err(ActivityStoreError::Conflict { id, copy })
            }
            Err(other) => Err(StoreError::from(other).into()),
        }
    }
}

/// Activity text as written: same activity, same bytes.
pub fn encode_activity(activity: &Activity) -> String {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .extensions(Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(activity, config).unwrap_or_default();
    text.push('\n');
    text
}

pub fn decode_activity(bytes: &[u8], file: &str) -> Result<Activity, FileProblem> {
    let text = decode_text(bytes, file)?;
    if text.trim().is_empty() {
        return Err(FileProblem {
            file: file.to_string(),
            place: Some((1, 1)),
            message: "the activity file is empty".into(),
        });
    }
    ron_options()
        .from_str(text)
        .map_err(|error| ron_problem(&error, file))
}

/// Whether a directory entry is a regular file; links and special files are not.
pub(super) fn is_regular(entry: &fs::DirEntry) -> bool {
    entry
        .file_type()
        .is_ok_and(|kind| safe_fs::kind_of_type(kind) == Kind::Regular)
}

#[cfg(test)]
#[path = "activities_tests.rs"]
mod tests;
