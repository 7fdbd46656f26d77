//! Pure model work at scale: compare two 500-item sessions, a department's history
//! over 200 rounds, and autosave of a 500-item session (with fsync).

mod common;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};

use zicha::model::compare::{Inspection, compare};
use zicha::model::demo::{DemoChecklist, DemoPlan, department_series, rounds};
use zicha::model::head::SessionHead;
use zicha::model::session::{ChecklistRef, Response, Status};
use zicha::store::{LoadedSession, Store};

fn benches(c: &mut Criterion) {
    let checklist = common::big_checklist();
    let prior = common::filled_session(&checklist, 1, common::until() - Duration::days(15));
    let current = common::filled_session(&checklist, 2, common::until());
    c.bench_function("compare_500_items", |b| {
        b.iter(|| {
            compare(
                Inspection::new(&prior, &checklist),
                Inspection::new(&current, &checklist),
            )
        })
    });

    let reference = ChecklistRef {
        id: checklist.id.clone(),
        version: checklist.version,
        hash: "0123456789abcdef".into(),
    };
    let plan = DemoPlan {
        departments: 1,
        rounds: 200,
        seed: 1,
        until: common::until(),
    };
    let with = DemoChecklist {
        reference: &reference,
        checklist: &checklist,
    };
    let series = department_series(&plan, 0, "办公室", with, &rounds(200, plan.until));
    // A department's history as a cold index builds it: a head per session, then its point.
    c.bench_function("history_200_rounds_500_items", |b| {
        b.iter(|| {
            series
                .iter()
                .map(|session| SessionHead::new(session, &checklist).history_point(&checklist))
                .collect::<Vec<_>>()
        })
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut loaded = LoadedSession {
        session: current.clone(),
        on_disk: None,
        read_only: None,
    };
    store.save(&mut loaded).expect("first save");
    let mut pass = true;
    c.bench_function("autosave_500_items_fsync", |b| {
        b.iter(|| {
            pass = !pass;
            let status = if pass { Status::Pass } else { Status::Fail };
            let response = Response {
                status,
                note: "复查".into(),
                ..Response::default()
            };
            loaded
                .session
                .set_response("13.7", response, "王敏", common::now());
            store.save(&mut loaded)
        })
    });
}

criterion_group!(model, benches);
criterion_main!(model);
