use super::*;
use crate::export::fixture;

#[test]
fn escapes_markup_and_quotes() {
    assert_eq!(
        esc("<script>alert('x')</script> & \"q\""),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
    );
}

fn assert_self_contained(page: &str) {
    // Photos are embedded as data URIs: the only images and sources allowed.
    let lower = page
        .to_lowercase()
        .replace("<img src=\"data:image/jpeg;base64,", "");
    for banned in [
        "<script", "<link", "<iframe", "<img", "src=", "href=", "url(", "@import",
    ] {
        assert!(!lower.contains(banned), "{banned}");
    }
}

#[test]
fn a_session_page_is_self_contained_printable_and_escaped() {
    let page = render(&fixture::single(), &Options::new(fixture::today()));
    assert_self_contained(&page);
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("@page { size: A4"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("李明&lt;b&gt;"));
    assert!(
        !page
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    assert!(
        page.contains("各部分得分情况") && page.matches("<svg").count() == 2,
        "bars and trend"
    );
    assert!(page.contains("<polyline"));
    assert!(page.contains("<tr class=\"overdue\">"));
}

#[test]
fn the_verdict_is_one_line_and_veto_items_read_present() {
    let page = render(&fixture::single(), &Options::new(fixture::today()));
    assert!(page.contains("判定：<span class=\"alarm\">一票否决（3.1）</span>。"));
    assert!(!page.contains("取消评优资格") && !page.contains("等级"));
    assert!(page.contains("无违纪违法、安全责任事故【一票否决】</td><td class=\"fit\">存在</td>"));
}

#[test]
fn a_round_page_charts_departments_with_pending_items_as_pending() {
    let page = render(&fixture::round(), &Options::new(fixture::today()));
    assert_self_contained(&page);
    assert!(
        page.contains("<title>2026年11月自查报告</title>"),
        "not doubled"
    );
    let urls = page.matches("http").count();
    let in_escaped_note = page.matches("&quot;http://x&quot;").count();
    assert_eq!(
        urls, in_escaped_note,
        "the only URL is the escaped hostile note's"
    );
    assert_eq!(page.matches("<svg").count(), 1, "no trend without history");
    let chart = &page[page.find("<svg").unwrap_or(0)..];
    for department in ["办公室", "党群室", "后勤服务中心"] {
        assert!(
            chart.contains(&format!(">{department}</text>")),
            "{department}"
        );
    }
    assert!(chart.contains("未查7项"), "后勤服务中心 checked 1 of 8");
    assert!(chart.contains(">未查</text>"), "a legend");
    assert!(page.contains("<td class=\"fit center\">1/8</td>"));
}

#[test]
fn a_department_without_problems_takes_one_line() {
    let mut report = fixture::round();
    for one in &mut report.sessions {
        one.history = vec![
            crate::export::TrendPoint {
                date: fixture::date("2026-10-01"),
                round: "10月".into(),
                percent: Some(80.0),
            },
            crate::export::TrendPoint {
                date: one.session.date,
                round: one.session.round.clone(),
                percent: one.percent(),
            },
        ];
    }
    let page = render(&report, &Options::new(fixture::today()));
    let problems =
        &page[page.find("<h2>二、").expect("problems")..page.find("<h2>附").expect("items")];
    let party = &problems[problems.find("<h3>党群室").expect("党群室")..];
    let party = &party[..party[4..].find("<h3>").map_or(party.len(), |end| end + 4)];
    assert!(
        !party.contains("<svg"),
        "no chart for a department without problems"
    );
    assert!(party.contains("<p class=\"none\">本次自查未发现问题。</p>"));
    assert_eq!(
        problems.matches("<svg").count(),
        2,
        "办公室 and 后勤服务中心 have problems"
    );
}

#[test]
fn a_round_page_has_the_problems_from_outside_and_the_duties() {
    let page = render(&fixture::round(), &Options::new(fixture::today()));
    assert!(
        page.contains("<h3>上级通报及测评反馈问题（1项）</h3>"),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"fit\">党群室</td><td class=\"share\">宣传栏内容过期</td><td class=\"share\">市文明办通报</td><td class=\"fit\">2026-11-25</td>"),
        "the problem from outside"
    );
    let duties = &page[page.find("<h2>三、责任分解</h2>").expect("责任分解")..];
    assert!(
        duties.contains("<td class=\"fit\">办公室</td><td class=\"fit right\">4</td><td class=\"fit right\">2</td><td class=\"fit right\">1</td><td class=\"fit alarm\">取消评优资格</td>"),
        "{duties}"
    );
    assert!(
        duties.contains("<td class=\"fit\">后勤服务中心</td><td class=\"fit right\">2</td><td class=\"fit right\">1.5</td><td class=\"fit right\">0</td><td class=\"fit\"></td>"),
        "{duties}"
    );
    let single = render(&fixture::single(), &Options::new(fixture::today()));
    assert!(!single.contains("责任分解") && !single.contains("上级通报"));
    assert!(single.contains("2026-11-22复查通过，已销号：已补记录"));
}

#[test]
fn photos_are_embedded_as_jpeg_data_uris_grouped_by_item_two_to_a_row() {
    let report = fixture::with_attachments(fixture::single());
    let page = render(&report, &Options::new(fixture::today()));
    assert_self_contained(&page);
    let preview = report.photos.values().next().unwrap();
    assert_eq!((preview.width, preview.height), (1200, 900));
    let uri = format!(
        "<img src=\"data:image/jpeg;base64,{}\" width=\"1200\" height=\"900\"",
        crate::export::photos::base64(&preview.jpeg)
    );
    assert!(page.contains(&uri));
    assert_eq!(
        page.matches("<img ").count(),
        1,
        "the broken photo is not shown"
    );
    assert!(page.contains("grid-template-columns: 1fr 1fr"));
    let part = &page[page.find("<h2>图片资料</h2>").expect("the part")..];
    assert!(part.contains("<h3>2.4 "), "grouped under the item");
    assert!(part.contains("荣誉墙&lt;奖牌&gt; · 2026-11-18 09:30</figcaption>"));
    assert!(part.contains("<li>创建方案.pdf · 方案</li>"));
    assert!(part.contains("<li>坏图.jpg</li>"));
    let plain = render(&fixture::single(), &Options::new(fixture::today()));
    assert!(!plain.contains("图片资料"), "no part without attachments");
}
