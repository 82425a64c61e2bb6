//! The state of `app::selection` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use unicode_segmentation::UnicodeSegmentation;

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A figure: an index into the figure index.
    Figure(usize),
    /// A quotation: an index into the quotes.
    Quote(usize),
    /// A passage being selected (`v`): from the character at byte `anchor` to the one at
    /// byte `cursor`, both taken whole, whichever comes first. Offsets are of the source
    /// text's characters, never of screen cells, so a wide character is selected whole.
    Range {
        /// Where the selection started (a character's first byte).
        anchor: usize,
        /// The end the motion keys move (a character's first byte).
        cursor: usize,
    },
}

impl Selection {
    /// The selected figure's index, if a figure is selected.
    pub fn figure(self) -> Option<usize> {
        match self {
            Selection::Figure(i) => Some(i),
            _ => None,
        }
    }

    /// The bytes of the selected passage in `text`, if a passage is selected: from the
    /// first byte of the earlier end to just past the character (grapheme: a letter with
    /// its marks) at the later one.
    pub fn range(self, text: &str) -> Option<std::ops::Range<usize>> {
        let Selection::Range { anchor, cursor } = self else { return None };
        // On character boundaries whatever the offsets say, so slicing never panics.
        let boundary = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (lo, hi) = (boundary(anchor.min(cursor)), boundary(anchor.max(cursor)));
        let end = hi + text[hi..].graphemes(true).next().map_or(0, str::len);
        Some(lo..end)
    }

    /// The selected quote's index, if a quote is selected.
    pub fn quote(self) -> Option<usize> {
        match self {
            Selection::Quote(i) => Some(i),
            _ => None,
        }
    }
}
