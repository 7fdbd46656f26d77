use std::sync::Arc;

use super::*;
use crate::export::fixture;
use crate::export::report::SessionReport;
use crate::export::summary::SummaryRow;
use crate::i18n::report::{EN, ZH};
use crate::model::rate::SurveyedRate;
use crate::store::checklist_file::parse_checklist;

#[test]
fn clean_keeps_lines_and_drops_what_xml_and_terminals_cannot_take() {
    let hostile = "a\u{1b}[31mb\r\nc\td\u{0}\u{b}\u{c}\u{fffe}\u{ffff}\u{202e}e😀";
    assert_eq!(clean(hostile), "a[31mb\nc\tde😀");
    assert_eq!(clean_line(hostile), "a[31mb c de😀");
}

#[test]
fn per_occurrence_deductions_say_their_count_and_unit() {
    let counted = Deduction {
        reason: "每缺一次集中学习".into(),
        points: 0.5,
        count: 3,
        unit: Some("次".into()),
    };
    assert_eq!(counted.text(&ZH), "每缺一次集中学习（0.5分×3次，扣1.5分）");
    assert_eq!(counted.text(&EN), "每缺一次集中学习 (0.5 × 3 次, −1.5)");
    let once = Deduction {
        reason: "无年度学习计划".into(),
        points: 2.0,
        count: 1,
        unit: None,
    };
    assert_eq!(once.text(&ZH), "无年度学习计划（扣2分）");
}

const WORDING: &str = r#"Checklist(
    id: "wording", version: 1, title: "措辞测试表",
    rules: (
        disqualify_from: 2.0,
        grades: [(90.0, "优秀"), (0.0, "不合格")],
        levels: [("A", 1.0), ("B", 0.5), ("C", 0.0)],
    ),
    sections: [
        Section(code: "1", title: "基础", items: [
            Item(code: "1.1", title: "集中学习", points: 4.0,
                 deductions: [("每缺一次集中学习", 0.5, "次")]),
            Item(code: "1.2", title: "测评等次", points: 3.0),
            Item(code: "1.3", title: "群众满意率", points: 2.0,
                 rate: [(85.0, 0.0), (75.0, 1.0), (0.0, 2.0)]),
        ]),
        Section(code: "2", title: "负面清单", items: [
            Item(code: "2.1", title: "发生负面舆情", points: 2.0, penalty: true),
        ]),
        Section(code: "3", title: "一票否决", items: [
            Item(code: "3.1", title: "无违法违纪", veto: true),
        ]),
        Section(code: "4", title: "加分", items: [
            Item(code: "4.1", title: "获表彰", points: 2.0, bonus: true),
        ]),
    ],
)"#;

/// A session judged every way issue 13 brought: a count, a level, a rate, a
/// 负面清单 item that happened, a veto item 无此情形 and a bonus not earned.
fn judged() -> SessionReport {
    let checklist = parse_checklist(WORDING.as_bytes(), "wording.ron").expect("valid");
    let mut session = fixture::session(7, "办公室", "2026年11月自查", "2026-11-20");
    let counted = fixture::respond(&mut session, "1.1", Status::Partial, "");
    counted.deductions = vec![0];
    counted.counts.insert(0, 3);
    fixture::respond(&mut session, "1.2", Status::Partial, "").level = Some("B".into());
    fixture::respond(&mut session, "1.3", Status::Partial, "").rate =
        Some(SurveyedRate::Fraction {
            numerator: 40,
            denominator: 50,
        });
    fixture::respond(&mut session, "2.1", Status::Fail, "媒体报道一次");
    fixture::respond(&mut session, "3.1", Status::Pass, "");
    fixture::respond(&mut session, "4.1", Status::Fail, "");
    SessionReport::new(session, Arc::new(checklist), vec![])
}

fn row<'a>(rows: &'a [ItemRow], code: &str) -> &'a ItemRow {
    rows.iter().find(|row| row.code == code).expect("an item")
}

#[test]
fn counts_levels_rates_and_item_kinds_read_as_an_inspector_writes_them() {
    let rows = item_rows(&judged(), fixture::today());
    let counted = row(&rows, "1.1");
    assert_eq!(counted.lost, Some(1.5));
    assert_eq!(
        counted.deductions_text(&ZH),
        "每缺一次集中学习（0.5分×3次，扣1.5分）"
    );
    assert_eq!(row(&rows, "1.2").status_text(&ZH), "B（基本达标）");
    assert_eq!(row(&rows, "1.3").deductions_text(&ZH), "测评率80%（40/50）");
    assert_eq!(row(&rows, "1.3").lost, Some(1.0));
    let penalty = row(&rows, "2.1");
    assert_eq!(penalty.status_text(&ZH), "存在");
    assert_eq!(penalty.title_with_kind(&ZH), "发生负面舆情【负面清单】");
    assert_eq!(penalty.lost_text(), "2");
    assert!(
        penalty.is_problem(),
        "a 负面清单 item that happened is a problem"
    );
    assert_eq!(row(&rows, "3.1").status_text(&ZH), "无此情形");
    let bonus = row(&rows, "4.1");
    assert_eq!(bonus.status_text(&ZH), "不加分");
    assert!(!bonus.is_problem(), "a bonus not earned is no problem");
    let codes: Vec<&str> = problems(&rows).iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["1.1", "1.2", "1.3", "2.1"]);
}

#[test]
fn a_total_shows_base_bonus_and_penalties_and_the_verdict_stands_alone() {
    let summary = SummaryRow::of(&judged());
    // Base: 2.5 + 1.5 + 1 = 5 of 9; bonus 0; the 负面清单 item took 2.
    assert_eq!(
        summary.total_text(&ZH),
        "3（基础分 5 + 加分 0 − 负面清单 2）"
    );
    assert_eq!(summary.verdict_text(&ZH), "取消评优资格", "deducted 6 ≥ 2");
    let sentence = summary.overall_sentence(&ZH);
    assert!(sentence.contains("判定：取消评优资格。"), "{sentence}");
    assert!(!sentence.contains("不合格"), "no grade beside 取消评优资格");
    assert_eq!(summary.verdict_text(&EN), "disqualified from awards");
}
