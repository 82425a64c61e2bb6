//! Files the reader writes: bookmarks, reading positions, what the reader remembers
//! (`reader_state`) and the settings panel's save into config.toml (`settings_file`); atomic
//! writes under a lock.

pub mod bookmarks;
pub mod identity;
pub mod positions;
pub mod reader_state;
pub mod settings_file;
pub mod toml_file;
