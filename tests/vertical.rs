//! Vertical text (竖排): `dump --vertical` of the bundled article at two heights (golden
//! output, and the column rules checked by code on the same layout), the reader's keys in
//! columns, sizes down to 1×1, and the real binary in tmux.

mod common;

use yuedu::app::{Action, App};
use yuedu::config::{Config, Direction};
use yuedu::document::{BlockKind, Document};
use yuedu::layout::linebreak::no_line_start;
use yuedu::layout::vertical::{cells, indent_cells};
use yuedu::layout::{Settings, wrap_block};

fn dump(width: u16, height: u16) -> String {
    let mut out = Vec::new();
    yuedu::cli::dump_vertical(&Document::bundled(), &Config::default(), width, height, &mut out)
        .expect("dump");
    String::from_utf8(out).expect("UTF-8")
}

fn vertical_settings(height: usize) -> Settings {
    yuedu::app::settings_for(&Config::default(), 1).vertical(height)
}

#[test]
fn dump_vertical_at_two_heights() {
    insta::assert_snapshot!("vertical_40x12", dump(40, 12));
    insta::assert_snapshot!("vertical_60x20", dump(60, 20));
}

/// The column rules, checked on every column of the article at both heights.
#[test]
fn columns_keep_the_line_breaking_rules() {
    let doc = Document::bundled();
    for height in [12, 20] {
        let settings = vertical_settings(height);
        for b in 0..doc.blocks.len() {
            let lines = wrap_block(&doc, b, &settings);
            for (i, line) in lines.iter().enumerate() {
                let src = &doc.text[line.start..line.end];
                let cs = cells(line, src);
                assert!(cs.len() + indent_cells(line) <= height, "a column longer than the pane: {src}");
                if i > 0 {
                    let first = src.chars().next().expect("a character");
                    assert!(!no_line_start(first, false), "a column starts with {first}: {src}");
                    // A number stays whole and with its unit (a hanzi right after digits).
                    let before = doc.text[..line.start].chars().next_back().unwrap_or(' ');
                    let glued = first.is_ascii_digit()
                        || first == '.'
                        || !first.is_ascii() && first.is_alphanumeric();
                    assert!(
                        !(before.is_ascii_digit() && glued),
                        "a number cut at a column's top: {before}|{src}"
                    );
                }
            }
        }
    }
}

/// Every heading of the article begins a page: its first column is the rightmost.
#[test]
fn headings_start_a_page() {
    let doc = Document::bundled();
    for (width, height) in [(40u16, 12u16), (60, 20)] {
        let out = dump(width, height);
        let rule = "─".repeat(usize::from(width));
        let pages: Vec<Vec<&str>> = out.split(&format!("{rule}\n")).map(|p| p.lines().collect()).collect();
        assert!(
            pages.iter().all(|p| p.is_empty() || p.len() == usize::from(height)),
            "pages of {height} rows"
        );
        for (b, block) in doc.blocks.iter().enumerate() {
            if !matches!(block.kind, BlockKind::Heading { .. }) {
                continue;
            }
            let first = doc.block_text(b).chars().next().expect("a heading character").to_string();
            let vertical =
                yuedu::layout::vertical::vertical_form(first.chars().next().unwrap_or(' ')).to_string();
            // Its first character at the top of the rightmost column of some page.
            let found = pages.iter().any(|p| {
                p.first().is_some_and(|row| {
                    let right: String =
                        row.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
                    right.trim() == vertical
                })
            });
            assert!(found, "heading {} does not start a page at {width}x{height}", doc.block_text(b));
        }
    }
}

fn vertical_app(width: u16, height: u16) -> App {
    let mut config = Config::default();
    config.layout.direction = Direction::Vertical;
    App::new(Document::bundled(), config, width, height)
}

