//! Reading progress: the time left to read from the bottom of the view to the end, at the
//! configured speed (`[text] reading_speed`, characters a minute).
//!
//! Characters before every 16th block are counted once (a prefix sum over the blocks, one
//! pass over the text at memory speed), so a move of the view counts only the few blocks
//! from the last count to the bottom of the view, in any size of file.

use super::App;

pub use super::state::progress::*;

impl App {
    /// Recomputes the time left from the bottom of the view (after every move of the view).
    pub(super) fn update_progress(&mut self) {
        // While the rest is read the status line shows how far instead, and the beginning's
        // characters need not be counted before its first frame; the whole text comes counted.
        if self.doc.blocks.is_empty() || self.loading.is_some() {
            self.progress.minutes_left = None;
            return;
        }
        let p = &self.progress;
        if !p.counts(&self.doc) {
            self.progress = Progress::counted(&self.doc);
        }
        let (_, end) = self.view_range();
        let block = self.doc.block_at(end);
        let b = &self.doc.blocks[block];
        let p = &self.progress;
        let left = if end >= self.doc.text.len() {
            0
        } else if end <= b.start {
            p.total - p.chars_before(&self.doc, block)
        } else {
            let done_in_block = chars_in(&self.doc.text[b.start..end.min(b.end)]);
            p.total - p.chars_before(&self.doc, block) - done_in_block
        };
        let speed = u64::from(self.config.text.reading_speed.max(1));
        self.progress.minutes_left = (left > 0).then(|| (left as u64 + speed / 2) / speed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes_and_formats_minutes() {
        assert_eq!(chars_in("上海ab，"), 5);
        assert_eq!(format_minutes(0), "<1 min left");
        assert_eq!(format_minutes(12), "12 min left");
        assert_eq!(format_minutes(65), "1 h 05 min left");
    }

    proptest::proptest! {
        /// The characters before any block, from the counts kept for every `STRIDE`th
        /// block, are those of a count over every block before it.
        #[test]
        fn characters_before_a_block_are_those_of_every_block_before_it(
            lines in proptest::collection::vec("[a-z上海，。 ]{0,12}", 0..80),
        ) {
            let text = lines.join("\n");
            let decoded = crate::document::load::Decoded { text, encoding: "UTF-8", warnings: Vec::new() };
            let doc = crate::document::Document::new("t.txt", decoded);
            let p = Progress::counted(&doc);
            proptest::prop_assert!(p.counts(&doc));
            let mut sum = 0;
            for (i, b) in doc.blocks.iter().enumerate() {
                proptest::prop_assert_eq!(p.chars_before(&doc, i), sum, "block {}", i);
                sum += chars_in(&doc.text[b.start..b.end]);
            }
            proptest::prop_assert_eq!(p.chars_before(&doc, doc.blocks.len()), sum);
            proptest::prop_assert_eq!(p.total, sum);
        }
    }
}
