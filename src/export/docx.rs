//! DOCX: a 自查报告 draft to finish in Word or WPS — title, who and when, overall
//! figures and verdicts, a problems-and-rectification table, and the items as an appendix.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, PageMargin, Paragraph, Run, RunFonts, Shading, Table,
    TableCell, TableLayoutType, TableRow, WidthType,
};

use super::report::{Report, SessionReport};
use super::rows::{self, ItemRow, SummaryRow};
use super::{ExportError, Options};
use crate::model::scoring::format_points;

#[path = "docx_followup.rs"]
mod followup;
use followup::{duties_table, outside_table, rectification_progress};

const BODY_FONT: &str = "宋体";
const TITLE_FONT: &str = "黑体";
const HEADING_FONT: &str = "黑体";
const LATIN_FONT: &str = "Times New Roman";
/// Sizes in half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt.
const TITLE_SIZE: usize = 44;
const HEADING_SIZE: usize = 32;
const BODY_SIZE: usize = 24;
const TABLE_SIZE: usize = 21;
/// A4 in twentieths of a point, with 2 cm side margins.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const SIDE_MARGIN: i32 = 1_134;
const TEXT_WIDTH: usize = A4_WIDTH as usize - 2 * SIDE_MARGIN as usize;
const BLANK: &str = "__________";

pub fn render(report: &Report, options: &Options) -> Result<Vec<u8>, ExportError> {
    let mut doc = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(PageMargin {
            top: 1_440,
            left: SIDE_MARGIN,
            bottom: 1_440,
            right: SIDE_MARGIN,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE);
    let title = match report.round_label() {
        Some(round) => format!("{}自查报告", rows::clean_line(round)),
        None => "自查报告".to_string(),
    };
    doc = doc.add_paragraph(
        Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new()
                .add_text(title)
                .bold()
                .size(TITLE_SIZE)
                .fonts(fonts(TITLE_FONT)),
        ),
    );
    let unit = options
        .unit
        .as_deref()
        .map(rows::clean_line)
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| BLANK.to_string());
    doc = doc.add_paragraph(labelled("单位", &unit));
    doc = match report.single() {
        Some(one) => single(doc, one, options),
        None => several(doc, report, options),
    };
    let next = if report.round_label().is_some() {
        doc = doc.add_paragraph(heading("三、责任分解"));
        let duties = rows::duty_rows(report);
        doc = if duties.is_empty() {
            doc.add_paragraph(body("检查表条目未填写责任部门,无法分解。"))
        } else {
            doc.add_table(duties_table(&duties))
        };
        "四、下一步工作"
    } else {
        "三、下一步工作"
    };
    doc = doc
        .add_paragraph(heading(next))
        .add_paragraph(body("(请在此填写下一步整改措施和工作打算。)"));
    doc = doc.add_paragraph(heading("附:检查条目明细"));
    for one in &report.sessions {
        if report.sessions.len() > 1 {
            doc = doc.add_paragraph(subheading(&session_heading(report, one)));
        }
        doc = doc.add_table(items_table(&rows::item_rows(one, options.today)));
    }
    let mut buffer = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buffer)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(buffer.into_inner())
}

fn single(mut doc: Docx, one: &SessionReport, options: &Options) -> Docx {
    let s = SummaryRow::of(one);
    for (label, value) in [
        ("部门", s.department.clone()),
        ("轮次", s.round.clone()),
        ("日期", s.date.to_string()),
        ("检查人", s.inspector.clone()),
        ("检查表", s.checklist.clone()),
    ] {
        doc = doc.add_paragraph(labelled(label, &value));
    }
    doc = doc
        .add_paragraph(heading("一、总体情况"))
        .add_paragraph(body(&overall_sentence(&s)));
    let items = rows::item_rows(one, options.today);
    let problems = rows::problems(&items);
    doc = doc.add_paragraph(heading("二、存在问题及整改情况"));
    if problems.is_empty() {
        doc.add_paragraph(body("本次自查未发现问题。"))
    } else {
        doc.add_table(problems_table(&problems))
    }
}

