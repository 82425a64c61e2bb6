//! The bookmarks file: one TOML file for every article, never losing a bookmark.
//!
//! Every change is applied at once, under an exclusive lock on a side file
//! (`bookmarks.toml.lock`): the file is re-read, the change (add or remove one bookmark) is
//! applied to what is on disk, and the result is written to a temporary file in the same
//! directory, synced and renamed over the old one. Two readers saving at the same time
//! therefore both keep theirs, and a crash leaves the old file or the new one. A file that
//! cannot be parsed is never written; fields this version does not know are kept.

use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::toml_file::{self, FileError, IoError, Names, ParseError};
use crate::document::Document;
use crate::sanitize::clean;

/// One saved passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id (time, process and a counter).
    pub id: String,
    /// The text's id: its fingerprint ([`Document::id`]), or in files of earlier versions
    /// the whole-text hash ([`Document::legacy_id`]).
    pub article: String,
    /// The article's title.
    pub title: String,
    /// The section heading the passage is in (empty before the first section).
    #[serde(default)]
    pub section: String,
    /// The passage: the quoted words (without the marks) or the paragraph.
    pub quote: String,
    /// Who said it, when the text names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The speaker's title as the text gives it (`首席架构师`); absent in files written
    /// before titles were kept, which load as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_title: Option<String>,
    /// The reader's note.
    #[serde(default)]
    pub note: String,
    /// 1-based source line of the passage.
    pub line: u64,
    /// Byte offset of the passage in the article text.
    pub start: u64,
    /// Byte offset just past the passage.
    pub end: u64,
    /// When it was made (RFC 3339).
    pub created: String,
    /// The text's canonical path; absent for the bundled article and in files written
    /// before texts had an identity (such bookmarks belong to a text by id or title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What kind of bookmark it is: absent for a quote or paragraph bookmarked with `m`
    /// (and in every file written before there were kinds), [`HIGHLIGHT`] for a passage
    /// selected and saved as a highlight. A kind a newer version writes is kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The [`Bookmark::kind`] of a highlight: a passage selected (`v`) and saved (`m`), whose
/// `quote` is the source text of `start..end` exactly.
pub const HIGHLIGHT: &str = "highlight";

impl Bookmark {
    /// Whether this is a highlight (a selected passage) rather than a quote or paragraph.
    pub fn is_highlight(&self) -> bool {
        self.kind.as_deref() == Some(HIGHLIGHT)
    }
}

/// The file's contents.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct FileData {
    /// The bookmarks, oldest first (`[[bookmark]]` tables).
    #[serde(default, rename = "bookmark")]
    bookmarks: Vec<Bookmark>,
    /// Top-level fields written by a newer version, kept as they are.
    #[serde(flatten)]
    extra: toml::Table,
}

/// Why the bookmarks file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not valid bookmarks TOML; it is left alone.
    #[error("{}{}", .0, crate::i18n::text(crate::i18n::Msg::BookmarksNotSavedUntilFixed))]
    Parse(ParseError),
    /// Reading, locking or writing failed.
    #[error(transparent)]
    Io(IoError),
}

impl From<FileError> for StoreError {
    fn from(e: FileError) -> Self {
        match e {
            FileError::Parse(e) => StoreError::Parse(e),
            FileError::Io(e) => StoreError::Io(e),
        }
    }
}

/// How the bookmarks file names its temporary files.
const NAMES: Names = Names { temp_prefix: ".bookmarks.", temp_suffix: ".tmp" };

/// The bookmarks file at a path.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    /// The file as last parsed or written by this store: its version and bookmarks. While
    /// the file on disk is still that version, `add` appends without parsing it again (a
    /// file of 100,000 bookmarks takes seconds to parse; `m` must stay instant).
    known: std::sync::Arc<std::sync::Mutex<Option<Known>>>,
}

/// A version of the file known to be a valid bookmarks file, with its bookmarks.
#[derive(Debug)]
struct Known {
    version: toml_file::Version,
    bookmarks: Vec<Bookmark>,
    /// Whether `[[bookmark]]` tables can be appended to its text (the bookmarks are not an
    /// inline array).
    appendable: bool,
}

/// The default file: `$XDG_DATA_HOME/yuedu/bookmarks.toml`, else
/// `~/.local/share/yuedu/bookmarks.toml`.
pub fn default_path() -> Option<PathBuf> {
    toml_file::xdg_path("XDG_DATA_HOME", ".local/share", "bookmarks.toml")
}

