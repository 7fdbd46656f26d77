//! The 台账 screens (docs/design.md §14): what their keys do to the state, and
//! snapshots of the deadlines screen, the activity screen, the activity form and
//! the home screen's own lines, in Chinese at 80x24 and 40x15.

use chrono::NaiveDate;
use uuid::Uuid;

use super::super::action::{Action, Effect};
use super::super::app::{
    App, HomeData, HomeNotice, HomeTaizhang, Overlay, ProfileStatus, Screen, TaizhangData,
    home_notices,
};
use super::super::keymap::Command;
use super::super::update::{department_suggestions, update};
use super::tests::{app, home_app, render, wall};
use crate::i18n::Lang;
use crate::model::activity::{Activity, ActivityFields, Copy};
use crate::model::deadlines::Period;
use crate::model::ledger::{ItemOrigin, LedgerEntry, Origin};
use crate::model::session::{Rectification, Status};
use crate::model::unit::Unit;
use crate::ops::activity::ActivityRow;
use crate::ops::deadlines::{Deadlines, LateCount};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// An activity, with its material handed in on the days given.
pub(super) fn activity(
    n: u128,
    title: &str,
    date: &str,
    department: &str,
    handed: [Option<&str>; 2],
) -> ActivityRow {
    let fields = ActivityFields {
        title: title.into(),
        date: Some(day(date)),
        department: department.into(),
        kind: "志愿服务".into(),
        participants: Some(25),
        ..ActivityFields::default()
    };
    let mut activity = Activity::new(Uuid::from_u128(n), fields, "王敏", wall()).unwrap();
    for (copy, date) in [Copy::Electronic, Copy::Paper].into_iter().zip(handed) {
        if let Some(date) = date {
            activity.hand_in(copy, day(date), wall()).unwrap();
        }
    }
    // Today is 2026-11-21 (the fixture's wall clock).
    ActivityRow::new(activity, &Unit::default(), wall().date_naive())
}

pub(super) fn data() -> TaizhangData {
    let october = activity(1, "十月志愿服务", "2026-10-28", "办公室", [None, None]);
    let lecture = activity(
        2,
        "道德讲堂：孝老爱亲",
        "2026-11-03",
        "党群室",
        [Some("2026-11-05"), Some("2026-11-06")],
    );
    let volunteers = activity(
        3,
        "学雷锋志愿服务",
        "2026-11-10",
        "办公室",
        [Some("2026-11-12"), Some("2026-11-14")],
    );
    let festival = activity(4, "我们的节日重阳节", "2026-11-19", "财务科", [None, None]);
    let overdue = LedgerEntry {
        origin: Origin::Item(ItemOrigin {
            session_id: Uuid::from_u128(9),
            checklist_id: "wenming".into(),
            round: "2026年11月自查".into(),
            code: "3.1".into(),
            status: Status::Fail,
            rounds_open: 1,
        }),
        department: "办公室".into(),
        date: day("2026-11-17"),
        title: "窗明几净".into(),
        lead: None,
        rectification: Rectification {
            owner: "李明".into(),
            due: Some(day("2026-11-19")),
            ..Rectification::default()
        },
        overdue: true,
        walks: Vec::new(),
    };
    TaizhangData {
        deadlines: Deadlines {
            month: "2026-11".parse().unwrap(),
            today: wall().date_naive(),
            has_profile: true,
            monthly_report_due: day("2026-11-20"),
            period: Period {
                from: day("2026-11-16"),
                to: day("2026-11-30"),
            },
            not_inspected: vec!["党群室".into(), "财务科".into(), "法制规划科".into()],
            activities_due: vec![festival.clone()],
            activities_late: vec![october.clone(), volunteers.clone()],
            rectifications_due: vec![overdue],
            unreadable: Vec::new(),
        },
        activities: vec![october, lecture, volunteers, festival],
    }
}

pub(super) fn screen_app(screen: Screen, width: u16, height: u16) -> App {
    let mut app = app(Lang::Zh, width, height);
    update(&mut app, Action::TaizhangLoaded(Box::new(data()), screen));
    app
}

#[test]
fn home_keys_load_the_screens_and_esc_goes_home() {
    let mut app = home_app(80, 24);
    let effects = update(&mut app, Action::Command(Command::Deadlines));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadTaizhang {
            screen: Screen::Deadlines
        }]
    ));
    update(
        &mut app,
        Action::TaizhangLoaded(Box::new(data()), Screen::Deadlines),
    );
    assert_eq!(app.screen, Screen::Deadlines);
    // Switching between the two screens needs no load.
    assert!(update(&mut app, Action::Command(Command::Activities)).is_empty());
    assert_eq!(app.screen, Screen::Activities);
    let effects = update(&mut app, Action::Command(Command::Back));
    assert_eq!(app.screen, Screen::Home);
    assert!(matches!(effects.as_slice(), [Effect::LoadHome]));
    assert!(app.taizhang.is_none());
}

#[test]
fn material_is_handed_in_today_for_the_selected_activity() {
    let mut app = screen_app(Screen::Activities, 80, 24);
    update(&mut app, Action::Command(Command::Bottom));
    let effects = update(&mut app, Action::Command(Command::HandInPaper));
    match effects.as_slice() {
        [Effect::HandIn { id, copy, date }] => {
            assert_eq!(*id, Uuid::from_u128(4));
            assert_eq!(*copy, Copy::Paper);
            assert_eq!(*date, day("2026-11-21"));
        }
        other => panic!("{other:?}"),
    }
    let effects = update(&mut app, Action::ActivitySaved("已记录".into()));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadTaizhang {
            screen: Screen::Activities
        }]
    ));
}

