//! Commands on sessions: new, list, show, mark, finish, reopen.

use std::io::Write;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::{Context, print};
use crate::clock;
use crate::export::{json, text};
use crate::model::checklist::Checklist;
use crate::model::edit::{self, Mark};
use crate::model::head::SessionHead;
use crate::model::judgement::Judgement;
use crate::model::scoring::{Summary, format_points, summarize};
use crate::model::text::{normalize_name, sanitize_line};
use crate::ops::{self, OpsError};
use crate::store::index::Overview;
use crate::store::{LoadedSession, NewSession, Store};

pub fn new_session(context: &Context, request: NewSession) -> Result<()> {
    let department = normalize_name(&request.department);
    let round = normalize_name(&request.round);
    let t = context.lang.cli();
    if department.is_empty() {
        bail!(t.empty_department);
    }
    if round.is_empty() {
        bail!(t.empty_round);
    }
    let store = context.store()?;
    let request = NewSession {
        department,
        round,
        ..request
    };
    let loaded = store.create(request, clock::now())?;
    println!("{}", loaded.session.id);
    Ok(())
}

/// A loaded session with its checklist and figures.
pub struct Scored {
    pub loaded: LoadedSession,
    pub checklist: Arc<Checklist>,
    pub summary: Summary,
}

pub fn scored(store: &Store, loaded: LoadedSession) -> Result<Scored> {
    let checklist = store.checklist_for(&loaded.session.checklist)?;
    let summary = summarize(&checklist, &loaded.session);
    Ok(Scored {
        loaded,
        checklist,
        summary,
    })
}

pub fn list(
    context: &Context,
    round: Option<String>,
    department: Option<String>,
    as_json: bool,
) -> Result<()> {
    let store = context.store()?;
    let progress = super::progress::bar(context.lang.cli().building_index);
    let overview = store.overview_with(&progress)?;
    progress.finish();
    let round = round.map(|r| normalize_name(&r));
    let department = department.map(|d| normalize_name(&d));
    let mut rows: Vec<&SessionHead> = overview
        .sessions
        .iter()
        .filter(|head| {
            round
                .as_ref()
                .is_none_or(|r| normalize_name(&head.round) == *r)
                && department
                    .as_ref()
                    .is_none_or(|d| normalize_name(&head.department) == *d)
        })
        .collect();
    rows.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.round.cmp(&b.round))
            .then_with(|| a.department.cmp(&b.department))
            .then_with(|| a.id.cmp(&b.id))
    });
    if as_json {
        let summaries: Vec<json::SessionSummary> = rows
            .iter()
            .map(|head| json::head_summary(head, context.lang))
            .collect();
        // `print`, not `println!`: a reader that stops early (`| head`) is no error.
        print(&format!("{}\n", json::to_safe_json(&summaries)));
    } else if rows.is_empty() && overview.unreadable.is_empty() && overview.unscored.is_empty() {
        let t = context.lang.texts();
        let filtered = round.is_some() || department.is_some();
        let empty = if filtered && !overview.sessions.is_empty() {
            t.no_matching_sessions
        } else {
            t.no_sessions
        };
        print(&format!("{empty}\n"));
    } else {
        print(&text::session_list(&rows, context.lang));
    }
    report_store_problems(context, &store, &overview, &[])?;
    Ok(())
}

/// Unreadable and unscorable sessions, strays and recovery files go to stderr on
/// every listing.
pub fn report_store_problems(
    context: &Context,
    store: &Store,
    overview: &Overview,
    other: &[String],
) -> Result<()> {
    let t = context.lang.texts();
    let mut stderr = std::io::stderr().lock();
    if !overview.unreadable.is_empty() {
        writeln!(stderr, "{}", t.unreadable_sessions)?;
        for file in &overview.unreadable {
            writeln!(
                stderr,
                "  {}: {}",
                file.id,
                sanitize_line(&file.problem.to_string())
            )?;
        }
    }
    for (id, problem) in &overview.unscored {
        writeln!(stderr, "{id}: {}", sanitize_line(problem))?;
    }
    for line in other {
        writeln!(stderr, "{}", sanitize_line(line))?;
    }
    if !overview.strays.is_empty() {
        writeln!(stderr, "{}", t.ignored_files)?;
        for path in &overview.strays {
            writeln!(stderr, "  {}", sanitize_line(&path.display().to_string()))?;
        }
    }
    let recovery = store.recovery_files();
    if !recovery.is_empty() {
        writeln!(stderr, "{}", t.recovery_files)?;
        for path in recovery {
            writeln!(stderr, "  {}", sanitize_line(&path.display().to_string()))?;
        }
    }
    Ok(())
}

