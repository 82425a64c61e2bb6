use super::*;
use crate::document::model::Document;

/// The document made from `html` (its whole tree) and what the walk returned.
fn convert(html: &str) -> (Document, Converted) {
    convert_with(html, &Options::default())
}

fn convert_with(html: &str, opts: &Options<'_>) -> (Document, Converted) {
    let tree = parse(html);
    let mut b = Builder::empty("page.html".into(), "UTF-8");
    let c = append(&mut b, tree.tree.root(), opts);
    b.headings_from_kinds();
    (b.finish(), c)
}

fn blocks(doc: &Document) -> Vec<(&str, BlockKind)> {
    (0..doc.blocks.len()).map(|i| (doc.block_text(i), doc.blocks[i].kind)).collect()
}

const BODY: BlockKind = BlockKind::Body;

#[test]
fn headings_paragraphs_quotes_and_list_items_are_blocks_of_their_own() {
    let (doc, c) = convert(
        "<html><head><title>不是正文</title></head><body><h1>标题</h1><p>第一段。</p>\
         <h3>小节</h3><blockquote><p>引文。</p></blockquote><ul><li>一</li><li>二</li></ul>\
         <div>尾<span>巴</span></div></body></html>",
    );
    assert_eq!(
        blocks(&doc),
        [
            ("标题", BlockKind::Heading { level: 1 }),
            ("第一段。", BODY),
            ("小节", BlockKind::Heading { level: 3 }),
            ("引文。", BODY),
            ("一", BODY),
            ("二", BODY),
            ("尾巴", BODY),
        ]
    );
    assert_eq!(c.blocks, 0..7);
    assert_eq!(doc.text, "标题\n第一段。\n小节\n引文。\n一\n二\n尾巴\n");
    // One block per line of the text, numbered as its lines.
    assert_eq!(doc.blocks.iter().map(|b| b.line).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(doc.headings.iter().map(|h| h.level).collect::<Vec<_>>(), [1, 3]);
}

#[test]
fn whitespace_collapses_but_chinese_gets_no_spaces_from_line_breaks() {
    let (doc, _) = convert(
        "<p>  上海\n   浦东，\n“创新”\t  is\n  fast,\n<b>very</b>   fast  </p><p>中\u{3000}文 间 隔</p>",
    );
    assert_eq!(blocks(&doc), [("上海浦东，“创新” is fast, very fast", BODY), ("中\u{3000}文 间 隔", BODY)]);
}

#[test]
fn br_breaks_a_paragraph_into_lines_of_the_same_element() {
    let (doc, _) = convert("<p>床前明月光，<br>疑是地上霜。<br/><br>举头望明月。</p>");
    assert_eq!(blocks(&doc), [("床前明月光，", BODY), ("疑是地上霜。", BODY), ("举头望明月。", BODY)]);
    let locs: Vec<Loc> = doc.blocks.iter().map(|b| b.loc).collect();
    assert!(locs.iter().all(|&l| l == locs[0]), "{locs:?}");
    assert!(matches!(locs[0], Loc::Element { part: 0, .. }));
}

#[test]
fn ruby_is_its_base_text_and_images_only_their_alt() {
    let (doc, _) = convert(
        "<p><ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby><ruby>字<rt>zì</rt></ruby>好。</p>\
         <p><img src=a.png></p><p>见图<img src=b.png alt=\"浦东夜景\">。</p>",
    );
    assert_eq!(blocks(&doc), [("汉字好。", BODY), ("见图[图: 浦东夜景]。", BODY)]);
}

#[test]
fn scripts_styles_templates_navigation_and_hidden_elements_are_left_out() {
    let (doc, _) = convert(
        "<body><script>var a = '正文';</script><style>p{}</style><nav><a>首页</a></nav>\
         <template><p>模板</p></template><noscript>请启用</noscript><p>正文。</p>\
         <div hidden>藏</div><p style=\"display: none\">也藏</p><span aria-hidden=true>图标</span>\
         <form><input value=搜索><button>提交</button></form></body>",
    );
    assert_eq!(blocks(&doc), [("正文。", BODY)]);
}

#[test]
fn pre_keeps_its_lines() {
    let (doc, _) = convert("<pre>第一行\n  第二行\n\n第三行</pre><p>后</p>");
    assert_eq!(blocks(&doc), [("第一行", BODY), ("第二行", BODY), ("第三行", BODY), ("后", BODY)]);
}

#[test]
fn every_id_gives_the_offset_where_its_text_starts() {
    let (doc, c) = convert(
        "<body id=top><h2 id=s1>第一节</h2><p>甲<a id=mid></a>乙</p><div id=empty></div>\
         <p id=s2>  第二节正文</p><p>早<span id=s1>重复的不算</span></p><a id=last></a></body>",
    );
    let at = |id: &str| c.ids[id];
    assert_eq!(at("top"), 0);
    assert_eq!(&doc.text[at("s1")..at("s1") + "第一节".len()], "第一节");
    assert_eq!(&doc.text[at("mid")..], "乙\n第二节正文\n早重复的不算\n");
    assert_eq!(at("empty"), at("s2"), "an empty element starts where the next text does");
    assert!(doc.text[at("s2")..].starts_with("第二节正文"));
    assert_eq!(at("last"), doc.text.len());
}

#[test]
fn a_subtree_can_be_walked_with_the_callers_skips_and_kinds() {
    let html = "<body><div id=nav>导航</div><article><p><strong>加粗小标题</strong></p><p>正文。</p>\
                <div class=share>分享到</div></article></body>";
    let tree = parse(html);
    let article =
        tree.select(&scraper::Selector::parse("article").expect("selector")).next().expect("article");
    let skip = |el: ElementRef<'_>| el.value().attr("class") == Some("share");
    let kind = |el: ElementRef<'_>| {
        (el.value().name() == "p" && el.text().collect::<String>() == "加粗小标题")
            .then_some(BlockKind::Heading { level: 2 })
    };
    let opts = Options { part: 3, skip: Some(&skip), kind: Some(&kind) };
    let mut b = Builder::empty("x.html".into(), "UTF-8");
    b.push_line("前言", Loc::Line(1), BODY);
    let c = append(&mut b, *article, &opts);
    let doc = b.finish();
    assert_eq!(c.blocks, 1..3);
    assert_eq!(
        blocks(&doc),
        [("前言", BODY), ("加粗小标题", BlockKind::Heading { level: 2 }), ("正文。", BODY)]
    );
    assert!(matches!(doc.blocks[1].loc, Loc::Element { part: 3, .. }));
    assert_eq!(doc.blocks[2].line, 3);
}

