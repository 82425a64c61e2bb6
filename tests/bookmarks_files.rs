//! The bookmarks file as a file: written through a symlink, its mode kept, a file that is
//! not a bookmarks file refused, temporary files of a killed writer removed, and detached
//! bookmarks found again in one pass.

use std::os::unix::fs::PermissionsExt;

use yuedu::document::{Document, load};
use yuedu::store::bookmarks::{Bookmark, Store, locate, locate_all};

fn bookmark(id: &str, quote: &str, start: u64) -> Bookmark {
    Bookmark {
        id: id.into(),
        article: "a".into(),
        title: "t".into(),
        section: String::new(),
        quote: quote.into(),
        speaker: None,
        speaker_title: None,
        note: String::new(),
        line: 1,
        start,
        end: start + quote.len() as u64,
        created: "2026-01-01T00:00:00Z".into(),
        path: None,
        kind: None,
        extra: toml::Table::new(),
    }
}

#[test]
fn a_symlinked_file_is_written_through_the_link_with_its_mode_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real.toml");
    std::fs::write(&real, "").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).expect("symlink");
    Store::new(&link).add(bookmark("1", "一句话", 0)).expect("add");
    assert!(std::fs::symlink_metadata(&link).expect("stat").file_type().is_symlink(), "the link is kept");
    assert_eq!(Store::new(&real).load().expect("load").len(), 1, "the target holds the bookmark");
    let mode = std::fs::metadata(&real).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the mode is kept");
}

#[test]
fn a_file_that_is_not_a_bookmarks_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    let config = "# my settings\n[layout]\nmouse = true\n";
    std::fs::write(&path, config).expect("write");
    let err = Store::new(&path).add(bookmark("1", "一句话", 0)).expect_err("refused");
    assert!(err.to_string().contains("not a bookmarks file"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), config);
    // An empty file and one of comments only are bookmarks files with none yet.
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, "# bookmarks\n").expect("write");
    Store::new(&empty).add(bookmark("1", "一句话", 0)).expect("add to a comments-only file");
}

#[test]
fn temporary_files_left_by_a_killed_writer_are_removed_on_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let left = dir.path().join(".bookmarks.Ab12Cd.tmp");
    std::fs::write(&left, "half").expect("write");
    let other = dir.path().join("notes.tmp");
    std::fs::write(&other, "mine").expect("write");
    Store::new(dir.path().join("bookmarks.toml")).add(bookmark("1", "一句话", 0)).expect("add");
    assert!(!left.exists(), "the stale temporary file is removed");
    assert!(other.exists(), "other files are not touched");
}

#[test]
fn locating_all_at_once_agrees_with_one_at_a_time() {
    let text = "第一段有一句话。\n第二段说了别的。\n第三段又有一句话和别的。\n";
    let doc = Document::new("t.txt", load::decode(text.as_bytes(), None).expect("decode"));
    let list = [
        bookmark("1", "一句话", 0),     // moved: found again
        bookmark("2", "说了别的", 999), // out of range: found again
        bookmark("3", "没有的", 0),     // detached
        bookmark("4", "第二段", 26),    // in place
        bookmark("5", "", 0),
    ];
    let refs: Vec<&Bookmark> = list.iter().collect();
    let all = locate_all(&refs, &doc);
    let one: Vec<_> = list.iter().map(|b| locate(b, &doc)).collect();
    assert_eq!(all, one);
    assert!(all[0].is_some() && all[2].is_none());
}

#[test]
fn comments_and_layout_are_kept_when_a_bookmark_is_added_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.toml");
    let text = "# my reading notes\nversion = 2 # format\n\n# the first one\n[[bookmark]]\nid = \"a\"\narticle = \"x\"\ntitle = \"t\"\nquote = \"q\"\nline = 1\nstart = 0\nend = 1\ncreated = \"\"\n";
    std::fs::write(&path, text).expect("write");
    let store = Store::new(&path);
    assert_eq!(store.add(bookmark("b", "一句话", 0)).expect("add").len(), 2);
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.starts_with(text), "the file before is kept as it was:\n{after}");
    assert_eq!(store.remove("b").expect("remove").len(), 1);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text, "removing it restores the file");
}

#[test]
fn a_quoted_tilde_in_bookmarks_file_means_home() {
    let home = directories::BaseDirs::new().expect("home").home_dir().join("x.toml");
    let p = yuedu::store::bookmarks::resolve_path(Some(std::path::Path::new("~/x.toml")), "");
    assert_eq!(p, Some(home));
}

#[test]
fn an_inline_array_of_bookmarks_is_still_added_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.toml");
    std::fs::write(&path, "bookmark = []\n").expect("write");
    let store = Store::new(&path);
    assert_eq!(store.load().expect("load").len(), 0);
    assert_eq!(store.add(bookmark("a", "一句话", 0)).expect("add").len(), 1);
    assert_eq!(store.add(bookmark("b", "两句话", 0)).expect("add").len(), 2);
    assert_eq!(Store::new(&path).load().expect("reload").len(), 2);
}

#[test]
fn an_add_after_another_writer_saved_keeps_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.toml");
    let (one, two) = (Store::new(&path), Store::new(&path));
    one.add(bookmark("a", "一句话", 0)).expect("add a");
    two.add(bookmark("b", "两句话", 0)).expect("add b");
    // `one` knows the file as it wrote it; it changed since, so it is read again.
    assert_eq!(one.add(bookmark("c", "三句话", 0)).expect("add c").len(), 3);
    assert_eq!(one.add(bookmark("c", "三句话", 0)).expect("again").len(), 3, "no duplicate id");
}
