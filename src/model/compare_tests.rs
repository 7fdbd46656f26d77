use super::*;
use crate::model::matching::tests::{checklist, item};
use crate::model::session::{ChecklistRef, Response};
use chrono::{DateTime, NaiveDate};

fn session(id: u128, version: u32) -> Session {
    let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00+08:00").unwrap();
    Session::new(
        Uuid::from_u128(id),
        ChecklistRef {
            id: "t".into(),
            version,
            hash: format!("h{version}"),
        },
        "轮次".into(),
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        "办公室".into(),
        String::new(),
        now,
    )
}

fn mark(session: &mut Session, code: &str, status: Status, deductions: &[usize]) {
    session.responses.insert(
        code.into(),
        Response {
            status,
            deductions: deductions.to_vec(),
            ..Response::default()
        },
    );
}

fn find<'a>(comparison: &'a Comparison, code: &str) -> &'a ItemChange {
    comparison
        .items
        .iter()
        .find(|change| change.code == code)
        .unwrap_or_else(|| panic!("no item {code} in {:?}", comparison.items))
}

/// Same checklist on both sides; each pair is (prior, current) for one item "i<n>".
fn same_version(pairs: &[(Status, Status)]) -> Comparison {
    let items = (0..pairs.len())
        .map(|n| item(&format!("i{n}"), 4.0))
        .collect();
    let list = checklist(1, items, &[]);
    let (mut before, mut after) = (session(1, 1), session(2, 1));
    for (n, (prior, current)) in pairs.iter().enumerate() {
        mark(&mut before, &format!("i{n}"), *prior, &[]);
        mark(&mut after, &format!("i{n}"), *current, &[]);
    }
    compare(
        Inspection::new(&before, &list),
        Inspection::new(&after, &list),
    )
}

#[test]
fn status_moves_rank_fail_partial_pass() {
    use Status::*;
    let c = same_version(&[
        (Fail, Pass),
        (Fail, Partial),
        (Partial, Pass),
        (Pass, Fail),
        (Pass, Partial),
        (Partial, Fail),
        (Pass, Pass),
        (Fail, Fail),
    ]);
    let classes: Vec<Class> = c.items.iter().map(|change| change.class).collect();
    use Class::*;
    assert_eq!(
        classes,
        [
            Improved, Improved, Improved, Regressed, Regressed, Regressed, Unchanged, Unchanged
        ]
    );
    // Points 4; a partial without deductions scores 2.
    let deltas: Vec<f64> = c.items.iter().filter_map(|change| change.delta).collect();
    assert_eq!(deltas, [4.0, 2.0, 2.0, -4.0, -2.0, -2.0, 0.0, 0.0]);
}

#[test]
fn pending_and_na_moves() {
    use Status::*;
    let c = same_version(&[
        (Pending, Pass),
        (Pending, Na),
        (Pending, Pending),
        (Pass, Na),
        (Na, Fail),
        (Na, Na),
        (Partial, Pending),
    ]);
    let classes: Vec<Class> = c.items.iter().map(|change| change.class).collect();
    use Class::*;
    assert_eq!(
        classes,
        [
            NewlyChecked,
            NewlyChecked,
            Unchanged,
            Changed,
            Changed,
            Unchanged,
            Unchecked
        ]
    );
    let deltas: Vec<Option<f64>> = c.items.iter().map(|change| change.delta).collect();
    let some = Some;
    assert_eq!(
        deltas,
        [
            some(4.0),
            some(0.0),
            some(0.0),
            some(-4.0),
            some(0.0),
            some(0.0),
            None
        ]
    );
}

#[test]
fn no_response_at_all_counts_as_pending() {
    let list = checklist(1, vec![item("1.1", 3.0)], &[]);
    let before = session(1, 1);
    let mut after = session(2, 1);
    mark(&mut after, "1.1", Status::Fail, &[]);
    let c = compare(
        Inspection::new(&before, &list),
        Inspection::new(&after, &list),
    );
    let change = find(&c, "1.1");
    assert_eq!(change.prior, Some(Status::Pending));
    assert_eq!(change.prior_score, None);
    assert_eq!(change.class, Class::NewlyChecked);
    assert_eq!(change.delta, Some(0.0));
}

