//! A round export of 50 departments to each format (`export::render`), collected
//! once from a demo data folder.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

use zicha::export::{Format, Options, Selection, collect, render};

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = common::demo_store(dir.path(), 50, 4);
    let label = zicha::model::demo::rounds(4, common::until())
        .pop()
        .map(|round| round.label)
        .expect("a round");
    let report = collect(&store, &Selection::Round(label), &zicha::progress::Silent)
        .expect("collect the round");
    assert_eq!(report.sessions.len(), 50);
    let options = Options::new(common::until());
    let mut group = c.benchmark_group("round_export_50_departments");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.extension(), |b| {
            b.iter(|| render(&report, format, &options).expect("render"))
        });
    }
    group.finish();
}

criterion_group!(export, benches);
criterion_main!(export);
