//! The UI's table import through the real runner (inline): the job imports the file
//! the user typed, answers with the report lines, and the home data that follows
//! offers the new checklist with its version and origin at once.

mod common;
mod tables;

use std::sync::Arc;

use common::Env;
use zicha::i18n::Lang;
use zicha::ops::table_import::TableImportRequest;
use zicha::store::Store;
use zicha::tui::action::{Action, Effect};
use zicha::tui::app::ChecklistOrigin;
use zicha::tui::runner::Runner;

/// The actions a job came to.
fn done(actions: Vec<Action>) -> Vec<Action> {
    actions
        .into_iter()
        .flat_map(|action| match action {
            Action::JobDone { result, .. } => result,
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn the_runner_imports_a_table_and_home_offers_it() {
    let env = Env::new();
    let file = env.cwd.join("细则.xlsx");
    tables::city_xlsx(&file);
    let store = Arc::new(Store::open(&env.data).expect("store"));
    let mut runner = Runner::inline(store.clone(), Lang::En);
    let before = store.catalog().latest_all().len();

    let request = TableImportRequest {
        file: file.clone(),
        ..TableImportRequest::default()
    };
    let actions = done(runner.run(Effect::ImportTable(request)));
    let [Action::TableImported(Ok(lines))] = actions.as_slice() else {
        panic!("{actions:?}");
    };
    assert!(
        lines.iter().any(|l| l.text.contains("(xize v1)")),
        "{lines:?}"
    );
    let unread: Vec<&str> = lines
        .iter()
        .filter(|l| l.problem)
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        unread.iter().any(|l| l.starts_with("row 6  not read")),
        "{unread:?}"
    );

    let home = done(runner.run(Effect::LoadHome));
    let [Action::HomeLoaded(data)] = home.as_slice() else {
        panic!("{home:?}");
    };
    assert_eq!(data.checklists.len(), before + 1, "offered at once");
    let offered = data
        .checklists
        .iter()
        .find(|c| c.id == "xize")
        .expect("offered");
    assert_eq!(
        (offered.version, offered.origin),
        (1, ChecklistOrigin::User)
    );

    let missing = TableImportRequest {
        file: env.cwd.join("没有.xlsx"),
        ..TableImportRequest::default()
    };
    let actions = done(runner.run(Effect::ImportTable(missing)));
    assert!(
        matches!(actions.as_slice(), [Action::TableImported(Err(message))] if message.contains("cannot read")),
        "{actions:?}"
    );
}
