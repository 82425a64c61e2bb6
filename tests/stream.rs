//! Opening a text at once: the beginning shown first, the whole document built on another
//! thread and put in its place. The background build gives the one-shot build's document;
//! keys that need the whole text wait for it and then do what they do on the whole text.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use std::path::{Path, PathBuf};
use std::time::Duration;

use yuedu::app::loading::{self, Built, Opened};
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;

fn texts() -> Vec<PathBuf> {
    let mut all = Vec::new();
    for dir in ["tests/corpus/texts", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                all.push(path);
            }
        }
    }
    all.sort();
    assert!(all.len() > 20, "{all:?}");
    all
}

/// The beginning and the whole document the loader gives, with `head` bytes of beginning.
fn background(path: &Path, head: usize) -> (Option<Document>, Built) {
    match loading::open_with(common::file_request(path), head, 0).expect("opens") {
        Opened::Whole(built) => (None, built),
        Opened::Head(doc, mut loader) => {
            let built = loader.wait(Duration::from_secs(60)).expect("done").expect("reads");
            (Some(doc), built)
        }
    }
}

fn assert_same(a: &Document, b: &Document, what: &str) {
    assert_eq!(a.name, b.name, "{what}");
    assert!(a.text == b.text, "{what}: texts differ");
    assert_eq!(a.encoding, b.encoding, "{what}");
    assert_eq!(a.warnings, b.warnings, "{what}");
    assert_eq!(a.blocks, b.blocks, "{what}");
    assert_eq!(a.headings, b.headings, "{what}");
    assert_eq!(a.path, b.path, "{what}");
}

#[test]
fn the_background_build_is_the_one_shot_build_on_the_corpus() {
    let mut heads = 0;
    for path in texts() {
        let one_shot = yuedu::cli::open_document(Some(&path), None).expect("opens");
        for head in [2 << 10, 16 << 10, loading::HEAD_BYTES] {
            let what = format!("{} with a beginning of {head} bytes", path.display());
            let (first, built) = background(&path, head);
            assert_same(&built.doc, &one_shot, &what);
            let Some(first) = first else {
                assert!(one_shot.text.len() <= head + (64 << 10), "{what}: a long text came whole");
                continue;
            };
            heads += 1;
            // The beginning is the whole text's beginning, cut at a line end: the same
            // blocks at the same offsets, but for the last (a long line may go on). Their
            // kinds may differ: a numbered heading is told by the numbers after it, so the
            // beginning's outline holds until the whole one comes.
            assert!(one_shot.text.starts_with(&first.text), "{what}");
            assert!(first.text.len() >= head, "{what}");
            let n = first.blocks.len();
            assert!(n > 1, "{what}");
            let places = |d: &Document| -> Vec<(usize, usize, usize)> {
                d.blocks[..n - 1].iter().map(|b| (b.start, b.end, b.line)).collect()
            };
            assert_eq!(places(&first), places(&one_shot), "{what}");
            if head >= yuedu::document::FINGERPRINT_BYTES {
                assert_eq!(first.id(), one_shot.id(), "{what}: the identity needs only the beginning");
            }
        }
    }
    assert!(heads > 20, "the beginning came first for most texts ({heads})");
}

#[test]
fn keys_that_need_the_whole_text_wait_for_it_and_then_act_on_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(2 << 20, 200)).expect("write");
    let one_shot = yuedu::cli::open_document(Some(&path), None).expect("opens");
    let (first, built) = background(&path, 16 << 10);
    let first = first.expect("a beginning");
    let actions =
        [Action::LineDown, Action::NextSection, Action::NextSection, Action::LineDown, Action::Bottom];
    for cut in 0..actions.len() {
        let mut whole = App::new(one_shot.clone(), Config::default(), 100, 30);
        let mut app = App::new(first.clone(), Config::default(), 100, 30);
        app.begin_loading(Some(1), false);
        // The first `cut` actions while the rest is read, the others after.
        for &a in &actions[..cut] {
            app.update(a);
        }
        let waiting = app.loading.as_ref().map_or(0, |l| l.waiting());
        let needs = actions[..cut].iter().position(|&a| a != Action::LineDown).map_or(0, |i| cut - i);
        assert_eq!(waiting, needs, "after {cut} actions");
        app.loaded(Built { doc: built.doc.clone(), progress: built.progress.clone() });
        assert!(!app.is_loading());
        for &a in &actions[cut..] {
            app.update(a);
        }
        for &a in &actions {
            whole.update(a);
        }
        assert_eq!(app.anchor(), whole.anchor(), "after {cut} actions while loading");
        assert_eq!(app.top, whole.top, "after {cut} actions while loading");
        assert_eq!(app.percent_cached(), whole.percent_cached());
    }
}

#[test]
fn the_whole_text_keeps_the_place_read_in_its_beginning() {
    let (_dir, mut app, built) = reading_novel(1 << 20, 100, 64 << 10, false);
    for _ in 0..40 {
        app.update(Action::LineDown);
    }
    let place = app.anchor();
    assert!(place > 0);
    app.loaded(built);
    // The whole text's outline is wider, so the text is wrapped anew: the character that
    // was first in view is on the top row.
    assert!(app.anchor() <= place, "{} > {place}", app.anchor());
    app.update(Action::LineDown);
    assert!(app.anchor() > place, "{} <= {place}", app.anchor());
}

