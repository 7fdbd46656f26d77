//! Surveyed rates (知晓率, 满意率) and the bands that turn them into deductions (docs/design.md §15).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::checklist::Item;
use super::session::Status;

/// A rate as surveyed: answered of asked (`43/50`), or a percent (`86%`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum SurveyedRate {
    Fraction { numerator: u32, denominator: u32 },
    Percent(f64),
}

/// Why a rate is not one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RateError {
    #[error("{0:?} is not a rate; write answered/asked (43/50) or a percent (86%)")]
    Syntax(String),
    #[error("a rate needs someone asked: the denominator of {numerator}/0 is 0")]
    NobodyAsked { numerator: u32 },
    #[error("{numerator}/{denominator}: more answered than asked")]
    MoreThanAsked { numerator: u32, denominator: u32 },
    #[error("a rate is a percent from 0 to 100, found {0}")]
    OutOfRange(f64),
}

impl RateError {
    /// A value that does not parse (usage), rather than one that parses but is impossible.
    pub fn is_syntax(&self) -> bool {
        matches!(self, RateError::Syntax(_))
    }
}

impl SurveyedRate {
    /// The rate as a percent, 0–100.
    pub fn percent(&self) -> f64 {
        match *self {
            SurveyedRate::Fraction {
                numerator,
                denominator,
            } => f64::from(numerator) / f64::from(denominator) * 100.0,
            SurveyedRate::Percent(percent) => percent,
        }
    }

    /// The rate if it can be one: a fraction of someone asked, at most all of them,
    /// or a finite percent from 0 to 100.
    pub fn checked(self) -> Result<SurveyedRate, RateError> {
        match self {
            SurveyedRate::Fraction {
                numerator,
                denominator: 0,
            } => Err(RateError::NobodyAsked { numerator }),
            SurveyedRate::Fraction {
                numerator,
                denominator,
            } if numerator > denominator => Err(RateError::MoreThanAsked {
                numerator,
                denominator,
            }),
            SurveyedRate::Percent(p) if !p.is_finite() || !(0.0..=100.0).contains(&p) => {
                Err(RateError::OutOfRange(p))
            }
            rate => Ok(rate),
        }
    }
}

impl FromStr for SurveyedRate {
    type Err = RateError;

    /// `43/50` or `86%` (also with a full-width ％ or ／); the result is [`checked`](SurveyedRate::checked).
    fn from_str(text: &str) -> Result<SurveyedRate, RateError> {
        let syntax = || RateError::Syntax(text.to_string());
        let trimmed = text.trim();
        let rate = if let Some((top, bottom)) = trimmed.split_once(['/', '／']) {
            let number = |part: &str| part.trim().parse::<u32>().map_err(|_| syntax());
            SurveyedRate::Fraction {
                numerator: number(top)?,
                denominator: number(bottom)?,
            }
        } else if let Some(number) = trimmed.strip_suffix(['%', '％']) {
            let number = number.trim();
            let digits = number.strip_prefix('-').unwrap_or(number);
            // Only plain decimals: no "inf", "NaN" or exponents.
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return Err(syntax());
            }
            SurveyedRate::Percent(number.parse().map_err(|_| syntax())?)
        } else {
            return Err(syntax());
        };
        rate.checked()
    }
}

impl fmt::Display for SurveyedRate {
    /// "43/50 (86%)" or "86%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = super::scoring::format_points(self.percent());
        match self {
            SurveyedRate::Fraction {
                numerator,
                denominator,
            } => write!(f, "{numerator}/{denominator} ({percent}%)"),
            SurveyedRate::Percent(_) => write!(f, "{percent}%"),
        }
    }
}

/// The deduction a rate earns on `item`: that of the first band whose threshold is at
/// most the rate, capped by the item's points. A rate below every band loses all points.
pub fn band_deduction(item: &Item, rate: &SurveyedRate) -> f64 {
    let percent = rate.percent();
    let deduction = item
        .rate
        .iter()
        .find(|(threshold, _)| *threshold <= percent + 1e-9)
        .map_or(item.points, |(_, deduction)| *deduction);
    deduction.clamp(0.0, item.points)
}

