//! WordprocessingML for the document body, written by hand so that every property
//! element comes in the order the OOXML schema requires (ISO/IEC 29500-1 §17):
//! Word silently drops run properties out of order, and with them 宋体 and 黑体.
//! Each writer below emits its children in schema order by construction; the
//! `docx` tests check the whole document against the schema's sequences.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::super::rows::clean;

/// Paragraph styles defined in `styles.xml` (see `package`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Normal,
    Title,
    Heading1,
    Heading2,
    TableText,
}

impl Style {
    pub fn id(self) -> &'static str {
        match self {
            Style::Normal => "Normal",
            Style::Title => "Title",
            Style::Heading1 => "Heading1",
            Style::Heading2 => "Heading2",
            Style::TableText => "TableText",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jc {
    Left,
    Center,
    Right,
}

impl Jc {
    fn value(self) -> &'static str {
        match self {
            Jc::Left => "left",
            Jc::Center => "center",
            Jc::Right => "right",
        }
    }
}

/// A run of text, bold or not (fonts and sizes come from the paragraph's style);
/// newlines become line breaks and tabs tabs.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    /// A line break before the text (a title's second line).
    pub break_before: bool,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    fn write(&self, out: &mut String) {
        out.push_str("<w:r>");
        // CT_RPr: rStyle, rFonts, b, bCs, i, …, sz, szCs, …, lang.
        if self.bold {
            out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
        }
        if self.break_before {
            out.push_str("<w:br/>");
        }
        let text = clean(&self.text);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    out.push_str("<w:tab/>");
                }
                write_text(out, piece);
            }
        }
        out.push_str("</w:r>");
    }
}

/// Text, with a hyphen between two digits (a date, a range) written as Word's
/// non-breaking hyphen, so that 2026-12-11 never breaks into 2026-/12-11.
fn write_text(out: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String| {
        if !run.is_empty() {
            let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(run));
            run.clear();
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c == '-' && between_digits {
            flush(out, &mut run);
            out.push_str("<w:noBreakHyphen/>");
        } else {
            run.push(c);
        }
    }
    flush(out, &mut run);
}

/// A paragraph: a style, direct paragraph properties and runs.
#[derive(Debug, Clone)]
pub struct Para {
    pub style: Style,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// Right indent in twentieths of a point (the 落款 stands off the margin).
    pub right_indent: Option<u32>,
    pub jc: Option<Jc>,
    pub runs: Vec<Run>,
}

impl Para {
    pub fn new(style: Style) -> Para {
        Para {
            style,
            keep_next: false,
            page_break_before: false,
            right_indent: None,
            jc: None,
            runs: Vec::new(),
        }
    }

    pub fn text(style: Style, text: impl Into<String>) -> Para {
        Para::new(style).run(Run::new(text))
    }

    pub fn run(mut self, run: Run) -> Para {
        self.runs.push(run);
        self
    }

    pub fn jc(mut self, jc: Jc) -> Para {
        self.jc = Some(jc);
        self
    }

    pub fn write(&self, out: &mut String) {
        // CT_PPr: pStyle, keepNext, keepLines, pageBreakBefore, …, ind, …, jc, …
        out.push_str("<w:p><w:pPr>");
        let _ = write!(out, "<w:pStyle w:val=\"{}\"/>", self.style.id());
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if let Some(right) = self.right_indent {
            let _ = write!(
                out,
                "<w:ind w:right=\"{right}\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
            );
        }
        if let Some(jc) = self.jc {
            let _ = write!(out, "<w:jc w:val=\"{}\"/>", jc.value());
        }
        out.push_str("</w:pPr>");
        for run in &self.runs {
            run.write(out);
        }
        out.push_str("</w:p>");
    }
}

/// One column of a table: its header, its cells' alignment, and its width in twips.
#[derive(Debug, Clone)]
pub struct TableColumn {
    pub header: String,
    pub jc: Jc,
    pub width: u32,
}

/// A table row: cells, or one cell spanning the table (a section's name).
pub enum TableRow {
    Cells(Vec<String>),
    Spanning(String),
}

/// Table text is 小五 (9 pt): a CJK character is 180 twips wide, a Latin one about half.
pub const CJK_TWIPS: u32 = 180;
/// A cell's left and right margins, in twips.
pub const CELL_MARGIN: u32 = 57;
/// What a cell needs beyond its text: both margins and a little air.
pub const CELL_PADDING: u32 = 2 * CELL_MARGIN + 80;

/// The twips `text`'s widest line takes in table text.
pub fn text_twips(text: &str) -> u32 {
    text.lines()
        .map(|line| line.width() as u32 * CJK_TWIPS / 2)
        .max()
        .unwrap_or(0)
}

/// A bordered table with a header row repeated on every page and rows that never
/// split across pages.
pub fn table(out: &mut String, columns: &[TableColumn], rows: &[TableRow]) {
    let total: u32 = columns.iter().map(|c| c.width).sum();
    // CT_TblPr: tblStyle, …, tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    let _ = write!(
        out,
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"{CELL_MARGIN}\" w:type=\"dxa\"/><w:right w:w=\"{CELL_MARGIN}\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for column in columns {
        let _ = write!(out, "<w:gridCol w:w=\"{}\"/>", column.width);
    }
    out.push_str("</w:tblGrid>");
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for column in columns {
        cell(
            out,
            column.width,
            None,
            Some("DDE6F0"),
            Jc::Center,
            true,
            &column.header,
        );
    }
    out.push_str("</w:tr>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        match row {
            TableRow::Cells(cells) => {
                for (column, text) in columns.iter().zip(cells) {
                    cell(out, column.width, None, None, column.jc, false, text);
                }
            }
            TableRow::Spanning(text) => {
                let span = columns.len();
                cell(out, total, Some(span), Some("F2F2F2"), Jc::Left, true, text);
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn cell(
    out: &mut String,
    width: u32,
    span: Option<usize>,
    fill: Option<&str>,
    jc: Jc,
    bold: bool,
    text: &str,
) {
    // CT_TcPr: cnfStyle, tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, textDirection, tcFitText, vAlign.
    let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if let Some(span) = span {
        let _ = write!(out, "<w:gridSpan w:val=\"{span}\"/>");
    }
    if let Some(fill) = fill {
        let _ = write!(
            out,
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
        );
    }
    out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
    let mut run = Run::new(text);
    run.bold = bold;
    Para::new(Style::TableText).jc(jc).run(run).write(out);
    out.push_str("</w:tc>");
}

/// Escapes text for XML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}
