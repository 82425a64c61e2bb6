//! Files the reader writes: bookmarks and reading positions (atomic writes under a lock).

pub mod bookmarks;
pub mod identity;
pub mod positions;
pub mod toml_file;
