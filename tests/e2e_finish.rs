//! End to end: finishing a session with items still pending asks first (issue 16,
//! item 5), in the real binary in a pseudo-terminal, checked on screen and on disk.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

fn open(env: &Env, id: &str) -> Term {
    let data = env.data.display().to_string();
    let line = format!("'{BIN}' --data-dir '{data}' open '{id}'");
    Term::spawn(
        "sh",
        &["-c", &line],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        100,
        30,
    )
}

fn finished_on_disk(env: &Env, id: &str) -> bool {
    env.show(id)["finished"] == true
}

#[test]
fn finishing_with_pending_items_asks_and_says_how_many() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    env.mark(&id, "3.3", "pass", &[]);
    let total = env.show(&id)["total"].as_u64().expect("total");
    let pending = format!("还有 {} 项未查", total - 1);

    let mut term = open(&env, &id);
    term.wait_text("已查 1/");
    term.keys("F");
    term.wait_text(&pending);
    // n keeps the session open for editing.
    term.keys("n");
    term.wait_for("the question gone", Duration::from_secs(5), |s| {
        !s.contains(&pending)
    });
    assert!(!term.screen().contains("[只读]"));

    term.keys("F");
    term.wait_text(&pending);
    term.keys("y");
    term.wait_text("[只读]");
    term.wait_for("the finish saved", Duration::from_secs(5), |s| {
        s.contains("已保存 ")
    });
    assert!(finished_on_disk(&env, &id), "finished on disk");
    // A refused edit; then leave: home says nothing about that session.
    term.keys("1");
    term.wait_text("重新打开");
    term.keys("q");
    let home = term.wait_text("自查 zicha");
    assert!(!home.contains("重新打开"), "{home}");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}
