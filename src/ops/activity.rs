//! The 创建活动台账 for both front ends (docs/design.md §14): add, edit, hand in
//! material, attach files (DESIGN §12), list with due days and late flags.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use crate::model::activity::{Activity, ActivityFields, Copy};
use crate::model::attachment::Attachment;
use crate::model::deadlines::Month;
use crate::model::unit::Unit;
use crate::store::Store;
use crate::store::activities::{ActivityStoreError, LoadedActivity};
use crate::store::checklist_file::FileProblem;

/// An activity with what the profile's deadline makes of it on a given day.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRow {
    pub activity: Activity,
    pub due: NaiveDate,
    pub late: bool,
}

impl ActivityRow {
    pub fn new(activity: Activity, unit: &Unit, today: NaiveDate) -> ActivityRow {
        ActivityRow {
            due: activity.due(unit.report_within_days),
            late: activity.late(unit.report_within_days, today),
            activity,
        }
    }
}

/// What `activity list` shows.
#[derive(Debug, Clone, Default)]
pub struct ActivityList {
    pub rows: Vec<ActivityRow>,
    /// Activity files that could not be read (left as they are).
    pub unreadable: Vec<FileProblem>,
}

/// The profile whose deadlines apply: the one in the data, else the defaults.
pub fn deadline_profile(store: &Store) -> Result<Unit, ActivityStoreError> {
    Ok(store
        .load_unit()?
        .map(|loaded| loaded.unit)
        .unwrap_or_default())
}

/// Activities by date; `month` keeps those held in it, `late_only` the late ones.
pub fn list(
    store: &Store,
    month: Option<Month>,
    late_only: bool,
    today: NaiveDate,
) -> Result<ActivityList, ActivityStoreError> {
    let unit = deadline_profile(store)?;
    let found = store.load_activities()?;
    let rows = found
        .activities
        .into_iter()
        .map(|loaded| ActivityRow::new(loaded.activity, &unit, today))
        .filter(|row| month.is_none_or(|month| month.contains(row.activity.date)))
        .filter(|row| !late_only || row.late)
        .collect();
    Ok(ActivityList {
        rows,
        unreadable: found.unreadable,
    })
}

/// Records a new activity; returns it as saved.
pub fn add(
    store: &Store,
    fields: ActivityFields,
    recorded_by: &str,
    now: DateTime<FixedOffset>,
) -> Result<Activity, ActivityStoreError> {
    add_with_files(store, fields, recorded_by, (&[], ""), now)
}

/// Records a new activity with `files` attached (each with the caption); nothing
/// is recorded or stored when a field or a file is refused.
pub fn add_with_files(
    store: &Store,
    fields: ActivityFields,
    recorded_by: &str,
    (files, caption): (&[PathBuf], &str),
    now: DateTime<FixedOffset>,
) -> Result<Activity, ActivityStoreError> {
    let activity = Activity::new(Uuid::now_v7(), fields, recorded_by, now)?;
    let _lock = store.lock_activity(activity.id, now)?;
    let mut loaded = LoadedActivity {
        activity,
        on_disk: None,
    };
    save_with_files(store, &mut loaded, files, caption)?;
    Ok(loaded.activity)
}

/// Attaches files to an activity (DESIGN §12): each is stored once in
/// `attachments/` and recorded after those it has. Nothing changes when a file is
/// refused; the copies written are taken back when the activity cannot be saved.
pub fn attach(
    store: &Store,
    id: Uuid,
    files: &[PathBuf],
    caption: &str,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Attachment>, ActivityStoreError> {
    let _lock = store.lock_activity(id, now)?;
    let mut loaded = store.load_activity(id)?;
    save_with_files(store, &mut loaded, files, caption)
}

/// Stores the files, adds them to the activity and saves it; returns what was added.
fn save_with_files(
    store: &Store,
    loaded: &mut LoadedActivity,
    files: &[PathBuf],
    caption: &str,
) -> Result<Vec<Attachment>, ActivityStoreError> {
    let stored = store.store_attachments(files, caption)?;
    let attachments: Vec<Attachment> = stored.iter().map(|s| s.attachment.clone()).collect();
    loaded.activity.attach(attachments.clone());
    let before = loaded.on_disk;
    if let Err(error) = store.save_activity(loaded) {
        // Only when the new file is not in place: a failed folder sync after the
        // rename leaves it saved, referring to the copies.
        if loaded.on_disk == before {
            store.discard_written(&stored);
        }
        return Err(error);
    }
    Ok(attachments)
}

/// Sets the caption of an activity's `number`-th (1-based) attachment.
pub fn caption(
    store: &Store,
    id: Uuid,
    number: usize,
    caption: &str,
    now: DateTime<FixedOffset>,
) -> Result<Activity, ActivityStoreError> {
    let _lock = store.lock_activity(id, now)?;
    let mut loaded = store.load_activity(id)?;
    let count = loaded.activity.attachments.len();
    if !loaded.activity.set_caption(number, caption, now) {
        return Err(ActivityStoreError::NoAttachment { number, count });
    }
    store.save_activity(&mut loaded)?;
    Ok(loaded.activity)
}

/// Removes the `number`-th (1-based) attachment of an activity. The stored copy
/// stays (something else may refer to it); `zicha attachments --remove` clears it.
pub fn detach(
    store: &Store,
    id: Uuid,
    number: usize,
    now: DateTime<FixedOffset>,
) -> Result<Attachment, ActivityStoreError> {
    let _lock = store.lock_activity(id, now)?;
    let mut loaded = store.load_activity(id)?;
    let count = loaded.activity.attachments.len();
    let removed = loaded
        .activity
        .detach(number)
        .ok_or(ActivityStoreError::NoAttachment { number, count })?;
    store.save_activity(&mut loaded)?;
    Ok(removed)
}

/// Changes what was typed about an activity.
pub fn edit(
    store: &Store,
    id: Uuid,
    fields: ActivityFields,
    now: DateTime<FixedOffset>,
) -> Result<Activity, ActivityStoreError> {
    change(store, id, now, |activity| activity.edit(fields, now))
}

/// Records when the electronic and/or paper material was handed in.
pub fn report(
    store: &Store,
    id: Uuid,
    electronic: Option<NaiveDate>,
    paper: Option<NaiveDate>,
    now: DateTime<FixedOffset>,
) -> Result<Activity, ActivityStoreError> {
    change(store, id, now, |activity| {
        if let Some(date) = electronic {
            activity.hand_in(Copy::Electronic, date, now)?;
        }
        if let Some(date) = paper {
            activity.hand_in(Copy::Paper, date, now)?;
        }
        Ok(())
    })
}

/// Loads an activity under its lock, applies `edit` and saves it; nothing is saved
/// when `edit` refuses.
fn change(
    store: &Store,
    id: Uuid,
    now: DateTime<FixedOffset>,
    edit: impl FnOnce(&mut Activity) -> Result<(), crate::model::activity::ActivityError>,
) -> Result<Activity, ActivityStoreError> {
    let _lock = store.lock_activity(id, now)?;
    let mut loaded = store.load_activity(id)?;
    edit(&mut loaded.activity)?;
    store.save_activity(&mut loaded)?;
    Ok(loaded.activity)
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
