//! End to end: the real binary in a pseudo-terminal, checked on screen and on disk.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

/// Starts `zicha` (with `args`) on the env's data dir in a terminal; `stty -a` runs
/// after it exits and its output lands in `<root>/stty-after.txt`.
fn start(env: &Env, args: &[&str], cols: u16, rows: u16) -> Term {
    start_with(env, args, &[], cols, rows)
}

/// [`start`] with more environment variables.
fn start_with(env: &Env, args: &[&str], vars: &[(&str, &str)], cols: u16, rows: u16) -> Term {
    let data = env.data.display().to_string();
    let stty = env.root.path().join("stty-after.txt");
    let mut line = format!("'{BIN}' --data-dir '{data}'");
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    line.push_str(&format!(
        "; status=$?; stty -a > '{}'; exit $status",
        stty.display()
    ));
    let mut all = vec![("ZICHA_LANG", "zh")];
    all.extend_from_slice(vars);
    Term::spawn("sh", &["-c", &line], &all, &env.cwd, cols, rows)
}

fn stty_after(env: &Env) -> String {
    std::fs::read_to_string(env.root.path().join("stty-after.txt")).unwrap_or_default()
}

/// The terminal is back in cooked mode: canonical input and echo on.
fn assert_cooked(stty: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(words.contains(&"icanon"), "icanon off after exit:\n{stty}");
    assert!(words.contains(&"echo"), "echo off after exit:\n{stty}");
}

fn session_text(env: &Env, id: &str) -> String {
    std::fs::read_to_string(env.session_path(id)).expect("session file")
}

#[test]
fn walk_search_mark_note_paste_autosave_resize_and_quit() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], 100, 30);
    term.wait_text("文明单位创建自查表");
    term.wait_text("已查 0/");

    // Search for an item code and mark it 未达标.
    term.keys("/");
    term.keys("3.3");
    term.wait_text("(1/1)");
    term.enter();
    term.keys("3");
    term.wait_for("3.3 marked", Duration::from_secs(5), |s| {
        s.contains("[!] 3.3")
    });

    // A Chinese note typed as keystrokes (as an input method delivers it), Enter is a newline.
    term.enter();
    term.wait_text("Esc完成");
    term.keys("窗户有灰尘");
    term.enter();
    term.keys("需要清洁");
    term.escape();
    term.wait_for("editor closed", Duration::from_secs(5), |s| {
        !s.contains("Esc完成")
    });

    // A multi-line bracketed paste into the note of the next item.
    term.keys("j");
    term.enter();
    term.wait_text("Esc完成");
    term.paste("第一行粘贴\n第二行粘贴");
    term.wait_text("第二行粘贴");
    term.escape();

    // Autosave lands within about a second of the last edit.
    term.wait_for("saved", Duration::from_secs(5), |s| s.contains("已保存 "));
    let text = session_text(&env, &id);
    assert!(
        text.contains("\"3.3\": Response(\n            status: fail,"),
        "{text}"
    );
    assert!(text.contains("窗户有灰尘\\n需要清洁"), "{text}");
    assert!(text.contains("第一行粘贴\\n第二行粘贴"), "{text}");

    // Too small, then back.
    term.resize(20, 5);
    term.wait_text("窗口太小");
    term.resize(100, 30);
    term.wait_text("已查 1/");

    // q leaves the walk, q again quits.
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)), "exit status");
    assert_cooked(&stty_after(&env));
    assert!(
        !env.sessions_dir().join(format!("{id}.lock")).exists(),
        "the lock is released"
    );
}

#[test]
fn a_new_session_from_the_home_form_opens_the_walk() {
    let env = Env::new();
    let mut term = start(&env, &[], 80, 24);
    // The home data arrives from the worker; the empty-round line shows once it has.
    term.wait_text("按 n 新建检查记录");
    term.keys("n");
    term.wait_text("新建检查记录");
    term.keys("党群室");
    term.send(b"\t");
    // Ctrl-u clears the round suggested for the half-month.
    term.send(b"\x15");
    term.keys("2026年11月自查");
    term.enter();
    term.wait_text("党群室 / 2026年11月自查");
    term.keys("1");
    term.wait_text("已查 1/");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
    let listing = env.ok(["list", "--json"]);
    assert!(listing.contains("\"department\": \"党群室\""), "{listing}");
    assert!(listing.contains("\"checked\": 1"), "{listing}");
    assert!(
        std::fs::read_to_string(env.data.join("settings.ron"))
            .unwrap()
            .contains("2026年11月自查")
    );
}

#[test]
fn a_second_instance_opens_read_only() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-20");
    let first = start(&env, &["open", &id], 100, 30);
    first.wait_text("已查 0/");
    let second = start(&env, &["open", &id], 100, 30);
    second.wait_text("只读");
    second.keys("1");
    second.wait_text("只读");
    // The CLI is refused too, naming the holder.
    let refused = env.fails(["mark", &id, "1.1", "pass"], 1);
    assert!(refused.contains("in use by process"), "{refused}");
    drop(second);
    drop(first);
}

