//! The words of exported documents in Chinese (see `report`).

use super::Lang;
use super::report::ReportTexts;

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 105: the numbers headings count with.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n % 10] }),
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

/// A round label as what was carried out: "2026年11月自查", "11月" gives "11月自查".
fn zh_round_activity(round: &str) -> String {
    let stem = round.trim().trim_end_matches("报告");
    if stem.ends_with("自查") || stem.ends_with("检查") {
        stem.to_string()
    } else {
        format!("{stem}自查")
    }
}

/// A round label as the title's last words: "2026年11月自查" gives "2026年11月自查报告",
/// never "…自查自查报告"; "11月" gives "11月自查报告".
fn zh_round_title(round: &str) -> String {
    format!("{}报告", zh_round_activity(round))
}

/// "…：note", or the words alone without a note.
fn with_note(words: String, note: &str) -> String {
    if note.is_empty() {
        words
    } else {
        format!("{words}：{note}")
    }
}

pub const ZH: ReportTexts = ReportTexts {
    lang: Lang::Zh,
    lang_tag: "zh-CN",
    title: |unit, department, round| {
        let mut title = String::new();
        title.push_str(unit.unwrap_or_default());
        title.push_str(department.unwrap_or_default());
        title.push_str(&round.map_or_else(|| "自查报告".to_string(), zh_round_title));
        title
    },
    unit: "单位",
    department: "部门",
    round: "轮次",
    date: "检查日期",
    dates: |first, last| format!("{first}至{last}"),
    long_date: |year, month, day| format!("{year}年{month}月{day}日"),
    inspector: "检查人",
    checklist: "检查表",
    checklist_version: |title, version| format!("{title}（第{version}版）"),
    quoted_checklist: |title, version| format!("《{title}》（第{version}版）"),
    sessions: "检查记录",
    sessions_count: |n| format!("{n}份"),
    blank: "__________",

    opening: |date, inspector, checklist, department, round| {
        format!(
            "{date}，{inspector}依据{checklist}，对{department}开展了{}。现将有关情况报告如下。",
            zh_round_activity(round)
        )
    },
    opening_round: |dates, departments, round| {
        let round = round.map_or_else(|| "自查".to_string(), zh_round_activity);
        format!(
            "{dates}，依据相关测评标准，对{}共{}个部门开展了{round}。现将有关情况报告如下。",
            departments.join("、"),
            departments.len()
        )
    },
    heading_overall: "一、总体情况",
    heading_problems: "二、存在问题及整改情况",
    heading_next: "三、下一步工作",
    heading_duties: "三、责任分解",
    heading_next_after_duties: "四、下一步工作",
    heading_outside: "上级通报及测评反馈问题",
    heading_items: "附：检查条目明细",
    heading_photos: "图片资料",
    photo_caption: super::report::caption_line,
    attached_files: "其他附件",
    column_attachments: "附件",
    department_heading: |department, checklist| format!("{department}（{checklist}）"),
    count_suffix: |n| format!("（{n}项）"),
    numbered: |n, text| format!("（{}）{text}", chinese_number(n)),
    overall: |o| {
        let pending = if o.checked < o.total {
            format!("，未查{}项", o.total - o.checked)
        } else {
            String::new()
        };
        format!(
            "本次自查共{}项，已查{}项{pending}。得分{}，满分{}，得分率{}，扣分{}。判定：{}。发现问题{}项，待整改{}项。",
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
    no_problems: "本次自查未发现问题。",
    no_problems_so_far: |checked, total| {
        format!("已查{checked}项（共{total}项），已查条目未发现问题；其余条目检查中。")
    },
    none: "无。",
    next_steps_placeholder: "（请在此填写下一步整改措施和工作打算。）",

    seq: "序号",
    code: "编号",
    item: "检查项目",
    section: "部分",
    kind: "类别",
    status: "评定",
    points: "分值",
    score: "得分",
    max: "满分",
    percent: "得分率",
    deducted: "扣分",
    deductions: "扣分项",
    checked: "已查",
    checked_of: |checked, total| format!("{checked}/{total}"),
    items_count: "条目数",
    verdict: "判定",
    base: "基础分",
    bonus_points: "加分",
    penalties: "负面清单",
    problems: "问题",
    open_rectifications: "待整改",
    problem_description: "问题描述",
    note: "备注",
    owner_department: "责任科室",
    owner: "责任人",
    responsible: "整改责任人",
    measure: "整改措施",
    due: "整改时限",
    rectification: "整改情况",
    rectification_state: "整改状态",
    done_date: "落实日期",
    done_note: "落实情况",
    recheck_result: "复查结果",
    recheck_by: "复查人",
    recheck_date: "复查日期",
    recheck_note: "复查意见",
    outside_problem: "问题",
    source: "来源",
    problem_date: "日期",
    lead_department: "牵头科室",
    led_items: "牵头条目",
    lost: "失分",
    loss_details: "失分明细",
    session_department: "检查部门",
    item_lost: "该项失分",
    no_duties: "检查表条目未填写责任部门，无法分解。",
    loss_line: |code, title, lost, department| format!("{code} {title} -{lost}（{department}）"),
    evidence: "资料",

    veto: "一票否决",
    disqualified: "取消评优资格",
    bonus: "加分项",
    penalty: "负面清单",
    yes: "是",
    no: "否",
    closed: "已销号",
    to_recheck: "待复查",
    recheck_failed_state: "复查未通过",
    recheck_passed: "通过",
    recheck_failed: "未通过",
    closed_on: |date, note| with_note(format!("{date}复查通过，已销号"), note),
    done_on: |date, note| with_note(format!("{date}已落实，待复查"), note),
    failed_on: |date, note| with_note(format!("{date}复查未通过"), note),
    recheck_line: |result, date, by, note| {
        let by = if by.is_empty() {
            String::new()
        } else {
            format!(" {by}")
        };
        with_note(format!("复查{result} {date}{by}"), note)
    },
    open: "未完成",
    overdue_open: "逾期未完成",
    no_owner: "未指定",
    no_such_case: "无此情形",
    exists: "存在",
    bonus_given: "已加分",
    bonus_not_given: "不加分",
    level: |label, status| format!("{label}（{status}）"),
    rate: |fraction, percent| match fraction {
        Some(fraction) => format!("测评率{percent}%（{fraction}）"),
        None => format!("测评率{percent}%"),
    },
    deduction_once: |reason, points| format!("{reason}（扣{points}分）"),
    deduction_counted: |reason, points, count, unit, total| {
        format!("{reason}（{points}分×{count}{unit}，扣{total}分）")
    },
    list_separator: "；",
    enumeration: "、",
    labelled: |label, value| format!("{label}：{value}"),
    aside: |text, remark| format!("{text}（{remark}）"),
    total_parts: |base, bonus, penalties| {
        let mut text = format!("基础分 {base}");
        if let Some(bonus) = bonus {
            text.push_str(&format!(" + 加分 {bonus}"));
        }
        if let Some(penalties) = penalties {
            text.push_str(&format!(" − 负面清单 {penalties}"));
        }
        text
    },

    chart_sections: "各部分得分情况",
    chart_departments: "各部门得分情况",
    chart_trend: "历次得分率（%）",
    legend_good: "得分（得分率90%及以上）",
    legend_fair: "得分（60%～90%）",
    legend_poor: "得分（60%以下）",
    legend_lost: "扣分",
    legend_pending: "未查",
    pending_items: |n| format!("未查{n}项"),

    sheet_summary: "汇总",
    sheet_items: "明细",
    sheet_rectifications: "整改清单",
    sheet_duties: "责任分解",
    as_of: |today| format!("导出日期：{today}。整改时限已过且未落实的行，打开时按当天日期标红。"),
    truncated: "…（内容过长，已截断）",
};
