//! The quick date and timestamp readers against chrono, which reads them otherwise.

use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;

use super::{read_date, read_time};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever the quick timestamp reader accepts, chrono reads the same.
    #[test]
    fn quick_times_are_chronos(
        (year, month, day) in (0u32..10000, 0u32..14, 0u32..33),
        (hour, minute, second) in (0u32..26, 0u32..62, 0u32..62),
        (sign, offset_hours, offset_minutes) in (prop::bool::ANY, 0u32..26, 0u32..62),
    ) {
        let sign = if sign { '+' } else { '-' };
        let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{sign}{offset_hours:02}:{offset_minutes:02}");
        if let Some(quick) = read_time(text.as_bytes()) {
            prop_assert_eq!(Ok(quick), text.parse::<DateTime<FixedOffset>>());
        }
        let date = &text[..10];
        if let Some(quick) = read_date(date.as_bytes()) {
            prop_assert_eq!(Ok(quick), date.parse::<NaiveDate>());
        }
    }
}

#[test]
fn quick_times_cover_what_zicha_writes() {
    for text in [
        "2026-11-21T09:30:00+08:00",
        "0001-01-01T00:00:00-12:45",
        "9999-12-31T23:59:59+14:00",
    ] {
        assert_eq!(read_time(text.as_bytes()), text.parse().ok(), "{text}");
        assert!(read_time(text.as_bytes()).is_some(), "{text}");
    }
    assert_eq!(
        read_date(b"2024-02-29"),
        NaiveDate::from_ymd_opt(2024, 2, 29)
    );
    assert_eq!(read_date(b"2023-02-29"), None);
}
