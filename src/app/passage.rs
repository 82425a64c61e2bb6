//! Selecting any passage: `v` starts a selection ([`Selection::Range`]) and puts the reader
//! in the selection mode, where `h` / `l` extend it by a character, `j` / `k` by a row,
//! `.` / `,` to the next / previous sentence end, `}` / `{` to the next / previous figure;
//! `y` / `Y` copy it (see [`super::copy`]), `m` / `M` save it as a highlight, Esc or `v`
//! again cancel it.
//!
//! The selection's ends are the first bytes of characters of the source text (graphemes:
//! a letter with its marks is one step), never screen cells, so a wide character is
//! selected whole and the selection survives any re-wrap. The motions step over the line
//! breaks between paragraphs: the character after a paragraph's last is the next
//! paragraph's first.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{Action, App, PromptKind, Selection};
use crate::document::quotes::is_sentence_end;
use crate::i18n::{self, Msg};
use crate::layout::linebreak::grapheme_width;
use crate::layout::{Pos, VisualLine};
use crate::store::bookmarks::HIGHLIGHT;

/// Marks that close a sentence after its end mark (`。”`, `！）`).
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '】', '"', '\''];

fn is_mark(c: char) -> bool {
    is_sentence_end(c) || CLOSERS.contains(&c)
}

/// The column (from the pane's left edge, the indent included) at which the grapheme at
/// byte `at` of `line` is drawn; `at` past the line gives the column after it.
pub(super) fn column_of(line: &VisualLine, text: &str, at: usize, wide: bool) -> usize {
    let mut col = line.indent;
    for (off, g) in cells(line, text) {
        if off >= at {
            return col;
        }
        col += grapheme_width(g, wide);
    }
    col
}

/// The byte offset of the grapheme of `line` drawn over column `col` (the indent included);
/// `None` left of the text or right of its end.
pub(super) fn offset_at_column(line: &VisualLine, text: &str, col: usize, wide: bool) -> Option<usize> {
    let mut at = line.indent;
    for (off, g) in cells(line, text) {
        let w = grapheme_width(g, wide);
        if col >= at && col < at + w {
            return Some(off);
        }
        at += w;
    }
    None
}

/// The graphemes of `line` as drawn (normalised punctuation), each with the byte offset in
/// the document of its first source character (see [`VisualLine::char_offsets`]).
fn cells<'a>(line: &'a VisualLine, text: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let src = &text[line.start..line.end];
    let mut offs = line.char_offsets(src);
    line.text.graphemes(true).map(move |g| {
        let off = offs.next().unwrap_or(src.len());
        let more = g.chars().count() - 1;
        if more > 0 {
            offs.nth(more - 1);
        }
        (line.start + off, g)
    })
}

