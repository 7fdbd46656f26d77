//! The 图片资料 part of html and docx reports: each item's attachments in checklist
//! order, photos shown downscaled with a caption line, the rest listed by name.

use super::report::{Photos, SessionReport};
use crate::i18n::report::ReportTexts;
use crate::model::attachment::Attachment;
use crate::store::attachments::preview::Preview;

/// One item's attachments.
pub struct ItemAttachments<'a> {
    pub code: &'a str,
    pub title: &'a str,
    /// Photos with their preview, in the order attached.
    pub shown: Vec<(&'a Attachment, &'a Preview)>,
    /// Documents and photos without a preview, by name.
    pub listed: Vec<&'a Attachment>,
}

/// The items of a session that have attachments, in checklist order.
pub fn by_item<'a>(one: &'a SessionReport, photos: &'a Photos) -> Vec<ItemAttachments<'a>> {
    one.checklist
        .items()
        .into_iter()
        .filter_map(|item| {
            let attachments = &one.session.response(&item.code)?.attachments;
            if attachments.is_empty() {
                return None;
            }
            let mut group = ItemAttachments {
                code: &item.code,
                title: &item.title,
                shown: Vec::new(),
                listed: Vec::new(),
            };
            for attachment in attachments {
                match photos.get(&attachment.sha256) {
                    Some(preview) if attachment.kind.is_photo() => {
                        group.shown.push((attachment, preview.as_ref()));
                    }
                    _ => group.listed.push(attachment),
                }
            }
            Some(group)
        })
        .collect()
}

/// 编号 条目 · 说明 · 拍摄时间
pub fn caption(group: &ItemAttachments<'_>, attachment: &Attachment, t: &ReportTexts) -> String {
    let caption = super::rows::clean_line(&attachment.caption);
    (t.photo_caption)(
        group.code,
        &super::rows::clean_line(group.title),
        caption.trim(),
        &attachment.taken_short(),
    )
}

/// A document listed by name: "方案.pdf · 说明".
pub fn listed_name(attachment: &Attachment) -> String {
    let file = super::rows::clean_line(&attachment.file);
    let caption = super::rows::clean_line(&attachment.caption);
    if caption.trim().is_empty() {
        file
    } else {
        format!("{file} · {}", caption.trim())
    }
}

/// Standard base64 (RFC 4648, with padding), for data URIs.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }
}
