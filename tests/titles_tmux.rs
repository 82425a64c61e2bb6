//! Titles in the real binary in a real terminal (tmux): an official notice's title set over
//! two lines reads as one title in the text, the outline, the shelf and its bookmarks, and a
//! book's title page does not repeat the title and author the reader shows first.

mod common;

use common::{Tmux, text_part};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The outline pane's part of a row (left of the `│`).
fn outline_part(row: &str) -> &str {
    row.split_once('│').map_or("", |(o, _)| o)
}

#[test]
fn an_official_title_over_two_lines_is_set_together_and_listed_whole() {
    let t = Tmux::start(&["--from-start", &fixture("notice.txt")], 100, 30);
    let screen = t.wait_text("城市更新行动方案");
    let rows: Vec<&str> = screen.lines().map(|r| text_part(r).trim_end()).collect();
    assert_eq!(rows[..3], ["国务院办公厅关于印发", "《城市更新行动方案》的通知", ""], "{screen}");
    // The outline's first entry starts with the whole title: the first line and then the second.
    let first = screen.lines().map(outline_part).find(|o| o.contains("国务院办公厅")).expect("title entry");
    assert!(first.contains("国务院办公厅关于印发《城市"), "{screen}");
}

#[test]
fn an_official_title_over_two_lines_names_the_text_whole_on_the_shelf_and_in_its_bookmarks() {
    let mut t = Tmux::start(&["--from-start", &fixture("notice.txt")], 100, 30);
    t.wait_text("城市更新行动方案");
    t.keys(&["m"]);
    t.wait_text("bookmarked: ");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let title = "国务院办公厅关于印发《城市更新行动方案》的通知";
    let marks = std::fs::read_to_string(t.data_dir().join("bookmarks.toml")).expect("bookmarks file written");
    assert!(marks.contains(&format!("title = \"{title}\"")), "{marks}");
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);

    // Another text (the bundled article), then the shelf.
    let t = Tmux::start_in(home, &[], 100, 30);
    t.wait_text("Contents");
    t.keys(&["S"]);
    let screen = t.wait_text("shelf (2)");
    assert!(screen.contains(title), "the shelf lists the whole title:\n{screen}");
    // `yuedu shelf` lists it so too.
    let h = t.home();
    let out = std::process::Command::new(common::bin())
        .arg("shelf")
        .env("HOME", h)
        .env("XDG_STATE_HOME", h.join("state"))
        .env("XDG_CONFIG_HOME", h.join("config"))
        .env("XDG_DATA_HOME", h.join("data"))
        .output()
        .expect("yuedu shelf");
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(out.lines().any(|l| l.starts_with(&format!("{title}\t"))), "{out}");
}

#[test]
fn a_book_with_a_title_page_shows_its_title_and_author_once() {
    let book = format!("{}/tests/corpus/books/book-01-hulanhe.epub", env!("CARGO_MANIFEST_DIR"));
    let t = Tmux::start(&["--from-start", &book], 100, 30);
    let screen = t.wait_text("第一章");
    let rows: Vec<&str> = screen.lines().map(|r| text_part(r).trim()).filter(|r| !r.is_empty()).collect();
    assert_eq!(rows[..3], ["呼兰河传", "萧红", "第一章"], "{screen}");
}
