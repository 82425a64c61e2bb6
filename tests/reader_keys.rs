//! The keys a reader's users expect: Esc clears and never quits, `q` and Ctrl-c quit (Ctrl-c
//! from anywhere), Enter in the outline gives the keyboard to the text, `o` on a narrow
//! screen shows the outline over the text, `[` in the first section says so. State tests on
//! an `App`, then the real binary in tmux.

mod common;

use common::Tmux;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App, Mode, Selection};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::layout::Pos;

fn app_with(config: Config, width: u16, height: u16) -> App {
    App::new(Document::bundled(), config, width, height)
}

fn app(width: u16, height: u16) -> App {
    app_with(Config::default(), width, height)
}

fn search(app: &mut App, q: &str) {
    app.update(Action::Search);
    for c in q.chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
}

fn heading_text(app: &App, h: usize) -> String {
    app.doc.heading_text(&app.doc.headings[h]).to_string()
}

#[test]
fn esc_clears_the_search_highlights_then_the_selection_and_never_quits() {
    let mut a = app(100, 30);
    search(&mut a, "算力");
    assert!(a.search.highlighted());
    a.update(Action::NextQuote);
    assert!(matches!(a.selection, Selection::Quote(_)), "a quote is selected");
    let (start, end) = a.view_range();
    assert!(!a.search.matches_in(&a.doc.text, start, end).is_empty(), "matches on screen");
    a.update(Action::Clear);
    assert!(!a.search.highlighted(), "the first Esc clears the search highlights");
    assert!(a.search.matches_in(&a.doc.text, start, end).is_empty(), "no match is drawn");
    assert!(a.search.status().is_none(), "the status line drops the search");
    assert!(matches!(a.selection, Selection::Quote(_)), "the selection stays for the next Esc");
    a.update(Action::Clear);
    assert_eq!(a.selection, Selection::None, "the second Esc clears the selection");
    a.update(Action::Clear);
    assert!(!a.should_quit, "Esc never quits");
    // The query stays: `n` goes on from it and shows the matches again.
    a.update(Action::NextMatch);
    assert!(a.search.highlighted());
}

#[test]
fn esc_in_the_outline_gives_the_keyboard_back_to_the_text() {
    let mut a = app(100, 30);
    a.update(Action::FocusNext);
    assert_eq!(a.mode(), Mode::Outline);
    a.update(Action::Clear);
    assert_eq!(a.mode(), Mode::Text);
    assert!(!a.should_quit);
}

#[test]
fn the_default_keys_esc_clears_and_q_and_ctrl_c_quit() {
    let c = Config::default();
    let key = |s: &str| yuedu::input::Key::parse(s).expect("key");
    assert_eq!(c.keymap.action(Mode::Text, key("Esc")), Some(Action::Clear));
    assert_eq!(c.keymap.action(Mode::Text, key("q")), Some(Action::Quit));
    assert_eq!(c.keymap.action(Mode::Text, key("Ctrl-c")), Some(Action::Quit));
    assert_eq!(c.keymap.action(Mode::List, key("Esc")), Some(Action::Close));
    // Ctrl-c quits from a list, the help and a prompt; `q` and Esc only close there.
    let mut a = app(100, 30);
    a.update(Action::FiguresList);
    assert_eq!(a.mode(), Mode::List);
    assert!(a.quits_anywhere(key("Ctrl-c")));
    assert!(!a.quits_anywhere(key("q")));
    a.update(Action::Close);
    a.update(Action::Search);
    assert!(a.quits_anywhere(key("Ctrl-c")));
    assert!(!a.quits_anywhere(key("Esc")));
    // Given to another action in a user file, Ctrl-c does that action instead.
    let c = Config::parse("[keys]\nhalf_page_down = [\"Ctrl-c\"]\nquit = [\"q\"]\n", "c.toml", false)
        .expect("config");
    let a = app_with(c, 100, 30);
    assert!(!a.quits_anywhere(key("Ctrl-c")));
}

#[test]
fn enter_in_the_outline_jumps_and_gives_the_keyboard_to_the_text() {
    let mut a = app(100, 30);
    a.update(Action::FocusNext);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    let h = a.outline_cursor;
    a.update(Action::Select);
    assert_eq!(a.top, Pos { block: a.doc.headings[h].block, row: 0 });
    assert_eq!(a.mode(), Mode::Text, "the next j scrolls the text");
    a.update(Action::LineDown);
    assert_eq!(a.top, Pos { block: a.doc.headings[h].block, row: 1 });

    let c = Config::parse("[layout]\noutline_enter_keeps_focus = true\n", "c.toml", false).expect("config");
    let mut a = app_with(c, 100, 30);
    a.update(Action::FocusNext);
    a.update(Action::LineDown);
    a.update(Action::Select);
    assert_eq!(a.mode(), Mode::Outline, "kept in the outline as configured");
}

