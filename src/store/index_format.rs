//! The text of `index.ron`: a RON file whose entries are strings, one per line, each
//! a tab-separated record. Parsing general RON costs about 30 ms per megabyte, too
//! slow for a cache meant to start the app at once; these records parse in a few
//! milliseconds for 10,000 sessions, and the file stays valid RON that a person can read.
//!
//! Text fields escape `%`, tab, newline, carriage return, `"`, `\` and `,` as `%XX`,
//! so a record needs no RON escaping. Anything that does not parse exactly as written
//! makes the whole index count as missing, and it is rebuilt from the session files.

use chrono::{DateTime, NaiveDate};
use uuid::Uuid;

use super::index::{Content, Entry, Stamp, StoredProblem};
use crate::model::checklist::Scope;
use crate::model::head::{SessionHead, StoredFigures};
use crate::model::session::ChecklistRef;

const HEADER: &str = "// zicha index: summaries of sessions/*.ron, rebuilt whenever missing, damaged or out of date; safe to delete.\n(\n";

/// The whole file for `entries`.
pub fn encode(format: u32, program: &str, entries: &[Entry]) -> String {
    // Two halves on two threads, as in `decode`: a cold list writes every entry.
    let (first, second) = entries.split_at(entries.len() / 2);
    let (first, second) = std::thread::scope(|scope| {
        let later = scope.spawn(|| encode_lines(second));
        let earlier = encode_lines(first);
        let later = later
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (earlier, later)
    });
    let mut text = String::with_capacity(256 + first.len() + second.len());
    text.push_str(HEADER);
    text.push_str(&format!(
        "format: {format},\nprogram: \"{}\",\nentries: [\n",
        escape(program)
    ));
    text.push_str(&first);
    text.push_str(&second);
    text.push_str("],\n)\n");
    text
}

fn encode_lines(entries: &[Entry]) -> String {
    let mut text = String::with_capacity(entries.len() * 400);
    for entry in entries {
        text.push('"');
        encode_entry(entry, &mut text);
        text.push_str("\",\n");
    }
    text
}

/// The entries of `text`, if it is an index of this `format` and `program`.
pub fn decode(text: &str, format: u32, program: &str) -> Option<Vec<Entry>> {
    let rest = text.strip_prefix(HEADER)?;
    let rest = rest.strip_prefix(&format!(
        "format: {format},\nprogram: \"{}\",\nentries: [\n",
        escape(program)
    ))?;
    let body = rest.strip_suffix("],\n)\n")?;
    // Two halves on two threads: decoding is most of a warm `zicha list`.
    let middle = body.len() / 2;
    let split = body.as_bytes()[middle..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(body.len(), |at| middle + at + 1);
    let (first, second) = body.split_at(split);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| decode_lines(second));
        (decode_lines(first), second.join().ok().flatten())
    });
    let mut entries = first?;
    entries.extend(second?);
    Some(entries)
}

fn decode_lines(lines: &str) -> Option<Vec<Entry>> {
    let mut entries = Vec::with_capacity(lines.bytes().filter(|&b| b == b'\n').count());
    for line in lines.lines() {
        let record = line.strip_prefix('"')?.strip_suffix("\",")?;
        if record.contains(['"', '\\']) {
            return None;
        }
        entries.push(decode_entry(record)?);
    }
    Some(entries)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '\t' | '\n' | '\r' | '"' | '\\' | ',' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3)?;
        out.push(char::from(u8::from_str_radix(code, 16).ok()?));
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Some(out)
}

fn flag(value: bool) -> &'static str {
    if value { "1" } else { "0" }
}

fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

fn time_text((secs, nanos): (i64, u32)) -> String {
    format!("{secs}.{nanos}")
}

fn parse_time(text: &str) -> Option<(i64, u32)> {
    let (secs, nanos) = text.split_once('.')?;
    Some((secs.parse().ok()?, nanos.parse().ok()?))
}

fn figures_text(StoredFigures(a, b, c, d, e, f, g, h, i, j): StoredFigures) -> String {
    format!("{a},{b},{c},{d},{e},{f},{g},{h},{i},{j}")
}

fn parse_figures(text: &str) -> Option<StoredFigures> {
    fn next<T: std::str::FromStr>(parts: &mut std::str::Split<'_, char>) -> Option<T> {
        parts.next()?.parse().ok()
    }
    let mut parts = text.split(',');
    let p = &mut parts;
    let figures = StoredFigures(
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
        next(p)?,
    );
    parts.next().is_none().then_some(figures)
}

fn optional_text(value: Option<&str>) -> String {
    value.map_or_else(String::new, |text| format!("+{}", escape(text)))
}

/// Item positions as a bitmap in hex, lowest position first: 60 items take 15 digits.
fn positions_text(positions: &[u32]) -> String {
    let Some(&last) = positions.iter().max() else {
        return String::new();
    };
    let mut nibbles = vec![0u8; last as usize / 4 + 1];
    for &position in positions {
        nibbles[position as usize / 4] |= 1 << (position % 4);
    }
    nibbles
        .iter()
        .map(|nibble| char::from_digit(u32::from(*nibble), 16).unwrap_or('0'))
        .collect()
}

fn parse_positions(text: &str) -> Option<Vec<u32>> {
    let mut positions = Vec::new();
    for (index, digit) in text.chars().enumerate() {
        let nibble = digit.to_digit(16)?;
        for bit in 0..4 {
            if nibble & (1 << bit) != 0 {
                positions.push(u32::try_from(index).ok()? * 4 + bit);
            }
        }
    }
    Some(positions)
}

