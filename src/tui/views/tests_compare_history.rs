//! Compare and history as an inspector uses them (issue 16): unchecked items, Enter
//! to open, `c` from history, scrolling, wide labels, a trend that shows the values.

use uuid::Uuid;

use super::super::action::{Action, CompareSource, Effect, HistoryData};
use super::super::app::{App, Screen};
use super::super::keymap::Command;
use super::super::update::update;
use super::tests::{render, walking};
use super::tests_rounds::{compare_app, history_app, inspections_fixture};
use crate::i18n::Lang;
use crate::model::compare::Inspection;

fn command(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Command(command))
}

fn select_row(app: &mut App, code: &str) {
    let index = app
        .compare
        .as_ref()
        .and_then(|c| c.rows().iter().position(|row| row.code == code))
        .expect("row");
    command(app, Command::Top);
    for _ in 0..index {
        command(app, Command::Down);
    }
}

#[test]
fn an_item_checked_before_and_pending_now_is_unchecked_and_not_a_loss() {
    let text = render(&compare_app(80, 24));
    // 2.1 was 达标 (3 points) last round and is not checked yet: no "-3".
    let row = text.lines().find(|l| l.contains("2.1")).expect("row 2.1");
    assert!(row.contains("未查") && !row.contains("-3"), "{row}");
    assert!(text.contains("不计未查的 1 项"), "{text}");
    assert!(text.contains("变化 +3"), "{text}");
}

#[test]
fn enter_on_a_compare_row_opens_the_item_in_the_walk() {
    let mut app = compare_app(80, 24);
    select_row(&mut app, "1.3");
    let effects = command(&mut app, Command::Open);
    // The compared session is the one being walked: select the item there.
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.screen, Screen::Walk);
    let walk = app.walk.as_ref().expect("walk");
    assert_eq!(walk.selected_code(), Some("1.3"));
}

#[test]
fn enter_on_a_compare_row_of_a_stored_session_opens_it_at_the_item() {
    let mut app = compare_app(80, 24);
    if let Some(compare) = app.compare.as_mut() {
        compare.current.id = Uuid::from_u128(7);
    }
    select_row(&mut app, "3.1");
    let effects = command(&mut app, Command::Open);
    let opened = effects.iter().find_map(|effect| match effect {
        Effect::OpenSession { id, select } => Some((*id, select.clone())),
        _ => None,
    });
    assert_eq!(opened, Some((Uuid::from_u128(7), Some("3.1".to_string()))));
}

#[test]
fn compare_columns_are_not_cut_while_the_title_has_room() {
    let text = render(&compare_app(100, 30));
    assert!(text.contains("未达标 -> 基本达标"), "{text}");
    assert!(text.contains("3.3.1 "), "{text}");
    assert!(!text.lines().any(|l| l.contains("..")), "{text}");
}

#[test]
fn history_enter_opens_the_selected_round_and_c_compares_it_with_the_one_before() {
    let mut app = history_app(80, 24);
    command(&mut app, Command::Up);
    let effects = command(&mut app, Command::Compare);
    let [Effect::LoadCompare { source }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(
        matches!(source, CompareSource::Stored { id, prior: Some(prior) }
            if *id == Uuid::from_u128(2) && *prior == Uuid::from_u128(3)),
        "{source:?}"
    );
    let effects = command(&mut app, Command::Open);
    assert!(
        effects.iter().any(|effect| matches!(effect,
            Effect::OpenSession { id, select: None } if *id == Uuid::from_u128(2))),
        "{effects:?}"
    );
}

#[test]
fn history_c_on_the_first_round_says_there_is_none_before() {
    let mut app = history_app(80, 24);
    command(&mut app, Command::Top);
    assert!(command(&mut app, Command::Compare).is_empty());
    let message = app.message.as_ref().map(|m| m.text.clone());
    assert_eq!(message.as_deref(), Some(Lang::Zh.ui().first_round));
}

#[test]
fn a_compare_opened_from_history_goes_back_to_history() {
    let mut app = history_app(80, 24);
    let compare = compare_app(80, 24).compare.expect("compare");
    let data = super::super::action::CompareData {
        comparison: compare.comparison,
        current: compare.current,
        prior: compare.prior,
        checklist: compare.checklist,
    };
    update(&mut app, Action::CompareLoaded(Box::new(data)));
    assert_eq!(app.screen, Screen::Compare);
    command(&mut app, Command::Back);
    assert_eq!(app.screen, Screen::History);
}

#[test]
fn history_sections_scroll_at_40x15() {
    let mut app = history_app(40, 15);
    let before = render(&app);
    assert!(
        before.contains("1-3/4") && !before.contains("9 一票否决"),
        "{before}"
    );
    command(&mut app, Command::PageDown);
    let after = render(&app);
    assert!(
        after.contains("2-4/4") && after.contains("9 一票否决"),
        "{after}"
    );
    insta::assert_snapshot!(after);
}

#[test]
fn history_round_labels_are_whole_at_200_columns() {
    let mut app = walking(Lang::Zh, 200, 50);
    let mut all = inspections_fixture();
    let long = "2026年11月下半月文明单位创建第二轮迎检前全面自查";
    all[2].0.round = long.into();
    let inspections: Vec<Inspection<'_>> = all.iter().map(|(s, c)| Inspection::new(s, c)).collect();
    let data = HistoryData {
        department: "办公室".into(),
        checklist_title: "文明单位创建自查表".into(),
        points: crate::model::rounds::tests::history(&inspections, "办公室", "wenming"),
        selected: None,
    };
    update(&mut app, Action::HistoryLoaded(Box::new(data)));
    let text = render(&app);
    assert!(text.contains(long), "{text}");
}

/// Rows of bar characters in the chart's column for the bar labelled `label`.
fn bar_height(text: &str, label: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let (row, column) = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.contains("09-15 10-15"))
        .find_map(|(row, line)| line.find(label).map(|column| (row, column)))
        .expect("bar label");
    lines[..row]
        .iter()
        .rev()
        .take_while(|line| {
            line.get(column..column + 5)
                .is_some_and(|cell| cell.chars().any(|c| "#=-_%0123456789".contains(c)))
        })
        .count()
}

#[test]
fn the_trend_tells_87_from_100_and_prints_the_values() {
    let mut app = history_app(80, 24);
    if let Some(history) = app.history.as_mut() {
        history.points[1].percent = Some(87.0);
        history.points[2].percent = Some(100.0);
        history.points[0].percent = Some(90.0);
    }
    let text = render(&app);
    assert!(text.contains("87%") && text.contains("100%"), "{text}");
    let (low, high) = (bar_height(&text, "10-15"), bar_height(&text, "11-20"));
    assert!(
        high >= low + 3,
        "87%: {low} rows, 100%: {high} rows\n{text}"
    );
    insta::assert_snapshot!(text);
}
