//! `G` while a long file is still read shows the file's end at once (a document of its last
//! part), and the whole text, when it arrives, takes its place keeping the first character
//! in view; what is saved meanwhile is always a place of the whole text.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use std::path::{Path, PathBuf};
use std::time::Duration;

use yuedu::app::loading::{self, Built, Opened};
use yuedu::app::reload::Source;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::layout::Pos;
use yuedu::store::positions::PositionStore;

/// A reader on the beginning of the file at `path` while the rest is read, and the whole
/// document the loader gives (handed to the reader when a test says so).
fn reading(path: &Path) -> (App, Built) {
    let Opened::Head(first, mut loader) =
        loading::open_with(common::file_request(path), 64 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    let built = loader.wait(Duration::from_secs(60)).expect("done").expect("reads");
    let mut app = App::new(first, Config::default(), 100, 30);
    app.source = Some(Source::new(path.to_path_buf(), None));
    app.begin_loading(loader.total(), false);
    (app, built)
}

fn novel(dir: &Path, bytes: usize) -> (PathBuf, String) {
    let path = dir.join("novel.txt");
    let text = bigtext::novel(bytes, 200);
    std::fs::write(&path, &text).expect("write");
    (path, text)
}

/// The text of the row at the top of the view.
fn top_text(app: &mut App) -> String {
    let at = app.anchor();
    app.doc.text[at..].chars().take(12).collect()
}

#[test]
fn g_while_the_file_is_read_shows_its_end_and_the_whole_text_keeps_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, text) = novel(dir.path(), 3 << 20);
    let (mut app, built) = reading(&path);
    assert!(app.doc.text.len() < text.len() / 4);
    app.update(Action::Bottom);
    assert!(app.tail_shown(), "{:?}", app.message);
    // The outline: the end's own chapters, no title found at its first line.
    let levels: Vec<u8> = app.doc.headings.iter().map(|h| h.level).collect();
    assert!(levels.len() > 3 && levels.iter().all(|&l| l == levels[0]), "{levels:?}");
    let last = app.doc.headings.last().expect("a chapter");
    assert_eq!(app.doc.block_text(last.block), bigtext::chapter_heading(200));
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(0), "G did not wait");
    assert!(text.ends_with(&app.doc.text) && app.doc.text.len() < text.len() / 10);
    assert!(app.loading.as_ref().expect("loading").status().starts_with("indexing"));
    assert_eq!(app.percent_cached(), 100);
    assert!(app.view.blocks.iter().any(|vb| app.doc.block_text(vb.block) == "全书完。"), "the end is shown");
    // A few rows up: the percentage is of the whole file, not of its end.
    app.update(Action::PageUp);
    app.update(Action::PageUp);
    assert!((95..100).contains(&app.percent_cached()), "{}", app.percent_cached());
    let shown = top_text(&mut app);
    let place = app.anchor();
    let mapped = text.len() - (app.doc.text.len() - place);
    assert!(text[mapped..].starts_with(&shown));

    app.loaded(built);
    assert!(!app.is_loading() && !app.tail_shown());
    assert_eq!(app.doc.text.len(), text.len());
    // The character that was first in view is on the top row.
    assert!(app.anchor() <= mapped, "{} > {mapped}", app.anchor());
    app.update(Action::LineDown);
    assert!(app.anchor() > mapped, "{} <= {mapped}", app.anchor());
    // `G` on the whole text: its end, as on a text read whole.
    app.update(Action::Bottom);
    let mut whole =
        App::new(yuedu::cli::open_document(Some(&path), None).expect("opens"), Config::default(), 100, 30);
    whole.update(Action::Bottom);
    assert_eq!((app.anchor(), app.top), (whole.anchor(), whole.top));
}

