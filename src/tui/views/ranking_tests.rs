//! The home screen's ranking view (排名): the key asks for the board, the view shows
//! it in rank order with each band as a word and (with colour) its colour.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use uuid::Uuid;

use super::super::action::{Action, Effect};
use super::super::app::{App, HomeData, LoadedBoard, SessionRow};
use super::super::keymap::Command;
use super::super::theme::Theme;
use super::super::update::update;
use super::draw;
use super::tests::{app, render};
use crate::model::board::{Band, Contender, FollowUp, rank};
use crate::model::order::DepartmentOrder;
use crate::model::scoring::Summary;

const ROUND: &str = "2026年11月自查";

/// A session scoring `score` of 100, `deducted` lost, `pending` of 10 items unchecked.
fn row(n: u128, department: &str, score: f64, deducted: f64, pending: usize) -> SessionRow {
    SessionRow {
        id: Uuid::from_u128(n),
        round: ROUND.into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        department: department.into(),
        inspector: "王敏".into(),
        checklist_id: "wenming".into(),
        checklist_title: "文明单位创建自查表".into(),
        summary: Summary {
            disqualified: deducted >= 30.0,
            grade: (pending == 0).then(|| "合格".to_string()),
            open_rectifications: usize::from(n == 2),
            ..crate::model::board::tests::summary(score, deducted, pending)
        },
        finished: false,
    }
}

fn rows() -> Vec<SessionRow> {
    vec![
        row(1, "办公室", 90.0, 10.0, 0),
        row(2, "党群室", 90.0, 10.0, 0),
        row(3, "后勤服务中心", 92.5, 0.0, 2),
        row(4, "财务科", 60.0, 25.0, 0),
        row(5, "人事科", 59.5, 40.5, 0),
    ]
}

/// The board as the runner would load it: 办公室 closed 2 of 3 on time.
fn board(rows: &[SessionRow]) -> LoadedBoard {
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d);
    let contenders = rows
        .iter()
        .map(|row| Contender {
            session_id: row.id,
            department: row.department.clone(),
            summary: row.summary.clone(),
            follow_ups: if row.department == "办公室" {
                vec![
                    FollowUp {
                        due: day(10),
                        closed_on: day(9),
                    },
                    FollowUp {
                        due: day(10),
                        closed_on: day(10),
                    },
                    FollowUp {
                        due: day(10),
                        closed_on: day(12),
                    },
                ]
            } else {
                Vec::new()
            },
        })
        .collect();
    LoadedBoard {
        round: ROUND.into(),
        rows: rank(contenders, &DepartmentOrder::default()),
    }
}

fn ranking_app(theme: Theme, width: u16, height: u16) -> App {
    let mut app = app(crate::i18n::Lang::Zh, width, height);
    app.theme = theme;
    let data = HomeData {
        sessions: rows(),
        ..HomeData::default()
    };
    let effects = update(&mut app, Action::HomeLoaded(Box::new(data)));
    assert!(effects.is_empty(), "no board asked for before the key");
    let effects = update(&mut app, Action::Command(Command::Ranking));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadBoard { round }] if round == ROUND),
        "{effects:?}"
    );
    update(&mut app, Action::BoardLoaded(board(&rows())));
    app
}

#[test]
fn ranking_80x24() {
    insta::assert_snapshot!(render(&ranking_app(Theme::plain(), 80, 24)));
}

#[test]
fn ranking_120x24() {
    insta::assert_snapshot!(render(&ranking_app(Theme::plain(), 120, 24)));
}

#[test]
fn ranking_40x15() {
    insta::assert_snapshot!(render(&ranking_app(Theme::plain(), 40, 15)));
}

#[test]
fn the_key_toggles_back_to_the_usual_order_and_enter_opens_the_ranked_row() {
    let mut app = ranking_app(Theme::plain(), 80, 24);
    // Ranked: 后勤服务中心 (92.5) first; Enter opens it.
    let effects = update(&mut app, Action::Command(Command::Open));
    assert!(
        matches!(effects.as_slice(), [Effect::OpenSession { id, .. }] if *id == Uuid::from_u128(3)),
        "{effects:?}"
    );
    let ranked = render(&app);
    assert!(
        ranked.contains("名次") && ranked.contains("排名  轮次"),
        "{ranked}"
    );
    let effects = update(&mut app, Action::Command(Command::Ranking));
    assert!(effects.is_empty(), "the usual order needs nothing loaded");
    let usual = render(&app);
    assert!(!usual.contains("名次") && usual.contains("判定"), "{usual}");
    // Back to the ranking: the board is still there, nothing to load.
    assert!(update(&mut app, Action::Command(Command::Ranking)).is_empty());
}

#[test]
fn bands_are_coloured_words_at_60_and_90() {
    let app = ranking_app(
        Theme {
            color: true,
            ascii: false,
        },
        80,
        24,
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| draw(frame, &app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    // The colour of the band word on the row that names `department`.
    // Each row as text with the cell each character starts at (wide ones once).
    let screen: Vec<(String, Vec<u16>)> = (0..24)
        .map(|y| {
            let (mut text, mut starts, mut x) = (String::new(), Vec::new(), 0);
            while x < 80 {
                let symbol = buffer[(x, y)].symbol();
                for _ in symbol.chars() {
                    starts.push(x);
                }
                text.push_str(symbol);
                x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
            }
            (text, starts)
        })
        .collect();
    // The band word on the row that names `department`, and its colour.
    let band_of = |department: &str| -> (String, Color) {
        let (y, (text, starts)) = screen
            .iter()
            .enumerate()
            .find(|(_, (text, _))| text.contains(department))
            .unwrap_or_else(|| panic!("no row names {department}"));
        for word in ["红灯", "黄灯", "绿灯"] {
            if let Some(at) = text.find(word) {
                let x = starts[text[..at].chars().count()];
                return (word.to_string(), buffer[(x, y as u16)].fg);
            }
        }
        panic!("no band on {department}'s row: {text}");
    };
    // 90 with nothing pending: green; 92.5 with items pending: yellow; exactly 60:
    // yellow; 59.5 (and disqualified): red.
    assert_eq!(band_of("办公室"), ("绿灯".into(), Color::Green));
    assert_eq!(band_of("后勤服务中心"), ("黄灯".into(), Color::Yellow));
    assert_eq!(band_of("财务科"), ("黄灯".into(), Color::Yellow));
    assert_eq!(band_of("人事科"), ("红灯".into(), Color::Red));
    assert_eq!(
        board(&rows())
            .rows
            .iter()
            .map(|r| r.band)
            .collect::<Vec<_>>(),
        [
            Band::Yellow,
            Band::Green,
            Band::Green,
            Band::Yellow,
            Band::Red
        ]
    );
}
