//! The document's data: blocks, their kinds, headings, and the document itself. A leaf of
//! the `document` room: the formats that build a document and the outline classifier import
//! these types from here, never from the room's `mod.rs`.

use std::ops::Range;

/// What a block is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title (first line).
    Title,
    /// A subtitle under the title.
    Subtitle,
    /// A section heading; level 2 is a section under the title, deeper levels nest.
    Heading {
        /// Outline level: 1 for the title, 2 for sections, 3 and more for subsections.
        level: u8,
    },
    /// An ordinary paragraph.
    Body,
    /// The closing byline (reporters, editors); not a section.
    Byline,
}

/// A paragraph, heading or other unit of the text (in a text file, one non-empty line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the first content character.
    pub start: usize,
    /// Byte offset just past the last content character.
    pub end: usize,
    /// The number outputs and bookmarks name the block by: its 1-based source line in a
    /// text file (formats without lines number their blocks).
    pub line: usize,
    /// Where the block came from in its source.
    pub loc: Loc,
    /// Its role in the article.
    pub kind: BlockKind,
}

impl Block {
    /// The block's byte range in the document text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Where a block came from in its source: what a format can point back to. Not always a
/// line: a format built from markup (EPUB, HTML) names its element instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// A line of a text file, 1-based (a line longer than a block holds several blocks).
    /// Four bytes, as an element's numbers are, so that a block takes 40 bytes instead of
    /// 48 (a text has at most [`crate::document::load::MAX_FILE_BYTES`] bytes, so its lines
    /// are numbered within them).
    Line(u32),
    /// An element of markup: `element` is its 0-based index in document order among the
    /// elements of markup file `part` (0 for a web page; a book's file in reading order).
    /// The block's text is what that element holds (up to a `<br>` or a nested block).
    Element {
        /// Which markup file of the document (0 for a single page).
        part: u32,
        /// The element's index in document order in that file.
        element: u32,
    },
}

/// One entry of the outline: a title or heading block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for the title, 2 for sections, deeper for subsections.
    pub level: u8,
    /// Index into [`Document::blocks`].
    pub block: usize,
}

/// A loaded article.
#[derive(Debug, Clone)]
pub struct Document {
    /// Display name (file name).
    pub name: String,
    /// Decoded source text; every offset points into it.
    pub text: String,
    /// Name of the encoding the bytes were decoded from (e.g. `UTF-8`, `GB18030`).
    pub encoding: &'static str,
    /// Problems met while decoding that did not stop loading (shown in the status line).
    pub warnings: Vec<String>,
    /// The non-empty lines, in order.
    pub blocks: Vec<Block>,
    /// Title and headings in order of appearance.
    pub headings: Vec<Heading>,
    /// The file's canonical path (none for the bundled article or a text built in memory):
    /// part of the text's identity ([`crate::store::identity`]).
    pub path: Option<std::path::PathBuf>,
    /// Whether the text was read from standard input (it has no path; its identity is its
    /// content's, [`crate::store::identity`]).
    pub from_stdin: bool,
    /// [`Document::legacy_id`], computed on first use: hashing a 50 MB text takes tens of ms.
    pub(super) id: std::sync::OnceLock<String>,
}

/// Characters that are layout, not content, at either end of a line.
pub fn is_layout_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{feff}' | '\u{0b}' | '\u{0c}')
}