#[test]
fn compare_opens_from_the_walk_and_returns() {
    let env = Env::new();
    let prior = env.new_session("wenming-danwei", "办公室", "2026年10月自查", "2026-10-15");
    // 3.3 and 3.5 are judged per 科室 (1.x belong to the unit session).
    env.mark(&prior, "3.3", "pass", &[]);
    env.mark(&prior, "3.5", "pass", &[]);
    let current = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    env.mark(&current, "3.3", "fail", &["--note", "窗台有积灰"]);
    let mut term = start(&env, &["open", &current], 100, 30);
    term.wait_text("已查 1/");
    term.keys("c");
    let screen = term.wait_text("上轮 -> 本轮");
    assert!(screen.contains("2026年10月自查 2026-10-15"), "{screen}");
    assert!(screen.contains("退步 1"), "{screen}");
    let first_row = screen
        .lines()
        .find(|l| l.contains("3.3"))
        .unwrap_or_default();
    assert!(
        first_row.contains("退步") && first_row.contains("达标 -> 未达标"),
        "{screen}"
    );
    term.keys("f");
    term.wait_text("[只看变化]");
    term.escape();
    term.wait_text("已查 1/");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

/// Exports the open session as md from the dialog; the text of the one file written.
fn export_md(env: &Env, term: &mut Term) -> String {
    term.keys("e");
    term.wait_text("导出");
    // docx, the package, then md.
    term.send(b"\x1b[B");
    term.wait_text("< package ");
    term.send(b"\x1b[B");
    term.wait_text("< md ");
    term.enter();
    let screen = term.wait_text("已导出");
    let written: Vec<_> = std::fs::read_dir(&env.cwd)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}\n{screen}");
    std::fs::read_to_string(&written[0]).unwrap()
}

#[test]
fn export_from_the_ui_writes_the_file_and_says_where() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], 100, 30);
    term.wait_text("已查 0/");
    term.keys("1");
    let text = export_md(&env, &mut term);
    assert!(
        text.contains("党群室") && text.contains("达标"),
        "the unsaved mark is exported:\n{text}"
    );
    // A second export, on the format used last, asks before replacing.
    term.keys("e");
    term.wait_text("< md ");
    term.enter();
    term.wait_text("要替换吗");
    term.keys("n");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn the_export_dialog_makes_a_typed_folder_remembers_and_replaces_only_on_y() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    let mut term = start(&env, &["open", &id], 80, 24);
    term.wait_text("已查 0/");
    term.keys("1");
    // md (past the package), then to 位置 and a folder name without an extension after the current folder.
    term.keys("e");
    term.wait_text("导出");
    term.send(b"\x1b[C\x1b[C");
    term.wait_text("< md ");
    term.send(b"\t\t");
    term.keys("/季度报告");
    term.wait_text("季度报告");
    term.enter();
    term.wait_text("已导出");
    let folder = env.cwd.join("季度报告");
    assert!(folder.is_dir(), "the folder was made");
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = files[0].clone();
    assert!(
        file.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("党群室_2026-11-20.md"),
        "{file:?}"
    );
    let first = std::fs::read_to_string(&file).unwrap();

    // The dialog opens on md and the folder again; it asks, and Enter keeps the file.
    term.keys("j");
    term.keys("1");
    term.keys("e");
    term.wait_text("< md ");
    term.wait_text("季度报告");
    term.enter();
    term.wait_text("要替换吗");
    term.enter();
    term.wait_for("question closed", Duration::from_secs(5), |s| {
        !s.contains("要替换吗")
    });
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        first,
        "Enter kept it"
    );

    // y replaces.
    term.keys("e");
    term.wait_text("< md ");
    term.wait_text("季度报告");
    term.enter();
    term.wait_text("要替换吗");
    term.keys("y");
    term.wait_text("已导出");
    assert_ne!(
        std::fs::read_to_string(&file).unwrap(),
        first,
        "y replaced it"
    );
    let settings = std::fs::read_to_string(env.data.join("settings.ron")).unwrap();
    assert!(settings.contains("export_format: \"md\""), "{settings}");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn on_first_run_the_new_session_form_suggests_the_half_month_round() {
    let env = Env::new();
    let now = [("ZICHA_NOW", "2026-11-20T09:00:00+08:00")];
    let mut term = start_with(&env, &[], &now, 80, 24);
    term.wait_text("按 n 新建检查记录");
    term.keys("n");
    // The round field holds the half-month of the day (ZICHA_NOW), nothing typed.
    let screen = term.wait_text("2026年11月下半月自查");
    assert!(screen.contains("轮次"), "{screen}");
    term.keys("办公室");
    term.enter();
    term.wait_text("办公室 / 2026年11月下半月自查");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn the_export_dialog_writes_the_evaluation_material_package() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    env.mark(&id, "1.1", "pass", &["--note", "制度上墙，记录齐全"]);
    let mut term = start(&env, &["open", &id], 100, 30);
    term.wait_text("已查 1/");
    term.keys("e");
    term.wait_text("导出");
    term.send(b"\x1b[B");
    term.wait_text("测评材料包");
    term.enter();
    term.wait_text("已导出");
    let folder = env.cwd.join("2026年11月自查_党群室_2026-11-20_测评材料");
    assert!(folder.join("目录.xlsx").is_file(), "{folder:?}");
    let forms: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.path().join("测评材料提交表.docx"))
        .collect();
    assert_eq!(forms.len(), 1, "one item has a note: {forms:?}");
    assert!(forms[0].is_file());
    // Again (the dialog remembers the package): the folder exists, so it asks
    // before merging into it.
    term.keys("e");
    term.wait_text("导出");
    term.wait_text("测评材料包");
    term.enter();
    term.wait_text("要替换吗");
    term.keys("n");
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn b_on_the_home_screen_ranks_the_round_with_band_words() {
    let env = Env::new();
    let office = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-20");
    let party = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    // 党群室 fails an item with a rectification (an open fix); 办公室 passes one.
    env.mark(&office, "1.1", "pass", &[]);
    env.mark(
        &party,
        "1.1",
        "fail",
        &["--owner", "张三", "--due", "2026-12-01"],
    );
    let mut term = start(&env, &[], 100, 30);
    term.wait_text("检查记录 2");
    term.keys("b");
    let screen = term.wait_text("名次");
    let row = |department: &str| {
        screen
            .lines()
            .find(|line| line.contains(department) && !line.contains("名次"))
            .unwrap_or_default()
            .to_string()
    };
    // Both are still being inspected (检查中); with items pending, percents are low:
    // both red, 办公室 (4 of the maximum) ranked above 党群室 (0).
    assert!(
        row("办公室").contains('1') && row("办公室").contains("红灯"),
        "{screen}"
    );
    assert!(row("党群室").contains("红灯"), "{screen}");
    let office_at = screen.find("办公室").unwrap();
    let party_at = screen.find("党群室").unwrap();
    assert!(office_at < party_at, "ranked order:\n{screen}");
    term.keys("b");
    term.wait_text("判定");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn a_ui_export_names_the_unit_from_zicha_unit() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "党群室", "2026年11月自查", "2026-11-20");
    let unit = [("ZICHA_UNIT", "某某市城市管理局")];
    let mut term = start_with(&env, &["open", &id], &unit, 100, 30);
    term.wait_text("已查 0/");
    let text = export_md(&env, &mut term);
    assert!(
        text.contains("某某市城市管理局"),
        "the UI's export names the unit as the CLI's does:\n{text}"
    );
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}

