//! Jump history, as in vim: every jump (section, search, figure, bookmark, top, bottom)
//! first records where the view was, and back / forward walk those places.
//!
//! Places are byte offsets of the first character in view, so they survive a re-wrap.

use super::App;
use crate::i18n::Msg;

pub use super::state::history::*;

impl App {
    /// Records the current place before a jump: call it first in every jump path (section,
    /// search, figure, bookmark …) so that back returns here.
    pub fn record_jump(&mut self) {
        // The end shown while the text is read has offsets of its own ([`super::tail`]).
        if self.doc.blocks.is_empty() || self.tail_shown() {
            return;
        }
        let here = self.anchor();
        self.history.record(here);
    }

    /// Goes back (`forward == false`) or forward in the jump history.
    pub fn step_history(&mut self, forward: bool) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let here = self.anchor();
        let h = &mut self.history;
        let target = if forward {
            History::step(&mut h.forward, &mut h.back, here)
        } else {
            History::step(&mut h.back, &mut h.forward, here)
        };
        match target {
            Some(offset) => self.scroll_to_offset(offset),
            None => self.say(if forward { Msg::AtNewestJump } else { Msg::AtOldestJump }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_walk_the_places_and_a_new_jump_drops_forward() {
        let mut h = History::default();
        h.record(10);
        h.record(20);
        // At 30: back goes to 20, then 10; forward returns to 20, then 30.
        assert_eq!(History::step(&mut h.back, &mut h.forward, 30), Some(20));
        assert_eq!(History::step(&mut h.back, &mut h.forward, 20), Some(10));
        assert_eq!(History::step(&mut h.back, &mut h.forward, 10), None);
        assert_eq!(History::step(&mut h.forward, &mut h.back, 10), Some(20));
        assert_eq!(History::step(&mut h.forward, &mut h.back, 20), Some(30));
        h.record(40);
        assert!(h.forward().is_empty());
        assert_eq!(h.back(), &[10, 20, 40]);
    }

    #[test]
    fn the_same_place_twice_is_one_entry_and_the_list_is_bounded() {
        let mut h = History::default();
        h.record(5);
        h.record(5);
        assert_eq!(h.back(), &[5]);
        for i in 0..1000 {
            h.record(i);
        }
        assert_eq!(h.back().len(), LIMIT);
        assert_eq!(h.back().last(), Some(&999));
    }
}
