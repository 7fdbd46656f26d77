//! End to end: the 台账 screens in the real binary in a pseudo-terminal (docs/design.md
//! §14): the home screen's own lines, creating the unit profile with its key, the
//! deadlines screen, and marking material handed in, checked on screen and on disk.

mod common;
mod pty;

use std::time::Duration;

use common::{BIN, Env};
use pty::Term;

/// Friday 2026-11-20, the second half of November.
const NOW: &str = "2026-11-20T10:00:00+08:00";

#[test]
fn profile_offer_deadlines_and_material_handed_in_from_the_ui() {
    let env = Env::new();
    env.new_session(
        "wenming-keshi",
        "办公室",
        "2026年11月下半月自查",
        "2026-11-17",
    );
    // Due 2026-11-13, nothing handed in: late on the 20th.
    let added = env.ok([
        "activity",
        "add",
        "--title",
        "道德讲堂",
        "--date",
        "2026-11-10",
        "--department",
        "党群室",
    ]);
    let id = added.trim().to_string();
    let data = env.data.display().to_string();
    let line = format!("'{BIN}' --data-dir '{data}'");
    let vars = [("ZICHA_LANG", "zh"), ("ZICHA_NOW", NOW)];
    let mut term = Term::spawn("sh", &["-c", &line], &vars, &env.cwd, 100, 30);
    term.wait_text("还没有单位概况：按 U 用现有科室创建 unit.ron。");
    term.wait_text("逾期：活动材料 1 项，整改 0 项");

    term.keys("U");
    term.wait_text("已创建单位概况 unit.ron（1 个科室）");
    let unit = std::fs::read_to_string(env.data.join("unit.ron")).expect("unit.ron");
    assert!(unit.contains("\"办公室\""), "{unit}");
    term.wait_for("the offer is gone", Duration::from_secs(5), |s| {
        !s.contains("还没有单位概况")
    });

    term.keys("D");
    term.wait_text("本期检查：2026-11-16 至 2026-11-30");
    term.wait_text("本期各科室均已检查。");
    term.wait_text("2026-11-10 党群室");

    term.keys("a");
    term.wait_text("创建活动台账 1  已逾期 1");
    term.keys("e");
    term.wait_text("已记录电子版今日报送。");
    term.wait_text("11-20/未交");
    let file = env.data.join("activities").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&file).expect("activity file");
    assert!(text.contains("electronic: Handed("), "{text}");
    assert!(text.contains("2026-11-20"), "{text}");

    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)), "exit status");
}

#[test]
fn a_photo_pasted_as_a_quoted_path_is_attached_to_an_activity_and_removed() {
    let env = Env::new();
    let added = env.ok([
        "activity",
        "add",
        "--title",
        "道德讲堂",
        "--date",
        "2026-11-18",
        "--department",
        "党群室",
    ]);
    let id = added.trim().to_string();
    let photo = env.cwd.join("讲堂 合影.jpg");
    std::fs::write(
        &photo,
        zicha::store::attachments::taken::jpeg_with_exif_date("2026:11:18 09:30:00", None),
    )
    .unwrap();
    let data = env.data.display().to_string();
    let line = format!("'{BIN}' --data-dir '{data}'");
    let vars = [("ZICHA_LANG", "zh"), ("ZICHA_NOW", NOW)];
    let mut term = Term::spawn("sh", &["-c", &line], &vars, &env.cwd, 100, 30);
    term.wait_text("自查 zicha");
    term.keys("A");
    term.wait_text("还没有材料：按 a 附上照片、文档");
    term.keys("a");
    term.wait_text("材料：道德讲堂");
    // What a terminal pastes when a file is dropped on it: the quoted path.
    term.paste(&format!("'{}'", photo.display()));
    term.enter();
    term.wait_text("已附上 1 个文件");
    term.wait_text("附件 1 讲堂 合影.jpg 2026-11-18 09:30");
    let file = env.data.join("activities").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&file).expect("activity file");
    assert!(text.contains("file: \"讲堂 合影.jpg\""), "{text}");
    assert!(text.contains("taken: \"2026-11-18T09:30:00\""), "{text}");
    let listed = env.run(["activity", "list", "--json"]).json();
    let hash = listed[0]["attachments"][0]["sha256"].as_str().unwrap();
    let stored = env.data.join("attachments").join(format!("{hash}.jpg"));
    assert_eq!(
        std::fs::read(stored).unwrap(),
        std::fs::read(&photo).unwrap()
    );

    // Select it, Delete, and say yes: it is removed from the activity.
    term.send(b"\x1b[A");
    term.send(b"\x1b[3~");
    term.wait_text("从这条活动移除附件 讲堂 合影.jpg");
    term.keys("y");
    term.wait_text("已移除附件 讲堂 合影.jpg");
    term.wait_text("还没有材料：按 a 附上照片、文档");
    let text = std::fs::read_to_string(&file).expect("activity file");
    assert!(!text.contains("讲堂 合影.jpg"), "{text}");

    term.keys("q");
    term.wait_text("自查 zicha");
    term.keys("q");
    assert!(term.wait_exit(Duration::from_secs(10)), "exit status");
}
