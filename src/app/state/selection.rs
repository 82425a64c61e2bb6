//! The state of `app::selection` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

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
}

impl Selection {
    /// The selected figure's index, if a figure is selected.
    pub fn figure(self) -> Option<usize> {
        match self {
            Selection::Figure(i) => Some(i),
            _ => None,
        }
    }

    /// The selected quote's index, if a quote is selected.
    pub fn quote(self) -> Option<usize> {
        match self {
            Selection::Quote(i) => Some(i),
            _ => None,
        }
    }
}
