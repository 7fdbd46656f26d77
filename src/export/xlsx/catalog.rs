//! 目录.xlsx of a 测评材料 package (docs/design.md §15): every item with its folder,
//! points, self-assessed score, number of files and the length of its 说明.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::sheet::{Cell, Table, text};
use crate::export::Options;
use crate::export::package::{PackageItem, folder_name};
use crate::export::report::SessionReport;
use crate::export::rows::clean_line;

pub fn render(
    one: &SessionReport,
    items: &[PackageItem],
    options: &Options,
) -> Result<Vec<u8>, XlsxError> {
    let t = options.lang.package();
    let r = options.texts();
    let session = &one.session;
    let unit = options.unit_name().unwrap_or_else(|| r.blank.to_string());
    let rows = items
        .iter()
        .map(|item| {
            let row = &item.row;
            let files = item.folder.as_ref().map(|_| 1 + item.files.len());
            vec![
                text(&row.code),
                Cell::Long(row.title.clone()),
                Cell::Number(row.is_scored().then_some(row.points)),
                Cell::Number(row.score.filter(|_| row.is_scored())),
                text(item.folder.clone().unwrap_or_default()),
                Cell::Number(files.map(|n| n as f64)),
                Cell::Number(Some(item.explanation_chars() as f64)),
            ]
        })
        .collect();
    let table = Table {
        title: (r.aside)(&folder_name(one, options), t.catalog_name),
        note: (t.from)(
            &unit,
            &clean_line(&session.department),
            &clean_line(&session.round),
            &session.date.to_string(),
            "　",
        ),
        header: vec![
            t.code,
            t.item,
            t.points,
            t.self_score,
            t.folder,
            t.files,
            t.explanation_chars,
        ],
        rows,
        overdue: None,
        flagged: None,
        truncated: r.truncated,
    };
    let mut workbook = Workbook::new();
    table.write(workbook.add_worksheet().set_name(t.catalog_name)?)?;
    workbook.save_to_buffer()
}
