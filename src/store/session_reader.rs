//! The pieces of [`super::session_fast`]: a cursor over session text in exactly the
//! layout `session_file::encode` writes (four-space indents, one value a line, a comma
//! after every value). Every reader returns `None` on anything else, and the caller
//! then hands the whole file to the RON decoder. Whatever a reader accepts, it must
//! read as `ron` and `serde` read it (escapes, numbers, implicit `Some`), or give up.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use uuid::Uuid;

pub(super) struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// Nesting depth: lines inside are indented by four spaces per level.
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    pub fn at_end(&self) -> bool {
        self.at == self.text.len()
    }

    /// Consumes `literal` when the text continues with it.
    pub fn eat(&mut self, literal: &str) -> bool {
        let found = self.rest().starts_with(literal.as_bytes());
        if found {
            self.at += literal.len();
        }
        found
    }

    pub fn expect(&mut self, literal: &str) -> Option<()> {
        self.eat(literal).then_some(())
    }

    /// What follows a line break and this depth's indent, when the text continues so.
    fn after_indent(&self) -> Option<&'a [u8]> {
        let indent = 4 * self.depth;
        let rest = self.rest();
        let spaces = rest.get(1..=indent)?;
        (rest.first() == Some(&b'\n') && spaces.iter().all(|&b| b == b' '))
            .then(|| rest.get(indent + 1..))
            .flatten()
    }

    /// Consumes a line break and this depth's indent followed by `then`, all or nothing.
    fn line_then(&mut self, then: &str) -> bool {
        let found = self
            .after_indent()
            .is_some_and(|tail| tail.starts_with(then.as_bytes()));
        if found {
            self.at += 1 + 4 * self.depth + then.len();
        }
        found
    }

    /// Consumes a line break and this depth's indent when a value follows (not more
    /// spaces, not the end).
    fn item_line(&mut self) -> bool {
        let found = self
            .after_indent()
            .is_some_and(|tail| !matches!(tail.first(), Some(b' ' | b'\n') | None));
        if found {
            self.at += 1 + 4 * self.depth;
        }
        found
    }

    /// `Name(`: opens a struct (or a struct variant) one level deeper.
    pub fn open(&mut self, name: &str) -> Option<()> {
        self.expect(name)?;
        self.expect("(")?;
        self.depth += 1;
        Some(())
    }

    /// The line that closes what [`Reader::open`] or a list or a map opened.
    pub fn close(&mut self, closer: &str) -> Option<()> {
        self.depth = self.depth.checked_sub(1)?;
        self.line_then(closer).then_some(())
    }

    /// `name: value,` on the next line, required.
    pub fn field<T>(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        self.maybe_field(name, value)?
    }

    /// `name: value,` on the next line, or the default (serde's `default`) when the
    /// next line is another field.
    pub fn defaulted<T: Default>(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        Some(self.maybe_field(name, value)?.unwrap_or_default())
    }

    /// `Some(Some(value))` when the field is there and reads, `Some(None)` when the
    /// next line is not this field, `None` when it is there but does not read.
    fn maybe_field<T>(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        // The colon first: it rules out most other fields without comparing names.
        let here = self.after_indent().is_some_and(|tail| {
            tail.get(name.len()..name.len() + 2) == Some(b": ") && tail.starts_with(name.as_bytes())
        });
        if !here {
            return Some(None);
        }
        self.at += 1 + 4 * self.depth + name.len() + 2;
        let read = value(self)?;
        self.expect(",")?;
        Some(Some(read))
    }

    /// `[]`, or `[` then one item a line, each followed by a comma, then `]`.
    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect("[")?;
        let mut items = Vec::new();
        if self.eat("]") {
            return Some(items);
        }
        self.depth += 1;
        while self.item_line() {
            items.push(item(self)?);
            self.expect(",")?;
        }
        self.close("]")?;
        Some(items)
    }

    /// `{}`, or `{` then one `key: value,` a line, keys strictly ascending (as a
    /// `BTreeMap` writes them, so never a repeated key), then `}`.
    pub fn map<K: Ord, V>(
        &mut self,
        mut key: impl FnMut(&mut Self) -> Option<K>,
        mut value: impl FnMut(&mut Self) -> Option<V>,
    ) -> Option<std::collections::BTreeMap<K, V>> {
        self.expect("{")?;
        let mut map = std::collections::BTreeMap::new();
        if self.eat("}") {
            return Some(map);
        }
        self.depth += 1;
        while self.item_line() {
            let read = key(self)?;
            if map.last_key_value().is_some_and(|(last, _)| *last >= read) {
                return None;
            }
            self.expect(": ")?;
            let read_value = value(self)?;
            self.expect(",")?;
            map.insert(read, read_value);
        }
        self.close("}")?;
        Some(map)
    }

    /// An `Option` with RON's implicit `Some`: `None`, or the value itself.
    pub fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.eat("None") {
            return Some(None);
        }
        if self.rest().starts_with(b"Some") {
            return None;
        }
        value(self).map(Some)
    }

    /// A bare identifier (an enum's unit variant, `true`, `false`).
    pub fn word(&mut self) -> &'a str {
        let length = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        let word = self.text.get(self.at..self.at + length).unwrap_or_default();
        self.at += length;
        word
    }

    pub fn boolean(&mut self) -> Option<bool> {
        match self.word() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// A decimal integer as written: no sign, no leading zero, no `_`, no suffix.
    pub fn unsigned<T: TryFrom<u64>>(&mut self) -> Option<T> {
        let digits = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = self.text.get(self.at..self.at + digits)?;
        if digits == 0 || (digits > 1 && text.starts_with('0')) {
            return None;
        }
        let value: u64 = text.parse().ok()?;
        self.at += digits;
        T::try_from(value).ok()
    }

    /// A float as `{:?}` writes a finite one (`86.0`, `1e-7`, `-0.5`); parsed by
    /// `f64::from_str` as RON does. `inf`, `NaN` and anything else give up.
    pub fn float(&mut self) -> Option<f64> {
        let rest = self.rest();
        let mut length = usize::from(rest.first() == Some(&b'-'));
        let digits = |from: usize| {
            rest.iter()
                .skip(from)
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let whole = digits(length);
        if whole == 0 {
            return None;
        }
        length += whole;
        let mut marked = false;
        if rest.get(length) == Some(&b'.') {
            let fraction = digits(length + 1);
            if fraction == 0 {
                return None;
            }
            length += 1 + fraction;
            marked = true;
        }
        if rest.get(length) == Some(&b'e') {
            length += 1 + usize::from(rest.get(length + 1) == Some(&b'-'));
            let exponent = digits(length);
            if exponent == 0 {
                return None;
            }
            length += exponent;
            marked = true;
        }
        if !marked || !matches!(rest.get(length), Some(b',' | b')')) {
            return None;
        }
        let value = self.text.get(self.at..self.at + length)?.parse().ok()?;
        self.at += length;
        Some(value)
    }

    /// A string in double quotes with the escapes RON reads; a line continuation
    /// (backslash, line break) and `\x` escapes give up.
    pub fn string(&mut self) -> Option<String> {
        self.text_value().map(Cow::into_owned)
    }

    /// [`Reader::string`], borrowed from the text when it has no escapes.
    fn text_value(&mut self) -> Option<Cow<'a, str>> {
        self.expect("\"")?;
        let rest = self.text.get(self.at..)?;
        let stop = |from: usize| {
            rest.as_bytes()
                .iter()
                .skip(from)
                .position(|&b| b == b'"' || b == b'\\')
                .map(|n| from + n)
        };
        let mut end = stop(0)?;
        if rest.as_bytes().get(end) == Some(&b'"') {
            self.at += end + 1;
            return rest.get(..end).map(Cow::Borrowed);
        }
        let mut out = String::new();
        let mut from = 0;
        while rest.as_bytes().get(end) == Some(&b'\\') {
            out.push_str(rest.get(from..end)?);
            let (unescaped, length) = escape(rest.get(end + 1..)?)?;
            out.push(unescaped);
            from = end + 1 + length;
            end = stop(from)?;
        }
        out.push_str(rest.get(from..end)?);
        self.at += end + 1;
        Some(Cow::Owned(out))
    }

    pub fn uuid(&mut self) -> Option<Uuid> {
        Uuid::parse_str(&self.text_value()?).ok()
    }

    /// A date; chrono reads what the quick reader does not.
    pub fn date(&mut self) -> Option<NaiveDate> {
        let text = self.text_value()?;
        read_date(text.as_bytes()).or_else(|| text.parse().ok())
    }

    /// A timestamp; chrono reads what the quick reader does not.
    pub fn time(&mut self) -> Option<DateTime<FixedOffset>> {
        let text = self.text_value()?;
        read_time(text.as_bytes()).or_else(|| text.parse().ok())
    }
}

