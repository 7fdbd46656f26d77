//! Words of the unit profile, the 创建活动台账 and `deadlines` (docs/design.md §14):
//! the command line's listings, the screens, and every error of these parts.

use chrono::NaiveDate;

use super::Lang;
use crate::model::activity::ActivityError;
use crate::model::unit::UnitProblem;
use crate::store::activities::ActivityStoreError;
use crate::store::unit_file::UnitError;

pub struct DeadlineTexts {
    pub colon: &'static str,
    pub separator: &'static str,
    pub title: &'static str,
    pub activity: &'static str,
    pub kind: &'static str,
    pub participants: &'static str,
    pub due: &'static str,
    pub electronic: &'static str,
    pub paper: &'static str,
    /// The 台账 column 报送(电子/纸质).
    pub handed_in: &'static str,
    pub late: &'static str,
    /// 电子/纸质 as a column header, wide and narrow.
    pub handed_long: &'static str,
    pub handed_short: &'static str,
    pub late_short: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_handed: &'static str,
    pub evidence: &'static str,
    /// The 台账 column listing labels and attached files.
    pub material_column: &'static str,
    /// A file and its caption: "合影.jpg（集体合影）".
    pub captioned: fn(&str, &str) -> String,
    /// How many files are attached: "附件 3 个".
    pub attachment_count: fn(usize) -> String,
    /// The activity screen's detail when nothing is recorded; the key that adds.
    pub no_material: fn(&str) -> String,
    /// The question, with its question mark.
    pub confirm_detach: fn(&str) -> String,
    pub detached: fn(&str) -> String,
    /// Files the activity screen's detail has no room for.
    /// How many, and the key that shows them all.
    pub more_files: fn(usize, &str) -> String,
    pub no_activities: &'static str,
    pub activities_screen: &'static str,
    pub deadlines_screen: &'static str,
    pub monthly_report: fn(NaiveDate) -> String,
    pub period: fn(NaiveDate, NaiveDate) -> String,
    pub not_inspected: &'static str,
    pub all_inspected: &'static str,
    pub no_profile: &'static str,
    pub activities_due: &'static str,
    pub activities_late: &'static str,
    pub rectifications_due: &'static str,
    pub overdue: &'static str,
    pub none: &'static str,
    /// activities late, rectifications overdue
    pub late_line: fn(usize, usize) -> String,
    pub nothing_late: &'static str,
    /// The key that creates it.
    pub offer_profile: fn(&str) -> String,
    pub profile_created: fn(usize) -> String,
    pub activity_saved: &'static str,
    pub handed_today: fn(&str) -> String,
    pub form_title: &'static str,
    pub form_edit_title: &'static str,
    pub form_department: &'static str,
    pub bad_date: fn(&str) -> String,
    pub bad_number: fn(&str) -> String,
    pub unreadable_activities: &'static str,
    /// How many activity files cannot be read (the UI's one line).
    pub unreadable_count: fn(usize) -> String,
    pub exported: fn(&str) -> String,
}

