//! The unit profile (`unit.ron`, docs/design.md §14): the unit's name, its departments
//! in their customary order, and the deadlines its 台账 lives by.

use serde::{Deserialize, Serialize};

use super::text::normalize_name;

/// Activity material is due this many days after the activity (seed 000: "3天内").
pub const DEFAULT_REPORT_WITHIN_DAYS: u32 = 3;
/// The monthly report is due on this day of the month (seed 004: "每月20日前").
pub const DEFAULT_MONTHLY_REPORT_DAY: u32 = 20;
/// The longest deadline a profile may set for activity material.
pub const MAX_REPORT_WITHIN_DAYS: u32 = 366;

/// How often every department is to be inspected.
/// Written as a string in `unit.ron`: `inspection: "half-month"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Inspection {
    /// Calendar halves: 1st–15th and 16th–end (seed 004: "每半月…检查一次").
    #[default]
    HalfMonth,
    Month,
}

impl TryFrom<String> for Inspection {
    type Error = String;
    fn try_from(text: String) -> Result<Inspection, String> {
        match text.as_str() {
            "half-month" => Ok(Inspection::HalfMonth),
            "month" => Ok(Inspection::Month),
            _ => Err(format!(
                "inspection must be \"half-month\" or \"month\", found {text:?}"
            )),
        }
    }
}

impl From<Inspection> for String {
    fn from(inspection: Inspection) -> String {
        inspection.as_str().to_string()
    }
}

impl Inspection {
    pub fn as_str(self) -> &'static str {
        match self {
            Inspection::HalfMonth => "half-month",
            Inspection::Month => "month",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Unit", deny_unknown_fields)]
pub struct Unit {
    /// May stay empty until someone types it (a profile drafted from the data).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub departments: Vec<String>,
    #[serde(default = "default_report_within_days")]
    pub report_within_days: u32,
    #[serde(default = "default_monthly_report_day")]
    pub monthly_report_day: u32,
    #[serde(default)]
    pub inspection: Inspection,
}

fn default_report_within_days() -> u32 {
    DEFAULT_REPORT_WITHIN_DAYS
}

fn default_monthly_report_day() -> u32 {
    DEFAULT_MONTHLY_REPORT_DAY
}

impl Default for Unit {
    fn default() -> Unit {
        Unit::new(String::new(), Vec::new())
    }
}

/// One thing wrong with a profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitProblem {
    #[error("department {0} has an empty name")]
    EmptyDepartment(usize),
    /// The department's name, and its first and second position (1-based).
    #[error("department {name:?} is named twice (at {first} and {second})")]
    DuplicateDepartment {
        name: String,
        first: usize,
        second: usize,
    },
    #[error("report_within_days must be from 0 to {MAX_REPORT_WITHIN_DAYS}, found {0}")]
    ReportWithinDays(u32),
    #[error("monthly_report_day must be from 1 to 31, found {0}")]
    MonthlyReportDay(u32),
}

impl Unit {
    /// A profile with the default deadlines; departments normalized, duplicates dropped.
    pub fn new(name: String, departments: Vec<String>) -> Unit {
        let mut unique: Vec<String> = Vec::new();
        for department in departments.iter().map(|d| normalize_name(d)) {
            if !department.is_empty() && !unique.contains(&department) {
                unique.push(department);
            }
        }
        Unit {
            name: normalize_name(&name),
            departments: unique,
            report_within_days: DEFAULT_REPORT_WITHIN_DAYS,
            monthly_report_day: DEFAULT_MONTHLY_REPORT_DAY,
            inspection: Inspection::HalfMonth,
        }
    }

    /// Everything wrong with the profile, in the order of the file.
    pub fn problems(&self) -> Vec<UnitProblem> {
        let mut problems = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (index, department) in self.departments.iter().enumerate() {
            let name = normalize_name(department);
            if name.is_empty() {
                problems.push(UnitProblem::EmptyDepartment(index + 1));
            } else if let Some(first) = seen.iter().position(|known| *known == name) {
                problems.push(UnitProblem::DuplicateDepartment {
                    name: name.clone(),
                    first: first + 1,
                    second: index + 1,
                });
            }
            seen.push(name);
        }
        if self.report_within_days > MAX_REPORT_WITHIN_DAYS {
            problems.push(UnitProblem::ReportWithinDays(self.report_within_days));
        }
        if !(1..=31).contains(&self.monthly_report_day) {
            problems.push(UnitProblem::MonthlyReportDay(self.monthly_report_day));
        }
        problems
    }

    /// Where `department` stands in the customary order; `None` if not in the profile.
    pub fn position(&self, department: &str) -> Option<usize> {
        let wanted = normalize_name(department);
        self.departments
            .iter()
            .position(|known| normalize_name(known) == wanted)
    }

    /// `names` in the profile's order first, the others after them in their order.
    pub fn sort_departments(&self, names: &mut [String]) {
        names.sort_by_key(|name| self.position(name).unwrap_or(usize::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_profiles_normalize_and_drop_repeats() {
        let unit = Unit::new(
            " 某某局 ".into(),
            vec![
                "办公室".into(),
                " 办公室".into(),
                "".into(),
                "财务科".into(),
            ],
        );
        assert_eq!(unit.name, "某某局");
        assert_eq!(unit.departments, ["办公室", "财务科"]);
        assert!(unit.problems().is_empty());
        assert_eq!(unit.report_within_days, 3);
        assert_eq!(unit.monthly_report_day, 20);
    }

    #[test]
    fn a_department_named_twice_is_a_problem_with_both_places() {
        let mut unit = Unit::new("局".into(), vec!["办公室".into(), "财务科".into()]);
        unit.departments.push("办公室 ".into());
        unit.monthly_report_day = 32;
        assert_eq!(
            unit.problems(),
            [
                UnitProblem::DuplicateDepartment {
                    name: "办公室".into(),
                    first: 1,
                    second: 3
                },
                UnitProblem::MonthlyReportDay(32)
            ]
        );
    }

    #[test]
    fn departments_sort_in_the_profile_order_then_the_rest() {
        let unit = Unit::new("局".into(), vec!["办公室".into(), "党群室".into()]);
        let mut names = vec!["财务科".into(), "党群室".into(), "办公室".into()];
        unit.sort_departments(&mut names);
        assert_eq!(names, ["办公室", "党群室", "财务科"]);
    }
}