#[test]
fn on_the_end_scrolling_up_stops_at_its_start_and_gg_shows_the_beginning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, text) = novel(dir.path(), 2 << 20);
    let (mut app, built) = reading(&path);
    let beginning = std::sync::Arc::clone(&app.doc);
    for _ in 0..5 {
        app.update(Action::LineDown);
    }
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    for _ in 0..2_000 {
        app.update(Action::PageUp);
        if app.top == Pos::default() {
            break;
        }
    }
    assert_eq!(app.top, Pos::default(), "the end's first row");
    let first = app.anchor();
    assert!(first < 40, "{first}");
    app.update(Action::LineUp);
    assert_eq!((app.top, app.anchor()), (Pos::default(), first));
    let said = app.message.as_ref().map(|m| m.to_string()).unwrap_or_default();
    assert!(said.contains("still being read"), "{said}");
    // The same with the mouse wheel over the text.
    app.update(Action::LineDown);
    assert_eq!(app.message, None);
    let (x, y) = (app.panes.text.x + 2, app.panes.text.y + 2);
    let modifiers = crossterm::event::KeyModifiers::NONE;
    app.mouse(&crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::ScrollUp,
        column: x,
        row: y,
        modifiers,
    });
    assert_eq!(app.anchor(), first);
    assert!(app.message.as_ref().is_some_and(|m| m.contains("still being read")), "{:?}", app.message);
    assert!(text.ends_with(app.doc.text.as_str()) && app.doc.text.len() < text.len() / 4, "still the end");
    // `gg`: the beginning, from its first row.
    app.update(Action::Top);
    assert!(!app.tail_shown() && std::sync::Arc::ptr_eq(&app.doc, &beginning));
    assert_eq!(app.anchor(), 0);
    assert!(text.starts_with(&top_text(&mut app)));
    // And `G` again: the end again.
    app.update(Action::Bottom);
    assert!(app.tail_shown() && app.percent_cached() == 100);
    app.update(Action::HalfPageUp);
    app.update(Action::Top);
    app.update(Action::Bottom);
    // Said again at the end's start, and no longer once the whole text is in.
    while app.top != Pos::default() {
        app.update(Action::PageUp);
    }
    assert!(app.message.as_ref().is_some_and(|m| m.contains("still being read")));
    app.loaded(built);
    assert_eq!(app.message, None);
}

#[test]
fn bookmarks_and_jumps_wait_on_the_end_and_act_on_the_whole_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _text) = novel(dir.path(), 2 << 20);
    let (mut app, built) = reading(&path);
    for _ in 0..7 {
        app.update(Action::LineDown);
    }
    let before = app.anchor();
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    app.update(Action::JumpBack);
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(1), "a jump back waits");
    app.update(Action::LineDown);
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(2), "and what comes after it");
    app.loaded(built);
    // The jump back went where `G` was pressed, then a row down.
    assert!(app.anchor() > before && app.anchor() < before + 400, "{} vs {before}", app.anchor());
}

#[test]
fn a_place_saved_while_the_end_is_shown_is_a_place_of_the_whole_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, text) = novel(dir.path(), 2 << 20);
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let (mut app, built) = reading(&path);
    app.use_positions(store.clone(), false);
    for _ in 0..9 {
        app.update(Action::LineDown);
    }
    let read = app.anchor();
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    // Quitting on the end saves the place last read in the beginning: the end's offsets
    // are not the whole text's yet.
    app.save_position().expect("saves");
    let whole = yuedu::cli::open_document(Some(&path), None).expect("opens");
    let (_, saved) = store.find(&whole).expect("reads").expect("found");
    assert_eq!(saved.offset as usize, read);
    // Once the whole text is in, the place saved is the one in view, in the whole text.
    app.loaded(built);
    let place = app.reading_place();
    assert!(place > text.len() - (200 << 10), "{place}");
    app.save_position().expect("saves");
    let (_, saved) = store.find(&whole).expect("reads").expect("found");
    assert_eq!(saved.offset as usize, place);
    // Opened again: there.
    let mut again = App::new(whole, Config::default(), 100, 30);
    again.use_positions(store, false);
    assert_eq!(again.reading_place(), place);
}

#[test]
fn a_gb18030_file_with_crlf_shows_its_end_and_maps_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gb.txt");
    let text = bigtext::novel(2 << 20, 100).replace('\n', "\r\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    std::fs::write(&path, &bytes).expect("write");
    end_maps_into_the_whole(&path, &text, "GB18030");
}

#[test]
fn a_utf8_file_with_a_bom_and_crlf_shows_its_end_and_maps_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.txt");
    let text = bigtext::novel(2 << 20, 100).replace('\n', "\r\n");
    std::fs::write(&path, format!("\u{feff}{text}")).expect("write");
    end_maps_into_the_whole(&path, &text, "UTF-8");
}

/// `G` on the file at `path` (of `text` in `encoding`) while it is read, a page up, then the
/// whole text: the first character in view stays on the top row.
fn end_maps_into_the_whole(path: &Path, text: &str, encoding: &str) {
    let (mut app, built) = reading(path);
    assert_eq!(app.doc.encoding, encoding);
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    assert!(text.ends_with(&app.doc.text));
    app.update(Action::PageUp);
    let place = app.anchor();
    let mapped = text.len() - (app.doc.text.len() - place);
    app.loaded(built);
    assert_eq!(app.doc.text, text);
    assert!(app.anchor() <= mapped);
    app.update(Action::LineDown);
    assert!(app.anchor() > mapped);
}

