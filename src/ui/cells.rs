//! Strings made safe and short for one row of cells: every string drawn outside the text
//! pane passes through [`fit`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};
use unicode_width::UnicodeWidthStr;

/// A `width` × `height` box centred in `area` (both at most `area`'s).
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Clears `rect` and draws a border titled `title` around it; returns the inside.
pub fn framed<'a>(frame: &mut Frame, rect: Rect, title: impl Into<Line<'a>>) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// `s` cut to at most `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    // Every string drawn outside the text pane passes here: controls become placeholders.
    let s = &*crate::sanitize::clean(s);
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Rows `s` takes wrapped at word boundaries (spaces) to `width` columns, a word wider than
/// the row taking the rows it needs: how tall to make a box for a short message.
pub fn wrapped_rows(s: &str, width: usize) -> usize {
    let width = width.max(1);
    let (mut rows, mut col) = (1, 0);
    for word in s.split(' ') {
        let w = word.width();
        let need = if col == 0 { w } else { col + 1 + w };
        if need <= width {
            col = need;
        } else if w <= width {
            rows += 1;
            col = w;
        } else {
            // A long word starts a row of its own and runs over as many as it needs.
            rows += usize::from(col > 0) + (w - 1) / width;
            col = (w - 1) % width + 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::wrapped_rows;

    #[test]
    fn wrapped_rows_counts_rows_of_words() {
        assert_eq!(wrapped_rows("no bookmarks yet", 40), 1);
        assert_eq!(wrapped_rows("no bookmarks yet (select a quote and press m)", 20), 3);
        assert_eq!(wrapped_rows("aaaaaaaaaa", 4), 3, "a word wider than the row runs over");
        assert_eq!(wrapped_rows("ab 书签文件不能用", 6), 4, "ab, then 14 columns over three rows");
        assert_eq!(wrapped_rows("", 10), 1);
    }
}
