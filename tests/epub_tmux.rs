//! An EPUB book in the real binary in a real terminal (tmux): `:3` goes to its third
//! chapter, `)` `m` bookmarks a quote, and after a restart the reader resumes there and
//! lists the bookmark.

mod common;

use common::{Tmux, text_part};

#[test]
fn a_book_goes_to_its_third_chapter_bookmarks_a_quote_and_resumes() {
    let books = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/books");
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("三国.epub");
    std::fs::copy(books.join("book-02-sanguo.epub"), &book).unwrap();
    let path = book.to_str().unwrap();

    let mut t = Tmux::start(&[path], 100, 30);
    t.wait_text("第一回 宴桃园豪杰三结义");
    t.keys(&[":"]);
    t.type_text("3");
    t.keys(&["Enter"]);
    t.wait_for("第三回 at the top of the text pane", |s| {
        s.lines().next().is_some_and(|first| text_part(first).starts_with("第三回 议温明董卓叱丁原"))
    });
    t.keys(&[")"]);
    t.wait_for("a quote selected", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).is_some_and(|l| l.contains("quote "))
    });
    t.keys(&["m"]);
    t.wait_text("bookmarked: ");
    let file = std::fs::read_to_string(t.data_dir().join("bookmarks.toml")).expect("bookmarks file written");
    assert!(file.contains("title = \"三国演义\""), "the book's title names it:\n{file}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    // The shelf names the book by its title.
    let places = std::fs::read_to_string(t.home().join("state/yuedu/positions.toml")).expect("place saved");
    assert!(places.contains("title = \"三国演义\""), "{places}");

    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);
    let t = Tmux::start_in(home, &[path], 100, 30);
    let screen = t.wait_text("resumed · 第三回");
    assert!(
        screen.lines().next().is_some_and(|first| text_part(first).starts_with("第三回 议温明董卓叱丁原")),
        "{screen}"
    );
    t.keys(&["'"]);
    let screen = t.wait_text("bookmarks (1)");
    assert!(screen.contains("第三回"), "the bookmark's section is listed:\n{screen}");
    t.keys(&["Escape"]);
    // Esc and the next key apart, or the terminal reads them as Alt-q.
    t.wait_for("the list closed", |s| !s.contains("bookmarks (1)"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
