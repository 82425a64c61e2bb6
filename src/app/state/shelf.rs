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
}

/// Whether a shelf entry's file is gone.
pub fn missing(p: &Position) -> bool {
    !Path::new(&p.path).is_file()
}
