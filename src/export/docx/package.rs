//! The parts around the document body: styles (Word's own heading styles, so the
//! navigation pane and a table of contents work), settings, the footer with its
//! PAGE field, the document properties, and the deflated zip that holds them.

use std::io::{Cursor, Write};

use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat, Timelike, Utc};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::xml::esc;
use crate::export::ExportError;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Fonts: Latin text in Times New Roman; Chinese as GB/T 9704 sets a 公文 —
/// title 宋体 (bold), level-1 headings 黑体, level-2 楷体, body 仿宋, tables 宋体.
pub const LATIN: &str = "Times New Roman";
pub const TITLE_FONT: &str = "宋体";
pub const HEADING1_FONT: &str = "黑体";
pub const HEADING2_FONT: &str = "楷体";
pub const BODY_FONT: &str = "仿宋";
pub const TABLE_FONT: &str = "宋体";

/// What `docProps/core.xml` says about the document.
pub struct Properties<'a> {
    pub title: &'a str,
    /// The inspector(s): creator and last modified by.
    pub creator: &'a str,
    pub now: DateTime<FixedOffset>,
    pub lang: &'a str,
}

/// Zips the parts with deflate: `document` is the body's `w:document`.
pub fn package(
    document: &str,
    footer: &str,
    media: &[super::pictures::Media<'_>],
    properties: &Properties<'_>,
) -> Result<Vec<u8>, ExportError> {
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(properties)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document.to_string()),
        ("word/_rels/document.xml.rels", document_rels(media)),
        ("word/styles.xml", styles(properties.lang)),
        ("word/settings.xml", settings(properties.lang)),
        ("word/fontTable.xml", font_table()),
        ("word/footer1.xml", footer.to_string()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    if let Some(at) = zip_time(properties.now) {
        options = options.last_modified_time(at);
    }
    for (name, text) in parts {
        zip.start_file(name, options).map_err(docx_error)?;
        zip.write_all(text.as_bytes()).map_err(docx_error)?;
    }
    // Pictures are JPEG already: stored, not deflated again.
    let stored = options.compression_method(CompressionMethod::Stored);
    for picture in media {
        zip.start_file(format!("word/media/{}", picture.name), stored)
            .map_err(docx_error)?;
        zip.write_all(picture.jpeg).map_err(docx_error)?;
    }
    let cursor = zip.finish().map_err(docx_error)?;
    Ok(cursor.into_inner())
}

/// The parts' time in the zip: when the document was made (local time, as zip keeps it).
fn zip_time(now: DateTime<FixedOffset>) -> Option<zip::DateTime> {
    let year = u16::try_from(now.year()).ok()?;
    zip::DateTime::from_date_and_time(
        year,
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .ok()
}

fn docx_error(error: impl std::fmt::Display) -> ExportError {
    ExportError::Docx(error.to_string())
}

/// The footer: "— 1 —", the page number a PAGE field keeps current.
pub fn footer() -> String {
    format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

/// A4 portrait with the margins of GB/T 9704 (3.7, 3.5, 2.8, 2.6 cm) and the footer.
pub const PAGE_WIDTH: u32 = 11_906;
pub const MARGIN_LEFT: u32 = 1_588;
pub const MARGIN_RIGHT: u32 = 1_474;
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

pub fn document(body: &str) -> String {
    format!(
        "{DECLARATION}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"{WP}\" xmlns:a=\"{A}\" xmlns:pic=\"{PIC}\"><w:body>{body}\
         <w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"2098\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"1984\" w:left=\"{MARGIN_LEFT}\" w:header=\"851\" w:footer=\"1134\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>"
    )
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"{main}.fontTable+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        "{DECLARATION}<Relationships xmlns=\"{REL}\">\
         <Relationship Id=\"rId1\" Type=\"{office}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{office}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels(media: &[super::pictures::Media<'_>]) -> String {
    let pictures: String = media
        .iter()
        .map(|m| {
            format!(
                "<Relationship Id=\"{}\" Type=\"{R}/image\" Target=\"media/{}\"/>",
                m.rel_id, m.name
            )
        })
        .collect();
    format!(
        "{DECLARATION}<Relationships xmlns=\"{REL}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{R}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{R}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFonts\" Type=\"{R}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"rIdFooter\" Type=\"{R}/footer\" Target=\"footer1.xml\"/>\
         {pictures}</Relationships>"
    )
}

/// W3CDTF in UTC, as core properties want it: "2026-11-21T02:00:00Z".
fn w3cdtf(at: DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn core(p: &Properties<'_>) -> String {
    let now = w3cdtf(p.now);
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><dc:language>{lang}</dc:language>\
         <cp:lastModifiedBy>{creator}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:modified></cp:coreProperties>",
        title = esc(p.title),
        creator = esc(p.creator),
        lang = esc(p.lang),
    )
}

fn app() -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>zicha {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

/// The Chinese fonts with their Latin names (what a system without the Chinese name
/// looks for), GB2312 charset and family, so a substitute is of the same kind.
fn font_table() -> String {
    let fonts = [
        (TITLE_FONT, "SimSun", "roman", "variable"),
        (HEADING1_FONT, "SimHei", "modern", "fixed"),
        (HEADING2_FONT, "KaiTi", "modern", "fixed"),
        (BODY_FONT, "FangSong", "modern", "fixed"),
    ];
    let mut table = format!("{DECLARATION}<w:fonts xmlns:w=\"{W}\">");
    for (name, latin, family, pitch) in fonts {
        table.push_str(&format!(
            "<w:font w:name=\"{name}\"><w:altName w:val=\"{latin}\"/><w:charset w:val=\"86\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>"
        ));
    }
    table.push_str(&format!(
        "<w:font w:name=\"{LATIN}\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    ));
    table
}

fn settings(lang: &str) -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"420\"/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"en-US\" w:eastAsia=\"{lang}\"/></w:settings>",
        lang = esc(lang)
    )
}

/// `rPr` in schema order: rFonts, b, bCs, sz, szCs, lang.
fn run_props(east_asia: &str, bold: bool, half_points: u32, lang: Option<&str>) -> String {
    let mut rpr = format!(
        "<w:rPr><w:rFonts w:ascii=\"{LATIN}\" w:eastAsia=\"{east_asia}\" w:hAnsi=\"{LATIN}\" w:cs=\"{LATIN}\"/>"
    );
    if bold {
        rpr.push_str("<w:b/><w:bCs/>");
    }
    rpr.push_str(&format!(
        "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>"
    ));
    if let Some(lang) = lang {
        rpr.push_str(&format!(
            "<w:lang w:val=\"en-US\" w:eastAsia=\"{}\" w:bidi=\"ar-SA\"/>",
            esc(lang)
        ));
    }
    rpr.push_str("</w:rPr>");
    rpr
}

/// One paragraph style; `ppr` is the inside of its `w:pPr`, already in schema order.
fn style(id: &str, name: &str, next: bool, ppr: &str, rpr: &str) -> String {
    let based = if id == "Normal" {
        ""
    } else {
        "<w:basedOn w:val=\"Normal\"/>"
    };
    let default = if id == "Normal" {
        " w:default=\"1\""
    } else {
        ""
    };
    let next = if next {
        "<w:next w:val=\"Normal\"/>"
    } else {
        ""
    };
    format!(
        "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}{next}<w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>"
    )
}

/// Styles: Normal (仿宋 三号, 28-point lines, first line indented two characters),
/// Title, Word's own "heading 1" and "heading 2" (shown as 标题 1 and 标题 2 in a
/// Chinese Word, with outline levels), table text (宋体 小五) and the footer.
fn styles(lang: &str) -> String {
    let no_indent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
    let single = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
    let styles = [
        style(
            "Normal",
            "Normal",
            false,
            "<w:widowControl/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>",
            &run_props(BODY_FONT, false, 32, None),
        ),
        style(
            "Title",
            "Title",
            true,
            &format!(
                "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"320\" w:line=\"700\" w:lineRule=\"exact\"/>{no_indent}<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/>"
            ),
            &run_props(TITLE_FONT, true, 44, None),
        ),
        style(
            "Heading1",
            "heading 1",
            true,
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"0\"/>",
            &run_props(HEADING1_FONT, false, 32, None),
        ),
        style(
            "Heading2",
            "heading 2",
            true,
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"80\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"1\"/>",
            &run_props(HEADING2_FONT, false, 32, None),
        ),
        style(
            "TableText",
            "Table Text",
            false,
            &format!("{single}{no_indent}"),
            &run_props(TABLE_FONT, false, 18, None),
        ),
        style(
            "Footer",
            "footer",
            false,
            &format!("{single}{no_indent}<w:jc w:val=\"center\"/>"),
            &run_props(TABLE_FONT, false, 28, None),
        ),
    ];
    format!(
        "{DECLARATION}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault>{}</w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>{}</w:styles>",
        run_props(BODY_FONT, false, 24, Some(lang)),
        styles.concat()
    )
}
