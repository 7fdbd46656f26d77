use super::*;
use crate::export::fixture;

#[test]
fn history_is_the_same_department_and_checklist_up_to_the_date() {
    let current = fixture::session(1, "办公室", "11月", "2026-11-20");
    let earlier = fixture::session(2, " 办公室 ", "10月", "2026-10-15");
    let same_day = fixture::session(3, "办公室", "复查", "2026-11-20");
    let later = fixture::session(4, "办公室", "12月", "2026-12-15");
    let other_department = fixture::session(5, "党群室", "10月", "2026-10-15");
    let mut other_checklist = fixture::session(6, "办公室", "10月", "2026-10-15");
    other_checklist.checklist.id = "siyou".into();
    let all: Vec<Peer> = [
        &current,
        &earlier,
        &same_day,
        &later,
        &other_department,
        &other_checklist,
    ]
    .into_iter()
    .map(|session| Peer::new(session, None))
    .collect();
    let peers = Peers::grouped(all);
    let ids: Vec<Uuid> = peers
        .earlier_than(&current)
        .iter()
        .map(|peer| peer.id)
        .collect();
    assert_eq!(ids, [earlier.id, same_day.id]);
}

fn departments(report: &Report) -> Vec<&str> {
    report
        .sessions
        .iter()
        .map(|one| one.session.department.as_str())
        .collect()
}

#[test]
fn a_round_lists_the_unit_session_first_then_departments_in_the_profiles_or_pinyin_order() {
    let mut round = fixture::round();
    round.sessions.reverse();
    let mut unit = fixture::session(9, "全局", "2026年11月自查", "2026-11-18");
    unit.scope = ChecklistScope::Unit;
    round
        .sessions
        .push(SessionReport::new(unit, fixture::checklist(), vec![]));
    let pinyin = DepartmentOrder::default();
    assert!(!round.is_arranged(&pinyin));
    assert_eq!(
        departments(&round.arranged(&pinyin)),
        ["全局", "办公室", "党群室", "后勤服务中心"]
    );
    let profile = DepartmentOrder::new(&["后勤服务中心", "党群室"]);
    assert_eq!(
        departments(&round.arranged(&profile)),
        ["全局", "后勤服务中心", "党群室", "办公室"]
    );
    let mut chosen = fixture::round();
    chosen.scope = Scope::Sessions;
    chosen.sessions.reverse();
    assert!(
        chosen.is_arranged(&pinyin),
        "sessions chosen one by one keep their order"
    );
}
