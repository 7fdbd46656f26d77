//! What is due (docs/design.md §14), for `zicha deadlines`, its screen and the home
//! screen's count of what is late.

use chrono::{Days, NaiveDate};

use crate::model::deadlines::{
    Month, Period, Visit, monthly_report_due, not_inspected, period_for_month,
};
use crate::model::ledger::{LedgerEntry, LedgerScope};
use crate::ops::activity::{ActivityRow, deadline_profile};
use crate::progress::Progress;
use crate::store::Store;
use crate::store::activities::ActivityStoreError;
use crate::store::checklist_file::FileProblem;

/// Rectifications due within this many days are listed with the overdue ones.
pub const RECTIFICATION_WINDOW_DAYS: u64 = 7;

#[derive(Debug, Clone)]
pub struct Deadlines {
    pub month: Month,
    pub today: NaiveDate,
    /// Whether the data has a unit profile (coverage needs its departments).
    pub has_profile: bool,
    pub monthly_report_due: NaiveDate,
    pub period: Period,
    pub not_inspected: Vec<String>,
    /// Material still to hand in, not yet late.
    pub activities_due: Vec<ActivityRow>,
    pub activities_late: Vec<ActivityRow>,
    /// Open rectifications due within [`RECTIFICATION_WINDOW_DAYS`] or overdue.
    pub rectifications_due: Vec<LedgerEntry>,
    pub unreadable: Vec<FileProblem>,
}

impl Deadlines {
    /// Late things still to do: late material not all handed in, overdue rectifications.
    pub fn late_count(&self) -> LateCount {
        LateCount {
            activities: self
                .activities_late
                .iter()
                .filter(|row| !row.activity.complete())
                .count(),
            rectifications: self.rectifications_due.iter().filter(|e| e.overdue).count(),
        }
    }
}

/// What the home screen's line counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LateCount {
    pub activities: usize,
    pub rectifications: usize,
}

/// The deadlines of `month` (default: today's) as of `today`.
///
/// Activities: those held in the month, and for the current month also any earlier
/// one whose material is still missing. `activities_due` are those still missing a
/// copy and not yet late; `activities_late` those with the `late` flag.
pub fn deadlines(
    store: &Store,
    month: Option<Month>,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<Deadlines, ActivityStoreError> {
    let profile = store.load_unit()?;
    let has_profile = profile.is_some();
    let unit = deadline_profile(store)?;
    let current = Month::of(today);
    let month = month.unwrap_or(current);
    let period = period_for_month(month, today, unit.inspection);
    let overview = store.overview_with(progress)?;
    let visits: Vec<Visit<'_>> = overview
        .sessions
        .iter()
        .map(|head| Visit {
            department: &head.department,
            date: head.date,
            scope: head.scope,
        })
        .collect();
    let found = store.load_activities()?;
    let mut activities_due = Vec::new();
    let mut activities_late = Vec::new();
    for loaded in found.activities {
        let row = ActivityRow::new(loaded.activity, &unit, today);
        let in_month = month.contains(row.activity.date);
        let outstanding = !row.activity.complete();
        if row.late && (in_month || (outstanding && month == current)) {
            activities_late.push(row);
        } else if !row.late && outstanding && (in_month || month == current) {
            activities_due.push(row);
        }
    }
    let window = today
        .checked_add_days(Days::new(RECTIFICATION_WINDOW_DAYS))
        .unwrap_or(today);
    let rectifications_due = crate::ops::ledger::ledger(store, LedgerScope::Open, today, progress)?
        .entries
        .into_iter()
        .filter(|entry| entry.rectification.due.is_some_and(|due| due <= window))
        .collect();
    Ok(Deadlines {
        month,
        today,
        has_profile,
        monthly_report_due: monthly_report_due(&unit, month),
        period,
        not_inspected: not_inspected(&unit, &visits, period),
        activities_due,
        activities_late,
        rectifications_due,
        unreadable: found.unreadable,
    })
}