#[test]
fn between_two_partials_the_score_decides() {
    let list = checklist(
        1,
        vec![item("up", 4.0), item("down", 4.0), item("same", 4.0)],
        &[],
    );
    let (mut before, mut after) = (session(1, 1), session(2, 1));
    // Deductions: index 0 is −1, index 1 is −3; none applied scores half (2).
    mark(&mut before, "up", Status::Partial, &[1]); // 4 − 3 = 1
    mark(&mut after, "up", Status::Partial, &[0]); // 4 − 1 = 3
    mark(&mut before, "down", Status::Partial, &[]); // 2
    mark(&mut after, "down", Status::Partial, &[1]); // 1
    mark(&mut before, "same", Status::Partial, &[]); // 2
    mark(&mut after, "same", Status::Partial, &[]); // 2
    let c = compare(
        Inspection::new(&before, &list),
        Inspection::new(&after, &list),
    );
    assert_eq!(
        (find(&c, "up").class, find(&c, "up").delta),
        (Class::Improved, Some(2.0))
    );
    assert_eq!(
        (find(&c, "down").class, find(&c, "down").delta),
        (Class::Regressed, Some(-1.0))
    );
    assert_eq!(find(&c, "same").class, Class::Unchanged);
}

#[test]
fn added_removed_and_renamed_across_versions() {
    let v1 = checklist(
        1,
        vec![item("1.1", 2.0), item("1.2", 3.0), item("1.3", 4.0)],
        &[],
    );
    // v2 renamed 1.3 → 2.3; v3 renames 2.3 → 2.1, drops 1.2 and adds 1.4.
    let v3 = checklist(
        3,
        vec![item("1.1", 2.0), item("2.1", 5.0), item("1.4", 1.0)],
        &[("1.3", "2.3"), ("2.3", "2.1")],
    );
    let (mut before, mut after) = (session(1, 1), session(2, 3));
    mark(&mut before, "1.1", Status::Pass, &[]);
    mark(&mut before, "1.2", Status::Fail, &[]);
    mark(&mut before, "1.3", Status::Fail, &[]);
    mark(&mut after, "1.1", Status::Pass, &[]);
    mark(&mut after, "2.1", Status::Pass, &[]);
    mark(&mut after, "1.4", Status::Pass, &[]);
    let c = compare(Inspection::new(&before, &v1), Inspection::new(&after, &v3));
    let codes: Vec<&str> = c.items.iter().map(|change| change.code.as_str()).collect();
    assert_eq!(codes, ["1.1", "2.1", "1.4", "1.2"], "removed items last");

    let renamed = find(&c, "2.1");
    assert_eq!(renamed.renamed_from.as_deref(), Some("1.3"));
    assert_eq!(
        (renamed.prior, renamed.current),
        (Some(Status::Fail), Some(Status::Pass))
    );
    assert_eq!((renamed.class, renamed.delta), (Class::Improved, Some(5.0)));

    let added = find(&c, "1.4");
    assert_eq!(
        (added.prior, added.class, added.delta),
        (None, Class::Added, Some(1.0))
    );

    let removed = find(&c, "1.2");
    assert_eq!(removed.current, None);
    assert_eq!(removed.title, "条目1.2");
    assert_eq!((removed.class, removed.delta), (Class::Removed, Some(0.0)));

    assert_eq!(c.counts.get(Class::Unchanged), 1);
    assert_eq!(c.counts.get(Class::Added), 1);
    assert_eq!(c.counts.get(Class::Removed), 1);
    assert_eq!(c.counts.get(Class::Improved), 1);
    assert_eq!(c.counts.iter().map(|(_, n)| n).sum::<usize>(), 4);
}

