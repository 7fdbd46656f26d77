//! State of the deadlines and activity screens (docs/design.md §14), and what the
//! home screen knows of the unit profile and of what is late.

use uuid::Uuid;

use super::Screen;
use crate::model::activity::Activity;
use crate::ops::activity::ActivityRow;
use crate::ops::deadlines::{Deadlines, LateCount};
use crate::tui::input::LineInput;

/// What the home screen knows of `unit.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProfileStatus {
    /// Not looked at yet (nothing is shown).
    #[default]
    Unknown,
    /// There is none: the home screen offers to create it.
    Missing,
    /// There is one, with its departments in their customary order.
    Present(Vec<String>),
    /// It cannot be read: why, in the user's language.
    Damaged(String),
}

/// What the home screen knows of the profile and of what is late.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeTaizhang {
    /// For the offer to create it and department suggestions.
    pub profile: ProfileStatus,
    /// Activity material and rectifications that are late; `None` until known.
    pub late: Option<LateCount>,
}

/// A line of its own on the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeNotice {
    OfferProfile,
    ProfileDamaged(String),
    Late(LateCount),
}

/// What the home screen shows on lines of their own, in order.
pub fn home_notices(app: &super::App) -> Vec<HomeNotice> {
    let data = &app.home.data;
    let mut notices = Vec::new();
    match &data.taizhang.profile {
        ProfileStatus::Missing if app.offer_profile => notices.push(HomeNotice::OfferProfile),
        ProfileStatus::Damaged(why) => notices.push(HomeNotice::ProfileDamaged(why.clone())),
        _ => {}
    }
    if let Some(late) = data.taizhang.late {
        notices.push(HomeNotice::Late(late));
    }
    notices
}

/// The deadlines of this month and the whole activity ledger, as a job loads them.
#[derive(Debug, Clone)]
pub struct TaizhangData {
    pub deadlines: Deadlines,
    /// Every activity, by date.
    pub activities: Vec<ActivityRow>,
}

#[derive(Debug, Clone)]
pub struct TaizhangState {
    pub data: TaizhangData,
    /// The selected activity on the activity screen.
    pub cursor: usize,
    pub scroll: usize,
    /// First line shown on the deadlines screen.
    pub deadlines_scroll: usize,
    /// Where Esc goes.
    pub back: Screen,
}

impl TaizhangState {
    pub fn selected(&self) -> Option<&ActivityRow> {
        self.data.activities.get(self.cursor)
    }

    pub fn activity(&self, id: Uuid) -> Option<&Activity> {
        self.data
            .activities
            .iter()
            .map(|row| &row.activity)
            .find(|activity| activity.id == id)
    }

    pub fn late_count(&self) -> LateCount {
        self.data.deadlines.late_count()
    }
}

/// The field of the activity form that has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActivityField {
    #[default]
    Title,
    Date,
    Department,
    Kind,
    Participants,
    Evidence,
}

impl ActivityField {
    pub const ORDER: [ActivityField; 6] = [
        ActivityField::Title,
        ActivityField::Date,
        ActivityField::Department,
        ActivityField::Kind,
        ActivityField::Participants,
        ActivityField::Evidence,
    ];
}

/// Adding (no id) or editing an activity.
#[derive(Debug, Clone, Default)]
pub struct ActivityFormState {
    pub id: Option<Uuid>,
    pub title: LineInput,
    pub date: LineInput,
    pub department: LineInput,
    pub kind: LineInput,
    pub participants: LineInput,
    /// Labels separated by 、 or commas.
    pub evidence: LineInput,
    pub note: String,
    pub field: ActivityField,
    pub error: Option<String>,
}

impl ActivityFormState {
    pub fn input(&self, field: ActivityField) -> &LineInput {
        match field {
            ActivityField::Title => &self.title,
            ActivityField::Date => &self.date,
            ActivityField::Department => &self.department,
            ActivityField::Kind => &self.kind,
            ActivityField::Participants => &self.participants,
            ActivityField::Evidence => &self.evidence,
        }
    }

    pub fn input_mut(&mut self, field: ActivityField) -> &mut LineInput {
        match field {
            ActivityField::Title => &mut self.title,
            ActivityField::Date => &mut self.date,
            ActivityField::Department => &mut self.department,
            ActivityField::Kind => &mut self.kind,
            ActivityField::Participants => &mut self.participants,
            ActivityField::Evidence => &mut self.evidence,
        }
    }
}

/// An activity's material (`a` on the activity screen): its labels, then its
/// attached files, and a line where a path (typed, or pasted by dragging a file onto
/// the terminal) attaches a file and other text adds a label.
#[derive(Debug, Clone)]
pub struct ActivityFilesState {
    pub id: Uuid,
    pub input: LineInput,
    /// Among the labels then the files; `None`: the input line.
    pub selected: Option<usize>,
}

impl ActivityFilesState {
    pub fn new(id: Uuid) -> ActivityFilesState {
        ActivityFilesState {
            id,
            input: LineInput::default(),
            selected: None,
        }
    }
}