/// A file that holds tables but no bookmark (a config file given to `--bookmarks-file` by
/// mistake) is refused: rewriting it would lose what it holds. An empty file (or one of
/// comments only) is a bookmarks file with none yet; `version` alone is one too.
fn check_is_bookmarks(path: &Path, data: &FileData) -> Result<(), StoreError> {
    if data.bookmarks.is_empty() && data.extra.keys().any(|k| k != "version") {
        return Err(StoreError::Parse(ParseError {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            msg: crate::i18n::text(crate::i18n::Msg::NotABookmarksFile),
        }));
    }
    Ok(())
}

/// The file in force: `--bookmarks-file`, then config `[bookmarks] file`, then the default.
pub fn resolve_path(cli: Option<&Path>, config_file: &str) -> Option<PathBuf> {
    if let Some(p) = cli {
        // `--bookmarks-file '~/x'` (quoted, so the shell left the tilde) means the same.
        return p
            .to_str()
            .and_then(|s| s.starts_with("~/").then(|| configured_path(s)).flatten())
            .or_else(|| Some(p.to_path_buf()));
    }
    configured_path(config_file).or_else(default_path)
}

/// The file `[bookmarks] file` names (`~/` expanded), or `None` when it is empty.
pub fn configured_path(config_file: &str) -> Option<PathBuf> {
    let p = config_file.trim();
    if p.is_empty() {
        return None;
    }
    if let Some(rest) = p.strip_prefix("~/") {
        return directories::BaseDirs::new().map(|b| b.home_dir().join(rest));
    }
    Some(PathBuf::from(p))
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new unique bookmark id.
pub fn new_id() -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{nanos:x}-{:x}-{:x}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// The current time in RFC 3339 (local offset when known, else UTC).
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

impl Store {
    /// The store at `path` (nothing is read yet).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store { path: path.into(), known: Default::default() }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Result<FileData, StoreError> {
        let before = toml_file::Version::at(&self.path);
        let text = toml_file::read_text(&self.path)?;
        let data: FileData = toml_file::parse(&self.path, &text)?;
        check_is_bookmarks(&self.path, &data)?;
        // Remembered only when the file did not change while it was read.
        if let Some(v) = before.filter(|v| Some(v) == toml_file::Version::at(&self.path).as_ref()) {
            self.remember(v, Some(&text), data.bookmarks.clone());
        }
        Ok(data)
    }

    fn remember(&self, version: toml_file::Version, text: Option<&str>, bookmarks: Vec<Bookmark>) {
        // A file that parsed as bookmarks holds them as `[[bookmark]]` tables unless a line
        // assigns `bookmark = [...]` (an inline array), which a table cannot be appended to.
        // `None`: a table was just appended, so more can be.
        let appendable = !text.unwrap_or_default().lines().any(|l| {
            let l = l.trim_start().trim_start_matches(['"', '\'']);
            l.strip_prefix("bookmark")
                .is_some_and(|r| r.trim_start_matches(['"', '\'']).trim_start().starts_with('='))
        });
        if let Ok(mut k) = self.known.lock() {
            *k = Some(Known { version, bookmarks, appendable });
        }
    }

    /// Whether the file at `path` is still the version this store knows.
    fn knows(&self, path: &Path) -> bool {
        let Some(now) = toml_file::Version::at(path) else { return false };
        self.known.lock().is_ok_and(|k| k.as_ref().is_some_and(|k| k.version == now))
    }

    /// The bookmarks of the file at `path`, taken from what this store knows when the file
    /// is still that version and tables can be appended to it.
    fn take_appendable(&self, path: &Path) -> Option<Vec<Bookmark>> {
        let now = toml_file::Version::at(path)?;
        let mut k = self.known.lock().ok()?;
        if k.as_ref().is_some_and(|k| k.version == now && k.appendable) {
            return k.take().map(|k| k.bookmarks);
        }
        None
    }

    /// Adds `b` by appending one `[[bookmark]]` table to the file, when this store knows
    /// the file's version and tables can be appended to it; `None` when that cannot be done
    /// (the file changed, or holds an inline array), and the file is rewritten instead.
    fn append(&self, b: &Bookmark) -> Result<Option<Vec<Bookmark>>, StoreError> {
        let known = self.known.lock().ok().and_then(|k| {
            k.as_ref()
                .filter(|k| k.appendable && !k.bookmarks.iter().any(|x| x.id == b.id))
                .map(|k| k.version.clone())
        });
        let Some(version) = known else { return Ok(None) };
        let one = FileData { bookmarks: vec![b.clone()], extra: toml::Table::new() };
        let table = toml::to_string(&one)
            .map_err(|e| toml_file::io(&self.path, crate::i18n::Step::Encode)(std::io::Error::other(e)))?;
        let written = toml_file::append_if_unchanged(&self.path, &NAMES, &version, |last| {
            let sep = match last {
                [] | [b'\n', b'\n'] => "",
                [.., b'\n'] => "\n",
                _ => "\n\n",
            };
            format!("{sep}{table}")
        })?;
        let Some(meta) = written else { return Ok(None) };
        let Some(mut list) = self.known.lock().ok().and_then(|mut k| k.take()).map(|k| k.bookmarks) else {
            return Ok(None);
        };
        list.push(b.clone());
        self.remember(toml_file::Version::of(&meta), None, list.clone());
        Ok(Some(list))
    }

    /// Every bookmark in the file (none when it does not exist yet).
    pub fn load(&self) -> Result<Vec<Bookmark>, StoreError> {
        Ok(self.read()?.bookmarks)
    }

    /// Adds a bookmark; returns every bookmark now in the file.
    pub fn add(&self, bookmark: Bookmark) -> Result<Vec<Bookmark>, StoreError> {
        self.change(Edit::Add(Box::new(bookmark)), &[])
    }

    /// Removes the bookmark with `id`; returns every bookmark now in the file.
    pub fn remove(&self, id: &str) -> Result<Vec<Bookmark>, StoreError> {
        self.change(Edit::Remove(id.to_string()), &[])
    }

    /// [`Store::add`], upgrading `up` ([`super::identity::upgrades`]) in the same write.
    pub fn add_upgrading(&self, bookmark: Bookmark, up: &[Upgrade]) -> Result<Vec<Bookmark>, StoreError> {
        self.change(Edit::Add(Box::new(bookmark)), up)
    }

    /// [`Store::remove`], upgrading `up` ([`super::identity::upgrades`]) in the same write.
    pub fn remove_upgrading(&self, id: &str, up: &[Upgrade]) -> Result<Vec<Bookmark>, StoreError> {
        self.change(Edit::Remove(id.to_string()), up)
    }

    /// Applies `edit` to the file under the lock. The file is changed as text (`toml_edit`):
    /// a new bookmark is appended as one more `[[bookmark]]` table and a removed one taken
    /// out, so the comments, order and layout of everything else are kept.
    /// The bookmarks named in `up` are rewritten in the same write (their other fields,
    /// and fields of newer versions, kept).
    fn change(&self, edit: Edit, up: &[Upgrade]) -> Result<Vec<Bookmark>, StoreError> {
        // Checked first, and again under the lock on what is on disk then.
        if !self.knows(&self.path) {
            self.read()?;
        }
        if let Edit::Add(b) = &edit
            && up.is_empty()
            && let Some(now) = self.append(b)?
        {
            return Ok(now);
        }
        let mut refused = None;
        let mut now = Vec::new();
        let mut new_text_kept = None;
        let mut appended = false;
        let written = toml_file::change_text(&self.path, &NAMES, |target, text| {
            // Appending to a version parsed before: no need to parse 100,000 bookmarks again.
            if let Edit::Add(b) = &edit
                && up.is_empty()
                && let Some(mut list) = self.take_appendable(target)
            {
                if list.iter().any(|x| x.id == b.id) {
                    now = list;
                    return Ok(None);
                }
                let one = FileData { bookmarks: vec![Bookmark::clone(b)], extra: toml::Table::new() };
                let table = toml::to_string(&one).map_err(|e| {
                    toml_file::io(target, crate::i18n::Step::Encode)(std::io::Error::other(e))
                })?;
                let sep = if text.is_empty() || text.ends_with("\n\n") {
                    ""
                } else if text.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                let new_text = format!("{text}{sep}{table}");
                list.push(Bookmark::clone(b));
                now = list;
                appended = true;
                return Ok(Some(new_text));
            }
            let mut data: FileData = toml_file::parse(target, text)?;
            if let Err(e) = check_is_bookmarks(target, &data) {
                refused = Some(e);
                return Ok(None);
            }
            let upgraded = upgrade(&mut data.bookmarks, up);
            let applied = match &edit {
                Edit::Add(b) if data.bookmarks.iter().any(|x| x.id == b.id) => false,
                Edit::Add(b) => {
                    data.bookmarks.push(Bookmark::clone(b));
                    true
                }
                Edit::Remove(id) => {
                    let before = data.bookmarks.len();
                    data.bookmarks.retain(|b| &b.id != id);
                    data.bookmarks.len() != before
                }
            };
            let new_text = if applied || upgraded {
                Some(edited(target, text, applied.then_some(&edit), up, &data)?)
            } else {
                None
            };
            now = data.bookmarks;
            new_text_kept.clone_from(&new_text);
            Ok(new_text)
        })?;
        if let Some(e) = refused {
            return Err(e);
        }
        if let Some(m) = written {
            let text = if appended { None } else { new_text_kept.as_deref() };
            self.remember(toml_file::Version::of(&m), text, now.clone());
        }
        Ok(now)
    }
}

