//! Text → visual lines for a width: the line breaker ([`linebreak`]) and a per-width cache
//! of wrapped blocks, with positions that walk rows without wrapping the whole document.
//!
//! A position in the text pane is a [`Pos`]: a block and a row inside it (its wrapped lines,
//! then the blank rows that separate it from the next block). Only the blocks that are
//! shown get wrapped, so a keypress or a resize costs the same in any size of file.

pub mod linebreak;
mod punct;
pub mod vertical;

use std::collections::HashMap;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

pub use linebreak::{VisualLine, WrapOptions};

use crate::document::{BlockKind, Document};
use crate::text::script::{self, Script};

/// A row of the text pane: block index and row within the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Index into the document's blocks.
    pub block: usize,
    /// Row within the block: its lines first, then its trailing blank rows.
    pub row: usize,
}

/// How blocks are set: everything that changes the wrap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Text column width in columns.
    pub width: usize,
    /// First-line indent of body paragraphs.
    pub indent: String,
    /// Blank rows between blocks.
    pub spacing: usize,
    /// Line-breaking options.
    pub wrap: WrapOptions,
    /// The script the text is shown in.
    pub script: Script,
    /// Set vertically: `width` is then twice the column's length in cells, and a line is a
    /// column (see [`vertical`]).
    pub vertical: bool,
}

impl Settings {
    /// These settings for columns `height` cells long (see [`vertical`]): a column is
    /// wrapped as a line two screen columns a cell wide, with “ ” … — counted wide, as each
    /// takes a cell of its own.
    pub fn vertical(mut self, height: usize) -> Settings {
        self.vertical = true;
        self.width = 2 * height.max(1);
        self.wrap.ambiguous_wide = true;
        self
    }

    /// Width of the first-line indent in columns.
    pub fn indent_width(&self) -> usize {
        if self.wrap.ambiguous_wide { self.indent.width_cjk() } else { self.indent.width() }
    }
}

/// How many wrapped blocks the cache holds before it drops the far ones.
const CACHE_BLOCKS: usize = 4096;

/// Wrapped blocks for the current settings, filled lazily.
#[derive(Debug, Clone)]
pub struct Layout {
    settings: Settings,
    cache: HashMap<usize, Arc<[VisualLine]>>,
}

/// The bytes of the marker that starts a list item (`* `, `- ` or `• `, then the item's
/// words), as encyclopedia texts write their lists; `None` for any other paragraph.
pub fn list_marker(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, mark) = chars.next()?;
    let (_, space) = chars.next()?;
    let (rest, _) = chars.next()?;
    (matches!(mark, '*' | '-' | '•') && space == ' ').then_some(rest)
}

/// The list marker of `block` when it is a list item (a paragraph starting with one).
fn item_marker(doc: &Document, block: usize) -> Option<usize> {
    let b = doc.blocks.get(block)?;
    if b.kind != BlockKind::Body {
        return None;
    }
    list_marker(&doc.text[b.start..b.end])
}

/// Blank rows after `block` under `spacing`: none after the last block, none between two
/// items of a list, which read as one list, and none between the lines of a title set over
/// several (an official document's), which read as one title.
pub fn gap_after(doc: &Document, block: usize, spacing: usize) -> usize {
    if block + 1 >= doc.blocks.len()
        || (item_marker(doc, block).is_some() && item_marker(doc, block + 1).is_some())
        || doc.title_runs_on(block)
    {
        0
    } else {
        spacing
    }
}

/// Wraps one block of `doc` under `settings` (no cache). A body paragraph starts with the
/// first-line indent; a list item has none, and its later lines hang under its first word,
/// clear of the marker.
pub fn wrap_block(doc: &Document, block: usize, settings: &Settings) -> Vec<VisualLine> {
    let lines = wrap_lines(doc, block, settings);
    if settings.vertical {
        return vertical::fit_columns(lines, settings.width / 2, &settings.wrap, &doc.text);
    }
    lines
}

/// The lines of `block` for `settings.width` columns (see [`wrap_block`]).
fn wrap_lines(doc: &Document, block: usize, settings: &Settings) -> Vec<VisualLine> {
    let b = &doc.blocks[block];
    if let Some(marker) = item_marker(doc, block) {
        let hang = linebreak::str_width(&doc.text[b.start..b.start + marker], settings.wrap.ambiguous_wide);
        let from = b.start + marker;
        let width = settings.width.saturating_sub(hang).max(1);
        let mut lines = wrap_shown(&doc.text[from..b.end], from, width, 0, settings);
        for line in &mut lines {
            line.col += hang;
            line.indent = hang;
        }
        // The marker goes back at the front of the first line, in place of its indent.
        if let Some(first) = lines.first_mut() {
            let marker = &doc.text[b.start..from];
            first.text = format!("{marker}{}", first.text);
            if !first.origin.is_empty() {
                let shift = (first.start - b.start) as u32;
                let before = marker.char_indices().map(|(i, _)| i as u32);
                first.origin = before.chain(first.origin.iter().map(|o| o + shift)).collect();
            }
            first.start = b.start;
            first.width += hang;
            first.col -= hang;
            first.indent = 0;
        }
        return lines;
    }
    let indent = if b.kind == BlockKind::Body { settings.indent_width() } else { 0 };
    wrap_shown(&doc.text[b.start..b.end], b.start, settings.width, indent, settings)
}

