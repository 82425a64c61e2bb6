//! `step` changes the state and returns effects; only `perform` (the runtime) reads or
//! writes files: a bookmark is on disk after `perform`, not after `step`; a file changed
//! on disk is noticed by the runtime's check, and a reload happens when it is performed.

use yuedu::app::reload::Source;
use yuedu::app::{Action, App, Effect};
use yuedu::config::Config;
use yuedu::document::{Document, load};
use yuedu::store::bookmarks::Store;

#[test]
fn a_bookmark_is_written_by_the_runtime_not_by_the_step() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bookmarks.toml");
    let mut app = App::new(Document::bundled(), Config::default(), 100, 30);
    app.use_bookmarks_file(&file);
    app.update(Action::NextQuote);
    let effects = app.step(Action::Bookmark);
    assert!(
        matches!(effects.as_slice(), [Effect::SaveBookmark { .. }]),
        "the step asks for a save: {effects:?}"
    );
    assert!(!file.exists(), "the step wrote the bookmarks file");
    app.perform(effects);
    let saved = Store::new(file.clone()).load().expect("the file reads back");
    assert_eq!(saved.len(), 1, "the runtime saved the bookmark");
    assert!(app.message.as_deref().is_some_and(|m| m.starts_with("bookmarked")), "{:?}", app.message);

    // Deleting from the list is an effect too: the file keeps it until it is performed.
    app.update(Action::BookmarksList);
    let effects = app.step(Action::Delete);
    assert!(matches!(effects.as_slice(), [Effect::DeleteBookmark(_)]), "{effects:?}");
    assert_eq!(Store::new(file.clone()).load().expect("reads").len(), 1);
    app.perform(effects);
    assert!(Store::new(file).load().expect("reads").is_empty());
}

#[test]
fn the_file_is_checked_and_reloaded_by_the_runtime() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "标题\n\n　　第一段。\n").expect("write");
    let decoded = load::read_file(&path, None).expect("read");
    let mut app = App::new(Document::new("a.txt", decoded), Config::default(), 80, 24);
    app.source = Some(Source::new(path.clone(), None));
    std::fs::write(&path, "标题\n\n　　第一段。\n　　第二段。\n").expect("write");
    let effects = app.step(Action::LineDown);
    assert_eq!(effects, vec![Effect::CheckSource]);
    assert!(app.message.is_none(), "the step looked at the file");
    app.perform(effects);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("changed on disk")), "{:?}", app.message);

    let effects = app.step(Action::Reload);
    assert_eq!(effects, vec![Effect::CheckSource, Effect::Reload]);
    assert!(!app.doc.text.contains("第二段"), "the step read the file");
    app.perform(effects);
    assert!(app.doc.text.contains("第二段"), "the runtime reloaded it");
}