pub fn load_scored(store: &Store, session: &str) -> Result<Scored> {
    let id = store.resolve(session)?;
    let loaded = store.load(id)?;
    scored(store, loaded)
}

pub fn show(context: &Context, session: &str, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let row = load_scored(&store, session)?;
    if as_json {
        let mut detail = json::session_detail(&row.checklist, &row.loaded.session, context.lang);
        match ops::open::recheck(&store, &row.loaded.session, &row.checklist) {
            Ok(codes) => detail.mark_recheck(&codes),
            Err(error) => eprintln!(
                "{}: {}",
                context.lang.cli().recheck_left_out,
                sanitize_line(&crate::i18n::errors::store_error(context.lang, &error))
            ),
        }
        print(&json::to_safe_json(&detail));
        println!();
    } else {
        print(&text::session_detail(
            &row.checklist,
            &row.loaded.session,
            &row.summary,
            context.lang,
        ));
    }
    if let Some(crate::store::ReadOnly::NewerFormat(format)) = row.loaded.read_only {
        eprintln!("{}", (context.lang.cli().newer_format)(format));
    }
    Ok(())
}

/// Who makes a change from the command line (`ops::who`): `--by`, else the
/// inspector the UI remembers on this machine, else the session's, else the login.
pub fn who(store: &Store, by: Option<&str>, session: &crate::model::session::Session) -> String {
    let remembered = store.load_settings().inspector;
    ops::who::editor_name(
        &[by.unwrap_or_default(), &remembered],
        session,
        &ops::who::login_name(),
    )
}

/// `zicha mark`: STATUS (a status word or a level label of the session's checklist)
/// is read once the checklist is known; `mark` carries the rest.
pub fn mark_item(
    context: &Context,
    session: &str,
    code: &str,
    status: Option<&str>,
    mut mark: Mark,
) -> Result<()> {
    let store = context.store()?;
    let mut editable = ops::open::editable(&store, session, clock::now())?;
    let checklist = editable.checklist.clone();
    let code = code.trim();
    let item = checklist.item(code).ok_or_else(|| OpsError::NoSuchItem {
        code: code.to_string(),
        checklist: checklist.id.clone(),
        version: checklist.version,
        codes: checklist
            .items_in(editable.loaded.session.scope)
            .iter()
            .map(|i| i.code.clone())
            .collect(),
    })?;
    if let Some(status) = status {
        mark.judgement = Judgement::parse(&checklist.rules, status)?;
    }
    let session = &mut editable.loaded.session;
    let response = edit::apply_mark(
        &checklist.rules,
        session.scope,
        item,
        session.response(code),
        &mark,
    )?;
    let by = who(&store, None, session);
    session.set_response(code, response, &by, clock::now());
    store
        .save(&mut editable.loaded)
        .map_err(OpsError::NotSaved)?;
    let session = &editable.loaded.session;
    let summary = summarize(&checklist, session);
    let lang = context.lang;
    let t = lang.texts();
    let response = session.response(code);
    let score = text::item_score_text(&checklist.rules, item, response);
    let mut judged = lang.item_status(item, session.status(code)).to_string();
    if let Some(level) = response.and_then(|r| r.level.as_deref()) {
        judged = format!("{} {judged}", sanitize_line(level));
    }
    let score = if score.is_empty() {
        score
    } else {
        format!(" {score}")
    };
    let mut line = format!(
        "{} {judged}{score} · {} {}/{} ({}) · {} {}",
        sanitize_line(code),
        t.score,
        format_points(summary.figures.score),
        format_points(summary.figures.max),
        text::percent_text(&summary),
        t.deducted,
        format_points(summary.figures.deducted),
    );
    if let Some(verdict) = lang.verdict(&summary.verdict()) {
        line.push_str(&format!(" · {}", sanitize_line(verdict)));
    }
    println!("{line}");
    Ok(())
}

pub fn set_finished(context: &Context, session: &str, finished: bool) -> Result<()> {
    let store = context.store()?;
    let id = store.resolve(session)?;
    let _lock = store.lock(id, clock::now())?;
    let mut loaded = store.load(id)?;
    let now = clock::now();
    let t = context.lang.cli();
    if loaded.session.is_finished() == finished {
        let line = if finished {
            t.already_finished
        } else {
            t.already_open
        };
        println!("{}", line(id));
        return Ok(());
    }
    loaded.session.finished = finished.then_some(now);
    loaded.session.updated = now;
    store.save(&mut loaded)?;
    println!("{}", if finished { t.finished } else { t.reopened }(id));
    Ok(())
}
