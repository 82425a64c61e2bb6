//! Reading positions: where each article was left, so that opening it again returns there.
//!
//! One TOML file for every article (`$XDG_STATE_HOME/yuedu/positions.toml`, by default
//! `~/.local/state/yuedu/positions.toml`), a table per article id:
//!
//! ```toml
//! [position.p-3f09a1c2d4e5b6a7]
//! offset = 10234
//! name = "report.txt"
//! saved = "2026-05-24T09:30:00Z"
//! id = "x3v1-9c4be0a1f2d3c5e7"
//! path = "/home/me/texts/report.txt"
//! len = 48210
//! title = "政府工作报告"
//! excerpt = "今年发展主要预期目标是"
//! percent = 21
//! opened = "2026-05-24T09:12:41Z"
//! ```
//!
//! A text with a path is kept under `p-` and the XXH3-64 hash of its canonical path, the
//! bundled article under `bundled` (it is on the shelf too, with no path), a text read from
//! standard input under `s-` and the hash of its fingerprint, marked `stdin = true` (on the
//! shelf, which cannot open it again); which record belongs to a text is decided by
//! [`super::identity::matches`], not by the key. Files of earlier versions (a table keyed by
//! a whole-text hash with `offset`, `name` and `saved` only) are read as they are; such a
//! record is replaced by a full one the next time that text's place is saved. Every record
//! with a path is an entry of the bookshelf (`yuedu shelf`).
//!
//! A save re-reads the file under an exclusive lock on a side file, changes its own entry,
//! and writes a temporary file in the same directory that is synced and renamed over the
//! old one: two readers never lose each other's places, and a crash leaves the old file or
//! the new one. A file that cannot be parsed is never written. Only the [`KEEP`] most
//! recently saved articles are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::identity::{self, Match, Record};
use super::toml_file::{self, FileError, IoError, Names, ParseError};
use crate::document::Document;

/// How many articles' places the file keeps (the least recently saved go first).
pub const KEEP: usize = 500;

/// Where one article was left.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the first character in view.
    pub offset: u64,
    /// The article's file name, to make the file readable.
    #[serde(default)]
    pub name: String,
    /// When it was saved (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    #[serde(default)]
    pub saved: String,
    /// The text's fingerprint ([`crate::document::Document::id`]); empty in earlier files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The file's canonical path; empty for the bundled article and in earlier files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// The text's length in bytes when the place was saved.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub len: u64,
    /// The text's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// A few characters of the text at `offset`, to find the place again in a changed text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    /// How much had been read (the bottom of the view), in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u8>,
    /// When the text was last opened (UTC, like `saved`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opened: String,
    /// The encoding given with `--encoding` when it was opened (the shelf and `--last`
    /// open it with the same); empty when it was detected.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    /// Whether the text was read from standard input (it has no path; the shelf lists it
    /// but cannot open it again).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stdin: bool,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// Where a text is being read: what a save records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Byte offset of the first character in view.
    pub offset: u64,
    /// How much has been read (the bottom of the view), in percent.
    pub percent: u8,
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
    #[error("{}{}", .0, crate::i18n::text(crate::i18n::Msg::PlacesNotSavedUntilFixed))]
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

/// How the positions file names its temporary files.
const NAMES: Names = Names { temp_prefix: ".tmp", temp_suffix: "" };

