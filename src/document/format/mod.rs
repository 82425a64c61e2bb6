//! Input formats: decoding gives text ([`super::load`]), then a format turns it into a
//! document through one [`Builder`]: the blocks with their source locations, then the
//! outline. Plain text (its heading rules in [`super::outline`]) and Markdown today; a
//! format that brings its own text (EPUB, HTML) appends it to the builder as it goes.

use super::load::Decoded;
use super::model::{Block, BlockKind, Document, Heading, Loc, is_layout_space};
use super::outline;

/// Builds a document: a format gives it blocks and headings over the text.
#[derive(Debug)]
pub struct Builder {
    name: String,
    text: String,
    encoding: &'static str,
    warnings: Vec<String>,
    blocks: Vec<Block>,
    headings: Vec<Heading>,
}

impl Builder {
    /// A builder named `name` over the decoded text, with no blocks yet.
    pub fn new(name: String, decoded: Decoded) -> Self {
        let Decoded { text, encoding, warnings } = decoded;
        Builder { name, text, encoding, warnings, blocks: Vec::new(), headings: Vec::new() }
    }

    /// The text the blocks point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The document's display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds a block (blocks come in reading order).
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The blocks so far and the text, for a format classifying them.
    pub fn blocks_mut(&mut self) -> (&str, &mut Vec<Block>) {
        (&self.text, &mut self.blocks)
    }

    /// Sets the outline (title and headings, in order).
    pub fn set_headings(&mut self, headings: Vec<Heading>) {
        self.headings = headings;
    }

    /// The document, immutable from now on.
    pub fn finish(self) -> Document {
        Document {
            name: self.name,
            text: self.text,
            encoding: self.encoding,
            warnings: self.warnings,
            blocks: self.blocks,
            headings: self.headings,
            path: None,
            from_stdin: false,
            id: std::sync::OnceLock::new(),
        }
    }
}

/// A kind of input: turns a builder's text into blocks and an outline.
pub trait Format: Sync {
    /// Gives `b` its blocks and headings.
    fn build(&self, b: &mut Builder);
}

/// Plain text: a block per non-empty line, headings by the plain-text rules.
#[derive(Debug, Clone, Copy)]
pub struct PlainText;

/// Markdown: a block per non-empty line, `#` headings as well as the plain-text rules.
#[derive(Debug, Clone, Copy)]
pub struct Markdown;

/// The lines as blocks, then the outline classified with or without Markdown headings.
fn build_lines(b: &mut Builder, markdown: bool) {
    for block in split_blocks(b.text()) {
        b.push(block);
    }
    let (text, blocks) = b.blocks_mut();
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
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") { &Markdown } else { &PlainText }
}

/// A document named `name` from decoded text in `format`.
pub fn build(format: &dyn Format, name: String, decoded: Decoded) -> Document {
    let mut b = Builder::new(name, decoded);
    format.build(&mut b);
    b.finish()
}

/// Longest block: a longer line (a whole novel on one line) is cut into paragraphs of at
/// most this many bytes, so that opening it wraps only what is shown (the first frame of a
/// 100 MB line in well under a second) and no wrap holds more than one piece in memory.
pub const MAX_BLOCK_BYTES: usize = 64 << 10;

/// Pushes the line `start..end` as one block, or as several when it is longer than
/// [`MAX_BLOCK_BYTES`]: each cut is made after a sentence end (`。！？` or a closing quote)
/// or a space near the limit when there is one, else at a character boundary. Nothing is
/// lost and every piece keeps the line number.
fn push_cut(blocks: &mut Vec<Block>, text: &str, mut start: usize, end: usize, line: usize) {
    while end - start > MAX_BLOCK_BYTES {
        let mut cut = start + MAX_BLOCK_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut window_from = cut - MAX_BLOCK_BYTES / 8;
        while !text.is_char_boundary(window_from) {
            window_from += 1;
        }
        let window = text.get(window_from..cut).unwrap_or("");
        if let Some((i, c)) =
            window.char_indices().rev().find(|&(_, c)| matches!(c, '。' | '！' | '？' | '”' | '」' | ' '))
        {
            cut = window_from + i + c.len_utf8();
        }
        // A piece never starts with layout spaces (the block invariant).
        let piece = text[start..cut].trim_end_matches(is_layout_space);
        if !piece.is_empty() {
            blocks.push(Block {
                start,
                end: start + piece.len(),
                line,
                loc: Loc::Line(line),
                kind: BlockKind::Body,
            });
        }
        start = cut + (text[cut..end].len() - text[cut..end].trim_start_matches(is_layout_space).len());
    }
    if start < end {
        blocks.push(Block { start, end, line, loc: Loc::Line(line), kind: BlockKind::Body });
    }
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
            push_cut(&mut blocks, text, start, start + content.len(), line);
        }
        if end >= bytes.len() {
            break;
        }
        // CRLF counts as one line end.
        pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
        line += 1;
    }
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
        assert!(md.blocks.iter().all(|b| b.loc == Loc::Line(b.line)));
        assert_eq!(md.headings.len(), 2, "{:?}", md.headings);
        assert_eq!(plain.blocks.len(), md.blocks.len());
        assert_eq!(Document::new("notes.md", decoded(text)).headings, md.headings);
    }
}
