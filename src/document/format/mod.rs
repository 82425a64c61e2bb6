//! Input formats: decoding gives text ([`super::load`]), then a format turns it into a
//! document through one [`Builder`]: the blocks with their source locations, then the
//! outline. Plain text (its heading rules in [`super::outline`]) and Markdown start from
//! decoded text ([`Builder::new`]); a format that brings its own text (EPUB, HTML) starts
//! empty ([`Builder::empty`]) and appends a line of text per block as it goes
//! ([`Builder::push_line`]), the way [`markup`] turns HTML and XHTML into blocks.

pub mod builder;
pub mod epub;
pub mod html;
pub mod markup;

use builder::push_cut;
pub use builder::{Builder, Format, MAX_BLOCK_BYTES};

use super::load::Decoded;
use super::model::{Block, BlockKind, Document, Loc, is_layout_space};
use super::outline;

/// Plain text: a block per non-empty line, headings by the plain-text rules.
#[derive(Debug, Clone, Copy)]
pub struct PlainText;

/// Markdown: a block per non-empty line, `#` headings as well as the plain-text rules.
#[derive(Debug, Clone, Copy)]
pub struct Markdown;

/// The lines as blocks, then the outline classified with or without Markdown headings.
fn build_lines(b: &mut Builder, markdown: bool) {
    // The split's own vector becomes the document's: pushing its blocks one by one into
    // another would hold both (48 MB for the 500,000 lines of a 200 MB novel).
    let split = split_blocks(b.text());
    let (text, blocks) = b.blocks_mut();
    *blocks = split;
    let headings = outline::classify(text, blocks, markdown);
    b.set_headings(headings);
}

impl Format for PlainText {
    fn build(&self, b: &mut Builder) {
        build_lines(b, false);
    }
}

impl Format for Markdown {
    fn build(&self, b: &mut Builder) {
        build_lines(b, true);
    }
}

/// The format a file name says: Markdown for `.md` and `.markdown`, else plain text.
pub fn for_name(name: &str) -> &'static dyn Format {
    if super::sniff::is_markdown_name(name) { &Markdown } else { &PlainText }
}

/// The format of a text named `name`: a web page when [`super::sniff::is_page`] says so
/// (by its name, or by its start unless its name says Markdown), else what [`for_name`]
/// says. A text over [`super::sniff::MAX_PAGE_BYTES`] is never parsed as a page (reading
/// the file refuses one that is a page).
pub fn for_content(name: &str, text: &str) -> &'static dyn Format {
    let page = super::sniff::is_page(name, text.as_bytes());
    if page && text.len() <= super::sniff::MAX_PAGE_BYTES { &html::Html } else { for_name(name) }
}

/// A document named `name` from decoded text in `format`.
pub fn build(format: &dyn Format, name: String, decoded: Decoded) -> Document {
    let mut b = Builder::new(name, decoded);
    format.build(&mut b);
    b.finish()
}

/// Splits `text` into its non-empty lines (LF, CRLF or CR line ends), trimmed of layout
/// spaces. Each block starts as [`BlockKind::Body`].
pub fn split_blocks(text: &str) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut blocks = Vec::new();
    let mut line = 1usize;
    let mut pos = 0usize;
    while pos <= bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let raw = &text[pos..end];
        let trimmed_start = raw.trim_start_matches(is_layout_space);
        let content = trimmed_start.trim_end_matches(is_layout_space);
        if !content.is_empty() {
            let start = pos + (raw.len() - trimmed_start.len());
            let (loc, kind) = (Loc::Line(u32::try_from(line).unwrap_or(u32::MAX)), BlockKind::Body);
            push_cut(&mut blocks, text, start, start + content.len(), line, loc, kind);
        }
        if end >= bytes.len() {
            break;
        }
        // CRLF counts as one line end.
        pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
        line += 1;
    }
    // Grown by doubling: up to half of it unused (12 MB for a 200 MB novel's 500,000 lines).
    blocks.shrink_to_fit();
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &str) -> Decoded {
        Decoded { text: text.to_string(), encoding: "UTF-8", warnings: Vec::new() }
    }

    #[test]
    fn the_name_picks_the_format_and_blocks_know_their_line() {
        let text = "# 标题\n\n## 第一节\n\n　　正文。\n";
        let md = build(for_name("notes.MD"), "notes.MD".into(), decoded(text));
        let plain = build(&PlainText, "notes.txt".into(), decoded(text));
        assert_eq!(md.blocks.iter().map(|b| b.loc).collect::<Vec<_>>(), [1, 3, 5].map(Loc::Line));
        assert!(md.blocks.iter().all(|b| b.loc == Loc::Line(b.line as u32)));
        assert_eq!(md.headings.len(), 2, "{:?}", md.headings);
        assert_eq!(plain.blocks.len(), md.blocks.len());
        assert_eq!(Document::new("notes.md", decoded(text)).headings, md.headings);
    }
}
