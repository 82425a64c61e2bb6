//! The outline pane's folding: entries collapse (h/Left) and expand (l/Right), and the
//! cursor moves over the entries that are shown.
//!
//! Folding is a set of collapsed headings; what is shown is computed in one pass over the
//! headings, so a novel with thousands of chapters costs microseconds per frame.

use super::{App, Focus, geometry};
use crate::input::Action;

pub use super::state::outline::*;

impl App {
    /// Whether the screen is too narrow for the outline beside the text.
    pub(super) fn outline_hidden_by_width(&self) -> bool {
        geometry::panes(&self.config, self.screen, true, self.outline_natural).outline.is_none()
    }

    /// `o`: hides or shows the outline beside the text, or over it on a narrow screen
    /// (with the keyboard, since the text is hidden under it).
    pub(super) fn toggle_outline(&mut self) {
        if self.comfort.quiet {
            // Quiet mode hides the outline: `o` ends it, with the outline shown.
            return self.leave_quiet_with_outline();
        }
        let anchor = self.view_anchor();
        if self.outline_hidden_by_width() {
            self.outline_over = !self.outline_over;
            self.relayout();
            self.focus = if self.outline_over { Focus::Outline } else { Focus::Text };
        } else {
            self.outline_wanted = !self.outline_wanted;
            self.relayout();
        }
        self.scroll_to_offset(anchor);
    }

    /// After a jump from the outline: the outline drawn over the text goes away, and the
    /// keyboard goes to the text unless the config keeps it in the outline.
    pub(super) fn after_outline_jump(&mut self) {
        if self.outline_over {
            self.outline_over = false;
            self.relayout();
            self.focus = Focus::Text;
        } else if !self.config.layout.outline_enter_keeps_focus {
            self.focus = Focus::Text;
        }
    }

    /// The outline's width that shows every entry whole as drawn: the marker column, two
    /// columns an indent level, the title, a blank column and the border.
    pub(super) fn outline_natural_width(&self) -> u16 {
        let headings = &self.doc.headings;
        let top = headings.iter().map(|h| h.level).min().unwrap_or(1);
        let widest = (0..headings.len())
            .map(|h| {
                let indent = 2 * usize::from(headings[h].level.saturating_sub(top));
                1 + indent + unicode_width::UnicodeWidthStr::width(self.heading_label(h).as_str()) + 2
            })
            .max()
            .unwrap_or(0);
        u16::try_from(widest).unwrap_or(u16::MAX)
    }

    /// Outline-focus handling of an action; returns whether it was consumed.
    pub(super) fn update_outline(&mut self, action: Action) -> bool {
        let n = self.doc.headings.len();
        if n == 0 {
            return false;
        }
        match action {
            Action::LineDown => self.outline_step(1),
            Action::LineUp => self.outline_step(-1),
            Action::Top => self.outline_end(false),
            Action::Bottom => self.outline_end(true),
            Action::Collapse => self.outline_collapse(),
            Action::Expand => self.outline_expand(),
            Action::Select => {
                let h = self.outline_cursor;
                self.jump_to_heading(h);
                self.after_outline_jump();
            }
            _ => return false,
        }
        true
    }

    /// Moves the outline cursor `n` shown entries down (negative: up).
    pub(super) fn outline_step(&mut self, n: isize) {
        let rows = self.fold.visible(&self.doc.headings);
        let Some(last) = rows.len().checked_sub(1) else { return };
        let at = rows.partition_point(|&h| h < self.outline_cursor).min(last);
        let to = at.saturating_add_signed(n).min(last);
        self.outline_cursor = rows[to];
    }

    /// Puts the outline cursor on the first (`false`) or last (`true`) shown entry.
    pub(super) fn outline_end(&mut self, last: bool) {
        let rows = self.fold.visible(&self.doc.headings);
        let pick = if last { rows.last() } else { rows.first() };
        if let Some(&h) = pick {
            self.outline_cursor = h;
        }
    }

    /// Collapses the entry under the cursor; on a leaf or a collapsed entry, moves to
    /// its parent (as in a file tree).
    pub(super) fn outline_collapse(&mut self) {
        let h = self.outline_cursor;
        let headings = &self.doc.headings;
        if has_children(headings, h) && !self.fold.is_collapsed(h) {
            self.fold.collapse(h);
        } else if let Some(p) = parent(headings, h) {
            self.outline_cursor = self.fold.shown(headings, p);
        }
    }

    /// Expands the entry under the cursor; when it is already open, moves to its first
    /// child.
    pub(super) fn outline_expand(&mut self) {
        let h = self.outline_cursor;
        if self.fold.is_collapsed(h) {
            self.fold.expand(h);
        } else if has_children(&self.doc.headings, h) {
            self.outline_cursor = h + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Heading;

    fn headings(levels: &[u8]) -> Vec<Heading> {
        levels.iter().enumerate().map(|(i, &level)| Heading { level, block: i }).collect()
    }

    #[test]
    fn collapsed_entries_hide_their_descendants() {
        // 0 title; 1 卷一 (2 ch, 3 节); 4 卷二 (5 ch); 6 尾声
        let hs = headings(&[1, 2, 3, 4, 2, 3, 2]);
        let mut fold = Fold::default();
        assert_eq!(fold.visible(&hs), vec![0, 1, 2, 3, 4, 5, 6]);
        fold.collapse(1);
        assert_eq!(fold.visible(&hs), vec![0, 1, 4, 5, 6]);
        assert_eq!(fold.shown(&hs, 3), 1);
        assert_eq!(fold.shown(&hs, 5), 5);
        fold.collapse(0);
        assert_eq!(fold.visible(&hs), vec![0]);
        assert_eq!(fold.shown(&hs, 3), 0);
        fold.expand(0);
        assert_eq!(fold.visible(&hs), vec![0, 1, 4, 5, 6]);
        assert_eq!(parent(&hs, 3), Some(2));
        assert_eq!(parent(&hs, 0), None);
        assert_eq!(descendants(&hs, 1), 2);
        assert!(has_children(&hs, 4) && !has_children(&hs, 6));
    }
}