impl App {
    /// The bytes of the selected passage, while one is selected.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        self.selection.range(&self.doc.text)
    }

    /// The status line while a passage is selected: how many characters it holds, and the
    /// keys that copy, keep and cancel it.
    pub fn selection_status(&self) -> Option<String> {
        let r = self.selected_range()?;
        let keys = &self.config.keymap;
        let (copy, keep, cancel) =
            (keys.first_key(Action::Copy), keys.first_key(Action::Bookmark), keys.first_key(Action::Clear));
        Some(i18n::text(Msg::SelectionStatus {
            n: self.doc.text[r].chars().count(),
            copy: copy.as_deref(),
            keep: keep.as_deref(),
            cancel: cancel.as_deref(),
        }))
    }

    /// The keys of the selection mode; whether `action` was one of them.
    pub(super) fn update_passage(&mut self, action: Action) -> bool {
        let Selection::Range { anchor, cursor } = self.selection else { return false };
        if self.doc.blocks.is_empty() {
            return false;
        }
        // The motions start from a character of a paragraph, whatever the offset says.
        let mut cursor = cursor.min(self.doc.text.len());
        while !self.doc.text.is_char_boundary(cursor) {
            cursor -= 1;
        }
        let cursor = self.char_at_or_after(cursor);
        // `j` / `k` keep to the column they started in; any other key forgets it.
        let column = self.passage.column.take();
        let to = match action {
            Action::SelectStart | Action::Clear => {
                self.selection = Selection::None;
                return true;
            }
            Action::SelectRight => self.next_char(cursor).ok_or(Msg::AtTextEnd),
            Action::SelectLeft => self.prev_char(cursor).ok_or(Msg::AtTextStart),
            Action::SelectDown | Action::SelectUp => {
                let down = action == Action::SelectDown;
                let (to, col) = self.row_step(cursor, down, column).unzip();
                self.passage.column = col.or(column);
                to.ok_or(if down { Msg::AtTextEnd } else { Msg::AtTextStart })
            }
            Action::SelectNextSentence => self.next_sentence_end(cursor).ok_or(Msg::AtTextEnd),
            Action::SelectPrevSentence => self.prev_sentence_end(cursor).ok_or(Msg::AtTextStart),
            Action::NextFigure => self.figure_step(cursor, true).ok_or(Msg::NoMoreFiguresBelow),
            Action::PrevFigure => self.figure_step(cursor, false).ok_or(Msg::NoFiguresAbove),
            Action::Bookmark | Action::BookmarkWithNote => {
                self.highlight(action == Action::BookmarkWithNote);
                return true;
            }
            Action::Copy | Action::CopyWithSource => {
                self.copy(action == Action::CopyWithSource);
                return true;
            }
            _ => return false,
        };
        match to {
            Ok(to) => {
                self.selection = Selection::Range { anchor, cursor: to };
                self.reveal(to);
            }
            Err(msg) => self.say(msg),
        }
        true
    }

    /// `v`: starts a selection on the selected quote or figure when it is in view, else on
    /// the first character of the top row.
    pub(super) fn start_passage(&mut self) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let chosen = match self.selection {
            Selection::Quote(_) => self.selected_quote().map(|q| q.start..q.end),
            Selection::Figure(_) => self.selected_figure().map(|(_, f)| f.start..f.end),
            _ => None,
        };
        self.fresh_view();
        let (anchor, cursor) = match chosen.filter(|r| r.start < r.end && self.offset_in_view(r.start)) {
            Some(r) => (r.start, self.last_char(r.start, r.end)),
            None => {
                let top = self.anchor();
                let at = self.char_at_or_after(top);
                (at, at)
            }
        };
        self.selection = Selection::Range { anchor, cursor };
        self.passage.column = None;
    }

    /// The first byte of the last grapheme of `start..end`.
    pub(super) fn last_char(&self, start: usize, end: usize) -> usize {
        self.doc.text[start..end].grapheme_indices(true).next_back().map_or(start, |(i, _)| start + i)
    }

    /// The first character at or after byte `at` that is in a paragraph (the next
    /// paragraph's first when `at` is between two), or the text's last one.
    fn char_at_or_after(&self, at: usize) -> usize {
        let blocks = &self.doc.blocks;
        let b = self.doc.block_at(at);
        match blocks[b..].iter().find(|bl| bl.end > at.max(bl.start)) {
            Some(bl) => at.max(bl.start),
            None => {
                let last = &blocks[blocks.len() - 1];
                self.last_char(last.start, last.end)
            }
        }
    }

    /// The character after the one at `at`: the next paragraph's first after a paragraph's
    /// last; `None` at the end of the text.
    fn next_char(&self, at: usize) -> Option<usize> {
        let b = self.doc.block_at(at);
        let block = &self.doc.blocks[b];
        let len = self.doc.text[at..block.end].graphemes(true).next().map_or(0, str::len);
        if at + len < block.end {
            return Some(at + len);
        }
        self.doc.blocks[b + 1..].iter().find(|bl| bl.end > bl.start).map(|bl| bl.start)
    }

    /// The character before the one at `at`: the previous paragraph's last before a
    /// paragraph's first; `None` at the start of the text.
    fn prev_char(&self, at: usize) -> Option<usize> {
        let b = self.doc.block_at(at);
        let block = &self.doc.blocks[b];
        if at > block.start {
            return Some(self.last_char(block.start, at));
        }
        let prev = self.doc.blocks[..b].iter().rev().find(|bl| bl.end > bl.start)?;
        Some(self.last_char(prev.start, prev.end))
    }

    /// The character a row below (`down`) or above the one at `at`, in the same column as
    /// near as the row allows (its last character when the row is shorter), or in column
    /// `goal` when given; blank rows between paragraphs are stepped over. With the column
    /// kept to.
    fn row_step(&mut self, at: usize, down: bool, goal: Option<usize>) -> Option<(usize, usize)> {
        let doc = std::sync::Arc::clone(&self.doc);
        let wide = self.layout.settings().wrap.ambiguous_wide;
        let b = doc.block_at(at);
        let lines = self.layout.lines(&doc, b);
        let row = lines.iter().rposition(|l| l.start <= at).unwrap_or(0);
        let col = goal.unwrap_or(column_of(lines.get(row)?, &doc.text, at, wide));
        let target = if down {
            match lines.get(row + 1) {
                Some(l) => l.clone(),
                None => {
                    let next =
                        (b + 1..doc.blocks.len()).find(|&n| doc.blocks[n].end > doc.blocks[n].start)?;
                    self.layout.lines(&doc, next).first()?.clone()
                }
            }
        } else if row > 0 {
            lines[row - 1].clone()
        } else {
            let prev = (0..b).rev().find(|&n| doc.blocks[n].end > doc.blocks[n].start)?;
            self.layout.lines(&doc, prev).last()?.clone()
        };
        if target.start >= target.end {
            return Some((target.start, col));
        }
        let to = offset_at_column(&target, &doc.text, col.max(target.indent), wide)
            .unwrap_or_else(|| self.last_char(target.start, target.end));
        Some((to, col))
    }

    /// Whether the character at `p` (in the paragraph `start..end`) ends a sentence: a
    /// paragraph's last character, or the last of a run of end marks and closing marks that
    /// holds an end mark (`。”` ends at the `”`; `”，` does not end).
    fn ends_sentence(&self, p: usize, start: usize, end: usize) -> bool {
        let text = &self.doc.text;
        let Some(c) = text[p..end].chars().next() else { return false };
        let after = p + c.len_utf8();
        if after >= end {
            return true;
        }
        if !is_mark(c) || text[after..end].chars().next().is_some_and(is_mark) {
            return false;
        }
        text[start..after].chars().rev().take_while(|&c| is_mark(c)).any(is_sentence_end)
    }

    /// The first sentence end after the character at `at` (across paragraphs).
    fn next_sentence_end(&self, at: usize) -> Option<usize> {
        let mut from = self.next_char(at)?;
        loop {
            let b = self.doc.block_at(from);
            let block = &self.doc.blocks[b];
            let (start, end) = (block.start, block.end);
            let found = self.doc.text[from..end]
                .char_indices()
                .map(|(i, _)| from + i)
                .find(|&p| self.ends_sentence(p, start, end));
            if found.is_some() {
                return found;
            }
            from = self.doc.blocks[b + 1..].iter().find(|bl| bl.end > bl.start)?.start;
        }
    }

    /// The last sentence end before the character at `at` (across paragraphs).
    fn prev_sentence_end(&self, at: usize) -> Option<usize> {
        let b = self.doc.block_at(at);
        let block = &self.doc.blocks[b];
        let (start, end) = (block.start, block.end);
        let found = self.doc.text[start..at.min(end)]
            .char_indices()
            .rev()
            .map(|(i, _)| start + i)
            .find(|&p| self.ends_sentence(p, start, end));
        // Before a paragraph's first sentence end: the previous paragraph's last character.
        found.or_else(|| {
            let prev = self.doc.blocks[..b].iter().rev().find(|bl| bl.end > bl.start)?;
            Some(self.last_char(prev.start, prev.end))
        })
    }

    /// `}` / `{` while selecting: the last character of the next figure after `at`, or the
    /// first of the previous figure wholly before it.
    fn figure_step(&mut self, at: usize, forward: bool) -> Option<usize> {
        self.ensure_figures();
        let all = self.figures.all();
        if forward {
            let f = all.get(all.partition_point(|f| f.start <= at))?;
            Some(self.last_char(f.start, f.end))
        } else {
            let i = all.partition_point(|f| f.end <= at).checked_sub(1)?;
            // Figures are in order of their start; one ending before `at` may start later
            // than another that does not.
            Some(all[..=i].iter().rev().find(|f| f.end <= at)?.start)
        }
    }

    /// Scrolls the fewest rows that bring the character at `at` into view.
    fn reveal(&mut self, at: usize) {
        if self.in_view(at) {
            return;
        }
        let block = self.doc.block_at(at);
        let pos = Pos { block, row: self.layout.row_of(&self.doc, block, at) };
        if pos < self.top {
            self.set_top(pos);
        } else {
            let height = self.text_height().max(1);
            let top = self.layout.backward(&self.doc, pos, height - 1);
            self.set_top(top);
        }
    }

    /// `m` / `M` on a selection: saves it as a highlight (with a note for `M`), and ends
    /// the selection.
    fn highlight(&mut self, with_note: bool) {
        let Some(range) = self.selected_range() else { return };
        let text = self.doc.text[range.clone()].to_string();
        // Said inside a quote: its speaker goes with it.
        let (speaker, title) = match self.quote_around(&range) {
            Some(q) => (q.speaker.clone(), q.speaker_title.clone()),
            None => (None, None),
        };
        let mut b = self.new_bookmark(range, text, speaker, title);
        b.kind = Some(HIGHLIGHT.to_string());
        self.selection = Selection::None;
        if with_note {
            self.quotes.draft = Some(b);
            self.open_prompt(PromptKind::Note, &i18n::text(Msg::NotePrompt));
        } else {
            self.add_bookmark(b);
        }
    }

    /// The innermost quote that holds all of `range`.
    pub(super) fn quote_around(&self, range: &Range<usize>) -> Option<&crate::document::quotes::Quote> {
        let quotes = self.quotes.quotes();
        let after = quotes.partition_point(|q| q.start <= range.start);
        (0..after).rev().take(16).map(|i| &quotes[i]).find(|q| range.end <= q.end)
    }

    /// A mouse drag in the text from byte `from` to byte `to`: selects that passage.
    pub(super) fn drag_select(&mut self, from: usize, to: usize) {
        self.selection = Selection::Range { anchor: from, cursor: to };
        self.passage.column = None;
    }
}
