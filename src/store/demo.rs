//! Writes the sample history of [`model::demo`](crate::model::demo) into the data folder.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::atomic::write_new_without_folder_sync;
use super::{Store, StoreError, session_file};
use crate::model::demo::{
    DemoChecklist, DemoPlan, checklist_for_department, department_names, department_series, rounds,
};
use crate::model::session::ChecklistRef;

/// Writes `plan.departments × plan.rounds` sessions; returns how many were written.
///
/// Departments are spread over a few threads (the work is mostly waiting for fsync).
/// Each file goes through the save protocol except the per-file folder sync: the
/// folder is synced once at the end, which makes every rename durable at once.
pub fn write_demo(store: &Store, plan: &DemoPlan) -> Result<usize, StoreError> {
    write_demo_with(store, plan, &crate::progress::Silent)
}

/// [`write_demo`], reporting sessions written of `departments × rounds`.
pub fn write_demo_with(
    store: &Store,
    plan: &DemoPlan,
    progress: &dyn crate::progress::Progress,
) -> Result<usize, StoreError> {
    let catalog = store.catalog();
    let entries = catalog.latest_all();
    let mut references: Vec<ChecklistRef> = Vec::with_capacity(entries.len());
    for entry in &entries {
        references.push(store.archive(entry)?);
    }
    let checklists: Vec<DemoChecklist<'_>> = entries
        .iter()
        .zip(&references)
        .map(|(entry, reference)| DemoChecklist {
            reference,
            checklist: &entry.checklist,
        })
        .collect();
    if checklists.is_empty() {
        return Ok(0);
    }
    let names = department_names(plan.departments);
    let all_rounds = rounds(plan.rounds, plan.until);
    let next_department = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    let first_error: Mutex<Option<StoreError>> = Mutex::new(None);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get() * 2);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next_department.fetch_add(1, Ordering::Relaxed);
                    let Some(name) = names.get(index) else { break };
                    let Some(with) = checklist_for_department(index, &checklists) else {
                        break;
                    };
                    for session in department_series(plan, index, name, with, &all_rounds) {
                        let path = store.session_path(session.id);
                        let written_file = session_file::encode(&session).and_then(|text| {
                            write_new_without_folder_sync(store.file_ops(), &path, text.as_bytes())
                                .map_err(StoreError::from)
                        });
                        if let Err(error) = written_file {
                            if let Ok(mut slot) = first_error.lock() {
                                slot.get_or_insert(error);
                            }
                            // Stop every worker: take the rest of the departments.
                            next_department.store(names.len(), Ordering::Relaxed);
                            return;
                        }
                        let done = written.fetch_add(1, Ordering::Relaxed) + 1;
                        if done.is_multiple_of(100) {
                            progress.report(done, plan.departments * plan.rounds);
                        }
                    }
                }
            });
        }
    });
    let dir = store.sessions_dir();
    store
        .file_ops()
        .sync_dir(&dir)
        .map_err(|e| StoreError::io("sync the folder", &dir, e))?;
    if let Some(error) = first_error.into_inner().ok().flatten() {
        return Err(error);
    }
    Ok(written.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn writes_loadable_sessions_for_every_department_and_round() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let plan = DemoPlan {
            departments: 6,
            rounds: 3,
            seed: 1,
            until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        };
        assert_eq!(write_demo(&store, &plan).unwrap(), 18);
        let (loaded, unreadable) = store.load_all().unwrap();
        assert!(unreadable.is_empty());
        assert_eq!(loaded.len(), 18);
        let checklists: std::collections::BTreeSet<&str> = loaded
            .iter()
            .map(|l| l.session.checklist.id.as_str())
            .collect();
        assert!(checklists.contains("wenming-danwei"));
        assert!(checklists.contains("wenming-keshi"));
        for session in &loaded {
            store.checklist_for(&session.session.checklist).unwrap();
        }
        let again = Store::open(dir.path()).unwrap();
        assert!(
            write_demo(&again, &plan).is_err(),
            "the same seed makes the same ids, which are never overwritten"
        );
    }
}
