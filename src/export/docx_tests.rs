use super::*;
use crate::export::fixture;

fn document_xml(report: &Report, options: &Options) -> String {
    let bytes = render(report, options).expect("renders");
    fixture::unzip(&bytes, "word/document.xml")
}

#[test]
fn a_session_draft_has_title_facts_problems_table_and_chinese_fonts() {
    let mut options = Options::new(fixture::today());
    options.unit = Some("某某局".into());
    let xml = document_xml(&fixture::single(), &options);
    fixture::assert_well_formed(&xml);
    assert!(xml.contains(">自查报告</w:t>"));
    assert!(xml.contains(">某某局</w:t>"));
    assert!(xml.contains(">办公室</w:t>") && xml.contains(">2026年11月自查</w:t>"));
    assert!(xml.contains(">整改责任人</w:t>") && xml.contains(">整改期限</w:t>"));
    assert!(xml.contains("w:eastAsia=\"宋体\"") && xml.contains("w:eastAsia=\"黑体\""));
    assert!(xml.contains("<w:tbl>"));
    assert!(xml.contains(">逾期未完成</w:t>"));
    assert!(xml.contains(">已销号(2026-11-22复查)已补记录</w:t>"));
    assert!(xml.contains(">党群室 张华</w:t>"), "责任科室 and 责任人");
    assert!(xml.contains("一票否决:是(3.1)"));
}

#[test]
fn hostile_text_is_escaped_broken_into_lines_and_stripped_of_illegal_characters() {
    let xml = document_xml(&fixture::single(), &Options::new(fixture::today()));
    fixture::assert_well_formed(&xml);
    assert!(
        xml.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;引号&quot;")
    );
    assert!(xml.contains(
        "=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</w:t><w:br w:type=\"textWrapping\" /><w:t xml:space=\"preserve\">+1-2</w:t><w:tab /><w:t xml:space=\"preserve\">-3 @SUM(A1)</w:t>"
    ));
    assert!(!xml.contains("<script>") && !xml.contains("李明<b>"));
}

#[test]
fn without_a_unit_a_blank_is_left_to_fill_in() {
    let xml = document_xml(&fixture::round(), &Options::new(fixture::today()));
    fixture::assert_well_formed(&xml);
    assert!(xml.contains(">2026年11月自查自查报告</w:t>"));
    assert!(xml.contains(&format!(">{BLANK}</w:t>")));
    for department in ["办公室", "党群室", "后勤服务中心"] {
        assert!(
            xml.contains(&format!(">{department}</w:t>")),
            "{department}"
        );
    }
}

#[test]
fn a_round_draft_has_the_problems_from_outside_and_a_duties_section() {
    let xml = document_xml(&fixture::round(), &Options::new(fixture::today()));
    fixture::assert_well_formed(&xml);
    assert!(xml.contains(">上级通报及测评反馈问题</w:t>"));
    assert!(xml.contains(">宣传栏内容过期</w:t>") && xml.contains(">市文明办通报</w:t>"));
    assert!(xml.contains(">三、责任分解</w:t>") && xml.contains(">四、下一步工作</w:t>"));
    assert!(xml.contains(">牵头科室</w:t>") && xml.contains(">取消评优资格</w:t>"));
    assert!(xml.contains(">1.5</w:t>"), "后勤服务中心's loss");
    let single = document_xml(&fixture::single(), &Options::new(fixture::today()));
    assert!(!single.contains("责任分解") && single.contains(">三、下一步工作</w:t>"));
}
