//! The words of exported documents in English (see `report`).

use super::Lang;
use super::report::ReportTexts;

/// "…: note", or the words alone without a note.
fn with_note(words: String, note: &str) -> String {
    if note.is_empty() {
        words
    } else {
        format!("{words}: {note}")
    }
}

pub const EN: ReportTexts = ReportTexts {
    lang: Lang::En,
    lang_tag: "en",
    title: |unit, department, round| {
        let subject: Vec<&str> = [unit, department].into_iter().flatten().collect();
        let mut title = String::from("Self-inspection report");
        if !subject.is_empty() {
            title.push_str(&format!(": {}", subject.join(", ")));
        }
        if let Some(round) = round {
            title.push_str(&format!(" — {round}"));
        }
        title
    },
    unit: "Unit",
    department: "Department",
    round: "Round",
    date: "Date",
    dates: |first, last| format!("{first} to {last}"),
    long_date: |year, month, day| format!("{year}-{month:02}-{day:02}"),
    inspector: "Inspector",
    checklist: "Checklist",
    checklist_version: |title, version| format!("{title} (v{version})"),
    quoted_checklist: |title, version| format!("“{title}” (v{version})"),
    sessions: "Sessions",
    sessions_count: |n| format!("{n}"),
    blank: "__________",

    opening: |date, inspector, checklist, department, round| {
        format!(
            "On {date}, {inspector} inspected {department} ({round}) against {checklist}. The findings follow."
        )
    },
    opening_round: |dates, departments, round| {
        let round = round.map(|r| format!(" ({r})")).unwrap_or_default();
        format!(
            "{dates}: {} departments inspected{round}: {}. The findings follow.",
            departments.len(),
            departments.join(", ")
        )
    },
    heading_overall: "1. Overview",
    heading_problems: "2. Problems and rectification",
    heading_next: "3. Next steps",
    heading_duties: "3. Responsibilities",
    heading_next_after_duties: "4. Next steps",
    heading_outside: "Problems reported from outside",
    heading_items: "Appendix: all items",
    heading_photos: "Photos and documents",
    photo_caption: super::report::caption_line,
    attached_files: "Other attachments",
    column_attachments: "Attachments",
    department_heading: |department, checklist| format!("{department} ({checklist})"),
    count_suffix: |n| format!(" ({n})"),
    numbered: |n, text| format!("2.{n} {text}"),
    overall: |o| {
        let pending = if o.checked < o.total {
            format!(", {} pending", o.total - o.checked)
        } else {
            String::new()
        };
        format!(
            "{} items, {} checked{pending}. Score {} of {}, {}, deducted {}. Verdict: {}. Problems: {}, open rectifications: {}.",
            o.total,
            o.checked,
            o.score,
            o.max,
            o.percent,
            o.deducted,
            o.verdict,
            o.problems,
            o.open_rectifications
        )
    },
    no_problems: "No problems found.",
    no_problems_so_far: |checked, total| {
        format!("{checked} of {total} items checked, no problems among them; the rest are pending.")
    },
    none: "None.",
    next_steps_placeholder: "(Describe the next rectification steps here.)",

    seq: "No.",
    code: "Code",
    item: "Item",
    section: "Section",
    kind: "Kind",
    status: "Result",
    points: "Points",
    score: "Score",
    max: "Max",
    percent: "Percent",
    deducted: "Deducted",
    deductions: "Deductions",
    checked: "Checked",
    checked_of: |checked, total| format!("{checked}/{total}"),
    items_count: "Items",
    verdict: "Verdict",
    base: "Base",
    bonus_points: "Bonus",
    penalties: "Penalties",
    problems: "Problems",
    open_rectifications: "Open fixes",
    problem_description: "Problem",
    note: "Note",
    owner_department: "Owner dept",
    owner: "Owner",
    responsible: "Responsible",
    measure: "Measure",
    due: "Due",
    rectification: "Rectification",
    rectification_state: "State",
    done_date: "Done on",
    done_note: "Done note",
    recheck_result: "Re-check",
    recheck_by: "Re-checked by",
    recheck_date: "Re-checked on",
    recheck_note: "Re-check note",
    outside_problem: "Problem",
    source: "Source",
    problem_date: "Date",
    lead_department: "Lead department",
    led_items: "Items led",
    lost: "Lost",
    loss_details: "Losses",
    session_department: "Inspected",
    item_lost: "Lost on item",
    no_duties: "The checklist items name no owners: nothing to break down.",
    loss_line: |code, title, lost, department| format!("{code} {title} −{lost} ({department})"),
    evidence: "Evidence",

    veto: "veto",
    disqualified: "disqualified from awards",
    bonus: "bonus",
    penalty: "penalty list",
    yes: "yes",
    no: "no",
    closed: "closed",
    to_recheck: "to re-check",
    recheck_failed_state: "re-check failed",
    recheck_passed: "passed",
    recheck_failed: "failed",
    closed_on: |date, note| with_note(format!("re-checked and closed ({date})"), note),
    done_on: |date, note| with_note(format!("done ({date}), to re-check"), note),
    failed_on: |date, note| with_note(format!("re-check failed ({date})"), note),
    recheck_line: |result, date, by, note| {
        let by = if by.is_empty() {
            String::new()
        } else {
            format!(" {by}")
        };
        with_note(format!("re-check {result} {date}{by}"), note)
    },
    open: "open",
    overdue_open: "overdue",
    no_owner: "no owner",
    no_such_case: "none",
    exists: "present",
    bonus_given: "awarded",
    bonus_not_given: "not awarded",
    level: |label, status| format!("{label} ({status})"),
    rate: |fraction, percent| match fraction {
        Some(fraction) => format!("rate {percent}% ({fraction})"),
        None => format!("rate {percent}%"),
    },
    deduction_once: |reason, points| format!("{reason} (−{points})"),
    deduction_counted: |reason, points, count, unit, total| {
        let space = if unit.is_empty() { "" } else { " " };
        format!("{reason} ({points} × {count}{space}{unit}, −{total})")
    },
    list_separator: "; ",
    enumeration: ", ",
    labelled: |label, value| format!("{label}: {value}"),
    aside: |text, remark| format!("{text} ({remark})"),
    total_parts: |base, bonus, penalties| {
        let mut text = format!("base {base}");
        if let Some(bonus) = bonus {
            text.push_str(&format!(" + bonus {bonus}"));
        }
        if let Some(penalties) = penalties {
            text.push_str(&format!(" − penalties {penalties}"));
        }
        text
    },

    chart_sections: "Sections",
    chart_departments: "Departments",
    chart_trend: "Score trend (%)",
    legend_good: "score (90% or more)",
    legend_fair: "score (60%–90%)",
    legend_poor: "score (below 60%)",
    legend_lost: "deducted",
    legend_pending: "pending",
    pending_items: |n| format!("{n} pending"),

    sheet_summary: "Summary",
    sheet_items: "Items",
    sheet_rectifications: "Rectifications",
    sheet_duties: "Responsibilities",
    as_of: |today| {
        format!(
            "Exported {today}. Open rectifications past their due date turn red by the day the file is opened."
        )
    },
    truncated: "… (too long, cut)",
};
