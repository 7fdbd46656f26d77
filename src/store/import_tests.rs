//! Import streams its sources, so it learns how many sessions come as it goes: the
//! progress total grows source by source and ends equal to what was handed on.

use chrono::NaiveDate;

use super::*;
use crate::model::demo::DemoPlan;
use crate::store::demo::write_demo;

/// Every report, in order.
#[derive(Default)]
struct Reports(std::sync::Mutex<Vec<(usize, usize)>>);

impl Progress for Reports {
    fn report(&self, done: usize, total: usize) {
        if let Ok(mut reports) = self.0.lock() {
            reports.push((done, total));
        }
    }
}

#[test]
fn import_counts_sessions_as_each_source_announces_them() {
    let dir = tempfile::tempdir().unwrap();
    let there = dir.path().join("there");
    let plan = DemoPlan {
        departments: 2,
        rounds: 2,
        seed: 5,
        until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
    };
    let written = write_demo(&Store::open(&there).unwrap(), &plan).unwrap();
    assert!(
        written >= 4,
        "two departments in two rounds, and unit sessions"
    );
    let one_file = dir.path().join("one.ron");
    let first = Store::open(&there).unwrap().scan().unwrap().sessions[0]
        .path
        .clone();
    std::fs::copy(first, &one_file).unwrap();
    let here = Store::open(&dir.path().join("here")).unwrap();
    let reports = Reports::default();
    let now = crate::clock::now();
    let report = here
        .import(&[there, one_file], ImportOptions::default(), now, &reports)
        .unwrap();
    assert_eq!(report.count("added"), written);
    assert_eq!(report.count("unchanged"), 1);
    let reports = reports.0.into_inner().unwrap();
    assert_eq!(
        reports.first(),
        Some(&(0, written)),
        "the folder's sessions, before any"
    );
    assert_eq!(
        reports.last(),
        Some(&(written + 1, written + 1)),
        "then the single file's 1"
    );
    assert!(
        reports
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1),
        "{reports:?}"
    );
    assert!(
        reports.iter().all(|(done, total)| done <= total),
        "{reports:?}"
    );
}
