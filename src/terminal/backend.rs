//! A frame with fewer cursor moves: ratatui's crossterm backend moves the cursor before
//! every cell that does not follow the last one printed, and after a wide character the
//! next cell is two columns on, so a row of Chinese text went out as a cursor move
//! (`ESC [ row ; col H`, 7–8 bytes) before every 3-byte character: a 120×40 frame of text
//! was 33 KB, of which 20 KB were moves.
//!
//! [`Compact`] wraps a backend and hands it the frame's cells with the position of a cell
//! that follows a wide character where the terminal's cursor already is told as the next
//! column after the last one handed over, so the backend writes it with no move. Only
//! characters every terminal sets two columns wide are trusted so (CJK ideographs and
//! punctuation, kana, hangul, fullwidth forms: [`surely_wide`]); after anything else
//! (emoji, vertical presentation forms, combining marks) where terminals' width tables
//! differ, the cursor is moved as before, so a disagreement cannot shift a row.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

/// A backend whose frames move the cursor only where it is not already.
#[derive(Debug)]
pub struct Compact<B> {
    inner: B,
}

impl<B> Compact<B> {
    /// Wraps `inner`.
    pub fn new(inner: B) -> Self {
        Compact { inner }
    }
}

/// Whether every terminal draws `symbol` two columns wide: one character of the CJK blocks
/// whose East Asian width is Wide or Fullwidth. Vertical presentation forms (U+FE10–FE19)
/// and emoji are left out: terminals disagree on them.
pub fn surely_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    let wide_block = matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD);
    wide_block && symbol.width() == 2
}

/// The cells of a frame, positions told as the wrapped backend should see them.
struct Cells<I> {
    cells: I,
    /// The position last handed over.
    told: Option<Position>,
    /// Where the terminal's cursor is after the last cell, when that is sure.
    cursor: Option<Position>,
}

impl<'a, I: Iterator<Item = (u16, u16, &'a Cell)>> Iterator for Cells<I> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let (x, y, cell) = self.cells.next()?;
        let here = Position { x, y };
        // The cursor is there already: told as the column after the last one, which the
        // backend writes without a move. Otherwise the true position (the backend moves:
        // a told column never runs ahead of the true one, so it cannot be taken for the
        // next column by mistake).
        let told = match self.told {
            Some(last) if self.cursor == Some(here) && last.y == y => Position { x: last.x + 1, y },
            _ => here,
        };
        self.told = Some(told);
        let symbol = cell.symbol();
        self.cursor = match symbol.width() {
            1 => Some(Position { x: x.saturating_add(1), y }),
            2 if surely_wide(symbol) => Some(Position { x: x.saturating_add(2), y }),
            _ => None,
        };
        Some((told.x, told.y, cell))
    }
}

