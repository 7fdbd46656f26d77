//! Commands across rounds: compare, ledger, rectify; and the prior session for `show`.

use std::collections::BTreeSet;
use std::sync::Arc;

use anyhow::{Context as _, Result, anyhow, bail};

use super::sessions::{editable, report_store_problems, who};
use super::{Context, print};
use crate::clock;
use crate::export::{json, rounds_json, rounds_text};
use crate::model::checklist::Checklist;
use crate::model::compare::{Inspection, compare as compare_sessions};
use crate::model::edit::close_rectification;
use crate::model::ledger::{LedgerScope, ledger as build_ledger};
use crate::model::rounds::recheck_codes as carry_over;
use crate::model::session::{RectificationDone, Session};
use crate::model::text::sanitize_line;
use crate::store::Store;
use crate::store::series::prior_of;

/// A session with the checklist version it was made with.
struct Loaded {
    session: Session,
    checklist: Arc<Checklist>,
}

impl Loaded {
    fn inspection(&self) -> Inspection<'_> {
        Inspection::new(&self.session, &self.checklist)
    }
}

fn load(store: &Store, session: &str) -> Result<Loaded> {
    let id = store.resolve(session)?;
    let session = store.load(id)?.session;
    let checklist = store
        .checklist_for(&session.checklist)
        .with_context(|| format!("session {id}"))?;
    Ok(Loaded { session, checklist })
}

pub fn compare(context: &Context, session: &str, prior: Option<&str>, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let current = load(&store, session)?;
    let prior = match prior {
        Some(prior) => load(&store, prior)?,
        None => {
            let overview = store.overview()?;
            report_store_problems(context, &store, &overview, &[])?;
            let id =
                prior_of(&current.session, &overview).ok_or_else(|| no_prior(&current.session))?;
            let session = store.load(id)?.session;
            let checklist = store
                .checklist_for(&session.checklist)
                .with_context(|| format!("prior session {}", session.id))?;
            Loaded { session, checklist }
        }
    };
    if prior.session.checklist.id != current.session.checklist.id {
        bail!(
            "session {} uses checklist {:?} and session {} uses {:?}; compare needs one checklist",
            current.session.id,
            current.session.checklist.id,
            prior.session.id,
            prior.session.checklist.id
        );
    }
    let comparison = compare_sessions(prior.inspection(), current.inspection());
    if as_json {
        let shape = rounds_json::comparison(prior.inspection(), current.inspection(), &comparison);
        print(&json::to_safe_json(&shape));
        println!();
    } else {
        print(&rounds_text::comparison(
            prior.inspection(),
            current.inspection(),
            &comparison,
            context.lang,
        ));
    }
    Ok(())
}

fn no_prior(session: &Session) -> anyhow::Error {
    anyhow!(
        "session {} ({}, checklist {}, {}) has no prior session: no earlier-dated session of the same department and checklist; name one with `zicha compare {} PRIOR`",
        session.id,
        sanitize_line(&session.department),
        session.checklist.id,
        session.date,
        session.id
    )
}

pub fn ledger(context: &Context, include_closed: bool, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let scope = if include_closed {
        LedgerScope::All
    } else {
        LedgerScope::Open
    };
    // Only the sessions the ledger can depend on are read (see `Store::ledger_sessions`).
    let (sessions, overview) = store.ledger_sessions(scope)?;
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for session in sessions.into_iter().map(|loaded| loaded.session) {
        match store.checklist_for(&session.checklist) {
            Ok(checklist) => loaded.push(Loaded { session, checklist }),
            Err(error) => problems.push(format!("session {}: {error}", session.id)),
        }
    }
    let inspections: Vec<Inspection<'_>> = loaded.iter().map(Loaded::inspection).collect();
    let entries = build_ledger(&inspections, clock::today(), scope);
    if as_json {
        print(&json::to_safe_json(&rounds_json::ledger(&entries)));
        println!();
    } else {
        print(&rounds_text::ledger(&entries, include_closed, context.lang));
    }
    report_store_problems(context, &store, &overview, &problems)?;
    Ok(())
}

pub fn rectify(
    context: &Context,
    session: &str,
    code: &str,
    note: Option<String>,
    by: Option<String>,
) -> Result<()> {
    let store = context.store()?;
    let (_lock, mut row) = editable(&store, session)?;
    let code = code.trim();
    if row.checklist.item(code).is_none() {
        let open: Vec<&str> = row
            .loaded
            .session
            .responses
            .iter()
            .filter(|(_, response)| response.has_open_rectification())
            .map(|(code, _)| code.as_str())
            .collect();
        bail!(
            "no item {code:?} in session {}; items with an open rectification: {}",
            row.loaded.session.id,
            if open.is_empty() {
                "none".to_string()
            } else {
                open.join(", ")
            }
        );
    }
    let session = &mut row.loaded.session;
    let now = clock::now();
    let by = by
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| who(&store, session));
    let done = RectificationDone {
        at: now,
        by: by.clone(),
        note: note.unwrap_or_default(),
    };
    let response = close_rectification(code, session.response(code), done)?;
    session.set_response(code, response, &by, now);
    store
        .save(&mut row.loaded)
        .with_context(|| "the change was not saved")?;
    println!(
        "{} {} · {} · {}",
        sanitize_line(code),
        rounds_text::round_texts(context.lang).rectification_closed,
        sanitize_line(&by),
        now.to_rfc3339()
    );
    Ok(())
}

/// The codes of `session` that need 复查 because of its prior session; empty when it
/// has none.
pub fn recheck_codes(
    store: &Store,
    session: &Session,
    checklist: &Checklist,
) -> Result<BTreeSet<String>> {
    let Some(prior_id) = store.prior_session_id(session)? else {
        return Ok(BTreeSet::new());
    };
    let prior = store.load(prior_id)?.session;
    let prior_checklist = store
        .checklist_for(&prior.checklist)
        .with_context(|| format!("prior session {}", prior.id))?;
    Ok(carry_over(
        Inspection::new(&prior, &prior_checklist),
        checklist,
    ))
}
