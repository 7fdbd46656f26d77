//! `zicha conflicts` and `zicha resolve`: review what imports left in conflict.

use anyhow::Result;
use clap::Args;

use super::sessions::who;
use super::{Context, print};
use crate::clock;
use crate::export::{import_json, import_text, json};
use crate::model::merge::{self, Resolution};
use crate::model::text::sanitize_line;
use crate::ops;

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// One session (id or unique prefix); all sessions when left out
    pub session: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    pub session: String,
    pub code: String,
    #[command(flatten)]
    pub choice: Choice,
    /// Who resolves it (default: the session's inspector, else the login name)
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Choice {
    /// Keep the response in effect
    #[arg(long)]
    pub mine: bool,
    /// Take the other version (number N as `zicha conflicts` lists them; default the newest)
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "0")]
    pub theirs: Option<usize>,
    /// Keep the response in effect and add the other versions' notes to its note
    #[arg(long)]
    pub both: bool,
}

pub fn conflicts(context: &Context, args: ConflictsArgs) -> Result<()> {
    let store = context.store()?;
    let (sessions, unreadable) = match &args.session {
        Some(prefix) => (vec![store.load(store.resolve(prefix)?)?], Vec::new()),
        None => store.load_all()?,
    };
    let mut text = String::new();
    let mut items = Vec::new();
    for loaded in &sessions {
        let session = &loaded.session;
        let open = merge::conflicts(session);
        if open.is_empty() {
            continue;
        }
        let checklist = store.checklist_for(&session.checklist).ok();
        if args.json {
            items.extend(import_json::conflicts(session, checklist.as_deref(), &open));
        } else {
            text.push_str(&import_text::session_conflicts(
                session,
                checklist.as_deref(),
                &open,
                context.lang,
            ));
        }
    }
    let t = crate::i18n::import::texts(context.lang);
    if args.json {
        print(&json::to_safe_json(&items));
        println!();
    } else if text.is_empty() {
        println!("{}", t.no_conflicts);
    } else {
        print(&text);
        println!("{}", t.resolve_hint);
    }
    for file in &unreadable {
        eprintln!(
            "{}{}: {}",
            context.lang.cli().warning,
            file.id,
            sanitize_line(&file.problem.to_string())
        );
    }
    Ok(())
}

pub fn resolve(context: &Context, args: ResolveArgs) -> Result<()> {
    let store = context.store()?;
    let mut editable = ops::open::editable(&store, &args.session, clock::now())?;
    let session = &mut editable.loaded.session;
    let code = args.code.trim();
    let others = session.conflicts.get(code).map_or(0, Vec::len);
    let resolution = match (args.choice.mine, args.choice.theirs, args.choice.both) {
        (true, _, _) => Resolution::Mine,
        (_, _, true) => Resolution::BothNotes,
        // `--theirs` alone is the newest version; `--theirs N` counts from 1.
        (_, Some(0), _) => Resolution::Theirs(others.saturating_sub(1)),
        (_, Some(number), _) => Resolution::Theirs(number - 1),
        (false, None, false) => Resolution::Mine,
    };
    let by = who(&store, args.by.as_deref(), session);
    merge::resolve(session, code, resolution, &by, clock::now())?;
    store
        .save(&mut editable.loaded)
        .map_err(ops::OpsError::NotSaved)?;
    let t = crate::i18n::import::texts(context.lang);
    println!(
        "{} {}: {}",
        sanitize_line(code),
        t.resolved,
        import_text::version_line(editable.loaded.session.response(code), context.lang)
    );
    Ok(())
}
