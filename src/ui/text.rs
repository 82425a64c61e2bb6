//! The text pane: the rows the view lists, styled per block kind and per highlight.

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::highlight::Highlight;
use crate::app::App;
use crate::app::view::ViewBlock;
use crate::config::Role;
use crate::document::BlockKind;
use crate::layout::linebreak::{grapheme_width, indent_cells};
use crate::sanitize::{self, Shown};
use unicode_segmentation::UnicodeSegmentation;

/// The highlights of the rows the view shows of one block, in drawing order (later ones
/// win): its figures, its quotes and saved highlights, its search matches, then the passage
/// being selected, so they show over the others.
pub fn highlights(app: &App, vb: &ViewBlock) -> Vec<Highlight> {
    let (start, end) = (vb.span.start, vb.span.end);
    let mut out = Vec::new();
    super::figures::highlights(app, vb, &mut out);
    super::bookmarks::highlights(app, start, end, &mut out);
    let theme = &app.config.theme;
    let current = app.search.current();
    for m in &vb.matches {
        let role = if current.as_ref() == Some(m) { Role::SearchCurrent } else { Role::SearchMatch };
        out.push(Highlight { start: m.start, end: m.end, style: theme.style(role) });
    }
    if let Some(r) = app.selected_range().filter(|r| r.start < end && start < r.end) {
        out.push(Highlight { start: r.start, end: r.end, style: theme.style(Role::Selection) });
    }
    out
}

/// The base style of a block kind.
pub fn block_style(app: &App, kind: BlockKind) -> Style {
    let theme = &app.config.theme;
    let body = theme.style(Role::Body);
    match kind {
        BlockKind::Title => body.patch(theme.style(Role::Title)),
        BlockKind::Subtitle => body.patch(theme.style(Role::Subtitle)),
        BlockKind::Heading { .. } => body.patch(theme.style(Role::Heading)),
        BlockKind::Body => body,
        BlockKind::Byline => body.patch(theme.style(Role::Byline)),
    }
}

/// Draws the rows of the text pane from `app.top` down.
pub fn draw_text(app: &App, frame: &mut Frame, area: Rect, outline: Option<Rect>) {
    let doc = &app.doc;
    if doc.blocks.is_empty() || area.height == 0 {
        return;
    }
    let wide = app.layout.settings().wrap.ambiguous_wide;
    let indent = &app.layout.settings().indent;
    let buf = frame.buffer_mut();
    // Drawing places everything inside the frame it is given, whatever size the last
    // resize event said.
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    // The rows the view lists, no more: the blocks in view were wrapped and their
    // highlights found before drawing.
    for vb in &app.view.blocks {
        if y >= bottom {
            break;
        }
        let block = &doc.blocks[vb.block];
        let base = block_style(app, block.kind);
        let hl = highlights(app, vb);
        for line in (vb.first_row..vb.first_row + vb.rows).map(|r| vb.lines.get(r)) {
            if y >= bottom {
                break;
            }
            if let Some(line) = line {
                super::bookmarks::margin_mark(app, buf, area, outline, y, line.start, line.end);
                let mut x = area.x;
                let right = area.x + area.width;
                if line.indent > 0 {
                    // The indent is drawn as its own characters so it is never trimmed.
                    x = put_str(buf, x, y, right, indent, base, wide, line.indent);
                }
                let src = &doc.text[line.start..line.end];
                // Grapheme by grapheme: a letter with its marks or an emoji sequence shares
                // one cell group; its first source character picks the style.
                let mut offs = line.char_offsets(src);
                let mut prev = None;
                // Columns from the paragraph start, where tab stops are counted from.
                let mut col = line.col;
                for g in line.text.graphemes(true) {
                    let at = line.start + offs.next().unwrap_or(src.len());
                    let more = g.chars().count() - 1;
                    if more > 0 {
                        offs.nth(more - 1);
                    }
                    let mut st = base;
                    for h in hl.iter().filter(|h| h.start <= at && at < h.end) {
                        st = st.patch(h.style);
                    }
                    // Controls never reach the terminal (crate::sanitize decides how they show).
                    match sanitize::show(g, col) {
                        Shown::Text(t) => {
                            x = put_char(buf, x, y, right, t, st, wide, &mut prev);
                            col += grapheme_width(t, wide);
                        }
                        Shown::Blank(n) => {
                            for _ in 0..n {
                                x = put_char(buf, x, y, right, " ", st, wide, &mut prev);
                            }
                            col += n;
                        }
                        Shown::Placeholder(p) => {
                            let dim = st.add_modifier(Modifier::DIM);
                            let mut b = [0u8; 4];
                            for c in p.chars() {
                                x = put_char(buf, x, y, right, c.encode_utf8(&mut b), dim, wide, &mut prev);
                            }
                            col += p.len();
                        }
                    }
                }
            }
            y += 1;
        }
    }
}

/// Writes the first `cols` columns of the indent `s` at (x, y); returns x + `cols` (part of
/// an indent wider than the column still takes all its columns).
#[allow(clippy::too_many_arguments)]
fn put_str(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    right: u16,
    s: &str,
    st: Style,
    wide: bool,
    cols: usize,
) -> u16 {
    let stop = right.min(x.saturating_add(cols as u16));
    let mut prev = None;
    for g in indent_cells(s, cols, wide).graphemes(true) {
        x = put_char(buf, x, y, stop, g, st, wide, &mut prev);
    }
    stop
}

/// Writes one grapheme into its cells; returns the next x. A grapheme that would cross
/// `right` is not drawn. A zero-width one (a joiner, a stray mark) joins the previous cell
/// (`prev`, the first cell of the last grapheme drawn) instead of being lost. When the
/// layout's width differs from ratatui's (ambiguous characters in wide mode), the cell says
/// so (`ForcedWidth`), so the screen diff moves the cursor past it explicitly and the row
/// stays aligned whatever the terminal's advance; its other cells are left empty.
#[allow(clippy::too_many_arguments)]
pub(super) fn put_char(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    g: &str,
    st: Style,
    wide: bool,
    prev: &mut Option<u16>,
) -> u16 {
    // The last guard: whatever a caller passes, no control reaches a cell.
    let g = if sanitize::has_control(g) { "\u{fffd}" } else { g };
    let w = grapheme_width(g, wide) as u16;
    if w == 0 {
        if let Some(cell) = prev.and_then(|px| buf.cell_mut((px, y))) {
            let joined = format!("{}{g}", cell.symbol());
            cell.set_symbol(&joined);
        }
        return x;
    }
    // Never past the buffer, whatever `right` says.
    let right = right.min(buf.area.right());
    if x.saturating_add(w) > right || y >= buf.area.bottom() || x < buf.area.x {
        return x.saturating_add(w.min(right.saturating_sub(x)));
    }
    *prev = Some(x);
    let native = unicode_width::UnicodeWidthStr::width(g) as u16;
    let Some(cell) = buf.cell_mut((x, y)) else { return x + w };
    cell.set_symbol(g).set_style(st);
    if native != w {
        cell.diff_option =
            std::num::NonZeroU16::new(w).map_or(CellDiffOption::None, CellDiffOption::ForcedWidth);
    }
    for dx in 1..w {
        let Some(cell) = buf.cell_mut((x + dx, y)) else { break };
        if native < w {
            cell.set_symbol("");
        } else {
            cell.reset();
        }
        cell.set_style(st);
    }
    x + w
}
