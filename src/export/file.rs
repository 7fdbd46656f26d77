//! Where an export goes: a default name that every file system accepts, and a
//! write that never leaves a partial file and never replaces one unasked.

use std::path::{Path, PathBuf};

use super::report::Report;
use super::{ExportError, Format};
use crate::model::text::normalize_name;
use crate::store::atomic::{AtomicError, Expect, write_atomic};
use crate::store::fsops::RealFs;

/// Longest file name we make, in bytes; file systems allow 255, and the save
/// protocol's temp file adds a suffix to it.
pub const MAX_NAME_BYTES: usize = 200;

const FALLBACK_STEM: &str = "zicha-export";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Never,
    Replace,
}

/// "2026年11月自查_办公室_2026-11-20.docx"; a round: "2026年11月自查_2026-11-01.docx".
pub fn default_file_name(report: &Report, format: Format) -> String {
    let date = report
        .first_date()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let parts: Vec<String> = match (report.round_label(), report.sessions.as_slice()) {
        (Some(round), _) => vec![round.to_string(), date],
        (None, [only]) => vec![
            only.session.round.clone(),
            only.session.department.clone(),
            only.session.date.to_string(),
        ],
        (None, [first, rest @ ..]) => vec![
            first.session.round.clone(),
            format!("{}等{}个", first.session.department, rest.len() + 1),
            date,
        ],
        (None, []) => vec![],
    };
    let parts: Vec<String> = parts
        .iter()
        .map(|part| normalize_name(part))
        .filter(|part| !part.is_empty())
        .collect();
    safe_file_name(&parts.join("_"), format.extension())
}

/// A file name from `stem` and `extension` that Windows, macOS and Linux all
/// accept: no reserved device names, no `<>:"/\|?*` or control characters,
/// no leading or trailing dots and spaces, at most `MAX_NAME_BYTES` bytes, never empty.
pub fn safe_file_name(stem: &str, extension: &str) -> String {
    let extension: String = extension
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(16)
        .collect();
    let suffix = if extension.is_empty() {
        String::new()
    } else {
        format!(".{extension}")
    };
    let replaced: String = stem
        .chars()
        .map(|c| if is_forbidden(c) { '_' } else { c })
        .collect();
    let mut stem = trim_dots_and_spaces(&replaced).to_string();
    truncate_to_bytes(&mut stem, MAX_NAME_BYTES - suffix.len());
    let mut stem = trim_dots_and_spaces(&stem).to_string();
    if stem.is_empty() {
        stem = FALLBACK_STEM.into();
    }
    if is_reserved(&stem) {
        stem.insert(0, '_');
    }
    format!("{stem}{suffix}")
}

fn is_forbidden(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
        || c.is_control()
        || crate::model::text::is_unsafe_char(c)
}

fn trim_dots_and_spaces(text: &str) -> &str {
    text.trim_matches(|c: char| c == '.' || c.is_whitespace())
}

fn truncate_to_bytes(text: &mut String, max: usize) {
    if text.len() <= max {
        return;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

/// Windows device names, reserved with any extension: "CON", "con.txt", "COM1.tar.gz".
fn is_reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper = base.to_ascii_uppercase();
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: String = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && matches!(
            rest.as_str(),
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
        )
}

/// Where the file goes: inside `target` if it is an existing folder, or if
/// `folders` lets a path that [`names_folder`] stand for one to be made; else
/// `target` itself; without a target, the default name in `default_dir`.
pub fn output_path(
    target: Option<&Path>,
    default_dir: &Path,
    report: &Report,
    format: Format,
    folders: Folders,
) -> PathBuf {
    match target {
        Some(path) if path.is_dir() || (folders == Folders::Create && names_folder(path)) => {
            path.join(default_file_name(report, format))
        }
        Some(path) => path.to_path_buf(),
        None => default_dir.join(default_file_name(report, format)),
    }
}

/// Whether a path that names no existing folder is made one when an export goes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folders {
    /// Only an existing folder takes the default name (the command line's `-o`).
    Existing,
    /// A path that [`names_folder`] is created (the UI's 位置 field).
    Create,
}

