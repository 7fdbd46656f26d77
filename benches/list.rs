//! `zicha list` and the home screen over 10,000 sessions (50 departments × 200
//! rounds), with the index warm and cold. The data folder is generated once per run.

mod common;

use std::sync::Arc;
use std::sync::mpsc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use zicha::export::text::session_list;
use zicha::i18n::Lang;
use zicha::model::head::SessionHead;
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

fn benches(c: &mut Criterion) {
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

criterion_group!(list, benches);
criterion_main!(list);
