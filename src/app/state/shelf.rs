//! The state of `app::shelf` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::store::positions::Position;
use std::path::Path;

/// The shelf as listed when it was opened.
#[derive(Debug, Default)]
pub struct Shelf {
    /// The entries: key in the positions file and record.
    pub entries: Vec<(String, Position)>,
    /// Per entry, whether its file was gone when the shelf was listed.
    pub missing: Vec<bool>,
    /// The entry under the cursor.
    pub cursor: usize,
    /// Entries removed with `d` while the shelf was open, newest last, with where they were
    /// listed (`u` puts them back).
    pub removed: Vec<(usize, String, Position)>,
}

/// Where a shelf entry is, as the shelf shows it: its path, or that it is the bundled article.
pub fn shelf_path(p: &Position) -> std::borrow::Cow<'_, str> {
    if p.stdin {
        crate::i18n::text(crate::i18n::Msg::StdinName).into()
    } else if p.path.is_empty() {
        crate::i18n::text(crate::i18n::Msg::BundledOnShelf).into()
    } else {
        p.path.as_str().into()
    }
}

/// Whether a shelf entry's file is gone (the bundled article, with no path, never is).
pub fn missing(p: &Position) -> bool {
    !p.path.is_empty() && !Path::new(&p.path).is_file()
}
