//! The book's own table of contents: the EPUB 3 navigation document (`<nav
//! epub:type="toc">`, its nested `<ol>`) or the EPUB 2 NCX (nested `<navPoint>`s), as a
//! flat list of entries with their depth.

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

fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    let mut s = String::new();
    for d in n.descendants().filter(|d| d.is_text()) {
        s.push_str(d.text().unwrap_or(""));
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries of an EPUB 3 navigation document at `path`: the `nav` whose `epub:type`
/// says `toc` (else the first `nav`). A `<span>` heading without a link is left out, its
/// nested entries kept.
pub fn nav(doc: &roxmltree::Document<'_>, path: &str) -> Vec<Entry> {
    let base = super::package::dir_of(path);
    let navs: Vec<_> = doc.descendants().filter(|n| n.is_element() && local(*n) == "nav").collect();
    let is_toc = |n: &roxmltree::Node<'_, '_>| {
        n.attributes().any(|a| a.name() == "type" && a.value().split_whitespace().any(|t| t == "toc"))
    };
    let Some(toc) = navs.iter().find(|n| is_toc(n)).or(navs.first()) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(ol) = toc.children().find(|n| n.is_element() && matches!(local(*n), "ol" | "ul")) {
        nav_list(ol, 0, base, &mut out);
    }
    out
}

fn nav_list(list: roxmltree::Node<'_, '_>, depth: usize, base: &str, out: &mut Vec<Entry>) {
    for li in list.children().filter(|n| n.is_element() && local(*n) == "li") {
        let link = li.children().find(|n| n.is_element() && local(*n) == "a");
        if let Some(a) = link
            && let Some(href) = a.attribute("href")
        {
            let (path, frag) = resolve(base, href);
            out.push(Entry { depth: depth.min(MAX_DEPTH), label: text_of(a), path, frag });
        }
        for sub in li.children().filter(|n| n.is_element() && matches!(local(*n), "ol" | "ul")) {
            nav_list(sub, depth + 1, base, out);
        }
    }
}

/// The entries of an EPUB 2 NCX at `path` (its `navMap`).
pub fn ncx(doc: &roxmltree::Document<'_>, path: &str) -> Vec<Entry> {
    let base = super::package::dir_of(path);
    let mut out = Vec::new();
    if let Some(map) = doc.descendants().find(|n| n.is_element() && local(*n) == "navMap") {
        ncx_points(map, 0, base, &mut out);
    }
    out
}

fn ncx_points(parent: roxmltree::Node<'_, '_>, depth: usize, base: &str, out: &mut Vec<Entry>) {
    for point in parent.children().filter(|n| n.is_element() && local(*n) == "navPoint") {
        let label = point.children().find(|n| n.is_element() && local(*n) == "navLabel").map(text_of);
        let src = point
            .children()
            .find(|n| n.is_element() && local(*n) == "content")
            .and_then(|c| c.attribute("src"));
        if let Some(src) = src {
            let (path, frag) = resolve(base, src);
            out.push(Entry { depth: depth.min(MAX_DEPTH), label: label.unwrap_or_default(), path, frag });
        }
        ncx_points(point, depth + 1, base, out);
    }
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
        let doc = parse_xml("OPS/nav.xhtml", x).unwrap();
        assert_eq!(
            nav(&doc, "OPS/nav.xhtml"),
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