impl<B: Backend> Backend for Compact<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(Cells { cells: content, told: None, cursor: None })
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use std::io;

    fn frame(rows: &[&str], width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, row) in rows.iter().enumerate() {
            buf.set_string(0, y as u16, row, ratatui::style::Style::default());
        }
        buf
    }

    /// Output kept where the test can read it after the backend wrote it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl io::Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The bytes a backend writes for `next` over `prev`.
    fn bytes(compact: bool, prev: &Buffer, next: &Buffer) -> Vec<u8> {
        let out = Shared::default();
        let updates = prev.diff(next);
        let plain = CrosstermBackend::new(out.clone());
        if compact {
            Compact::new(plain).draw(updates.into_iter()).expect("draw into memory");
        } else {
            let mut plain = plain;
            plain.draw(updates.into_iter()).expect("draw into memory");
        }
        out.0.borrow().clone()
    }

    /// What a frame written by a backend shows: the characters at their cells, as a terminal
    /// that moves the cursor by `ESC [ row ; col H` and advances it by each character's
    /// width would set them.
    fn screen_of(bytes: &[u8], width: u16, height: u16) -> io::Result<Vec<Vec<String>>> {
        let text = std::str::from_utf8(bytes).map_err(io::Error::other)?;
        let mut grid = vec![vec![String::new(); usize::from(width)]; usize::from(height)];
        let (mut x, mut y) = (0usize, 0usize);
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '\x1b' {
                // A control sequence: ESC [ parameters final byte.
                let end = rest[1..]
                    .find(|c: char| c.is_ascii_alphabetic() || c == '~')
                    .map_or(rest.len(), |i| i + 2);
                let seq = &rest[..end];
                if let Some(params) = seq.strip_prefix("\x1b[").and_then(|s| s.strip_suffix('H')) {
                    let mut it = params.split(';').map(|n| n.parse::<usize>().unwrap_or(1));
                    y = it.next().unwrap_or(1).saturating_sub(1);
                    x = it.next().unwrap_or(1).saturating_sub(1);
                }
                rest = &rest[end..];
                continue;
            }
            let s = &rest[..c.len_utf8()];
            if let Some(cell) = grid.get_mut(y).and_then(|row| row.get_mut(x)) {
                *cell = s.to_string();
            }
            x += s.width();
            rest = &rest[c.len_utf8()..];
        }
        Ok(grid)
    }

    fn moves(bytes: &[u8]) -> usize {
        String::from_utf8_lossy(bytes).matches('H').count()
    }

    #[test]
    fn a_row_of_chinese_goes_out_with_one_move() {
        let next = frame(&["中文排版，不在行首。abc"], 40);
        let prev = Buffer::empty(next.area);
        let (plain, compact) = (bytes(false, &prev, &next), bytes(true, &prev, &next));
        assert_eq!(moves(&compact), 1, "{}", String::from_utf8_lossy(&compact));
        assert!(moves(&plain) > 5);
        assert!(compact.len() < plain.len() / 2, "{} vs {}", compact.len(), plain.len());
        assert_eq!(screen_of(&plain, 40, 1).unwrap(), screen_of(&compact, 40, 1).unwrap());
    }

    #[test]
    fn after_an_emoji_or_a_vertical_form_the_cursor_is_moved() {
        let next = frame(&["中😀文︑字"], 20);
        let prev = Buffer::empty(next.area);
        let compact = String::from_utf8(bytes(true, &prev, &next)).unwrap();
        // The first cell, the one after the emoji and the one after the vertical comma.
        assert_eq!(moves(compact.as_bytes()), 3, "{compact:?}");
    }

    #[test]
    fn only_cjk_wide_characters_are_trusted() {
        for s in ["中", "，", "。", "“", "あ", "한", "Ａ", "𠀀"] {
            assert_eq!(surely_wide(s), s.width() == 2, "{s}");
        }
        for s in ["a", "😀", "︑", "e\u{301}", "中文", ""] {
            assert!(!surely_wide(s), "{s}");
        }
    }

    fn row() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "中", "文", "，", "。", "a", "1", " ", "😀", "︑", "e\u{301}", "“", "Ａ", "한", "\u{200b}", "ｶ",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever the rows and whatever was on screen before, the compact frame sets every
        /// character where the plain one does.
        #[test]
        fn compact_frames_show_what_plain_frames_show(
            before in prop::collection::vec(row(), 4),
            after in prop::collection::vec(row(), 4),
        ) {
            let width = 24;
            let rows = |v: &Vec<String>| -> Buffer {
                let refs: Vec<&str> = v.iter().map(String::as_str).collect();
                frame(&refs, width)
            };
            let (prev, next) = (rows(&before), rows(&after));
            let blank = Buffer::empty(prev.area);
            // The screen after the first frame, then after the second, drawn both ways.
            let mut plain = bytes(false, &blank, &prev);
            plain.extend(bytes(false, &prev, &next));
            let mut compact = bytes(true, &blank, &prev);
            compact.extend(bytes(true, &prev, &next));
            prop_assert_eq!(screen_of(&plain, width, 4).unwrap(), screen_of(&compact, width, 4).unwrap());
        }
    }
}