/// `$XDG_STATE_HOME/yuedu/positions.toml`, else `~/.local/state/yuedu/positions.toml`.
pub fn default_path() -> Option<PathBuf> {
    toml_file::xdg_path("XDG_STATE_HOME", ".local/state", "positions.toml")
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The key of the bundled article's record (it has no path): one entry on the shelf, whatever
/// version of the article it was.
pub const BUNDLED_KEY: &str = "bundled";
pub use super::identity::STDIN_KEY_PREFIX;

/// The key a text's record is kept under: `p-` and the hash of its path, or (no path: the
/// bundled article) [`BUNDLED_KEY`].
pub fn key_of(doc: &Document) -> String {
    match &doc.path {
        Some(_) => format!("p-{:016x}", xxhash_rust::xxh3::xxh3_64(doc.path_text().as_bytes())),
        // Standard input: the text's own fingerprint (its content) is all there is.
        None if doc.from_stdin => {
            format!("{STDIN_KEY_PREFIX}{:016x}", xxhash_rust::xxh3::xxh3_64(doc.id().as_bytes()))
        }
        None => BUNDLED_KEY.to_string(),
    }
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

    /// The saved place of `article` (a key, or a text's fingerprint), if any.
    pub fn load(&self, article: &str) -> Result<Option<Position>, PositionError> {
        let mut data = self.read()?;
        if let Some(p) = data.position.remove(article) {
            return Ok(Some(p));
        }
        Ok(data.position.into_values().filter(|p| p.id == article).max_by(|a, b| a.saved.cmp(&b.saved)))
    }

    /// Every record, most recently saved first.
    pub fn entries(&self) -> Result<Vec<(String, Position)>, PositionError> {
        let mut all: Vec<(String, Position)> = self.read()?.position.into_iter().collect();
        all.sort_by(|a, b| b.1.saved.cmp(&a.1.saved).then_with(|| a.0.cmp(&b.0)));
        Ok(all)
    }

    /// The bookshelf: every record of a text read from a file, and the bundled article's
    /// (under [`BUNDLED_KEY`], with no path), most recently read first. Earlier versions'
    /// records (no path, no fingerprint) are not listed: nothing says what text they were.
    pub fn shelf(&self) -> Result<Vec<(String, Position)>, PositionError> {
        Ok(self
            .entries()?
            .into_iter()
            .filter(|(k, p)| !p.path.is_empty() || p.stdin || (k == BUNDLED_KEY && !p.id.is_empty()))
            .collect())
    }

    /// The record of `doc` ([`identity::matches`]): the best match, the most recently saved
    /// among equals; with its key.
    pub fn find(&self, doc: &Document) -> Result<Option<(String, Position)>, PositionError> {
        let data = self.read()?;
        let id = doc.id();
        let mut legacy = None;
        let mut legacy_id = || legacy.get_or_insert_with(|| doc.legacy_id()).clone();
        let mut best: Option<(Match, String, Position)> = None;
        for (key, p) in data.position {
            let r = Record { key: &key, id: &p.id, path: &p.path, title: &p.title };
            let Some(m) = identity::matches(doc, &id, &mut legacy_id, r) else { continue };
            // Among equal matches, the record of a text as long as this one (two moved
            // copies of a text), then the most recently saved.
            let len = doc.text.len() as u64;
            let better = match &best {
                None => true,
                Some((bm, _, bp)) => {
                    m < *bm || (m == *bm && ((p.len == len, &p.saved) > (bp.len == len, &bp.saved)))
                }
            };
            if better {
                best = Some((m, key, p));
            }
        }
        Ok(best.map(|(_, k, p)| (k, p)))
    }

    /// Records `doc`'s place (`offset`, `percent` read) under its key ([`key_of`]), which is
    /// returned. `found` is the key of the record it was found under ([`PositionStore::find`]):
    /// an earlier version's record, or a moved file's, is replaced by this one.
    /// `opened` also stamps the record as opened now; `encoding` is the one the text was
    /// opened with (`--encoding`), if any.
    pub fn record(
        &self,
        doc: &Document,
        found: Option<&str>,
        at: Place,
        opened: bool,
        encoding: Option<&str>,
    ) -> Result<String, PositionError> {
        let Place { offset, percent } = at;
        let key = key_of(doc);
        toml_file::change(&self.path, &NAMES, |data: &mut FileData| {
            // The record it was found under ([`PositionStore::find`]: never a copy's
            // original) is this text's: an earlier version's, or one of a moved file, whose
            // path is rewritten by moving it under this key.
            if let Some(old) = found.filter(|&k| k != key)
                && let Some(p) = data.position.remove(old)
            {
                // Fields of a newer version travel with the record.
                data.position.entry(key.clone()).or_default().extra.extend(p.extra);
            }
            let entry = data.position.entry(key.clone()).or_default();
            let at = usize::try_from(offset).unwrap_or(usize::MAX);
            let fresh = entry.id != doc.id() || entry.path != doc.path_text();
            entry.offset = offset;
            entry.name = doc.name.clone();
            entry.saved = now();
            entry.id = doc.id();
            entry.path = doc.path_text();
            entry.len = doc.text.len() as u64;
            entry.title = doc.title().to_string();
            entry.excerpt = identity::excerpt_at(&doc.text, at);
            entry.percent = Some(percent.min(100));
            entry.encoding = encoding.unwrap_or_default().to_string();
            entry.stdin = doc.from_stdin;
            if opened || fresh || entry.opened.is_empty() {
                entry.opened = entry.saved.clone();
            }
            trim(data, &key);
            true
        })?;
        Ok(key)
    }

    /// Removes the record under `key` (a bookshelf entry; the text itself is untouched).
    /// Returns whether there was one.
    pub fn forget(&self, key: &str) -> Result<bool, PositionError> {
        let mut had = false;
        toml_file::change(&self.path, &NAMES, |data: &mut FileData| {
            had = data.position.remove(key).is_some();
            had
        })?;
        Ok(had)
    }

    /// Puts back `p` under `key`, a record [`PositionStore::forget`] removed (undo). A record
    /// saved under that key meanwhile is newer and stays. Returns whether it was put back.
    pub fn restore(&self, key: &str, p: &Position) -> Result<bool, PositionError> {
        let mut put = false;
        toml_file::change(&self.path, &NAMES, |data: &mut FileData| {
            put = !data.position.contains_key(key);
            if put {
                data.position.insert(key.to_string(), p.clone());
                trim(data, key);
            }
            put
        })?;
        Ok(put)
    }

    /// Saves `offset` as the place of `article` (file `name`).
    pub fn save(&self, article: &str, name: &str, offset: u64) -> Result<(), PositionError> {
        toml_file::change(&self.path, &NAMES, |data: &mut FileData| {
            let entry = data.position.entry(article.to_string()).or_default();
            entry.offset = offset;
            entry.name = name.to_string();
            entry.saved = now();
            trim(data, article);
            true
        })?;
        Ok(())
    }
}

/// Keeps the [`KEEP`] most recently saved records (and always `keep`).
fn trim(data: &mut FileData, keep: &str) {
    if data.position.len() > KEEP {
        let mut by_age: Vec<(String, String)> =
            data.position.iter().map(|(k, p)| (p.saved.clone(), k.clone())).collect();
        by_age.sort();
        for (_, k) in by_age.into_iter().take(data.position.len() - KEEP) {
            if k != keep {
                data.position.remove(&k);
            }
        }
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
                ..Position::default()
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
