//! Files the reader writes: bookmarks (atomic writes under a lock, never losing one).

pub mod bookmarks;
