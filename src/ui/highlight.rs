//! The one thing every highlighting feature hands the text pane: a styled byte range.

use ratatui::style::Style;

/// A styled byte range of the document (a figure, a quote, a search match …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    /// First byte.
    pub start: usize,
    /// Byte just past the end.
    pub end: usize,
    /// Patched over the block's style.
    pub style: Style,
}
