//! Opening a text at once: the beginning shown first, the whole document built on another
//! thread and put in its place. The background build gives the one-shot build's document;
//! keys that need the whole text wait for it and then do what they do on the whole text.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use std::path::{Path, PathBuf};
use std::sync::Arc;
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
fn background(path: &Path, head: usize) -> (Option<Arc<Document>>, Built) {
    match loading::open_with(common::file_request(path), head, 0).expect("opens") {
        Opened::Whole(built) => (None, built),
        Opened::Head(head, mut loader) => {
            let built = loader.wait(Duration::from_secs(60)).expect("done").expect("reads");
            (Some(head.doc), built)
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
        app.loaded(Built { progress: built.progress.clone(), ..Built::bare(built.doc.clone()) });
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
fn what_the_reader_chose_while_the_rest_was_read_stays_when_the_whole_text_arrives() {
    // The same text, read further: quitting, the script, vertical setting, quiet mode and an
    // open help screen chosen meanwhile are not undone by the whole text taking the
    // beginning's place.
    let (_dir, mut app, built) = reading_novel(1 << 20, 100, 64 << 10, false);
    let fresh = App::new(Arc::clone(&app.doc), Config::default(), 100, 30);
    for action in [Action::CycleScript, Action::ToggleVertical, Action::Quiet, Action::Quit, Action::Help] {
        app.update(action);
    }
    assert!(app.should_quit && app.is_loading() && app.overlay.is_some());
    let chosen = (app.script, app.vertical, app.comfort.quiet, app.overlay.clone());
    assert_ne!(chosen, (fresh.script, fresh.vertical, fresh.comfort.quiet, fresh.overlay.clone()));
    app.loaded(built);
    assert!(!app.is_loading());
    assert!(app.should_quit, "a quit pressed just before the whole text came was lost");
    assert_eq!((app.script, app.vertical, app.comfort.quiet, app.overlay.clone()), chosen);
}

/// Waits (a minute at most) for the quotes being found on the loader's thread to reach `app`.
fn quotes_arrive(app: &mut App) -> bool {
    let until = std::time::Instant::now() + Duration::from_secs(60);
    while std::time::Instant::now() < until {
        if app.quotes_arrived() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

/// A reader on a 16 KB beginning of the file at `path`, taking the quotes the loader finds.
fn reading_with_quotes_coming(path: &Path) -> (Arc<Document>, loading::Loader, App) {
    let Opened::Head(first, loader) =
        loading::open_with(common::file_request(path), 16 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    let mut app = App::beginning(Arc::clone(&first.doc), Config::default(), 100, 30);
    app.quotes.coming = first.quotes;
    app.begin_loading(loader.total(), false);
    (first.doc, loader, app)
}

#[test]
fn quotes_are_found_on_the_loaders_thread_for_the_beginning_and_then_the_whole_text() {
    use yuedu::app::state::quotes::document_quotes;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(2 << 20, 200)).expect("write");
    let (first, mut loader, mut app) = reading_with_quotes_coming(&path);
    assert!(app.quotes.coming.is_some(), "a text of 2 MB has its quotes found at once");
    assert!(app.quotes.index.is_none(), "the reader does not find them itself");
    // The loader finds them once the first frame lets it go on.
    let _ = loader.poll();
    assert!(quotes_arrive(&mut app), "the beginning's quotes");
    let quotes = document_quotes(&first);
    assert!(!quotes.is_empty());
    assert_eq!(app.quotes.quotes(), quotes.as_slice());
    // The whole text's come after it, on the same thread.
    let built = loader.wait(Duration::from_secs(60)).expect("done").expect("reads");
    let whole = document_quotes(&built.doc);
    assert!(whole.len() > quotes.len());
    app.loaded(built);
    assert!(quotes_arrive(&mut app), "the whole text's quotes");
    assert_eq!(app.quotes.quotes(), whole.as_slice());
    // Asked for before they are there, they are waited for.
    let (_, mut loader, mut app) = reading_with_quotes_coming(&path);
    let _ = loader.poll();
    app.quotes.find(&Arc::clone(&app.doc));
    assert_eq!(app.quotes.quotes(), quotes.as_slice());
    assert!(app.quotes.coming.is_none());
    // Quotes of a document no longer shown are not taken.
    let mut other = App::new(yuedu::document::Document::bundled(), Config::default(), 100, 30);
    let Opened::Head(head, mut loader) =
        loading::open_with(common::file_request(&path), 16 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    let before = other.quotes.quotes().to_vec();
    other.quotes.index = None;
    other.quotes.coming = head.quotes;
    let _ = loader.poll();
    let until = std::time::Instant::now() + Duration::from_secs(60);
    while other.quotes.coming.is_some() && std::time::Instant::now() < until {
        assert!(!other.quotes_arrived(), "another document's quotes");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(other.quotes.coming.is_none() && other.quotes.index.is_none());
    other.quotes.find(&Arc::clone(&other.doc));
    assert_eq!(other.quotes.quotes(), before.as_slice());
}

#[test]
fn a_text_too_long_to_find_its_quotes_at_once_has_none_coming() {
    use yuedu::app::state::quotes::EAGER_QUOTES_BYTES;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(EAGER_QUOTES_BYTES + (64 << 10), 200)).expect("write");
    let Opened::Head(head, mut loader) =
        loading::open_with(common::file_request(&path), 16 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    assert!(head.quotes.is_none());
    let built = loader.wait(Duration::from_secs(60)).expect("done").expect("reads");
    assert!(built.quotes.is_none());
    // A short text that comes whole has them coming.
    let short = dir.path().join("short.txt");
    std::fs::write(&short, bigtext::novel(loading::WHOLE_BELOW * 3 / 4, 10)).expect("write");
    let Opened::Whole(built) = loading::open(common::file_request(&short)).expect("opens") else {
        panic!("whole");
    };
    assert!(built.quotes.is_some());
}

#[test]
fn a_reader_busy_all_the_time_slows_the_loader_but_never_stops_it() {
    // The loader gives way after every key; keys that never stop (a held key) must not keep
    // it from reading the text to its end, and what it builds is what it builds unhurried.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(3 << 20, 60)).expect("write");
    let Opened::Head(_, mut loader) =
        loading::open_with(common::file_request(&path), 16 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    loader.frame_drawn();
    let until = std::time::Instant::now() + Duration::from_secs(120);
    let built = loop {
        loader.reader_busy();
        match loader.poll() {
            Some(loading::News::Done(built)) => break built.expect("reads"),
            _ => assert!(std::time::Instant::now() < until, "the loader never finished"),
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let one_shot = yuedu::document::open::open(&path, None).expect("opens");
    assert_same(&built.doc, &one_shot, "busy reader");
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

#[test]
fn the_time_left_is_counted_once_the_whole_text_is_in_or_the_rest_cannot_be_read() {
    use yuedu::app::loading::News;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(2 << 20, 200)).expect("write");
    let (first, built) = background(&path, 64 << 10);
    let first = first.expect("a beginning");
    // A reader given the text at once knows the time left from its first frame.
    assert!(App::new(first.clone(), Config::default(), 100, 30).progress.minutes_left().is_some());
    // On the beginning the status line shows the loader's progress: nothing is counted.
    let mut app = App::beginning(first.clone(), Config::default(), 100, 30);
    app.begin_loading(Some(2 << 20), false);
    app.update(Action::PageDown);
    assert_eq!(app.progress.minutes_left(), None);
    app.loaded(Built { progress: built.progress.clone(), ..Built::bare(built.doc.clone()) });
    let whole = App::new(built.doc.clone(), Config::default(), 100, 30);
    let (now, from_start) = (app.progress.minutes_left(), whole.progress.minutes_left());
    assert!(
        now.is_some_and(|m| from_start.is_some_and(|all| m <= all && all > 10)),
        "{now:?} of {from_start:?}"
    );
    // When the rest cannot be read the beginning stays, now with its time left.
    let mut app = App::beginning(first, Config::default(), 100, 30);
    app.begin_loading(Some(2 << 20), false);
    assert_eq!(app.progress.minutes_left(), None);
    app.loader_news(News::Done(Err("gone".into())));
    assert!(!app.is_loading());
    assert!(app.progress.minutes_left().is_some(), "the beginning's time left after a failed read");
}

#[test]
fn markdown_starting_with_markup_is_shown_from_its_beginning_while_a_page_comes_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!("<html>\n\n# 第一章\n\n{}", "　　正文，一段接一段。\n\n".repeat(2000));
    for (name, beginning) in [("notes.md", true), ("notes.txt", false)] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).expect("write");
        let (head, built) = background(&path, 2 << 10);
        assert_eq!(head.is_some(), beginning, "{name}: a beginning shown first");
        let one_shot = yuedu::cli::open_document(Some(&path), None).expect("opens");
        assert_same(&built.doc, &one_shot, name);
        let first = one_shot.headings.first().map(|h| one_shot.heading_text(h));
        assert!(!beginning || first.as_deref() == Some("第一章"), "{name}: {first:?}");
    }
}
