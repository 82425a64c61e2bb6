//! The state of `app::history` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

/// How many places are kept each way.
pub(in crate::app) const LIMIT: usize = 100;

/// The places jumped away from (back) and the places gone back from (forward).
#[derive(Debug, Clone, Default)]
pub struct History {
    pub(in crate::app) back: Vec<usize>,
    pub(in crate::app) forward: Vec<usize>,
}

impl History {
    /// Records a place left by a new jump; the forward places are dropped, as in vim.
    pub fn record(&mut self, offset: usize) {
        if self.back.last() != Some(&offset) {
            self.back.push(offset);
            if self.back.len() > LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// The places to go back to, oldest first.
    pub fn back(&self) -> &[usize] {
        &self.back
    }

    /// The places to go forward to, the next one last.
    pub fn forward(&self) -> &[usize] {
        &self.forward
    }

    /// Takes the nearest place in `from` that is not `here`, pushing `here` onto `to`.
    pub(in crate::app) fn step(from: &mut Vec<usize>, to: &mut Vec<usize>, here: usize) -> Option<usize> {
        while let Some(target) = from.pop() {
            if target != here {
                if to.last() != Some(&here) {
                    to.push(here);
                }
                return Some(target);
            }
        }
        None
    }
}
