//! The rectification loop in the 自查报告: where a rectification stands, problems
//! from outside and 责任分解 (docs/design.md §10, §11).

use docx_rs::Table;

use super::rows;
use super::table;
use crate::model::scoring::format_points;

pub(super) fn rectification_progress(rect: &rows::RectificationRow) -> String {
    use crate::model::session::FollowUpState;
    let note = rect
        .done
        .as_ref()
        .map(|d| d.note.as_str())
        .unwrap_or_default();
    match (rect.state, &rect.recheck, &rect.done) {
        (FollowUpState::Closed, Some(recheck), _) => {
            format!("{}({}复查){note}", rect.state_zh(), recheck.date)
        }
        (FollowUpState::Done, _, Some(done)) => {
            format!("{}({}落实){note}", rect.state_zh(), done.date)
        }
        (FollowUpState::Failed, Some(recheck), _) => {
            format!("{}({}){}", rect.state_zh(), recheck.date, recheck.note)
        }
        _ => rect.state_zh().to_string(),
    }
}

/// Problems from outside (上级通报, 测评反馈) of the round's departments.
pub(super) fn outside_table(problems: &[rows::ProblemRow]) -> Table {
    let cells = problems
        .iter()
        .enumerate()
        .map(|(i, problem)| {
            let rect = &problem.rectification;
            vec![
                (i + 1).to_string(),
                problem.department.clone(),
                problem.title.clone(),
                problem.source.clone(),
                rect.responsible_text(),
                rect.due_text(),
                rectification_progress(rect),
            ]
        })
        .collect();
    table(
        &[
            ("序号", 6),
            ("部门", 10),
            ("问题", 24),
            ("来源", 14),
            ("整改责任人", 12),
            ("整改期限", 12),
            ("整改情况", 12),
        ],
        cells,
    )
}

/// 责任分解: per lead department, what it lost on the items it leads.
pub(super) fn duties_table(duties: &[rows::DutyRow]) -> Table {
    let cells = duties
        .iter()
        .map(|duty| {
            let details = duty.details_text();
            vec![
                duty.department.clone(),
                duty.items.to_string(),
                format_points(duty.lost),
                duty.open_rectifications.to_string(),
                duty.verdict_zh().to_string(),
                details,
            ]
        })
        .collect();
    table(
        &[
            ("牵头科室", 14),
            ("牵头条目", 8),
            ("失分", 7),
            ("待整改", 8),
            ("判定", 13),
            ("失分明细", 36),
        ],
        cells,
    )
}
