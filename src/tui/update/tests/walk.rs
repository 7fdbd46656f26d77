//! Walking: moving, marking, notes, deductions, rectification, search, filters.

use super::*;

#[test]
fn opening_a_session_selects_the_first_item() {
    let app = walking();
    assert_eq!(app.screen, Screen::Walk);
    assert_eq!(selected(&app).as_deref(), Some("1.1"));
}

#[test]
fn moving_through_rows_and_sections() {
    let mut app = walking();
    run(&mut app, Command::Down);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::Down);
    assert_eq!(selected(&app), None, "1.3 is a section row");
    run(&mut app, Command::Bottom);
    assert_eq!(selected(&app).as_deref(), Some("2.2"));
    run(&mut app, Command::Top);
    assert_eq!(walk(&app).cursor, 0);
    run(&mut app, Command::NextSection);
    run(&mut app, Command::NextSection);
    assert_eq!(walk(&app).cursor, 5, "the 办公环境好 section row");
    run(&mut app, Command::PrevSection);
    assert_eq!(walk(&app).cursor, 3);
    run(&mut app, Command::PageDown);
    assert_eq!(selected(&app).as_deref(), Some("2.2"));
    run(&mut app, Command::PageUp);
    assert_eq!(walk(&app).cursor, 0);
    run(&mut app, Command::Up);
    assert_eq!(walk(&app).cursor, 0, "stays at the top");
}

#[test]
fn sections_collapse_and_expand() {
    let mut app = walking();
    let rows = walk(&app).rows.len();
    run(&mut app, Command::Top);
    run(&mut app, Command::ToggleSection);
    assert_eq!(walk(&app).rows.len(), rows - 4, "1.1 1.2 1.3 1.3.1 hidden");
    run(&mut app, Command::Expand);
    assert_eq!(walk(&app).rows.len(), rows);
    run(&mut app, Command::Down);
    run(&mut app, Command::Collapse);
    assert_eq!(walk(&app).cursor, 0, "Left on an item goes to its section");
    run(&mut app, Command::Collapse);
    assert_eq!(walk(&app).rows.len(), rows - 4);
}

#[test]
fn status_keys_mark_the_selected_item_and_only_items() {
    let mut app = walking();
    for (command, expected) in [
        (Status::Pass, Status::Pass),
        (Status::Partial, Status::Partial),
        (Status::Fail, Status::Fail),
        (Status::Na, Status::Na),
        (Status::Pending, Status::Pending),
    ] {
        run(&mut app, Command::SetStatus(command));
        assert_eq!(status(&app, "1.1"), expected);
    }
    assert!(
        walk(&app).session().responses.is_empty(),
        "pending with nothing else is not stored"
    );
    run(&mut app, Command::Top);
    run(&mut app, Command::SetStatus(Status::Pass));
    assert!(
        walk(&app).session().responses.is_empty(),
        "a section row is not marked"
    );
    assert!(app.message.is_some());
}

#[test]
fn undo_and_redo_walk_back_and_forth_and_reselect() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Down);
    run(&mut app, Command::SetStatus(Status::Fail));
    run(&mut app, Command::Undo);
    assert_eq!(status(&app, "1.2"), Status::Pending);
    run(&mut app, Command::Undo);
    assert_eq!(status(&app, "1.1"), Status::Pending);
    assert_eq!(
        selected(&app).as_deref(),
        Some("1.1"),
        "undo selects the item it changed"
    );
    run(&mut app, Command::Undo);
    assert!(app.message.is_some(), "nothing to undo is said");
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.1"), Status::Pass);
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.2"), Status::Fail);
    run(&mut app, Command::Undo);
    run(&mut app, Command::SetStatus(Status::Na));
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "1.2"), Status::Na, "a new edit clears redo");
}

#[test]
fn the_note_editor_keeps_text_and_is_one_undo_step() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    assert!(matches!(app.overlay, Some(Overlay::Editor(_))));
    typed(&mut app, "会议记录\n第二行");
    update(&mut app, Action::Paste("粘贴一\r\n粘贴二".into()));
    assert_eq!(
        walk(&app)
            .session()
            .response("1.1")
            .map(|r| r.note.as_str()),
        Some("会议记录\n第二行粘贴一\n粘贴二"),
        "the draft is in the session while typing, so autosave keeps it"
    );
    run(&mut app, Command::FinishEditing);
    assert!(app.overlay.is_none());
    assert_eq!(walk(&app).undo.len(), 1);
    run(&mut app, Command::Undo);
    assert_eq!(walk(&app).session().response("1.1"), None);
    run(&mut app, Command::Redo);
    assert!(
        walk(&app)
            .session()
            .response("1.1")
            .unwrap()
            .note
            .ends_with("粘贴二")
    );
}

#[test]
fn a_huge_paste_is_cut_with_a_message() {
    let mut app = walking();
    run(&mut app, Command::EditNote);
    let huge = "字".repeat(crate::tui::update::forms::MAX_PASTE_CHARS + 10);
    update(&mut app, Action::Paste(huge));
    let note = walk(&app).session().response("1.1").unwrap().note.clone();
    assert_eq!(
        note.chars().count(),
        crate::tui::update::forms::MAX_PASTE_CHARS
    );
    assert!(app.message.is_some());
}