fn parse_optional_text(text: &str) -> Option<Option<String>> {
    if text.is_empty() {
        Some(None)
    } else {
        Some(Some(unescape(text.strip_prefix('+')?)?))
    }
}

fn encode_entry(entry: &Entry, out: &mut String) {
    let stamp = &entry.stamp;
    let mut fields: Vec<String> = vec![
        entry.id.to_string(),
        stamp.size.to_string(),
        time_text(stamp.modified),
        time_text(stamp.changed),
        stamp.inode.to_string(),
        flag(entry.settled).to_string(),
    ];
    match &entry.content {
        Content::Session(head) => {
            fields.push("S".into());
            fields.extend([
                escape(&head.round),
                head.date.to_string(),
                escape(&head.department),
                escape(&head.inspector),
                escape(&head.checklist.id),
                head.checklist.version.to_string(),
                escape(&head.checklist.hash),
                escape(&head.checklist_title),
                head.created.to_rfc3339(),
                head.seq.to_string(),
                flag(head.finished).to_string(),
                figures_text(head.figures),
                head.veto
                    .iter()
                    .map(|code| escape(code))
                    .collect::<Vec<_>>()
                    .join(","),
                flag(head.disqualified).to_string(),
                optional_text(head.grade.as_deref()),
                head.problems.to_string(),
                head.open_rectifications.to_string(),
                head.rectifications.to_string(),
                head.sections
                    .iter()
                    .map(|figures| figures_text(*figures))
                    .collect::<Vec<_>>()
                    .join(";"),
                head.scope.as_str().to_string(),
                optional_text(head.provisional_grade.as_deref()),
                head.open_codes
                    .iter()
                    .map(|code| escape(code))
                    .collect::<Vec<_>>()
                    .join(","),
                positions_text(&head.passed),
            ]);
        }
        Content::Unreadable(StoredProblem(file, place, message)) => {
            fields.push("U".into());
            fields.extend([
                escape(file),
                place.map_or_else(String::new, |(line, column)| format!("{line}:{column}")),
                escape(message),
            ]);
        }
    }
    out.push_str(&fields.join("\t"));
}

fn decode_entry(record: &str) -> Option<Entry> {
    let mut buffer = [""; 32];
    let mut count = 0;
    for field in record.split('\t') {
        *buffer.get_mut(count)? = field;
        count += 1;
    }
    let (head, rest) = buffer[..count].split_at_checked(7)?;
    let id = Uuid::parse_str(head[0]).ok()?;
    let stamp = Stamp {
        size: head[1].parse().ok()?,
        modified: parse_time(head[2])?,
        changed: parse_time(head[3])?,
        inode: head[4].parse().ok()?,
    };
    let settled = parse_flag(head[5])?;
    let content = match (head[6], rest) {
        ("S", fields) => Content::Session(Box::new(decode_head(id, fields)?)),
        ("U", [file, place, message]) => {
            let place = match place.split_once(':') {
                Some((line, column)) => Some((line.parse().ok()?, column.parse().ok()?)),
                None if place.is_empty() => None,
                None => return None,
            };
            Content::Unreadable(StoredProblem(unescape(file)?, place, unescape(message)?))
        }
        _ => return None,
    };
    Some(Entry {
        id,
        stamp,
        settled,
        content,
    })
}

fn decode_head(id: Uuid, fields: &[&str]) -> Option<SessionHead> {
    let [
        round,
        date,
        department,
        inspector,
        checklist_id,
        version,
        hash,
        title,
        created,
        seq,
        finished,
        figures,
        veto,
        disqualified,
        grade,
        problems,
        open_rectifications,
        rectifications,
        sections,
        scope,
        provisional_grade,
        open_codes,
        passed,
    ] = fields
    else {
        return None;
    };
    Some(SessionHead {
        id,
        round: unescape(round)?,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?,
        department: unescape(department)?,
        scope: match *scope {
            "department" => Scope::Department,
            "unit" => Scope::Unit,
            _ => return None,
        },
        inspector: unescape(inspector)?,
        checklist: ChecklistRef {
            id: unescape(checklist_id)?,
            version: version.parse().ok()?,
            hash: unescape(hash)?,
        },
        checklist_title: unescape(title)?,
        created: DateTime::parse_from_rfc3339(created).ok()?,
        seq: seq.parse().ok()?,
        finished: parse_flag(finished)?,
        figures: parse_figures(figures)?,
        veto: if veto.is_empty() {
            Vec::new()
        } else {
            veto.split(',').map(unescape).collect::<Option<_>>()?
        },
        disqualified: parse_flag(disqualified)?,
        grade: parse_optional_text(grade)?,
        provisional_grade: parse_optional_text(provisional_grade)?,
        problems: problems.parse().ok()?,
        open_rectifications: open_rectifications.parse().ok()?,
        rectifications: rectifications.parse().ok()?,
        open_codes: if open_codes.is_empty() {
            Vec::new()
        } else {
            open_codes.split(',').map(unescape).collect::<Option<_>>()?
        },
        passed: parse_positions(passed)?,
        sections: if sections.is_empty() {
            Vec::new()
        } else {
            sections
                .split(';')
                .map(parse_figures)
                .collect::<Option<_>>()?
        },
    })
}

#[cfg(test)]
#[path = "index_format_tests.rs"]
mod tests;