#[test]
fn o_on_a_narrow_screen_shows_the_outline_over_the_text_and_enter_hides_it() {
    let mut a = app(50, 20);
    assert!(!a.outline_visible(), "too narrow for the outline beside the text");
    a.update(Action::ToggleOutline);
    let outline = a.panes.outline.expect("the outline is shown");
    assert_eq!((outline.x, outline.width), (0, 50), "over the whole width");
    assert_eq!(outline.height, 19, "every row above the status line");
    assert_eq!(a.mode(), Mode::Outline);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    let h = a.outline_cursor;
    a.update(Action::Select);
    assert!(!a.outline_visible(), "Enter hides it");
    assert_eq!(a.mode(), Mode::Text);
    assert_eq!(a.top, Pos { block: a.doc.headings[h].block, row: 0 });
    // `o` again shows it, `o` once more (or Esc) puts it away without a jump.
    a.update(Action::ToggleOutline);
    assert!(a.outline_visible());
    a.update(Action::ToggleOutline);
    assert!(!a.outline_visible());
    assert_eq!(a.mode(), Mode::Text);
    a.update(Action::ToggleOutline);
    a.update(Action::Clear);
    assert!(!a.outline_visible());
    // Widening the screen puts the outline back beside the text.
    a.update(Action::ToggleOutline);
    a.resize(100, 30);
    let outline = a.panes.outline.expect("beside the text");
    assert!(outline.width < 50);
}

#[test]
fn prev_section_at_the_start_says_so_as_next_section_at_the_end_does() {
    let mut a = app(100, 30);
    a.update(Action::PrevSection);
    assert_eq!(a.message.as_deref(), Some("already in the first section"));
    assert_eq!(a.top, Pos::default());
    a.update(Action::NextSection);
    let first = heading_text(&a, a.current_heading().expect("a section"));
    a.update(Action::PrevSection);
    assert_eq!(a.top, Pos::default(), "from the first section's start to the title above it");
    assert!(!first.is_empty());
    let sections = a.sections();
    a.jump_to_heading(*sections.last().expect("sections"));
    a.update(Action::NextSection);
    assert_eq!(a.message.as_deref(), Some("already in the last section"));
}

// ---- the real binary

/// Esc sent alone, and a moment for the reader to take it (ESC and the next key sent
/// together read as Alt-key).
fn esc(t: &Tmux) {
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
}

fn status(s: &str) -> &str {
    s.lines().last().unwrap_or_default()
}

#[test]
fn tmux_esc_clears_and_q_quits() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&["/"]);
    t.type_text("算力");
    t.keys(&["Enter"]);
    t.wait_for("the search on the status line", |s| status(s).contains("/算力 1/"));
    t.keys(&[")"]);
    t.wait_for("a quote selected", |s| status(s).contains("quote "));
    esc(&t);
    let s = t.wait_for("the search to go from the status line", |s| !status(s).contains("/算力"));
    assert!(status(&s).contains("quote "), "the quote is still selected:\n{s}");
    esc(&t);
    t.wait_for("the quote to be unselected", |s| {
        !status(s).contains("quote ") && status(s).contains("? help")
    });
    esc(&t);
    esc(&t);
    let s = t.screen();
    assert!(!s.contains("__EXIT_") && status(&s).contains("? help"), "Esc never quits:\n{s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_ctrl_c_quits_from_a_list() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&["F"]);
    t.wait_text("figures 1/");
    t.keys(&["C-c"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_enter_in_the_outline_gives_the_keyboard_to_the_text() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&["Tab"]);
    t.keys(&["j"]);
    t.keys(&["j"]);
    t.keys(&["Enter"]);
    // The second section's heading is on the first row, then `j` scrolls the text one row.
    t.wait_for("the jump", |s| s.lines().next().is_some_and(|l| l.contains("创新策源")));
    t.keys(&["j"]);
    // Still in that section: the text moved, not the outline cursor.
    t.wait_for("the text to scroll", |s| {
        s.lines().next().is_some_and(|l| !l.contains("创新策源")) && status(s).contains("创新策源")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_o_below_60_columns_shows_the_outline_over_the_text() {
    let t = Tmux::start(&[], 50, 20);
    t.wait_text("上海从");
    let s = t.screen();
    // The outline is told by its border (its title is in the interface language).
    assert!(!s.contains('│'), "no outline at 50 columns:\n{s}");
    t.keys(&["o"]);
    t.wait_for("the outline's entries", |s| s.contains('│') && s.contains("创新策源"));
    t.keys(&["j"]);
    t.keys(&["j"]);
    t.keys(&["Enter"]);
    // The whole screen (a capture may catch a frame half drawn).
    t.wait_for("the outline to go and the text to jump", |s| {
        !s.contains('│')
            && s.lines().next().is_some_and(|l| l.contains("创新策源"))
            && status(s).contains("创新策源")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_a_change_on_disk_shows_without_a_key_press() {
    let home = tempfile::tempdir().expect("tempdir");
    let file = home.path().join("text.txt");
    std::fs::write(&file, "标题\n\n　　第一段。\n").expect("write");
    let t = Tmux::start_in(home, &[&file.display().to_string()], 100, 30);
    t.wait_text("第一段");
    std::fs::write(&file, "标题\n\n　　第一段。\n\n　　第二段。\n").expect("write");
    // No key is sent: the reader notices by itself.
    let s = t.wait_text("changed on disk");
    assert!(status(&s).contains("text.txt changed on disk"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
