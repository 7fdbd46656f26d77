//! The command line (DESIGN §6): parse, call model/store/export, print.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, Result, anyhow, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::clock;
use crate::export::{json, text};
use crate::i18n::Lang;
use crate::model::checklist::Checklist;
use crate::model::edit::{self, Mark};
use crate::model::scoring::{Summary, format_points, item_score, summarize};
use crate::model::session::{FreeDeduction, Status};
use crate::model::text::{normalize_name, sanitize, sanitize_line};
use crate::store::checklist_file::{FileProblem, parse_checklist};
use crate::store::{LoadedSession, NewSession, Store, paths};

#[derive(Debug, Parser)]
#[command(
    name = "zicha",
    version,
    about = "自查 — 文明单位创建自查工具 (self-inspections for 文明单位)",
    after_help = "With no command, zicha opens the terminal UI."
)]
pub struct Cli {
    /// Data directory (default: the platform's data folder; env ZICHA_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// UI language: zh or en (env ZICHA_LANG)
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    /// Draw borders with plain ASCII (env ZICHA_ASCII=1)
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI on one session
    Open { session: String },
    /// Create a session; prints its id
    New {
        #[arg(long)]
        checklist: String,
        #[arg(long)]
        department: String,
        #[arg(long)]
        round: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        inspector: String,
    },
    /// List sessions, newest first
    List {
        #[arg(long)]
        round: Option<String>,
        #[arg(long)]
        department: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Items, statuses, notes, figures and verdicts of a session
    Show {
        session: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark an item: pending|pass|partial|fail|na
    Mark {
        session: String,
        code: String,
        status: String,
        #[arg(long)]
        note: Option<String>,
        /// Apply the item's N-th predefined deduction (1-based; repeatable)
        #[arg(long = "deduct", value_name = "N")]
        deduct: Vec<usize>,
        #[arg(long, requires = "deduct_points")]
        deduct_reason: Option<String>,
        #[arg(long, requires = "deduct_reason")]
        deduct_points: Option<f64>,
        /// Rectification owner (整改责任人)
        #[arg(long)]
        owner: Option<String>,
        /// Rectification due date, YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
    },
    /// Built-in and user checklists
    Checklists,
    /// Validate checklist files
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Mark a session finished (read-only until reopened)
    Finish { session: String },
    /// Reopen a finished session for editing
    Reopen { session: String },
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; expected YYYY-MM-DD"))
}

/// An error that prints as several lines, one per problem.
#[derive(Debug)]
pub struct Problems(pub Vec<String>);

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for Problems {}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report_error(&error);
            ExitCode::from(1)
        }
    }
}

fn report_error(error: &anyhow::Error) {
    let mut stderr = std::io::stderr().lock();
    if let Some(problems) = error.downcast_ref::<Problems>() {
        for line in &problems.0 {
            let _ = writeln!(stderr, "{}", sanitize_line(line));
        }
        return;
    }
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        message.push_str(&format!(": {cause}"));
    }
    for line in sanitize(&message).lines() {
        let _ = writeln!(stderr, "error: {line}");
    }
}

/// Settings every command shares.
pub struct Context {
    pub data_dir: PathBuf,
    pub lang: Lang,
    pub ascii: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Result<Context> {
        let data_dir = paths::data_dir(cli.data_dir.clone())
            .ok_or_else(|| anyhow!("cannot find a data directory; pass --data-dir DIR"))?;
        let lang_text = cli
            .lang
            .clone()
            .or_else(|| std::env::var("ZICHA_LANG").ok());
        let lang = match lang_text {
            Some(text) => Lang::parse(&text)
                .ok_or_else(|| anyhow!("unknown language {text:?}; expected zh or en"))?,
            None => Lang::Zh,
        };
        let ascii =
            cli.ascii || std::env::var("ZICHA_ASCII").is_ok_and(|v| !v.is_empty() && v != "0");
        Ok(Context {
            data_dir,
            lang,
            ascii,
        })
    }

    pub fn store(&self) -> Result<Store> {
        Ok(Store::open(&self.data_dir)?)
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let context = Context::from_cli(&cli)?;
    let Some(command) = cli.command else {
        return start_ui(&context);
    };
    match command {
        Command::Open { session } => {
            let _ = session;
            start_ui(&context)
        }
        Command::New {
            checklist,
            department,
            round,
            date,
            inspector,
        } => new_session(&context, checklist, department, round, date, inspector),
        Command::List {
            round,
            department,
            json,
        } => list(&context, round, department, json),
        Command::Show { session, json } => show(&context, &session, json),
        Command::Mark {
            session,
            code,
            status,
            note,
            deduct,
            deduct_reason,
            deduct_points,
            owner,
            due,
        } => {
            let status: Status = status.parse()?;
            let free_deduction = match (deduct_reason, deduct_points) {
                (Some(reason), Some(points)) => Some(FreeDeduction { reason, points }),
                _ => None,
            };
            let mark = Mark {
                status,
                note,
                deductions: (!deduct.is_empty()).then_some(deduct),
                free_deduction,
                owner,
                due,
            };
            mark_item(&context, &session, &code, &mark)
        }
        Command::Checklists => checklists(&context),
        Command::Check { files } => check(&files),
        Command::Finish { session } => set_finished(&context, &session, true),
        Command::Reopen { session } => set_finished(&context, &session, false),
    }
}

fn start_ui(context: &Context) -> Result<()> {
    let _ = context;
    println!("zicha: the terminal UI is not built yet. Try: zicha --help");
    Ok(())
}

fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}

