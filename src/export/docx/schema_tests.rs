//! The order of property elements, checked against the sequences of the OOXML schema
//! (ISO/IEC 29500-1, wml.xsd: CT_RPr/EG_RPrBase, CT_PPr/CT_PPrBase, CT_TblPr,
//! CT_TcPr, CT_TblBorders, CT_SectPr). Word drops run properties out of order.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::schema::{self, sequence};
use super::*;
use crate::export::fixture;

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

#[test]
fn reordering_keeps_everything_but_the_order_of_properties() {
    let misordered = "<?xml version=\"1.0\"?><w:p><w:pPr><w:rPr><w:sz w:val=\"44\"/></w:rPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"44\"/><w:b/><w:rFonts w:eastAsia=\"黑体\"/></w:rPr><w:t xml:space=\"preserve\">A &amp; 黑体 </w:t></w:r></w:p>";
    let fixed = schema::in_schema_order(misordered).expect("XML");
    assert_eq!(
        fixed,
        "<?xml version=\"1.0\"?><w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"44\"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"44\"/></w:rPr><w:t xml:space=\"preserve\">A &amp; 黑体 </w:t></w:r></w:p>"
    );
    assert!(order_problems(&fixed).is_empty());
    assert!(schema::in_schema_order("<w:p><w:pPr></w:p>").is_err());
}

#[test]
fn the_blank_form_follows_the_schema_order_too() {
    use crate::export::form::{layout, render_docx};
    use crate::store::catalog::BUILTIN_CHECKLISTS;
    use crate::store::checklist_file::parse_checklist;
    for (name, text) in BUILTIN_CHECKLISTS {
        let checklist = parse_checklist(text.as_bytes(), name).expect("built-in");
        let bytes = render_docx(&layout(&checklist)).expect("renders");
        for part in ["word/document.xml", "word/styles.xml"] {
            let xml = fixture::unzip(&bytes, part);
            fixture::assert_well_formed(&xml);
            assert_eq!(order_problems(&xml), Vec::<String>::new(), "{name} {part}");
        }
    }
}