/// A change to the bookmarks file.
enum Edit {
    /// Append this bookmark.
    Add(Box<Bookmark>),
    /// Remove the bookmark with this id.
    Remove(String),
}

/// `text` with `edit` applied in place; when the file's shape does not allow that (the
/// bookmarks written as an inline array), `data` written afresh.
fn edited(
    path: &Path,
    text: &str,
    edit: Option<&Edit>,
    up: &[Upgrade],
    data: &FileData,
) -> Result<String, FileError> {
    let encode = |e: &dyn std::fmt::Display| {
        toml_file::io(path, crate::i18n::Step::Encode)(std::io::Error::other(e.to_string()))
    };
    let afresh = || toml::to_string(data).map_err(|e| encode(&e));
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else { return afresh() };
    let item = doc.entry("bookmark").or_insert(toml_edit::Item::ArrayOfTables(Default::default()));
    let Some(list) = item.as_array_of_tables_mut() else { return afresh() };
    match edit {
        Some(Edit::Add(b)) => {
            let table = toml_edit::ser::to_document(b).map_err(|e| encode(&e))?;
            list.push(table.as_table().clone());
        }
        Some(Edit::Remove(id)) => {
            list.retain(|t| t.get("id").and_then(|v| v.as_str()) != Some(id.as_str()));
        }
        None => {}
    }
    for t in list.iter_mut() {
        let Some(u) = up.iter().find(|u| t.get("id").and_then(|v| v.as_str()) == Some(u.id.as_str())) else {
            continue;
        };
        t["article"] = toml_edit::value(u.article.as_str());
        t["title"] = toml_edit::value(u.title.as_str());
        match &u.path {
            Some(p) => t["path"] = toml_edit::value(p.as_str()),
            None => {
                t.remove("path");
            }
        }
    }
    Ok(doc.to_string())
}

