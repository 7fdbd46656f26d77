//! Marks with counts, levels, rates, penalties and scope (docs/design.md §4, §15).

use super::*;
use crate::model::checklist::Deduction;
use crate::model::rate::SurveyedRate;

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

/// 道德讲堂 2.1: 6 points; 无计划 −2 once, 每少开展一次 −1.5 per 次.
fn lectures() -> Item {
    Item {
        code: "2.1".into(),
        title: "每季度至少开展一次道德讲堂活动".into(),
        points: 6.0,
        deductions: vec![
            Deduction::once("无活动计划", 2.0),
            Deduction::per("每少开展一次", 1.5, "次"),
        ],
        ..Item::default()
    }
}

fn mark(item: &Item, current: Option<&Response>, mark: Mark) -> Result<Response, EditError> {
    apply_mark(&rules(), Scope::Department, item, current, &mark)
}

fn partial_with(picked: Vec<Picked>) -> Mark {
    Mark {
        deductions: Some(picked),
        ..Mark::status(Status::Partial)
    }
}

#[test]
fn a_count_is_kept_for_a_per_occurrence_deduction_only() {
    let item = lectures();
    let response = mark(&item, None, partial_with(vec![Picked::times(2, 3)])).unwrap();
    assert_eq!(response.deductions, [1]);
    assert_eq!(response.counts, [(1, 3)].into());
    assert_eq!(response.count(1), 3);
    assert_eq!(response.status, Status::Partial, "4.5 of 6: still 基本达标");

    let once = mark(&item, None, partial_with(vec![Picked::once(2)])).unwrap();
    assert_eq!(once.deductions, [1]);
    assert!(once.counts.is_empty(), "K = 1 is not written");

    let last_wins = partial_with(vec![Picked::times(2, 3), Picked::times(2, 2)]);
    assert_eq!(
        mark(&item, None, last_wins).unwrap().counts,
        [(1, 2)].into()
    );

    assert_eq!(
        mark(&item, None, partial_with(vec![Picked::times(1, 2)])),
        Err(EditError::NotPerOccurrence {
            code: "2.1".into(),
            number: 1,
            reason: "无活动计划".into()
        })
    );
    assert_eq!(
        mark(&item, None, partial_with(vec![Picked::times(2, 0)])),
        Err(EditError::ZeroCount {
            code: "2.1".into(),
            number: 2
        })
    );
    let error = mark(&item, None, partial_with(vec![Picked::once(3)])).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("1. 无活动计划 (-2)  2. 每少开展一次 (-1.5/次)"),
        "{error}"
    );
}

#[test]
fn deductions_that_reach_the_points_record_the_item_as_fail() {
    let item = lectures();
    // 2 + 1.5 × 3 = 6.5 ≥ 6: 未达标, with the deductions kept as its reasons.
    let full = partial_with(vec![Picked::once(1), Picked::times(2, 3)]);
    let response = mark(&item, None, full).unwrap();
    assert_eq!(response.status, Status::Fail);
    assert_eq!(response.deductions, [0, 1]);
    // 1.5 × 4 = 6 exactly also reaches the points.
    let exact = mark(&item, None, partial_with(vec![Picked::times(2, 4)])).unwrap();
    assert_eq!(exact.status, Status::Fail);
    // 2 + 1.5 × 2 = 5 does not.
    let short = partial_with(vec![Picked::once(1), Picked::times(2, 2)]);
    assert_eq!(mark(&item, None, short).unwrap().status, Status::Partial);

    let mut by_hand = Response {
        status: Status::Partial,
        deductions: vec![1],
        counts: [(1, 4)].into(),
        ..Response::default()
    };
    assert!(settle_status(&item, &mut by_hand));
    assert_eq!(by_hand.status, Status::Fail);
    assert!(!settle_status(&item, &mut by_hand), "already 未达标");
}

#[test]
fn a_level_sets_the_status_and_replaces_deductions() {
    let item = lectures();
    let counted = mark(&item, None, partial_with(vec![Picked::times(2, 2)])).unwrap();
    for (label, status) in [
        ("A", Status::Pass),
        ("B", Status::Partial),
        ("C", Status::Partial),
        ("C#", Status::Fail),
    ] {
        let level = Mark {
            judgement: Judgement::Level(label.into()),
            ..Mark::default()
        };
        let response = mark(&item, Some(&counted), level).unwrap();
        assert_eq!(response.status, status, "{label}");
        assert_eq!(response.level.as_deref(), Some(label));
        assert!(response.deductions.is_empty() && response.counts.is_empty());
    }
    let level_b = Mark {
        judgement: Judgement::Level("B".into()),
        ..Mark::default()
    };
    let leveled = mark(&item, None, level_b.clone()).unwrap();
    let plain = mark(&item, Some(&leveled), Mark::status(Status::Pass)).unwrap();
    assert_eq!((plain.status, plain.level), (Status::Pass, None));

    let with_deduction = Mark {
        deductions: Some(vec![Picked::once(1)]),
        ..level_b.clone()
    };
    assert_eq!(
        mark(&item, None, with_deduction),
        Err(EditError::JudgementWithDeductions { code: "2.1".into() })
    );
    let unknown = Mark {
        judgement: Judgement::Level("D".into()),
        ..Mark::default()
    };
    let error = mark(&item, None, unknown).unwrap_err().to_string();
    assert!(
        error.contains("A (1), B (0.66), C (0.33), C# (0)"),
        "{error}"
    );
    let mut bonus = lectures();
    bonus.bonus = true;
    assert_eq!(
        mark(&bonus, None, level_b),
        Err(EditError::LevelOnNonBase { code: "2.1".into() })
    );
}

