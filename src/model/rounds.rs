//! Sessions across rounds: series, the prior session, and the items a new session
//! must re-check (复查). docs/design.md §2 "Prior session", §7 screens 4–5.
//!
//! A *series* is every session of one department (compared with
//! [`normalize_name`]), one checklist id and one scope (a unit session is never
//! the prior of a department session), in chronological order: by date, then
//! by creation time, then by id, so the order is total and stable. Every question
//! about series — the prior session, a department's history, the ledger's rounds,
//! a report's trend — groups with [`SeriesKey`] and orders with
//! [`InSeries::chronology`], whether it holds full sessions or index heads.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::checklist::Scope;
use super::compare::Inspection;
use super::scoring::{Figures, Summary};
use super::session::Session;
use super::text::normalize_name;

/// What makes sessions one series: the department (normalized), checklist id and
/// scope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    pub department: String,
    pub checklist_id: String,
    pub scope: Scope,
}

impl SeriesKey {
    pub fn new(department: &str, checklist_id: &str, scope: Scope) -> SeriesKey {
        SeriesKey {
            department: normalize_name(department),
            checklist_id: checklist_id.to_string(),
            scope,
        }
    }
}

/// What the series rules read of a session, or of its head in the index.
pub trait InSeries {
    fn id(&self) -> Uuid;
    fn department(&self) -> &str;
    fn checklist_id(&self) -> &str;
    fn scope(&self) -> Scope;
    fn date(&self) -> NaiveDate;
    fn created(&self) -> DateTime<FixedOffset>;

    fn series_key(&self) -> SeriesKey {
        SeriesKey::new(self.department(), self.checklist_id(), self.scope())
    }

    /// The key that orders a series chronologically.
    fn chronology(&self) -> (NaiveDate, DateTime<FixedOffset>, Uuid) {
        (self.date(), self.created(), self.id())
    }
}

/// [`InSeries`] for a type with the fields of a session's header (`id`,
/// `department`, `checklist.id`, `scope`, `date`, `created`): a session and its index head.
macro_rules! in_series_from_header {
    ($type:ty) => {
        impl $crate::model::rounds::InSeries for $type {
            fn id(&self) -> ::uuid::Uuid {
                self.id
            }
            fn department(&self) -> &str {
                &self.department
            }
            fn checklist_id(&self) -> &str {
                &self.checklist.id
            }
            fn scope(&self) -> $crate::model::checklist::Scope {
                self.scope
            }
            fn date(&self) -> ::chrono::NaiveDate {
                self.date
            }
            fn created(&self) -> ::chrono::DateTime<::chrono::FixedOffset> {
                self.created
            }
        }
    };
}
pub(crate) use in_series_from_header;

in_series_from_header!(Session);

impl InSeries for Inspection<'_> {
    fn id(&self) -> Uuid {
        self.session.id
    }
    fn department(&self) -> &str {
        &self.session.department
    }
    fn checklist_id(&self) -> &str {
        &self.session.checklist.id
    }
    fn scope(&self) -> Scope {
        self.session.scope
    }
    fn date(&self) -> NaiveDate {
        self.session.date
    }
    fn created(&self) -> DateTime<FixedOffset> {
        self.session.created
    }
}

/// The prior session of `current`: the latest earlier-dated member of its series.
/// Sessions on the same date are not earlier-dated and never qualify; among several
/// on the latest earlier date, the one created last wins, then the highest id.
pub fn prior_of<'a, T: InSeries>(
    current: &impl InSeries,
    candidates: impl IntoIterator<Item = &'a T>,
) -> Option<&'a T> {
    let key = current.series_key();
    candidates
        .into_iter()
        .filter(|other| {
            other.id() != current.id()
                && other.date() < current.date()
                && other.checklist_id() == current.checklist_id()
                && other.series_key() == key
        })
        .max_by_key(|other| other.chronology())
}

/// `members` grouped by series, each series oldest first.
pub fn by_series<'a, T: InSeries>(
    members: impl IntoIterator<Item = &'a T>,
) -> HashMap<SeriesKey, Vec<&'a T>> {
    let mut series: HashMap<SeriesKey, Vec<&'a T>> = HashMap::new();
    for member in members {
        series.entry(member.series_key()).or_default().push(member);
    }
    for members in series.values_mut() {
        members.sort_by_key(|member| member.chronology());
    }
    series
}

