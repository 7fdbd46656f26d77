//! State of the rectification loop's pop-ups and of the 责任分解 screen: the
//! rectification form, the follow-up prompt (整改落实 / 复查), the new-problem form.

use uuid::Uuid;

use super::Screen;
use crate::model::duties::Duty;
use crate::model::followup::Target;
use crate::model::session::Rectification;
use crate::tui::input::LineInput;

/// The fields of the rectification form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RectifyField {
    OwnerDepartment,
    Owner,
    Measure,
    Due,
    DoneNote,
}

impl RectifyField {
    pub const ORDER: [RectifyField; 5] = [
        RectifyField::OwnerDepartment,
        RectifyField::Owner,
        RectifyField::Measure,
        RectifyField::Due,
        RectifyField::DoneNote,
    ];
}

/// `r` on an item: 责任科室, 责任人, 整改措施, 整改时限 and 整改落实.
#[derive(Debug, Clone)]
pub struct RectifyState {
    pub code: String,
    /// One input per [`RectifyField::ORDER`] entry.
    pub inputs: [LineInput; 5],
    /// Reported done (整改落实).
    pub done: bool,
    /// Index into [`RectifyField::ORDER`].
    pub field: usize,
    pub error: Option<String>,
}

impl RectifyState {
    pub fn new(code: &str, rectification: Option<&Rectification>, lead: &str) -> RectifyState {
        let text = |pick: fn(&Rectification) -> String, default: &str| {
            LineInput::new(&rectification.map_or(default.to_string(), pick))
        };
        RectifyState {
            code: code.to_string(),
            inputs: [
                text(|r| r.owner_department.clone(), lead),
                text(|r| r.owner.clone(), ""),
                text(|r| r.measure.clone(), ""),
                text(|r| r.due.map(|d| d.to_string()).unwrap_or_default(), ""),
                text(
                    |r| r.done.as_ref().map(|d| d.note.clone()).unwrap_or_default(),
                    "",
                ),
            ],
            done: rectification.is_some_and(|r| r.done.is_some()),
            field: 0,
            error: None,
        }
    }

    pub fn current(&self) -> RectifyField {
        RectifyField::ORDER[self.field.min(RectifyField::ORDER.len() - 1)]
    }

    pub fn input(&self, field: RectifyField) -> &LineInput {
        &self.inputs[field as usize]
    }

    pub fn input_mut(&mut self) -> &mut LineInput {
        let field = self.current();
        &mut self.inputs[field as usize]
    }
}

/// What the follow-up prompt records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpKind {
    /// 整改落实.
    Done,
    /// 复查通过 (销号).
    Pass,
    /// 复查未通过.
    Fail,
}

/// The note for 整改落实 or a 复查 from the ledger. It stays open until the change
/// is recorded, so a failure keeps what was typed and says why in the prompt.
#[derive(Debug, Clone)]
pub struct FollowUpPrompt {
    pub target: Target,
    /// "1.2 民主生活会质量" or "P-01a2… 公示栏内容过期".
    pub label: String,
    pub kind: FollowUpKind,
    pub input: LineInput,
    pub error: Option<String>,
    /// Sent to the worker; waiting for the outcome.
    pub pending: bool,
}

/// The fields of the new-problem form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemField {
    Department,
    Title,
    Source,
    OwnerDepartment,
    Owner,
    Measure,
    Due,
}

impl ProblemField {
    pub const ORDER: [ProblemField; 7] = [
        ProblemField::Department,
        ProblemField::Title,
        ProblemField::Source,
        ProblemField::OwnerDepartment,
        ProblemField::Owner,
        ProblemField::Measure,
        ProblemField::Due,
    ];
}

/// A problem from outside, entered on the ledger. Like the prompt, it stays open
/// until the problem is saved.
#[derive(Debug, Clone, Default)]
pub struct ProblemForm {
    pub inputs: [LineInput; 7],
    pub field: usize,
    pub error: Option<String>,
    pub pending: bool,
}

impl ProblemForm {
    pub fn current(&self) -> ProblemField {
        ProblemField::ORDER[self.field.min(ProblemField::ORDER.len() - 1)]
    }

    pub fn input(&self, field: ProblemField) -> &LineInput {
        &self.inputs[field as usize]
    }

    pub fn input_mut(&mut self) -> &mut LineInput {
        let field = self.current();
        &mut self.inputs[field as usize]
    }
}

/// The 责任分解 screen.
#[derive(Debug, Clone)]
pub struct DutiesState {
    pub round: String,
    /// Every round, newest first, to step through.
    pub rounds: Vec<String>,
    pub duties: Vec<Duty>,
    /// The round's sessions: id → department, for the details.
    pub sessions: Vec<(Uuid, String)>,
    pub cursor: usize,
    pub scroll: usize,
    pub back: Screen,
}

/// A round's 责任分解, ready to show.
#[derive(Debug, Clone)]
pub struct DutiesData {
    pub round: String,
    pub rounds: Vec<String>,
    pub duties: Vec<Duty>,
    pub sessions: Vec<(Uuid, String)>,
}
