//! End to end: the rectification ledger in a pseudo-terminal. A finished session's
//! rectification is reported done and re-checked from the ledger with Chinese notes,
//! which land in the session file while its record stays as finished; Enter opens
//! the item and `q` comes back to the ledger; 责任分解 opens from it.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

fn start(env: &Env, cols: u16, rows: u16) -> Term {
    let data = env.data.display().to_string();
    let line = format!("'{BIN}' --data-dir '{data}'");
    Term::spawn(
        "sh",
        &["-c", &line],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        cols,
        rows,
    )
}

fn session_text(env: &Env, id: &str) -> String {
    std::fs::read_to_string(env.session_path(id)).expect("session file")
}

#[test]
fn a_finished_sessions_rectification_is_done_and_rechecked_from_the_ledger() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年10月自查", "2026-10-15");
    env.mark(
        &id,
        "2.2",
        "fail",
        &[
            "--owner-department",
            "办公室",
            "--owner",
            "李明",
            "--measure",
            "补制年度学习计划",
            "--due",
            "2026-11-30",
        ],
    );
    env.ok(["finish", &id]);
    let before = env.show(&id);

    let mut term = start(&env, 100, 30);
    term.wait_text("自查 zicha");
    term.keys("t");
    let screen = term.wait_text("未完成轮数");
    assert!(
        screen.contains("李明") && screen.contains("2026-11-30"),
        "{screen}"
    );

    // 整改落实 with a Chinese note, typed as an input method delivers it.
    term.keys("d");
    term.wait_text("落实情况");
    term.keys("已补齐学习计划");
    term.enter();
    term.wait_for("reported done", Duration::from_secs(10), |s| {
        s.contains("待复查") && !s.contains("落实情况  已补齐")
    });
    let text = session_text(&env, &id);
    assert!(text.contains("note: \"已补齐学习计划\""), "{text}");

    // Enter opens the item; q comes back to the ledger.
    term.enter();
    term.wait_text("已查 1/");
    term.keys("q");
    term.wait_text("未完成轮数");

    // 复查通过 closes it: it leaves the open list.
    term.keys("p");
    term.wait_text("复查意见");
    term.keys("复查合格,已销号");
    term.enter();
    term.wait_text("没有未完成的整改");
    let text = session_text(&env, &id);
    assert!(
        text.contains("result: pass") && text.contains("复查合格,已销号"),
        "{text}"
    );

    // Closed entries show who closed them, when and how.
    term.keys("a");
    let screen = term.wait_for("the closed entry", Duration::from_secs(10), |s| {
        s.contains("[全部]")
            && s.lines()
                .any(|l| l.contains("办公室") && l.contains("已销号"))
    });
    assert!(
        screen.contains("[全部]") && screen.contains("人工复查"),
        "{screen}"
    );

    // The inspection record is as it was finished.
    let after = env.show(&id);
    for key in ["score", "deducted", "checked", "finished", "verdict"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    assert_eq!(common::item(&after, "2.2")["status"], "fail");

    term.keys("D");
    term.wait_text("责任分解");
    term.keys("q");
    term.wait_text("整改台账");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}
