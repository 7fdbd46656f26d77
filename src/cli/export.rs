//! `zicha export`: a report file for sessions or a whole round.

use std::path::{MAIN_SEPARATOR, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::Args;

use super::Context;
use crate::clock;
use crate::export::{self, ExportError, Format, Options, Overwrite, Selection};
use crate::model::text::sanitize_line;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session ids or unique prefixes
    #[arg(required_unless_present = "round", conflicts_with = "round")]
    pub sessions: Vec<String>,
    /// Export every department of this round instead
    #[arg(long, value_name = "LABEL")]
    pub round: Option<String>,
    /// md | csv | html | xlsx | docx
    #[arg(long, value_parser = parse_format)]
    pub format: Format,
    /// A file, or an existing folder for the default name (default: the current folder)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
    /// The unit (单位) named in the report header
    #[arg(long, env = "ZICHA_UNIT", value_name = "NAME")]
    pub unit: Option<String>,
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
        .map_err(|e: export::UnknownFormat| e.to_string())
}

pub fn run(context: &Context, args: ExportArgs) -> Result<()> {
    if let Some(target) = &args.output {
        let text = target.as_os_str().to_string_lossy();
        if (text.ends_with('/') || text.ends_with(MAIN_SEPARATOR)) && !target.is_dir() {
            bail!("folder {} does not exist", target.display());
        }
    }
    let store = context.store()?;
    let selection = match args.round {
        Some(label) => Selection::Round(label),
        None => Selection::Sessions(args.sessions),
    };
    let options = Options {
        today: clock::today(),
        unit: args.unit.filter(|unit| !unit.trim().is_empty()),
    };
    let here = std::env::current_dir().context("cannot find the current folder")?;
    let overwrite = if args.force {
        Overwrite::Replace
    } else {
        Overwrite::Never
    };
    let path = match export::export(
        &store,
        &selection,
        args.format,
        &options,
        args.output.as_deref(),
        &here,
        overwrite,
    ) {
        Ok(path) => path,
        Err(ExportError::Exists { path }) => {
            bail!(
                "{} already exists; use --force to replace it",
                path.display()
            )
        }
        Err(other) => return Err(other.into()),
    };
    println!("{}", sanitize_line(&path.display().to_string()));
    Ok(())
}
