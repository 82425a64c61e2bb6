//! A text's identity: what tells that a text opened now is one met before, so that its
//! reading place and bookmarks follow it through appends, edits and moves.
//!
//! A text is known by its canonical path, the fingerprint of its beginning
//! ([`Document::id`]: `x3v1-` + XXH3-64 of the first 64 KB after decoding), its length and
//! its title. A record saved for a text matches the text opened now when:
//! 1. the path is the same and the beginning unchanged (a text grown at its end, or edited
//!    further down);
//! 2. the path is the same and the title unchanged (edited near its beginning);
//! 3. it was saved by an earlier version under the whole-text hash ([`Document::legacy_id`]);
//! 4. the path differs but the fingerprint and the title are the same, and the file at the
//!    record's path is gone or holds another text (a moved file). When that file is still
//!    there with the same beginning, the text opened now is a copy: the record stays the
//!    original's.
//!
//! A text read from standard input has no path: it is known by its fingerprint and title
//! alone (2 and 4 never apply), and is never the bundled article.
//!
//! The whole-text hash of rule 3 is not computed before the first frame: the beginning
//! shown first ([`crate::app::loading`]) matches records by rules 1, 2 and 4, and the whole
//! text, once read, is matched again (its hash computed on the loader's thread).
//!
//! A record's title is the text's as this version records it ([`Document::title`]: an
//! official document's title set over lines, joined) or as earlier versions did (its first
//! line, [`Document::legacy_title`]): either is the text's ([`Document::has_title`]).
//!
//! Two files with different paths and different beginnings are different texts, whatever
//! their titles. A place is found again in a changed text by its excerpt (the occurrence
//! nearest the old offset), else by its share of the text ([`find_place`]).

use std::ops::Range;

use super::bookmarks::{Bookmark, Upgrade};
use crate::document::Document;

/// How the keys of texts read from standard input begin in the places file (`s-` and a
/// hash of the text's fingerprint), beside `p-` for files.
pub const STDIN_KEY_PREFIX: &str = "s-";

/// How a stored record matches a text, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// Same path, same beginning.
    Same,
    /// Same path and title, the beginning edited.
    Edited,
    /// Saved by an earlier version under the whole-text hash of this very text.
    Legacy,
    /// Another path, the same beginning and title, and that path no longer holds the text:
    /// the file was moved.
    Moved,
}

/// What a record says about the text it was saved for.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The record's key in its file (the whole-text hash in files of earlier versions).
    pub key: &'a str,
    /// The fingerprint ([`Document::id`]); empty in files of earlier versions.
    pub id: &'a str,
    /// The canonical path; empty for the bundled article and in earlier files.
    pub path: &'a str,
    /// The title.
    pub title: &'a str,
}

/// How `record` matches `doc` (whose fingerprint is `id`), or `None` for another text.
/// `legacy` gives the text's whole-text hash, computed only when a record needs it.
pub fn matches(doc: &Document, id: &str, legacy: &mut impl FnMut() -> String, r: Record) -> Option<Match> {
    let path = doc.path_text();
    if r.id.is_empty() {
        // An earlier version's record: keyed by the hash of the whole, unchanged text.
        return (r.key == legacy()).then_some(Match::Legacy);
    }
    if !path.is_empty() && r.path == path {
        if r.id == id {
            return Some(Match::Same);
        }
        return doc.has_title(r.title).then_some(Match::Edited);
    }
    if r.id == id && doc.has_title(r.title) {
        if r.path.is_empty() && path.is_empty() {
            // A text from standard input and the bundled article are never the same text.
            let stdin_record = r.key.starts_with(STDIN_KEY_PREFIX);
            return (r.key.is_empty() || stdin_record == doc.from_stdin).then_some(Match::Same);
        }
        // The bundled article and a file are never the same text.
        return (!r.path.is_empty() && !path.is_empty() && !holds(r.path, id)).then_some(Match::Moved);
    }
    None
}

