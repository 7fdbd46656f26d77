//! The command line (docs/design.md §6): parse, call model/store/export, print.

mod activities;
mod attach;
mod board;
mod checklists;
mod conflicts;
mod demo;
mod errors;
mod export;
mod followup;
mod import;
mod progress;
mod rounds;
mod sessions;
mod values;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::model::checklist::Scope;
use crate::model::edit::Mark;
use crate::model::judgement::{Judgement, Picked};
use crate::model::rate::SurveyedRate;
use crate::model::session::FreeDeduction;
use crate::store::{NewSession, Store, paths};
pub use errors::Problems;
use errors::{report_error, usage_error};
use values::{parse_date, parse_picked, parse_rate, parse_scope};

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
        #[arg(long, allow_hyphen_values = true)]
        department: String,
        #[arg(long, allow_hyphen_values = true)]
        round: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        inspector: String,
        /// department (default): unit items are left out; unit: every item, judged
        /// once for the whole unit (e.g. --department 全局)
        #[arg(long, value_name = "unit|department", value_parser = parse_scope)]
        scope: Option<Scope>,
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
    /// Mark an item: pending|pass|partial|fail|na, or a level of the checklist (A, B, …)
    Mark {
        session: String,
        code: String,
        /// pending|pass|partial|fail|na, the Chinese words, or a level label; optional with --rate
        #[arg(required_unless_present = "rate", conflicts_with = "rate")]
        status: Option<String>,
        /// Text may start with '-' (--note "-2 分")
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
        /// Apply the item's N-th predefined deduction (1-based; repeatable);
        /// NxK applies a per-occurrence one K times (2x3)
        #[arg(long = "deduct", value_name = "N[xK]", value_parser = parse_picked)]
        deduct: Vec<Picked>,
        #[arg(long, requires = "deduct_points", allow_hyphen_values = true)]
        deduct_reason: Option<String>,
        /// Points taken off (positive; a negative number is refused with a message)
        #[arg(long, requires = "deduct_reason", allow_hyphen_values = true)]
        deduct_points: Option<f64>,
        /// Rectification owner, a person (整改责任人)
        #[arg(long, allow_hyphen_values = true)]
        owner: Option<String>,
        /// The department responsible for the rectification (责任科室)
        #[arg(long, value_name = "DEPT", allow_hyphen_values = true)]
        owner_department: Option<String>,
        /// The rectification measure (整改措施)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        measure: Option<String>,
        /// Rectification due date, YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
        /// A surveyed rate for a rate item: answered/asked (43/50) or a percent (86%);
        /// it decides the status
        #[arg(long, value_name = "A/B|P%", value_parser = parse_rate)]
        rate: Option<SurveyedRate>,
    },
    /// Built-in, user and imported checklists; `import` a table, print a blank `form`
    Checklists(checklists::ChecklistsArgs),
    /// Validate checklist files
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Mark a session finished (read-only until reopened)
    Finish { session: String },
    /// Reopen a finished session for editing
    Reopen { session: String },
    /// Write a report file (md, csv, html, xlsx, docx) for sessions or a round
    Export(export::ExportArgs),
    /// Compare a session with its prior session, or with PRIOR
    Compare {
        session: String,
        prior: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Open rectifications across sessions (整改台账)
    Ledger {
        /// Include closed rectifications
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// The round's departments ranked, with red/yellow/green bands (排名)
    Board(board::BoardArgs),
    /// Merge sessions from other inspectors' data folders, session files or bundles
    Import(import::ImportArgs),
    /// Pack sessions and their checklists into one file for another machine
    Bundle(import::BundleArgs),
    /// Items that imports left in conflict, for review
    Conflicts(conflicts::ConflictsArgs),
    /// Settle an item's conflict: --mine, --theirs [N] or --both (notes)
    Resolve(conflicts::ResolveArgs),
    /// 整改落实: report a rectification done (SESSION CODE, or a problem P-<id>)
    Rectify(followup::RectifyArgs),
    /// 复查: re-check a rectification; --pass closes it (销号)
    Recheck(followup::RecheckArgs),
    /// Problems from outside (上级通报, 测评反馈)
    Problem(followup::ProblemArgs),
    /// 责任分解: what each responsible department lost in a round
    Duties(followup::DutiesArgs),
    /// Attach photos or documents to an item (copied into the data folder)
    Attach {
        session: String,
        code: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "")]
        caption: String,
    },
    /// Remove the N-th attachment (1-based) of an item
    Detach {
        session: String,
        code: String,
        number: usize,
    },
    /// Stored attachments no session or activity refers to; --remove deletes them
    Attachments {
        #[arg(long)]
        remove: bool,
    },
    /// Fill the data folder with realistic sample history (to try zicha, or to measure it)
    Demo(demo::DemoArgs),
    /// The 创建活动台账: add, attach files, report material handed in, list, export
    Activity(activities::ActivityArgs),
    /// What is due: activity material, the monthly report, departments not inspected
    /// this period, rectifications due within 7 days
    Deadlines(activities::DeadlinesArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    // A language that is none is a usage error, like any value that does not parse.
    let lang = match language(&cli) {
        Ok(lang) => lang,
        Err(error) => {
            report_error(&error, Lang::default());
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report_error(&error, lang);
            ExitCode::from(1)
        }
    }
}