/// Applies `up` to `list`; returns whether any bookmark changed.
fn upgrade(list: &mut [Bookmark], up: &[Upgrade]) -> bool {
    let mut changed = false;
    for b in list.iter_mut() {
        if let Some(u) = up.iter().find(|u| u.id == b.id)
            && (b.article != u.article || b.path != u.path || b.title != u.title)
        {
            b.article.clone_from(&u.article);
            b.path.clone_from(&u.path);
            b.title.clone_from(&u.title);
            changed = true;
        }
    }
    changed
}

/// Where bookmark `b` is in `doc`: its saved range when the text there is still the
/// passage, else the place of the passage's text nearest its old offset; `None` (detached)
/// when the text is gone.
pub fn locate(b: &Bookmark, doc: &Document) -> Option<Range<usize>> {
    if b.quote.is_empty() {
        return None;
    }
    if let (Ok(start), Ok(end)) = (usize::try_from(b.start), usize::try_from(b.end))
        && let Some(s) = doc.text.get(start..end)
        && s.contains(&b.quote)
    {
        return Some(start..end);
    }
    let at = memchr::memmem::find_iter(doc.text.as_bytes(), b.quote.as_bytes())
        .min_by_key(|&i| (i as u64).abs_diff(b.start))?;
    Some(at..at + b.quote.len())
}

