//! The current time. `ZICHA_NOW` (RFC 3339) pins it, for reproducible tests and demos.

use chrono::{DateTime, FixedOffset, Local, SubsecRound};

pub const NOW_ENV: &str = "ZICHA_NOW";

pub fn now() -> DateTime<FixedOffset> {
    std::env::var(NOW_ENV)
        .ok()
        .and_then(|text| DateTime::parse_from_rfc3339(text.trim()).ok())
        .unwrap_or_else(|| Local::now().fixed_offset())
        .trunc_subsecs(0)
}

pub fn today() -> chrono::NaiveDate {
    now().date_naive()
}
