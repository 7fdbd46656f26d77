//! The order of property elements, checked against the sequences of the OOXML schema
//! (ISO/IEC 29500-1, wml.xsd: CT_RPr/EG_RPrBase, CT_PPr/CT_PPrBase, CT_TblPr,
//! CT_TcPr, CT_TblBorders, CT_SectPr). Word drops run properties out of order.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;
use crate::export::fixture;

const RPR: &[&str] = &[
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
const PPR: &[&str] = &[
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
const TBLPR: &[&str] = &[
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
const TCPR: &[&str] = &[
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
const TBLBORDERS: &[&str] = &["top", "left", "bottom", "right", "insideH", "insideV"];
const SECTPR: &[&str] = &[
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

fn sequence(container: &str) -> Option<&'static [&'static str]> {
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

/// Every `w:` property container in `xml` whose children break the schema's order
/// (or are unknown to it): "rPr: sz before rFonts".
fn order_problems(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // (element, children seen so far) for every open element.
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    let local = |name: &str| name.strip_prefix("w:").unwrap_or(name).to_string();
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                let name = local(tag.name().as_ref());
                if let Some((_, children)) = stack.last_mut() {
                    children.push(name.clone());
                }
                stack.push((name, Vec::new()));
            }
            Ok(Event::Empty(tag)) => {
                let name = local(tag.name().as_ref());
                if let Some((_, children)) = stack.last_mut() {
                    children.push(name.clone());
                }
                if sequence(&name).is_some() {
                    checked += 1;
                }
            }
            Ok(Event::End(_)) => {
                let Some((name, children)) = stack.pop() else {
                    break;
                };
                let Some(order) = sequence(&name) else {
                    continue;
                };
                checked += 1;
                let mut last: Option<(usize, &str)> = None;
                for child in &children {
                    match order.iter().position(|known| known == child) {
                        None => problems.push(format!("{name}: {child} is not in the schema")),
                        Some(at) => {
                            if let Some((before, previous)) = last
                                && at <= before
                            {
                                problems.push(format!("{name}: {child} after {previous}"));
                            }
                            last = Some((at, order[at]));
                        }
                    }
                }
            }
            Ok(Event::Eof) => break,
            Err(error) => panic!("not XML: {error}"),
            Ok(_) => {}
        }
    }
    assert!(checked > 0, "no property containers found");
    problems
}

#[test]
fn the_order_check_catches_what_docx_rs_used_to_write() {
    let misordered = "<w:p><w:pPr><w:rPr/><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"44\"/><w:b/><w:rFonts w:eastAsia=\"黑体\"/></w:rPr></w:r></w:p>";
    let problems = order_problems(misordered);
    assert!(
        problems.contains(&"pPr: jc after rPr".to_string()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"rPr: b after sz".to_string()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"rPr: rFonts after b".to_string()),
        "{problems:?}"
    );
    assert!(order_problems("<w:tcPr><w:vAlign/><w:tcW/></w:tcPr>").len() == 1);
}

#[test]
fn run_paragraph_table_and_cell_properties_follow_the_schema_order() {
    let mut options = Options::new(fixture::today());
    options.unit = Some("某某局".into());
    for report in [fixture::single(), fixture::round()] {
        let bytes = render(&report, &options).expect("renders");
        for part in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
            let xml = fixture::unzip(&bytes, part);
            fixture::assert_well_formed(&xml);
            assert_eq!(order_problems(&xml), Vec::<String>::new(), "{part}");
        }
    }
}
