//! Moving by section: the next and previous section, and the go-to prompt (`:`), which
//! goes to the Nth entry of the main level, a share of the text, or a heading by its words.

use super::App;
use crate::i18n::Msg;
use crate::layout::Pos;

impl App {
    /// The sections (outline entries below the title) as heading indices.
    pub fn sections(&self) -> Vec<usize> {
        self.doc.sections().collect()
    }

    /// Jumps to the next (`forward`) or previous section from the top of the view.
    pub(super) fn step_section(&mut self, forward: bool) {
        let sections = self.sections();
        let top = self.top;
        let target = if forward {
            sections.iter().copied().find(|&h| self.doc.headings[h].block > top.block)
        } else {
            // The previous section: the one before the section we are in, or this
            // section's start when we are below it.
            sections.iter().copied().rev().find(|&h| {
                let b = self.doc.headings[h].block;
                b < top.block || (b == top.block && top.row > 0)
            })
        };
        match target {
            Some(h) => self.jump_to_heading(h),
            // Above the first section: its start, the title and lead; at the start, say so
            // (as `]` does in the last section) rather than nothing.
            None if !forward && top != Pos::default() => self.set_top(Pos::default()),
            None if !forward => self.say(Msg::AlreadyInFirstSection),
            None => self.say(Msg::AlreadyInLastSection),
        }
    }

    /// Goes where the go-to prompt says: `N` to the Nth entry of the main level (the
    /// shallowest level below the title with at least N entries, so `:12` is 第十二回 under
    /// volumes), `N%` to that share of the text, other words to the first heading holding
    /// them.
    pub(super) fn go_to(&mut self, what: &str) {
        let what = what.trim();
        if what.is_empty() {
            return;
        }
        let number = |s: &str| s.trim().parse::<usize>().ok();
        if let Some(p) = what.strip_suffix(['%', '％']).and_then(number) {
            let p = p.min(100);
            let len = self.doc.text.len();
            let mut offset = len / 100 * p + len % 100 * p / 100;
            while !self.doc.text.is_char_boundary(offset) {
                offset -= 1;
            }
            self.record_jump();
            self.scroll_to_offset(offset);
            return;
        }
        if let Some(n) = number(what) {
            match self.doc.main_sections(n).get(n.wrapping_sub(1)) {
                Some(&h) => self.jump_to_heading(h),
                None => self.say(Msg::NoEntry(n)),
            }
            return;
        }
        let lower = what.to_lowercase();
        let found =
            self.doc.headings.iter().position(|h| self.doc.heading_text(h).to_lowercase().contains(&lower));
        match found {
            Some(h) => self.jump_to_heading(h),
            None => self.say(Msg::NoHeadingHolds(what)),
        }
    }
}
