//! The words of exported documents in English (see `report`).

use super::Lang;
use super::report::ReportTexts;

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
    owner: "Owner",
    due: "Due",
    rectification: "Rectification",
    rectification_state: "State",
    done_date: "Done on",
    done_note: "Done note",
    evidence: "Evidence",

    veto: "veto",
    disqualified: "disqualified from awards",
    bonus: "bonus",
    penalty: "penalty list",
    yes: "yes",
    no: "no",
    done: "done",
    done_on: |date, note| {
        if note.is_empty() {
            format!("done ({date})")
        } else {
            format!("done ({date}): {note}")
        }
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
    as_of: |today| {
        format!(
            "Exported {today}. Open rectifications past their due date turn red by the day the file is opened."
        )
    },
    truncated: "… (too long, cut)",
};
