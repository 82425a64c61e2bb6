//! The state of `app::figures` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::document::figures::Figure;

/// Figure highlighting and selection.
#[derive(Debug, Default)]
pub struct FigureState {
    /// Whether figures are highlighted (`f` toggles).
    pub shown: bool,
    /// Every figure of the enabled kinds, in order; built on first need.
    pub(in crate::app) index: Option<Vec<Figure>>,
    /// The entry under the cursor in the figures list.
    pub list_cursor: usize,
}

impl FigureState {
    /// A state with highlighting on or off.
    pub fn new(shown: bool) -> Self {
        FigureState { shown, ..FigureState::default() }
    }

    /// The figures found so far (empty until a figure key built the index).
    pub fn all(&self) -> &[Figure] {
        self.index.as_deref().unwrap_or(&[])
    }
}