/// A file's size and modification time, what tells that its fingerprint may have changed.
type Stamp = (u64, Option<std::time::SystemTime>);

thread_local! {
    /// Fingerprints of files checked by [`holds`], by path, with the stamp they were read at:
    /// a list of bookmarks all made in the original is checked with one read of it.
    static SEEN: std::cell::RefCell<std::collections::HashMap<String, (Stamp, Option<String>)>> =
        Default::default();
}

/// Whether the file at `path` is there and its text begins as the text of fingerprint `id`
/// (an unreadable file does not).
fn holds(path: &str, id: &str) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false };
    if !meta.is_file() {
        return false;
    }
    let stamp = (meta.len(), meta.modified().ok());
    let known = SEEN.with(|s| s.borrow().get(path).filter(|(at, _)| *at == stamp).map(|(_, f)| f.clone()));
    let found = known.unwrap_or_else(|| {
        let f = crate::document::open::fingerprint_file(std::path::Path::new(path));
        SEEN.with(|s| s.borrow_mut().insert(path.to_string(), (stamp, f.clone())));
        f
    });
    found.as_deref() == Some(id)
}

/// Whether `b` was made in `doc` (whose fingerprint is `id`): for a bookmark that knows its
/// text's path, by the text's identity ([`matches()`]: same path, or a moved
/// file with the same beginning and title); for one from an earlier version (keyed by the
/// whole-text hash, [`Document::legacy_id`]) or of the bundled article, by id or title as
/// that version did.
pub fn belongs_to(b: &Bookmark, doc: &Document, id: &str) -> bool {
    match b.path.as_deref() {
        Some(path) if !path.is_empty() => {
            let r = Record { key: "", id: &b.article, path, title: &b.title };
            matches(doc, id, &mut String::new, r).is_some()
        }
        _ => b.article == id || doc.has_title(&b.title) || b.article == doc.legacy_id(),
    }
}

/// The bookmarks among `mine` (those of `doc`, with where each is now: [`super::bookmarks::locate_all`]) that
/// the next save should upgrade to `doc`'s identity (`id`): one made by an earlier version
/// when it is surely this text's (its whole-text hash is this text's, or its passage is
/// found here; a title shared by two texts alone claims nothing), and one whose text was
/// moved (its path is rewritten to the new one); and one saved under the first line of a
/// title set over several, as earlier versions named the text, takes the whole title when
/// it is surely this text's (one found by that title alone may be another's and is left).
pub fn upgrades(mine: &[(&Bookmark, Option<&Range<usize>>)], doc: &Document, id: &str) -> Vec<Upgrade> {
    let path = doc.path.as_ref().map(|p| p.to_string_lossy().into_owned());
    let title = doc.title();
    mine.iter()
        .filter_map(|(b, at)| {
            let rekeyed = match b.path.as_deref() {
                Some(p) if !p.is_empty() => path.as_deref() != Some(p),
                _ if b.article == id && path.is_none() => false,
                _ => at.is_some() || b.article == id || b.article == doc.legacy_id(),
            };
            // A pathless bookmark under the legacy title alone (a first line such as
            // 国务院关于印发 that countless notices share) may be another text's: only one
            // that knows this text's path or fingerprint takes its whole title.
            let surely = b.path.as_deref().is_some_and(|p| !p.is_empty()) || b.article == id;
            let (article, path) = if rekeyed {
                (id.to_string(), path.clone())
            } else if b.title != title && b.title == doc.legacy_title() && surely {
                (b.article.clone(), b.path.clone())
            } else {
                return None;
            };
            Some(Upgrade { id: b.id.clone(), article, path, title: title.to_string() })
        })
        .collect()
}

/// How many characters a place's excerpt holds.
pub const EXCERPT_CHARS: usize = 24;

/// The excerpt saved with a place: up to [`EXCERPT_CHARS`] characters from `offset`, not
/// past the end of the line.
pub fn excerpt_at(text: &str, offset: usize) -> String {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[at..].chars().take_while(|&c| c != '\n' && c != '\r').take(EXCERPT_CHARS).collect()
}

