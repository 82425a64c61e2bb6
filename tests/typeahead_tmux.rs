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

#[test]
fn a_search_typed_at_once_is_typed_in_order_chinese_included() {
    let (_dir, path) = novel();
    for start in 1..=STARTS {
        let t = Tmux::start(&[&path], 100, 30);
        // `/`, the words (UTF-8), Enter: only in this order do they find the text's last
        // words, which nothing before its end holds.
        t.keys(&["/"]);
        t.keys(&["-l", "全书完"]);
        t.keys(&["Enter"]);
        // The prompt closed by Enter (an Enter typed while the reader started is Enter, not
        // Ctrl-j), the one match found and shown.
        let s = t.wait_for(&format!("start {start}: the search typed at once to find the end"), |s| {
            let status = s.lines().last().unwrap_or("");
            s.contains("全书完。") && status.contains("1/1") && status.contains("? help")
        });
        t.keys(&["q"]);
        assert_eq!(t.wait_exit(), 0, "start {start}:\n{s}");
    }
}