impl Lang {
    pub fn deadlines(self) -> &'static DeadlineTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: DeadlineTexts = DeadlineTexts {
    colon: "：",
    separator: "、",
    title: "活动",
    activity: "活动",
    kind: "类别",
    participants: "人数",
    due: "报送期限",
    electronic: "电子版",
    paper: "纸质版",
    handed_in: "报送（电子/纸质）",
    late: "是否逾期",
    handed_long: "电子版/纸质版",
    handed_short: "电/纸",
    late_short: "逾期",
    yes: "是",
    no: "否",
    not_handed: "未交",
    evidence: "材料",
    material_column: "材料/附件",
    captioned: |file, caption| format!("{file}（{caption}）"),
    attachment_count: |count| format!("附件 {count} 个"),
    no_material: |key| format!("还没有材料：按 {key} 附上照片、文档，或写一条材料。"),
    confirm_detach: |file| format!("从这条活动移除附件 {file}？（文件仍保存在 attachments/ 中）"),
    detached: |file| format!("已移除附件 {file}（文件仍保存在 attachments/ 中）。"),
    more_files: |count, key| format!("另有 {count} 个附件（按 {key} 查看）"),
    no_activities: "还没有活动记录。用 zicha activity add 添加。",
    activities_screen: "创建活动台账",
    deadlines_screen: "报送期限",
    monthly_report: |due| format!("本月材料报送：{due} 前"),
    period: |from, to| format!("本期检查：{from} 至 {to}"),
    not_inspected: "本期未检查的科室",
    all_inspected: "本期各科室均已检查。",
    no_profile: "还没有单位概况（unit.ron），无法统计未检查的科室。",
    activities_due: "待报送的活动材料",
    activities_late: "逾期的活动材料",
    rectifications_due: "7 天内到期或已逾期的整改",
    overdue: "已逾期",
    none: "无",
    late_line: |activities, rectifications| {
        format!("逾期：活动材料 {activities} 项，整改 {rectifications} 项")
    },
    nothing_late: "没有逾期事项。",
    offer_profile: |key| format!("还没有单位概况：按 {key} 用现有科室创建 unit.ron。"),
    profile_created: |count| {
        format!("已创建单位概况 unit.ron（{count} 个科室），可编辑补充单位名称。")
    },
    activity_saved: "活动已保存。",
    handed_today: |copy| format!("已记录{copy}今日报送。"),
    form_title: "新建活动",
    form_edit_title: "修改活动",
    form_department: "科室",
    bad_date: |text| format!("{text:?} 不是有效日期，应为 YYYY-MM-DD"),
    bad_number: |text| format!("{text:?} 不是人数"),
    unreadable_activities: "无法读取的活动记录（文件保持原样，请修复）：",
    unreadable_count: |n| {
        format!("有 {n} 个活动记录无法读取（文件保持原样，zicha activity list 列出）")
    },
    exported: |path| format!("已导出活动台账：{path}"),
};

pub static EN: DeadlineTexts = DeadlineTexts {
    colon: ": ",
    separator: ", ",
    title: "Activities",
    activity: "Activity",
    kind: "Kind",
    participants: "People",
    due: "Due",
    electronic: "Electronic",
    paper: "Paper",
    handed_in: "Handed in (electronic/paper)",
    late: "Late",
    handed_long: "Electr./paper",
    handed_short: "E/P",
    late_short: "Late",
    yes: "yes",
    no: "no",
    not_handed: "missing",
    evidence: "Material",
    material_column: "Material/attachments",
    captioned: |file, caption| format!("{file} ({caption})"),
    attachment_count: |count| format!("{count} attached"),
    no_material: |key| {
        format!("No material yet: press {key} to attach photos or documents, or to add a label.")
    },
    confirm_detach: |file| {
        format!("Remove {file} from this activity? (The file stays in attachments/.)")
    },
    detached: |file| format!("Removed {file} (the file stays in attachments/)."),
    more_files: |count, key| format!("{count} more attached (press {key} to see them)"),
    no_activities: "No activities yet. Add one with `zicha activity add`.",
    activities_screen: "Activity ledger",
    deadlines_screen: "Deadlines",
    monthly_report: |due| format!("Monthly report due: {due}"),
    period: |from, to| format!("Inspection period: {from} to {to}"),
    not_inspected: "Departments not inspected this period",
    all_inspected: "Every department has been inspected this period.",
    no_profile: "No unit profile (unit.ron) yet, so coverage cannot be shown.",
    activities_due: "Activity material due",
    activities_late: "Activity material late",
    rectifications_due: "Rectifications due within 7 days or overdue",
    overdue: "overdue",
    none: "none",
    late_line: |activities, rectifications| {
        format!("Late: {activities} activity material, {rectifications} rectifications")
    },
    nothing_late: "Nothing is late.",
    offer_profile: |key| {
        format!("No unit profile yet: press {key} to create unit.ron from the departments so far.")
    },
    profile_created: |count| {
        format!("Created unit.ron ({count} departments); edit it to add the unit's name.")
    },
    activity_saved: "Activity saved.",
    handed_today: |copy| format!("{copy} copy recorded as handed in today."),
    form_title: "New activity",
    form_edit_title: "Edit activity",
    form_department: "Department",
    bad_date: |text| format!("{text:?} is not a date; expected YYYY-MM-DD"),
    bad_number: |text| format!("{text:?} is not a number of people"),
    unreadable_activities: "Unreadable activity files (left as they are; please repair):",
    unreadable_count: |n| {
        format!(
            "{n} activity files cannot be read (left as they are; zicha activity list names them)"
        )
    },
    exported: |path| format!("Activity ledger written to {path}"),
};

