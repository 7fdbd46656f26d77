//! The 测评材料 package (docs/design.md §15): the folder a unit hands in for
//! 测评/申报, organised by indicator:
//!
//! ```text
//! <round>_<department>_<date>_测评材料/
//!   目录.xlsx                        every item: folder, score, files
//!   1.1 中心组学习制度化、常态化/     an item with a note, evidence or attachments
//!     测评材料提交表.docx             indicator, points, score, 说明, 佐证材料
//!     1.1-1 <caption>.jpg            its attachments, copied from the store
//! ```
//!
//! Names are made safe for Windows ([`safe_file_name`]). An existing folder is
//! merged into only with [`Overwrite::Replace`]; links are never followed, and
//! every file is written with the save protocol (temp file, fsync, rename).
//!
//! Attachments (docs/design.md §12) are copied from the store, checked against
//! their hash, and named by [`attachment_name`]; the form lists them by those names.

use std::io;
use std::path::{Path, PathBuf};

use super::file::{Overwrite, safe_file_name, write_file};
use super::report::{Report, SessionReport};
use super::rows::{ItemRow, clean_line, item_rows};
use super::{ExportError, Options};
use crate::model::attachment::Attachment;
use crate::model::text::normalize_name;
use crate::store::Store;
use crate::store::atomic::AtomicError;
use crate::store::safe_fs::{Kind, Refusal, kind_of};

/// The national limit of a 说明, in characters.
pub const EXPLANATION_LIMIT: usize = 500;

/// One item as the package shows it.
#[derive(Debug, Clone)]
pub struct PackageItem {
    pub row: ItemRow,
    /// The checklist's standard (测评标准).
    pub standard: String,
    /// What proof the checklist asks for (应备材料).
    pub expected: Vec<String>,
    /// Its folder's name, for an item with a note, evidence or attachments.
    pub folder: Option<String>,
    /// Its attachments, as copied into its folder beside the form.
    pub files: Vec<PackageFile>,
}

/// An attachment and its name in the item's folder.
#[derive(Debug, Clone)]
pub struct PackageFile {
    pub name: String,
    pub attachment: Attachment,
}

impl PackageItem {
    /// Characters of the 说明 as counted against the limit (line breaks do not count).
    pub fn explanation_chars(&self) -> usize {
        explanation_chars(&self.row.note)
    }

    pub fn explanation_too_long(&self) -> bool {
        self.explanation_chars() > EXPLANATION_LIMIT
    }
}

pub fn explanation_chars(note: &str) -> usize {
    note.chars().filter(|c| !matches!(c, '\n' | '\r')).count()
}

/// An item's folder: "<code> <title>", safe on Windows.
pub fn item_folder_name(code: &str, title: &str) -> String {
    safe_file_name(&format!("{code} {title}"), "")
}

/// An attachment's name in its item's folder: "<code>-<n> <caption>.<ext>" (n from
/// 1), or "<code>-<n>.<ext>" without a caption; safe on Windows.
pub fn attachment_name(code: &str, n: usize, caption: &str, extension: &str) -> String {
    let caption = clean_line(caption);
    let stem = if caption.trim().is_empty() {
        format!("{code}-{n}")
    } else {
        format!("{code}-{n} {}", caption.trim())
    };
    safe_file_name(&stem, extension)
}

/// The item's attachments named in order; one without a caption is named by its
/// original file name (without the extension).
pub fn package_files(code: &str, attachments: &[Attachment]) -> Vec<PackageFile> {
    attachments
        .iter()
        .enumerate()
        .map(|(i, attachment)| {
            let caption = if attachment.caption.trim().is_empty() {
                original_stem(&attachment.file)
            } else {
                &attachment.caption
            };
            PackageFile {
                name: attachment_name(code, i + 1, caption, attachment.kind.extension()),
                attachment: attachment.clone(),
            }
        })
        .collect()
}

fn original_stem(file: &str) -> &str {
    match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file,
    }
}

