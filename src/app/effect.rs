//! What an action asks of the world: `update`'s state change returns these, and the
//! runtime ([`super::runtime`]) performs them (file I/O, opening another text), then hands
//! each result back to the state. Nothing here reads or writes a file.

use std::path::PathBuf;

use crate::store::bookmarks::Bookmark;
use crate::store::positions::Position;

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
    /// Put back an entry removed from the shelf (undo).
    RestoreShelfEntry {
        /// Where it was listed.
        at: usize,
        /// Its key in the positions file.
        key: String,
        /// The record.
        entry: Box<Position>,
    },
    /// Open the text at this path in place of this one, at its saved place, with the
    /// encoding it was opened with before (`--encoding`), if any.
    OpenText(PathBuf, Option<String>),
    /// Open the bundled article in place of this text, at its saved place.
    OpenBundled,
    /// Read the text's file again.
    Reload,
    /// Read the end of the text's file, still being read whole, and show it
    /// ([`super::tail`]).
    ReadTail,
    /// Remember quiet mode and the auto-scroll speed.
    RememberComfort,
    /// Write these options into the user's config.toml (the settings panel's save).
    SaveSettings(Vec<crate::store::settings_file::Entry>),
    /// Put this text on the terminal's clipboard (OSC 52, written by the terminal
    /// module, which takes it from [`super::App::take_clipboard`]).
    Copy(String),
}
