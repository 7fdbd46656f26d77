//! Days as people type them (`YYYY-MM-DD`), and the round a day falls in.

use chrono::{Datelike, NaiveDate};

/// Why typed text is not a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayProblem {
    /// Not `YYYY-MM-DD` at all ("下周", "2026/11/20").
    Format,
    /// In the form, but no such day on the calendar (`2026-11-99`, `2026-02-30`).
    NoSuchDay,
}

/// A day typed as `YYYY-MM-DD` (surrounding blanks ignored).
pub fn parse_day(text: &str) -> Result<NaiveDate, DayProblem> {
    let text = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day);
    }
    let digits = |part: &str, most: usize| {
        (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    match text.split('-').collect::<Vec<_>>().as_slice() {
        [year, month, day]
            if year.len() == 4 && digits(year, 4) && digits(month, 2) && digits(day, 2) =>
        {
            Err(DayProblem::NoSuchDay)
        }
        _ => Err(DayProblem::Format),
    }
}

/// The calendar half-month a day falls in: days 1 to 15 are the first half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfMonth {
    pub year: i32,
    pub month: u32,
    pub first_half: bool,
}

impl HalfMonth {
    pub fn of(day: NaiveDate) -> HalfMonth {
        HalfMonth {
            year: day.year(),
            month: day.month(),
            first_half: day.day() <= 15,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_parse_and_impossible_days_are_told_apart_from_bad_forms() {
        assert_eq!(parse_day(" 2026-11-20 "), Ok(day(2026, 11, 20)));
        assert_eq!(parse_day("2026-11-99"), Err(DayProblem::NoSuchDay));
        assert_eq!(parse_day("2026-02-30"), Err(DayProblem::NoSuchDay));
        assert_eq!(parse_day("2026-13-01"), Err(DayProblem::NoSuchDay));
        assert_eq!(parse_day("2026/11/20"), Err(DayProblem::Format));
        assert_eq!(parse_day("下周一"), Err(DayProblem::Format));
        assert_eq!(parse_day("2026-11"), Err(DayProblem::Format));
        assert_eq!(parse_day(""), Err(DayProblem::Format));
    }

    #[test]
    fn the_fifteenth_ends_the_first_half() {
        assert!(HalfMonth::of(day(2026, 11, 1)).first_half);
        assert!(HalfMonth::of(day(2026, 11, 15)).first_half);
        assert!(!HalfMonth::of(day(2026, 11, 16)).first_half);
        assert_eq!(
            HalfMonth::of(day(2026, 11, 30)),
            HalfMonth {
                year: 2026,
                month: 11,
                first_half: false
            }
        );
    }
}
