//! The calendar of the 台账 (docs/design.md §14): months, the monthly report's due
//! day, inspection periods and which departments a period has not covered.
//! No holiday calendar: a due day on a weekend is reported as it is.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};

use super::checklist::Scope;
use super::text::normalize_name;
use super::unit::{Inspection, Unit};

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a month; expected YYYY-MM")]
pub struct BadMonth(pub String);

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        let next = if self.month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.month + 1, 1)
        };
        next.and_then(|first| first.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// Day `day` of the month, or its last day when the month is shorter.
    pub fn day_or_last(self, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, day.max(1)).unwrap_or(self.last_day())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = BadMonth;
    fn from_str(text: &str) -> Result<Month, BadMonth> {
        let bad = || BadMonth(text.to_string());
        let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }
}

/// The day the monthly report of `month` is due: `monthly_report_day`, or the
/// month's last day in a shorter month. A Saturday or Sunday stays as it is.
pub fn monthly_report_due(unit: &Unit, month: Month) -> NaiveDate {
    month.day_or_last(unit.monthly_report_day)
}

/// The day activity material is due: the activity's date plus `within` days.
pub fn material_due(date: NaiveDate, within: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(within)))
        .unwrap_or(NaiveDate::MAX)
}

/// An inspection period, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// The period that holds `date`: for half-month, 1st–15th or 16th–end of its month.
pub fn period_of(date: NaiveDate, inspection: Inspection) -> Period {
    let month = Month::of(date);
    match inspection {
        Inspection::Month => Period {
            from: month.first_day(),
            to: month.last_day(),
        },
        Inspection::HalfMonth if date.day() <= 15 => Period {
            from: month.first_day(),
            to: month.day_or_last(15),
        },
        Inspection::HalfMonth => Period {
            from: month.day_or_last(16),
            to: month.last_day(),
        },
    }
}

/// The period `deadlines --month` looks at: today's in the current month, the last
/// one of a past month, the first one of a future month.
pub fn period_for_month(month: Month, today: NaiveDate, inspection: Inspection) -> Period {
    let current = Month::of(today);
    let day = if month == current {
        today
    } else if month < current {
        month.last_day()
    } else {
        month.first_day()
    };
    period_of(day, inspection)
}

/// What coverage needs of a session: its department, date and scope.
#[derive(Debug, Clone, Copy)]
pub struct Visit<'a> {
    pub department: &'a str,
    pub date: NaiveDate,
    pub scope: Scope,
}

