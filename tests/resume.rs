//! Resume and progress: the reading place saved per article and found again (state tests
//! and the real binary in tmux), and the time left in the status line.

mod common;

use std::time::{Duration, Instant};

use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{Document, load};
use yuedu::store::positions::PositionStore;

fn app(width: u16, height: u16) -> App {
    App::new(Document::bundled(), Config::default(), width, height)
}

fn store(dir: &tempfile::TempDir) -> PositionStore {
    PositionStore::new(dir.path().join("state/yuedu/positions.toml"))
}

/// The third section of the bundled article (read from `cat -n article/shanghai.txt`).
const THIRD: &str = "产学研用融合";

#[test]
fn the_place_is_saved_and_an_article_opened_again_returns_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    a.update(Action::Section3);
    // Past the heading and the blank row under it: a paragraph's second line or so.
    for _ in 0..3 {
        a.update(Action::LineDown);
    }
    let place = a.anchor();
    a.save_position().expect("saved");

    // As the binary does: built at 80x24, then the real size arrives.
    let mut b = app(80, 24);
    b.use_positions(store(&dir), false);
    b.resize(100, 30);
    assert_eq!(b.anchor(), place, "the same character is first in view");
    let msg = b.message.clone().unwrap_or_default();
    assert!(msg.starts_with(&format!("resumed · {THIRD}")), "{msg}");
    // One percentage on the status line: the one of the view, on its right; not a second
    // one, of the saved place, in the message.
    assert!(!msg.contains('%'), "{msg}");
}

#[test]
fn from_start_ignores_the_saved_place_but_still_saves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    a.update(Action::Section3);
    a.save_position().expect("saved");
    let mut b = app(100, 30);
    b.use_positions(store(&dir), true);
    assert_eq!(b.anchor(), 0);
    assert!(b.message.is_none());
    b.update(Action::Section2);
    let place = b.anchor();
    b.save_position().expect("saved");
    let saved = store(&dir).load(&b.doc.id()).expect("readable").expect("a place");
    assert_eq!(saved.offset, place as u64);
}

#[test]
fn places_are_per_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    a.update(Action::Section3);
    a.save_position().expect("saved");
    let decoded = load::decode("第一章\n\n正文。\n\n第二章\n\n更多正文。".as_bytes(), None).expect("text");
    let mut other = App::new(Document::new("other.txt", decoded), Config::default(), 100, 30);
    other.use_positions(store(&dir), false);
    assert_eq!(other.anchor(), 0, "another article starts at its beginning");
    assert!(other.message.is_none());
}

#[test]
fn ticks_save_every_few_seconds_only_when_the_place_moved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state/yuedu/positions.toml");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    let t0 = Instant::now();
    assert!(!a.tick(t0));
    a.update(Action::Section2);
    a.tick(t0 + Duration::from_secs(1));
    assert!(!path.exists(), "not yet: less than the interval has passed");
    a.tick(t0 + Duration::from_secs(6));
    let saved = store(&dir).load(&a.doc.id()).expect("readable").expect("a place");
    assert_eq!(saved.offset, a.anchor() as u64);
    // Unmoved: the file is not written again (a rewrite would drop this comment).
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("# marker\n{text}")).expect("mark");
    a.tick(t0 + Duration::from_secs(12));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("# marker"), "an unmoved place is not written again:\n{text}");
    a.update(Action::Section3);
    a.tick(t0 + Duration::from_secs(18));
    let saved = store(&dir).load(&a.doc.id()).expect("readable").expect("a place");
    assert_eq!(saved.offset, a.anchor() as u64, "a moved place is");
}

#[test]
fn an_unparsable_positions_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("state/yuedu/positions.toml");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "[position\n").expect("write");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.starts_with(&format!("{}:1:", path.display())), "{msg}");
    a.update(Action::Section2);
    a.save_position().expect("saving is off, not an error");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "[position\n");
}

