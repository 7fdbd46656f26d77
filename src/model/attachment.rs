//! Photos and documents attached to an item as evidence (佐证材料, DESIGN §12).
//! The content lives in `<data>/attachments/<sha256>.<ext>`; a response records
//! what the file was and where to find it.

use serde::{Deserialize, Serialize};

/// What an attached file is, from its name or, lacking a known extension, its
/// first bytes. It decides the stored file's extension and whether exports try to
/// show it as a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Jpeg,
    Png,
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 7] = [
        AttachmentKind::Jpeg,
        AttachmentKind::Png,
        AttachmentKind::Pdf,
        AttachmentKind::Doc,
        AttachmentKind::Docx,
        AttachmentKind::Xls,
        AttachmentKind::Xlsx,
    ];

    /// The extension of the stored copy.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Doc => "doc",
            AttachmentKind::Docx => "docx",
            AttachmentKind::Xls => "xls",
            AttachmentKind::Xlsx => "xlsx",
        }
    }

    pub fn is_photo(self) -> bool {
        matches!(self, AttachmentKind::Jpeg | AttachmentKind::Png)
    }

    /// The kind a file name says (case-insensitive extension).
    pub fn from_name(name: &str) -> Option<AttachmentKind> {
        let (_, extension) = name.rsplit_once('.')?;
        let extension = extension.to_ascii_lowercase();
        match extension.as_str() {
            "jpeg" | "jpe" => Some(AttachmentKind::Jpeg),
            _ => AttachmentKind::ALL
                .into_iter()
                .find(|kind| kind.extension() == extension),
        }
    }

    /// The kind the first bytes show, for files without a known extension.
    pub fn sniff(bytes: &[u8]) -> Option<AttachmentKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(AttachmentKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(AttachmentKind::Png)
        } else if bytes.starts_with(b"%PDF") {
            Some(AttachmentKind::Pdf)
        } else {
            None
        }
    }

    /// The kind of a file named `name` holding `bytes`; `None` for types not accepted.
    pub fn of(name: &str, bytes: &[u8]) -> Option<AttachmentKind> {
        AttachmentKind::from_name(name).or_else(|| AttachmentKind::sniff(bytes))
    }
}

/// One attached file, as a response records it (DESIGN §12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The original file name (no folder).
    pub file: String,
    /// SHA-256 of the content, lower-case hex: the stored copy's name.
    pub sha256: String,
    pub size: u64,
    pub kind: AttachmentKind,
    /// When it was taken, ISO 8601: a photo's EXIF DateTimeOriginal as written
    /// (with its offset when the photo records one), else the file's modification time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub taken: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
}

impl Attachment {
    /// "2026-11-18 09:30", the taken time as a person reads it (no seconds, no offset).
    pub fn taken_short(&self) -> String {
        self.taken
            .get(..16)
            .unwrap_or(&self.taken)
            .replacen('T', " ", 1)
    }

    /// The stored copy's file name in `attachments/`.
    pub fn stored_name(&self) -> String {
        stored_name(&self.sha256, self.kind)
    }
}

/// `<sha256>.<ext>`; only a 64-digit lower-case hex hash makes a name (the hash
/// comes from a session file, which is untrusted).
pub fn stored_name(sha256: &str, kind: AttachmentKind) -> String {
    format!("{sha256}.{}", kind.extension())
}

pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Sets the `index`-th (0-based) attachment's caption (trimmed; empty clears it);
/// false when there is no such attachment.
pub fn set_caption(list: &mut [Attachment], index: usize, caption: &str) -> bool {
    match list.get_mut(index) {
        Some(attachment) => {
            attachment.caption = caption.trim().to_string();
            true
        }
        None => false,
    }
}

/// Removes the `index`-th (0-based) attachment; `None` when there is none.
pub fn detach(list: &mut Vec<Attachment>, index: usize) -> Option<Attachment> {
    (index < list.len()).then(|| list.remove(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_name_then_the_content() {
        assert_eq!(
            AttachmentKind::of("IMG_1.JPG", b""),
            Some(AttachmentKind::Jpeg)
        );
        assert_eq!(
            AttachmentKind::of("a.jpeg", b""),
            Some(AttachmentKind::Jpeg)
        );
        assert_eq!(
            AttachmentKind::of("方案.docx", b"PK"),
            Some(AttachmentKind::Docx)
        );
        assert_eq!(
            AttachmentKind::of("photo", b"\x89PNG\r\n\x1a\nrest"),
            Some(AttachmentKind::Png)
        );
        assert_eq!(AttachmentKind::of("notes.txt", b"hello"), None);
        assert_eq!(
            AttachmentKind::of("x.exe", b"\xFF\xD8\xFF"),
            Some(AttachmentKind::Jpeg)
        );
    }

    #[test]
    fn only_real_hashes_name_files() {
        assert!(is_sha256(&"ab".repeat(32)));
        assert!(!is_sha256(&"AB".repeat(32)));
        assert!(!is_sha256("../../etc/passwd"));
    }
}
