//! A session's head: everything about a session except its responses that lists,
//! the home screen, history and the ledger need. The index (`index.ron`) caches one
//! head per session file, so those screens do not read every session.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::checklist::{Checklist, Scope};
use super::rounds::{HistoryPoint, SectionPoint, shown_percent};
use super::scoring::{Figures, Summary, section_figures, summarize};
use super::session::{ChecklistRef, Session};

/// [`Figures`] as stored: score, max, deducted, checked, total, scored_checked, base,
/// bonus, penalties, pending_base.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StoredFigures(
    pub f64,
    pub f64,
    pub f64,
    pub usize,
    pub usize,
    pub usize,
    pub f64,
    pub f64,
    pub f64,
    pub usize,
);

impl From<Figures> for StoredFigures {
    fn from(f: Figures) -> StoredFigures {
        StoredFigures(
            f.score,
            f.max,
            f.deducted,
            f.checked,
            f.total,
            f.scored_checked,
            f.base,
            f.bonus,
            f.penalties,
            f.pending_base,
        )
    }
}

impl From<StoredFigures> for Figures {
    fn from(
        StoredFigures(
            score,
            max,
            deducted,
            checked,
            total,
            scored_checked,
            base,
            bonus,
            penalties,
            pending_base,
        ): StoredFigures,
    ) -> Figures {
        Figures {
            score,
            base,
            bonus,
            penalties,
            max,
            deducted,
            checked,
            total,
            scored_checked,
            pending_base,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionHead {
    pub id: Uuid,
    pub round: String,
    pub date: NaiveDate,
    pub department: String,
    pub scope: Scope,
    pub inspector: String,
    pub checklist: ChecklistRef,
    pub checklist_title: String,
    pub created: DateTime<FixedOffset>,
    pub seq: u64,
    pub finished: bool,
    pub figures: StoredFigures,
    pub veto: Vec<String>,
    pub disqualified: bool,
    pub grade: Option<String>,
    pub provisional_grade: Option<String>,
    pub problems: usize,
    pub open_rectifications: usize,
    /// Items with a rectification, open or closed.
    pub rectifications: usize,
    /// Codes whose rectification this file leaves open (no passed re-check written
    /// in it). Later walks may still close them: see [`walk_closures`].
    pub open_codes: Vec<String>,
    /// Positions (in the checklist's `items()` order) of the items marked 达标: the
    /// re-checks this session's walk passes (`model::followup`).
    pub passed: Vec<u32>,
    /// Figures of the checklist's top-level sections, in its order.
    pub sections: Vec<StoredFigures>,
}

impl SessionHead {
    /// The head of `session`, scored against the checklist it was made with.
    pub fn new(session: &Session, checklist: &Checklist) -> SessionHead {
        SessionHead::with_summary(session, checklist, &summarize(checklist, session))
    }

    pub fn with_summary(
        session: &Session,
        checklist: &Checklist,
        summary: &Summary,
    ) -> SessionHead {
        // One look-up per item: a cold index rebuild makes a head of every session.
        let mut rectifications = 0;
        let mut open_codes = Vec::new();
        let mut passed = Vec::new();
        for (position, item) in (0u32..).zip(checklist.items()) {
            let Some(response) = session.response(&item.code) else {
                continue;
            };
            if response.rectification.is_some() {
                rectifications += 1;
            }
            if response.has_open_rectification() {
                open_codes.push(item.code.clone());
            }
            if response.status == crate::model::session::Status::Pass {
                passed.push(position);
            }
        }
        SessionHead {
            id: session.id,
            round: session.round.clone(),
            date: session.date,
            department: session.department.clone(),
            scope: session.scope,
            inspector: session.inspector.clone(),
            checklist: session.checklist.clone(),
            checklist_title: checklist.title.clone(),
            created: session.created,
            seq: session.seq,
            finished: session.is_finished(),
            figures: summary.figures.into(),
            veto: summary.veto.clone(),
            disqualified: summary.disqualified,
            grade: summary.grade.clone(),
            provisional_grade: summary.provisional_grade.clone(),
            problems: summary.problems,
            open_rectifications: summary.open_rectifications,
            rectifications,
            open_codes,
            passed,
            sections: checklist
                .sections
                .iter()
                .map(|section| section_figures(&checklist.rules, section, session).into())
                .collect(),
        }
    }

    pub fn summary(&self) -> Summary {
        Summary {
            figures: self.figures.into(),
            veto: self.veto.clone(),
            disqualified: self.disqualified,
            grade: self.grade.clone(),
            provisional_grade: self.provisional_grade.clone(),
            problems: self.problems,
            open_rectifications: self.open_rectifications,
        }
    }

    /// One point of a department's history; `checklist` is the one the session was
    /// made with (for section codes and titles).
    pub fn history_point(&self, checklist: &Checklist) -> HistoryPoint {
        let summary = self.summary();
        HistoryPoint {
            session_id: self.id,
            date: self.date,
            round: self.round.clone(),
            percent: shown_percent(&summary.figures),
            summary,
            sections: checklist
                .sections
                .iter()
                .zip(&self.sections)
                .map(|(section, &stored)| {
                    let figures = Figures::from(stored);
                    SectionPoint {
                        code: section.code.clone(),
                        title: section.title.clone(),
                        percent: shown_percent(&figures),
                        figures,
                    }
                })
                .collect(),
        }
    }
}

super::rounds::in_series_from_header!(SessionHead);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::Inspection;
    use crate::model::demo::{DemoChecklist, DemoPlan, department_series, rounds};
    use crate::model::matching::tests::{checklist, item};
    use crate::model::rounds::tests::history;
    use crate::model::rounds::{InSeries, prior_of};
    use crate::model::session::ChecklistRef;

    fn series() -> (Checklist, Vec<Session>) {
        let mut list = checklist(1, vec![item("1.1", 4.0), item("1.2", 3.0)], &[]);
        let mut second = list.sections[0].clone();
        second.code = "2".into();
        second.title = "第二部分".into();
        second.items = vec![item("2.1", 2.5), item("2.2", 1.0)];
        list.sections.push(second);
        let reference = ChecklistRef {
            id: "t".into(),
            version: 1,
            hash: "00".into(),
        };
        let plan = DemoPlan {
            departments: 2,
            rounds: 12,
            seed: 3,
            until: NaiveDate::from_ymd_opt(2026, 11, 21).expect("date"),
        };
        let all_rounds = rounds(plan.rounds, plan.until);
        let with = DemoChecklist {
            reference: &reference,
            checklist: &list,
        };
        let mut sessions = department_series(&plan, 0, "办公室", with, &all_rounds);
        sessions.extend(department_series(&plan, 1, "党群室", with, &all_rounds));
        (list, sessions)
    }

    #[test]
    fn a_head_keeps_the_summary_and_history_of_its_session() {
        let (list, sessions) = series();
        let heads: Vec<SessionHead> = sessions
            .iter()
            .map(|s| SessionHead::new(s, &list))
            .collect();
        for (session, head) in sessions.iter().zip(&heads) {
            assert_eq!(head.summary(), summarize(&list, session));
        }
        // As the index gives them: later walks close open rectifications.
        let mut heads = heads;
        crate::model::followup::count_open_after_walks(&mut heads, |_| Some(&list));
        let inspections: Vec<Inspection<'_>> =
            sessions.iter().map(|s| Inspection::new(s, &list)).collect();
        let expected = history(&inspections, "办公室", "t");
        let mut mine: Vec<&SessionHead> =
            heads.iter().filter(|h| h.department == "办公室").collect();
        mine.sort_by_key(|h| InSeries::chronology(*h));
        let points: Vec<HistoryPoint> = mine.iter().map(|h| h.history_point(&list)).collect();
        assert_eq!(points, expected);
        assert_eq!(points[0].sections.len(), 2);
    }

    #[test]
    fn the_prior_among_heads_is_the_prior_among_sessions() {
        let (list, sessions) = series();
        let heads: Vec<SessionHead> = sessions
            .iter()
            .map(|s| SessionHead::new(s, &list))
            .collect();
        for session in &sessions {
            let expected = prior_of(session, &sessions).map(|s| s.id);
            let found = prior_of(session, &heads).map(|h| h.id);
            assert_eq!(found, expected, "session {}", session.id);
        }
    }

    #[test]
    fn a_head_survives_ron() {
        let (list, sessions) = series();
        let head = SessionHead::new(&sessions[3], &list);
        let text = ron::to_string(&head).expect("encode");
        let back: SessionHead = ron::from_str(&text).expect("decode");
        assert_eq!(back, head);
    }
}
