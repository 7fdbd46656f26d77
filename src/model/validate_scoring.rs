//! Checks of the scoring parts of a checklist (docs/design.md §3): disqualification limits,
//! levels, item kinds, per-occurrence units and rate bands.

use std::collections::BTreeSet;

use super::checklist::{Item, Rules};
use super::session::Status;
use super::validate::Place;

pub(super) fn check_rules(rules: &Rules, report: &mut impl FnMut(Place, String)) {
    let mut problem = |message: String| report(Place::Checklist, format!("rules: {message}"));
    if let Some(limit) = rules.disqualify_from
        && (!limit.is_finite() || limit < 0.0)
    {
        problem(format!(
            "disqualify_from must be a finite number ≥ 0, found {limit}"
        ));
    }
    if rules.disqualify_from.is_some() && rules.disqualify_over.is_some() {
        problem(
            "give disqualify_from (that much or more) or disqualify_over (more than that), not both"
                .into(),
        );
    }
    let mut labels = BTreeSet::new();
    for (label, ratio) in &rules.levels {
        if label.trim().is_empty() || label.trim() != label {
            problem(format!(
                "level {label:?}: a label is a word without spaces around it"
            ));
        } else if label.parse::<Status>().is_ok() {
            problem(format!(
                "level {label:?} is a status word; choose a label that is not \
                 pending/pass/partial/fail/na or 未查/达标/基本达标/未达标/不适用"
            ));
        }
        if !labels.insert(label.as_str()) {
            problem(format!("level {label:?} is given twice"));
        }
        if !ratio.is_finite() || !(0.0..=1.0).contains(ratio) {
            problem(format!(
                "level {label:?} has ratio {ratio}; expected a number from 0 to 1"
            ));
        }
    }
}

