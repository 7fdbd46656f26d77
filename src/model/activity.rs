//! Activities of the 创建活动台账 (docs/design.md §14): what was held, when, by which
//! department, and when its electronic and paper material was handed in.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::attachment::{Attachment, detach as detach_from, set_caption};
use super::deadlines::material_due;
use super::text::normalize_name;

/// The activity file format; a newer one is never rewritten by this zicha.
/// Optional fields of this development phase join format 1, each skipped when
/// empty, as they join a session's format 3: `attachments` (DESIGN §12).
pub const ACTIVITY_FORMAT: u32 = 1;

/// One copy of the material handed in: on which day, and when that was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handed {
    pub date: NaiveDate,
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Activity")]
pub struct Activity {
    pub format: u32,
    pub id: Uuid,
    pub title: String,
    pub date: NaiveDate,
    pub department: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub participants: Option<u32>,
    #[serde(default)]
    pub note: String,
    /// Labels of the material (签到表, 照片…), typed rather than attached.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Photos and documents attached (DESIGN §12), stored in `attachments/`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub electronic: Option<Handed>,
    #[serde(default)]
    pub paper: Option<Handed>,
    #[serde(default)]
    pub recorded_by: String,
    pub created: DateTime<FixedOffset>,
    /// When the title, date, department, kind, participants, note, evidence or a
    /// caption last changed.
    pub updated: DateTime<FixedOffset>,
    #[serde(default)]
    pub seq: u64,
}

/// What an activity's user-typed fields are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityFields {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub department: String,
    pub kind: String,
    pub participants: Option<u32>,
    pub note: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivityError {
    #[error("the activity's title is empty")]
    EmptyTitle,
    #[error("the activity's department is empty")]
    EmptyDepartment,
    #[error("the activity has no date")]
    NoDate,
    /// The material's date, the activity's date.
    #[error("material handed in on {0} is dated before the activity ({1})")]
    MaterialBeforeActivity(NaiveDate, NaiveDate),
}

/// Which copy of the material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    Electronic,
    Paper,
}

