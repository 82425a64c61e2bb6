//! The state of `app::progress` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

/// Characters before each block, for the document it was counted on.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// `before[i]`: characters in blocks `0..i`; one more entry for the total.
    pub(in crate::app) before: Vec<usize>,
    /// Length of the text counted (a reload re-counts).
    pub(in crate::app) text_len: usize,
    /// Minutes left, as of the last move of the view (none at the end).
    pub(in crate::app) minutes_left: Option<u64>,
}

/// Characters in `s` (its bytes that start a character).
pub(in crate::app) fn chars_in(s: &str) -> usize {
    s.as_bytes().iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// "12 min left", "1 h 05 min left", "<1 min left".
pub fn format_minutes(m: u64) -> String {
    crate::i18n::text(crate::i18n::Msg::MinutesLeft(m))
}

impl Progress {
    /// The characters before each block of `doc` counted (one pass over its text; the
    /// background build does it before the reader gets the document).
    pub fn counted(doc: &crate::document::Document) -> Progress {
        let mut before = Vec::with_capacity(doc.blocks.len() + 1);
        let mut sum = 0;
        for b in &doc.blocks {
            before.push(sum);
            sum += chars_in(&doc.text[b.start..b.end]);
        }
        before.push(sum);
        Progress { before, text_len: doc.text.len(), minutes_left: None }
    }

    /// Minutes left to read, as of the last move of the view.
    pub fn minutes_left(&self) -> Option<u64> {
        self.minutes_left
    }

    /// The time left for the status line.
    pub fn label(&self) -> Option<String> {
        self.minutes_left.map(format_minutes)
    }
}