fn new_session(
    context: &Context,
    checklist: String,
    department: String,
    round: String,
    date: Option<NaiveDate>,
    inspector: String,
) -> Result<()> {
    let department = normalize_name(&department);
    let round = normalize_name(&round);
    if department.is_empty() {
        bail!("--department is empty");
    }
    if round.is_empty() {
        bail!("--round is empty");
    }
    let store = context.store()?;
    let request = NewSession {
        checklist,
        department,
        round,
        date: date.unwrap_or_else(clock::today),
        inspector,
    };
    let loaded = store.create(request, clock::now())?;
    println!("{}", loaded.session.id);
    Ok(())
}

/// A loaded session with its checklist and figures.
struct Scored {
    loaded: LoadedSession,
    checklist: Arc<Checklist>,
    summary: Summary,
}

fn scored(store: &Store, loaded: LoadedSession) -> Result<Scored> {
    let checklist = store.checklist_for(&loaded.session.checklist)?;
    let summary = summarize(&checklist, &loaded.session);
    Ok(Scored {
        loaded,
        checklist,
        summary,
    })
}

fn list(
    context: &Context,
    round: Option<String>,
    department: Option<String>,
    as_json: bool,
) -> Result<()> {
    let store = context.store()?;
    let (sessions, unreadable) = store.load_all()?;
    let round = round.map(|r| normalize_name(&r));
    let department = department.map(|d| normalize_name(&d));
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for loaded in sessions {
        let session = &loaded.session;
        if round
            .as_ref()
            .is_some_and(|r| normalize_name(&session.round) != *r)
            || department
                .as_ref()
                .is_some_and(|d| normalize_name(&session.department) != *d)
        {
            continue;
        }
        match scored(&store, loaded) {
            Ok(row) => rows.push(row),
            Err(error) => problems.push(error.to_string()),
        }
    }
    rows.sort_by(|a, b| {
        let (a, b) = (&a.loaded.session, &b.loaded.session);
        b.date
            .cmp(&a.date)
            .then_with(|| a.round.cmp(&b.round))
            .then_with(|| a.department.cmp(&b.department))
            .then_with(|| a.id.cmp(&b.id))
    });
    if as_json {
        let summaries: Vec<json::SessionSummary> = rows
            .iter()
            .map(|row| json::session_summary(&row.checklist, &row.loaded.session, &row.summary))
            .collect();
        print(&json::to_safe_json(&summaries));
        println!();
    } else if rows.is_empty() && unreadable.is_empty() {
        println!("{}", context.lang.texts().no_sessions);
    } else {
        let list_rows: Vec<text::ListRow<'_>> = rows
            .iter()
            .map(|row| text::ListRow {
                session: &row.loaded.session,
                checklist_title: &row.checklist.title,
                summary: &row.summary,
            })
            .collect();
        print(&text::session_list(&list_rows, context.lang));
    }
    report_store_problems(context, &store, &unreadable, &problems)?;
    Ok(())
}

