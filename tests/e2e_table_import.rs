//! End to end: importing an office's table from the home screen of the real binary
//! in a pseudo-terminal — the report on screen, the checklist on disk, and the
//! new-session picker offering it with its version.

mod common;
mod pty;
mod tables;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

#[test]
fn a_table_imported_from_the_home_screen_is_reported_saved_and_offered() {
    let env = Env::new();
    tables::city_xlsx(&env.cwd.join("细则.xlsx"));
    let data = env.data.display().to_string();
    let mut term = Term::spawn(
        BIN,
        &["--data-dir", &data],
        &[("ZICHA_LANG", "zh")],
        &env.cwd,
        100,
        30,
    );
    term.wait_text("自查 zicha");
    term.keys("i");
    term.wait_text("导入测评表");
    // The prompt starts in the current folder: the file name is enough.
    term.keys("细则.xlsx");
    term.enter();
    term.wait_text("导入报告");
    // The whole report, drawn (a frame may be caught half written).
    term.wait_for("the report", Duration::from_secs(10), |s| {
        s.contains("第6行  未读取：分值「若干」不是数字")
            && s.contains("第8行  条目 3.1 发生重大安全责任事故（一票否决）")
    });
    let saved = env.data.join("checklists").join("xize.ron");
    let text = std::fs::read_to_string(&saved).expect("checklist saved");
    assert!(
        text.contains("(\"每缺一次集中学习\", 0.5, \"次\")"),
        "{text}"
    );

    term.escape();
    term.wait_for("report closed", Duration::from_secs(5), |s| {
        !s.contains("导入报告")
    });
    term.keys("n");
    term.wait_text("新建检查记录");
    // Tab back past the scope to the checklist field and step through the offers.
    term.send(b"\x1b[Z");
    term.send(b"\x1b[Z");
    let offered = "XX市文明单位测评细则（满分100分） v1 用户";
    let mut seen = term.screen();
    for _ in 0..10 {
        if seen.contains(offered) {
            break;
        }
        term.send(b"\x1b[B");
        std::thread::sleep(Duration::from_millis(300));
        seen = term.screen();
    }
    assert!(seen.contains(offered), "{seen}");
    term.escape();
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)), "zicha quits");
}
