//! The mouse: the wheel scrolls the pane under the pointer, a click in the outline jumps to
//! that entry, a click on a figure or a quote selects it, a drag over the text selects the
//! passage dragged over (as `v` and its motions would). `[layout] mouse = false` turns
//! all of it off (the terminal then keeps the mouse for its own selection).
//!
//! A screen cell maps to a byte offset through the same layout the text pane is drawn
//! from: rows counted from `top`, then the columns of the row's indent and graphemes.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::{App, Focus, Overlay, Selection};

/// Rows (text) or entries (outline) one wheel step moves.
pub const WHEEL_STEP: usize = 3;

fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}

impl App {
    /// Applies a mouse event (ignored while a prompt is open or when the mouse is off).
    pub fn mouse(&mut self, ev: &MouseEvent) {
        self.entry(|app| app.mouse_event(ev));
    }

    /// What a mouse event changes (the cells it hits are read off the view).
    fn mouse_event(&mut self, ev: &MouseEvent) {
        self.fresh_view();
        if !self.config.layout.mouse || self.prompt_active() || self.panes.too_small {
            return;
        }
        let (x, y) = (ev.column, ev.row);
        if self.overlay.is_some() {
            // A click outside the lists closes the help; lists keep their keys.
            if matches!(ev.kind, MouseEventKind::Down(_)) && self.overlay == Some(Overlay::Help) {
                self.overlay = None;
            }
            return;
        }
        let in_outline = self.panes.outline.is_some_and(|r| contains(r, x, y));
        match ev.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = ev.kind == MouseEventKind::ScrollDown;
                if in_outline {
                    self.scroll_outline(down);
                } else {
                    self.message = None;
                    let n = WHEEL_STEP as isize;
                    self.scroll(if down { n } else { -n });
                    if !down {
                        self.tail_scrolled_up();
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.message = None;
                if in_outline {
                    if let Some(h) = self.outline_entry_at(y) {
                        self.outline_cursor = h;
                        self.jump_to_heading(h);
                        if self.outline_over {
                            self.after_outline_jump();
                        }
                    }
                } else if contains(self.panes.text, x, y) {
                    // A click in the text gives it the keyboard, as Tab would.
                    self.focus = Focus::Text;
                    if matches!(self.selection, Selection::Range { .. }) {
                        self.selection = Selection::None;
                    }
                    self.passage.drag_from = self.offset_near(x, y);
                    if let Some(offset) = self.offset_at(x, y) {
                        self.click_text(offset);
                    }
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                if let (Some(from), Some(to)) = (self.passage.drag_from, self.offset_near(x, y)) {
                    self.message = None;
                    self.drag_select(from, to);
                }
            }
            MouseEventKind::Up(MouseButton::Left) => self.passage.drag_from = None,
            _ => {}
        }
    }

    /// The wheel over the outline: moves the entry the outline list is centred on.
    fn scroll_outline(&mut self, down: bool) {
        let rows = self.fold.visible(&self.doc.headings);
        if rows.is_empty() {
            return;
        }
        let at = rows.partition_point(|&h| h < self.outline_cursor);
        let to = if down { (at + WHEEL_STEP).min(rows.len() - 1) } else { at.saturating_sub(WHEEL_STEP) };
        self.outline_cursor = rows[to];
    }

    /// The outline entry (index into `doc.headings`) drawn on screen row `y`: the view's
    /// outline rows, below the outline's title row.
    pub fn outline_entry_at(&self, y: u16) -> Option<usize> {
        let inner_y = self.panes.outline?.y + 1;
        let row = usize::from(y.checked_sub(inner_y)?);
        self.view.outline.get(row).copied()
    }

    /// The line of the text pane's row at screen row `y` and the column of `x` in the pane,
    /// when (`x`, `y`) is in the pane and the row holds a line.
    fn line_at(&self, x: u16, y: u16) -> Option<(&crate::layout::VisualLine, usize)> {
        let area = self.panes.text;
        if self.doc.blocks.is_empty() || !contains(area, x, y) {
            return None;
        }
        // The row as the view lists it (rows past the end are no text).
        let (_, line) = self.view.rows().nth(usize::from(y - area.y))?;
        Some((line?, usize::from(x - area.x)))
    }

    /// The byte offset of the character drawn at screen cell (`x`, `y`) of the text pane;
    /// none for the indent, blank rows and the space after a line.
    pub fn offset_at(&self, x: u16, y: u16) -> Option<usize> {
        if self.vertical {
            return self.offset_at_vertical(x, y);
        }
        let (line, col) = self.line_at(x, y)?;
        let wide = self.layout.settings().wrap.ambiguous_wide;
        super::passage::offset_at_column(line, &self.doc.text, col, wide)
    }

    /// Like [`App::offset_at`], but a cell left of a row's text gives its first character
    /// and one right of it its last (a drag over the margins still selects whole rows).
    fn offset_near(&self, x: u16, y: u16) -> Option<usize> {
        if self.vertical {
            return self.offset_at_vertical(x, y);
        }
        let (line, col) = self.line_at(x, y).filter(|(l, _)| l.start < l.end)?;
        let wide = self.layout.settings().wrap.ambiguous_wide;
        let text = &self.doc.text;
        super::passage::offset_at_column(line, text, col, wide).or_else(|| {
            Some(if col < line.indent { line.start } else { self.last_char(line.start, line.end) })
        })
    }

    /// A click on the text at byte `offset`: selects the figure or else the quote there.
    fn click_text(&mut self, offset: usize) {
        if self.select_figure_at(offset) {
            return;
        }
        // The innermost quote around the offset (quotes nest once: ‘…’ inside “…”).
        let quotes = &self.quotes.quotes();
        let after = quotes.partition_point(|q| q.start <= offset);
        if let Some(i) = (0..after).rev().take(16).find(|&i| offset < quotes[i].end) {
            self.selection = Selection::Quote(i);
        }
    }
}
