//! Search: state tests on an `App` (typing, Enter, Esc, n/N, folding) and the real binary
//! in tmux.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::{Document, load};

fn app() -> App {
    App::new(Document::bundled(), Config::default(), 100, 30)
}

fn app_on(text: &str, width: u16, height: u16) -> App {
    let decoded = load::decode(text.as_bytes(), None).expect("UTF-8 text");
    App::new(Document::new("t.txt", decoded), Config::default(), width, height)
}

fn key(app: &mut App, code: KeyCode) {
    app.prompt_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_query(app: &mut App, q: &str) {
    for c in q.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn search(app: &mut App, q: &str) {
    app.update(Action::Search);
    type_query(app, q);
    key(app, KeyCode::Enter);
}

fn current_text(app: &App) -> String {
    let m = app.search.current().expect("a current match");
    app.doc.text[m].to_string()
}

/// Whether byte `offset` is on screen.
fn on_screen(app: &mut App, offset: usize) -> bool {
    let (start, end) = app.view_range();
    start <= offset && offset < end
}

#[test]
fn typing_finds_matches_and_enter_keeps_them_with_a_count() {
    let mut a = app();
    a.update(Action::Search);
    assert!(a.prompt_active());
    type_query(&mut a, "算");
    // The article has 算力 eleven times (grep -o 算力), and 算 nowhere else.
    assert_eq!(a.search.count().as_deref(), Some("1/11"));
    type_query(&mut a, "力");
    assert_eq!(a.search.matches().map(<[_]>::len), Some(11));
    key(&mut a, KeyCode::Enter);
    assert!(!a.prompt_active());
    assert_eq!(a.search.status().as_deref(), Some("/算力 1/11"));
    assert_eq!(current_text(&a), "算力");
    let m = a.search.current().expect("current");
    assert!(on_screen(&mut a, m.start));
}

#[test]
fn n_and_shift_n_step_and_wrap_around() {
    let mut a = app();
    search(&mut a, "算力");
    let all: Vec<_> = a.search.matches().expect("counted").to_vec();
    for (i, m) in all.iter().enumerate().skip(1) {
        a.update(Action::NextMatch);
        assert_eq!(a.search.current().as_ref(), Some(m), "match {}", i + 1);
        assert!(on_screen(&mut a, m.start), "match {} is on screen", i + 1);
        assert_eq!(a.search.count(), Some(format!("{}/11", i + 1)));
    }
    a.update(Action::NextMatch);
    assert_eq!(a.search.current().as_ref(), all.first(), "n after the last wraps to the first");
    assert!(a.message.as_deref().is_some_and(|m| m.contains("wrapped")));
    a.update(Action::PrevMatch);
    assert_eq!(a.search.current().as_ref(), all.last(), "N before the first wraps to the last");
    a.update(Action::PrevMatch);
    assert_eq!(a.search.current().as_ref(), all.get(all.len() - 2));
}

#[test]
fn esc_puts_the_view_and_the_previous_search_back() {
    let mut a = app();
    search(&mut a, "GDP");
    let top = a.top;
    let status = a.search.status();
    a.update(Action::Search);
    type_query(&mut a, "瑞金医院");
    assert_ne!(a.top, top, "the view follows the query while it is typed");
    key(&mut a, KeyCode::Esc);
    assert!(!a.prompt_active());
    assert_eq!(a.top, top);
    assert_eq!(a.search.status(), status);
}

#[test]
fn latin_is_case_insensitive_and_full_width_matches_ascii() {
    let mut a = app();
    search(&mut a, "gdp");
    assert_eq!(current_text(&a), "GDP");
    search(&mut a, "ＧＤＰ");
    assert_eq!(current_text(&a), "GDP");
    // The article writes ASCII commas between hanzi: a full-width comma finds them.
    search(&mut a, "陈海慈说，");
    assert_eq!(current_text(&a), "陈海慈说,");
    search(&mut a, "24．8％");
    assert_eq!(current_text(&a), "24.8%");
}

#[test]
fn ascii_query_finds_full_width_text_and_ranges_are_source_bytes() {
    let mut a = app_on("标题\n\n占全市ＧＤＰ的２４．８％，GDP增长。", 60, 20);
    search(&mut a, "gdp");
    assert_eq!(a.search.count().as_deref(), Some("1/2"));
    assert_eq!(current_text(&a), "ＧＤＰ");
    search(&mut a, "24.8%,");
    assert_eq!(current_text(&a), "２４．８％，");
}

#[test]
fn not_found_says_so_and_leaves_the_view() {
    let mut a = app();
    a.update(Action::Section2);
    let top = a.top;
    search(&mut a, "不存在的词语");
    assert_eq!(a.top, top);
    assert!(a.message.as_deref().is_some_and(|m| m.contains("not found")));
    assert!(a.search.status().is_none());
    a.update(Action::NextMatch);
    assert!(a.message.as_deref().is_some_and(|m| m.contains("no search")));
}

#[test]
fn search_starts_from_the_view_and_enter_on_empty_repeats() {
    let mut a = app();
    // From the third section (创新策源) on, the first 算力 lies ahead only after wrapping.
    a.update(Action::Section3);
    let anchor = a.anchor();
    let first_after: usize = a.doc.text[anchor..]
        .find("算力")
        .map_or_else(|| a.doc.text.find("算力").unwrap_or(0), |i| anchor + i);
    search(&mut a, "算力");
    assert_eq!(a.search.current().map(|m| m.start), Some(first_after));
    a.update(Action::Top);
    a.update(Action::Search);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.search.status().map(|s| s.starts_with("/算力 ")), Some(true));
    assert_eq!(a.search.current().map(|m| m.start), a.doc.text.find("算力"));
}

#[test]
fn a_search_jump_can_be_undone_with_jump_back() {
    let mut a = app();
    let start = a.anchor();
    search(&mut a, "瑞金医院");
    assert_ne!(a.anchor(), start);
    a.update(Action::JumpBack);
    assert_eq!(a.anchor(), start);
    a.update(Action::JumpForward);
    let m = a.search.current().expect("current");
    assert!(on_screen(&mut a, m.start));
}

#[test]
fn tmux_search_highlights_and_n_moves_to_the_next_match() {
    let t = common::Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    t.keys(&["/"]);
    t.type_text("算力");
    t.wait_text("1/11");
    t.keys(&["Enter"]);
    t.wait_text("/算力 1/11");
    t.keys(&["n"]);
    let screen = t.wait_text("/算力 2/11");
    // Rows joined without breaks, as the match may be wrapped across two rows.
    let text: String = screen.lines().map(common::text_part).collect();
    assert!(text.contains("算力"), "the match is on screen:\n{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// Sixty short paragraphs, then one that alone holds 终点: its match is on the very last
/// row, where the view's top is clamped so the pane stays full.
fn ends_with_a_match() -> String {
    let mut text: String = (1..=60).map(|i| format!("第{i}行的内容，这里是一些普通的文字。\n\n")).collect();
    text.push_str("最后一行有一个词：终点。\n");
    text
}

#[test]
fn a_match_on_the_last_line_is_brought_into_view() {
    let mut a = app_on(&ends_with_a_match(), 100, 30);
    search(&mut a, "终点");
    let m = a.search.current().expect("a current match");
    assert!(on_screen(&mut a, m.start), "Enter shows the match on the last line");
    a.update(Action::Top);
    assert!(!on_screen(&mut a, m.start));
    a.update(Action::NextMatch);
    assert_eq!(a.search.current(), Some(m.clone()));
    assert!(on_screen(&mut a, m.start), "n shows the match on the last line");
    a.update(Action::Top);
    a.update(Action::PrevMatch);
    assert!(on_screen(&mut a, m.start), "N shows the match on the last line");
}

#[test]
fn tmux_a_match_on_the_last_line_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("end.txt");
    std::fs::write(&path, ends_with_a_match()).expect("write the text");
    let t = common::Tmux::start(&[path.to_str().expect("a UTF-8 path")], 100, 30);
    t.wait_text("第1行");
    t.keys(&["/"]);
    t.type_text("终点");
    t.wait_text("1/1");
    t.keys(&["Enter"]);
    let screen = t.wait_text("/终点 1/1");
    assert!(screen.contains("最后一行有一个词：终点。"), "the match is on screen:\n{screen}");
    t.keys(&["g"]);
    t.wait_text("第1行");
    t.keys(&["n"]);
    let screen = t.wait_text("最后一行");
    assert!(screen.contains("终点"), "n brings the match back:\n{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