impl Activity {
    pub fn new(
        id: Uuid,
        fields: ActivityFields,
        recorded_by: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Activity, ActivityError> {
        let mut activity = Activity {
            format: ACTIVITY_FORMAT,
            id,
            title: String::new(),
            date: NaiveDate::MIN,
            department: String::new(),
            kind: String::new(),
            participants: None,
            note: String::new(),
            evidence: Vec::new(),
            attachments: Vec::new(),
            electronic: None,
            paper: None,
            recorded_by: normalize_name(recorded_by),
            created: now,
            updated: now,
            seq: 0,
        };
        activity.edit(fields, now)?;
        Ok(activity)
    }

    /// Replaces the typed fields; refused if a handed-in copy would predate the activity.
    pub fn edit(
        &mut self,
        fields: ActivityFields,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ActivityError> {
        let title = normalize_name(&fields.title);
        let department = normalize_name(&fields.department);
        let date = fields.date.ok_or(ActivityError::NoDate)?;
        if title.is_empty() {
            return Err(ActivityError::EmptyTitle);
        }
        if department.is_empty() {
            return Err(ActivityError::EmptyDepartment);
        }
        for handed in [&self.electronic, &self.paper].into_iter().flatten() {
            if handed.date < date {
                return Err(ActivityError::MaterialBeforeActivity(handed.date, date));
            }
        }
        let mut evidence: Vec<String> = Vec::new();
        for label in fields.evidence.iter().map(|l| normalize_name(l)) {
            if !label.is_empty() && !evidence.contains(&label) {
                evidence.push(label);
            }
        }
        self.title = title;
        self.department = department;
        self.date = date;
        self.kind = normalize_name(&fields.kind);
        self.participants = fields.participants;
        self.note = fields.note.trim_end().to_string();
        self.evidence = evidence;
        self.updated = now;
        Ok(())
    }

    pub fn fields(&self) -> ActivityFields {
        ActivityFields {
            title: self.title.clone(),
            date: Some(self.date),
            department: self.department.clone(),
            kind: self.kind.clone(),
            participants: self.participants,
            note: self.note.clone(),
            evidence: self.evidence.clone(),
        }
    }

    /// Records that a copy was handed in on `date` (not before the activity).
    pub fn hand_in(
        &mut self,
        copy: Copy,
        date: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ActivityError> {
        if date < self.date {
            return Err(ActivityError::MaterialBeforeActivity(date, self.date));
        }
        let handed = Some(Handed { date, at: now });
        match copy {
            Copy::Electronic => self.electronic = handed,
            Copy::Paper => self.paper = handed,
        }
        Ok(())
    }

    /// Adds attached files (stored by the caller) after those already there.
    pub fn attach(&mut self, attachments: impl IntoIterator<Item = Attachment>) {
        self.attachments.extend(attachments);
    }

    /// Sets the caption of the `number`-th (1-based) attachment; `false` when there
    /// is none. A caption is typed like the other fields: it counts as an edit.
    pub fn set_caption(
        &mut self,
        number: usize,
        caption: &str,
        now: DateTime<FixedOffset>,
    ) -> bool {
        let done = number
            .checked_sub(1)
            .is_some_and(|index| set_caption(&mut self.attachments, index, caption));
        if done {
            self.updated = now;
        }
        done
    }

    /// Removes the `number`-th (1-based) attachment; `None` when there is none.
    pub fn detach(&mut self, number: usize) -> Option<Attachment> {
        number
            .checked_sub(1)
            .and_then(|index| detach_from(&mut self.attachments, index))
    }

    pub fn due(&self, within: u32) -> NaiveDate {
        material_due(self.date, within)
    }

    /// Both copies handed in.
    pub fn complete(&self) -> bool {
        self.electronic.is_some() && self.paper.is_some()
    }

    /// Late: a copy handed in after the due day, or a copy still missing after it.
    pub fn late(&self, within: u32, today: NaiveDate) -> bool {
        let due = self.due(within);
        [&self.electronic, &self.paper]
            .into_iter()
            .any(|copy| match copy {
                Some(handed) => handed.date > due,
                None => today > due,
            })
    }
}

/// What merging another copy of an activity into ours comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityMerge {
    /// Ours already has everything theirs has.
    Unchanged,
    /// Theirs has everything ours has and more: take their file as it is.
    TakeTheirs,
    Merged(Box<Activity>),
}

/// Merges two copies of one activity. The typed fields come from the copy edited last
/// (`updated`; a tie goes to the greater text, so both directions agree); each copy's
/// handed-in date from the copy that recorded it last, a recorded one beating none;
/// evidence labels are the union, and so are attachments, by content hash (the
/// edited-last copy's first, with its captions). Merging A into B gives what B into
/// A gives.
pub fn merge_activity(ours: &Activity, theirs: &Activity) -> Option<ActivityMerge> {
    if ours.id != theirs.id {
        return None;
    }
    let header_of = |a: &Activity| {
        (
            a.updated,
            format!(
                "{}\u{0}{}\u{0}{}\u{0}{}\u{0}{:?}\u{0}{}",
                a.title, a.date, a.department, a.kind, a.participants, a.note
            ),
        )
    };
    let source = if header_of(theirs) > header_of(ours) {
        theirs
    } else {
        ours
    };
    let later = |a: &Option<Handed>, b: &Option<Handed>| match (a, b) {
        (Some(x), Some(y)) => Some(
            if (y.at, y.date) > (x.at, x.date) {
                y
            } else {
                x
            }
            .clone(),
        ),
        (x, y) => x.clone().or_else(|| y.clone()),
    };
    let mut evidence = source.evidence.clone();
    let other = if std::ptr::eq(source, ours) {
        theirs
    } else {
        ours
    };
    for label in &other.evidence {
        if !evidence.contains(label) {
            evidence.push(label.clone());
        }
    }
    let mut attachments = source.attachments.clone();
    for attachment in &other.attachments {
        if !attachments.iter().any(|a| a.sha256 == attachment.sha256) {
            attachments.push(attachment.clone());
        }
    }
    let merged = Activity {
        format: ours.format.max(theirs.format),
        evidence,
        attachments,
        electronic: later(&ours.electronic, &theirs.electronic),
        paper: later(&ours.paper, &theirs.paper),
        created: ours.created.min(theirs.created),
        seq: ours.seq.max(theirs.seq),
        recorded_by: (ours.created, &ours.recorded_by)
            .min((theirs.created, &theirs.recorded_by))
            .1
            .clone(),
        ..source.clone()
    };
    Some(if same_content(&merged, ours) {
        ActivityMerge::Unchanged
    } else if same_content(&merged, theirs) {
        ActivityMerge::TakeTheirs
    } else {
        ActivityMerge::Merged(Box::new(Activity {
            seq: merged.seq + 1,
            ..merged
        }))
    })
}

/// Equal but for the save counter.
fn same_content(a: &Activity, b: &Activity) -> bool {
    Activity {
        seq: 0,
        ..a.clone()
    } == Activity {
        seq: 0,
        ..b.clone()
    }
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