/// The character an escape (after its backslash) stands for, and the escape's length.
fn escape(text: &str) -> Option<(char, usize)> {
    let simple = match text.as_bytes().first()? {
        b'\'' => '\'',
        b'"' => '"',
        b'\\' => '\\',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'0' => '\0',
        b'u' => {
            let digits = text.strip_prefix("u{")?;
            let length = digits.bytes().take_while(u8::is_ascii_hexdigit).count();
            if length == 0 || length > 6 || digits.as_bytes().get(length) != Some(&b'}') {
                return None;
            }
            let code = u32::from_str_radix(digits.get(..length)?, 16).ok()?;
            return Some((char::from_u32(code)?, length + 3));
        }
        _ => return None,
    };
    Some((simple, 1))
}

fn two_digits(bytes: &[u8], at: usize) -> Option<u32> {
    match bytes.get(at..at + 2)? {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            Some(u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD`, as chrono writes a `NaiveDate` of years 0–9999.
fn read_date(bytes: &[u8]) -> Option<NaiveDate> {
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year = two_digits(bytes, 0)? * 100 + two_digits(bytes, 2)?;
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        two_digits(bytes, 5)?,
        two_digits(bytes, 8)?,
    )
}

/// `YYYY-MM-DDTHH:MM:SS+HH:MM`, as chrono writes a whole-second `DateTime<FixedOffset>`.
fn read_time(bytes: &[u8]) -> Option<DateTime<FixedOffset>> {
    if bytes.len() != 25 || bytes.get(10) != Some(&b'T') {
        return None;
    }
    let date = read_date(bytes.get(..10)?)?;
    if bytes.get(13) != Some(&b':') || bytes.get(16) != Some(&b':') || bytes.get(22) != Some(&b':')
    {
        return None;
    }
    let time = NaiveTime::from_hms_opt(
        two_digits(bytes, 11)?,
        two_digits(bytes, 14)?,
        two_digits(bytes, 17)?,
    )?;
    let sign = match bytes.get(19)? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (hours, minutes) = (two_digits(bytes, 20)?, two_digits(bytes, 23)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    let offset = FixedOffset::east_opt(sign * seconds)?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

#[cfg(test)]
#[path = "session_reader_tests.rs"]
mod tests;
