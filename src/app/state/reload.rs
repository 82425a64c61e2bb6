//! The state of `app::reload` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// Where the document came from, so it can be read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file as given on the command line.
    pub path: PathBuf,
    /// The forced encoding (`--encoding`), if any.
    pub encoding: Option<String>,
    /// Size and modification time when it was read (`None`: unknown).
    pub stamp: Option<Stamp>,
    /// The last stamp the reader was told about, so a change is reported once.
    pub noticed: Option<Option<Stamp>>,
    /// When the file was last looked at.
    pub checked: Option<Instant>,
}

/// How often the reader looks at the file while it runs.
pub const WATCH_EVERY: Duration = Duration::from_millis(500);

/// A file's size and modification time: what tells that it changed.
pub type Stamp = (u64, Option<SystemTime>);

/// The stamp of `path` now (`None`: it is gone or unreadable).
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| (m.len(), m.modified().ok()))
}

impl Source {
    /// The source at `path`, stamped now (call right after reading it).
    pub fn new(path: PathBuf, encoding: Option<String>) -> Self {
        let stamp = stamp_of(&path);
        Source { path, encoding, stamp, noticed: None, checked: None }
    }
}

/// What a text opened in place of the one being read keeps of it.
pub(in crate::app) enum Switch {
    /// The same file read again: the first character in view stays in view, the focus and
    /// figure highlighting stay, reading places go on being saved under the changed text.
    Reload {
        /// The byte offset to keep in view.
        offset: usize,
    },
    /// Another text: it opens at its own saved place.
    Open,
    /// The whole text in place of its beginning, shown while it was read: the first
    /// character in view stays in view, and so does everything the reader set.
    Loaded {
        /// The byte offset to keep in view.
        offset: usize,
        /// Whether the view moved since the beginning was first shown (if not, the saved
        /// place is looked for again, in the whole text).
        moved: bool,
        /// `--from-start`.
        from_start: bool,
    },
}