/// Where a place saved as `offset` with `excerpt` in a text `old_len` bytes long is in
/// `text` now: `offset` when the excerpt is still there; else the occurrence of the excerpt
/// nearest `offset`; else the same share of the text (at a character boundary). A place
/// with no excerpt (an earlier version's) is `offset`, within the text.
pub fn find_place(text: &str, offset: u64, excerpt: &str, old_len: u64) -> usize {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let at = if excerpt.is_empty() || text.get(offset..).is_some_and(|t| t.starts_with(excerpt)) {
        offset
    } else if let Some(found) =
        memchr::memmem::find_iter(text.as_bytes(), excerpt.as_bytes()).min_by_key(|&i| i.abs_diff(offset))
    {
        found
    } else if old_len > 0 {
        let share = (offset as u128).min(u128::from(old_len)) * text.len() as u128 / u128::from(old_len);
        usize::try_from(share).unwrap_or(usize::MAX)
    } else {
        offset
    };
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load;

    fn doc(text: &str, path: &str) -> Document {
        let mut d = Document::new("a.txt", load::decode(text.as_bytes(), None).expect("text"));
        d.path = (!path.is_empty()).then(|| path.into());
        d
    }

    fn rec<'a>(id: &'a str, path: &'a str, title: &'a str) -> Record<'a> {
        Record { key: "k", id, path, title }
    }

    #[test]
    fn the_id_is_versioned_and_covers_only_the_beginning() {
        let head = "标题\n".to_string() + &"正文。".repeat(30_000);
        let a = doc(&head, "");
        assert!(a.id().starts_with("x3v1-") && a.id().len() == 21, "{}", a.id());
        let grown = doc(&format!("{head}\n第二章\n更多。"), "");
        assert_eq!(a.id(), grown.id(), "an append leaves the beginning");
        assert_ne!(a.legacy_id(), grown.legacy_id());
        assert_ne!(a.id(), doc(&head.replacen("正文", "改文", 1), "").id());
    }

    #[test]
    fn same_path_or_same_beginning_and_title_is_the_same_text() {
        let a = doc("报告\n今年的内容。", "/t/a.txt");
        let id = a.id();
        let m = |r| matches(&a, &id, &mut || String::from("none"), r);
        assert_eq!(m(rec(&id, "/t/a.txt", "报告")), Some(Match::Same));
        assert_eq!(m(rec("x3v1-0", "/t/a.txt", "报告")), Some(Match::Edited));
        assert_eq!(m(rec("x3v1-0", "/t/a.txt", "别的")), None, "another text at the same path");
        assert_eq!(m(rec(&id, "/old/a.txt", "报告")), Some(Match::Moved));
        assert_eq!(m(rec("x3v1-0", "/t/b.txt", "报告")), None, "same title, other path and beginning");
        let legacy = a.legacy_id();
        let r = Record { key: &legacy, id: "", path: "", title: "报告" };
        assert_eq!(matches(&a, &id, &mut || a.legacy_id(), r), Some(Match::Legacy));
        assert_eq!(matches(&a, &id, &mut || String::from("none"), r), None);
    }

    #[test]
    fn a_place_is_found_by_its_excerpt_nearest_then_by_its_share() {
        let text = format!("甲乙丙。{}甲乙丙。", "丁戊己。".repeat(10));
        let at = text.len() - 12;
        let ex = excerpt_at(&text, at);
        assert_eq!(ex, "甲乙丙。");
        assert_eq!(find_place(&text, at as u64, &ex, text.len() as u64), at);
        let edited = format!("新。{text}");
        assert_eq!(find_place(&edited, at as u64, &ex, text.len() as u64), at + 6, "the nearer one");
        assert_eq!(find_place("子丑寅卯辰巳", 9, "不在", 36), 3, "a quarter in");
        assert_eq!(find_place("短", 900, "", 0), 3);
    }
}