#[test]
fn quotes_are_found_after_the_frame_that_shows_the_beginning_or_the_whole_text_in_its_place() {
    use yuedu::app::state::quotes::{EAGER_QUOTES_BYTES, document_quotes};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(2 << 20, 200)).expect("write");
    let (first, built) = background(&path, 16 << 10);
    let first = first.expect("a beginning");
    let quotes = document_quotes(&first);
    assert!(!quotes.is_empty(), "the beginning has quotes");
    // A whole text of 2 MB has its quotes found at start: the beginning's are found once it
    // is on screen, and only once.
    let mut app = App::counted(first.clone(), Default::default(), Config::default(), 100, 30, false);
    app.begin_loading(Some(2 << 20), false);
    assert!(app.quotes.index.is_none(), "not before the first frame");
    assert!(app.after_frame());
    assert_eq!(app.quotes.quotes(), quotes.as_slice());
    assert!(!app.after_frame());
    // So are the whole text's, once it is in place of the beginning.
    let whole = document_quotes(&built.doc);
    assert!(whole.len() > quotes.len());
    app.loaded(Built { doc: built.doc.clone(), progress: built.progress.clone() });
    assert!(app.quotes.index.is_none(), "not before the next frame");
    assert!(app.after_frame());
    assert_eq!(app.quotes.quotes(), whole.as_slice());
    assert!(!app.after_frame());
    // A whole text too long for that has them found on first use, and so has its beginning.
    let mut app = App::counted(first.clone(), Default::default(), Config::default(), 100, 30, false);
    app.begin_loading(Some(EAGER_QUOTES_BYTES as u64 + 1), false);
    assert!(!app.after_frame());
    assert!(app.quotes.index.is_none());
    // A reader given the whole text at once found them at start: nothing is put off.
    let mut app = App::new(first, Config::default(), 100, 30);
    assert_eq!(app.quotes.quotes(), quotes.as_slice());
    app.begin_loading(Some(2 << 20), false);
    assert!(!app.after_frame());
}

/// A reader on the beginning of a generated novel of `size` bytes (`head` bytes of it) while
/// the rest is read, and the whole document the loader built; the novel is in the
/// directory, and places saved there when `places` is given.
fn reading_novel(size: usize, chapters: usize, head: usize, places: bool) -> (tempfile::TempDir, App, Built) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(size, chapters)).expect("write");
    let (first, built) = background(&path, head);
    let mut app = App::new(first.expect("a beginning"), Config::default(), 100, 30);
    if places {
        app.use_positions(place_store(&dir), false);
    }
    app.begin_loading(Some(size as u64), false);
    (dir, app, built)
}

fn place_store(dir: &tempfile::TempDir) -> yuedu::store::positions::PositionStore {
    yuedu::store::positions::PositionStore::new(dir.path().join("state/yuedu/positions.toml"))
}

#[test]
fn while_the_rest_is_read_the_place_is_saved_every_few_seconds_and_nothing_is_redrawn_without_news() {
    use std::time::Instant;
    let (dir, mut app, built) = reading_novel(2 << 20, 200, 16 << 10, true);
    let file = dir.path().join("state/yuedu/positions.toml");
    // No news, no save due, no change on disk: the frame on screen stays.
    let t0 = Instant::now();
    assert!(!app.between_events(t0, None));
    assert!(!app.between_events(t0 + Duration::from_secs(6), None));
    assert!(!file.exists(), "a place not moved yet is not saved while the rest is read");
    for _ in 0..40 {
        app.update(Action::LineDown);
    }
    assert!(app.is_loading(), "line moves do not wait for the whole text");
    assert!(!app.between_events(t0 + Duration::from_secs(8), None));
    assert!(!file.exists(), "not yet: less than the interval since the last turn");
    assert!(!app.between_events(t0 + Duration::from_secs(12), None));
    let place = app.anchor();
    let saved = place_store(&dir).find(&app.doc).expect("readable").expect("saved while loading").1;
    assert_eq!(saved.offset, place as u64);
    // The loader's progress is drawn when it moves the status line; the whole text always.
    assert!(app.loader_news(loading::News::Read(1 << 20)), "indexing 0% → 45%");
    assert!(!app.loader_news(loading::News::Read((1 << 20) + 1)), "still 45%");
    assert!(app.loader_news(loading::News::Done(Ok(built))));
    assert!(!app.is_loading());
    assert!(app.anchor() <= place && place - app.anchor() < 200, "{} vs {place}", app.anchor());
}

#[test]
fn a_place_only_the_whole_text_finds_is_not_hidden_by_a_save_while_the_rest_is_read() {
    use std::time::Instant;
    let (dir, mut app, built) = reading_novel(2 << 20, 200, 16 << 10, false);
    // An earlier version's record of a chapter far past the beginning: keyed by the hash of
    // the whole text, so only the whole text finds it.
    let heading = bigtext::chapter_heading(150);
    let offset = built.doc.text.find(&format!("{heading}\n")).expect("the chapter");
    let state = dir.path().join("state/yuedu");
    std::fs::create_dir_all(&state).expect("mkdir");
    let record = format!(
        "[position.{}]\noffset = {offset}\nname = \"novel.txt\"\nsaved = \"2020-01-01T00:00:00Z\"\n",
        built.doc.legacy_id()
    );
    std::fs::write(state.join("positions.toml"), &record).expect("write");
    app.use_positions(place_store(&dir), false);
    assert_eq!(app.anchor(), 0, "the beginning does not know the place");
    let t0 = Instant::now();
    for s in [0, 6, 12, 18] {
        assert!(!app.between_events(t0 + Duration::from_secs(s), None));
    }
    assert_eq!(std::fs::read_to_string(state.join("positions.toml")).expect("read"), record);
    app.loaded(built);
    assert_eq!(app.anchor(), offset, "the saved chapter, found in the whole text");
}
