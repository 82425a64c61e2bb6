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
    /// The text's end, shown by `G` while the rest is read (`app::tail`): what it was
    /// shown in place of.
    pub(in crate::app) tail: Option<Tail>,
}

/// The beginning put aside while the text's end is shown (`app::tail`), and what the
/// reader had set on it.
#[derive(Debug, Clone)]
pub struct Tail {
    /// The beginning, shown again by `gg`, and again if the rest cannot be read.
    pub(in crate::app) head: std::sync::Arc<crate::document::Document>,
    /// The top row in the beginning when `G` was pressed.
    pub(in crate::app) head_top: crate::layout::Pos,
    /// The reading place in the beginning then: what a save while the end is shown keeps,
    /// since no offset of the whole text is known for the end yet.
    pub(in crate::app) head_place: usize,
    /// The percentage read in the beginning then.
    pub(in crate::app) head_percent: u8,
    /// The beginning's folded outline entries and outline cursor.
    pub(in crate::app) head_fold: super::outline::Fold,
    pub(in crate::app) head_cursor: usize,
    /// The beginning's quotations, where its bookmarks are, and its figures, when found:
    /// offsets of the beginning, put aside so that none of them is drawn on the end.
    pub(in crate::app) head_quotes: Option<Vec<crate::document::quotes::Quote>>,
    pub(in crate::app) head_here: Vec<(usize, Option<std::ops::Range<usize>>)>,
    pub(in crate::app) head_figures: Option<Vec<crate::document::figures::Figure>>,
    /// The file's size in bytes, and how many of its last bytes the end was decoded from
    /// (the percentage read is worked out from them).
    pub(in crate::app) file_bytes: u64,
    pub(in crate::app) tail_bytes: u64,
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