#[test]
fn a_penalty_item_is_pass_or_fail_never_partial() {
    let mut item = lectures();
    item.penalty = true;
    assert_eq!(
        mark(&item, None, Mark::status(Status::Partial)),
        Err(EditError::PartialPenalty { code: "2.1".into() })
    );
    // 1.5 × 5 = 7.5 is more than its 6 points: a penalty item is not capped or settled.
    let happened = Mark {
        deductions: Some(vec![Picked::times(2, 5)]),
        ..Mark::status(Status::Fail)
    };
    let response = mark(&item, None, happened).unwrap();
    assert_eq!(response.status, Status::Fail);
    assert_eq!(response.count(1), 5);
    assert_eq!(
        mark(&item, None, Mark::status(Status::Pass))
            .unwrap()
            .status,
        Status::Pass
    );
    // A deduction picked in the UI turns a pending item 基本达标; settled, it happened.
    let mut picked = Response {
        status: Status::Partial,
        deductions: vec![1],
        ..Response::default()
    };
    assert!(settle_status(&item, &mut picked));
    assert_eq!(picked.status, Status::Fail);
}

#[test]
fn a_unit_item_is_marked_only_in_a_unit_session() {
    let mut item = lectures();
    item.scope = Scope::Unit;
    let pass = Mark::status(Status::Pass);
    assert_eq!(
        apply_mark(&rules(), Scope::Department, &item, None, &pass),
        Err(EditError::OutOfScope { code: "2.1".into() })
    );
    let response = apply_mark(&rules(), Scope::Unit, &item, None, &pass).unwrap();
    assert_eq!(response.status, Status::Pass);
    let everywhere = lectures();
    assert!(apply_mark(&rules(), Scope::Unit, &everywhere, None, &pass).is_ok());
}

#[test]
fn a_rate_sets_the_status_from_its_band() {
    let mut item = lectures();
    item.code = "6.1".into();
    item.points = 4.0;
    item.rate = vec![(85.0, 0.0), (75.0, 1.0), (0.0, 4.0)];
    let rate = |rate: SurveyedRate| Mark {
        judgement: Judgement::Rate(rate),
        ..Mark::default()
    };
    let fraction = |numerator, denominator| SurveyedRate::Fraction {
        numerator,
        denominator,
    };
    let counted = mark(&item, None, partial_with(vec![Picked::once(1)])).unwrap();
    let passed = mark(&item, Some(&counted), rate(fraction(43, 50))).unwrap();
    assert_eq!(passed.status, Status::Pass, "86% ≥ 85%");
    assert_eq!(passed.rate, Some(fraction(43, 50)));
    assert!(passed.deductions.is_empty(), "a rate replaces deductions");
    let partial = mark(&item, None, rate(SurveyedRate::Percent(75.0))).unwrap();
    assert_eq!(partial.status, Status::Partial, "75% loses 1 of 4");
    let failed = mark(&item, None, rate(fraction(10, 50))).unwrap();
    assert_eq!(failed.status, Status::Fail, "20% loses all 4");
    let cleared = mark(&item, Some(&failed), Mark::status(Status::Na)).unwrap();
    assert_eq!((cleared.status, cleared.rate), (Status::Na, None));

    assert_eq!(
        mark(&item, None, rate(fraction(51, 50))),
        Err(EditError::BadRate(RateError::MoreThanAsked {
            numerator: 51,
            denominator: 50
        }))
    );
    assert_eq!(
        mark(&item, None, rate(fraction(0, 0))),
        Err(EditError::BadRate(RateError::NobodyAsked { numerator: 0 }))
    );
    assert_eq!(
        mark(&item, None, rate(SurveyedRate::Percent(-3.0))),
        Err(EditError::BadRate(RateError::OutOfRange(-3.0)))
    );
    assert_eq!(
        mark(&lectures(), None, rate(fraction(43, 50))),
        Err(EditError::NotRateItem { code: "2.1".into() })
    );
    let with_deduction = Mark {
        deductions: Some(vec![Picked::once(1)]),
        ..rate(fraction(43, 50))
    };
    assert_eq!(
        mark(&item, None, with_deduction),
        Err(EditError::JudgementWithDeductions { code: "6.1".into() })
    );
}
