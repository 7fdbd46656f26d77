//! `zicha activity add|attach|detach|report|list|export` and `zicha deadlines`
//! (docs/design.md §14; attachments as `zicha attach` makes them, DESIGN §12).

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{Context, Problems, parse_date, print};
use crate::clock;
use crate::export::activities as out;
use crate::export::{Overwrite, json, safe_file_name, write_file};
use crate::model::activity::{Activity, ActivityFields};
use crate::model::deadlines::Month;
use crate::model::text::sanitize_line;
use crate::ops;
use crate::store::Store;
use crate::store::activities::ActivityStoreError;
use crate::store::checklist_file::FileProblem;
use crate::store::unit_file::UnitError;

#[derive(Debug, Args)]
pub struct ActivityArgs {
    #[command(subcommand)]
    pub command: ActivityCommand,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// Record an activity (创建活动); prints its id
    Add {
        #[arg(long, allow_hyphen_values = true)]
        title: String,
        /// YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long, allow_hyphen_values = true)]
        department: String,
        /// 道德讲堂, 志愿服务, 我们的节日…
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        kind: String,
        #[arg(long)]
        participants: Option<u32>,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        note: String,
        /// A label of the material (签到表, 照片…); repeatable
        #[arg(long = "evidence", allow_hyphen_values = true)]
        evidence: Vec<String>,
        /// A photo or document to attach (jpg, png, pdf, doc, docx, xls, xlsx;
        /// copied into the data folder); repeatable
        #[arg(long = "attach", value_name = "FILE")]
        attach: Vec<PathBuf>,
        /// A caption for the files of --attach (what they show)
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        caption: String,
        /// Who records it
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        by: String,
    },
    /// Attach photos or documents to an activity (copied into the data folder)
    Attach {
        /// The activity's id or a unique prefix of it
        id: String,
        /// Photos (jpg, png) or documents (pdf, doc, docx, xls, xlsx), at most 50 MiB each
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// A caption for the files (what they show)
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        caption: String,
    },
    /// Remove the N-th attachment (1-based) of an activity
    Detach {
        /// The activity's id or a unique prefix of it
        id: String,
        /// As `activity list` numbers them, from 1
        number: usize,
    },
    /// Record when the activity's material was handed in
    Report {
        id: String,
        /// The day the electronic copy was handed in, YYYY-MM-DD
        #[arg(long, value_parser = parse_date, required_unless_present = "paper")]
        electronic: Option<NaiveDate>,
        /// The day the paper copy was handed in, YYYY-MM-DD
        #[arg(long, value_parser = parse_date)]
        paper: Option<NaiveDate>,
    },
    /// Activities with their due day and late flag
    List {
        /// YYYY-MM: activities held in that month
        #[arg(long, value_parser = parse_month)]
        month: Option<Month>,
        /// Only late ones
        #[arg(long)]
        late: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write the activity 台账 (日期, 活动, 科室, 人数, 报送, 是否逾期, 材料/附件)
    Export {
        /// xlsx or csv
        #[arg(long, value_parser = ["xlsx", "csv"])]
        format: String,
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        #[arg(long, value_parser = parse_month)]
        month: Option<Month>,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// YYYY-MM (default: this month)
    #[arg(long, value_parser = parse_month)]
    pub month: Option<Month>,
    #[arg(long)]
    pub json: bool,
}

pub fn parse_month(text: &str) -> Result<Month, String> {
    text.parse::<Month>()
        .map_err(|error| crate::model::text::sanitize_line(&error.to_string()))
}

pub fn run(context: &Context, args: ActivityArgs) -> Result<()> {
    let store = context.store()?;
    match args.command {
        ActivityCommand::Add {
            title,
            date,
            department,
            kind,
            participants,
            note,
            evidence,
            attach,
            caption,
            by,
        } => {
            let fields = ActivityFields {
                title,
                date: Some(date),
                department,
                kind,
                participants,
                note,
                evidence,
            };
            let files = (&attach[..], &caption[..]);
            let added = ops::activity::add_with_files(&store, fields, &by, files, clock::now())?;
            // stdout carries the id alone, for scripts; what was attached goes to stderr.
            eprint!(
                "{}",
                attached_lines(context, &added, added.attachments.len())
            );
            println!("{}", added.id);
            Ok(())
        }
        ActivityCommand::Attach { id, files, caption } => {
            let id = store.resolve_activity(&id)?;
            let attached = ops::activity::attach(&store, id, &files, &caption, clock::now())?;
            let activity = store.load_activity(id)?.activity;
            print(&attached_lines(context, &activity, attached.len()));
            Ok(())
        }
        ActivityCommand::Detach { id, number } => {
            let id = store.resolve_activity(&id)?;
            let removed = ops::activity::detach(&store, id, number, clock::now())?;
            let activity = store.load_activity(id)?.activity;
            let title = sanitize_line(&activity.title);
            let file = sanitize_line(&removed.file);
            println!("{}", (context.lang.cli().detached)(&title, number, &file));
            Ok(())
        }
        ActivityCommand::Report {
            id,
            electronic,
            paper,
        } => {
            let id = store.resolve_activity(&id)?;
            ops::activity::report(&store, id, electronic, paper, clock::now())?;
            Ok(())
        }
        ActivityCommand::List { month, late, json } => {
            let list = ops::activity::list(&store, month, late, clock::today())
                .map_err(|e| located(e, context))?;
            report_unreadable(context, &list.unreadable);
            if json {
                let rows: Vec<out::ActivityJson> =
                    list.rows.iter().map(out::activity_json).collect();
                print(&json::to_safe_json(&rows));
                println!();
            } else {
                print(&out::activities_text(&list.rows, context.lang));
            }
            Ok(())
        }
        ActivityCommand::Export {
            format,
            output,
            month,
            force,
        } => export(context, &store, &format, output, month, force),
    }
}

fn export(
    context: &Context,
    store: &Store,
    format: &str,
    output: Option<PathBuf>,
    month: Option<Month>,
    force: bool,
) -> Result<()> {
    let list = ops::activity::list(store, month, false, clock::today())
        .map_err(|e| located(e, context))?;
    report_unreadable(context, &list.unreadable);
    let bytes = match format {
        "csv" => out::ledger_csv(&list.rows, context.lang).into_bytes(),
        _ => out::ledger_xlsx(&list.rows, context.lang)
            .map_err(|error| anyhow!(error.to_string()))?,
    };
    let stem = match month {
        Some(month) => format!("{}-{month}", context.lang.deadlines().activities_screen),
        None => context.lang.deadlines().activities_screen.to_string(),
    };
    let default = safe_file_name(&stem, format);
    let path = match output {
        Some(path) if path.is_dir() => path.join(default),
        Some(path) => path,
        None => PathBuf::from(default),
    };
    let overwrite = if force {
        Overwrite::Replace
    } else {
        Overwrite::Never
    };
    write_file(&path, &bytes, overwrite)?;
    eprintln!(
        "{}",
        (context.lang.deadlines().exported)(&path.display().to_string())
    );
    Ok(())
}

pub fn deadlines(context: &Context, month: Option<Month>, as_json: bool) -> Result<()> {
    let store = context.store()?;
    let progress = super::progress::bar(context.lang.cli().reading_sessions);
    let deadlines = ops::deadlines::deadlines(&store, month, clock::today(), &progress)
        .map_err(|e| located(e, context))?;
    progress.finish();
    report_unreadable(context, &deadlines.unreadable);
    if as_json {
        print(&json::to_safe_json(&out::deadlines_json(&deadlines)));
        println!();
    } else {
        print(&out::deadlines_text(&deadlines, context.lang));
    }
    Ok(())
}

/// One line per attached file, for the last `count` attachments of `activity`.
fn attached_lines(context: &Context, activity: &Activity, count: usize) -> String {
    let title = sanitize_line(&activity.title);
    let first = activity.attachments.len().saturating_sub(count);
    let mut out = String::new();
    for (index, attachment) in activity.attachments.iter().enumerate().skip(first) {
        let file = sanitize_line(&attachment.file);
        let line = (context.lang.cli().attached)(&title, index + 1, &file, &attachment.taken);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Activity files that cannot be read are named on stderr at every listing.
fn report_unreadable(context: &Context, unreadable: &[FileProblem]) {
    if unreadable.is_empty() {
        return;
    }
    eprintln!("{}", context.lang.deadlines().unreadable_activities);
    for problem in unreadable {
        eprintln!(
            "  {}",
            crate::model::text::sanitize_line(&problem.to_string())
        );
    }
}

/// A damaged unit profile is reported as `file:line:col: message` lines, like a
/// checklist; other errors go as they are.
fn located(error: ActivityStoreError, context: &Context) -> anyhow::Error {
    match &error {
        ActivityStoreError::Unit(unit @ (UnitError::Syntax(_) | UnitError::Invalid(_))) => {
            let text = crate::i18n::deadlines::unit_error(context.lang, unit);
            anyhow::Error::new(Problems(text.lines().map(str::to_string).collect()))
        }
        _ => error.into(),
    }
}