/// A path typed as a folder: it ends in a separator, or it names no extension
/// ("报告/", "2026年11月"), and it is not an existing file.
pub fn names_folder(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    let ends_in_separator = text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR);
    ends_in_separator || (path.extension().is_none() && !path.is_file())
}

/// Writes with the store's save protocol, so a failed export leaves no partial file.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), ExportError> {
    let expect = match overwrite {
        Overwrite::Never => Expect::Absent,
        Overwrite::Replace => Expect::Anything,
    };
    match write_atomic(&RealFs, path, bytes, expect) {
        Ok(()) | Err(AtomicError::Io { renamed: true, .. }) => Ok(()),
        Err(AtomicError::Changed { .. }) => Err(ExportError::Exists {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(ExportError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_typed_as_a_folder_ends_in_a_separator_or_names_no_extension() {
        let dir = tempfile::tempdir().expect("temp dir");
        let existing_file = dir.path().join("README");
        std::fs::write(&existing_file, "x").expect("write");
        assert!(names_folder(&dir.path().join("季度报告")));
        assert!(names_folder(&dir.path().join("报告.d/")));
        assert!(!names_folder(&dir.path().join("报告.docx")));
        assert!(
            !names_folder(&existing_file),
            "an existing file stays a file"
        );
    }

    #[test]
    fn forbidden_characters_become_underscores() {
        assert_eq!(
            safe_file_name("a<b>c:d\"e/f\\g|h?i*j\u{1b}k\u{7}", "md"),
            "a_b_c_d_e_f_g_h_i_j_k_.md"
        );
    }

    #[test]
    fn reserved_device_names_are_prefixed() {
        for stem in [
            "CON", "con", "Prn", "aux", "NUL", "COM1", "com9", "LPT1", "lpt9", "COM¹", "con.tar",
            "NUL .x",
        ] {
            let name = safe_file_name(stem, "csv");
            assert!(name.starts_with('_'), "{stem} → {name}");
        }
        for stem in ["CONSOLE", "COM10", "LPT0", "COM", "nullable", "办公室"] {
            let name = safe_file_name(stem, "csv");
            assert!(!name.starts_with('_'), "{stem} → {name}");
        }
    }

    #[test]
    fn dots_and_spaces_at_the_ends_go() {
        assert_eq!(safe_file_name(" ..报告.. ", "md"), "报告.md");
        assert_eq!(safe_file_name("...", "md"), "zicha-export.md");
        assert_eq!(safe_file_name("", "md"), "zicha-export.md");
        assert_eq!(safe_file_name("a", ""), "a");
    }

    #[test]
    fn long_names_are_cut_on_whole_characters() {
        let name = safe_file_name(&"办".repeat(200), "docx");
        assert!(name.len() <= MAX_NAME_BYTES, "{}", name.len());
        assert!(name.ends_with(".docx"));
        let stem = name.trim_end_matches(".docx");
        assert!(stem.chars().all(|c| c == '办'));
        assert_eq!(stem.len() % 3, 0);
        // A cut that lands right before a dot must not leave a trailing dot.
        let tricky = format!("{}. x", "a".repeat(MAX_NAME_BYTES - 5 - 1));
        let name = safe_file_name(&tricky, "docx");
        assert!(!name.trim_end_matches(".docx").ends_with('.'), "{name}");
    }

    #[test]
    fn writing_refuses_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_file(&path, b"one", Overwrite::Never).unwrap();
        let refused = write_file(&path, b"two", Overwrite::Never);
        assert!(matches!(refused, Err(ExportError::Exists { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_file(&path, b"two", Overwrite::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp left"
        );
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("r.md");
        assert!(matches!(
            write_file(&path, b"x", Overwrite::Never),
            Err(ExportError::Write { .. })
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn default_names_say_round_department_and_date() {
        use crate::export::{Scope, fixture};
        assert_eq!(
            default_file_name(&fixture::single(), Format::Docx),
            "2026年11月自查_办公室_2026-11-20.docx"
        );
        let mut round = fixture::round();
        assert_eq!(
            default_file_name(&round, Format::Xlsx),
            "2026年11月自查_2026-11-18.xlsx"
        );
        round.scope = Scope::Sessions;
        assert_eq!(
            default_file_name(&round, Format::Csv),
            "2026年11月自查_办公室等3个_2026-11-18.csv"
        );
    }
}