fn several(mut doc: Docx, report: &Report, options: &Options) -> Docx {
    let dates = match (report.first_date(), report.last_date()) {
        (Some(first), Some(last)) if first != last => format!("{first} 至 {last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    };
    doc = doc
        .add_paragraph(labelled("日期", &dates))
        .add_paragraph(labelled(
            "检查记录",
            &format!("{} 份", report.sessions.len()),
        ))
        .add_paragraph(heading("一、总体情况"))
        .add_table(summary_table(report))
        .add_paragraph(heading("二、存在问题及整改情况"));
    for one in &report.sessions {
        let items = rows::item_rows(one, options.today);
        let problems = rows::problems(&items);
        doc = doc.add_paragraph(subheading(&session_heading(report, one)));
        doc = if problems.is_empty() {
            doc.add_paragraph(body("未发现问题。"))
        } else {
            doc.add_table(problems_table(&problems))
        };
    }
    let outside = rows::problem_rows(report, options.today);
    if !outside.is_empty() {
        doc = doc
            .add_paragraph(subheading("上级通报及测评反馈问题"))
            .add_table(outside_table(&outside));
    }
    doc
}

fn session_heading(report: &Report, one: &SessionReport) -> String {
    let department = rows::clean_line(&one.session.department);
    if report.round_label().is_some() {
        format!("{department}({})", rows::checklist_name(one))
    } else {
        format!(
            "{department} · {}({})",
            rows::clean_line(&one.session.round),
            rows::checklist_name(one)
        )
    }
}

/// "本次自查共 58 项,已查 23 项,得分 61.5/80,得分率 76.9%,扣分 3.5。等级:良好。……"
fn overall_sentence(s: &SummaryRow) -> String {
    format!(
        "本次自查共 {} 项,已查 {} 项,得分 {},得分率 {},扣分 {}。等级:{}。{}:{}。{}:{}。发现问题 {} 项,待整改 {} 项。",
        s.total,
        s.checked,
        s.score_text(),
        s.percent_text(),
        format_points(s.deducted),
        if s.grade.is_empty() { "—" } else { &s.grade },
        rows::VETO,
        s.veto_text(),
        rows::DISQUALIFIED,
        s.disqualified_text(),
        s.problems,
        s.open_rectifications,
    )
}

fn summary_table(report: &Report) -> Table {
    let cells = report
        .sessions
        .iter()
        .map(|one| {
            let s = SummaryRow::of(one);
            vec![
                s.department.clone(),
                s.checklist.clone(),
                s.score_text(),
                s.percent_text(),
                format_points(s.deducted),
                s.verdict_text(),
                s.problems.to_string(),
                s.open_rectifications.to_string(),
            ]
        })
        .collect();
    table(
        &[
            ("部门", 13),
            ("检查表", 18),
            ("得分", 10),
            ("得分率", 10),
            ("扣分", 7),
            ("判定", 24),
            ("问题", 8),
            ("待整改", 10),
        ],
        cells,
    )
}

fn problems_table(problems: &[&ItemRow]) -> Table {
    let cells = problems
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let rect = row.rectification.as_ref();
            vec![
                (i + 1).to_string(),
                row.code.clone(),
                format!("{}{}", row.title, row.marks()),
                crate::i18n::report::status(row.status).to_string(),
                row.lost_text(),
                problem_description(row),
                rect.map(|r| r.responsible_text()).unwrap_or_default(),
                rect.map(|r| r.due_text()).unwrap_or_default(),
                progress(row),
            ]
        })
        .collect();
    table(
        &[
            ("序号", 6),
            ("编号", 7),
            ("检查项目", 16),
            ("状态", 11),
            ("扣分", 7),
            ("问题描述", 19),
            ("整改责任人", 10),
            ("整改期限", 12),
            ("整改情况", 12),
        ],
        cells,
    )
}

/// The note, then the deductions applied.
fn problem_description(row: &ItemRow) -> String {
    let mut description = row.note.clone();
    let deductions = row.deductions_text();
    if !deductions.is_empty() {
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&format!("扣分项:{deductions}"));
    }
    description
}

/// Where the rectification stands: "已销号(2026-11-22复查)已补记录", "待复查(2026-11-21落实)…".
fn progress(row: &ItemRow) -> String {
    match row.rectification.as_ref() {
        Some(rect) => rectification_progress(rect),
        None => crate::i18n::report::REPORT.no_owner.to_string(),
    }
}

fn items_table(items: &[ItemRow]) -> Table {
    let cells = items
        .iter()
        .map(|row| {
            vec![
                row.code.clone(),
                format!("{}{}", row.title, row.marks()),
                crate::i18n::report::status(row.status).to_string(),
                row.points_text(),
                row.score_text(),
            ]
        })
        .collect();
    table(
        &[
            ("编号", 10),
            ("检查项目", 54),
            ("状态", 14),
            ("分值", 10),
            ("得分", 12),
        ],
        cells,
    )
}

/// A table across the text width; `columns` are (header, share of the width).
/// Explicit widths, since WPS and LibreOffice collapse a table without a grid.
fn table(columns: &[(&str, usize)], rows: Vec<Vec<String>>) -> Table {
    let total: usize = columns.iter().map(|(_, share)| share).sum();
    let widths: Vec<usize> = columns
        .iter()
        .map(|(_, share)| TEXT_WIDTH * share / total.max(1))
        .collect();
    let header = TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|((name, _), width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .shading(Shading::new().fill("DDE6F0"))
                    .add_paragraph(
                        Paragraph::new().add_run(
                            Run::new()
                                .add_text(*name)
                                .bold()
                                .size(TABLE_SIZE)
                                .fonts(fonts(BODY_FONT)),
                        ),
                    )
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    for row in rows {
        let cells = row
            .iter()
            .zip(&widths)
            .map(|(text, width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(text_run(text, TABLE_SIZE)))
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    Table::new(table_rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// Chinese text in `east_asia`, Latin text in Times New Roman.
pub(crate) fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new().add_run(
        Run::new()
            .add_text(text)
            .size(HEADING_SIZE)
            .fonts(fonts(HEADING_FONT)),
    )
}

fn subheading(text: &str) -> Paragraph {
    Paragraph::new().add_run(
        Run::new()
            .add_text(rows::clean_line(text))
            .bold()
            .fonts(fonts(BODY_FONT)),
    )
}

fn body(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text, BODY_SIZE))
}

fn labelled(label: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .add_run(
            Run::new()
                .add_text(format!("{label}:"))
                .bold()
                .fonts(fonts(BODY_FONT)),
        )
        .add_run(text_run(value, BODY_SIZE))
}

/// A run of cleaned user text: newlines become line breaks and tabs become tabs,
/// since Word ignores both inside `w:t`.
fn text_run(text: &str, size: usize) -> Run {
    let mut run = Run::new().size(size).fonts(fonts(BODY_FONT));
    let text = rows::clean(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
