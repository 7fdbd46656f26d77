//! End to end, in a pseudo-terminal: a unit session made from the home form, a
//! per-occurrence deduction counted in the deductions menu, and a surveyed rate
//! entered for a rate item; checked on screen and through `show --json`.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env, assert_num, item};
use pty::Term;

fn start(env: &Env, cols: u16, rows: u16) -> Term {
    let line = format!("'{BIN}' --data-dir '{}'", env.data.display());
    Term::spawn(
        "sh",
        &["-c", &line],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        cols,
        rows,
    )
}

#[test]
fn a_unit_session_with_a_count_and_a_rate() {
    let env = Env::new();
    let mut term = start(&env, 80, 24);
    term.wait_text("按 n 新建检查记录");
    term.keys("n");
    term.wait_text("新建检查记录");
    // From the department field back to the scope, and over to a unit session.
    term.send(b"\x1b[Z");
    term.send(b"\x1b[B");
    term.wait_text("< 全单位检查 >");
    term.send(b"\t");
    term.send(b"\t");
    term.keys("2026年11月自查");
    term.enter();
    term.wait_text("全局 / 2026年11月自查");
    term.wait_text("已查 0/78");

    // 3.3 窗明几净: the first deduction counts 处; typed 3 times.
    term.keys("/");
    term.keys("3.3");
    term.wait_text("(1/1)");
    term.enter();
    term.keys("x");
    term.wait_text("空格勾选");
    term.keys("3");
    let screen = term.wait_text("x3 处 -1.5");
    assert!(
        screen.contains("[x] 每发现一处门窗玻璃污渍明显"),
        "{screen}"
    );
    term.escape();

    // 2.3 群众满意: asked 50, 43 satisfied.
    term.keys("/");
    term.keys("2.3");
    // 2.3 comes first of the codes that hold it (5.2.3 …).
    term.wait_text("2.3 服务质量群众满意");
    term.enter();
    term.keys("l");
    term.wait_text("调查人数");
    term.keys("43");
    term.send(b"\t");
    term.keys("50");
    term.enter();
    term.wait_text("43/50 (86%) 基本达标");
    term.wait_for("saved", Duration::from_secs(5), |s| s.contains("已保存 "));
    term.keys("q");
    term.wait_text("自查 zicha");
    // Deducted 1.5 + 1 = 2.5, 扣2分以上: the home list says so in full.
    term.wait_text("取消评优资格");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));

    let listed: serde_json::Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let id = listed[0]["id"].as_str().expect("id").to_string();
    let d = env.show(&id);
    assert_eq!(d["scope"], "unit");
    assert_eq!(d["department"], "全局");
    let counted = item(&d, "3.3");
    assert_eq!(counted["deductions"][0]["count"], 3);
    // 2 − 0.5 × 3 = 0.5.
    assert_num(&counted["score"], 0.5, "3.3");
    let rated = item(&d, "2.3");
    assert_eq!(rated["rate"]["numerator"], 43);
    assert_eq!(rated["status"], "partial");
    // 86 % is in the 80 band: 3 − 1 = 2.
    assert_num(&rated["score"], 2.0, "2.3");
}
