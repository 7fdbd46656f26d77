//! Snapshot tests of what a new user tripped over (pickers, the walk at small sizes).

use super::super::action::Action;
use super::super::app::{App, NewField, Overlay};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{home_app, render};

/// The new-session form on its checklist picker, with a title too long for the row.
fn form_on_the_checklist_picker(width: u16, height: u16) -> App {
    let mut app = home_app(width, height);
    if let Some(choice) = app.home.data.checklists.first_mut() {
        choice.title = "某某市文明单位创建工作测评体系自查表（机关事业单位适用版）".into();
    }
    update(&mut app, Action::Command(Command::NewSession));
    if let Some(Overlay::NewSession(form)) = app.overlay.as_mut() {
        form.field = NewField::Checklist;
    }
    app
}

/// Every picker row shows `< ... >` whole, and no ambiguous-width character.
fn assert_pickers_whole(screen: &str) {
    for row in screen.lines().filter(|row| row.contains("< ")) {
        assert!(row.contains(" >"), "a picker lost its arrow: {row}");
    }
    for ambiguous in ['‹', '›', '…', '·', '×', '√'] {
        assert!(
            !screen.contains(ambiguous),
            "{ambiguous} on screen:\n{screen}"
        );
    }
}

#[test]
fn new_session_checklist_picker_80x24() {
    let screen = render(&form_on_the_checklist_picker(80, 24));
    assert_pickers_whole(&screen);
    assert!(screen.contains("Left前一选项"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn new_session_checklist_picker_60x20() {
    let screen = render(&form_on_the_checklist_picker(60, 20));
    assert_pickers_whole(&screen);
    insta::assert_snapshot!(screen);
}

#[test]
fn export_dialog_pickers_60x20() {
    let mut app = super::tests::walking(crate::i18n::Lang::Zh, 60, 20);
    app.export_dir = "/home/王敏/报告".into();
    update(&mut app, Action::Command(Command::Export));
    let screen = render(&app);
    assert_pickers_whole(&screen);
    insta::assert_snapshot!(screen);
}

/// The walk on `code`, with 1.2's rectification reported done and closed, and 1.3 given two deductions
/// less than it has: only a free one.
fn walk_on(width: u16, height: u16, code: &str) -> App {
    let mut app = super::tests::walking(crate::i18n::Lang::Zh, width, height);
    if let Some(walk) = app.walk.as_mut() {
        if let Some(rect) = walk
            .loaded
            .session
            .responses
            .get_mut("1.2")
            .and_then(|r| r.rectification.as_mut())
        {
            rect.done = Some(crate::model::session::RectificationDone {
                at: super::tests::wall(),
                by: "张华".into(),
                note: "已补签字".into(),
            });
            // Closed (销号) only by a passed re-check.
            rect.rechecks.push(crate::model::session::Recheck {
                result: crate::model::session::RecheckResult::Pass,
                by: "王敏".into(),
                at: super::tests::wall(),
                note: String::new(),
                session: None,
                implied: false,
            });
        }
        if let Some(item) = walk.outline.item_index(code) {
            walk.select_item(item);
        }
    }
    app
}

fn hint_row(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    rows[rows.len().saturating_sub(2)].to_string()
}

#[test]
fn walk_detail_keeps_this_rounds_findings_in_sight_60x20() {
    let screen = render(&walk_on(60, 20, "1.2"));
    for label in ["扣分", "上轮", "备注", "整改"] {
        assert!(screen.contains(label), "{label} cut off:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn walk_detail_shows_everything_where_there_is_room_80x24() {
    let screen = render(&walk_on(80, 24, "1.2"));
    for label in [
        "标准", "方法", "资料", "责任", "扣分", "上轮", "备注", "整改",
    ] {
        assert!(screen.contains(label), "{label} missing:\n{screen}");
    }
    // A closed rectification says who reported it done and who closed it, and when.
    for said in [
        "已销号",
        "落实  2026-11-21 张华 已补签字",
        "销号 2026-11-21 王敏",
    ] {
        assert!(screen.contains(said), "{said}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn the_walk_hint_bar_keeps_search_and_help() {
    for (width, height) in [(80, 24), (60, 20), (40, 15)] {
        let screen = render(&walk_on(width, height, "1.2"));
        let hints = hint_row(&screen);
        assert!(
            hints.contains("/搜索") && hints.contains("?帮助"),
            "{width}x{height}: {hints}"
        );
    }
}

#[test]
fn the_search_prompt_leaves_the_frame_whole_80x24() {
    let mut app = walk_on(80, 24, "1.2");
    update(&mut app, Action::Command(Command::Search));
    let screen = render(&app);
    let rows: Vec<&str> = screen.lines().collect();
    let last = rows[rows.len() - 1];
    let prompt = rows[rows.len() - 2];
    assert!(last.starts_with('└') && last.ends_with('┘'), "{screen}");
    assert!(
        prompt.starts_with("│/") && prompt.ends_with('│'),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn the_free_deduction_form_has_no_done_hint_and_one_deduction_no_sum() {
    let mut app = walk_on(80, 24, "1.3");
    let screen = render(&app);
    let deducted = screen
        .lines()
        .find(|row| row.contains("扣分") && row.contains("另有问题"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        deducted.contains("[x] 其他扣分：另有问题 -0.5"),
        "{deducted}"
    );
    assert!(
        !deducted.contains("=-"),
        "one deduction needs no sum: {deducted}"
    );
    update(&mut app, Action::Command(Command::Deductions));
    update(&mut app, Action::Command(Command::Toggle));
    assert_eq!(app.mode(), crate::tui::keymap::Mode::FreeDeduction);
    let screen = render(&app);
    assert!(!screen.contains("Ctrl-d"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn long_fields_give_way_first_then_the_last_ones_go() {
    use super::detail_fields::fit_fields;
    assert_eq!(fit_fields(&[3, 1, 2, 1], 10), [3, 1, 2, 1], "room for all");
    assert_eq!(fit_fields(&[3, 1, 2, 1], 5), [2, 1, 1, 1]);
    assert_eq!(fit_fields(&[3, 1, 2, 1], 4), [1, 1, 1, 1]);
    assert_eq!(fit_fields(&[3, 1, 2, 1], 2), [1, 1, 0, 0]);
    assert_eq!(fit_fields(&[3, 1, 2, 1], 0), [0, 0, 0, 0]);
}

#[test]
fn found_fields_shorten_then_the_rectifications_own_lines_go_first() {
    use super::detail_fields::{field, fit_found};
    use ratatui::style::Style;
    let app = super::tests::walking(crate::i18n::Lang::Zh, 60, 20);
    let long = "会议记录不全，部分记录缺少签字，需补充会后整改措施并公开";
    let mut lines = Vec::new();
    for (label, text) in [
        ("扣分", "[x] 无整改措施 -2"),
        ("备注", long),
        ("整改", "办公室 / 李明 / 已销号"),
        ("措施", long),
        ("复查", "销号 2026-11-21 王敏"),
    ] {
        lines.extend(field(&app, label, text, 40, Style::new()));
    }
    let text = |lines: &[ratatui::text::Line]| -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    };
    assert!(lines.len() > 5, "{:?}", text(&lines));
    let kept = text(&fit_found(&app, lines.clone(), 5, 40, &["措施", "复查"]));
    assert_eq!(kept.len(), 5, "{kept:?}");
    assert!(
        kept[1].starts_with("备注") && kept[1].ends_with(".."),
        "{kept:?}"
    );
    let kept = text(&fit_found(&app, lines, 3, 40, &["措施", "复查"]));
    let labels: Vec<&str> = kept
        .iter()
        .map(|l| &l[..l.find(' ').unwrap_or(0)])
        .collect();
    assert_eq!(labels, ["扣分", "备注", "整改"], "{kept:?}");
}
