//! `zicha list` and the home screen over 10,000 sessions (50 departments × 200
//! rounds), with the index warm and cold. The data folder is generated once per run.
//!
//! `activities_2000`: `activity list` and `deadlines` over 2,000 activity files,
//! which are read on demand (they are not in `index.ron`), beside 480 sessions.
//! `cargo bench --bench list -- activities` runs only these, without generating the
//! 10,000 sessions.

mod common;

use std::sync::Arc;
use std::sync::mpsc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use zicha::export::activities::activities_text;
use zicha::export::text::session_list;
use zicha::i18n::Lang;
use zicha::model::activity::{Activity, ActivityFields, Copy};
use zicha::model::attachment::{Attachment, AttachmentKind};
use zicha::model::head::SessionHead;
use zicha::ops;
use zicha::progress::Silent;
use zicha::store::activities::encode_activity;
use zicha::store::{Store, session_file};
use zicha::tui::action::Action;
use zicha::tui::app::App;
use zicha::tui::runner::Runner;
use zicha::tui::theme::Theme;
use zicha::tui::update::update;
use zicha::tui::views::draw;

/// What `zicha list` computes: every session's head, newest first, as the table.
fn list_text(store: &Store) -> String {
    let overview = store.overview().expect("overview");
    let mut rows: Vec<&SessionHead> = overview.sessions.iter().collect();
    rows.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.round.cmp(&b.round))
            .then_with(|| a.department.cmp(&b.department))
            .then_with(|| a.id.cmp(&b.id))
    });
    session_list(&rows, Lang::Zh)
}

fn read_and_parse_all(store: &Store) -> usize {
    let files = store.scan().expect("scan").sessions;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|file| std::fs::read(&file.path).ok())
                        .filter(|bytes| session_file::decode(bytes, "bench").is_ok())
                        .count()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    })
}

fn home_first_frame(runner: &Runner) -> Terminal<TestBackend> {
    let mut app = App::new(Lang::Zh, Theme::plain(), Default::default(), common::now());
    app.size = (200, 50);
    update(&mut app, Action::HomeLoaded(Box::new(runner.home_data())));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    terminal.draw(|frame| draw(frame, &app)).expect("draw");
    terminal
}

/// Whether any of these benchmark ids is wanted by the filter given to `cargo bench
/// -- FILTER` (a part of the id, as criterion matches it), so that `-- activities`
/// does not generate 10,000 sessions it will not measure.
fn wanted(ids: &[&str]) -> bool {
    // Criterion's options that take a value as the next argument.
    const VALUED: [&str; 14] = [
        "--save-baseline",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--profile-time",
        "--output-format",
        "--color",
    ];
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if VALUED.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    filters.is_empty()
        || filters
            .iter()
            .any(|f| ids.iter().any(|id| id.contains(f.as_str())))
}

fn benches(c: &mut Criterion) {
    let ids = [
        "list_10000/cold",
        "list_10000/read_and_parse_floor",
        "list_10000/warm",
        "home_10000/load_and_first_frame_200x50",
        "home_10000/frame_200x50",
    ];
    if !wanted(&ids) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(common::demo_store(dir.path(), 50, 200));
    let index = store.index_path();

    let mut group = c.benchmark_group("list_10000");
    group.sample_size(10);
    group.bench_function("cold", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&index);
            },
            |()| list_text(&store),
            BatchSize::PerIteration,
        )
    });
    // The floor under a cold list: read and parse every session file, on as many
    // threads as the cold list uses, without scoring or writing anything.
    group.bench_function("read_and_parse_floor", |b| {
        b.iter(|| read_and_parse_all(&store))
    });
    list_text(&store);
    group.sample_size(30);
    group.bench_function("warm", |b| b.iter(|| list_text(&store)));
    group.finish();

    let (events, _receiver) = mpsc::channel();
    let runner = Runner::new(store.clone(), Lang::Zh, events);
    let mut group = c.benchmark_group("home_10000");
    group.sample_size(20);
    group.bench_function("load_and_first_frame_200x50", |b| {
        b.iter(|| home_first_frame(&runner))
    });
    let mut app = App::new(Lang::Zh, Theme::plain(), Default::default(), common::now());
    app.size = (200, 50);
    update(&mut app, Action::HomeLoaded(Box::new(runner.home_data())));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    group.bench_function("frame_200x50", |b| {
        b.iter(|| terminal.draw(|frame| draw(frame, &app)).map(|_| ()))
    });
    group.finish();
}

/// 2,000 activities over two years of 40 departments, a quarter with material
/// still missing, every tenth with two attached photos; written as the store writes
/// them (no fsync: only reading is measured).
fn write_activities(store: &Store, count: usize) {
    let dir = store.activities_dir();
    std::fs::create_dir_all(&dir).expect("activities folder");
    let first = common::until() - chrono::Days::new(730);
    for n in 0..count {
        let date = first + chrono::Days::new((n * 730 / count) as u64);
        let fields = ActivityFields {
            title: format!("道德讲堂：孝老爱亲第{n}期"),
            date: Some(date),
            department: format!("第{}科室", n % 40),
            kind: "道德讲堂".into(),
            participants: Some(30 + (n % 20) as u32),
            note: "邀请社区道德模范讲述身边故事，干部职工参加。".into(),
            evidence: vec!["签到表".into()],
        };
        let id = uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n as u128);
        let mut activity = Activity::new(id, fields, "王敏", common::now()).expect("activity");
        if n % 4 != 0 {
            let handed = date + chrono::Days::new(2);
            let _ = activity.hand_in(Copy::Electronic, handed, common::now());
            let _ = activity.hand_in(Copy::Paper, handed, common::now());
        }
        if n % 10 == 0 {
            activity.attach((0..2).map(|k| Attachment {
                file: format!("IMG_{n:04}_{k}.jpg"),
                sha256: format!("{:064x}", n * 2 + k),
                size: 3_200_000,
                kind: AttachmentKind::Jpeg,
                taken: format!("{date}T15:20:00+08:00"),
                caption: "活动现场".into(),
            }));
        }
        std::fs::write(store.activity_path(id), encode_activity(&activity)).expect("write");
    }
}

fn activities(c: &mut Criterion) {
    if !wanted(&["activities_2000/activity_list", "activities_2000/deadlines"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = common::demo_store(dir.path(), 20, 24);
    write_activities(&store, 2000);
    store.overview().expect("index");
    let today = common::until();
    let mut group = c.benchmark_group("activities_2000");
    group.sample_size(20);
    group.bench_function("activity_list", |b| {
        b.iter(|| {
            let list = ops::activity::list(&store, None, false, today).expect("list");
            activities_text(&list.rows, Lang::Zh)
        })
    });
    group.bench_function("deadlines", |b| {
        b.iter(|| ops::deadlines::deadlines(&store, None, today, &Silent).expect("deadlines"))
    });
    group.finish();
}

criterion_group!(list, benches, activities);
criterion_main!(list);
