//! What a mark says about an item: a status, a level label or a surveyed rate, and the
//! predefined deductions it picks (`2` or `2x3`).

use std::str::FromStr;

use super::checklist::Rules;
use super::rate::SurveyedRate;
use super::session::Status;

/// How a mark judges an item. A level or a rate decides the status itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    Status(Status),
    /// A level label of the checklist's `rules.levels` (A, B, …).
    Level(String),
    /// A surveyed rate, for an item with `rate` bands.
    Rate(SurveyedRate),
}

impl Default for Judgement {
    fn default() -> Judgement {
        Judgement::Status(Status::Pending)
    }
}

/// A word that is neither a status nor a level of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status {word:?}; expected one of: pending, pass, partial, fail, na{}", level_list(.levels))]
pub struct UnknownJudgement {
    pub word: String,
    /// The checklist's level labels, in its order (empty without levels).
    pub levels: Vec<String>,
}

fn level_list(levels: &[String]) -> String {
    if levels.is_empty() {
        String::new()
    } else {
        format!(", or a level: {}", levels.join(", "))
    }
}

impl Judgement {
    /// STATUS as typed: a status word in either language, or a level label of `rules`
    /// (labels are case-sensitive).
    pub fn parse(rules: &Rules, text: &str) -> Result<Judgement, UnknownJudgement> {
        let word = text.trim();
        if rules.level_ratio(word).is_some() {
            return Ok(Judgement::Level(word.to_string()));
        }
        word.parse::<Status>()
            .map(Judgement::Status)
            .map_err(|_| UnknownJudgement {
                word: text.to_string(),
                levels: rules
                    .levels
                    .iter()
                    .map(|(label, _)| label.clone())
                    .collect(),
            })
    }
}

/// The status a level of `ratio` stands for: 1 达标, 0 未达标, anything between 基本达标.
pub fn level_status(ratio: f64) -> Status {
    if ratio >= 1.0 - 1e-9 {
        Status::Pass
    } else if ratio <= 1e-9 {
        Status::Fail
    } else {
        Status::Partial
    }
}

/// A predefined deduction picked by its 1-based number, with occurrences when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked {
    pub number: usize,
    /// `Some(K)` for `NxK`; only a per-occurrence deduction takes one.
    pub count: Option<u32>,
}

impl Picked {
    /// The deduction applied once: `N`.
    pub fn once(number: usize) -> Picked {
        Picked {
            number,
            count: None,
        }
    }

    /// A per-occurrence deduction applied `count` times: `NxK`.
    pub fn times(number: usize, count: u32) -> Picked {
        Picked {
            number,
            count: Some(count),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a deduction; expected its number N, or NxK for K occurrences (2x3)")]
pub struct BadPicked(pub String);

impl FromStr for Picked {
    type Err = BadPicked;

    fn from_str(text: &str) -> Result<Picked, BadPicked> {
        let bad = || BadPicked(text.to_string());
        let number = |part: &str| part.trim().parse::<usize>().map_err(|_| bad());
        match text.trim().split_once(['x', 'X', '×', '*']) {
            Some((n, k)) => Ok(Picked::times(
                number(n)?,
                k.trim().parse::<u32>().map_err(|_| bad())?,
            )),
            None => Ok(Picked::once(number(text)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules {
            levels: vec![
                ("A".into(), 1.0),
                ("B".into(), 0.66),
                ("C".into(), 0.33),
                ("C#".into(), 0.0),
            ],
            ..Rules::default()
        }
    }

    #[test]
    fn status_words_and_level_labels_parse() {
        let rules = rules();
        assert_eq!(
            Judgement::parse(&rules, "pass"),
            Ok(Judgement::Status(Status::Pass))
        );
        assert_eq!(
            Judgement::parse(&rules, "未达标"),
            Ok(Judgement::Status(Status::Fail))
        );
        assert_eq!(
            Judgement::parse(&rules, "B"),
            Ok(Judgement::Level("B".into()))
        );
        assert_eq!(
            Judgement::parse(&rules, "C#"),
            Ok(Judgement::Level("C#".into()))
        );
        let error = Judgement::parse(&rules, "b").unwrap_err().to_string();
        assert!(error.contains("or a level: A, B, C, C#"), "{error}");
        let plain = Judgement::parse(&Rules::default(), "A").unwrap_err();
        assert!(!plain.to_string().contains("level"), "{plain}");
    }

    #[test]
    fn a_level_stands_for_a_status_by_its_ratio() {
        assert_eq!(level_status(1.0), Status::Pass);
        assert_eq!(level_status(0.66), Status::Partial);
        assert_eq!(level_status(0.33), Status::Partial);
        assert_eq!(level_status(0.0), Status::Fail);
    }

    #[test]
    fn picked_deductions_parse_with_counts() {
        assert_eq!("2".parse(), Ok(Picked::once(2)));
        assert_eq!("2x3".parse(), Ok(Picked::times(2, 3)));
        assert_eq!(" 2 X 3 ".parse(), Ok(Picked::times(2, 3)));
        assert_eq!("2×3".parse(), Ok(Picked::times(2, 3)));
        for bad in ["", "x3", "2x", "2x-1", "-2", "二", "2x3x4"] {
            assert!(bad.parse::<Picked>().is_err(), "{bad}");
        }
    }
}
