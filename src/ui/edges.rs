//! Overlay edges over wide characters. A terminal draws a wide character over the cell after
//! it whatever that cell holds, and ratatui's screen diff skips that cell: a wide character
//! of the text just left of an overlay would hide the overlay's left border. Every window
//! drawn over the panes (overlays, prompts, the status line) is sealed here, at the cell
//! level, after it is drawn.

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// How many columns `cell` takes on the terminal.
pub fn cell_width(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(w) => w.get(),
        _ => cell.symbol().width() as u16,
    }
}

/// Blanks what lies under `rect`'s edges and would cross them: a wide character starting
/// left of `rect` and reaching into it, and the empty continuation cells right of `rect`
/// of a wide character the window drew over (they would otherwise keep stale text).
pub fn seal(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    if rect.is_empty() {
        return;
    }
    for y in rect.top()..rect.bottom() {
        // The widest character takes a few columns: look back as far as one could reach.
        for back in 1..=4u16 {
            let Some(x) = rect.x.checked_sub(back).filter(|&x| x >= buf.area.x) else { break };
            let cell = &mut buf[(x, y)];
            if cell_width(cell) > back {
                cell.set_symbol(" ");
                cell.diff_option = CellDiffOption::None;
            }
            if !cell.symbol().is_empty() {
                break;
            }
        }
        let mut x = rect.right();
        while x < buf.area.right() && buf[(x, y)].symbol().is_empty() {
            buf[(x, y)].set_symbol(" ");
            x += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_cut_by_the_left_edge_is_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "汉字汉", ratatui::style::Style::new());
        // A window from column 3: 字 (columns 2-3) is cut, 汉 (0-1) is not.
        seal(&mut buf, Rect::new(3, 0, 3, 1));
        assert_eq!(buf[(0, 0)].symbol(), "汉");
        assert_eq!(buf[(2, 0)].symbol(), " ");
        // A window from column 2 cuts nothing.
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "汉字汉", ratatui::style::Style::new());
        seal(&mut buf, Rect::new(2, 0, 3, 1));
        assert_eq!(buf[(0, 0)].symbol(), "汉");
    }

    #[test]
    fn empty_continuation_cells_right_of_a_window_are_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf[(4, 0)].set_symbol("");
        buf[(5, 0)].set_symbol("x");
        seal(&mut buf, Rect::new(0, 0, 4, 1));
        assert_eq!(buf[(4, 0)].symbol(), " ");
        assert_eq!(buf[(5, 0)].symbol(), "x");
    }
}