/// The package's folder name: "<round>_<department>_<date>_测评材料".
pub fn folder_name(one: &SessionReport, options: &Options) -> String {
    let session = &one.session;
    let parts = [
        normalize_name(&session.round),
        normalize_name(&session.department),
        session.date.to_string(),
        options.lang.package().folder_suffix.to_string(),
    ];
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    safe_file_name(&parts.join("_"), "")
}

/// Every item of the session in checklist order, with the folders the package makes.
/// Two folder names that only a case-insensitive file system would confuse get
/// " (2)", " (3)"… so that no item's material lands in another's folder.
pub fn items(one: &SessionReport, options: &Options) -> Vec<PackageItem> {
    let mut taken: Vec<String> = Vec::new();
    item_rows(one, options.today)
        .into_iter()
        .map(|mut row| {
            let item = one.checklist.item(&row.code);
            let response = one.session.response(&row.code);
            let files = response
                .map(|r| package_files(&row.code, &r.attachments))
                .unwrap_or_default();
            // The rows list attachments after the labels; here they are `files`.
            row.evidence
                .truncate(response.map_or(0, |r| r.evidence.len()));
            let has_material =
                !row.note.trim().is_empty() || !row.evidence.is_empty() || !files.is_empty();
            let folder = has_material.then(|| {
                let base = item_folder_name(&row.code, &row.title);
                let mut name = base.clone();
                let mut n = 1;
                while taken.contains(&name.to_lowercase()) {
                    n += 1;
                    name = format!("{base} ({n})");
                }
                taken.push(name.to_lowercase());
                name
            });
            PackageItem {
                standard: item
                    .and_then(|item| item.standard.as_deref())
                    .map(clean_line)
                    .unwrap_or_default(),
                expected: item
                    .map(|item| item.evidence.iter().map(|e| clean_line(e)).collect())
                    .unwrap_or_default(),
                folder,
                files,
                row,
            }
        })
        .collect()
}

/// The one session a package is made of.
pub fn session_of(report: &Report) -> Result<&SessionReport, ExportError> {
    report.single().ok_or(ExportError::PackageOfOne)
}

/// Writes the package of `one` into `dir` (created; an existing one only with
/// `Overwrite::Replace`, and never through a link), copying the attachments from
/// `store`. Returns `dir`.
pub fn write(
    store: &Store,
    dir: &Path,
    one: &SessionReport,
    options: &Options,
    overwrite: Overwrite,
) -> Result<PathBuf, ExportError> {
    let t = options.lang.package();
    real_folder(dir, overwrite)?;
    let items = items(one, options);
    for item in &items {
        let Some(folder) = &item.folder else {
            continue;
        };
        let folder = dir.join(folder);
        real_folder(&folder, Overwrite::Replace)?;
        let form = super::docx::submission::render(one, item, options)?;
        let path = folder.join(safe_file_name(t.form_name, "docx"));
        write_file(&path, &form, Overwrite::Replace)?;
        for file in &item.files {
            let bytes = store.read_attachment(&file.attachment).map_err(|source| {
                ExportError::Attachment {
                    code: clean_line(&item.row.code),
                    file: clean_line(&file.attachment.file),
                    source: Box::new(source),
                }
            })?;
            write_file(&folder.join(&file.name), &bytes, Overwrite::Replace)?;
        }
    }
    let catalog = super::xlsx::catalog::render(one, &items, options)?;
    let path = dir.join(safe_file_name(t.catalog_name, "xlsx"));
    write_file(&path, &catalog, Overwrite::Replace)?;
    Ok(dir.to_path_buf())
}