pub fn unit_problem(lang: Lang, problem: &UnitProblem) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    match problem {
        UnitProblem::EmptyDepartment(index) => format!("第 {index} 个科室名称为空"),
        UnitProblem::DuplicateDepartment {
            name,
            first,
            second,
        } => format!("科室 {name:?} 列了两次（第 {first} 个和第 {second} 个）"),
        UnitProblem::ReportWithinDays(days) => format!(
            "report_within_days 应在 0 到 {} 之间，现为 {days}",
            crate::model::unit::MAX_REPORT_WITHIN_DAYS
        ),
        UnitProblem::MonthlyReportDay(day) => {
            format!("monthly_report_day 应在 1 到 31 之间，现为 {day}")
        }
    }
}

pub fn unit_error(lang: Lang, error: &UnitError) -> String {
    match (lang, error) {
        (Lang::En, _) => error.to_string(),
        (Lang::Zh, UnitError::Syntax(problem)) => format!("无法读取 {problem}"),
        (Lang::Zh, UnitError::Invalid(problems)) => problems
            .iter()
            .map(|at| match at.place {
                Some((line, col)) => format!(
                    "{}:{line}:{col}: {}",
                    at.file,
                    unit_problem(lang, &at.problem)
                ),
                None => format!("{}: {}", at.file, unit_problem(lang, &at.problem)),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        (Lang::Zh, UnitError::Changed(path)) => {
            format!("{} 已被其他程序修改，没有覆盖它", path.display())
        }
        (Lang::Zh, UnitError::Store(error)) => super::errors::store_error(lang, error),
    }
}

pub fn activity_error(lang: Lang, error: &ActivityError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ActivityError::EmptyTitle => "活动名称为空".into(),
        ActivityError::EmptyDepartment => "活动的科室为空".into(),
        ActivityError::NoDate => "活动没有日期".into(),
        ActivityError::MaterialBeforeActivity(material, activity) => {
            format!("材料报送日期 {material} 早于活动日期 {activity}")
        }
    }
}

pub fn activity_store_error(lang: Lang, error: &ActivityStoreError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ActivityStoreError::NoSuchActivity(prefix) => format!("没有与 {prefix:?} 相符的活动"),
        ActivityStoreError::Ambiguous { prefix, matches } => format!(
            "{prefix:?} 与 {} 个活动相符：{}；请多输入几位编号",
            matches.len(),
            matches.join(", ")
        ),
        ActivityStoreError::Unreadable(problem) => format!("无法读取 {problem}"),
        ActivityStoreError::NewerFormat(id, format) => {
            format!("活动 {id} 由更新版本的 zicha 写入（格式 {format}），未改动")
        }
        ActivityStoreError::Conflict { copy, .. } => format!(
            "这条活动已被其他程序修改，没有覆盖它；您的版本已另存为 {}",
            copy.display()
        ),
        ActivityStoreError::Activity(error) => activity_error(lang, error),
        ActivityStoreError::Attachment(error) => super::errors::attachment_error(lang, error),
        ActivityStoreError::NoAttachment { number, count } => {
            format!("这条活动有 {count} 个附件，没有第 {number} 个")
        }
        ActivityStoreError::Unit(error) => unit_error(lang, error),
        ActivityStoreError::Store(error) => super::errors::store_error(lang, error),
    }
}
