//! The 创建活动台账 for both front ends (docs/design.md §14): add, edit, hand in
//! material, list with due days and late flags.

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use crate::model::activity::{Activity, ActivityFields, Copy};
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
    let activity = Activity::new(Uuid::now_v7(), fields, recorded_by, now)?;
    let _lock = store.lock_activity(activity.id, now)?;
    let mut loaded = LoadedActivity {
        activity,
        on_disk: None,
    };
    store.save_activity(&mut loaded)?;
    Ok(loaded.activity)
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
