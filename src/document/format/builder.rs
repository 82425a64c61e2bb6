//! The builder every format fills, and the [`Format`] trait: a leaf of `format`, so the
//! formats (and the markup converter) import it without importing the room's `mod.rs`,
//! which chooses among them.

use std::ops::Range;

use crate::document::load::Decoded;
use crate::document::model::{Block, BlockKind, Document, Heading, Loc, is_layout_space};

/// Builds a document: a format gives it blocks and headings over the text. Its fields are
/// open to the formats (the `format` room), which classify the blocks they pushed.
#[derive(Debug)]
pub struct Builder {
    pub(super) name: String,
    pub(super) text: String,
    pub(super) encoding: &'static str,
    pub(super) warnings: Vec<String>,
    pub(super) blocks: Vec<Block>,
    pub(super) headings: Vec<Heading>,
    /// Lines of text so far, for [`Builder::push_line`]; counted on first use.
    pub(super) lines: Option<usize>,
}

impl Builder {
    /// A builder named `name` over the decoded text, with no blocks yet.
    pub fn new(name: String, decoded: Decoded) -> Self {
        let Decoded { text, encoding, warnings } = decoded;
        Builder { name, text, encoding, warnings, blocks: Vec::new(), headings: Vec::new(), lines: None }
    }

    /// A builder named `name` with no text yet, for a format that brings its own text
    /// (decoded from `encoding`) and appends it with [`Builder::push_line`].
    pub fn empty(name: String, encoding: &'static str) -> Self {
        Builder::new(name, Decoded { text: String::new(), encoding, warnings: Vec::new() })
    }

    /// Records a problem that did not stop loading (shown in the status line).
    pub fn warn(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// Appends `line` to the text as a line of its own and makes it a block of `kind` from
    /// `loc` (several blocks when it is longer than [`MAX_BLOCK_BYTES`], cut as a long line
    /// of a text file is). Line breaks inside `line` become spaces, so every block is one
    /// line of the text and its [`Block::line`] is that line's number; layout spaces at
    /// either end are not part of the block. An empty or blank line adds nothing. Returns
    /// the indices of the blocks added.
    pub fn push_line(&mut self, line: &str, loc: Loc, kind: BlockKind) -> Range<usize> {
        let first = self.blocks.len();
        let content = line.trim_matches(|c: char| is_layout_space(c) || c.is_whitespace());
        if content.is_empty() {
            return first..first;
        }
        let lines = match self.lines {
            Some(n) => n,
            None => {
                let t = self.text.as_bytes();
                let breaks = t.iter().filter(|&&c| c == b'\n').count();
                if t.is_empty() || t.ends_with(b"\n") { breaks } else { breaks + 1 }
            }
        };
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.extend(content.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }));
        let end = self.text.len();
        self.text.push('\n');
        self.lines = Some(lines + 1);
        push_cut(&mut self.blocks, &self.text, start, end, lines + 1, loc, kind);
        first..self.blocks.len()
    }

    /// Makes the outline from the blocks' kinds: every title and heading block, in order,
    /// the title at level 1 (for a format whose markup says what is a heading).
    pub fn headings_from_kinds(&mut self) {
        self.headings = self
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b.kind {
                BlockKind::Title => Some(Heading { level: 1, block: i }),
                BlockKind::Heading { level } => Some(Heading { level, block: i }),
                _ => None,
            })
            .collect();
    }

    /// The text the blocks point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The document's display name.
    pub fn name(&self) -> &str {
        &self.name
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

/// Longest block: a longer line (a whole novel on one line) is cut into paragraphs of at
/// most this many bytes, so that opening it wraps only what is shown (the first frame of a
/// 100 MB line in well under a second) and no wrap holds more than one piece in memory.
pub const MAX_BLOCK_BYTES: usize = 64 << 10;

/// Pushes the line `start..end` as one block, or as several when it is longer than
/// [`MAX_BLOCK_BYTES`]: each cut is made after a sentence end (`。！？` or a closing quote)
/// or a space near the limit when there is one, else at a character boundary. Nothing is
/// lost and every piece keeps the line number.
pub(super) fn push_cut(
    blocks: &mut Vec<Block>,
    text: &str,
    mut start: usize,
    end: usize,
    line: usize,
    loc: Loc,
    kind: BlockKind,
) {
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
            blocks.push(Block { start, end: start + piece.len(), line, loc, kind });
        }
        start = cut + (text[cut..end].len() - text[cut..end].trim_start_matches(is_layout_space).len());
    }
    if start < end {
        blocks.push(Block { start, end, line, loc, kind });
    }
}