/// Wraps `s` (at byte `base` of the document) as shown in `settings.script`: the shown text
/// is wrapped, and each line's range and characters are mapped back to the source, so every
/// position stays a byte offset of the source.
fn wrap_shown(s: &str, base: usize, width: usize, indent: usize, settings: &Settings) -> Vec<VisualLine> {
    if settings.script == Script::AsWritten {
        return linebreak::wrap(s, base, width, indent, &settings.wrap);
    }
    let shown = script::convert(s, settings.script);
    let mut lines = linebreak::wrap(&shown.text, 0, width, indent, &settings.wrap);
    for line in &mut lines {
        let start = shown.to_source(line.start);
        line.origin = shown.text[line.start..line.end]
            .char_indices()
            .map(|(i, _)| (shown.to_source(line.start + i) - start) as u32)
            .collect();
        line.start = base + start;
        line.end = base + shown.to_source(line.end).max(start);
    }
    lines
}

impl Layout {
    /// An empty layout for `settings`.
    pub fn new(settings: Settings) -> Self {
        Layout { settings, cache: HashMap::new() }
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes the settings; drops every cached wrap when they differ.
    pub fn set_settings(&mut self, settings: Settings) {
        if settings != self.settings {
            self.settings = settings;
            self.cache.clear();
        }
    }

    /// The lines of `block`, wrapping and caching it if needed.
    pub fn lines(&mut self, doc: &Document, block: usize) -> Arc<[VisualLine]> {
        if let Some(l) = self.cache.get(&block) {
            return l.clone();
        }
        let lines: Arc<[VisualLine]> = wrap_block(doc, block, &self.settings).into();
        if self.cache.len() >= CACHE_BLOCKS {
            // Reading through a long novel must not keep every wrapped block: keep the
            // neighbourhood of where the reader is now.
            self.cache.retain(|&b, _| b.abs_diff(block) < CACHE_BLOCKS / 4);
        }
        self.cache.insert(block, lines.clone());
        lines
    }

    /// Rows of `block`: its lines plus the blank rows after it (see [`gap_after`]).
    pub fn rows(&mut self, doc: &Document, block: usize) -> usize {
        self.lines(doc, block).len() + self.gap_after(doc, block)
    }

    /// Blank rows after `block` (see [`gap_after`]).
    pub fn gap_after(&self, doc: &Document, block: usize) -> usize {
        gap_after(doc, block, self.settings.spacing)
    }

    /// The last row of the document.
    pub fn last(&mut self, doc: &Document) -> Pos {
        match doc.blocks.len() {
            0 => Pos::default(),
            n => Pos { block: n - 1, row: self.rows(doc, n - 1).saturating_sub(1) },
        }
    }

    /// `pos` moved down by `n` rows, stopping at the last row.
    pub fn forward(&mut self, doc: &Document, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            let rows = self.rows(doc, pos.block);
            let left = rows - 1 - pos.row.min(rows - 1);
            if n <= left {
                pos.row += n;
                return pos;
            }
            if pos.block + 1 >= doc.blocks.len() {
                pos.row = rows - 1;
                return pos;
            }
            n -= left + 1;
            pos = Pos { block: pos.block + 1, row: 0 };
        }
        pos
    }

    /// `pos` moved up by `n` rows, stopping at the first row.
    pub fn backward(&mut self, doc: &Document, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if n <= pos.row {
                pos.row -= n;
                return pos;
            }
            if pos.block == 0 {
                return Pos::default();
            }
            n -= pos.row + 1;
            let block = pos.block - 1;
            pos = Pos { block, row: self.rows(doc, block) - 1 };
        }
        pos
    }

    /// The lowest top row that still fills a pane `height` rows high.
    pub fn max_top(&mut self, doc: &Document, height: usize) -> Pos {
        let last = self.last(doc);
        self.backward(doc, last, height.saturating_sub(1))
    }

    /// The row of `block` that shows byte `offset` (its first row when none does).
    pub fn row_of(&mut self, doc: &Document, block: usize, offset: usize) -> usize {
        let lines = self.lines(doc, block);
        lines.iter().rposition(|l| l.start <= offset).unwrap_or(0)
    }

    /// The row showing byte `offset` (none in an empty document): the inverse of
    /// [`Layout::offset_of`].
    pub fn pos_showing(&mut self, doc: &Document, offset: usize) -> Option<Pos> {
        if doc.blocks.is_empty() {
            return None;
        }
        let mut block = doc.block_at(offset);
        // The end of a block is the place of the blank row under it (what `offset_of` gives
        // for that row), not the next block.
        if block > 0 && doc.blocks[block - 1].end == offset && self.gap_after(doc, block - 1) > 0 {
            block -= 1;
        }
        let row = if offset >= doc.blocks[block].end && doc.blocks[block].end > doc.blocks[block].start {
            self.lines(doc, block).len()
        } else {
            self.row_of(doc, block, offset)
        };
        let rows = self.rows(doc, block);
        Some(Pos { block, row: row.min(rows.saturating_sub(1)) })
    }

    /// The byte offset of the first character shown on `pos`'s row (the block's end for a
    /// blank row).
    pub fn offset_of(&mut self, doc: &Document, pos: Pos) -> usize {
        // The first row starts where its block starts: no need to wrap the block (which,
        // before the first resize, would be wrapped at a width of 1 column).
        if pos.row == 0 {
            return doc.blocks[pos.block].start;
        }
        let lines = self.lines(doc, pos.block);
        lines.get(pos.row).map_or(doc.blocks[pos.block].end, |l| l.start)
    }
}