#[test]
fn without_an_end_to_read_apart_g_waits_for_the_whole_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    // UTF-16: a line end cannot be found by its byte.
    let path = dir.path().join("u16.txt");
    let text = bigtext::novel(2 << 20, 100);
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &bytes).expect("write");
    let (mut app, built) = reading(&path);
    app.update(Action::Bottom);
    assert!(!app.tail_shown());
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(1));
    app.loaded(built);
    assert_eq!(app.percent_cached(), 100);
    // A pipe (no file to read the end of): the same.
    let (path, _) = novel(dir.path(), 2 << 20);
    let (mut app, _built) = reading(&path);
    app.source = None;
    app.update(Action::Bottom);
    assert!(!app.tail_shown());
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(1));
    // A file changed since it was opened: the same (the whole text says what it is now).
    let (mut app, _built) = reading(&path);
    std::fs::write(&path, format!("{text}多出来的一行\n")).expect("write");
    app.update(Action::Bottom);
    assert!(!app.tail_shown());
    assert_eq!(app.loading.as_ref().map(|l| l.waiting()), Some(1));
}

#[test]
fn the_rest_failing_while_the_end_is_shown_gives_the_beginning_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = novel(dir.path(), 2 << 20);
    let (mut app, _built) = reading(&path);
    let beginning = std::sync::Arc::clone(&app.doc);
    app.update(Action::LineDown);
    let top = app.top;
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    app.loader_news(loading::News::Done(Err(String::from("gone"))));
    assert!(!app.is_loading() && std::sync::Arc::ptr_eq(&app.doc, &beginning));
    assert_eq!(app.top, top);
}

#[test]
fn a_view_at_the_end_stays_at_the_end_of_the_whole_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = novel(dir.path(), 2 << 20);
    let (mut app, built) = reading(&path);
    app.update(Action::Bottom);
    assert!(app.tail_shown() && app.percent_cached() == 100);
    app.loaded(built);
    let mut whole =
        App::new(yuedu::cli::open_document(Some(&path), None).expect("opens"), Config::default(), 100, 30);
    whole.update(Action::Bottom);
    assert_eq!((app.anchor(), app.top, app.percent_cached()), (whole.anchor(), whole.top, 100));
}

#[test]
fn the_beginnings_bookmarks_are_not_drawn_on_the_end_and_come_back_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = novel(dir.path(), 2 << 20);
    let (mut app, built) = reading(&path);
    app.use_bookmarks_file(&dir.path().join("bookmarks.toml"));
    app.update(Action::Bookmark);
    assert_eq!(app.quotes.here.len(), 1, "{:?}", app.message);
    let marked = app.quotes.here[0].1.clone().expect("in the text");
    app.update(Action::Bottom);
    assert!(app.tail_shown() && app.quotes.here.is_empty(), "the beginning's offsets are put aside");
    app.update(Action::Top);
    assert_eq!(app.quotes.here.first().and_then(|h| h.1.clone()), Some(marked.clone()));
    app.update(Action::Bottom);
    app.loaded(built);
    assert_eq!(app.quotes.here.first().and_then(|h| h.1.clone()), Some(marked), "the whole text's bookmark");
}

#[test]
fn the_beginnings_quotes_found_while_the_end_is_shown_are_its_own_again_after_gg() {
    use yuedu::app::state::quotes::document_quotes;
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = novel(dir.path(), 2 << 20);
    let Opened::Head(first, mut loader) =
        loading::open_with(common::file_request(&path), 64 << 10, 0).expect("opens")
    else {
        panic!("a beginning first");
    };
    let mut app = App::beginning(std::sync::Arc::clone(&first), Config::default(), 100, 30);
    app.quotes.coming = loader.take_quotes();
    app.source = Some(Source::new(path.clone(), None));
    app.begin_loading(loader.total(), false);
    // The end before the beginning's quotes are there; they arrive while it is shown.
    app.update(Action::Bottom);
    assert!(app.tail_shown());
    let _ = loader.poll();
    let until = std::time::Instant::now() + Duration::from_secs(60);
    while app.quotes.coming.is_some() && std::time::Instant::now() < until {
        app.quotes_arrived();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(app.quotes.coming.is_none(), "they came");
    assert!(app.tail_shown());
    app.update(Action::Top);
    assert!(!app.tail_shown() && std::sync::Arc::ptr_eq(&app.doc, &first));
    let quotes = document_quotes(&first);
    assert!(!quotes.is_empty());
    assert_eq!(app.quotes.quotes(), quotes.as_slice(), "the beginning's quotes, not the end's");
}
