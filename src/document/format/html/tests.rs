use super::*;
use crate::document::load::Decoded;
use crate::document::model::{BlockKind, Document};

fn page(html: &str) -> Document {
    let decoded = Decoded { text: html.to_string(), encoding: "UTF-8", warnings: Vec::new() };
    let mut b = Builder::new("page.html".into(), decoded);
    Html.build(&mut b);
    b.finish()
}

fn blocks(doc: &Document) -> Vec<(&str, BlockKind)> {
    (0..doc.blocks.len()).map(|i| (doc.block_text(i), doc.blocks[i].kind)).collect()
}

#[test]
fn the_site_name_is_cut_from_a_title() {
    assert_eq!(article::strip_site_name("寒潮来袭_新闻频道_央视网(cctv.com)"), "寒潮来袭");
    assert_eq!(article::strip_site_name("二手车出口 - 第一财经"), "二手车出口");
    assert_eq!(article::strip_site_name("标题｜界面新闻"), "标题");
    assert_eq!(article::strip_site_name("没有站名"), "没有站名");
}

#[test]
fn without_an_h1_the_title_comes_from_og_title_or_the_title_element() {
    let body = "<body><div class=nav><a>首页</a><a>财经</a></div><div class=content>\
                <p>第一段，正文写在这里，有好几句话。还有一句。</p><p>第二段，也是正文，同样不短。</p></div></body>";
    let og = page(&format!(
        "<html><head><meta property=og:title content=\"开放标题\"><title>网页标题_某某网</title></head>{body}</html>"
    ));
    assert_eq!(og.title(), "开放标题");
    let titled = page(&format!("<html><head><title>网页标题_某某网</title></head>{body}</html>"));
    assert_eq!(titled.title(), "网页标题");
    assert_eq!(
        blocks(&titled)[1..],
        [
            ("第一段，正文写在这里，有好几句话。还有一句。", BlockKind::Body),
            ("第二段，也是正文，同样不短。", BlockKind::Body)
        ]
    );
}

#[test]
fn the_article_is_kept_and_the_page_around_it_left_out() {
    let doc = page(
        "<html><head><title>标题 - 某网</title></head><body>\
         <div class=top-nav><a>首页</a><a>新闻</a><a>体育</a></div>\
         <div class=breadcrumb><a>首页</a> &gt; 正文</div>\
         <div class=main><div class=article-head><h1>标题</h1><h2>副标题在这里</h2>\
         <div class=meta><span>记者 王小明</span></div><div class=share-bar>分享到：微信</div>\
         <div class=date>2026-11-28 10:00</div></div>\
         <div class=article-body><p>第一段正文，写得很长，有逗号，有句号。</p>\
         <p><b>加粗的小标题</b></p><p>第二段正文，也写得很长，有逗号，有句号。</p>\
         <p><strong>这是加粗的一整句话，不是标题。</strong></p>\
         <h3>真正的三级标题</h3><p>第三段正文，还是很长，有逗号，有句号。</p>\
         <p>（责任编辑：李四）</p></div>\
         <div class=related><h2>相关阅读</h2><ul><li><a>别的文章一</a></li><li><a>别的文章二</a></li></ul></div>\
         <div class=comment-list><p>网友：写得好，很有道理，我同意。</p></div>\
         <div class=editor-line>编辑：张三</div></div>\
         <div class=footer>版权所有</div></body></html>",
    );
    use BlockKind::*;
    assert_eq!(
        blocks(&doc),
        [
            ("标题", Title),
            ("副标题在这里", Subtitle),
            ("记者 王小明", Byline),
            ("2026-11-28 10:00", Byline),
            ("第一段正文，写得很长，有逗号，有句号。", Body),
            ("加粗的小标题", Heading { level: 2 }),
            ("第二段正文，也写得很长，有逗号，有句号。", Body),
            ("这是加粗的一整句话，不是标题。", Body),
            ("真正的三级标题", Heading { level: 3 }),
            ("第三段正文，还是很长，有逗号，有句号。", Body),
            ("（责任编辑：李四）", Byline),
            ("编辑：张三", Byline),
        ]
    );
    assert_eq!(doc.headings.iter().map(|h| h.level).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn a_page_with_no_paragraphs_or_no_body_still_opens() {
    for html in ["", "<html></html>", "<h1>只有标题</h1>", "纯文字，没有标签", "<p>一</p>", "<<<>>>&&&"]
    {
        let doc = page(html);
        assert!(doc.blocks.iter().all(|b| b.start <= b.end && b.end <= doc.text.len()), "{html}");
    }
    assert_eq!(page("<h1>只有标题</h1>").title(), "只有标题");
}
