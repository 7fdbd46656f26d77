//! `zicha board`: the round's departments ranked, with bands (docs/design.md §15).

use anyhow::Result;
use clap::Args;

use super::sessions::report_store_problems;
use super::{Context, print};
use crate::clock;
use crate::export::{board, json};
use crate::ops::board::{BoardRequest, board as build};

#[derive(Debug, Args)]
pub struct BoardArgs {
    /// The round to rank (default: the newest round)
    #[arg(long, value_name = "LABEL")]
    pub round: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(context: &Context, args: BoardArgs) -> Result<()> {
    let store = context.store()?;
    let request = BoardRequest {
        round: args.round,
        today: clock::today(),
        departments: Vec::new(),
    };
    let progress = super::progress::bar(context.lang.cli().reading_sessions);
    let built = build(&store, &request, &progress)?;
    progress.finish();
    if args.json {
        print(&json::to_safe_json(&board::json(&built.rows)));
        println!();
    } else {
        print(&board::text(
            built.round.as_deref(),
            &built.rows,
            context.lang,
        ));
    }
    let left_out: Vec<String> = built
        .left_out
        .iter()
        .map(|(id, error)| {
            (context.lang.cli().session_problem)(
                *id,
                &crate::i18n::errors::store_error(context.lang, error),
            )
        })
        .collect();
    report_store_problems(context, &store, &built.overview, &left_out)
}
