//! Keys typed while the reader starts, in a real terminal: with no config file the reader
//! asks the terminal for its background before it takes the screen, and keys sent at once
//! (before the first frame, often before the process reads anything) must still be acted
//! on, in order. Whether they reach the question's reading depends on timing, so each case
//! starts the reader several times.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use common::Tmux;

/// How many times each case starts the reader afresh.
const STARTS: usize = 5;

/// A generated novel of about a megabyte (its end: `全书完。`), in a directory kept while
/// the test runs.
fn novel() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(1 << 20, 50)).unwrap();
    let path = path.display().to_string();
    (dir, path)
}

#[test]
fn q_typed_at_once_ends_the_reader() {
    let (_dir, path) = novel();
    for start in 1..=STARTS {
        // The default config (no file): the background is asked.
        let t = Tmux::start(&[&path], 100, 30);
        t.keys(&["q"]);
        let s = t.wait_for(&format!("start {start}: the reader to exit on q typed at once"), |s| {
            s.contains("__EXIT_")
        });
        assert_eq!(t.wait_exit(), 0, "start {start}:\n{s}");
    }
}

#[test]
fn g_typed_at_once_shows_the_end_of_the_text() {
    let (_dir, path) = novel();
    for start in 1..=STARTS {
        let t = Tmux::start(&[&path], 100, 30);
        t.keys(&["G"]);
        let s = t.wait_for(&format!("start {start}: the end of the text after G typed at once"), |s| {
            s.contains("全书完。") && s.contains("100%")
        });
        t.keys(&["q"]);
        assert_eq!(t.wait_exit(), 0, "start {start}:\n{s}");
    }
}
