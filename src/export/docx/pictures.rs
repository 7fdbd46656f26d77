//! The 图片资料 part of the docx report: each item's photos at most 15 cm wide,
//! inline (DrawingML pictures in `word/media/`), each with its caption line
//! (编号 条目 · 说明 · 拍摄时间) under it; documents and photos that do not decode
//! are listed by name.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::super::photos::{self, ItemAttachments};
use super::super::report::{Report, SessionReport};
use super::super::summary::{SummaryRow, session_heading};
use super::xml::{Jc, Para, Style, esc};
use crate::i18n::report::ReportTexts;
use crate::store::attachments::preview::Preview;

/// EMUs per centimetre.
const EMU_PER_CM: u64 = 360_000;
/// The widest a picture stands: 15 cm.
pub const MAX_WIDTH_EMU: u64 = 15 * EMU_PER_CM;
/// The tallest, so that a portrait photo and its caption fit a page: 18 cm.
const MAX_HEIGHT_EMU: u64 = 18 * EMU_PER_CM;

/// A picture in the package: `word/media/<name>`, related to the body by `rel_id`.
pub struct Media<'a> {
    pub name: String,
    pub rel_id: String,
    pub jpeg: &'a [u8],
}

/// Writes the part into `body` (nothing when no session has attachments); returns
/// the pictures the package must hold, each once however often it is shown.
pub fn part<'a>(body: &mut String, report: &'a Report, t: &ReportTexts) -> Vec<Media<'a>> {
    let groups: Vec<(&SessionReport, Vec<ItemAttachments<'a>>)> = report
        .sessions
        .iter()
        .map(|one| (one, photos::by_item(one, &report.photos)))
        .filter(|(_, groups)| !groups.is_empty())
        .collect();
    let mut media: BTreeMap<&str, Media<'a>> = BTreeMap::new();
    if groups.is_empty() {
        return Vec::new();
    }
    let mut heading = Para::text(Style::Heading1, t.heading_photos);
    heading.page_break_before = true;
    heading.write(body);
    for (one, items) in &groups {
        if report.sessions.len() > 1 {
            let s = SummaryRow::of(one);
            Para::text(Style::Heading2, session_heading(report, &s, t)).write(body);
        }
        for group in items {
            for (attachment, preview) in &group.shown {
                let count = media.len();
                let entry = media.entry(&attachment.sha256).or_insert_with(|| Media {
                    name: format!("image{}.jpeg", count + 1),
                    rel_id: format!("rIdImg{}", count + 1),
                    jpeg: &preview.jpeg,
                });
                picture(body, entry, preview, &attachment.file, count + 1);
                Para::text(Style::Normal, photos::caption(group, attachment, t))
                    .jc(Jc::Center)
                    .write(body);
            }
            if !group.listed.is_empty() {
                let names: Vec<String> = group
                    .listed
                    .iter()
                    .map(|a| photos::listed_name(a))
                    .collect();
                let line = format!(
                    "{} {} {}：{}",
                    group.code,
                    super::rows::clean_line(group.title),
                    t.attached_files,
                    names.join(t.enumeration)
                );
                Para::text(Style::Normal, line).write(body);
            }
        }
    }
    let mut list: Vec<Media<'a>> = media.into_values().collect();
    list.sort_by_key(|m| m.rel_id["rIdImg".len()..].parse::<usize>().unwrap_or(0));
    list
}

/// The size a picture stands in: its pixels scaled to at most 15 cm wide and 18 cm tall.
pub fn extent(preview: &Preview) -> (u64, u64) {
    let (width, height) = (
        u64::from(preview.width.max(1)),
        u64::from(preview.height.max(1)),
    );
    let scale_width = MAX_WIDTH_EMU.min(MAX_HEIGHT_EMU * width / height);
    (scale_width, scale_width * height / width)
}

/// A centred paragraph holding one inline picture, kept with its caption.
fn picture(body: &mut String, media: &Media<'_>, preview: &Preview, file: &str, id: usize) {
    let (cx, cy) = extent(preview);
    let name = esc(&super::rows::clean_line(file));
    let _ = write!(
        body,
        "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:keepNext/>\
         <w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
         <w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
         <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"{name}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
         </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        media.name, media.rel_id
    );
}
