//! What the reader remembers of how it was used, apart from texts: quiet mode and the
//! auto-scroll speed, in `$XDG_STATE_HOME/yuedu/reader.toml` (by default
//! `~/.local/state/yuedu/reader.toml`), beside the reading places:
//!
//! ```toml
//! quiet = true
//! auto_scroll_speed = 6
//! ```
//!
//! It is state, not configuration: it changes with a key press while reading, and the
//! user's `config.toml` is theirs, written by hand with comments, and changed only when they
//! ask (the settings panel's save). A change is written at once through the same locked,
//! atomic path as the places ([`super::toml_file`]); a file that cannot be parsed is never
//! overwritten, and fields of newer versions are kept.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::toml_file::{self, FileError, Names};

/// What is remembered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReaderState {
    /// Quiet mode: only the text on screen.
    #[serde(default)]
    pub quiet: bool,
    /// The auto-scroll speed's step (1-10); none until it is changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_scroll_speed: Option<u8>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

const NAMES: Names = Names { temp_prefix: ".reader.toml.", temp_suffix: ".tmp" };

/// `$XDG_STATE_HOME/yuedu/reader.toml`, else `~/.local/state/yuedu/reader.toml`.
pub fn default_path() -> Option<PathBuf> {
    toml_file::xdg_path("XDG_STATE_HOME", ".local/state", "reader.toml")
}

/// The file.
#[derive(Debug, Clone)]
pub struct ReaderStateStore {
    path: PathBuf,
}

impl ReaderStateStore {
    /// The store kept in `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        ReaderStateStore { path: path.into() }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What was remembered (the defaults when there is no file yet).
    pub fn load(&self) -> Result<ReaderState, FileError> {
        toml_file::read(&self.path)
    }

    /// Remembers `quiet` and the speed step `speed`, keeping what else the file holds.
    pub fn save(&self, quiet: bool, speed: u8) -> Result<(), FileError> {
        toml_file::change(&self.path, &NAMES, |s: &mut ReaderState| {
            let changed = s.quiet != quiet || s.auto_scroll_speed != Some(speed);
            s.quiet = quiet;
            s.auto_scroll_speed = Some(speed);
            changed
        })?;
        Ok(())
    }
}
