//! Jump history: section jumps, the outline, top/bottom and searches record the place left;
//! back and forward walk those places as in vim; plain scrolling records nothing.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App, Mode};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::input::Key;

fn app() -> App {
    App::new(Document::bundled(), Config::default(), 100, 30)
}

fn top_text(a: &mut App) -> String {
    let off = a.anchor();
    a.doc.text[off..].chars().take(6).collect()
}

#[test]
fn back_and_forward_walk_section_jumps() {
    let mut a = app();
    a.update(Action::Section2);
    let s2 = top_text(&mut a);
    a.update(Action::Section3);
    let s3 = top_text(&mut a);
    a.update(Action::Bottom);
    let bottom = a.anchor();
    a.update(Action::JumpBack);
    assert_eq!(top_text(&mut a), s3);
    a.update(Action::JumpBack);
    assert_eq!(top_text(&mut a), s2);
    a.update(Action::JumpBack);
    assert!(top_text(&mut a).starts_with("上海从"), "back to the start");
    a.update(Action::JumpBack);
    assert!(a.message.as_deref().is_some_and(|m| m.contains("oldest")));
    a.update(Action::JumpForward);
    assert_eq!(top_text(&mut a), s2);
    a.update(Action::JumpForward);
    a.update(Action::JumpForward);
    assert_eq!(a.anchor(), bottom);
    a.update(Action::JumpForward);
    assert!(a.message.as_deref().is_some_and(|m| m.contains("newest")));
}

#[test]
fn a_new_jump_after_going_back_drops_the_forward_places() {
    // The bundled article has three sections.
    let place = |n: usize| {
        let mut b = app();
        b.update(Action::section(n).expect("a section key"));
        b.anchor()
    };
    let mut a = app();
    a.update(Action::Section2);
    a.update(Action::Section3);
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), place(2));
    a.update(Action::Section1);
    a.update(Action::JumpForward);
    assert!(a.message.as_deref().is_some_and(|m| m.contains("newest")), "section 3 is forgotten");
    assert_eq!(a.anchor(), place(1));
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), place(2));
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), 0);
}

#[test]
fn scrolling_is_not_a_jump_but_it_is_where_back_returns_from() {
    let mut a = app();
    a.update(Action::LineDown);
    a.update(Action::PageDown);
    let read_to = a.anchor();
    assert!(a.history.back().is_empty(), "scrolling records nothing");
    a.update(Action::NextSection);
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), read_to);
}

#[test]
fn outline_enter_and_searches_are_jumps() {
    let mut a = app();
    a.update(Action::FocusNext);
    assert_eq!(a.mode(), Mode::Outline);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    a.update(Action::Select);
    assert_eq!(a.history.back(), &[0]);
    a.update(Action::FocusNext);
    let after_outline = a.anchor();
    a.update(Action::Search);
    for c in "瑞金医院".chars() {
        a.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    a.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), after_outline);
}

#[test]
fn the_default_keys_are_ctrl_o_and_ctrl_n() {
    let c = Config::default();
    let key = |s: &str| Key::parse(s).expect("a key");
    assert_eq!(c.keymap.action(Mode::Text, key("Ctrl-o")), Some(Action::JumpBack));
    assert_eq!(c.keymap.action(Mode::Text, key("Ctrl-n")), Some(Action::JumpForward));
}

#[test]
fn tmux_ctrl_o_goes_back_after_a_section_jump() {
    let t = common::Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    t.keys(&["3"]);
    t.wait_for("the third section", |s| {
        s.lines().next().is_some_and(|l| common::text_part(l).starts_with("产学研用融合"))
    });
    t.keys(&["C-o"]);
    t.wait_for("back at the start", |s| {
        s.lines().next().is_some_and(|l| common::text_part(l).starts_with("上海从"))
    });
    t.keys(&["C-n"]);
    t.wait_for("forward again", |s| {
        s.lines().next().is_some_and(|l| common::text_part(l).starts_with("产学研用融合"))
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_bookmark_jump_can_be_gone_back_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app();
    a.use_bookmarks_file(&dir.path().join("bookmarks.toml"));
    a.update(Action::Section3);
    let marked = a.anchor();
    a.update(Action::Bookmark);
    a.update(Action::Top);
    a.update(Action::LineDown);
    let here = a.anchor();
    a.update(Action::BookmarksList);
    a.update(Action::Select);
    assert!(a.anchor() >= marked, "at the bookmark");
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), here);
}
