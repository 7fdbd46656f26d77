//! When a photo was taken: its EXIF DateTimeOriginal as written (with
//! OffsetTimeOriginal when recorded), else the file's modification time (DESIGN §12).

use std::io::Cursor;
use std::time::SystemTime;

use exif::{In, Tag, Value};

/// The taken time of a file with `bytes`, modified at `modified`; ISO 8601, or
/// empty when neither is known.
pub fn taken(bytes: &[u8], modified: Option<SystemTime>) -> String {
    exif_taken(bytes).unwrap_or_else(|| {
        modified
            .map(|time| {
                chrono::DateTime::<chrono::Local>::from(time)
                    .format("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string()
            })
            .unwrap_or_default()
    })
}

/// DateTimeOriginal as `YYYY-MM-DDTHH:MM:SS[+HH:MM]`; `None` without EXIF or with a
/// value that is not a time.
pub fn exif_taken(bytes: &[u8]) -> Option<String> {
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()?;
    let ascii = |tag| match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(parts) => parts.first().cloned(),
        _ => None,
    };
    let time = exif::DateTime::from_ascii(&ascii(Tag::DateTimeOriginal)?).ok()?;
    let valid = chrono::NaiveDate::from_ymd_opt(
        i32::from(time.year),
        u32::from(time.month),
        u32::from(time.day),
    )
    .and_then(|date| {
        date.and_hms_opt(
            u32::from(time.hour),
            u32::from(time.minute),
            u32::from(time.second),
        )
    })?;
    let mut text = valid.format("%Y-%m-%dT%H:%M:%S").to_string();
    if let Some(offset) = ascii(Tag::OffsetTimeOriginal).and_then(|raw| offset_text(&raw)) {
        text.push_str(&offset);
    }
    Some(text)
}

/// `+08:00` as EXIF writes it; anything else is ignored.
fn offset_text(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?.trim_end_matches('\0').trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 6
        && matches!(bytes[0], b'+' | b'-')
        && bytes[3] == b':'
        && [1, 2, 4, 5].iter().all(|&i| bytes[i].is_ascii_digit());
    shaped.then(|| text.to_string())
}

/// A minimal JPEG whose EXIF says it was taken at `time` (`YYYY:MM:DD HH:MM:SS`),
/// with `offset` (`+08:00`) when given; for tests and benchmarks.
pub fn jpeg_with_exif_date(time: &str, offset: Option<&str>) -> Vec<u8> {
    // Big-endian TIFF: IFD0 with one entry (ExifIFD pointer), then the Exif IFD.
    let mut entries: Vec<(u16, Vec<u8>)> = vec![(0x9003, nul_terminated(time))];
    if let Some(offset) = offset {
        entries.push((0x9011, nul_terminated(offset)));
    }
    let exif_ifd_at = 8 + 2 + 12 + 4;
    let exif_ifd_len = 2 + 12 * entries.len() + 4;
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend(1u16.to_be_bytes());
    tiff.extend(0x8769u16.to_be_bytes());
    tiff.extend(4u16.to_be_bytes());
    tiff.extend(1u32.to_be_bytes());
    tiff.extend((exif_ifd_at as u32).to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    tiff.extend((entries.len() as u16).to_be_bytes());
    let mut data_at = exif_ifd_at + exif_ifd_len;
    let mut data: Vec<u8> = Vec::new();
    for (tag, value) in &entries {
        tiff.extend(tag.to_be_bytes());
        tiff.extend(2u16.to_be_bytes());
        tiff.extend((value.len() as u32).to_be_bytes());
        tiff.extend((data_at as u32).to_be_bytes());
        data.extend(value);
        data_at += value.len();
    }
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(data);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
    jpeg.extend(((app1.len() + 2) as u16).to_be_bytes());
    jpeg.extend(app1);
    jpeg.extend([0xFF, 0xD9]);
    jpeg
}

fn nul_terminated(text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exif_date_with_and_without_offset() {
        let plain = jpeg_with_exif_date("2026:11:18 09:30:00", None);
        assert_eq!(exif_taken(&plain).as_deref(), Some("2026-11-18T09:30:00"));
        let zoned = jpeg_with_exif_date("2026:11:18 09:30:00", Some("+08:00"));
        assert_eq!(
            exif_taken(&zoned).as_deref(),
            Some("2026-11-18T09:30:00+08:00")
        );
        let impossible = jpeg_with_exif_date("2026:13:40 09:30:00", None);
        assert_eq!(exif_taken(&impossible), None);
    }

    #[test]
    fn without_exif_the_modification_time_is_used() {
        assert_eq!(exif_taken(b"\xFF\xD8\xFF\xD9"), None);
        let time = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000);
        let text = taken(b"not a photo", Some(time));
        let parsed = chrono::DateTime::parse_from_rfc3339(&text).unwrap();
        assert_eq!(parsed.timestamp(), 1_795_000_000, "{text}");
        assert_eq!(taken(b"", None), "");
    }
}
