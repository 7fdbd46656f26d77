//! Commands across rounds: compare, ledger, rectify.

use anyhow::Result;

use super::sessions::report_store_problems;
use super::{Context, print};
use crate::clock;
use crate::export::{json, rounds_json, rounds_text};
use crate::model::ledger::LedgerScope;
use crate::model::text::sanitize_line;
use crate::ops;
use crate::ops::compare::{CompareRequest, Current};
use crate::ops::rectify::CloseRequest;
use crate::store::StoreError;

pub fn compare(context: &Context, session: &str, prior: Option<&str>, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let request = CompareRequest {
        current: Current::Stored(store.resolve(session)?),
        prior: prior.map(|prior| store.resolve(prior)).transpose()?,
    };
    let compared = ops::compare::compare(&store, request)?;
    if let Some(overview) = &compared.overview {
        report_store_problems(context, &store, overview, &[])?;
    }
    let (prior, current) = (compared.prior.inspection(), compared.current.inspection());
    if as_json {
        let shape = rounds_json::comparison(prior, current, &compared.comparison, context.lang);
        print(&json::to_safe_json(&shape));
        println!();
    } else {
        print(&rounds_text::comparison(
            prior,
            current,
            &compared.comparison,
            context.lang,
        ));
    }
    Ok(())
}

pub fn ledger(context: &Context, include_closed: bool, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let scope = if include_closed {
        LedgerScope::All
    } else {
        LedgerScope::Open
    };
    let progress = super::progress::bar(context.lang.cli().reading_sessions);
    let ledger = ops::ledger::ledger(&store, scope, clock::today(), &progress)?;
    progress.finish();
    if as_json {
        print(&json::to_safe_json(&rounds_json::ledger(&ledger.entries)));
        println!();
    } else {
        print(&rounds_text::ledger(
            &ledger.entries,
            include_closed,
            context.lang,
        ));
    }
    let left_out: Vec<String> = ledger
        .left_out
        .iter()
        .map(|(id, error)| (context.lang.cli().session_problem)(*id, &store_text(context, error)))
        .collect();
    report_store_problems(context, &store, &ledger.overview, &left_out)?;
    Ok(())
}

fn store_text(context: &Context, error: &StoreError) -> String {
    crate::i18n::errors::store_error(context.lang, error)
}

pub fn rectify(
    context: &Context,
    session: &str,
    code: &str,
    note: Option<String>,
    by: Option<String>,
) -> Result<()> {
    let store = context.store()?;
    let remembered = store.load_settings().inspector;
    let request = CloseRequest {
        session,
        code,
        note: note.as_deref().unwrap_or_default(),
        at_keyboard: &[by.as_deref().unwrap_or_default(), &remembered],
        login: &ops::who::login_name(),
        now: clock::now(),
    };
    let closed = ops::rectify::close(&store, request)?;
    println!(
        "{} {} · {} · {}",
        sanitize_line(&closed.code),
        crate::i18n::rounds(context.lang).rectification_closed,
        sanitize_line(&closed.by),
        closed.at.to_rfc3339()
    );
    Ok(())
}
