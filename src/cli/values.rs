//! Option values the command line parses itself; a value that does not parse is a
//! usage error (exit 2), with clap's message.

use crate::model::text::sanitize_line;
use chrono::NaiveDate;

use crate::model::checklist::Scope;
use crate::model::judgement::{BadPicked, Picked};
use crate::model::rate::{RateError, SurveyedRate};

/// Dates of inspections and deadlines: `YYYY-MM-DD`, years 1900 to 9999.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shown = sanitize_line(text);
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{shown:?} is not a date; expected YYYY-MM-DD"))?;
    if !(1900..=9999).contains(&chrono::Datelike::year(&date)) {
        return Err(format!(
            "{shown:?} is out of range; dates are from 1900-01-01 to 9999-12-31"
        ));
    }
    Ok(date)
}

pub(super) fn parse_scope(text: &str) -> Result<Scope, String> {
    Scope::try_from(text.trim().to_string())
}

pub(super) fn parse_picked(text: &str) -> Result<Picked, String> {
    text.parse().map_err(|error: BadPicked| error.to_string())
}

/// A rate that cannot be one (51/50, 0/0, 120%) is a usage error like a date that
/// does not exist.
pub(super) fn parse_rate(text: &str) -> Result<SurveyedRate, String> {
    text.parse().map_err(|error: RateError| error.to_string())
}
