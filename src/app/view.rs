//! What is on screen, worked out before drawing: the rows of the text pane with their
//! wrapped lines, the figures and search matches found in them, and the outline entries on
//! the outline's rows.
//!
//! Every analysis a frame needs (wrapping, the figure finder, the search scan) runs here,
//! in [`App::refresh_view`], which the reader calls whenever the view or what it shows may
//! have changed. Drawing paints this view and reads nothing else but state and indexes;
//! mouse hit-testing reads the same rows, so a click lands on what was drawn there.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::App;
use crate::document::Document;
use crate::document::figures::{self, Figure};
use crate::layout::VisualLine;

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

/// Figures found per block (or, in a huge block, per window of it), kept across frames so
/// that scrolling finds the figures of each block once.
#[derive(Debug, Clone, Default)]
pub struct FigureCache {
    found: HashMap<(usize, usize), Arc<Vec<Figure>>>,
}

/// How many windows the figure cache holds before it starts over.
const CACHE_WINDOWS: usize = 4096;

impl FigureCache {
    /// The figures of `text[ws..we]`.
    fn get(&mut self, text: &str, ws: usize, we: usize) -> Arc<Vec<Figure>> {
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
    fn figures_in(&mut self, doc: &Document, start: usize, end: usize) -> Vec<Figure> {
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
fn window(text: &str, bs: usize, be: usize, start: usize, end: usize) -> (usize, usize) {
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

impl App {
    /// Works out what the next frame shows: wraps the blocks in view, finds their figures
    /// (while figures are highlighted) and search matches, and lists the outline rows.
    pub fn refresh_view(&mut self) {
        let mut view = View { blocks: Vec::new(), outline: self.outline_rows() };
        let doc = Arc::clone(&self.doc);
        let height = self.text_height();
        let mut left = height;
        let mut pos = self.top;
        while left > 0 && pos.block < doc.blocks.len() {
            let block = &doc.blocks[pos.block];
            let lines = self.layout.lines(&doc, pos.block);
            let gap = if pos.block + 1 < doc.blocks.len() { self.layout.settings().spacing } else { 0 };
            let rows = (lines.len() + gap).saturating_sub(pos.row).min(left);
            if rows == 0 {
                pos.block += 1;
                pos.row = 0;
                continue;
            }
            let start = lines.get(pos.row).map_or(block.end, |l| l.start);
            let last_row = (pos.row + left).min(lines.len());
            let end = last_row.checked_sub(1).and_then(|r| lines.get(r)).map_or(block.end, |l| l.end);
            let span = start..end.max(start);
            let figures = if self.figures.shown {
                self.figure_cache.figures_in(&doc, span.start, span.end)
            } else {
                Vec::new()
            };
            let matches = self.search.matches_in(&doc.text, span.start, span.end).into_iter().map(|(m, _)| m);
            view.blocks.push(ViewBlock {
                block: pos.block,
                lines,
                first_row: pos.row,
                rows,
                span,
                figures,
                matches: matches.collect(),
            });
            left -= rows;
            pos.block += 1;
            pos.row = 0;
        }
        self.view = view;
    }

    /// The outline entries from the outline's first row down, as many as it has rows: the
    /// visible entries from the one that keeps the cursor centred.
    fn outline_rows(&self) -> Vec<usize> {
        let Some(area) = self.panes.outline else { return Vec::new() };
        // The outline's title takes its first row.
        let height = usize::from(area.height.saturating_sub(1));
        if height == 0 {
            return Vec::new();
        }
        let rows = self.fold.visible(&self.doc.headings);
        let cursor_row = rows.partition_point(|&h| h < self.outline_cursor);
        let first = cursor_row.saturating_sub(height.saturating_sub(1) / 2);
        let first = first.min(rows.len().saturating_sub(height));
        rows[first.min(rows.len())..].iter().take(height).copied().collect()
    }

    /// Whether byte `offset` lies on one of the rows of the text pane.
    pub fn offset_in_view(&self, offset: usize) -> bool {
        self.view.rows().any(|(_, l)| l.is_some_and(|l| l.start <= offset && offset < l.end.max(l.start + 1)))
    }
}
