//! `zicha export`: a report file for sessions or a whole round.

use std::path::{MAIN_SEPARATOR, PathBuf};

use anyhow::{Result, bail};
use clap::Args;

use super::Context;
use crate::clock;
use crate::export::{self, Folders, Format, Overwrite, Selection};
use crate::model::text::sanitize_line;
use crate::ops::export::{ExportRequest, unit};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session ids or unique prefixes
    #[arg(required_unless_present = "round", conflicts_with = "round")]
    pub sessions: Vec<String>,
    /// Export every department of this round instead
    #[arg(long, value_name = "LABEL")]
    pub round: Option<String>,
    /// md | csv | html | xlsx | docx | package (the 测评材料 folder of one session)
    #[arg(long, value_parser = parse_format)]
    pub format: Format,
    /// A file, or an existing folder for the default name (default: the current
    /// folder); for a package, the package's folder
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists (a package: write into an existing folder)
    #[arg(long)]
    pub force: bool,
    /// The unit (单位) named in the report header (default: env ZICHA_UNIT)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
        .map_err(|e: export::UnknownFormat| e.to_string())
}

pub fn run(context: &Context, args: ExportArgs) -> Result<()> {
    let t = context.lang.cli();
    if let Some(target) = &args.output {
        let text = target.as_os_str().to_string_lossy();
        let names_a_file = args.format != Format::Package;
        if names_a_file
            && (text.ends_with('/') || text.ends_with(MAIN_SEPARATOR))
            && !target.is_dir()
        {
            bail!((t.no_such_folder)(&target.display().to_string()));
        }
    }
    let store = context.store()?;
    let selection = match args.round {
        Some(label) => Selection::Round(label),
        None => Selection::Sessions(args.sessions),
    };
    let request = ExportRequest {
        selection,
        format: args.format,
        unit: unit(args.unit),
        target: args.output,
        folders: Folders::Existing,
        default_dir: std::env::current_dir().map_err(|_| anyhow::anyhow!(t.no_current_folder))?,
        overwrite: if args.force {
            Overwrite::Replace
        } else {
            Overwrite::Never
        },
        unsaved: None,
        now: clock::now(),
        departments: Vec::new(),
    };
    let progress = super::progress::bar(t.exporting);
    let path = crate::ops::export::export(&store, &request, &progress)?;
    progress.finish();
    println!("{}", sanitize_line(&path.display().to_string()));
    Ok(())
}
