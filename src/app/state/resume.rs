//! The state of `app::resume` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::store::positions::PositionStore;
use std::time::{Duration, Instant};

/// How often the place is saved while reading (only when it moved).
pub const SAVE_EVERY: Duration = Duration::from_secs(5);

/// Where reading places are kept and what was saved last.
#[derive(Debug, Default)]
pub struct Resume {
    /// The positions file; none when places are not kept (tests, a broken file).
    pub(in crate::app) store: Option<PositionStore>,
    /// The offset saved last (or resumed from), to skip writing the same place again.
    pub(in crate::app) saved: Option<usize>,
    /// When the place was last saved or checked.
    pub(in crate::app) last: Option<Instant>,
    /// The key of the text's record in the positions file (where it was found or saved).
    pub(in crate::app) key: Option<String>,
    /// Whether this run has saved the text's record yet (the first save stamps it opened).
    pub(in crate::app) recorded: bool,
}

impl Resume {
    /// Whether places are being saved.
    pub fn active(&self) -> bool {
        self.store.is_some()
    }

    /// The positions file in use, if any.
    pub fn store(&self) -> Option<&PositionStore> {
        self.store.as_ref()
    }

    /// The key of the text's record in the positions file, once found or saved.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The same store for the reloaded article (whose text, and so id, changed).
    pub fn for_reload(self) -> Resume {
        Resume { store: self.store, saved: None, last: self.last, key: self.key, recorded: self.recorded }
    }
}