#[test]
fn without_a_terminal_the_ui_says_what_to_use_instead() {
    let env = Env::new();
    let stderr = env.fails(Vec::<&str>::new(), 1);
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("zicha list"),
        "{stderr}"
    );
    let chinese = env.fails(["--lang", "zh"], 1);
    assert!(
        chinese.starts_with("错误：") && chinese.contains("需要在终端中运行"),
        "{chinese}"
    );
}

#[test]
fn a_dragged_photo_pasted_as_a_quoted_path_is_attached_and_saved() {
    let env = Env::new();
    let id = env.new_session("wenming-danwei", "办公室", "2026年11月自查", "2026-11-20");
    let photo = env.cwd.join("门厅 宣传栏.jpg");
    std::fs::write(
        &photo,
        zicha::store::attachments::taken::jpeg_with_exif_date("2026:11:18 09:30:00", None),
    )
    .unwrap();
    let mut term = start(&env, &["open", &id], 100, 30);
    term.wait_text("已查 0/");
    term.keys("/");
    term.keys("3.3");
    term.wait_text("(1/1)");
    term.enter();
    term.keys("a");
    term.wait_text("佐证 3.3");
    // What a terminal pastes when a file is dropped on it: the quoted path.
    term.paste(&format!("'{}'", photo.display()));
    term.enter();
    term.wait_text("已附上 1 个文件");
    term.escape();
    term.wait_text("2026-11-18 09:30 门厅 宣传栏.jpg");
    term.wait_for("saved", Duration::from_secs(5), |s| s.contains("已保存 "));
    let detail = env.show(&id);
    let attached = &common::item(&detail, "3.3")["attachments"][0];
    assert_eq!(attached["file"], "门厅 宣传栏.jpg");
    assert_eq!(attached["taken"], "2026-11-18T09:30:00");
    let stored = env
        .data
        .join("attachments")
        .join(format!("{}.jpg", attached["sha256"].as_str().unwrap()));
    assert_eq!(
        std::fs::read(stored).unwrap(),
        std::fs::read(&photo).unwrap()
    );
    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)));
}
