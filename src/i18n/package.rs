//! Words of the 测评材料 package (docs/design.md §15): its folder, the per-item
//! 测评材料提交表 and the 目录 workbook. Chinese unless an export asks for English.

use super::Lang;

pub struct PackageTexts {
    /// The folder's default name ends with this: "2026年11月自查_办公室_2026-11-20_测评材料".
    pub folder_suffix: &'static str,
    /// The per-item document's file name, without ".docx".
    pub form_name: &'static str,
    /// The catalogue's file name, without ".xlsx".
    pub catalog_name: &'static str,
    pub form_title: &'static str,
    pub field: &'static str,
    pub content: &'static str,
    pub indicator: &'static str,
    pub standard: &'static str,
    pub points: &'static str,
    pub self_score: &'static str,
    pub explanation: &'static str,
    /// Evidence the checklist asks for (应备材料).
    pub evidence_expected: &'static str,
    /// Evidence at hand: labels now, files once attached (佐证材料).
    pub evidence: &'static str,
    pub none: &'static str,
    /// The 说明 is over the national limit: its length and the limit.
    pub too_long: fn(chars: usize, limit: usize) -> String,
    /// Who the form is from: unit and department, `break`, round and date.
    pub from: fn(unit: &str, department: &str, round: &str, date: &str, brk: &str) -> String,
    pub code: &'static str,
    pub item: &'static str,
    pub folder: &'static str,
    pub files: &'static str,
    pub explanation_chars: &'static str,
    pub unchecked: &'static str,
}

pub const ZH: PackageTexts = PackageTexts {
    folder_suffix: "测评材料",
    form_name: "测评材料提交表",
    catalog_name: "目录",
    form_title: "测评材料提交表",
    field: "项目",
    content: "内容",
    indicator: "测评指标",
    standard: "测评标准",
    points: "分值",
    self_score: "自评得分",
    explanation: "说明",
    evidence_expected: "应备材料",
    evidence: "佐证材料",
    none: "无",
    too_long: |chars, limit| format!("说明共{chars}字，超过{limit}字的上限，提交前请精简。"),
    from: |unit, department, round, date, brk| {
        format!("单位：{unit}　部门：{department}{brk}轮次：{round}　日期：{date}")
    },
    code: "编号",
    item: "测评指标",
    folder: "材料文件夹",
    files: "文件数",
    explanation_chars: "说明字数",
    unchecked: "未查",
};

pub const EN: PackageTexts = PackageTexts {
    folder_suffix: "evaluation-material",
    form_name: "submission-form",
    catalog_name: "contents",
    form_title: "Evaluation material submission form",
    field: "Field",
    content: "Content",
    indicator: "Indicator",
    standard: "Standard",
    points: "Points",
    self_score: "Self-assessed score",
    explanation: "Explanation",
    evidence_expected: "Evidence required",
    evidence: "Evidence",
    none: "none",
    too_long: |chars, limit| {
        format!(
            "The explanation has {chars} characters, over the limit of {limit}; shorten it before handing in."
        )
    },
    from: |unit, department, round, date, brk| {
        format!("Unit: {unit}  Department: {department}{brk}Round: {round}  Date: {date}")
    },
    code: "Code",
    item: "Indicator",
    folder: "Folder",
    files: "Files",
    explanation_chars: "Explanation length",
    unchecked: "pending",
};

impl Lang {
    pub fn package(self) -> &'static PackageTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
