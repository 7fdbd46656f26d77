//! The unit profile for both front ends (docs/design.md §14): what exports, coverage
//! and the new-session form take from it, and a draft prefilled from the data.

use chrono::{DateTime, FixedOffset};

use crate::model::unit::Unit;
use crate::store::Store;
use crate::store::index::Overview;
use crate::store::unit_file::{LoadedUnit, UnitError};

/// The profile, if there is one; a damaged one is an error.
pub fn load(store: &Store) -> Result<Option<LoadedUnit>, UnitError> {
    store.load_unit()
}

/// The profile's departments in their customary order; empty without a readable
/// profile. Exports sort departments by this (`ExportRequest.departments`).
pub fn departments(store: &Store) -> Vec<String> {
    load(store)
        .ok()
        .flatten()
        .map(|loaded| loaded.unit.departments)
        .unwrap_or_default()
}

/// The unit's name from the profile, if it has a readable one with a name.
pub fn unit_name(store: &Store) -> Option<String> {
    load(store)
        .ok()
        .flatten()
        .map(|loaded| loaded.unit.name)
        .filter(|name| !name.trim().is_empty())
}

/// The unit named on reports: `--unit`, else `ZICHA_UNIT`, else the profile's name.
pub fn report_unit(store: &Store, given: Option<String>) -> Option<String> {
    crate::ops::export::unit(given).or_else(|| unit_name(store))
}

/// A profile to start from: the unit's name from `ZICHA_UNIT` (else empty) and the
/// departments already in the data, in the order they were first inspected.
pub fn draft(overview: &Overview) -> Unit {
    let mut heads: Vec<_> = overview.sessions.iter().collect();
    heads.sort_by(|a, b| (a.date, &a.department).cmp(&(b.date, &b.department)));
    let departments = heads
        .into_iter()
        .filter(|head| head.scope == crate::model::checklist::Scope::Department)
        .map(|head| head.department.clone())
        .collect();
    Unit::new(
        crate::ops::export::unit(None).unwrap_or_default(),
        departments,
    )
}

/// Writes a new profile; refused when one exists (it is never overwritten unread).
pub fn create(store: &Store, unit: &Unit, now: DateTime<FixedOffset>) -> Result<(), UnitError> {
    store.save_unit(unit, None, now).map(|_| ())
}
