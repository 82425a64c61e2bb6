//! The bookmarks file.
