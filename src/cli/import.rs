//! `zicha import` and `zicha bundle`: sessions between inspectors' machines.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Context, Problems, print};
use crate::clock;
use crate::export::{import_json, import_text, json};
use crate::model::text::sanitize_line;
use crate::ops::{self, import::ImportRequest};
use crate::store::import::{ImportOptions, ImportOutcome};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Data folders, session files or bundles made by `zicha bundle`
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Bring back sessions that are in this folder's trash (skipped otherwise)
    #[arg(long)]
    pub restore: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BundleArgs {
    /// Only the sessions of this round
    #[arg(long, value_name = "LABEL")]
    pub round: Option<String>,
    /// The bundle file to write (a zip)
    #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
    pub output: PathBuf,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

pub fn import(context: &Context, args: ImportArgs) -> Result<()> {
    let store = context.store()?;
    let request = ImportRequest {
        paths: args.paths,
        options: ImportOptions {
            restore: args.restore,
        },
        now: clock::now(),
    };
    let progress = super::progress::bar(context.lang.cli().importing);
    let report = ops::import::import(&store, &request, &progress)?;
    progress.finish();
    if args.json {
        print(&json::to_safe_json(&import_json::import_report(&report)));
        println!();
    } else {
        print(&import_text::import_report(&report, context.lang));
    }
    if !report.has_problems() {
        return Ok(());
    }
    let mut problems: Vec<String> = report
        .sessions
        .iter()
        .filter_map(|s| match &s.outcome {
            ImportOutcome::Skipped(why) => Some(format!("{} ({}): {why}", s.id, s.source)),
            _ => None,
        })
        .collect();
    problems.extend(report.outside.iter().filter_map(|p| match &p.outcome {
        ImportOutcome::Skipped(why) => Some(format!(
            "{} ({}): {why}",
            crate::model::problem::label(p.id),
            p.source
        )),
        _ => None,
    }));
    problems.extend(report.problems.iter().cloned());
    Err(Problems(problems).into())
}

pub fn bundle(context: &Context, args: BundleArgs) -> Result<()> {
    let here = std::env::current_dir()
        .map_err(|_| anyhow::anyhow!(context.lang.cli().no_current_folder))?;
    let output = here.join(&args.output);
    let store = context.store()?;
    let report = store.write_bundle(args.round.as_deref(), &output, args.force)?;
    print(&import_text::bundle_report(
        &report,
        &output.display().to_string(),
        context.lang,
    ));
    if report.skipped.is_empty() {
        return Ok(());
    }
    let t = crate::i18n::import::texts(context.lang);
    Err(Problems(
        report
            .skipped
            .iter()
            .map(|why| format!("{}: {}", t.left_out, sanitize_line(why)))
            .collect(),
    )
    .into())
}
