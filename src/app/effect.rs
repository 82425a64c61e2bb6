//! What an action asks of the world: `update`'s state change returns these, and the
//! runtime ([`super::runtime`]) performs them (file I/O, opening another text), then hands
//! each result back to the state. Nothing here reads or writes a file.

use std::path::PathBuf;

use crate::store::bookmarks::Bookmark;

/// One thing to do outside the reader's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Tell, once, whether the text's file changed or vanished on disk since it was read.
    CheckSource,
    /// Save a new bookmark; `what` is the excerpt the status line names it by.
    SaveBookmark {
        /// The bookmark.
        bookmark: Bookmark,
        /// Its excerpt for the status line.
        what: String,
    },
    /// Delete a bookmark (it can be restored with undo).
    DeleteBookmark(Bookmark),
    /// Save again a bookmark deleted from the list (undo).
    RestoreBookmark(Bookmark),
    /// Read the bookmarks file again (what other readers saved), then open the list.
    OpenBookmarks,
    /// Save this text's place, then list the texts read and open the shelf.
    OpenShelf,
    /// Remove an entry from the shelf (the file itself is kept).
    ForgetShelfEntry {
        /// The entry's key in the positions file.
        key: String,
        /// Its title (or file name) for the status line.
        title: String,
    },
    /// Open the text at this path in place of this one, at its saved place.
    OpenText(PathBuf),
    /// Read the text's file again.
    Reload,
}
