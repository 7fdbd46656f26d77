//! Sample history (`zicha demo`): departments inspected twice a month going back in
//! time, with statuses that drift, deductions, notes, rectifications opened and later
//! closed, and a few vetoes; and the unit's own sessions (全局) judging the unit items. Deterministic for a seed, and generated one department at
//! a time so a caller can spread departments over threads.
//!
//! Model of a department's series: the department has a quality that drifts a little
//! each round; an item that passed may slip to a problem (more often when quality is
//! low); a problem gets a rectification in the round it is found, and is fixed in a
//! later round with some chance, which closes that rectification on the fixing date.
//! The newest round is still in progress (partly checked, not finished).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use uuid::Uuid;

use super::checklist::{Checklist, Scope};
use super::demo_marks::{ItemState, next_response};
pub use super::demo_words::ITEM_NOTES;
use super::demo_words::{CLOSING_NOTES, DEPARTMENTS, EVIDENCE, INSPECTORS};
use super::session::{ChecklistRef, Rectification, RectificationDone, Session};

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoPlan {
    pub departments: usize,
    pub rounds: usize,
    pub seed: u64,
    /// The newest round is the half month holding this day.
    pub until: NaiveDate,
}

/// A checklist the sessions are made with, and the reference stored in them.
#[derive(Debug, Clone, Copy)]
pub struct DemoChecklist<'a> {
    pub reference: &'a ChecklistRef,
    pub checklist: &'a Checklist,
}

/// A small, fast, deterministic generator (SplitMix64); not for anything secret.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// `n` department names: real-sounding ones first, then 第N执法大队.
pub fn department_names(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match DEPARTMENTS.get(i) {
            Some(name) => (*name).to_string(),
            None => format!("第{}执法大队", chinese_number(i + 1 - DEPARTMENTS.len())),
        })
        .collect()
}

/// 1 → 一, 10 → 十, 12 → 十二, 35 → 三十五, 101 → 101 (plain digits past 99).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// A round: its label and the day its inspections start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoRound {
    pub label: String,
    pub start: NaiveDate,
}

/// `n` rounds, two a month, oldest first, the newest in the half month of `until`.
pub fn rounds(n: usize, until: NaiveDate) -> Vec<DemoRound> {
    let mut year = until.year();
    let mut month = until.month();
    let mut first_half = until.day() <= 15;
    let mut found = Vec::with_capacity(n);
    for _ in 0..n {
        let (half, day) = if first_half {
            ("上半月", 8)
        } else {
            ("下半月", 22)
        };
        let start = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(until);
        found.push(DemoRound {
            label: format!("{year}年{month}月{half}自查"),
            start,
        });
        if first_half {
            first_half = false;
            if month == 1 {
                month = 12;
                year -= 1;
            } else {
                month -= 1;
            }
        } else {
            first_half = true;
        }
    }
    found.reverse();
    found
}

/// The checklist department `index` is inspected with: mostly the unit table,
/// the department table for some, and the special tables in turn for others.
pub fn checklist_for_department<'a>(
    index: usize,
    checklists: &[DemoChecklist<'a>],
) -> Option<DemoChecklist<'a>> {
    let by_id = |id: &str| checklists.iter().find(|c| c.checklist.id == id).copied();
    let special = [
        "daode-jiangtang",
        "siyou",
        "chuangjian-dangan",
        "quanguo-ceping",
    ];
    let wanted = match index % 5 {
        3 => "wenming-keshi",
        4 => special[(index / 5) % special.len()],
        _ => "wenming-danwei",
    };
    by_id(wanted).or_else(|| checklists.get(index % checklists.len().max(1)).copied())
}

fn china_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"))
}

fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    let time = NaiveTime::from_hms_opt(hour, minute % 60, 0).unwrap_or_default();
    china_time()
        .from_local_datetime(&date.and_time(time))
        .single()
        .unwrap_or_else(|| {
            DateTime::<FixedOffset>::from_naive_utc_and_offset(date.and_time(time), china_time())
        })
}

/// A uuid v7 carrying `created` as its timestamp, with random bits from `rng`.
fn demo_id(created: DateTime<FixedOffset>, rng: &mut Rng) -> Uuid {
    let millis = u64::try_from(created.timestamp_millis()).unwrap_or(0) + rng.below(60_000) as u64;
    let mut random = [0u8; 10];
    for chunk in random.chunks_mut(8) {
        let bytes = rng.next_u64().to_le_bytes();
        chunk.copy_from_slice(&bytes[..chunk.len()]);
    }
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

/// The department of the unit's own sessions (全单位检查).
pub const UNIT_DEPARTMENT: &str = "全局";

/// The checklist the unit's own sessions use: the unit table, if there is one.
pub fn unit_checklist<'a>(checklists: &[DemoChecklist<'a>]) -> Option<DemoChecklist<'a>> {
    checklists
        .iter()
        .find(|c| c.checklist.id == "wenming-danwei")
        .copied()
}

