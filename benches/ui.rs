//! The walk screen over a 500-item checklist at 200×50: one frame, and one keypress
//! through the pure `update` (which never touches the disk).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use zicha::i18n::Lang;
use zicha::model::session::Status;
use zicha::store::LoadedSession;
use zicha::tui::action::{Action, OpenedSession};
use zicha::tui::app::{App, PriorView};
use zicha::tui::keymap::Command;
use zicha::tui::theme::Theme;
use zicha::tui::update::update;
use zicha::tui::views::draw;

fn walking() -> App {
    let checklist = common::big_checklist();
    let session = common::filled_session(&checklist, 7, common::until());
    let mut app = App::new(Lang::Zh, Theme::plain(), Default::default(), common::now());
    app.size = (200, 50);
    let opened = OpenedSession {
        loaded: LoadedSession {
            session,
            on_disk: None,
            read_only: None,
        },
        checklist,
        prior: PriorView::default(),
        later_rechecks: Default::default(),
        read_only: None,
        recheck_first: false,
        select: None,
    };
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    // Somewhere in the middle of the list, so scrolling and subtotals are exercised.
    for _ in 0..250 {
        update(&mut app, Action::Command(Command::Down));
    }
    app
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("walk_500_items");
    let app = walking();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    group.bench_function("frame_200x50", |b| {
        b.iter(|| terminal.draw(|frame| draw(frame, &app)).map(|_| ()))
    });
    let mut app = walking();
    group.bench_function("key_down_update", |b| {
        b.iter(|| {
            update(&mut app, Action::Command(Command::Down));
            update(&mut app, Action::Command(Command::Up))
        })
    });
    let mut app = walking();
    let mut pass = true;
    group.bench_function("key_status_update", |b| {
        b.iter(|| {
            pass = !pass;
            let status = if pass { Status::Pass } else { Status::Fail };
            update(&mut app, Action::Command(Command::SetStatus(status)))
        })
    });
    let mut app = walking();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    group.bench_function("key_status_update_and_frame", |b| {
        b.iter(|| {
            pass = !pass;
            let status = if pass { Status::Pass } else { Status::Fail };
            update(&mut app, Action::Command(Command::SetStatus(status)));
            terminal.draw(|frame| draw(frame, &app)).map(|_| ())
        })
    });
    group.finish();
}

criterion_group!(ui, benches);
criterion_main!(ui);
