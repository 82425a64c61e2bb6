//! Reading progress: the time left to read from the bottom of the view to the end, at the
//! configured speed (`[text] reading_speed`, characters a minute).
//!
//! Characters before each block are counted once (a prefix sum over the blocks, one pass
//! over the text at memory speed), so a move of the view counts only the block at the bottom
//! of the view, in any size of file.

use super::App;

pub use super::state::progress::*;

impl App {
    /// Recomputes the time left from the bottom of the view (after every move of the view).
    pub(super) fn update_progress(&mut self) {
        if self.doc.blocks.is_empty() {
            self.progress.minutes_left = None;
            return;
        }
        let p = &self.progress;
        if p.before.len() != self.doc.blocks.len() + 1 || p.text_len != self.doc.text.len() {
            self.progress = Progress::counted(&self.doc);
        }
        let (_, end) = self.view_range();
        let block = self.doc.block_at(end);
        let b = &self.doc.blocks[block];
        let p = &self.progress;
        let total = p.before[self.doc.blocks.len()];
        let left = if end >= self.doc.text.len() {
            0
        } else if end <= b.start {
            total - p.before[block]
        } else {
            let done_in_block = chars_in(&self.doc.text[b.start..end.min(b.end)]);
            total - p.before[block] - done_in_block
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
}