#[test]
fn the_time_left_shrinks_as_the_view_moves_and_follows_the_reading_speed() {
    let mut a = app(100, 30);
    let at_start = a.progress.minutes_left().expect("minutes left");
    // Characters after the first screen, counted by hand from the article: at 400 a
    // minute the bundled article (about 3,000 characters) is a few minutes long.
    assert!((3..=12).contains(&at_start), "{at_start}");
    a.update(Action::Section3);
    let later = a.progress.minutes_left().expect("minutes left");
    assert!(later < at_start, "{later} < {at_start}");
    a.update(Action::Bottom);
    assert_eq!(a.progress.minutes_left(), None, "nothing left at the end");

    let slow = Config::from_toml("[text]\nreading_speed = 100\n", None).expect("valid config");
    let b = App::new(Document::bundled(), slow, 100, 30);
    let slow_left = b.progress.minutes_left().expect("minutes left");
    assert!(slow_left >= at_start * 4 - 2 && slow_left <= at_start * 4 + 2, "{slow_left} vs {at_start}");
}

#[test]
fn tmux_resume_returns_to_the_same_text_and_says_so() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut t = common::Tmux::start_in(home, &[], 100, 30);
    t.wait_text("Contents");
    t.keys(&["3"]);
    t.wait_for("the third section at the top", |s| {
        s.lines().next().is_some_and(|l| common::text_part(l).starts_with(THIRD))
    });
    // One key, one change of view: the row it leaves at the top, worked out on an App.
    t.keys(&["C-d"]);
    let mut a = app(100, 30);
    a.update(Action::Section3);
    a.update(Action::HalfPageDown);
    let lines = a.layout.lines(&a.doc, a.top.block);
    let top = lines.get(a.top.row).map(|l| l.text.trim().to_string()).unwrap_or_default();
    assert!(!top.is_empty(), "half a page down from the third section lands on text");
    t.wait_for("half a page down", |s| s.lines().next().is_some_and(|l| common::text_part(l) == top));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);
    assert!(home.path().join("state/yuedu/positions.toml").is_file());

    let mut t = common::Tmux::start_in(home, &[], 100, 30);
    let screen = t.wait_text("resumed · ");
    assert_eq!(common::text_part(screen.lines().next().unwrap_or_default()), top, "{screen}");
    assert!(screen.contains(&format!("resumed · {THIRD}")), "{screen}");
    let status = screen.lines().last().unwrap_or_default();
    assert_eq!(status.matches('%').count(), 1, "one percentage on the status line: {status}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);

    let t = common::Tmux::start_in(home, &["--from-start"], 100, 30);
    let screen = t.wait_text("Contents");
    assert!(common::text_part(screen.lines().next().unwrap_or_default()).starts_with("上海从"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_reload_keeps_saving_places_under_the_new_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, yuedu::BUNDLED_ARTICLE).expect("write");
    let decoded = load::read_file(&file, None).expect("readable");
    let mut a = App::new(Document::new("a.txt", decoded), Config::default(), 100, 30);
    a.source = Some(yuedu::app::reload::Source::new(file.clone(), None));
    a.use_positions(store(&dir), false);
    std::fs::write(&file, format!("{}\n\n补记一段。", yuedu::BUNDLED_ARTICLE)).expect("change");
    a.update(Action::Reload);
    a.update(Action::Section3);
    a.save_position().expect("saved");
    let saved = store(&dir).load(&a.doc.id()).expect("readable").expect("a place under the new id");
    assert_eq!(saved.offset, a.anchor() as u64);
}

#[test]
fn a_blank_row_at_the_top_is_found_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(100, 30);
    a.use_positions(store(&dir), false);
    a.update(Action::Section3);
    a.update(Action::LineDown);
    let top = a.top;
    a.save_position().expect("saved");
    let mut b = app(100, 30);
    b.use_positions(store(&dir), false);
    assert_eq!(b.top, top, "the blank row under the heading, not the paragraph after it");
}