/// One round in a department's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPoint {
    pub session_id: Uuid,
    pub date: NaiveDate,
    pub round: String,
    pub summary: Summary,
    /// Percent of the maximum; `None` until a scored item has been checked.
    pub percent: Option<f64>,
    /// Top-level sections of the checklist the session was made with, in order.
    pub sections: Vec<SectionPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionPoint {
    pub code: String,
    pub title: String,
    pub figures: Figures,
    /// `None` when nothing scored in the section is checked (shown as "—").
    pub percent: Option<f64>,
}

/// The percent a history shows: none until something scored is checked.
pub fn shown_percent(figures: &Figures) -> Option<f64> {
    figures.has_score().then(|| figures.percent()).flatten()
}

/// A top-level section's percent in two consecutive rounds, matched by section code.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionChange {
    pub code: String,
    pub title: String,
    pub prior: Option<f64>,
    pub current: Option<f64>,
    /// Percent points; `None` unless both sides have a percent.
    pub delta: Option<f64>,
}

/// Section changes from `earlier` to `later`: `later`'s sections in order, then
/// sections only `earlier` has (with `current: None`).
pub fn section_changes(earlier: &HistoryPoint, later: &HistoryPoint) -> Vec<SectionChange> {
    let percent_in = |point: &HistoryPoint, code: &str| {
        point
            .sections
            .iter()
            .find(|section| section.code == code)
            .and_then(|section| section.percent)
    };
    let mut changes: Vec<SectionChange> = later
        .sections
        .iter()
        .map(|section| {
            let prior = percent_in(earlier, &section.code);
            SectionChange {
                code: section.code.clone(),
                title: section.title.clone(),
                prior,
                current: section.percent,
                delta: section.percent.zip(prior).map(|(now, before)| now - before),
            }
        })
        .collect();
    for section in &earlier.sections {
        if !later.sections.iter().any(|s| s.code == section.code) {
            changes.push(SectionChange {
                code: section.code.clone(),
                title: section.title.clone(),
                prior: section.percent,
                current: None,
                delta: None,
            });
        }
    }
    changes
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::checklist::Section;
    use crate::model::matching::tests::{checklist, item};
    use crate::model::session::{ChecklistRef, Status};

    /// A session of checklist "t" v`version`, dated `date`, created at `created` (hh:mm).
    pub fn session(id: u128, department: &str, date: &str, created: &str) -> Session {
        let created = DateTime::parse_from_rfc3339(&format!("2026-01-01T{created}:00+08:00"))
            .expect("test time");
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("test date");
        Session::new(
            Uuid::from_u128(id),
            ChecklistRef {
                id: "t".into(),
                version: 1,
                hash: "h".into(),
            },
            format!("{date} 自查"),
            date,
            department.into(),
            String::new(),
            created,
        )
    }

    pub fn mark(session: &mut Session, code: &str, status: Status) {
        session.responses.entry(code.into()).or_default().status = status;
    }

    fn prior_id(current: &Session, all: &[Session]) -> Option<u128> {
        prior_of(current, all).map(|s| s.id.as_u128())
    }

    /// A department's history (department sessions) as the index gives it, from
    /// full sessions.
    pub fn history(
        inspections: &[Inspection<'_>],
        department: &str,
        checklist_id: &str,
    ) -> Vec<HistoryPoint> {
        let key = SeriesKey::new(department, checklist_id, Scope::Department);
        series_history(inspections, &key)
    }

    /// One series' history as the index gives it, from full sessions.
    pub fn series_history(inspections: &[Inspection<'_>], key: &SeriesKey) -> Vec<HistoryPoint> {
        let members = by_series(inspections).remove(key).unwrap_or_default();
        let mut heads: Vec<crate::model::head::SessionHead> = members
            .iter()
            .map(|of| crate::model::head::SessionHead::new(of.session, of.checklist))
            .collect();
        // Open rectifications as the index counts them: later walks close them.
        crate::model::followup::count_open_after_walks(&mut heads, |reference| {
            members
                .iter()
                .find(|of| of.session.checklist == *reference)
                .map(|of| of.checklist)
        });
        heads
            .iter()
            .zip(&members)
            .map(|(head, of)| head.history_point(of.checklist))
            .collect()
    }

    #[test]
    fn prior_is_the_latest_earlier_dated_session_of_the_same_series() {
        let current = session(10, "办公室", "2026-11-15", "09:00");
        let mut other_checklist = session(5, "办公室", "2026-11-10", "09:00");
        other_checklist.checklist.id = "other".into();
        let all = vec![
            session(1, "办公室", "2026-09-15", "09:00"),
            session(2, "办公室", "2026-10-15", "09:00"),
            session(3, "党群科", "2026-11-01", "09:00"),
            other_checklist,
            session(6, "办公室", "2026-12-01", "09:00"),
            current.clone(),
        ];
        assert_eq!(prior_id(&current, &all), Some(2));
    }

    #[test]
    fn a_session_of_the_other_scope_is_never_the_prior() {
        let current = session(10, "办公室", "2026-11-15", "09:00");
        let mut unit = session(2, "办公室", "2026-10-15", "09:00");
        unit.scope = Scope::Unit;
        let all = vec![session(1, "办公室", "2026-09-15", "09:00"), unit.clone()];
        assert_eq!(prior_id(&current, &all), Some(1));
        let mut later_unit = session(11, "办公室", "2026-12-01", "09:00");
        later_unit.scope = Scope::Unit;
        assert_eq!(prior_id(&later_unit, &all), Some(2));
        assert_ne!(unit.series_key(), current.series_key());
    }

    #[test]
    fn department_names_match_after_normalizing() {
        let current = session(10, "办公室", "2026-11-15", "09:00");
        let all = vec![session(1, " 办公室\u{202e}", "2026-10-15", "09:00")];
        assert_eq!(prior_id(&current, &all), Some(1));
    }

    #[test]
    fn same_date_is_not_earlier_even_when_created_before() {
        let current = session(10, "办公室", "2026-11-15", "12:00");
        let all = vec![session(1, "办公室", "2026-11-15", "08:00")];
        assert_eq!(prior_id(&current, &all), None);
    }

    #[test]
    fn ties_on_the_earlier_date_go_to_the_later_created_then_the_higher_id() {
        let current = session(10, "办公室", "2026-11-15", "09:00");
        let all = vec![
            session(3, "办公室", "2026-10-15", "11:00"),
            session(1, "办公室", "2026-10-15", "10:00"),
            session(2, "办公室", "2026-10-15", "11:00"),
        ];
        assert_eq!(prior_id(&current, &all), Some(3));
        let all = vec![
            session(7, "办公室", "2026-10-15", "08:00"),
            session(4, "办公室", "2026-10-15", "10:00"),
        ];
        assert_eq!(prior_id(&current, &all), Some(4));
    }

    #[test]
    fn history_is_chronological_with_section_percents() {
        let mut list = checklist(1, vec![item("1.1", 4.0), item("1.2", 4.0)], &[]);
        list.sections.push(Section {
            code: "2".into(),
            title: "第二部分".into(),
            items: vec![item("2.1", 2.0)],
            sections: vec![],
        });
        let mut late = session(2, "办公室", "2026-11-15", "09:00");
        mark(&mut late, "1.1", Status::Pass);
        mark(&mut late, "1.2", Status::Pass);
        mark(&mut late, "2.1", Status::Fail);
        let mut early = session(1, "办公室", "2026-10-15", "09:00");
        mark(&mut early, "1.1", Status::Pass);
        mark(&mut early, "1.2", Status::Fail);
        let elsewhere = session(3, "党群科", "2026-10-20", "09:00");
        let all = [
            Inspection::new(&late, &list),
            Inspection::new(&elsewhere, &list),
            Inspection::new(&early, &list),
        ];
        let points = history(&all, "办公室", "t");
        let dates: Vec<String> = points.iter().map(|p| p.date.to_string()).collect();
        assert_eq!(dates, ["2026-10-15", "2026-11-15"]);
        // Early: 4 of 10 (2.1 pending still counts in the maximum); section 2 unchecked.
        assert_eq!(points[0].percent, Some(40.0));
        assert_eq!(points[0].sections[0].percent, Some(50.0));
        assert_eq!(points[0].sections[1].percent, None);
        // Late: 8 of 10.
        assert_eq!(points[1].percent, Some(80.0));
        let prior = prior_of(&late, &all).map(|of| of.session.id);
        assert_eq!(prior, Some(early.id));
        assert!(prior_of(&early, &all).is_none());
        let changes = section_changes(&points[0], &points[1]);
        assert_eq!(changes[0].code, "1");
        assert_eq!(changes[0].delta, Some(50.0));
        assert_eq!((changes[1].prior, changes[1].current), (None, Some(0.0)));
        assert_eq!(changes[1].delta, None);
    }

    #[test]
    fn a_session_with_nothing_checked_has_no_percent() {
        let list = checklist(1, vec![item("1.1", 4.0)], &[]);
        let blank = session(1, "办公室", "2026-10-15", "09:00");
        let points = history(&[Inspection::new(&blank, &list)], "办公室", "t");
        assert_eq!(points[0].percent, None);
        assert_eq!(points[0].summary.figures.max, 4.0);
    }
}