#[test]
fn keys_move_by_columns_and_pages_and_search_finds_in_columns() {
    let mut a = vertical_app(100, 30);
    assert!(a.vertical);
    let across = a.text_height();
    assert!(across > 2, "{across}");
    a.update(Action::LineDown);
    assert_eq!(a.top.row, 1, "j moves by one column");
    a.update(Action::LineUp);
    a.update(Action::PageDown);
    let after_page = a.top;
    a.update(Action::PageUp);
    assert_eq!(a.top.block, 0);
    assert_ne!(after_page, a.top);
    // Search: the match is on screen, in a column, and a click on it lands on its bytes.
    a.update(Action::Search);
    for c in "算力".chars() {
        a.prompt_key(&crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ));
    }
    a.prompt_key(&crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Enter,
        crossterm::event::KeyModifiers::NONE,
    ));
    let m = a.search.current().expect("a match");
    assert!(a.offset_in_view(m.start));
    let buf = common::draw_buffer(&a);
    let area = a.panes.text;
    let hit = (area.x..area.x + area.width)
        .flat_map(|x| (area.y..area.y + area.height).map(move |y| (x, y)))
        .find(|&(x, y)| a.offset_at(x, y) == Some(m.start))
        .expect("the match's first character on screen");
    assert_eq!(buf[hit].symbol(), "算");
    // Space stops at a heading: it starts the next page.
    a.update(Action::Top);
    for _ in 0..40 {
        a.update(Action::PageDown);
        if matches!(a.doc.blocks[a.top.block].kind, BlockKind::Heading { .. }) {
            break;
        }
    }
    assert!(matches!(a.doc.blocks[a.top.block].kind, BlockKind::Heading { .. }));
    assert_eq!(a.top.row, 0);
    a.update(Action::Top);
    // ] moves to the next section, whose heading is the first column.
    a.update(Action::NextSection);
    assert_eq!(a.top.row, 0);
    assert!(matches!(a.doc.blocks[a.top.block].kind, BlockKind::Heading { .. }));
    // V back to horizontal keeps the place.
    let anchor = a.anchor();
    a.update(Action::ToggleVertical);
    assert!(!a.vertical);
    assert_eq!(a.anchor(), anchor);
}

#[test]
fn every_size_draws_and_a_narrow_pane_shows_one_column() {
    for w in 1..=12u16 {
        for h in 1..=6u16 {
            let a = vertical_app(w, h);
            let _ = common::draw_buffer(&a);
        }
    }
    let a = vertical_app(4, 10);
    assert_eq!(a.text_height(), 1, "too narrow for two columns: one");
    let screen = common::buffer_text(&common::draw_buffer(&a));
    assert!(screen.contains('上'), "{screen}");
}

#[test]
fn toggle_vertical_and_search_in_a_real_terminal() {
    let t = common::Tmux::start(&[], 100, 30);
    t.wait_text("青年驱动");
    t.keys(&["V"]);
    // The title set in a column: its characters one per row.
    t.wait_for("上海 down a column", |s| in_a_column(s, '上', '海'));
    t.keys(&["/"]);
    t.type_text("算力");
    t.keys(&["Enter"]);
    t.wait_text("/算力 1/11");
    t.keys(&["V"]);
    t.wait_for("horizontal again", |s| s.contains("算力") && !in_a_column(s, '上', '海'));
    t.keys(&["t"]);
    t.wait_text("shown in simplified characters");
    t.keys(&["V"]);
    t.wait_for("算力 down a column", |s| in_a_column(s, '算', '力'));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// Whether `a` stands right above `b` on the screen (same display column, next row).
fn in_a_column(screen: &str, a: char, b: char) -> bool {
    let at = |row: &str, c: char| -> Vec<usize> {
        let mut x = 0;
        let mut out = Vec::new();
        for ch in row.chars() {
            if ch == c {
                out.push(x);
            }
            x += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        }
        out
    };
    let rows: Vec<&str> = screen.lines().collect();
    rows.windows(2).any(|w| at(w[0], a).iter().any(|x| at(w[1], b).contains(x)))
}