#[test]
fn the_form_refuses_a_date_that_does_not_exist_and_saves_a_good_one() {
    let mut app = screen_app(Screen::Activities, 80, 24);
    update(&mut app, Action::Command(Command::AddActivity));
    let Some(Overlay::ActivityForm(form)) = app.overlay.as_mut() else {
        panic!("the form opens");
    };
    assert_eq!(form.date.text(), "2026-11-21", "today by default");
    assert_eq!(form.department.text(), "办公室", "the selected activity's");
    form.title.set("文明交通劝导");
    form.date.set("2026-02-30");
    form.participants.set("12");
    form.evidence.set("签到表、照片");
    assert!(update(&mut app, Action::Command(Command::Submit)).is_empty());
    let Some(Overlay::ActivityForm(form)) = app.overlay.as_mut() else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.error.as_deref(),
        Some("\"2026-02-30\" 不是有效日期，应为 YYYY-MM-DD")
    );
    form.date.set("2026-11-20");
    let effects = update(&mut app, Action::Command(Command::Submit));
    match effects.as_slice() {
        [
            Effect::SaveActivity {
                id: None, fields, ..
            },
        ] => {
            assert_eq!(fields.date, Some(day("2026-11-20")));
            assert_eq!(fields.participants, Some(12));
            assert_eq!(fields.evidence, ["签到表", "照片"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(app.overlay.is_none());
    // Enter edits the selected activity; an edit that moves it after its material is refused.
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Command(Command::Open));
    let Some(Overlay::ActivityForm(form)) = app.overlay.as_mut() else {
        panic!("the edit form opens");
    };
    assert_eq!(form.id, Some(Uuid::from_u128(2)));
    form.date.set("2026-11-07");
    update(&mut app, Action::Command(Command::Submit));
    let Some(Overlay::ActivityForm(form)) = app.overlay.as_ref() else {
        panic!("still open");
    };
    assert_eq!(
        form.error.as_deref(),
        Some("材料报送日期 2026-11-05 早于活动日期 2026-11-07")
    );
}

#[test]
fn the_profile_is_offered_on_its_own_line_and_suggests_departments_first() {
    let mut app = home_app(80, 24);
    let mut data = app.home.data.clone();
    data.taizhang.profile = ProfileStatus::Missing;
    data.taizhang.late = Some(LateCount {
        activities: 2,
        rectifications: 1,
    });
    update(&mut app, Action::HomeLoaded(Box::new(data.clone())));
    assert_eq!(
        home_notices(&app),
        [
            HomeNotice::OfferProfile,
            HomeNotice::Late(LateCount {
                activities: 2,
                rectifications: 1
            })
        ]
    );
    assert!(matches!(
        update(&mut app, Action::Command(Command::CreateProfile)).as_slice(),
        [Effect::CreateProfile]
    ));
    // Never after `zicha open SESSION`.
    app.offer_profile = false;
    assert_eq!(home_notices(&app).len(), 1);
    data.taizhang.profile = ProfileStatus::Present(vec!["财务科".into(), "办公室".into()]);
    update(&mut app, Action::HomeLoaded(Box::new(data)));
    assert!(update(&mut app, Action::Command(Command::CreateProfile)).is_empty());
    let suggested = department_suggestions(&app, "");
    assert_eq!(suggested[..2], ["财务科", "办公室"]);
    assert!(
        suggested.contains(&"党群室".to_string()),
        "history after the profile"
    );
}

#[test]
fn deadlines_80x24() {
    insta::assert_snapshot!(render(&screen_app(Screen::Deadlines, 80, 24)));
}

#[test]
fn deadlines_40x15() {
    insta::assert_snapshot!(render(&screen_app(Screen::Deadlines, 40, 15)));
}

#[test]
fn activities_80x24() {
    insta::assert_snapshot!(render(&screen_app(Screen::Activities, 80, 24)));
}

#[test]
fn activities_40x15() {
    insta::assert_snapshot!(render(&screen_app(Screen::Activities, 40, 15)));
}

#[test]
fn activity_form_80x24() {
    let mut app = screen_app(Screen::Activities, 80, 24);
    update(&mut app, Action::Command(Command::AddActivity));
    if let Some(Overlay::ActivityForm(form)) = app.overlay.as_mut() {
        form.title.set("文明交通劝导");
    }
    insta::assert_snapshot!(render(&app));
}

#[test]
fn home_lines_80x24() {
    let mut app = home_app(80, 24);
    let data = HomeData {
        taizhang: Box::new(HomeTaizhang {
            profile: ProfileStatus::Missing,
            late: Some(LateCount {
                activities: 2,
                rectifications: 1,
            }),
        }),
        ..app.home.data.clone()
    };
    update(&mut app, Action::HomeLoaded(Box::new(data)));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn unreadable_activity_files_are_counted_on_the_deadlines_screen() {
    let mut data = data();
    data.deadlines
        .unreadable
        .push(crate::store::checklist_file::FileProblem {
            file: "activities/x.ron".into(),
            place: Some((1, 1)),
            message: "broken".into(),
        });
    let mut app = app(Lang::Zh, 80, 24);
    update(
        &mut app,
        Action::TaizhangLoaded(Box::new(data), Screen::Deadlines),
    );
    assert!(render(&app).contains("有 1 个活动记录无法读取"));
}
