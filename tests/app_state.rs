//! State tests of the reader: build an `App` on the bundled article, apply actions, assert.

use yuedu::app::{Action, App, Focus, Mode};
use yuedu::config::Config;
use yuedu::document::{BlockKind, Document};
use yuedu::layout::Pos;

fn app(width: u16, height: u16) -> App {
    App::new(Document::bundled(), Config::default(), width, height)
}

fn top_text(app: &mut App) -> String {
    let off = app.anchor();
    app.doc.text[off..].chars().take(8).collect()
}

fn heading_block(app: &App, starts_with: &str) -> usize {
    app.doc
        .headings
        .iter()
        .map(|h| h.block)
        .find(|&b| app.doc.block_text(b).starts_with(starts_with))
        .unwrap_or_else(|| panic!("no heading starting with {starts_with}"))
}

#[test]
fn starts_at_the_title_with_the_text_focused() {
    let mut a = app(100, 30);
    assert_eq!(a.top, Pos::default());
    assert_eq!(a.mode(), Mode::Text);
    assert!(top_text(&mut a).starts_with("上海从“建框架”"));
    assert!(a.outline_visible());
}

#[test]
fn next_and_previous_section_put_the_heading_on_the_first_row() {
    let mut a = app(100, 30);
    a.update(Action::NextSection);
    assert_eq!(a.top, Pos { block: heading_block(&a, "青年驱动"), row: 0 });
    a.update(Action::NextSection);
    assert_eq!(a.top, Pos { block: heading_block(&a, "创新策源"), row: 0 });
    a.update(Action::PrevSection);
    assert_eq!(a.top, Pos { block: heading_block(&a, "青年驱动"), row: 0 });
    // From inside a section, `[` goes back to that section's own heading first.
    a.update(Action::NextSection);
    a.update(Action::LineDown);
    a.update(Action::PrevSection);
    assert_eq!(a.top, Pos { block: heading_block(&a, "创新策源"), row: 0 });
}

#[test]
fn the_current_section_follows_scrolling() {
    let mut a = app(100, 30);
    assert_eq!(a.current_heading(), Some(0), "the lead belongs to the title");
    a.update(Action::Section2);
    let h = a.current_heading().expect("a section");
    assert!(a.doc.heading_text(&a.doc.headings[h]).starts_with("创新策源"));
    a.update(Action::LineUp);
    let h = a.current_heading().expect("a section");
    assert!(a.doc.heading_text(&a.doc.headings[h]).starts_with("青年驱动"));
    assert_eq!(a.outline_cursor, h, "the outline marks the section being read");
}

#[test]
fn section_number_keys_jump_and_a_missing_section_says_so() {
    let mut a = app(100, 30);
    a.update(Action::Section1);
    assert_eq!(a.top.block, heading_block(&a, "青年驱动"));
    a.update(Action::Section9);
    assert_eq!(a.top.block, heading_block(&a, "青年驱动"), "no section 9: the view stays");
    assert!(a.message.as_deref().is_some_and(|m| m.contains('9')));
}

#[test]
fn a_jump_near_the_end_stops_where_the_pane_is_still_full() {
    // 100x60: the last section is shorter than the pane, so the jump stops early.
    let mut a = app(100, 60);
    a.update(Action::Section3);
    let heading = heading_block(&a, "产学研用融合");
    let max = a.layout.max_top(&a.doc, a.text_height());
    assert_eq!(a.top, max, "the pane stays full");
    assert!(a.top < Pos { block: heading, row: 0 }, "the last section is short");
    assert!(a.top <= Pos { block: heading, row: 0 });
}

#[test]
fn top_bottom_and_paging() {
    let mut a = app(100, 30);
    a.update(Action::Bottom);
    assert_eq!(a.percent_cached(), 100);
    let last = a.layout.last(&a.doc);
    let bottom = a.layout.forward(&a.doc, a.top, a.text_height() - 1);
    assert_eq!(bottom, last, "the last row is on the last line of the pane");
    assert_eq!(a.doc.blocks[a.top.block..].last().map(|b| b.kind), Some(BlockKind::Byline));
    a.update(Action::LineDown);
    assert_eq!(a.layout.forward(&a.doc, a.top, a.text_height() - 1), last, "no scrolling past the end");
    a.update(Action::Top);
    assert_eq!(a.top, Pos::default());
    a.update(Action::LineUp);
    assert_eq!(a.top, Pos::default(), "no scrolling above the start");

    let h = a.text_height();
    a.update(Action::PageDown);
    let after_page = a.top;
    assert_eq!(
        after_page,
        a.layout.forward(&a.doc, Pos::default(), h - 1),
        "a page keeps one row of context"
    );
    a.update(Action::PageUp);
    assert_eq!(a.top, Pos::default());
    a.update(Action::HalfPageDown);
    let half = a.top;
    assert!(half > Pos::default() && half < after_page);
    a.update(Action::HalfPageUp);
    assert_eq!(a.top, Pos::default());
}

#[test]
fn resize_rewraps_and_keeps_the_first_visible_character_in_view() {
    let mut a = app(100, 30);
    a.update(Action::Section2);
    for _ in 0..5 {
        a.update(Action::LineDown);
    }
    let anchor = a.anchor();
    let before = a.top;
    for (w, h) in [(60, 20), (40, 15), (21, 10), (20, 10), (120, 40), (100, 30)] {
        a.resize(w, h);
        let lines = a.layout.lines(&a.doc, a.top.block);
        let row = &lines[a.top.row.min(lines.len() - 1)];
        assert!(
            row.start <= anchor && anchor < row.end,
            "at {w}x{h} the top row {}..{} does not show byte {anchor}",
            row.start,
            row.end
        );
    }
    assert_eq!(a.top, before, "back at the first size, the view is the same");
}

#[test]
fn outline_focus_moves_its_own_cursor_and_enter_jumps() {
    let mut a = app(100, 30);
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Outline);
    assert_eq!(a.mode(), Mode::Outline);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    assert_eq!(a.top, Pos::default(), "moving in the outline does not scroll the text");
    a.update(Action::Select);
    assert_eq!(a.top.block, heading_block(&a, "创新策源"));
    assert_eq!(a.focus, Focus::Text, "Enter gives the keyboard to the text");
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Outline);
}

#[test]
fn outline_toggles_and_hides_itself_on_a_narrow_screen() {
    let mut a = app(100, 30);
    a.update(Action::ToggleOutline);
    assert!(!a.outline_visible());
    assert!(a.panes.text.width <= 80, "the text column is at most max_text_width");
    a.update(Action::ToggleOutline);
    assert!(a.outline_visible());
    a.resize(59, 30);
    assert!(!a.outline_visible(), "below 60 columns the outline hides by itself");
    a.resize(60, 30);
    assert!(a.outline_visible());
}

#[test]
fn help_opens_and_any_key_closes_it() {
    // A screen where the whole help fits (where it does not, the page keys scroll it).
    let mut a = app(120, 40);
    a.update(Action::Help);
    assert!(a.overlay.is_some());
    let top = a.top;
    a.update(Action::PageDown);
    assert!(a.overlay.is_none());
    assert_eq!(a.top, top, "the key that closes the help does nothing else");
    a.update(Action::Quit);
    assert!(a.should_quit);
}
