//! `zicha demo`: fill the data folder with sample history.

use std::time::Instant;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::Args;

use super::Context;
use crate::clock;
use crate::model::demo::DemoPlan;
use crate::store::demo::write_demo_with;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many departments (科室); past 25 they are named 第N执法大队
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=2000))]
    pub departments: u16,
    /// How many rounds, two a month going back from --until
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u16).range(1..=2000))]
    pub rounds: u16,
    /// Seed of the generator: the same seed gives the same sessions
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The newest round is the half month of this day, YYYY-MM-DD (default: today)
    #[arg(long, value_parser = super::parse_date)]
    pub until: Option<NaiveDate>,
    /// Add to a data folder that already holds sessions (use another --seed)
    #[arg(long)]
    pub add: bool,
}

pub fn demo(context: &Context, args: DemoArgs) -> Result<()> {
    let store = context.store()?;
    let existing = store.scan()?.sessions.len();
    if existing > 0 && !args.add {
        bail!((context.lang.cli().demo_not_empty)(
            &context.data_dir,
            existing
        ));
    }
    let plan = DemoPlan {
        departments: usize::from(args.departments),
        rounds: usize::from(args.rounds),
        seed: args.seed,
        until: args.until.unwrap_or_else(clock::today),
    };
    let started = Instant::now();
    let progress = super::progress::bar(context.lang.cli().writing_demo);
    let written = write_demo_with(&store, &plan, &progress)?;
    progress.finish();
    println!(
        "{}",
        (context.lang.cli().demo_written)(
            written,
            plan.departments,
            plan.rounds,
            &store.sessions_dir(),
            started.elapsed().as_secs_f64()
        )
    );
    Ok(())
}