/// The status a rate gives: no deduction 达标, all points 未达标, else 基本达标.
pub fn rate_status(item: &Item, rate: &SurveyedRate) -> Status {
    let deduction = band_deduction(item, rate);
    if deduction <= 1e-9 {
        Status::Pass
    } else if deduction >= item.points - 1e-9 {
        Status::Fail
    } else {
        Status::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fraction(numerator: u32, denominator: u32) -> SurveyedRate {
        SurveyedRate::Fraction {
            numerator,
            denominator,
        }
    }

    /// 知晓率 worth 4: ≥ 85% no deduction, ≥ 75% −1, ≥ 60% −2.5, else −6 (capped at 4).
    fn awareness() -> Item {
        Item {
            code: "6.1".into(),
            title: "知晓率".into(),
            points: 4.0,
            rate: vec![(85.0, 0.0), (75.0, 1.0), (60.0, 2.5), (0.0, 6.0)],
            ..Item::default()
        }
    }

    #[test]
    fn rates_parse_as_fractions_or_percents() {
        assert_eq!("43/50".parse(), Ok(fraction(43, 50)));
        assert_eq!(" 43 ／ 50 ".parse(), Ok(fraction(43, 50)));
        assert_eq!("86%".parse(), Ok(SurveyedRate::Percent(86.0)));
        assert_eq!("86.5％".parse(), Ok(SurveyedRate::Percent(86.5)));
        assert_eq!("0/3".parse(), Ok(fraction(0, 3)));
        assert_eq!(
            "50/50".parse::<SurveyedRate>().map(|r| r.percent()),
            Ok(100.0)
        );
        assert_eq!(
            "43/50".parse::<SurveyedRate>().map(|r| r.percent()),
            Ok(86.0)
        );
    }

    #[test]
    fn impossible_rates_are_refused_with_a_reason() {
        assert_eq!(
            "51/50".parse::<SurveyedRate>(),
            Err(RateError::MoreThanAsked {
                numerator: 51,
                denominator: 50
            })
        );
        assert_eq!(
            "0/0".parse::<SurveyedRate>(),
            Err(RateError::NobodyAsked { numerator: 0 })
        );
        assert_eq!(
            "-3%".parse::<SurveyedRate>(),
            Err(RateError::OutOfRange(-3.0))
        );
        assert_eq!(
            "100.5%".parse::<SurveyedRate>(),
            Err(RateError::OutOfRange(100.5))
        );
        for text in [
            "很高", "86", "-3/50", "a/b", "inf%", "NaN%", "1e2%", "%", "43/",
        ] {
            let error = text.parse::<SurveyedRate>().unwrap_err();
            assert!(error.is_syntax(), "{text}: {error:?}");
        }
        assert!(SurveyedRate::Percent(f64::NAN).checked().is_err());
    }

    #[test]
    fn bands_apply_from_their_exact_threshold() {
        let item = awareness();
        let at = |percent: f64| band_deduction(&item, &SurveyedRate::Percent(percent));
        assert_eq!(at(100.0), 0.0);
        assert_eq!(at(85.0), 0.0, "85% is in the ≥ 85 band");
        assert_eq!(at(84.99), 1.0);
        assert_eq!(at(75.0), 1.0);
        assert_eq!(at(74.9), 2.5);
        assert_eq!(at(60.0), 2.5);
        assert_eq!(
            at(59.0),
            4.0,
            "the band's 6 is capped by the item's 4 points"
        );
        // 17/20 = 85% exactly, 15/20 = 75% exactly.
        assert_eq!(band_deduction(&item, &fraction(17, 20)), 0.0);
        assert_eq!(band_deduction(&item, &fraction(15, 20)), 1.0);
        assert_eq!(band_deduction(&item, &fraction(43, 50)), 0.0, "86%");
    }

    #[test]
    fn the_status_follows_the_deduction() {
        let item = awareness();
        assert_eq!(rate_status(&item, &fraction(43, 50)), Status::Pass);
        assert_eq!(rate_status(&item, &fraction(40, 50)), Status::Partial);
        assert_eq!(
            rate_status(&item, &SurveyedRate::Percent(10.0)),
            Status::Fail
        );
        let mut narrow = awareness();
        narrow.rate = vec![(90.0, 0.0), (50.0, 1.0)];
        assert_eq!(
            band_deduction(&narrow, &SurveyedRate::Percent(40.0)),
            4.0,
            "below every band loses all points"
        );
    }

    #[test]
    fn rates_show_both_numbers() {
        assert_eq!(fraction(43, 50).to_string(), "43/50 (86%)");
        assert_eq!(SurveyedRate::Percent(86.5).to_string(), "86.5%");
    }
}