pub(super) fn check_item(item: &Item, report: &mut impl FnMut(Place, String)) {
    let mut problem = |message: String| report(Place::Item(item.code.clone()), message);
    let kinds: Vec<&str> = [
        (item.veto, "veto"),
        (item.bonus, "bonus"),
        (item.penalty, "penalty"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect();
    if kinds.len() > 1 {
        problem(format!(
            "an item is at most one of veto, bonus and penalty; this one is {}",
            kinds.join(" and ")
        ));
    }
    for deduction in &item.deductions {
        if deduction
            .unit
            .as_deref()
            .is_some_and(|u| u.trim().is_empty())
        {
            problem(format!(
                "deduction {:?}: the unit of a per-occurrence deduction is empty \
                 (write 次, 人次, 处, 期, 项 or 篇, or leave the unit out)",
                deduction.reason
            ));
        }
    }
    if item.is_rate() {
        check_rate(item, &mut problem);
    }
}

fn check_rate(item: &Item, problem: &mut impl FnMut(String)) {
    if !item.is_base() || item.veto {
        problem("rate bands are for base items, not veto, bonus or penalty items".into());
    }
    if !item.is_scored() {
        problem("a rate item needs points for its bands to deduct from".into());
    }
    for (threshold, deduction) in &item.rate {
        if !threshold.is_finite() || !(0.0..=100.0).contains(threshold) {
            problem(format!(
                "rate band threshold {threshold}: expected a percent from 0 to 100"
            ));
        }
        if !deduction.is_finite() || *deduction < 0.0 {
            problem(format!(
                "rate band ({threshold}, {deduction}): the deduction must be a finite number ≥ 0"
            ));
        }
    }
    if !item.rate.windows(2).all(|pair| pair[0].0 > pair[1].0) {
        problem(
            "rate bands must be sorted from the highest threshold to the lowest, without repeats"
                .into(),
        );
    }
    if item
        .rate
        .last()
        .is_some_and(|(threshold, _)| *threshold != 0.0)
    {
        problem("the last rate band must start at 0, so that every rate falls in a band".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::{Checklist, Deduction, Section};
    use crate::model::validate::validate;

    fn checklist(rules: Rules, items: Vec<Item>) -> Checklist {
        Checklist {
            id: "t".into(),
            version: 1,
            title: "表".into(),
            description: None,
            rules,
            renamed: Default::default(),
            sections: vec![Section {
                code: "1".into(),
                title: "一".into(),
                items,
                sections: vec![],
            }],
        }
    }

    fn item(code: &str) -> Item {
        Item {
            code: code.into(),
            title: "条目".into(),
            points: 4.0,
            ..Item::default()
        }
    }

    fn messages(c: &Checklist) -> Vec<String> {
        validate(c).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_new_fields_validate_when_well_formed() {
        let rules = Rules {
            disqualify_from: Some(2.0),
            grades: vec![(90.0, "优秀".into()), (0.0, "不合格".into())],
            levels: vec![
                ("A".into(), 1.0),
                ("B".into(), 0.66),
                ("C".into(), 0.33),
                ("C#".into(), 0.0),
            ],
            ..Rules::default()
        };
        let mut counted = item("1.1");
        counted.deductions = vec![
            Deduction::once("无计划", 2.0),
            Deduction::per("每缺一次", 0.5, "次"),
        ];
        let mut penalty = item("1.2");
        penalty.penalty = true;
        let mut unit = item("1.3");
        unit.scope = crate::model::checklist::Scope::Unit;
        unit.veto = true;
        let mut rate = item("1.4");
        rate.rate = vec![(85.0, 0.0), (75.0, 1.0), (0.0, 2.0)];
        let c = checklist(rules, vec![counted, penalty, unit, rate]);
        assert_eq!(messages(&c), Vec::<String>::new());
    }

    #[test]
    fn rules_problems_are_all_reported() {
        let rules = Rules {
            disqualify_from: Some(-1.0),
            disqualify_over: Some(2.0),
            levels: vec![
                ("A".into(), 1.2),
                ("A".into(), 0.5),
                ("Pass".into(), 0.5),
                ("基本达标".into(), 0.5),
                (" B".into(), 0.5),
                ("C".into(), f64::NAN),
            ],
            ..Rules::default()
        };
        let found = messages(&checklist(rules, vec![item("1.1")]));
        let expect = [
            "rules: disqualify_from must be a finite number ≥ 0, found -1",
            "rules: give disqualify_from (that much or more) or disqualify_over (more than that), not both",
            "rules: level \"A\" has ratio 1.2; expected a number from 0 to 1",
            "rules: level \"A\" is given twice",
            "rules: level \"Pass\" is a status word",
            "rules: level \"基本达标\" is a status word",
            "rules: level \" B\": a label is a word without spaces around it",
            "rules: level \"C\" has ratio NaN; expected a number from 0 to 1",
        ];
        for want in expect {
            assert!(
                found.iter().any(|m| m.starts_with(want)),
                "{want}\n{found:#?}"
            );
        }
        assert_eq!(found.len(), expect.len(), "{found:#?}");
    }

    #[test]
    fn item_problems_are_all_reported() {
        let mut both = item("1.1");
        both.veto = true;
        both.penalty = true;
        let mut empty_unit = item("1.2");
        empty_unit.deductions = vec![Deduction::per("每次", 1.0, " ")];
        let mut unsorted = item("1.3");
        unsorted.rate = vec![(75.0, 1.0), (85.0, 0.0), (101.0, -1.0), (10.0, 2.0)];
        let mut on_bonus = item("1.4");
        on_bonus.bonus = true;
        on_bonus.points = 0.0;
        on_bonus.rate = vec![(0.0, 0.0)];
        let found = messages(&checklist(
            Rules::default(),
            vec![both, empty_unit, unsorted, on_bonus],
        ));
        let expect = [
            "item 1.1: an item is at most one of veto, bonus and penalty; this one is veto and penalty",
            "item 1.2: deduction \"每次\": the unit of a per-occurrence deduction is empty",
            "item 1.3: rate band threshold 101: expected a percent from 0 to 100",
            "item 1.3: rate band (101, -1): the deduction must be a finite number ≥ 0",
            "item 1.3: rate bands must be sorted from the highest threshold to the lowest",
            "item 1.3: the last rate band must start at 0",
            "item 1.4: rate bands are for base items",
            "item 1.4: a rate item needs points",
        ];
        for want in expect {
            assert!(
                found.iter().any(|m| m.starts_with(want)),
                "{want}\n{found:#?}"
            );
        }
        assert_eq!(found.len(), expect.len(), "{found:#?}");
    }
}