#[test]
fn deltas_add_up_to_the_score_change_and_summaries_are_per_version() {
    let v1 = checklist(1, vec![item("a", 4.0), item("b", 6.0)], &[]);
    let v2 = checklist(2, vec![item("a", 4.0), item("c", 2.0)], &[]);
    let (mut before, mut after) = (session(1, 1), session(2, 2));
    mark(&mut before, "a", Status::Pass, &[]);
    mark(&mut before, "b", Status::Partial, &[0]); // 6 − 1 = 5
    mark(&mut after, "a", Status::Partial, &[]); // 2
    mark(&mut after, "c", Status::Pass, &[]);
    let c = compare(Inspection::new(&before, &v1), Inspection::new(&after, &v2));
    assert_eq!(c.prior.figures.score, 9.0);
    assert_eq!(c.prior.figures.max, 10.0);
    assert_eq!(c.current.figures.score, 4.0);
    assert_eq!(c.current.figures.max, 6.0);
    let total: f64 = c.items.iter().filter_map(|change| change.delta).sum();
    assert_eq!(total, c.score_delta());
    assert_eq!(c.score_delta(), -5.0);
    let percent = c.percent_delta().unwrap();
    assert!((percent - (4.0 / 6.0 * 100.0 - 90.0)).abs() < 1e-9);
    assert_eq!(
        (c.prior_id, c.current_id),
        (Uuid::from_u128(1), Uuid::from_u128(2))
    );
}

#[test]
fn regressions_come_first_and_the_rest_keep_their_order() {
    use Status::*;
    let mut c = same_version(&[(Fail, Pass), (Pass, Fail), (Pass, Pass), (Partial, Fail)]);
    sort_regressions_first(&mut c.items);
    let codes: Vec<&str> = c.items.iter().map(|change| change.code.as_str()).collect();
    assert_eq!(codes, ["i1", "i3", "i0", "i2"]);
    let changed: Vec<&str> = c
        .changed_items()
        .map(|change| change.code.as_str())
        .collect();
    assert_eq!(changed, ["i1", "i3", "i0"]);
}

#[test]
fn class_words_are_the_documented_ones() {
    let words: Vec<&str> = Class::ALL.iter().map(|class| class.as_str()).collect();
    assert_eq!(
        words,
        [
            "improved",
            "regressed",
            "unchanged",
            "changed",
            "newly_checked",
            "added",
            "removed",
            "unchecked"
        ]
    );
}

#[test]
fn items_not_yet_checked_again_are_left_out_of_the_change() {
    use Status::*;
    // Prior: all four checked (4 + 2 + 0 + 4 = 10 of 16). Current: two checked so far.
    let c = same_version(&[
        (Pass, Pass),
        (Partial, Pass),
        (Fail, Pending),
        (Pass, Pending),
    ]);
    let classes: Vec<Class> = c.items.iter().map(|change| change.class).collect();
    use Class::*;
    assert_eq!(classes, [Unchanged, Improved, Unchecked, Unchecked]);
    assert_eq!(c.unchecked(), 2);
    assert_eq!(c.items[2].delta, None);
    // Over the two checked items: 6 of 8 before, 8 of 8 now.
    assert_eq!(c.score_delta(), 2.0);
    assert_eq!(c.percent_delta(), Some(25.0));
    let total: f64 = c.items.iter().filter_map(|change| change.delta).sum();
    assert_eq!(total, c.score_delta());
    // The summaries themselves are the whole sessions.
    assert_eq!(
        (c.prior.figures.score, c.current.figures.score),
        (10.0, 8.0)
    );
}

#[test]
fn a_session_not_started_shows_no_change() {
    use Status::*;
    let c = same_version(&[(Pass, Pending), (Fail, Pending)]);
    assert_eq!(c.unchecked(), 2);
    assert_eq!(c.score_delta(), 0.0);
    assert_eq!(
        c.percent_delta(),
        None,
        "nothing checked: no percentage to compare"
    );
}

#[test]
fn a_department_session_compares_only_the_items_it_walks() {
    let mut unit_item = item("u1", 5.0);
    unit_item.scope = crate::model::checklist::Scope::Unit;
    let list = checklist(1, vec![item("d1", 4.0), unit_item], &[]);
    let (mut before, mut after) = (session(1, 1), session(2, 1));
    mark(&mut before, "d1", Status::Pass, &[]);
    mark(&mut after, "d1", Status::Fail, &[]);
    let comparison = compare(
        Inspection::new(&before, &list),
        Inspection::new(&after, &list),
    );
    let codes: Vec<&str> = comparison.items.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["d1"], "the unit's item is not listed");
    assert_eq!(comparison.counts.get(Class::Unchanged), 0);
}