/// Generates one department's sessions, oldest first. They leave out the items
/// judged for the whole unit.
pub fn department_series(
    plan: &DemoPlan,
    department_index: usize,
    department: &str,
    with: DemoChecklist<'_>,
    rounds: &[DemoRound],
) -> Vec<Session> {
    series(
        plan,
        department_index,
        department,
        Scope::Department,
        with,
        rounds,
    )
}

/// The unit's own sessions (全局), one a round, oldest first: every item, the unit
/// items, vetoes and 负面清单 among them. Its generator follows the departments'.
pub fn unit_series(plan: &DemoPlan, with: DemoChecklist<'_>, rounds: &[DemoRound]) -> Vec<Session> {
    series(
        plan,
        plan.departments,
        UNIT_DEPARTMENT,
        Scope::Unit,
        with,
        rounds,
    )
}

fn series(
    plan: &DemoPlan,
    department_index: usize,
    department: &str,
    scope: Scope,
    with: DemoChecklist<'_>,
    rounds: &[DemoRound],
) -> Vec<Session> {
    let mut rng = Rng::new(
        plan.seed
            .wrapping_mul(0x2545_F491_4F6C_DD1D)
            .wrapping_add(department_index as u64 + 1),
    );
    let items = with.checklist.items_in(scope);
    let mut states: Vec<ItemState> = items
        .iter()
        .map(|item| ItemState {
            not_applicable: item.is_base() && !item.veto && rng.chance(0.03),
            ..ItemState::default()
        })
        .collect();
    let mut quality = 0.88 + rng.unit() * 0.11;
    let mut series: Vec<Session> = Vec::with_capacity(rounds.len());
    for (round_index, round) in rounds.iter().enumerate() {
        let newest = round_index + 1 == rounds.len();
        let date = (round.start + Duration::days((department_index % 5) as i64)).min(plan.until);
        let created = at(date, 9, (department_index * 7) as u32);
        let inspector = INSPECTORS[(department_index / 6 + round_index) % INSPECTORS.len()];
        let mut session = Session::new(
            demo_id(created, &mut rng),
            with.reference.clone(),
            round.label.clone(),
            date,
            department.to_string(),
            inspector.to_string(),
            created,
        );
        session.scope = scope;
        quality = (quality + (rng.unit() - 0.5) * 0.04).clamp(0.8, 0.995);
        // The newest round is in progress: part of it checked, in reading order.
        let checked = if newest {
            items.len() * (3 + rng.below(8)) / 10
        } else {
            items.len()
        };
        let when = created + Duration::minutes(30);
        let this = series.len();
        for (position, (item, state)) in items.iter().zip(states.iter_mut()).enumerate() {
            if position >= checked {
                continue;
            }
            let response = next_response(
                &mut rng,
                &with.checklist.rules,
                &with.checklist.id,
                item,
                state,
                quality,
            );
            if let Some(opened) = state.open_in
                && !response.status.is_problem()
            {
                close_rectification(&mut series, opened, &item.code, date, inspector, &mut rng);
                state.open_in = None;
            }
            let mut response = response;
            // A bonus not earned is not a problem to rectify.
            let problem = response.status.is_problem() && !item.bonus;
            if problem && rng.chance(0.4) {
                response.evidence =
                    vec![rng.pick(&EVIDENCE).copied().unwrap_or_default().to_string()];
            }
            if problem && state.open_in.is_none() {
                response.rectification = Some(Rectification {
                    owner: item
                        .owners
                        .first()
                        .cloned()
                        .unwrap_or_else(|| department.to_string()),
                    due: Some(date + Duration::days(10 + rng.below(21) as i64)),
                    done: None,
                });
                state.open_in = Some(this);
            }
            state.status = response.status;
            session.set_response(&item.code, response, inspector, when);
        }
        session.seq = 1 + (checked as u64) / 4;
        if !newest {
            session.updated = at(date, 16, rng.below(60) as u32);
            session.finished = Some(at(date, 17, rng.below(60) as u32));
        }
        series.push(session);
    }
    series
}

fn close_rectification(
    series: &mut [Session],
    opened: usize,
    code: &str,
    date: NaiveDate,
    inspector: &str,
    rng: &mut Rng,
) {
    let Some(session) = series.get_mut(opened) else {
        return;
    };
    if let Some(rectification) = session
        .responses
        .get_mut(code)
        .and_then(|response| response.rectification.as_mut())
    {
        rectification.done = Some(RectificationDone {
            at: at(date, 10, rng.below(60) as u32),
            by: inspector.to_string(),
            note: rng
                .pick(&CLOSING_NOTES)
                .copied()
                .unwrap_or_default()
                .to_string(),
        });
        session.seq += 1;
    }
}

#[cfg(test)]
#[path = "demo_tests.rs"]
mod tests;
