//! Downscaled copies of photos for documents (DESIGN §12): at most
//! [`PREVIEW_LONG_SIDE`] pixels on the long side, JPEG, cached in
//! `attachments/thumbs/<sha256>.jpg` when a photo is attached, so that a report with
//! hundreds of photos never decodes a full-size one. A photo that does not decode
//! has no preview; documents list it by name.

use std::io::Cursor;
use std::path::PathBuf;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, ImageReader, Limits};

use super::super::Store;
use super::super::atomic::{AtomicError, Expect, write_atomic};
use super::super::safe_fs;
use crate::model::attachment::{Attachment, AttachmentKind, is_sha256};

/// The long side of a preview, in pixels.
pub const PREVIEW_LONG_SIDE: u32 = 1200;
const QUALITY: u8 = 80;
/// The most a photo may unpack to while it is downscaled (a 12 MP photo is 36 MB).
const MAX_DECODED_BYTES: u64 = 256 << 20;

/// A downscaled photo: JPEG bytes and their size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The preview of a photo's bytes; `None` for a document or a photo that does not decode.
pub fn downscale(bytes: &[u8], kind: AttachmentKind) -> Option<Preview> {
    let format = match kind {
        AttachmentKind::Jpeg => ImageFormat::Jpeg,
        AttachmentKind::Png => ImageFormat::Png,
        _ => return None,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let image = reader.decode().ok()?;
    let image = if image.width().max(image.height()) > PREVIEW_LONG_SIDE {
        image.thumbnail(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE)
    } else {
        image
    };
    let rgb = image.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(&rgb)
        .ok()?;
    Some(Preview {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// A cached preview's bytes, checked to be a JPEG of at most the preview size.
fn checked(jpeg: Vec<u8>) -> Option<Preview> {
    let (width, height) = ImageReader::with_format(Cursor::new(&jpeg), ImageFormat::Jpeg)
        .into_dimensions()
        .ok()?;
    (width.max(height) <= PREVIEW_LONG_SIDE && width > 0 && height > 0).then_some(Preview {
        jpeg,
        width,
        height,
    })
}

impl Store {
    pub fn thumbs_dir(&self) -> PathBuf {
        self.attachments_dir().join("thumbs")
    }

    fn preview_path(&self, attachment: &Attachment) -> Option<PathBuf> {
        (attachment.kind.is_photo() && is_sha256(&attachment.sha256))
            .then(|| self.thumbs_dir().join(format!("{}.jpg", attachment.sha256)))
    }

    /// Makes and caches the preview of a photo just attached; returns the path when
    /// this call wrote it. A cache: a failure leaves it to be made when needed.
    pub fn cache_preview(&self, attachment: &Attachment, bytes: &[u8]) -> Option<PathBuf> {
        let path = self.preview_path(attachment)?;
        if path.exists() {
            return None;
        }
        let preview = downscale(bytes, attachment.kind)?;
        self.write_preview(&path, &preview).then_some(path)
    }

    fn write_preview(&self, path: &std::path::Path, preview: &Preview) -> bool {
        let dir = self.thumbs_dir();
        if std::fs::create_dir_all(&dir).is_err() || safe_fs::real_folder(&dir).is_err() {
            return false;
        }
        match write_atomic(self.file_ops(), path, &preview.jpeg, Expect::Absent) {
            Ok(()) => true,
            Err(AtomicError::Io { renamed: true, .. }) => {
                let _ = self.file_ops().remove_file(path);
                false
            }
            Err(_) => false,
        }
    }

    /// The preview of a photo attachment: the cached one, else made from the stored
    /// photo (and cached); `None` for documents and photos that do not decode.
    pub fn preview(&self, attachment: &Attachment) -> Option<Preview> {
        let path = self.preview_path(attachment)?;
        if let Ok(jpeg) = safe_fs::read_capped_nofollow(&path, safe_fs::MAX_ATTACHMENT_BYTES)
            && let Some(preview) = checked(jpeg)
        {
            return Some(preview);
        }
        let bytes = self.read_attachment(attachment).ok()?;
        let preview = downscale(&bytes, attachment.kind)?;
        if !path.exists() {
            self.write_preview(&path, &preview);
        }
        Some(preview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&image)
            .unwrap();
        out
    }

    #[test]
    fn photos_are_downscaled_to_the_long_side_and_small_ones_kept_in_size() {
        let big = downscale(&jpeg(3000, 2000), AttachmentKind::Jpeg).unwrap();
        assert_eq!((big.width, big.height), (1200, 800));
        assert!(big.jpeg.starts_with(&[0xFF, 0xD8]));
        let tall = downscale(&jpeg(600, 2400), AttachmentKind::Jpeg).unwrap();
        assert_eq!((tall.width, tall.height), (300, 1200));
        let small = downscale(&jpeg(200, 100), AttachmentKind::Jpeg).unwrap();
        assert_eq!((small.width, small.height), (200, 100));
        assert_eq!(downscale(b"not a photo", AttachmentKind::Jpeg), None);
        assert_eq!(downscale(&jpeg(10, 10), AttachmentKind::Pdf), None);
        assert!(checked(big.jpeg).is_some());
        assert!(checked(b"junk".to_vec()).is_none());
    }
}
