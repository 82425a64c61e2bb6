//! A saved web page: the article, not the page.
//!
//! The page is parsed by [`super::markup::parse`] and its article found on the tree
//! (`article`): the title (the page's `h1`, else `og:title`, else `<title>` without the
//! site's name after `_`, ` - `, `|`), the subtitle or lead, the section headings (`h2`–`h6`
//! and the short bold-only paragraphs `<p><strong>…</strong></p>` that Chinese news sites
//! use as subheads), the paragraphs and the byline (记者, 编辑, 作者, 来源 lines);
//! navigation, breadcrumbs, share bars, comments, related links, rankings, ads and footers
//! are left out. The blocks are made by the shared converter ([`super::markup::append`]),
//! so the text is the article's extracted text, a line per block, which every offset
//! points into and `yuedu dump` prints.
//!
//! Why not a readability crate: `dom_smoothie` 0.19 (a port of Mozilla's Readability) was
//! tried on the corpus pages (`tests/corpus/pages/`): it finds the body's paragraphs, but
//! keeps a share bar's words inside one page's text, loses the editor and author lines of
//! two, keeps the site's name in a `<title>`, gives the article as flat text or as HTML to
//! parse again, and knows nothing of bold subheads; the rules here are written on the same
//! parser the EPUB chapters go through.

mod article;

use super::builder::{Builder, Format};
use super::markup;

/// The web-page format ([`super::for_content`] picks it by name or by content; a page
/// larger than [`crate::document::sniff::MAX_PAGE_BYTES`] is refused when read).
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl Format for Html {
    fn build(&self, b: &mut Builder) {
        // The page's text gives way to the article's (the builder counts lines from it).
        let source = std::mem::take(&mut b.text);
        let tree = markup::parse(&source);
        drop(source);
        article::append(b, &tree);
        article::level_headings(b);
        b.headings_from_kinds();
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
