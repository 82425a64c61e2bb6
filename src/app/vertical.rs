//! Vertical text (竖排, `V`): the layout's lines become columns read top to bottom, right
//! to left, so a row of the layout is a column of the pane: `j`/`k` move by a column,
//! Space/`b` by a page of columns, and every jump, search, figure, quote and bookmark keeps
//! working on the same byte offsets. The outline stays horizontal.

use ratatui::layout::Rect;

use super::App;
use crate::layout::vertical::{cells, indent_cells};

pub use crate::layout::vertical::{CELL, columns_across};

/// The screen column where column `i` (from the right) of a pane at `area` starts, if it is
/// on the pane; a pane narrower than one cell still gets its one column, cut.
pub fn column_x(area: Rect, i: usize, gutter: usize) -> Option<u16> {
    let from_right = (i * (CELL + gutter) + CELL).min(usize::from(u16::MAX));
    let width = usize::from(area.width);
    if i > 0 && from_right > width {
        return None;
    }
    Some(area.x + width.saturating_sub(from_right) as u16)
}

impl App {
    /// The wrap settings for the text pane as it is: its width, the script shown, and
    /// columns as long as the pane is high when the text is set vertically.
    pub(super) fn pane_settings(&self) -> crate::layout::Settings {
        let mut settings = super::settings_for(&self.config, usize::from(self.panes.text.width));
        settings.script = self.script;
        if self.vertical {
            settings = settings.vertical(usize::from(self.panes.text.height));
        }
        settings
    }

    /// The byte offset of the character drawn at screen cell (`x`, `y`) of a vertical text
    /// pane (see [`App::offset_at`]).
    pub(super) fn offset_at_vertical(&self, x: u16, y: u16) -> Option<usize> {
        let area = self.panes.text;
        let gutter = self.gutter();
        let i = (0..self.text_height())
            .find(|&i| column_x(area, i, gutter).is_some_and(|cx| x >= cx && usize::from(x - cx) < CELL))?;
        let (_, line) = self.view.rows().nth(i)?;
        let line = line?;
        let row = usize::from(y - area.y).checked_sub(indent_cells(line))?;
        let cell = cells(line, &self.doc.text[line.start..line.end]).into_iter().nth(row)?;
        Some(line.start + cell.offset)
    }

    /// Blank screen columns between two vertical columns.
    pub fn gutter(&self) -> usize {
        usize::from(self.config.layout.vertical_gutter.clamp(1, 2))
    }

    /// Height of the text pane in rows; set vertically, a "row" of the layout is a column,
    /// so as many as fit across.
    pub fn text_height(&self) -> usize {
        if self.vertical {
            return columns_across(usize::from(self.panes.text.width), self.gutter());
        }
        usize::from(self.panes.text.height)
    }

    /// Space: a page on; in vertical text, up to the next heading when one starts on this
    /// page, so that a heading starts a page as in a printed book.
    pub(super) fn page_down(&mut self, page: isize) {
        if !self.vertical {
            return self.scroll(page);
        }
        let target = self.layout.forward(&self.doc, self.top, page.unsigned_abs());
        let next = (self.top.block + 1..=target.block)
            .find(|&b| matches!(self.doc.blocks[b].kind, crate::document::BlockKind::Heading { .. }));
        match next {
            Some(block) => self.set_top(crate::layout::Pos { block, row: 0 }),
            None => self.set_top(target),
        }
    }

    /// Turns vertical text on or off, keeping the first character in view.
    pub fn toggle_vertical(&mut self) {
        self.vertical = !self.vertical;
        self.rewrap();
    }
}
