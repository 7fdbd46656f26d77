use super::*;
use crate::model::scoring::Figures;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A summary scoring `score` of 100 with `deducted` points lost and `pending` base items.
pub(crate) fn summary(score: f64, deducted: f64, pending: usize) -> Summary {
    Summary {
        figures: Figures {
            score,
            base: score,
            max: 100.0,
            deducted,
            checked: 10 - pending,
            total: 10,
            scored_checked: 10 - pending,
            pending_base: pending,
            ..Figures::default()
        },
        veto: Vec::new(),
        disqualified: false,
        grade: None,
        provisional_grade: None,
        problems: 0,
        open_rectifications: 0,
    }
}

fn contender(n: u128, department: &str, summary: Summary) -> Contender {
    Contender {
        session_id: Uuid::from_u128(n),
        department: department.into(),
        summary,
        follow_ups: Vec::new(),
    }
}

#[test]
fn bands_change_at_exactly_60_and_90() {
    let band = |score: f64, pending: usize| Band::of(&summary(score, 100.0 - score, pending));
    assert_eq!(band(59.99, 0), Band::Red);
    assert_eq!(band(60.0, 0), Band::Yellow, "60 is not below 60");
    // 3/5 of 100 in floating point: 60 within rounding is still 60.
    assert_eq!(band(0.1 * 3.0 * 200.0, 0), Band::Yellow);
    assert_eq!(band(89.99, 0), Band::Yellow);
    assert_eq!(band(90.0, 0), Band::Green, "90 is green");
    assert_eq!(band(100.0, 0), Band::Green);
    assert_eq!(band(95.0, 1), Band::Yellow, "green needs nothing pending");
    assert_eq!(
        band(40.0, 3),
        Band::Red,
        "below 60 is red while pending too"
    );
    assert_eq!(
        [Band::Red, Band::Yellow, Band::Green].map(Band::code),
        ["red", "yellow", "green"]
    );
}

#[test]
fn a_veto_or_a_disqualification_is_red_whatever_the_percent() {
    let mut vetoed = summary(98.0, 2.0, 0);
    vetoed.veto = vec!["9.1".into()];
    assert_eq!(Band::of(&vetoed), Band::Red);
    let mut disqualified = summary(95.0, 5.0, 0);
    disqualified.disqualified = true;
    assert_eq!(Band::of(&disqualified), Band::Red);
    let mut nothing_scored = summary(0.0, 0.0, 10);
    nothing_scored.figures.max = 0.0;
    assert_eq!(
        Band::of(&nothing_scored),
        Band::Yellow,
        "no percent: neither red nor green"
    );
}

#[test]
fn rows_rank_by_percent_then_less_deducted_and_ties_share_a_rank() {
    // Scores of 100: 党群室 and 办公室 tie at 92 with 8 deducted; 财务科 also has 92
    // but lost 9 (8 base + a 1-point penalty); 人事科 has no percent at all.
    let mut penalised = summary(92.0, 9.0, 0);
    penalised.figures.penalties = 1.0;
    let mut unscored = summary(0.0, 0.0, 10);
    unscored.figures.max = 0.0;
    let board = rank(
        vec![
            contender(1, "人事科", unscored),
            contender(2, "财务科", penalised),
            contender(3, "党群室", summary(92.0, 8.0, 0)),
            contender(4, "法制规划科", summary(55.5, 44.5, 0)),
            contender(5, "办公室", summary(92.0, 8.0, 0)),
            contender(6, "后勤服务中心", summary(97.25, 2.75, 2)),
        ],
        &DepartmentOrder::default(),
    );
    let shown: Vec<(usize, &str, Band)> = board
        .iter()
        .map(|row| (row.rank, row.department.as_str(), row.band))
        .collect();
    assert_eq!(
        shown,
        [
            (1, "后勤服务中心", Band::Yellow),
            (2, "办公室", Band::Green),
            (2, "党群室", Band::Green),
            (4, "财务科", Band::Green),
            (5, "法制规划科", Band::Red),
            (6, "人事科", Band::Yellow),
        ]
    );
    // The unit profile's order decides between tied rows.
    let profile = DepartmentOrder::new(&["党群室", "办公室"]);
    let board = rank(
        vec![
            contender(5, "办公室", summary(92.0, 8.0, 0)),
            contender(3, "党群室", summary(92.0, 8.0, 0)),
        ],
        &profile,
    );
    assert_eq!(
        board
            .iter()
            .map(|row| (row.rank, row.department.as_str()))
            .collect::<Vec<_>>(),
        [(1, "党群室"), (1, "办公室")]
    );
}

#[test]
fn percents_equal_as_shown_tie() {
    // 2/3 and 0.6666666667 both show 66.67.
    let board = rank(
        vec![
            contender(1, "甲", summary(200.0 / 3.0, 100.0 / 3.0, 0)),
            contender(2, "乙", summary(66.666_666_67, 33.333_333_33, 0)),
        ],
        &DepartmentOrder::default(),
    );
    assert_eq!(board[0].rank, board[1].rank);
}

#[test]
fn the_on_time_rate_counts_closed_rectifications_only() {
    let follow_up = |due: Option<&str>, closed: Option<&str>| FollowUp {
        due: due.map(date),
        closed_on: closed.map(date),
    };
    assert_eq!(on_time_rate(&[]), None);
    assert_eq!(
        on_time_rate(&[follow_up(Some("2026-11-10"), None)]),
        None,
        "none closed yet"
    );
    let follow_ups = [
        // On its due date: on time.
        follow_up(Some("2026-11-10"), Some("2026-11-10")),
        // A day late.
        follow_up(Some("2026-11-10"), Some("2026-11-11")),
        // Early.
        follow_up(Some("2026-11-30"), Some("2026-11-20")),
        // No due date: cannot be late.
        follow_up(None, Some("2026-12-01")),
        // Open, even though overdue: not counted.
        follow_up(Some("2026-10-01"), None),
    ];
    // 3 of the 4 closed were on time: 75 %.
    assert_eq!(on_time_rate(&follow_ups), Some(75.0));
    let mut row = contender(1, "办公室", summary(80.0, 20.0, 0));
    row.follow_ups = follow_ups[..2].to_vec();
    let board = rank(vec![row], &DepartmentOrder::default());
    assert_eq!(board[0].on_time_rate, Some(50.0));
}
