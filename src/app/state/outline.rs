//! The state of `app::outline` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::document::Heading;
use std::collections::BTreeSet;

/// Which outline entries are collapsed.
#[derive(Debug, Clone, Default)]
pub struct Fold {
    pub(in crate::app) collapsed: BTreeSet<usize>,
}

/// Whether heading `h` has entries nested under it.
pub fn has_children(headings: &[Heading], h: usize) -> bool {
    match (headings.get(h), headings.get(h + 1)) {
        (Some(a), Some(b)) => b.level > a.level,
        _ => false,
    }
}

/// The heading `h` is nested under, if any.
pub fn parent(headings: &[Heading], h: usize) -> Option<usize> {
    let level = headings.get(h)?.level;
    headings[..h].iter().rposition(|p| p.level < level)
}

/// The number of entries nested under heading `h`.
pub fn descendants(headings: &[Heading], h: usize) -> usize {
    let Some(level) = headings.get(h).map(|x| x.level) else { return 0 };
    headings[h + 1..].iter().take_while(|x| x.level > level).count()
}

impl Fold {
    /// Whether heading `h` is collapsed.
    pub fn is_collapsed(&self, h: usize) -> bool {
        self.collapsed.contains(&h)
    }

    /// Whether anything is collapsed.
    pub fn is_empty(&self) -> bool {
        self.collapsed.is_empty()
    }

    /// Collapses heading `h`.
    pub fn collapse(&mut self, h: usize) {
        self.collapsed.insert(h);
    }

    /// Expands heading `h`.
    pub fn expand(&mut self, h: usize) {
        self.collapsed.remove(&h);
    }

    /// The headings shown, in order: those not nested under a collapsed one.
    pub fn visible(&self, headings: &[Heading]) -> Vec<usize> {
        if self.collapsed.is_empty() {
            return (0..headings.len()).collect();
        }
        let mut out = Vec::new();
        // While inside a collapsed entry: its level; deeper entries are hidden.
        let mut hiding: Option<u8> = None;
        for (i, h) in headings.iter().enumerate() {
            if let Some(level) = hiding {
                if h.level > level {
                    continue;
                }
                hiding = None;
            }
            out.push(i);
            if self.collapsed.contains(&i) {
                hiding = Some(h.level);
            }
        }
        out
    }

    /// The entry that stands for heading `h`: itself, or the outermost collapsed entry
    /// it is hidden under.
    pub fn shown(&self, headings: &[Heading], h: usize) -> usize {
        if self.collapsed.is_empty() {
            return h;
        }
        let mut shown = h;
        let mut at = h;
        while let Some(p) = parent(headings, at) {
            if self.collapsed.contains(&p) {
                shown = p;
            }
            at = p;
        }
        shown
    }
}