/// Unreadable sessions, strays and recovery files go to stderr on every listing.
fn report_store_problems(
    context: &Context,
    store: &Store,
    unreadable: &[crate::store::Unreadable],
    other: &[String],
) -> Result<()> {
    let t = context.lang.texts();
    let mut stderr = std::io::stderr().lock();
    if !unreadable.is_empty() {
        writeln!(stderr, "{}", t.unreadable_sessions)?;
        for file in unreadable {
            writeln!(
                stderr,
                "  {}: {}",
                file.id,
                sanitize_line(&file.problem.to_string())
            )?;
        }
    }
    for line in other {
        writeln!(stderr, "{}", sanitize_line(line))?;
    }
    let strays = store.scan()?.strays;
    if !strays.is_empty() {
        writeln!(stderr, "{}", t.ignored_files)?;
        for path in strays {
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

fn load_scored(store: &Store, session: &str) -> Result<Scored> {
    let id = store.resolve(session)?;
    let loaded = store.load(id)?;
    scored(store, loaded)
}

fn show(context: &Context, session: &str, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let row = load_scored(&store, session)?;
    if as_json {
        print(&json::to_safe_json(&json::session_detail(
            &row.checklist,
            &row.loaded.session,
        )));
        println!();
    } else {
        print(&text::session_detail(
            &row.checklist,
            &row.loaded.session,
            &row.summary,
            context.lang,
        ));
    }
    Ok(())
}

fn editable(store: &Store, session: &str) -> Result<(crate::store::lock::Lock, Scored)> {
    let id = store.resolve(session)?;
    let lock = store.lock(id, clock::now())?;
    let row = scored(store, store.load(id)?)?;
    if row.loaded.session.is_finished() {
        bail!("session {id} is finished and read-only; run `zicha reopen {id}` to change it");
    }
    Ok((lock, row))
}

fn who(session: &crate::model::session::Session) -> String {
    if session.inspector.is_empty() {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default()
    } else {
        session.inspector.clone()
    }
}

fn mark_item(context: &Context, session: &str, code: &str, mark: &Mark) -> Result<()> {
    let store = context.store()?;
    let (_lock, mut row) = editable(&store, session)?;
    let checklist = row.checklist.clone();
    let code = code.trim();
    let item = checklist.item(code).ok_or_else(|| {
        let codes: Vec<String> = checklist.items().iter().map(|i| i.code.clone()).collect();
        anyhow!(
            "no item {code:?} in {} v{}; valid codes: {}",
            checklist.id,
            checklist.version,
            codes.join(", ")
        )
    })?;
    let session = &mut row.loaded.session;
    let response = edit::apply_mark(item, session.response(code), mark)?;
    let by = who(session);
    session.set_response(code, response, &by, clock::now());
    store
        .save(&mut row.loaded)
        .with_context(|| "the change was not saved")?;
    let session = &row.loaded.session;
    let summary = summarize(&checklist, session);
    let t = context.lang.texts();
    let score =
        item_score(item, session.response(code)).map_or_else(|| "-".to_string(), format_points);
    println!(
        "{} {} {}/{} · {} {}/{} ({}) · {} {}",
        code,
        context.lang.status(session.status(code)),
        score,
        format_points(item.points),
        t.score,
        format_points(summary.figures.score),
        format_points(summary.figures.max),
        text::percent_text(&summary),
        t.deducted,
        format_points(summary.figures.deducted),
    );
    Ok(())
}

fn set_finished(context: &Context, session: &str, finished: bool) -> Result<()> {
    let store = context.store()?;
    let id = store.resolve(session)?;
    let _lock = store.lock(id, clock::now())?;
    let mut loaded = store.load(id)?;
    let now = clock::now();
    if loaded.session.is_finished() == finished {
        println!(
            "{id} {}",
            if finished {
                "already finished"
            } else {
                "already open"
            }
        );
        return Ok(());
    }
    loaded.session.finished = finished.then_some(now);
    loaded.session.updated = now;
    store.save(&mut loaded)?;
    println!("{id} {}", if finished { "finished" } else { "reopened" });
    Ok(())
}

fn checklists(context: &Context) -> Result<()> {
    let store = context.store()?;
    let catalog = store.catalog();
    let t = context.lang.texts();
    let rows: Vec<Vec<String>> = catalog
        .latest_all()
        .iter()
        .map(|entry| {
            let c = &entry.checklist;
            let base: f64 = c
                .items()
                .iter()
                .filter(|i| !i.bonus)
                .map(|i| i.points)
                .sum();
            let source = match &entry.source {
                crate::store::catalog::Source::Builtin(_) => t.builtin.to_string(),
                crate::store::catalog::Source::User(path) => {
                    format!("{} {}", t.user_file, path.display())
                }
            };
            vec![
                c.id.clone(),
                format!("v{}", c.version),
                sanitize_line(&c.title),
                c.items().len().to_string(),
                format_points(base),
                sanitize_line(&source),
            ]
        })
        .collect();
    print(&text::table(
        &["id", "ver", t.checklist, t.items, t.points, ""],
        &rows,
    ));
    if !catalog.problems.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for problem in &catalog.problems {
            writeln!(stderr, "{}", sanitize_line(&problem.to_string()))?;
        }
    }
    Ok(())
}

fn check(files: &[PathBuf]) -> Result<()> {
    let mut problems: Vec<FileProblem> = Vec::new();
    for path in files {
        let label = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                problems.push(FileProblem {
                    file: label,
                    place: None,
                    message: format!("cannot read: {error}"),
                });
                continue;
            }
        };
        match parse_checklist(&bytes, &label) {
            Ok(checklist) => {
                let items = checklist.items();
                let base: f64 = items.iter().filter(|i| !i.bonus).map(|i| i.points).sum();
                println!(
                    "{}: ok — {} v{}, {} items, {} points",
                    sanitize_line(&label),
                    checklist.id,
                    checklist.version,
                    items.len(),
                    format_points(base)
                );
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems.iter().map(ToString::to_string).collect()).into())
    }
}
