//! The state of `app::view` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::document::Document;
use crate::document::figures::{self, Figure};
use crate::layout::VisualLine;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// One block with rows in the text pane.
#[derive(Debug, Clone)]
pub struct ViewBlock {
    /// Index into the document's blocks.
    pub block: usize,
    /// Every wrapped line of the block (not only the rows shown).
    pub lines: Arc<[VisualLine]>,
    /// The first row of the block shown (its lines, then its blank rows).
    pub first_row: usize,
    /// How many rows of the block are shown from `first_row`.
    pub rows: usize,
    /// The bytes of the rows shown (`start == end` for blank rows only).
    pub span: Range<usize>,
    /// The figures found in the blocks around `span` (every kind; drawing filters them).
    pub figures: Vec<Figure>,
    /// The search matches overlapping `span`.
    pub matches: Vec<Range<usize>>,
}

/// The screen as the next frame draws it.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The blocks with rows in the text pane, top to bottom.
    pub blocks: Vec<ViewBlock>,
    /// The outline entries (indices into `doc.headings`) from the outline's first row down.
    pub outline: Vec<usize>,
}

impl View {
    /// The rows of the text pane from the top: a block, its line when the row holds one.
    pub fn rows(&self) -> impl Iterator<Item = (&ViewBlock, Option<&VisualLine>)> {
        self.blocks
            .iter()
            .flat_map(|vb| (vb.first_row..vb.first_row + vb.rows).map(move |r| (vb, vb.lines.get(r))))
    }
}

/// When the view is worked out: once at the end of each entry point (a key, a prompt's
/// key, a paste, a mouse event, the runtime's effects), however often the top moves
/// within it; at once on a move outside one.
#[derive(Debug, Clone, Default)]
pub struct Refresh {
    /// An entry point is under way: a move of the view marks it stale instead.
    pub(in crate::app) deferred: bool,
    /// The view no longer shows the top: worked out again before it is read.
    pub(in crate::app) stale: bool,
    /// How many times the view was worked out.
    pub(in crate::app) count: u64,
}

/// Figures found per block (or, in a huge block, per window of it), kept across frames so
/// that scrolling finds the figures of each block once.
#[derive(Debug, Clone, Default)]
pub struct FigureCache {
    pub(in crate::app) found: HashMap<(usize, usize), Arc<Vec<Figure>>>,
}

/// How many windows the figure cache holds before it starts over.
pub(in crate::app) const CACHE_WINDOWS: usize = 4096;

impl FigureCache {
    /// The figures of `text[ws..we]`.
    pub(in crate::app) fn get(&mut self, text: &str, ws: usize, we: usize) -> Arc<Vec<Figure>> {
        if let Some(f) = self.found.get(&(ws, we)) {
            return f.clone();
        }
        if self.found.len() >= CACHE_WINDOWS {
            self.found.clear();
        }
        let f = Arc::new(figures::find_figures(&text[ws..we], ws));
        self.found.insert((ws, we), f.clone());
        f
    }

    /// The figures overlapping bytes `start..end`, found in every block that range touches.
    pub(in crate::app) fn figures_in(&mut self, doc: &Document, start: usize, end: usize) -> Vec<Figure> {
        let mut out = Vec::new();
        if doc.blocks.is_empty() {
            return out;
        }
        let mut b = doc.block_at(start);
        while let Some(block) = doc.blocks.get(b).filter(|bl| bl.start < end) {
            let (ws, we) = window(&doc.text, block.start, block.end, start, end);
            out.extend(
                self.get(&doc.text, ws, we).iter().filter(|f| f.end > start && f.start < end).cloned(),
            );
            b += 1;
        }
        out
    }
}

/// The part of block `bs..be` to scan for the drawn range `start..end`: the whole block
/// unless it is huge (a file without line breaks), then a window around the range cut at
/// sentence ends (。！？), which no figure crosses, so every frame stays cheap.
pub(in crate::app) fn window(text: &str, bs: usize, be: usize, start: usize, end: usize) -> (usize, usize) {
    const SLACK: usize = 1 << 10;
    const MAX: usize = 1 << 18;
    if be - bs <= MAX {
        return (bs, be);
    }
    let is_stop = |c: char| matches!(c, '。' | '！' | '？' | '\n');
    let mut ws = start.saturating_sub(SLACK).max(bs);
    while !text.is_char_boundary(ws) {
        ws -= 1;
    }
    let ws = text[ws..start.max(ws)].rfind(is_stop).map_or(ws, |i| ws + i);
    let mut we = end.min(start.saturating_add(MAX)).min(be);
    while !text.is_char_boundary(we) {
        we += 1;
    }
    let mut limit = (we + SLACK).min(be);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let we = text[we..limit].find(is_stop).map_or(limit, |i| we + i);
    (ws.max(bs), we.min(be))
}
