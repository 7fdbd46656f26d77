//! Snapshots of importing a table from the home screen: the path prompt, the report
//! (the same lines the CLI prints, from a real import of a city table) at 80x24 and
//! at a narrow 40x15, and the checklist picker naming where each checklist comes from.

use super::super::action::Action;
use super::super::app::{App, ChecklistChoice, ChecklistOrigin, HomeData};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{home_app, render};
use crate::export::table_import_text::{ReportLine, import_report};
use crate::i18n::Lang;
use crate::model::table_import::{ImportOptions, Table, import_tables, revise};
use crate::ops::table_import::TableImported;

/// The report of importing a small city table, as the import would give it.
fn report_lines(lang: Lang) -> Vec<ReportLine> {
    let rows: Vec<Vec<String>> = [
        ["文明单位测评细则", "", "", ""],
        ["测评项目", "测评内容", "分值", "评分标准"],
        [
            "领导班子好",
            "有年度学习计划",
            "6分",
            "未制定学习计划的，扣2分；每缺一次集中学习扣0.5分",
        ],
        ["领导班子好", "班子成员讲团结（4分）", "", "缺一项扣1分"],
        ["环境卫生", "绿化美观", "若干", ""],
        ["一票否决", "发生重大安全责任事故", "", ""],
    ]
    .iter()
    .map(|row| row.iter().map(|t| t.to_string()).collect())
    .collect();
    let table = Table::from_grid("测评细则", rows, &[], 1);
    let options = ImportOptions {
        id: "xize".into(),
        title: None,
        file_stem: "细则".into(),
    };
    let mut imported = import_tables(&[table], &options).expect("imports");
    let revision = revise(&mut imported.checklist, None);
    let outcome = TableImported {
        checklist: imported.checklist,
        report: imported.report,
        revision,
        path: "/home/王敏/.local/share/zicha/checklists/xize.ron".into(),
        written: true,
    };
    import_report(outcome.summary(), "细则.xlsx", lang)
}

fn reporting(width: u16, height: u16) -> App {
    let mut app = home_app(width, height);
    update(&mut app, Action::Command(Command::ImportTable));
    update(&mut app, Action::Command(Command::Submit));
    update(&mut app, Action::TableImported(Ok(report_lines(Lang::Zh))));
    app
}

#[test]
fn import_prompt_80x24() {
    let mut app = home_app(80, 24);
    app.export_dir = "/home/王敏/下载".into();
    update(&mut app, Action::Command(Command::ImportTable));
    let screen = render(&app);
    assert!(screen.contains("/home/王敏/下载/"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn import_report_80x24() {
    let screen = render(&reporting(80, 24));
    assert!(
        screen.contains("第5行  未读取：分值「若干」不是数字"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn import_report_40x15() {
    insta::assert_snapshot!(render(&reporting(40, 15)));
}

#[test]
fn the_report_scrolls_to_its_last_line() {
    let mut app = reporting(80, 24);
    for _ in 0..40 {
        update(&mut app, Action::Command(Command::Down));
    }
    let screen = render(&app);
    assert!(screen.contains("zicha new --checklist xize"), "{screen}");
}

#[test]
fn the_picker_shows_version_and_where_a_checklist_comes_from() {
    let mut app = home_app(80, 24);
    let choice = |id: &str, version, title: &str, origin| ChecklistChoice {
        id: id.into(),
        version,
        title: title.into(),
        origin,
    };
    let data = HomeData {
        checklists: vec![
            choice("wenming", 2, "文明单位创建自查表", ChecklistOrigin::Builtin),
            choice("xize", 3, "XX市测评细则", ChecklistOrigin::User),
            choice("keshi", 1, "科室评比表", ChecklistOrigin::Archive),
        ],
        ..app.home.data.clone()
    };
    update(&mut app, Action::HomeLoaded(data));
    update(&mut app, Action::Command(Command::NewSession));
    // The form opens on the department; go back up past the scope to the checklist field.
    update(&mut app, Action::Command(Command::PrevField));
    update(&mut app, Action::Command(Command::PrevField));
    let mut seen = Vec::new();
    for _ in 0..3 {
        update(&mut app, Action::Command(Command::Down));
        let screen = render(&app);
        let line = screen
            .lines()
            .find(|l| l.contains("检查表"))
            .unwrap_or_default()
            .to_string();
        seen.push(line);
    }
    let seen = seen.join("\n");
    for expected in [
        "< XX市测评细则 v3 用户 >",
        "< 科室评比表 v1 存档 >",
        "< 文明单位创建自查表 v2 内置 >",
    ] {
        assert!(seen.contains(expected), "no {expected} in\n{seen}");
    }
}