#[test]
fn broken_markup_is_read_as_a_browser_reads_it() {
    let (doc, _) = convert("<p>一段<b>粗<i>斜</b>还斜</i><p>二段</div></span><li>项<td>格");
    // A `td` outside a table is dropped by the parser, as a browser drops it.
    assert_eq!(blocks(&doc), [("一段粗斜还斜", BODY), ("二段", BODY), ("项格", BODY)]);
}

#[test]
fn xhtml_self_closed_elements_do_not_swallow_what_follows() {
    let xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\
                 <head><title/><script src=\"a.js\"/></head><body><p>第一章<a id=\"n1\"/>正文</p>\
                 <p class='x' title=\"a/>b\">二<br/>三</p><!-- <div/> --></body></html>";
    let (doc, c) = convert(xhtml);
    assert_eq!(blocks(&doc), [("第一章正文", BODY), ("二", BODY), ("三", BODY)]);
    assert_eq!(&doc.text[c.ids["n1"]..c.ids["n1"] + 6], "正文");
    assert_eq!(prepare::close_self_closed("<a/><br/><x:y a='/>'/>"), "<a></a><br/><x:y a='/>'></x:y>");
}

#[test]
fn table_cells_are_spaced_and_rows_are_blocks() {
    let (doc, _) =
        convert("<table><tr><th>年份</th><th>产值</th></tr><tr><td>2023</td><td>3.2万亿元</td></tr></table>");
    assert_eq!(blocks(&doc), [("年份 产值", BODY), ("2023 3.2万亿元", BODY)]);
}

#[test]
fn a_long_paragraph_is_cut_like_a_long_line() {
    let para = "这是一句话。".repeat(crate::document::MAX_BLOCK_BYTES / 9);
    let (doc, _) = convert(&format!("<p>{para}</p><p>尾</p>"));
    assert!(doc.blocks.len() > 2);
    assert!(doc.blocks.iter().all(|b| b.end - b.start <= crate::document::MAX_BLOCK_BYTES));
    assert_eq!(doc.blocks[0].line, doc.blocks[1].line, "pieces of one paragraph share its line");
}

#[test]
fn nesting_deeper_than_the_cap_loses_its_tags_not_its_text() {
    let deep = format!("{}<p>最深处的字</p>{}<p>后面</p>", "<div>".repeat(5000), "</div>".repeat(5000));
    let limited = prepare::limit_nesting(&deep);
    assert_eq!(limited.matches("<div>").count(), prepare::MAX_DEPTH);
    assert_eq!(limited.matches("</div>").count(), prepare::MAX_DEPTH);
    let (doc, _) = convert(&deep);
    assert_eq!(blocks(&doc), [("最深处的字", BODY), ("后面", BODY)]);
    // Elements that close themselves do not nest: a page of unclosed paragraphs is untouched.
    let flat = format!("<div>{}</div><script>{}</script>", "<p>段".repeat(2000), "<div>".repeat(2000));
    assert!(matches!(prepare::limit_nesting(&flat), std::borrow::Cow::Borrowed(_)));
    assert_eq!(convert(&flat).0.blocks.len(), 2000);
}
