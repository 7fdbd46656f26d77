//! Writes the sample history of [`model::demo`](crate::model::demo) into the data folder.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::atomic::write_new_without_folder_sync;
use super::{Store, StoreError, session_file};
use crate::model::demo::{
    DemoChecklist, DemoPlan, checklist_for_department, department_names, department_series, rounds,
    unit_checklist, unit_series,
};
use crate::model::session::{ChecklistRef, Session};

/// Writes `plan.departments × plan.rounds` department sessions and, where the unit
/// table is built in, one unit session (全局) a round; returns how many were written.
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
    let unit_sessions = unit_checklist(&checklists)
        .map(|with| unit_series(plan, with, &all_rounds))
        .unwrap_or_default();
    let total = plan.departments * plan.rounds + unit_sessions.len();
    let written = AtomicUsize::new(0);
    let write = |session: &Session| -> Result<(), StoreError> {
        let path = store.session_path(session.id);
        let text = session_file::encode(session)?;
        write_new_without_folder_sync(store.file_ops(), &path, text.as_bytes())?;
        let done = written.fetch_add(1, Ordering::Relaxed) + 1;
        if done.is_multiple_of(100) {
            progress.report(done, total);
        }
        Ok(())
    };
    for session in &unit_sessions {
        write(session)?;
    }
    let next_department = AtomicUsize::new(0);
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
                        if let Err(error) = write(&session) {
                            if let Ok(mut slot) = first_error.lock() {
                                slot.get_or_insert(error);
                            }
                            // Stop every worker: take the rest of the departments.
                            next_department.store(names.len(), Ordering::Relaxed);
                            return;
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
    use crate::model::checklist::Item;
    use crate::model::demo::ITEM_NOTES;
    use crate::model::session::Status;
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
        // 6 departments × 3 rounds, and the unit's own session each round.
        assert_eq!(write_demo(&store, &plan).unwrap(), 21);
        let (loaded, unreadable) = store.load_all().unwrap();
        assert!(unreadable.is_empty());
        assert_eq!(loaded.len(), 21);
        let units: Vec<_> = loaded
            .iter()
            .filter(|l| !l.session.scope.is_department())
            .map(|l| {
                (
                    l.session.department.as_str(),
                    l.session.checklist.id.as_str(),
                )
            })
            .collect();
        assert_eq!(units, [("全局", "wenming-danwei"); 3]);
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

    /// What an item's problem note may say: its deductions as findings, its own
    /// finding (`ITEM_NOTES`), its title, a survey, or a veto's 存在此情形.
    fn fragments(checklist_id: &str, item: &Item) -> Vec<String> {
        let mut fragments = vec![item.title.clone(), "问卷调查".into(), "存在此情形".into()];
        for deduction in &item.deductions {
            let reason = deduction.reason.trim_start_matches('每');
            match &deduction.unit {
                Some(unit) => fragments.extend(
                    reason
                        .split(&format!("一{unit}"))
                        .filter(|part| part.chars().count() > 1)
                        .map(str::to_string),
                ),
                None => fragments.push(reason.to_string()),
            }
        }
        fragments.extend(
            ITEM_NOTES
                .iter()
                .filter(|(id, code, _)| *id == checklist_id && *code == item.code)
                .map(|(_, _, note)| note.to_string()),
        );
        fragments
    }

    #[test]
    fn demo_marks_fit_their_items_and_the_session_scope() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        // 20 departments reach every built-in table, quanguo-ceping's levels among them.
        let plan = DemoPlan {
            departments: 20,
            rounds: 6,
            seed: 5,
            until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        };
        assert_eq!(write_demo(&store, &plan).unwrap(), 20 * 6 + 6);
        let (loaded, _) = store.load_all().unwrap();
        let (mut counted, mut levels, mut penalties, mut rates, mut notes) = (0, 0, 0, 0, 0);
        for session in loaded.iter().map(|l| &l.session) {
            let checklist = store.checklist_for(&session.checklist).unwrap();
            for (code, response) in &session.responses {
                let item = checklist.item(code).unwrap();
                let at = format!("{} {} {code}", session.department, checklist.id);
                assert!(
                    item.in_scope(session.scope),
                    "{at}: a unit item in a 科室 session"
                );
                counted += usize::from(!response.counts.is_empty());
                if let Some(level) = &response.level {
                    assert!(checklist.rules.level_ratio(level).is_some(), "{at}");
                    levels += 1;
                }
                if item.penalty {
                    assert_ne!(response.status, Status::Partial, "{at}");
                    penalties += usize::from(response.status == Status::Fail);
                }
                rates += usize::from(response.rate.is_some());
                let note = &response.note;
                assert!(
                    !note.contains([',', ';', ':']),
                    "{at}: ASCII punctuation in {note:?}"
                );
                if response.status.is_problem() && !item.bonus {
                    notes += 1;
                    let fragments = fragments(&checklist.id, item);
                    assert!(
                        fragments.iter().any(|f| note.contains(f.as_str())),
                        "{at}: {note:?} says nothing of the item ({fragments:?})"
                    );
                    for (_, _, other) in ITEM_NOTES {
                        assert!(
                            !note.contains(other) || fragments.iter().any(|f| f == other),
                            "{at}: {note:?} is about another item"
                        );
                    }
                }
            }
        }
        assert!(
            counted > 0 && levels > 0 && penalties > 0 && rates > 0 && notes > 50,
            "counts {counted}, levels {levels}, penalties {penalties}, rates {rates}, notes {notes}"
        );
    }
}
