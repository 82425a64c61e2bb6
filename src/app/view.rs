//! What is on screen, worked out before drawing: the rows of the text pane with their
//! wrapped lines, the figures and search matches found in them, and the outline entries on
//! the outline's rows.
//!
//! Every analysis a frame needs (wrapping, the figure finder, the search scan) runs here,
//! in [`App::refresh_view`], which the reader calls whenever the view or what it shows may
//! have changed. Drawing paints this view and reads nothing else but state and indexes;
//! mouse hit-testing reads the same rows, so a click lands on what was drawn there.

use std::sync::Arc;

use super::App;

pub use super::state::view::*;

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
            let gap = self.layout.gap_after(&doc, pos.block);
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
        self.refresh.stale = false;
        self.refresh.count += 1;
    }

    /// Runs one entry point (a key, a prompt's key, a paste, a mouse event, the runtime's
    /// effects): the view is worked out once, at its end, however often it moved within
    /// it. An entry point within another is part of it.
    pub(super) fn entry<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        if self.refresh.deferred {
            return f(self);
        }
        self.refresh.deferred = true;
        let result = f(self);
        self.refresh.deferred = false;
        self.refresh_view();
        result
    }

    /// The view is no longer what the next frame shows: worked out at once, or at the end
    /// of the entry point under way.
    pub(super) fn view_changed(&mut self) {
        if self.refresh.deferred {
            self.refresh.stale = true;
        } else {
            self.refresh_view();
        }
    }

    /// Works out the view before it is read within an entry point, if it moved since.
    pub(super) fn fresh_view(&mut self) {
        if self.refresh.stale {
            self.refresh_view();
        }
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

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

    use super::super::{Action, App};
    use crate::config::Config;
    use crate::document::Document;

    /// How many times `f` works out the view.
    fn refreshes(app: &mut App, f: impl FnOnce(&mut App)) -> u64 {
        let before = app.refresh.count;
        f(app);
        app.refresh.count - before
    }

    #[test]
    fn a_key_a_prompt_key_and_a_mouse_event_work_out_the_view_once() {
        let mut app = App::new(Document::bundled(), Config::default(), 100, 30);
        for action in [Action::LineDown, Action::PageDown, Action::Bottom, Action::Top, Action::NextSection] {
            assert_eq!(refreshes(&mut app, |a| a.update(action)), 1, "{action:?}");
        }
        assert_eq!(refreshes(&mut app, |a| a.update(Action::CycleScript)), 1, "a re-wrap and a scroll");
        assert_eq!(refreshes(&mut app, |a| a.update(Action::ToggleFigures)), 1);
        app.update(Action::Search);
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        assert_eq!(refreshes(&mut app, |a| a.prompt_key(&key(KeyCode::Char('算')))), 1, "a search as typed");
        assert_eq!(refreshes(&mut app, |a| a.prompt_key(&key(KeyCode::Enter))), 1);
        assert_eq!(refreshes(&mut app, |a| a.update(Action::NextMatch)), 1);
        let wheel = MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 60,
            row: 10,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(refreshes(&mut app, |a| a.mouse(&wheel)), 1, "the wheel");
        // Outside a key, a move of the view is worked out at once.
        assert_eq!(refreshes(&mut app, |a| a.scroll(1)), 1);
    }
}
