//! Web pages and book chapters are untrusted: whatever the markup, parsing and converting
//! it ends with a document whose blocks and ids point into its text, and the tree the parser
//! builds is never deeper than the cap, which is what keeps its time linear (the parser's
//! work per tag grows with the depth; no timing is measured here).

use proptest::prelude::*;
use yuedu::document::format::markup;
use yuedu::document::load::Decoded;
use yuedu::document::{Document, format};

/// The depth of the deepest node of a parsed tree, counted without recursion.
fn depth(html: &scraper::Html) -> usize {
    let mut deepest = 0;
    let mut d = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                d += 1;
                deepest = deepest.max(d);
            }
            ego_tree::iter::Edge::Close(_) => d -= 1,
        }
    }
    deepest
}

fn page(text: String) -> Document {
    let decoded = Decoded { text, encoding: "UTF-8", warnings: Vec::new() };
    format::build(&format::html::Html, "p.html".into(), decoded)
}

fn check(doc: &Document) {
    for b in &doc.blocks {
        assert!(b.start < b.end && b.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(b.start) && doc.text.is_char_boundary(b.end));
        assert!(!doc.text[b.start..b.end].contains('\n'));
    }
    for h in &doc.headings {
        assert!(h.block < doc.blocks.len());
    }
}

#[test]
fn deep_nesting_of_every_kind_is_capped_and_its_text_kept() {
    for open in [
        "<div>",
        "<span>",
        "<b>",
        "<a href=x>",
        "<table><tr><td>",
        "<ul><li>",
        "<blockquote>",
        "<x-y>",
        "<b><i>",
    ] {
        let html = format!("<p>前</p>{}深处{}", open.repeat(30_000), "</div>".repeat(1000));
        let tree = markup::parse(&html);
        // Each counted element may bring up to three the parser implies (a table its tbody,
        // tr and td), so the tree is at most four times the cap deep.
        assert!(depth(&tree) <= 4 * markup::MAX_DEPTH + 16, "{open}: depth {}", depth(&tree));
        let mut b = format::Builder::empty("x.html".into(), "UTF-8");
        markup::append(&mut b, tree.tree.root(), &markup::Options::default());
        let converted = b.finish();
        check(&converted);
        assert!(converted.text.contains("深处"), "{open}: {}", converted.text);
        check(&page(html));
    }
}

#[test]
fn huge_attributes_and_many_of_them_are_read_once() {
    let long = format!("<p class=\"{}\" title='{}'>字</p>", "c".repeat(4 << 20), "\"<div>".repeat(1 << 16));
    let doc = page(long);
    check(&doc);
    assert_eq!(doc.text, "字\n");
    let many: String = (0..100_000).map(|i| format!(" a{i}=\"<p>\"")).collect();
    let html = format!("<p{many}>字</p><p id=\"{}\">二</p><br{many}/>", "i".repeat(1 << 20));
    let tree = markup::parse(&html);
    let most = tree.tree.values().filter_map(|n| n.as_element()).map(|e| e.attrs().count()).max();
    assert!(most.is_some_and(|n| n <= markup::MAX_ATTRIBUTES), "{most:?}");
    let doc = page(html);
    check(&doc);
    assert_eq!(doc.text, "字\n二\n");
}

/// Pieces of markup, well formed or not, that a generated page is made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<h2 id=s>".to_string()),
        Just("</h2>".to_string()),
        Just("<br/>".to_string()),
        Just("<ruby>字<rt>zì</rt></ruby>".to_string()),
        Just("<img alt=\"图\">".to_string()),
        Just("<strong>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<pre>\n".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<a id='x' href=\"".to_string()),
        Just("\"".to_string()),
        Just(">".to_string()),
        Just("<".to_string()),
        Just("&amp;&#0;&#x1b;&nbsp;".to_string()),
        Just("\u{202e}\u{1b}[31m\r\n".to_string()),
        "[一-龥，。“”a-z ]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_markup_gives_a_document_whose_offsets_hold(pieces in proptest::collection::vec(piece(), 0..80)) {
        let html: String = pieces.concat();
        for prefix in ["", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"] {
            let text = format!("{prefix}{html}");
            let tree = markup::parse(&text);
            let mut b = format::Builder::empty("x.xhtml".into(), "UTF-8");
            let c = markup::append(&mut b, tree.tree.root(), &markup::Options::default());
            let doc = b.finish();
            check(&doc);
            prop_assert!(c.blocks.end == doc.blocks.len());
            for &at in c.ids.values() {
                prop_assert!(at <= doc.text.len() && doc.text.is_char_boundary(at));
            }
            check(&page(text));
        }
    }
}
