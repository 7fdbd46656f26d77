//! Everything zicha writes for people and programs: JSON, plain text, and report files.
//!
//! Report files (md, csv, html, xlsx, docx) go one way for the CLI and the UI:
//! [`collect`] a [`Report`], [`render`] it, then [`write_file`] it to
//! [`output_path`] — all at once with `ops::export::export`.

pub mod activities;
pub mod board;
pub mod columns;
pub mod csv;
pub mod docx;
pub mod file;
#[cfg(test)]
mod fixture;
pub mod followup_json;
mod followup_rows;
pub mod followup_text;
pub mod form;
pub mod html;
pub mod import_json;
pub mod import_text;
pub mod json;
pub mod md;
pub mod package;
pub mod photos;
mod rectification_rows;
pub mod report;
pub mod rounds_json;
pub mod rounds_text;
pub mod rows;
pub mod summary;
mod svg;
pub mod table_import_text;
pub mod text;
pub mod xlsx;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use uuid::Uuid;

pub use file::{
    Folders, Overwrite, default_file_name, names_folder, output_path, safe_file_name, write_file,
};
pub use report::{Report, Scope, Selection, SessionReport, TrendPoint, collect};

use crate::i18n::Lang;
use crate::i18n::report::ReportTexts;
use crate::model::order::DepartmentOrder;
use crate::store::atomic::AtomicError;
use crate::store::{StoreError, Unreadable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Md,
    Csv,
    Html,
    Xlsx,
    Docx,
    /// The 测评材料 package: a folder, not a file (see [`package`]).
    Package,
}

impl Format {
    /// Every format that is one file.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Csv,
        Format::Html,
        Format::Xlsx,
        Format::Docx,
    ];

    /// What an export can make: the files and the package, as menus offer them.
    pub const CHOICES: [Format; 6] = [
        Format::Md,
        Format::Csv,
        Format::Html,
        Format::Xlsx,
        Format::Docx,
        Format::Package,
    ];

    /// The file extension, which is also the name users type.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::Package => "package",
        }
    }

    /// What the file is for, in Chinese, for menus.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Format::Md => "Markdown 文本",
            Format::Csv => "CSV 表格（逐条目）",
            Format::Html => "网页（可打印 A4）",
            Format::Xlsx => "Excel 台账",
            Format::Docx => "Word 自查报告草稿",
            Format::Package => "测评材料包（文件夹）",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format {0:?}; expected one of: md, csv, html, xlsx, docx, package")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let word = text.trim().trim_start_matches('.');
        Format::CHOICES
            .into_iter()
            .find(|format| format.extension().eq_ignore_ascii_case(word))
            .ok_or_else(|| UnknownFormat(text.to_string()))
    }
}

/// Settings that are not part of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Rectifications still open and due before this day are overdue.
    pub today: NaiveDate,
    /// When the document is made: the docx properties' created and modified.
    pub now: DateTime<FixedOffset>,
    /// The unit (单位) the report is for; left blank to fill in when absent.
    pub unit: Option<String>,
    /// The order round documents list departments in: the unit profile's, else pinyin.
    pub departments: DepartmentOrder,
    /// The language of the document's words (Chinese unless asked otherwise).
    pub lang: Lang,
}

impl Options {
    /// Options for a document made at `now`, in Chinese, with no unit.
    pub fn at(now: DateTime<FixedOffset>) -> Options {
        Options {
            today: now.date_naive(),
            now,
            unit: None,
            departments: DepartmentOrder::default(),
            lang: Lang::Zh,
        }
    }

    /// Options for a document made on `today` (at midnight UTC).
    pub fn new(today: NaiveDate) -> Options {
        Options::at(today.and_time(NaiveTime::MIN).and_utc().fixed_offset())
    }

    pub fn texts(&self) -> &'static ReportTexts {
        crate::i18n::report::texts(self.lang)
    }

    /// The unit, cleaned; `None` when blank.
    pub fn unit_name(&self) -> Option<String> {
        self.unit
            .as_deref()
            .map(rows::clean_line)
            .map(|unit| unit.trim().to_string())
            .filter(|unit| !unit.is_empty())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no sessions selected")]
    NothingSelected,
    #[error("{}", unreadable_message(.0))]
    Unreadable(Vec<String>),
    #[error("session {id}: {source}")]
    Checklist {
        id: Uuid,
        #[source]
        source: StoreError,
    },
    #[error("no sessions in round {label:?}; rounds: {}", if known.is_empty() { "none yet".to_string() } else { known.join(", ") })]
    EmptyRound { label: String, known: Vec<String> },
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    #[error("cannot make the folder {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: AtomicError,
    },
    #[error("cannot build the xlsx file: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot build the docx file: {0}")]
    Docx(String),
    #[error("a 测评材料 package is made of one session: name one session, not several or a round")]
    PackageOfOne,
    #[error("item {code}: cannot copy the attachment {file}: {source}")]
    Attachment {
        code: String,
        file: String,
        #[source]
        source: Box<StoreError>,
    },
}

impl ExportError {
    fn unreadable(files: Vec<&Unreadable>) -> ExportError {
        ExportError::Unreadable(
            files
                .iter()
                .map(|file| format!("{}: {}", file.id, file.problem))
                .collect(),
        )
    }
}

fn unreadable_message(lines: &[String]) -> String {
    format!(
        "cannot export: {} session file(s) cannot be read; repair them or move them to trash/ first:\n{}",
        lines.len(),
        lines.join("\n")
    )
}

/// The file's bytes. A round's departments are listed in `options.departments`' order.
pub fn render(report: &Report, format: Format, options: &Options) -> Result<Vec<u8>, ExportError> {
    let arranged;
    let report = if report.is_arranged(&options.departments) {
        report
    } else {
        arranged = report.arranged(&options.departments);
        &arranged
    };
    Ok(match format {
        Format::Md => md::render(report, options).into_bytes(),
        Format::Csv => csv::render(report, options).into_bytes(),
        Format::Html => html::render(report, options).into_bytes(),
        Format::Xlsx => xlsx::render(report, options)?,
        Format::Docx => docx::render(report, options)?,
        // A folder of files, written by `package::write`.
        Format::Package => return Err(ExportError::PackageOfOne),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each department first appears in `text`.
    fn first_positions(text: &str) -> Vec<usize> {
        ["办公室", "党群室", "后勤服务中心"]
            .iter()
            .map(|name| text.find(name).unwrap_or(usize::MAX))
            .collect()
    }

    #[test]
    fn every_format_lists_a_rounds_departments_in_pinyin_order() {
        let mut report = fixture::round();
        report.sessions.reverse();
        let options = Options::new(fixture::today());
        for format in Format::ALL {
            let bytes = render(&report, format, &options).expect("renders");
            let text = match format {
                Format::Docx => fixture::unzip(&bytes, "word/document.xml"),
                Format::Xlsx => fixture::unzip(&bytes, "xl/sharedStrings.xml"),
                _ => String::from_utf8(bytes).expect("UTF-8"),
            };
            let positions = first_positions(&text);
            assert!(
                positions.is_sorted() && positions[2] < usize::MAX,
                "{format}: {positions:?}"
            );
        }
    }
}
