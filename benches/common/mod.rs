//! Shared set-up for the benchmarks: demo data folders, a 500-item checklist and
//! sessions filled in over it.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use zicha::model::checklist::Checklist;
use zicha::model::demo::{DemoPlan, Rng};
use zicha::model::session::{ChecklistRef, Rectification, Response, Session, Status};
use zicha::store::Store;
use zicha::store::checklist_file::parse_checklist;
use zicha::store::demo::write_demo;
use zicha::store::index::SETTLE;

pub const UNTIL: (i32, u32, u32) = (2026, 11, 21);

pub fn until() -> NaiveDate {
    NaiveDate::from_ymd_opt(UNTIL.0, UNTIL.1, UNTIL.2).expect("date")
}

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-21T14:00:00+08:00").expect("time")
}

/// A data folder in `dir` with `departments × rounds` demo sessions, settled so
/// that the index trusts them (see `store::index`).
pub fn demo_store(dir: &Path, departments: usize, rounds: usize) -> Store {
    let store = Store::open(dir).expect("open the data folder");
    let plan = DemoPlan {
        departments,
        rounds,
        seed: 1,
        until: until(),
    };
    write_demo(&store, &plan).expect("write the demo sessions");
    std::thread::sleep(SETTLE + std::time::Duration::from_millis(200));
    store
}

/// A checklist of `sections × per_section` items, with standards, methods,
/// evidence, owners and deductions like the built-in ones.
pub fn big_checklist_text(sections: usize, per_section: usize) -> String {
    let mut text = String::from(
        "(id: \"bench-500\", version: 1, title: \"五百条测评表\",\n rules: (disqualify_over: 2.0, grades: [(90.0, \"优秀\"), (75.0, \"良好\"), (60.0, \"合格\"), (0.0, \"不合格\")]),\n sections: [\n",
    );
    for s in 1..=sections {
        text.push_str(&format!(
            "  (code: \"{s}\", title: \"第{s}部分 创建工作\", items: [\n"
        ));
        for i in 1..=per_section {
            text.push_str(&format!(
                "    (code: \"{s}.{i}\", title: \"条目{s}.{i} 制度健全、记录完整\", points: 2.0,\n     standard: \"有年度计划,每月集中学习不少于一次,学习记录、心得完整,资料归档及时\",\n     methods: [\"查阅资料\", \"访谈\"], evidence: [\"计划\", \"记录\"], owners: [\"办公室\"],\n     deductions: [(\"无计划\", 1.0), (\"记录不全\", 0.5)], veto: {}),\n",
                i == per_section && s == sections
            ));
        }
        text.push_str("  ]),\n");
    }
    text.push_str(" ])\n");
    text
}

pub fn big_checklist() -> Arc<Checklist> {
    Arc::new(
        parse_checklist(big_checklist_text(25, 20).as_bytes(), "bench.ron").expect("checklist"),
    )
}

/// A session over `checklist` with every item answered; `seed` varies the answers.
pub fn filled_session(checklist: &Checklist, seed: u64, date: NaiveDate) -> Session {
    let mut rng = Rng::new(seed);
    let mut session = Session::new(
        Uuid::from_u128(u128::from(seed) + 1),
        ChecklistRef {
            id: checklist.id.clone(),
            version: checklist.version,
            hash: "0123456789abcdef".into(),
        },
        format!("{date} 自查"),
        date,
        "办公室".into(),
        "王敏".into(),
        now(),
    );
    for item in checklist.items() {
        let status = match rng.below(10) {
            0 => Status::Fail,
            1 | 2 => Status::Partial,
            3 => Status::Na,
            _ => Status::Pass,
        };
        let mut response = Response {
            status,
            ..Response::default()
        };
        if status.is_problem() {
            response.note = "现场查看,部分资料缺少签字;需补充会后整改措施。".into();
            response.deductions = vec![rng.below(2)];
            response.rectification = Some(Rectification {
                owner_department: "办公室".into(),
                owner: "李明".into(),
                due: Some(date + chrono::Duration::days(15)),
                ..Rectification::default()
            });
        }
        session.set_response(&item.code, response, "王敏", now());
    }
    session
}
