//! The text pane set vertically (竖排): the view's rows are columns, drawn right to left,
//! each a cell (two screen columns) wide and read top to bottom, with the same styles and
//! highlights as horizontal text (see [`crate::layout::vertical`] for the cells).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::text::{block_style, highlights, put_char};
use crate::app::App;
use crate::app::vertical::{CELL, column_x};
use crate::layout::vertical::{cells, indent_cells};
use crate::sanitize::{self, Shown};
use unicode_segmentation::UnicodeSegmentation;

/// Draws the columns of the text pane from `app.top`, right to left.
pub fn draw_vertical(app: &App, frame: &mut Frame, area: Rect) {
    let doc = &app.doc;
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    if doc.blocks.is_empty() || area.is_empty() {
        return;
    }
    let wide = app.layout.settings().wrap.ambiguous_wide;
    let gutter = app.gutter();
    let bottom = area.y + area.height;
    let right = area.x + area.width;
    let mut i = 0;
    for vb in &app.view.blocks {
        let base = block_style(app, doc.blocks[vb.block].kind);
        let hl = highlights(app, vb);
        for line in (vb.first_row..vb.first_row + vb.rows).map(|r| vb.lines.get(r)) {
            let Some(x) = column_x(area, i, gutter) else { return };
            i += 1;
            let Some(line) = line else { continue };
            let src = &doc.text[line.start..line.end];
            let top = area.y.saturating_add(indent_cells(line) as u16);
            for (y, cell) in (top..).zip(cells(line, src)) {
                if y >= bottom {
                    break;
                }
                let at = line.start + cell.offset;
                let mut st = base;
                for h in hl.iter().filter(|h| h.start <= at && at < h.end) {
                    st = st.patch(h.style);
                }
                let stop = right.min(x + CELL as u16);
                let mut cx = x;
                let mut prev = None;
                for g in cell.text.graphemes(true) {
                    // Controls never reach the terminal (crate::sanitize decides how they show).
                    match sanitize::show(g, 0) {
                        Shown::Text(t) => cx = put_char(buf, cx, y, stop, t, st, wide, &mut prev),
                        Shown::Blank(_) => cx = put_char(buf, cx, y, stop, " ", st, wide, &mut prev),
                        Shown::Placeholder(p) => {
                            let dim = st.add_modifier(Modifier::DIM);
                            let mut b = [0u8; 4];
                            for c in p.chars() {
                                cx = put_char(buf, cx, y, stop, c.encode_utf8(&mut b), dim, wide, &mut prev);
                            }
                        }
                    }
                }
            }
        }
    }
}