#[test]
fn next_and_previous_pending_wrap_around() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::NextPending);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::PrevPending);
    assert_eq!(
        selected(&app).as_deref(),
        Some("2.2"),
        "wraps backwards past 1.1"
    );
    run(&mut app, Command::NextPending);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
}

#[test]
fn search_finds_codes_titles_and_notes_and_esc_returns() {
    let mut app = walking();
    run(&mut app, Command::Down);
    run(&mut app, Command::EditNote);
    typed(&mut app, "缺少签字");
    run(&mut app, Command::FinishEditing);
    run(&mut app, Command::Top);
    run(&mut app, Command::Search);
    typed(&mut app, "2.1");
    assert_eq!(selected(&app).as_deref(), Some("2.1"));
    run(&mut app, Command::Back);
    assert_eq!(
        walk(&app).cursor,
        0,
        "Esc goes back to where search started"
    );
    run(&mut app, Command::Search);
    typed(&mut app, "签字");
    assert_eq!(selected(&app).as_deref(), Some("1.2"), "notes are searched");
    run(&mut app, Command::Submit);
    assert!(app.overlay.is_none());
    run(&mut app, Command::Search);
    typed(&mut app, "1.");
    run(&mut app, Command::NextMatch);
    assert_eq!(selected(&app).as_deref(), Some("1.2"));
    run(&mut app, Command::PrevMatch);
    run(&mut app, Command::PrevMatch);
    assert_eq!(selected(&app).as_deref(), Some("1.3.1"));
}

#[test]
fn filters_cycle_and_hide_what_does_not_match() {
    let mut app = walking();
    run(&mut app, Command::SetStatus(Status::Pass));
    run(&mut app, Command::Down);
    run(&mut app, Command::SetStatus(Status::Fail));
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Pending);
    let items: Vec<_> = visible_items(&app);
    assert_eq!(items, ["1.3.1", "2.1", "2.2"]);
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Problems);
    assert_eq!(visible_items(&app), ["1.2"]);
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::Changed);
    assert_eq!(
        visible_items(&app),
        ["1.1", "1.2"],
        "no prior: everything checked changed"
    );
    run(&mut app, Command::CycleFilter);
    assert_eq!(
        walk(&app).filter,
        Filter::All,
        "re-check is skipped when nothing needs it"
    );
}

fn visible_items(app: &App) -> Vec<String> {
    let walk = walk(app);
    walk.rows
        .iter()
        .filter_map(|row| match walk.outline.nodes[row.node] {
            crate::tui::outline::OutlineNode::Item(i) => Some(walk.outline.items[i].code.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn recheck_mode_shows_last_rounds_problems_first() {
    let mut app = app();
    let mut prior = PriorView::default();
    prior.items.insert(
        "2.1".into(),
        PriorItem {
            status: Status::Fail,
            note: "窗户有灰".into(),
            rectification: None,
        },
    );
    prior.items.insert(
        "1.1".into(),
        PriorItem {
            status: Status::Pass,
            note: String::new(),
            rectification: None,
        },
    );
    prior.recheck.insert("2.1".into());
    let mut opened = opened(prior);
    opened.recheck_first = true;
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    assert_eq!(walk(&app).filter, Filter::Recheck);
    assert_eq!(visible_items(&app), ["2.1"]);
    assert_eq!(selected(&app).as_deref(), Some("2.1"));
    run(&mut app, Command::CycleFilter);
    assert_eq!(walk(&app).filter, Filter::All);
}

#[test]
fn reopening_a_session_returns_to_the_item_where_the_walk_was_left() {
    let mut first = walking();
    let id = walk(&first).session().id;
    let item = walk(&first).outline.item_index("2.1").expect("2.1");
    if let Some(walk) = first.walk.as_mut() {
        walk.select_item(item);
    }
    let left_at = selected(&first).expect("an item");
    assert_eq!(left_at, "2.1");
    let effects = run(&mut first, Command::Back);
    let saved = effects.iter().find_map(|effect| match effect {
        Effect::SaveSettings(settings) => Some(settings.clone()),
        _ => None,
    });
    let saved = saved.expect("the settings are saved on leaving");
    assert_eq!(
        saved.last_items.get(&id.to_string()),
        Some(&left_at),
        "{effects:?}"
    );
    // Another run: the settings as loaded, the same session opened without a target.
    let mut next = app();
    next.settings = saved;
    let mut again = opened(PriorView::default());
    again.loaded.session.id = id;
    update(&mut next, Action::SessionOpened(Box::new(again)));
    assert_eq!(selected(&next), Some(left_at.clone()));
    // A session never walked starts at the top.
    let mut fresh = app();
    fresh.settings = next.settings.clone();
    update(
        &mut fresh,
        Action::SessionOpened(Box::new(opened(PriorView::default()))),
    );
    assert_ne!(selected(&fresh), Some(left_at));
}

#[test]
fn the_settings_keep_the_last_items_of_the_newest_sessions_only() {
    let mut settings = crate::store::settings::Settings::default();
    for n in 0..(crate::store::settings::MAX_LAST_ITEMS + 5) {
        settings.remember_item(&format!("{n:08}"), "1.1");
    }
    assert_eq!(
        settings.last_items.len(),
        crate::store::settings::MAX_LAST_ITEMS
    );
    assert!(!settings.last_items.contains_key("00000000"));
    assert!(settings.last_items.contains_key(&format!(
        "{:08}",
        crate::store::settings::MAX_LAST_ITEMS + 4
    )));
}
