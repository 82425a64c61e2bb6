//! The book's own table of contents: the EPUB 3 navigation document (`<nav
//! epub:type="toc">`, its nested `<ol>`) or the EPUB 2 NCX (nested `<navPoint>`s), as a
//! flat list of entries with their depth. The navigation document is XHTML, read as
//! leniently as the chapters; the NCX is XML.

use super::super::markup::collapse;
use super::package::resolve;

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 0 for the top level, 1 for an entry nested under it, and so on.
    pub depth: usize,
    /// The entry's label, whitespace collapsed.
    pub label: String,
    /// The target's path in the zip.
    pub path: String,
    /// The target's fragment (an element id), if any.
    pub frag: Option<String>,
}

/// Deepest nesting kept: deeper entries are listed at this depth.
const MAX_DEPTH: usize = 16;

fn local<'a>(n: roxmltree::Node<'a, '_>) -> &'a str {
    n.tag_name().name()
}

/// The entries of an EPUB 3 navigation document at `path`, parsed leniently (as a browser
/// would: [`crate::document::format::markup::parse`]): the `nav` whose `epub:type` says `toc` (else the first
/// `nav`), an entry per link, its depth the number of lists around it less one. A
/// `<span>` heading without a link is left out, its nested entries kept. The walk keeps
/// its own depth count: a nav nested a million deep does not overflow the stack.
pub fn nav(html: &scraper::Html, path: &str) -> Vec<Entry> {
    use ego_tree::iter::Edge;
    let base = super::package::dir_of(path);
    let navs: Vec<_> = html
        .tree
        .nodes()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|e| e.value().name() == "nav")
        .collect();
    let is_toc = |e: &scraper::ElementRef<'_>| {
        e.value()
            .attrs()
            .any(|(k, v)| (k == "epub:type" || k == "type") && v.split_whitespace().any(|t| t == "toc"))
    };
    let Some(toc) = navs.iter().find(|e| is_toc(e)).or(navs.first()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut lists = 0usize;
    for edge in toc.traverse() {
        let (open, node) = match edge {
            Edge::Open(n) => (true, n),
            Edge::Close(n) => (false, n),
        };
        let Some(el) = scraper::ElementRef::wrap(node) else { continue };
        match el.value().name() {
            "ol" | "ul" if open => lists += 1,
            "ol" | "ul" => lists = lists.saturating_sub(1),
            "a" if open && lists > 0 => {
                if let Some(href) = el.value().attr("href") {
                    let (path, frag) = resolve(base, href);
                    let label = collapse(&el.text().collect::<String>());
                    out.push(Entry { depth: (lists - 1).min(MAX_DEPTH), label, path, frag });
                }
            }
            _ => {}
        }
    }
    out
}

/// The entries of an EPUB 2 NCX at `path` (its `navMap`), an entry per `navPoint` with a
/// `content`, its depth the number of `navPoint`s around it. Walked in document order with
/// a stack of the open points (a deep nesting cannot overflow the call stack).
pub fn ncx(doc: &roxmltree::Document<'_>, path: &str) -> Vec<Entry> {
    let base = super::package::dir_of(path);
    let mut out = Vec::new();
    let Some(map) = doc.descendants().find(|n| n.is_element() && local(*n) == "navMap") else { return out };
    // The open points' byte ranges: a point is inside another when its range is.
    let mut open: Vec<std::ops::Range<usize>> = Vec::new();
    for point in map.descendants().filter(|n| n.is_element() && local(*n) == "navPoint") {
        let r = point.range();
        while open.last().is_some_and(|o| !(o.start <= r.start && r.end <= o.end)) {
            open.pop();
        }
        let depth = open.len();
        open.push(r);
        let label = point.children().find(|n| n.is_element() && local(*n) == "navLabel").map(|l| {
            collapse(&l.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>())
        });
        let src = point
            .children()
            .find(|n| n.is_element() && local(*n) == "content")
            .and_then(|c| c.attribute("src"));
        if let Some(src) = src {
            let (path, frag) = resolve(base, src);
            out.push(Entry { depth: depth.min(MAX_DEPTH), label: label.unwrap_or_default(), path, frag });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::format::epub::package::parse_xml;

    fn e(depth: usize, label: &str, path: &str, frag: Option<&str>) -> Entry {
        Entry { depth, label: label.into(), path: path.into(), frag: frag.map(Into::into) }
    }

    #[test]
    fn a_nested_nav_keeps_its_depths_and_fragments() {
        let x = r##"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="landmarks"><ol><li><a href="cover.xhtml">封面</a></li></ol></nav>
<nav epub:type="toc"><h1>目录</h1><ol>
 <li><a href="text/c1.xhtml">第一卷</a><ol>
   <li><a href="text/c1.xhtml#s1">第一章
      起</a></li>
   <li><span>无链接</span><ol><li><a href="text/c2.xhtml#s%202">第二章</a></li></ol></li>
 </ol></li>
 <li><a href="text/c3.xhtml">第二卷</a></li>
</ol></nav></body></html>"##;
        let html = crate::document::format::markup::parse(x);
        assert_eq!(
            nav(&html, "OPS/nav.xhtml"),
            [
                e(0, "第一卷", "OPS/text/c1.xhtml", None),
                e(1, "第一章 起", "OPS/text/c1.xhtml", Some("s1")),
                e(2, "第二章", "OPS/text/c2.xhtml", Some("s 2")),
                e(0, "第二卷", "OPS/text/c3.xhtml", None),
            ]
        );
    }

    #[test]
    fn a_nested_ncx_keeps_its_depths() {
        let x = r#"<?xml version="1.0"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
 <navPoint id="a" playOrder="1"><navLabel><text>上卷</text></navLabel><content src="c1.xhtml"/>
  <navPoint id="b" playOrder="2"><navLabel><text>第一回</text></navLabel><content src="c1.xhtml#h1"/></navPoint>
 </navPoint>
 <navPoint id="c" playOrder="3"><navLabel><text>下卷</text></navLabel><content src="sub/c2.xhtml"/></navPoint>
</navMap></ncx>"#;
        let doc = parse_xml("toc.ncx", x).unwrap();
        assert_eq!(
            ncx(&doc, "toc.ncx"),
            [
                e(0, "上卷", "c1.xhtml", None),
                e(1, "第一回", "c1.xhtml", Some("h1")),
                e(0, "下卷", "sub/c2.xhtml", None),
            ]
        );
    }
}
