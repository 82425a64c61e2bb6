//! Figures in the reader: highlighting on and off, the selected figure, stepping with
//! `}` / `{`, and the figures list (`F`).
//!
//! Nothing is scanned at startup: the view finds the figures of the blocks it shows, and the
//! document-wide index (for `figure 4/31` and the list) is built the first time a figure
//! key is pressed, by one linear scan.

use super::{App, Overlay, Selection};
use crate::document::figures::{self, Figure};
use crate::i18n::{self, Msg};
use crate::layout::Pos;

pub use super::state::figures::*;

impl App {
    /// Builds the document-wide figure index if it is not there yet.
    pub(super) fn ensure_figures(&mut self) {
        if self.figures.index.is_none() {
            let kinds = &self.config.highlight.figure_kinds;
            let all = figures::find_all(&self.doc).into_iter().filter(|f| kinds.contains(&f.kind)).collect();
            self.figures.index = Some(all);
        }
    }

    /// Whether the first character of `fig` is on a row of the text pane (as the view
    /// lists the rows).
    pub fn figure_in_view(&self, fig: &Figure) -> bool {
        if self.doc.blocks.is_empty() {
            return false;
        }
        let block = self.doc.block_at(fig.start);
        let Some(vb) = self.view.blocks.iter().find(|vb| vb.block == block) else { return false };
        let row = vb.lines.iter().rposition(|l| l.start <= fig.start).unwrap_or(0);
        row >= vb.first_row && row - vb.first_row < vb.rows
    }

    /// Selects figure `i` of the index and scrolls it into view (a third down the pane).
    fn select_figure(&mut self, i: usize) {
        let Some(fig) = self.figures.all().get(i).cloned() else { return };
        // One selection at a time: the status line and `m` then follow the figure.
        self.selection = Selection::Figure(i);
        self.fresh_view();
        if !self.figure_in_view(&fig) {
            let block = self.doc.block_at(fig.start);
            let row = self.layout.row_of(&self.doc, block, fig.start);
            let up = self.text_height() / 3;
            let pos = self.layout.backward(&self.doc, Pos { block, row }, up);
            self.record_jump();
            self.set_top(pos);
        }
    }

    /// `}` / `{`: the next or previous figure, from the selection when it is in view, else
    /// from the top of the view.
    pub fn step_figure(&mut self, forward: bool) {
        self.ensure_figures();
        let n = self.figures.all().len();
        if n == 0 {
            self.say(Msg::NoFigures);
            return;
        }
        self.fresh_view();
        let current = self.selected_figure().filter(|(_, f)| self.figure_in_view(f)).map(|(i, _)| i);
        let target = match current {
            Some(i) if forward => Some(i + 1).filter(|&t| t < n),
            Some(i) => i.checked_sub(1),
            None => {
                let anchor = self.anchor();
                let after = self.figures.all().partition_point(|f| f.start < anchor);
                if forward { Some(after).filter(|&t| t < n) } else { after.checked_sub(1) }
            }
        };
        match target {
            Some(t) => self.select_figure(t),
            None if forward => self.say(Msg::NoMoreFiguresBelow),
            None => self.say(Msg::NoFiguresAbove),
        }
    }

    /// Selects the figure that contains byte `offset` (a mouse click); whether there is one.
    pub fn select_figure_at(&mut self, offset: usize) -> bool {
        self.ensure_figures();
        let all = self.figures.all();
        let i = all.partition_point(|f| f.end <= offset);
        if all.get(i).is_some_and(|f| f.start <= offset) {
            self.selection = Selection::Figure(i);
            return true;
        }
        false
    }

    /// `f`: highlighting on or off.
    pub fn toggle_figures(&mut self) {
        self.figures.shown = !self.figures.shown;
        self.view_changed();
        self.say(if self.figures.shown { Msg::FiguresHighlighted } else { Msg::FigureHighlightingOff });
    }