/// Makes `path` a folder of our own: created when missing; an existing real folder
/// only when `overwrite` allows merging into it; a link or a file never.
fn real_folder(path: &Path, overwrite: Overwrite) -> Result<(), ExportError> {
    let refused = |source: io::Error| ExportError::Write {
        path: path.to_path_buf(),
        source: AtomicError::Io {
            action: "make the folder",
            path: path.to_path_buf(),
            source,
            renamed: false,
        },
    };
    match kind_of(path).map_err(refused)? {
        Kind::Missing => std::fs::create_dir(path).map_err(refused),
        Kind::Folder if overwrite == Overwrite::Replace => Ok(()),
        Kind::Folder => Err(ExportError::Exists {
            path: path.to_path_buf(),
        }),
        Kind::Link => Err(refused(io::Error::new(
            io::ErrorKind::InvalidData,
            Refusal::Link,
        ))),
        Kind::Regular => Err(ExportError::Exists {
            path: path.to_path_buf(),
        }),
        Kind::Special => Err(refused(io::Error::new(
            io::ErrorKind::InvalidData,
            Refusal::Special,
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn attachment_names_from_hostile_captions_are_safe_on_windows() {
        assert_eq!(
            attachment_name("1.1", 1, "学习记录 (第1页)", "jpg"),
            "1.1-1 学习记录 (第1页).jpg"
        );
        assert_eq!(
            attachment_name("1.1", 2, "a/b\\c:d*e?f\"g<h>i|j", "png"),
            "1.1-2 a_b_c_d_e_f_g_h_i_j.png"
        );
        assert_eq!(attachment_name("1.1", 3, "  ", "pdf"), "1.1-3.pdf");
        assert_eq!(
            attachment_name("2.1", 1, "照片\u{202e}gpj.exe\u{7}...", "jpg"),
            "2.1-1 照片gpj.exe.jpg",
            "bidi overrides and controls go, trailing dots too"
        );
        let long = attachment_name("3.1", 12, &"长".repeat(300), "docx");
        assert!(long.len() <= crate::export::file::MAX_NAME_BYTES && long.ends_with(".docx"));
        assert_eq!(item_folder_name("CON", ""), "_CON");
        assert_eq!(item_folder_name("1.2", "../../逃逸..."), "1.2 .._.._逃逸");
    }

    #[test]
    fn items_with_a_note_or_evidence_get_a_folder_and_names_never_collide() {
        let mut report = fixture::single();
        let one = &mut report.sessions[0];
        // Two titles that only differ in case would share a folder on Windows.
        let mut checklist = (*one.checklist).clone();
        for item in checklist
            .sections
            .iter_mut()
            .flat_map(|s| s.items.iter_mut())
        {
            if item.code == "1.1" || item.code == "1.2" {
                item.code = if item.code == "1.1" {
                    "A".into()
                } else {
                    "a".into()
                };
                item.title = "Title".into();
            }
        }
        let responses = std::mem::take(&mut one.session.responses);
        for (code, mut response) in responses {
            let code = match code.as_str() {
                "1.1" => "A".to_string(),
                "1.2" => "a".to_string(),
                _ => code,
            };
            if code == "A" || code == "a" {
                response.note = "有".into();
            }
            one.session.responses.insert(code, response);
        }
        one.checklist = std::sync::Arc::new(checklist);
        let options = Options::new(fixture::today());
        let items = items(one, &options);
        let folder = |code: &str| {
            items
                .iter()
                .find(|item| item.row.code == code)
                .and_then(|item| item.folder.clone())
        };
        assert_eq!(folder("A").as_deref(), Some("A Title"));
        assert_eq!(folder("a").as_deref(), Some("a Title (2)"));
        // 2.4 has an evidence label but no note: it has material to hand in.
        assert!(folder("2.4").is_some());
        for item in &items {
            let has_material = !item.row.note.trim().is_empty() || !item.row.evidence.is_empty();
            assert_eq!(item.folder.is_some(), has_material, "{}", item.row.code);
        }
    }

    #[test]
    fn the_form_lists_evidence_labels_and_opens_as_xml() {
        let report = fixture::single();
        let one = &report.sessions[0];
        let options = Options::new(fixture::today());
        let items = items(one, &options);
        let item = items.iter().find(|i| i.row.code == "2.4").expect("2.4");
        let bytes = crate::export::docx::submission::render(one, item, &options).expect("docx");
        let xml = fixture::unzip(&bytes, "word/document.xml");
        fixture::assert_well_formed(&xml);
        assert!(xml.contains("奖牌照片"), "the evidence label is listed");
        assert!(crate::export::docx::schema::in_schema_order(&xml).is_ok());
        assert_eq!(explanation_chars("一二\n三\r\n"), 3);
    }
}
