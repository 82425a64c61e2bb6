//! The state of `app::progress` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

/// Blocks between two counts kept by [`Progress`]: the characters before any other block
/// are counted from the count before it, over at most this many blocks less one.
pub(in crate::app) const STRIDE: usize = 16;

/// Characters before the blocks of the document it was counted on: kept for every
/// `STRIDE`th block only (250 KB instead of 4 MB for the 500,000 blocks of a 200 MB novel),
/// the others counted from there when asked.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// `before[k]`: characters in blocks `0..k * STRIDE`.
    pub(in crate::app) before: Vec<usize>,
    /// Characters in all blocks.
    pub(in crate::app) total: usize,
    /// Blocks counted.
    pub(in crate::app) blocks: usize,
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
    /// The characters before every `STRIDE`th block of `doc` counted (one pass over its
    /// text; the background build does it before the reader gets the document).
    pub fn counted(doc: &crate::document::Document) -> Progress {
        let mut before = Vec::with_capacity(doc.blocks.len() / STRIDE + 1);
        let mut sum = 0;
        for (i, b) in doc.blocks.iter().enumerate() {
            if i % STRIDE == 0 {
                before.push(sum);
            }
            sum += chars_in(&doc.text[b.start..b.end]);
        }
        Progress {
            before,
            total: sum,
            blocks: doc.blocks.len(),
            text_len: doc.text.len(),
            minutes_left: None,
        }
    }

    /// Whether it was counted on `doc` (a reload re-counts).
    pub(in crate::app) fn counts(&self, doc: &crate::document::Document) -> bool {
        self.blocks == doc.blocks.len() && self.text_len == doc.text.len()
    }

    /// Characters in blocks `0..block` of `doc`, the document it was counted on (all of
    /// them for `block` past the last).
    pub(in crate::app) fn chars_before(&self, doc: &crate::document::Document, block: usize) -> usize {
        if block >= self.blocks {
            return self.total;
        }
        let from = block / STRIDE * STRIDE;
        let rest: usize = doc.blocks[from..block].iter().map(|b| chars_in(&doc.text[b.start..b.end])).sum();
        self.before[block / STRIDE] + rest
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
