//! The rectification loop on the command line (docs/design.md §6, §10, §11):
//! `rectify`, `recheck`, `problem add` and `duties`.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};

use super::sessions::report_store_problems;
use super::{Context, parse_date, print};
use crate::clock;
use crate::export::{followup_json, followup_text, json};
use crate::i18n::followup::{recorded, texts};
use crate::model::session::RecheckResult;
use crate::model::text::sanitize_line;
use crate::ops;
use crate::ops::rectify::{FollowUp, FollowUpRequest, resolve_target};
use crate::store::Unreadable;

#[derive(Debug, Args)]
pub struct RectifyArgs {
    /// A session id (or unique prefix), or a problem id P-<id>
    pub target: String,
    /// The item code (for a session)
    pub code: Option<String>,
    /// The owner reports the rectification done
    #[arg(long, required = true)]
    pub done: bool,
    /// 整改落实情况
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Who reports it (default: the remembered inspector, the session's, the login name)
    #[arg(long, allow_hyphen_values = true)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("result").required(true).args(["pass", "fail"])))]
pub struct RecheckArgs {
    /// A session id (or unique prefix), or a problem id P-<id>
    pub target: String,
    /// The item code (for a session)
    pub code: Option<String>,
    /// The re-check passed: the rectification is closed (销号)
    #[arg(long)]
    pub pass: bool,
    /// The re-check failed: the rectification stays open
    #[arg(long)]
    pub fail: bool,
    /// 复查意见
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Who re-checked (default: the remembered inspector, the session's, the login name)
    #[arg(long, allow_hyphen_values = true)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProblemArgs {
    #[command(subcommand)]
    pub command: ProblemCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProblemCommand {
    /// Record a problem from outside; prints its id P-<id>
    Add(ProblemAddArgs),
}

#[derive(Debug, Args)]
pub struct ProblemAddArgs {
    #[arg(long, allow_hyphen_values = true)]
    pub department: String,
    #[arg(long, allow_hyphen_values = true)]
    pub title: String,
    /// Where it came from (市文明办通报, 测评反馈…)
    #[arg(long, allow_hyphen_values = true)]
    pub source: Option<String>,
    /// When it was found, YYYY-MM-DD (default: today)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// 责任人 (a person)
    #[arg(long, allow_hyphen_values = true)]
    pub owner: Option<String>,
    /// 责任科室
    #[arg(long, value_name = "DEPT", allow_hyphen_values = true)]
    pub owner_department: Option<String>,
    /// 整改措施
    #[arg(long, allow_hyphen_values = true)]
    pub measure: Option<String>,
    /// 整改时限, YYYY-MM-DD
    #[arg(long, value_parser = parse_date)]
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct DutiesArgs {
    /// The round (default: the newest)
    #[arg(long)]
    pub round: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn rectify(context: &Context, args: RectifyArgs) -> Result<()> {
    let follow_up = FollowUp::Done {
        note: args.note.unwrap_or_default(),
    };
    record(
        context,
        &args.target,
        args.code.as_deref(),
        follow_up,
        args.by,
    )
}

pub fn recheck(context: &Context, args: RecheckArgs) -> Result<()> {
    let result = if args.pass {
        RecheckResult::Pass
    } else {
        RecheckResult::Fail
    };
    let follow_up = FollowUp::Recheck {
        result,
        note: args.note.unwrap_or_default(),
    };
    record(
        context,
        &args.target,
        args.code.as_deref(),
        follow_up,
        args.by,
    )
}

fn record(
    context: &Context,
    target: &str,
    code: Option<&str>,
    follow_up: FollowUp,
    by: Option<String>,
) -> Result<()> {
    let store = context.store()?;
    let remembered = store.load_settings().inspector;
    let request = FollowUpRequest {
        target: resolve_target(&store, target, code)?,
        follow_up,
        at_keyboard: &[by.as_deref().unwrap_or_default(), &remembered],
        login: &ops::who::login_name(),
        now: clock::now(),
    };
    let done = ops::rectify::follow_up(&store, request)?;
    println!(
        "{}",
        recorded(
            context.lang,
            &sanitize_line(&done.label),
            done.state,
            &sanitize_line(&done.by),
            &done.at.to_rfc3339(),
        )
    );
    Ok(())
}

pub fn problem(context: &Context, args: ProblemArgs) -> Result<()> {
    match args.command {
        ProblemCommand::Add(args) => add_problem(context, args),
    }
}

fn add_problem(context: &Context, args: ProblemAddArgs) -> Result<()> {
    let store = context.store()?;
    let remembered = store.load_settings().inspector;
    let by = [remembered, ops::who::login_name()]
        .into_iter()
        .find(|name| !name.trim().is_empty())
        .unwrap_or_default();
    let request = ops::problem::NewProblem {
        department: args.department,
        title: args.title,
        source: args.source.unwrap_or_default(),
        date: args.date,
        owner: args.owner.unwrap_or_default(),
        owner_department: args.owner_department.unwrap_or_default(),
        measure: args.measure.unwrap_or_default(),
        due: args.due,
        by,
    };
    let problem = ops::problem::add(&store, request, clock::now())?;
    println!("{}", problem.label());
    Ok(())
}

pub fn duties(context: &Context, args: DutiesArgs) -> Result<()> {
    let store = context.store()?;
    let progress = super::progress::bar(context.lang.cli().reading_sessions);
    let duties = ops::duties::duties(&store, args.round.as_deref(), clock::today(), &progress)?;
    progress.finish();
    if args.json {
        print(&json::to_safe_json(&followup_json::duties(&duties.duties)));
        println!();
    } else {
        print(&followup_text::duties(
            &duties.round,
            &duties.duties,
            context.lang,
        ));
    }
    let left_out: Vec<String> = duties
        .left_out
        .iter()
        .map(|(id, error)| {
            (context.lang.cli().session_problem)(
                *id,
                &crate::i18n::errors::store_error(context.lang, error),
            )
        })
        .collect();
    report_store_problems(context, &store, &duties.overview, &left_out)?;
    Ok(())
}

/// Problem files that cannot be read are said on stderr, never dropped silently.
pub fn report_unreadable_problems(context: &Context, unreadable: &[Unreadable]) {
    if unreadable.is_empty() {
        return;
    }
    eprintln!("{}", texts(context.lang).problems_unreadable);
    for file in unreadable {
        eprintln!("  {}", sanitize_line(&file.problem.to_string()));
    }
}