/// The profile's departments, in its order, with no department session dated in `period`.
pub fn not_inspected(unit: &Unit, visits: &[Visit<'_>], period: Period) -> Vec<String> {
    let covered: Vec<String> = visits
        .iter()
        .filter(|visit| visit.scope == Scope::Department && period.contains(visit.date))
        .map(|visit| normalize_name(visit.department))
        .collect();
    unit.departments
        .iter()
        .filter(|department| !covered.contains(&normalize_name(department)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn unit_with_day(monthly_report_day: u32) -> Unit {
        let mut unit = Unit::new("局".into(), vec!["办公室".into(), "党群室".into()]);
        unit.monthly_report_day = monthly_report_day;
        unit
    }

    #[test]
    fn months_parse_strictly() {
        assert_eq!(
            "2026-02".parse::<Month>(),
            Ok(Month {
                year: 2026,
                month: 2
            })
        );
        for bad in ["2026-13", "2026-2", "26-02", "2026/02", "2026-00", ""] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
        assert_eq!(Month::of(day("2026-11-30")).to_string(), "2026-11");
    }

    #[test]
    fn the_twentieth_on_a_weekend_is_reported_as_it_is() {
        // 2026-12-20 is a Sunday and 2027-02-20 a Saturday: no holiday calendar.
        let unit = unit_with_day(20);
        let december = monthly_report_due(&unit, "2026-12".parse().unwrap());
        assert_eq!(december, day("2026-12-20"));
        assert_eq!(december.weekday(), chrono::Weekday::Sun);
        let february = monthly_report_due(&unit, "2027-02".parse().unwrap());
        assert_eq!(february, day("2027-02-20"));
        assert_eq!(february.weekday(), chrono::Weekday::Sat);
    }

    #[test]
    fn a_report_day_past_the_month_end_falls_on_its_last_day() {
        let unit = unit_with_day(31);
        let due = |m: &str| monthly_report_due(&unit, m.parse().unwrap());
        assert_eq!(due("2026-02"), day("2026-02-28"));
        assert_eq!(due("2028-02"), day("2028-02-29"), "leap year");
        assert_eq!(due("2026-04"), day("2026-04-30"));
        assert_eq!(due("2026-12"), day("2026-12-31"));
    }

    #[test]
    fn material_is_due_days_after_the_activity_across_month_and_year_ends() {
        assert_eq!(material_due(day("2026-01-30"), 3), day("2026-02-02"));
        assert_eq!(material_due(day("2028-02-27"), 3), day("2028-03-01"));
        assert_eq!(material_due(day("2026-12-30"), 3), day("2027-01-02"));
        assert_eq!(material_due(day("2026-11-05"), 0), day("2026-11-05"));
    }

    #[test]
    fn half_month_periods_are_calendar_halves() {
        let half = Inspection::HalfMonth;
        let period = |d: &str| period_of(day(d), half);
        assert_eq!(period("2026-11-15").to, day("2026-11-15"));
        assert_eq!(period("2026-11-16").from, day("2026-11-16"));
        assert_eq!(period("2026-11-16").to, day("2026-11-30"));
        assert_eq!(period("2026-02-28").to, day("2026-02-28"));
        assert_eq!(period("2026-01-31").from, day("2026-01-16"));
        let month = period_of(day("2026-11-03"), Inspection::Month);
        assert_eq!(
            (month.from, month.to),
            (day("2026-11-01"), day("2026-11-30"))
        );
    }

    #[test]
    fn a_past_month_is_judged_on_its_last_period_a_future_one_on_its_first() {
        let today = day("2026-11-10");
        let half = Inspection::HalfMonth;
        let past = period_for_month("2026-10".parse().unwrap(), today, half);
        assert_eq!((past.from, past.to), (day("2026-10-16"), day("2026-10-31")));
        let now = period_for_month("2026-11".parse().unwrap(), today, half);
        assert_eq!((now.from, now.to), (day("2026-11-01"), day("2026-11-15")));
        let future = period_for_month("2026-12".parse().unwrap(), today, half);
        assert_eq!(future.from, day("2026-12-01"));
    }

    #[test]
    fn coverage_counts_department_sessions_dated_in_the_period() {
        let unit = Unit::new(
            "局".into(),
            vec!["办公室".into(), "党群室".into(), "财务科".into()],
        );
        let visit = |department, date: &str, scope| Visit {
            department,
            date: day(date),
            scope,
        };
        let visits = [
            // The first half's check does not cover the second half.
            visit("办公室", "2026-11-15", Scope::Department),
            visit("党群室", "2026-11-16", Scope::Department),
            // A unit-wide session inspects no one department.
            visit("财务科", "2026-11-20", Scope::Unit),
            visit("不在名单", "2026-11-20", Scope::Department),
        ];
        let second_half = period_of(day("2026-11-20"), Inspection::HalfMonth);
        assert_eq!(
            not_inspected(&unit, &visits, second_half),
            ["办公室", "财务科"]
        );
        let first_half = period_of(day("2026-11-01"), Inspection::HalfMonth);
        assert_eq!(
            not_inspected(&unit, &visits, first_half),
            ["党群室", "财务科"]
        );
        let whole = period_of(day("2026-11-01"), Inspection::Month);
        assert_eq!(not_inspected(&unit, &visits, whole), ["财务科"]);
    }
}
