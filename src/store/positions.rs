//! Reading positions: where each article was left, so that opening it again returns there.
//!
//! One TOML file for every article (`$XDG_STATE_HOME/yuedu/positions.toml`, by default
//! `~/.local/state/yuedu/positions.toml`), a table per article id:
//!
//! ```toml
//! [position.5d1c0e6f2a9b3c47]
//! offset = 10234
//! name = "shanghai.txt"
//! saved = "2026-05-24T09:30:00Z"
//! ```
//!
//! A save re-reads the file under an exclusive lock on a side file, changes its own entry,
//! and writes a temporary file in the same directory that is synced and renamed over the
//! old one: two readers never lose each other's places, and a crash leaves the old file or
//! the new one. A file that cannot be parsed is never written. Only the [`KEEP`] most
//! recently saved articles are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::toml_file::{self, FileError, IoError, Names, ParseError};

/// How many articles' places the file keeps (the least recently saved go first).
pub const KEEP: usize = 500;

/// Where one article was left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the first character in view.
    pub offset: u64,
    /// The article's file name, to make the file readable.
    #[serde(default)]
    pub name: String,
    /// When it was saved (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    #[serde(default)]
    pub saved: String,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The file's contents.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct FileData {
    /// Places by article id ([`crate::document::Document::id`]).
    #[serde(default)]
    position: BTreeMap<String, Position>,
    /// Top-level fields written by a newer version, kept as they are.
    #[serde(flatten)]
    extra: toml::Table,
}

/// Why the positions file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PositionError {
    /// The file is not valid positions TOML; it is left alone.
    #[error("{0} (reading places are not saved until the file is fixed or moved)")]
    Parse(ParseError),
    /// Reading, locking or writing failed.
    #[error(transparent)]
    Io(IoError),
}

impl From<FileError> for PositionError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Parse(e) => PositionError::Parse(e),
            FileError::Io(e) => PositionError::Io(e),
        }
    }
}

/// How the positions file words its steps and names its temporary files.
const NAMES: Names = Names {
    dir: "create the directory of",
    temp: "create a temporary file for",
    encode: "write",
    temp_prefix: ".tmp",
    temp_suffix: "",
};

/// `$XDG_STATE_HOME/yuedu/positions.toml`, else `~/.local/state/yuedu/positions.toml`.
pub fn default_path() -> Option<PathBuf> {
    toml_file::xdg_path("XDG_STATE_HOME", ".local/state", "positions.toml")
}

/// The current time for `saved`, in UTC so that the strings sort in time order.
fn now() -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::OffsetDateTime::now_utc().format(&f).unwrap_or_default()
}

/// The positions file.
#[derive(Debug, Clone)]
pub struct PositionStore {
    path: PathBuf,
}

impl PositionStore {
    /// The store kept in `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        PositionStore { path: path.into() }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<FileData, PositionError> {
        Ok(toml_file::read(&self.path)?)
    }

    /// The saved place of `article`, if any.
    pub fn load(&self, article: &str) -> Result<Option<Position>, PositionError> {
        Ok(self.read()?.position.remove(article))
    }

    /// Saves `offset` as the place of `article` (file `name`).
    pub fn save(&self, article: &str, name: &str, offset: u64) -> Result<(), PositionError> {
        toml_file::change(&self.path, &NAMES, |data: &mut FileData| {
            let entry = data.position.entry(article.to_string()).or_insert_with(|| Position {
                offset,
                name: String::new(),
                saved: String::new(),
                extra: toml::Table::new(),
            });
            entry.offset = offset;
            entry.name = name.to_string();
            entry.saved = now();
            if data.position.len() > KEEP {
                let mut by_age: Vec<(String, String)> =
                    data.position.iter().map(|(k, p)| (p.saved.clone(), k.clone())).collect();
                by_age.sort();
                for (_, k) in by_age.into_iter().take(data.position.len() - KEEP) {
                    if k != article {
                        data.position.remove(&k);
                    }
                }
            }
            true
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn saves_and_loads_per_article_keeping_others_and_unknown_fields() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state/yuedu/positions.toml");
        let store = PositionStore::new(&path);
        assert_eq!(store.load("a").expect("no file is no place"), None);
        store.save("a", "a.txt", 10).expect("save a");
        store.save("b", "b.txt", 20).expect("save b");
        store.save("a", "a.txt", 30).expect("save a again");
        assert_eq!(store.load("a").expect("load").map(|p| p.offset), Some(30));
        assert_eq!(store.load("b").expect("load").map(|p| p.offset), Some(20));
        let text = fs::read_to_string(&path).expect("read");
        fs::write(&path, format!("future = 1\n{}", text.replace("offset = 20", "offset = 20\nzoom = 2")))
            .expect("write");
        store.save("a", "a.txt", 40).expect("save");
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains("future = 1") && text.contains("zoom = 2"), "{text}");
    }

    #[test]
    fn an_unparsable_file_is_reported_with_its_place_and_never_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("positions.toml");
        let broken = "[position.a]\noffset = \"ten\"\n";
        fs::write(&path, broken).expect("write");
        let store = PositionStore::new(&path);
        let err = store.save("a", "a.txt", 10).expect_err("a broken file is not overwritten");
        let msg = err.to_string();
        assert!(msg.starts_with(&format!("{}:2:", path.display())), "{msg}");
        assert!(store.load("a").is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), broken);
    }

    #[test]
    fn keeps_only_the_most_recent_articles() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("positions.toml");
        let mut data = FileData::default();
        for i in 0..KEEP + 5 {
            let p = Position {
                offset: i as u64,
                name: String::new(),
                saved: format!("2020-01-01T00:{:02}:{:02}Z", i / 60, i % 60),
                extra: toml::Table::new(),
            };
            data.position.insert(format!("id{i:04}"), p);
        }
        fs::write(&path, toml::to_string(&data).expect("toml")).expect("write");
        let store = PositionStore::new(&path);
        store.save("new", "n.txt", 1).expect("save");
        let data = store.read().expect("read");
        assert_eq!(data.position.len(), KEEP);
        assert!(data.position.contains_key("new"));
        assert!(!data.position.contains_key("id0000"), "the oldest went first");
    }
}
