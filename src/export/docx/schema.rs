//! The order of property elements that the OOXML schema requires (ISO/IEC 29500-1,
//! wml.xsd: CT_RPr/EG_RPrBase, CT_PPr/CT_PPrBase, CT_TblPr, CT_TcPr, CT_TblBorders,
//! CT_SectPr). Word silently drops run properties out of order, and with them 宋体
//! and 黑体. The report's writer emits this order by construction; `in_schema_order`
//! puts another writer's document (docx-rs, for the blank form) into it.

use quick_xml::Reader;
use quick_xml::events::Event;

pub const RPR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
pub const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
pub const TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];
pub const TCPR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];
pub const TBLBORDERS: &[&str] = &["top", "left", "bottom", "right", "insideH", "insideV"];
pub const SECTPR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// The schema's order of the children of a `w:` property container, by its local name.
pub fn sequence(container: &str) -> Option<&'static [&'static str]> {
    Some(match container {
        "rPr" => RPR,
        "pPr" => PPR,
        "tblPr" => TBLPR,
        "tcPr" => TCPR,
        "tblBorders" => TBLBORDERS,
        "sectPr" => SECTPR,
        _ => return None,
    })
}

/// An element being read: its start tag, and its content so far — for a property
/// container, each child apart with its place in the schema's sequence.
struct Open {
    start: Vec<u8>,
    order: Option<&'static [&'static str]>,
    content: Vec<u8>,
    children: Vec<(usize, Vec<u8>)>,
}

impl Open {
    fn add(&mut self, name: &str, bytes: Vec<u8>) {
        match self.order {
            Some(order) => {
                // Unknown children keep their place after the known ones.
                let rank = order.iter().position(|k| *k == name).unwrap_or(order.len());
                self.children.push((rank, bytes));
            }
            None => self.content.extend(bytes),
        }
    }
}

fn local(name: &str) -> String {
    name.strip_prefix("w:").unwrap_or(name).to_string()
}

fn bytes_of(event: Event<'_>) -> Result<Vec<u8>, String> {
    let mut writer = quick_xml::Writer::new(Vec::new());
    writer.write_event(event).map_err(|e| e.to_string())?;
    Ok(writer.into_inner())
}

/// `xml` with the children of every property container (`w:rPr`, `w:pPr`, `w:tblPr`,
/// `w:tcPr`, `w:tblBorders`, `w:sectPr`) in the schema's order; everything else,
/// text and attributes included, as it was.
pub fn in_schema_order(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut top = Open {
        start: Vec::new(),
        order: None,
        content: Vec::new(),
        children: Vec::new(),
    };
    let mut stack: Vec<(String, Open)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Eof => break,
            Event::Start(tag) => {
                let name = local(tag.name().as_ref());
                let open = Open {
                    order: sequence(&name),
                    start: bytes_of(Event::Start(tag))?,
                    content: Vec::new(),
                    children: Vec::new(),
                };
                stack.push((name, open));
            }
            Event::End(tag) => {
                let (name, mut open) = stack.pop().ok_or("an end tag without a start")?;
                open.children.sort_by_key(|(rank, _)| *rank);
                let mut element = open.start;
                element.extend(open.content);
                for (_, child) in open.children {
                    element.extend(child);
                }
                element.extend(bytes_of(Event::End(tag))?);
                let parent = stack.last_mut().map_or(&mut top, |(_, open)| open);
                parent.add(&name, element);
            }
            Event::Empty(tag) => {
                let name = local(tag.name().as_ref());
                let element = bytes_of(Event::Empty(tag))?;
                let parent = stack.last_mut().map_or(&mut top, |(_, open)| open);
                parent.add(&name, element);
            }
            other => {
                let bytes = bytes_of(other)?;
                let parent = stack.last_mut().map_or(&mut top, |(_, open)| open);
                parent.content.extend(bytes);
            }
        }
    }
    if !stack.is_empty() {
        return Err("an element is not closed".into());
    }
    String::from_utf8(top.content).map_err(|e| e.to_string())
}
