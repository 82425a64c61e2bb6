//! The state of `app::loading` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::input::Action;

/// The rest of the text being read and indexed while its beginning is shown.
#[derive(Debug, Clone, Default)]
pub struct Loading {
    /// Bytes of the source read so far.
    pub(in crate::app) read: u64,
    /// The source's size when it is known (a file; not a pipe).
    pub(in crate::app) total: Option<u64>,
    /// Actions that need the whole text, and every action after the first of them, in
    /// the order the keys came: applied once the whole text is in.
    pub(in crate::app) pending: Vec<Action>,
    /// The reading place when the beginning was first shown: the user has not moved while
    /// it is still the place, so a saved place found only in the whole text (a record of an
    /// earlier version) can still be gone to.
    pub(in crate::app) start: Option<usize>,
    /// `--from-start`: the whole text opens where the beginning did.
    pub(in crate::app) from_start: bool,
}

impl Loading {
    /// The status line's word on it: `indexing 42%` for a file, `reading 12 MB` for a pipe.
    /// Reading is counted as nine tenths of the work, splitting and classifying the rest.
    pub fn status(&self) -> String {
        use crate::i18n::{Msg, text};
        match self.total {
            Some(total) if total > 0 => {
                let share = (u128::from(self.read.min(total)) * 90 / u128::from(total)) as u8;
                text(Msg::Indexing(share))
            }
            _ => text(Msg::ReadingInput { mb: self.read >> 20 }),
        }
    }

    /// How many actions wait for the whole text.
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }
}

/// Whether `action` needs the whole text (its end, its outline, its figures, quotes or
/// matches, or another text in place of this one), so waits for it while it is read.
pub fn needs_whole_text(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Bottom
            | NextSection
            | PrevSection
            | GoTo
            | Search
            | NextMatch
            | PrevMatch
            | NextFigure
            | PrevFigure
            | FiguresList
            | NextQuote
            | PrevQuote
            | BookmarksList
            | Reload
            | Shelf
    ) || action.section_number().is_some()
}