    /// `F`: opens the figures list with the cursor on the selection or the first figure in view.
    pub fn open_figures_list(&mut self) {
        self.ensure_figures();
        if self.figures.all().is_empty() {
            self.say(Msg::NoFigures);
            return;
        }
        let cursor = match self.selected_figure() {
            Some((i, _)) => i,
            None => {
                let anchor = self.anchor();
                self.figures.all().partition_point(|f| f.start < anchor)
            }
        };
        self.figures.list_cursor = cursor.min(self.figures.all().len() - 1);
        self.overlay = Some(Overlay::Figures);
    }

    /// Rows of the figures list that fit on screen (for paging).
    pub fn figures_list_rows(&self) -> usize {
        usize::from(self.screen.height).saturating_sub(6).max(1)
    }

    /// Handles an action while the figures list is open.
    pub fn update_figures_list(&mut self, action: super::Action) {
        use super::Action;
        let n = self.figures.all().len();
        let last = n.saturating_sub(1);
        let page = self.figures_list_rows();
        let cur = self.figures.list_cursor;
        match action {
            Action::LineDown => self.figures.list_cursor = (cur + 1).min(last),
            Action::LineUp => self.figures.list_cursor = cur.saturating_sub(1),
            Action::PageDown => self.figures.list_cursor = (cur + page).min(last),
            Action::PageUp => self.figures.list_cursor = cur.saturating_sub(page),
            Action::HalfPageDown => self.figures.list_cursor = (cur + page.div_ceil(2)).min(last),
            Action::HalfPageUp => self.figures.list_cursor = cur.saturating_sub(page.div_ceil(2)),
            Action::Top => self.figures.list_cursor = 0,
            Action::Bottom => self.figures.list_cursor = last,
            Action::Select => {
                self.overlay = None;
                self.select_figure(cur);
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            _ => self.overlay = None,
        }
    }

    /// The status line text for the selected figure when it is in view:
    /// `figure 4/31 · 24.8% · percent`.
    pub fn figure_status(&self) -> Option<String> {
        let (i, fig) = self.selected_figure()?;
        if !self.figure_in_view(fig) {
            return None;
        }
        let n = self.figures.all().len();
        Some(i18n::text(Msg::FigureStatus {
            n: i + 1,
            total: n,
            text: fig.text(&self.doc.text),
            kind: fig.kind,
        }))
    }
}

#[derive(serde::Serialize)]
struct FigureEntry<'a> {
    text: &'a str,
    kind: figures::FigureKind,
    line: usize,
    section: Option<std::borrow::Cow<'a, str>>,
    start: usize,
    end: usize,
}

/// `yuedu figures`: every figure, one `LINE<TAB>KIND<TAB>TEXT<TAB>CONTEXT` line each, or a
/// JSON array of `{"text", "kind", "line", "section", "start", "end"}`. Streams block by
/// block, so a large file needs no list of all its figures in memory.
pub fn print_figures(
    doc: &crate::document::Document,
    json: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut first = true;
    if json {
        write!(out, "[")?;
    }
    let narrative = figures::is_narrative(doc);
    for (bi, block) in doc.blocks.iter().enumerate() {
        let para = &doc.text[block.start..block.end];
        for f in figures::find_figures_in(para, block.start, narrative) {
            let text = f.text(&doc.text);
            if json {
                let section = doc.heading_at(bi).map(|h| doc.heading_text(&doc.headings[h]));
                let entry =
                    FigureEntry { text, kind: f.kind, line: block.line, section, start: f.start, end: f.end };
                write!(out, "{}\n  ", if first { "" } else { "," })?;
                crate::sanitize::write_json_compact(&mut *out, &entry)?;
            } else {
                let ctx = figures::context(para, f.start - block.start, f.end - block.start, 8);
                let (text, ctx) = (crate::sanitize::clean(text), crate::sanitize::clean(&ctx));
                writeln!(out, "{}\t{}\t{text}\t{ctx}", block.line, f.kind.name())?;
            }
            first = false;
        }
    }
    if json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    }
    Ok(())
}
