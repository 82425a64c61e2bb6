//! The state of `app::passage` and `app::copy` (see there) apart from the selection itself
//! (which is [`super::selection::Selection`]): a leaf, so the reader's state can hold it
//! without importing the files that act on the reader.

/// What selecting and copying keep between actions.
#[derive(Debug, Default)]
pub struct PassageState {
    /// Texts to put on the terminal's clipboard, oldest first, for the terminal to send.
    pub(in crate::app) clipboard: Vec<String>,
    /// Where a press of the left button in the text was (a byte offset), while it may
    /// become a drag that selects a passage.
    pub(in crate::app) drag_from: Option<usize>,
    /// The column `j` / `k` keep to while selecting, through shorter rows and indents.
    pub(in crate::app) column: Option<usize>,
}
