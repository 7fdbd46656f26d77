//! A first look at a zip's central directory before the zip library reads it: the
//! number of entries and the directory's size are checked against limits (the library
//! holds the whole directory in memory), and names that occur more than once are
//! found (the library keeps only one of them, silently).

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};

const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_EOCD: u32 = 0x0606_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const EOCD_LEN: usize = 22;
const MAX_COMMENT: usize = 0xFFFF;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZipDirectory {
    pub entries: u64,
    /// Names held by more than one entry, with how many.
    pub duplicates: BTreeMap<String, usize>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// Reads the end records and walks the central directory, within the limits.
pub fn scan(file: &mut File, max_entries: u64, max_directory: u64) -> Result<ZipDirectory, String> {
    let io = |e: std::io::Error| e.to_string();
    let len = file.metadata().map_err(io)?.len();
    let tail_len = len.min((EOCD_LEN + MAX_COMMENT) as u64);
    file.seek(SeekFrom::Start(len - tail_len)).map_err(io)?;
    let mut tail = vec![0; usize::try_from(tail_len).unwrap_or(0)];
    file.read_exact(&mut tail).map_err(io)?;
    let at = (0..=tail.len().saturating_sub(EOCD_LEN))
        .rev()
        .find(|&at| u32_at(&tail, at) == Some(EOCD))
        .ok_or("no end of central directory; not a zip file")?;
    let eocd_offset = len - tail_len + at as u64;
    let field = |offset| u16_at(&tail, at + offset).ok_or("truncated end record");
    let mut entries = u64::from(field(10)?);
    let mut size = u64::from(u32_at(&tail, at + 12).ok_or("truncated end record")?);
    let mut start = u64::from(u32_at(&tail, at + 16).ok_or("truncated end record")?);
    if entries == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
        (entries, size, start) = zip64_end(file, eocd_offset)?;
    }
    if entries > max_entries {
        return Err(format!("more than {max_entries} entries"));
    }
    if size > max_directory {
        return Err(format!(
            "its list of entries is larger than {} MiB",
            max_directory >> 20
        ));
    }
    // Data before the zip (a self-extracting stub) shifts every offset; the directory
    // ends where the end record starts.
    let shifted = eocd_offset
        .checked_sub(size)
        .ok_or("bad central directory size")?;
    let start = if start == shifted { start } else { shifted };
    file.seek(SeekFrom::Start(start)).map_err(io)?;
    let mut reader = BufReader::new(Read::take(&mut *file, size));
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut header = [0u8; 46];
    for _ in 0..entries {
        reader
            .read_exact(&mut header)
            .map_err(|_| "truncated central directory")?;
        if u32_at(&header, 0) != Some(CENTRAL_HEADER) {
            return Err("damaged central directory".into());
        }
        let name_len = usize::from(u16_at(&header, 28).unwrap_or(0));
        let skip = u64::from(u16_at(&header, 30).unwrap_or(0))
            + u64::from(u16_at(&header, 32).unwrap_or(0));
        let mut name = vec![0; name_len];
        reader
            .read_exact(&mut name)
            .map_err(|_| "truncated central directory")?;
        std::io::copy(&mut Read::take(&mut reader, skip), &mut std::io::sink()).map_err(io)?;
        *counts
            .entry(String::from_utf8_lossy(&name).into_owned())
            .or_default() += 1;
    }
    Ok(ZipDirectory {
        entries,
        duplicates: counts.into_iter().filter(|(_, n)| *n > 1).collect(),
    })
}

/// Entries, directory size and directory start from the zip64 end record.
fn zip64_end(file: &mut File, eocd_offset: u64) -> Result<(u64, u64, u64), String> {
    let io = |e: std::io::Error| e.to_string();
    let locator_at = eocd_offset.checked_sub(20).ok_or("no zip64 end locator")?;
    let mut locator = [0u8; 20];
    file.seek(SeekFrom::Start(locator_at)).map_err(io)?;
    file.read_exact(&mut locator).map_err(io)?;
    if u32_at(&locator, 0) != Some(ZIP64_LOCATOR) {
        return Err("no zip64 end locator".into());
    }
    let record_at = u64_at(&locator, 8).ok_or("bad zip64 locator")?;
    let mut record = [0u8; 56];
    file.seek(SeekFrom::Start(record_at)).map_err(io)?;
    file.read_exact(&mut record).map_err(io)?;
    if u32_at(&record, 0) != Some(ZIP64_EOCD) {
        return Err("bad zip64 end record".into());
    }
    let get = |at| u64_at(&record, at).ok_or_else(|| "bad zip64 end record".to_string());
    Ok((get(32)?, get(40)?, get(48)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_with(names: &[&str]) -> File {
        let mut file = tempfile::tempfile().unwrap();
        let mut writer = zip::ZipWriter::new(&mut file);
        for name in names {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .unwrap();
            writer.write_all(name.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        file
    }

    #[test]
    fn counts_entries_and_limits() {
        let mut file = zip_with(&["a", "b", "c"]);
        let found = scan(&mut file, 10, 1 << 20).unwrap();
        assert_eq!(found.entries, 3);
        assert!(found.duplicates.is_empty());
        assert!(
            scan(&mut file, 2, 1 << 20)
                .unwrap_err()
                .contains("more than 2")
        );
        assert!(scan(&mut file, 10, 10).is_err());
        let mut junk = tempfile::tempfile().unwrap();
        junk.write_all(b"not a zip at all").unwrap();
        assert!(scan(&mut junk, 10, 1 << 20).is_err());
    }
}
