//! The command line's own words: its errors, the lines `finish` and `reopen` print,
//! notes and warnings on stderr, and the labels of its progress bars.

use std::path::Path;

use uuid::Uuid;

use super::Lang;

pub struct CliTexts {
    /// Before each line of an error or warning on stderr, with its separator.
    pub error: &'static str,
    pub warning: &'static str,
    pub no_data_dir: &'static str,
    pub unknown_language: fn(&str) -> String,
    pub empty_department: &'static str,
    pub empty_round: &'static str,
    pub no_current_folder: &'static str,
    pub no_such_folder: fn(&str) -> String,
    pub needs_terminal: &'static str,
    pub finished: fn(Uuid) -> String,
    pub reopened: fn(Uuid) -> String,
    pub already_finished: fn(Uuid) -> String,
    pub already_open: fn(Uuid) -> String,
    pub newer_format: fn(u32) -> String,
    pub recheck_left_out: &'static str,
    pub session_problem: fn(Uuid, &str) -> String,
    pub demo_not_empty: fn(&Path, usize) -> String,
    /// written, departments, rounds, folder, seconds
    pub demo_written: fn(usize, usize, usize, &Path, f64) -> String,
    /// file, id, version, items, points
    pub checklist_ok: fn(&str, &str, u32, usize, &str) -> String,
    pub cannot_read: fn(&str) -> String,
    pub building_index: &'static str,
    pub reading_sessions: &'static str,
    pub exporting: &'static str,
    pub importing: &'static str,
    pub writing_demo: &'static str,
    /// code, number, file, taken: one line per attached file
    pub attached: fn(&str, usize, &str, &str) -> String,
    /// code, number, file
    pub detached: fn(&str, usize, &str) -> String,
    pub no_unreferenced: &'static str,
    /// how many stored files no session refers to (they are listed below)
    pub unreferenced: fn(usize) -> String,
    pub removed_unreferenced: fn(usize) -> String,
}

impl Lang {
    pub fn cli(self) -> &'static CliTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: CliTexts = CliTexts {
    error: "错误：",
    warning: "注意：",
    no_data_dir: "找不到数据文件夹；请用 --data-dir 指定",
    unknown_language: |text| format!("未知的语言 {text:?}；可用：zh 或 en"),
    empty_department: "--department 为空",
    empty_round: "--round 为空",
    no_current_folder: "找不到当前文件夹",
    no_such_folder: |path| format!("文件夹 {path} 不存在"),
    needs_terminal: "界面需要在终端中运行；脚本中请使用 zicha list、zicha show 等命令（见 zicha --help）",
    finished: |id| format!("{id} 已完成检查（只读）"),
    reopened: |id| format!("{id} 已重新打开"),
    already_finished: |id| format!("{id} 本来就已完成"),
    already_open: |id| format!("{id} 本来就未完成"),
    newer_format: |format| {
        format!("提示：这条记录由较新版本的 zicha 写入（format {format}），在这里只读")
    },
    recheck_left_out: "注意：待复查标记未列出",
    session_problem: |id, text| format!("检查记录 {id}：{text}"),
    demo_not_empty: |dir, count| {
        format!(
            "{} 中已有 {count} 条检查记录，示例数据会与之混在一起。请用空文件夹（--data-dir DIR），或用 --add 并换一个 --seed",
            dir.display()
        )
    },
    demo_written: |written, departments, rounds, dir, seconds| {
        format!(
            "已写入 {written} 条检查记录（{departments} 个部门 × {rounds} 轮，另有每轮一次全单位检查），位于 {}，用时 {seconds:.1} 秒",
            dir.display()
        )
    },
    checklist_ok: |file, id, version, items, points| {
        format!("{file}：正确 — {id} v{version}，{items} 个条目，{points} 分")
    },
    cannot_read: |error| format!("无法读取：{error}"),
    building_index: "正在建立索引",
    reading_sessions: "正在读取检查记录",
    exporting: "正在导出",
    importing: "正在导入",
    writing_demo: "正在生成示例数据",
    attached: |code, n, file, taken| format!("{code} 附件 {n}：{file}（拍摄时间 {taken}）"),
    detached: |code, n, file| {
        format!("{code} 已移除附件 {n}：{file}（文件仍保存在 attachments/ 中）")
    },
    no_unreferenced: "没有无人引用的附件",
    unreferenced: |count| {
        format!("{count} 个附件没有任何检查记录或活动引用（用 zicha attachments --remove 删除）：")
    },
    removed_unreferenced: |count| format!("已删除 {count} 个无人引用的附件"),
};

pub static EN: CliTexts = CliTexts {
    error: "error: ",
    warning: "warning: ",
    no_data_dir: "cannot find a data directory; pass --data-dir DIR",
    unknown_language: |text| format!("unknown language {text:?}; expected zh or en"),
    empty_department: "--department is empty",
    empty_round: "--round is empty",
    no_current_folder: "cannot find the current folder",
    no_such_folder: |path| format!("folder {path} does not exist"),
    needs_terminal: "the terminal UI needs a terminal; in scripts use commands such as `zicha list` or `zicha show` (see `zicha --help`)",
    finished: |id| format!("{id} finished"),
    reopened: |id| format!("{id} reopened"),
    already_finished: |id| format!("{id} already finished"),
    already_open: |id| format!("{id} already open"),
    newer_format: |format| {
        format!(
            "note: this session was written by a newer zicha (format {format}); it is read-only here"
        )
    },
    recheck_left_out: "warning: recheck marks left out",
    session_problem: |id, text| format!("session {id}: {text}"),
    demo_not_empty: |dir, count| {
        format!(
            "{} already holds {count} sessions; demo data would mix with them. Use an empty folder (--data-dir DIR), or --add with another --seed",
            dir.display()
        )
    },
    demo_written: |written, departments, rounds, dir, seconds| {
        format!(
            "{written} sessions ({departments} departments × {rounds} rounds, and the whole unit once a round) written to {} in {seconds:.1} s",
            dir.display()
        )
    },
    checklist_ok: |file, id, version, items, points| {
        format!("{file}: ok — {id} v{version}, {items} items, {points} points")
    },
    cannot_read: |error| format!("cannot read: {error}"),
    building_index: "Building the index",
    reading_sessions: "Reading sessions",
    exporting: "Exporting",
    importing: "Importing",
    writing_demo: "Writing sample data",
    attached: |code, n, file, taken| format!("{code} attachment {n}: {file} (taken {taken})"),
    detached: |code, n, file| {
        format!("{code}: attachment {n} removed: {file} (the file stays in attachments/)")
    },
    no_unreferenced: "no unreferenced attachments",
    unreferenced: |count| {
        format!(
            "{count} attachments no session or activity refers to (remove them with `zicha attachments --remove`):"
        )
    },
    removed_unreferenced: |count| format!("{count} unreferenced attachments removed"),
};