/// `--lang`, else `ZICHA_LANG`, else Chinese.
fn language(cli: &Cli) -> Result<Lang> {
    let text = cli
        .lang
        .clone()
        .or_else(|| std::env::var("ZICHA_LANG").ok());
    match text {
        Some(text) => Lang::parse(&text)
            .ok_or_else(|| anyhow!((Lang::default().cli().unknown_language)(&text))),
        None => Ok(Lang::Zh),
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
        let lang = language(cli)?;
        let data_dir =
            paths::data_dir(cli.data_dir.clone()).ok_or_else(|| anyhow!(lang.cli().no_data_dir))?;
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
            let store = context.store()?;
            let id = store.resolve(&session)?;
            crate::tui::run(
                store,
                context.lang,
                context.ascii,
                crate::tui::Start { open: Some(id) },
            )
        }
        Command::New {
            checklist,
            department,
            round,
            date,
            inspector,
            scope,
        } => sessions::new_session(
            &context,
            NewSession {
                checklist,
                department,
                round,
                date: date.unwrap_or_else(crate::clock::today),
                inspector,
                scope: scope.unwrap_or_default(),
            },
        ),
        Command::List {
            round,
            department,
            json,
        } => sessions::list(&context, round, department, json),
        Command::Show { session, json } => sessions::show(&context, &session, json),
        Command::Mark {
            session,
            code,
            status,
            note,
            deduct,
            deduct_reason,
            deduct_points,
            owner,
            owner_department,
            measure,
            due,
            rate,
        } => {
            let free_deduction = match (deduct_reason, deduct_points) {
                (Some(reason), Some(points)) => Some(FreeDeduction { reason, points }),
                _ => None,
            };
            let mark = Mark {
                judgement: rate.map(Judgement::Rate).unwrap_or_default(),
                note,
                deductions: (!deduct.is_empty()).then_some(deduct),
                free_deduction,
                owner,
                owner_department,
                measure,
                due,
            };
            sessions::mark_item(&context, &session, &code, status.as_deref(), mark)
        }
        Command::Checklists(args) => checklists::run(&context, args),
        Command::Check { files } => checklists::check(&context, &files),
        Command::Finish { session } => sessions::set_finished(&context, &session, true),
        Command::Reopen { session } => sessions::set_finished(&context, &session, false),
        Command::Export(args) => export::run(&context, args),
        Command::Compare {
            session,
            prior,
            json,
        } => rounds::compare(&context, &session, prior.as_deref(), json),
        Command::Ledger { all, json } => rounds::ledger(&context, all, json),
        Command::Board(args) => board::run(&context, args),
        Command::Import(args) => import::import(&context, args),
        Command::Bundle(args) => import::bundle(&context, args),
        Command::Conflicts(args) => conflicts::conflicts(&context, args),
        Command::Resolve(args) => conflicts::resolve(&context, args),
        Command::Rectify(args) => followup::rectify(&context, args),
        Command::Recheck(args) => followup::recheck(&context, args),
        Command::Problem(args) => followup::problem(&context, args),
        Command::Duties(args) => followup::duties(&context, args),
        Command::Attach {
            session,
            code,
            files,
            caption,
        } => attach::attach(&context, &session, &code, &files, &caption),
        Command::Detach {
            session,
            code,
            number,
        } => attach::detach(&context, &session, &code, number),
        Command::Attachments { remove } => attach::unreferenced(&context, remove),
        Command::Demo(args) => demo::demo(&context, args),
        Command::Activity(args) => activities::run(&context, args),
        Command::Deadlines(args) => activities::deadlines(&context, args.month, args.json),
    }
}

fn start_ui(context: &Context) -> Result<()> {
    crate::tui::run(
        context.store()?,
        context.lang,
        context.ascii,
        crate::tui::Start { open: None },
    )
}

pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}
