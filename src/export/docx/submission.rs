//! The 测评材料提交表 of one item in a 测评材料 package (docs/design.md §15): the
//! indicator, its points, the self-assessed score, the 说明 (flagged when over the
//! 500-character national limit) and the 佐证材料, as a two-column table written
//! with the report's schema-ordered WordprocessingML.

use super::package::{self, Properties, TEXT_WIDTH};
use super::xml::{CELL_PADDING, Jc, Para, Run, Style, TableColumn, TableRow, table, text_twips};
use crate::export::package::{EXPLANATION_LIMIT, PackageItem};
use crate::export::report::SessionReport;
use crate::export::rows::clean_line;
use crate::export::{ExportError, Options};

pub fn render(
    one: &SessionReport,
    item: &PackageItem,
    options: &Options,
) -> Result<Vec<u8>, ExportError> {
    let t = options.lang.package();
    let r = options.texts();
    let session = &one.session;
    let row = &item.row;
    let mut body = String::new();
    Para::text(Style::Title, t.form_title).write(&mut body);
    let unit = options.unit_name().unwrap_or_else(|| r.blank.to_string());
    let from = (t.from)(
        &unit,
        &clean_line(&session.department),
        &clean_line(&session.round),
        &session.date.to_string(),
        "\n",
    );
    // Centred with no first-line indent (an explicit `w:ind` clears the style's).
    let mut from = Para::text(Style::Normal, from).jc(Jc::Center);
    from.right_indent = Some(0);
    from.write(&mut body);

    let or_none = |text: String| {
        if text.trim().is_empty() {
            t.none.to_string()
        } else {
            text
        }
    };
    let score = match row.score {
        Some(_) => row.score_text(),
        None => t.unchecked.to_string(),
    };
    let mut evidence: Vec<String> = row.evidence.clone();
    evidence.extend(item.files.iter().map(|file| file.name.clone()));
    let fields: Vec<(&str, String)> = [
        (t.indicator, format!("{} {}", row.code, row.title)),
        (t.standard, item.standard.clone()),
        (t.points, row.points_text()),
        (t.self_score, score),
        (t.explanation, or_none(row.note.clone())),
        (t.evidence_expected, or_none(item.expected.join("\n"))),
        (t.evidence, or_none(evidence.join("\n"))),
    ]
    .into_iter()
    .filter(|(label, value)| *label != t.standard || !value.is_empty())
    .collect();
    let label_width = fields
        .iter()
        .map(|(label, _)| text_twips(label))
        .chain([text_twips(t.field)])
        .max()
        .unwrap_or(0)
        + CELL_PADDING;
    let columns = [
        TableColumn {
            header: t.field.to_string(),
            jc: Jc::Center,
            width: label_width,
        },
        TableColumn {
            header: t.content.to_string(),
            jc: Jc::Left,
            width: TEXT_WIDTH - label_width,
        },
    ];
    let rows: Vec<TableRow> = fields
        .into_iter()
        .map(|(label, value)| TableRow::Cells(vec![label.to_string(), value]))
        .collect();
    table(&mut body, &columns, &rows);
    if item.explanation_too_long() {
        let mut warning = Run::new((t.too_long)(item.explanation_chars(), EXPLANATION_LIMIT));
        warning.bold = true;
        Para::new(Style::Normal).run(warning).write(&mut body);
    }
    let title = format!("{} {} {}", t.form_title, row.code, row.title);
    package::package(
        &package::document(&body),
        &package::footer(),
        &[],
        &Properties {
            title: &title,
            creator: &clean_line(&session.inspector),
            now: options.now,
            lang: r.lang_tag,
        },
    )
}