/// Where each of `list` is in `doc` ([`locate`] for all of them at once): bookmarks whose
/// saved range still holds the passage are checked there; the others (detached, or moved by
/// an edit) are found again in one pass over the text for all of them (Aho–Corasick), not
/// one pass each — a few hundred detached bookmarks on a 200 MB text took seconds per key.
/// A passage that occurs more than once is taken at the occurrence nearest its old offset.
pub fn locate_all(list: &[&Bookmark], doc: &Document) -> Vec<Option<Range<usize>>> {
    let mut out: Vec<Option<Range<usize>>> = Vec::with_capacity(list.len());
    let mut missing: Vec<usize> = Vec::new();
    for (i, b) in list.iter().enumerate() {
        let (Ok(start), Ok(end)) = (usize::try_from(b.start), usize::try_from(b.end)) else {
            out.push(None);
            missing.extend((!b.quote.is_empty()).then_some(i));
            continue;
        };
        match doc.text.get(start..end) {
            _ if b.quote.is_empty() => out.push(None),
            Some(s) if s.contains(&b.quote) => out.push(Some(start..end)),
            _ => {
                out.push(None);
                missing.push(i);
            }
        }
    }
    if missing.is_empty() {
        return out;
    }
    let patterns: Vec<&str> = missing.iter().map(|&i| list[i].quote.as_str()).collect();
    let Ok(ac) = aho_corasick::AhoCorasick::new(&patterns) else {
        // Too many or too long patterns for the automaton: one search each.
        for &i in &missing {
            out[i] = locate(list[i], doc);
        }
        return out;
    };
    for m in ac.find_overlapping_iter(&doc.text) {
        let i = missing[m.pattern().as_usize()];
        let old = list[i].start;
        let nearer =
            out[i].as_ref().is_none_or(|r| (m.start() as u64).abs_diff(old) < (r.start as u64).abs_diff(old));
        if nearer {
            out[i] = Some(m.start()..m.end());
        }
    }
    out
}

/// What a save rewrites in a bookmark made by an earlier version or for a moved file, so
/// that it belongs to its text by the text's identity from then on, under its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// The bookmark's id.
    pub id: String,
    /// The text's fingerprint ([`Document::id`]).
    pub article: String,
    /// The text's canonical path (`None` for the bundled article).
    pub path: Option<String>,
    /// The text's title ([`Document::title`]).
    pub title: String,
}

/// Puts `list` in reading order: each article's bookmarks together (articles in the order
/// their first bookmark was made), each article's in the order of the text.
pub fn sort_in_article_order(list: &mut [Bookmark]) {
    let mut first_seen: Vec<&str> = Vec::new();
    let rank: Vec<usize> = list
        .iter()
        .map(|b| match first_seen.iter().position(|a| *a == b.article) {
            Some(i) => i,
            None => {
                first_seen.push(&b.article);
                first_seen.len() - 1
            }
        })
        .collect();
    let mut keyed: Vec<(usize, u64, Bookmark)> =
        list.iter().zip(rank).map(|(b, r)| (r, b.start, b.clone())).collect();
    keyed.sort_by_key(|(r, start, _)| (*r, *start));
    for (slot, (_, _, b)) in list.iter_mut().zip(keyed) {
        *slot = b;
    }
}

/// Puts `list` newest first (by creation time; a time that cannot be read counts as oldest).
pub fn sort_newest_first(list: &mut [Bookmark]) {
    use time::format_description::well_known::Rfc3339;
    let when = |b: &Bookmark| time::OffsetDateTime::parse(&b.created, &Rfc3339).ok();
    list.sort_by_key(|b| std::cmp::Reverse(when(b)));
}

/// A digest for note-taking apps: each passage as a `>` block with speaker, section and note.
/// `shown` gives a text as the reader shows it (normalised punctuation).
pub fn export_markdown(
    bookmarks: &[Bookmark],
    shown: &dyn Fn(&str) -> String,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut title: Option<&str> = None;
    for b in bookmarks {
        if title != Some(b.title.as_str()) {
            if title.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "# {}\n", clean(&b.title))?;
            title = Some(b.title.as_str());
        }
        // Every field is cleaned (controls shown as placeholders): a bookmarked quote keeps
        // the raw text, and an export must not replay an escape sequence it holds.
        for line in b.quote.lines() {
            writeln!(out, "> {}", clean(&shown(line)))?;
        }
        let mut by = Vec::new();
        match (&b.speaker, &b.speaker_title) {
            (Some(s), Some(t)) => by.push(format!("— {}（{}）", clean(s), clean(t))),
            (Some(s), None) => by.push(format!("— {}", clean(s))),
            _ => {}
        }
        if !b.section.is_empty() {
            by.push(format!("《{}》", clean(&shown(&b.section))));
        }
        by.push(format!("line {}", b.line));
        writeln!(out, ">\n> {}", by.join(", "))?;
        if !b.note.is_empty() {
            writeln!(out, "\nNote: {}", clean(&b.note))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
