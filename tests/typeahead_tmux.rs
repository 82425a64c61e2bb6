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

/// Starts the reader on the novel [`STARTS`] times, each time sending `sends` (one
/// `send-keys` each) at once, then waiting until `done` holds for the screen (`what`); then
/// it must have exited, or `q` ends it, with status 0.
fn each_start(sends: &[&[&str]], what: &str, done: impl Fn(&str) -> bool) {
    let (_dir, path) = novel();
    for start in 1..=STARTS {
        // The default config (no file): the background is asked.
        let t = Tmux::start(&[&path], 100, 30);
        for keys in sends {
            t.keys(keys);
        }
        let s = t.wait_for(&format!("start {start}: {what}"), &done);
        if !s.contains("__EXIT_") {
            t.keys(&["q"]);
        }
        assert_eq!(t.wait_exit(), 0, "start {start}:\n{s}");
    }
}

#[test]
fn q_typed_at_once_ends_the_reader() {
    each_start(&[&["q"]], "the reader to exit on q typed at once", |s| s.contains("__EXIT_"));
}

#[test]
fn g_typed_at_once_shows_the_end_of_the_text() {
    each_start(&[&["G"]], "the end of the text after G typed at once", |s| {
        s.contains("全书完。") && s.contains("100%")
    });
}

#[test]
fn a_search_typed_at_once_is_typed_in_order_chinese_included() {
    // `/`, the words (UTF-8), Enter: only in this order do they find the text's last words,
    // which nothing before its end holds. The prompt is closed by Enter (an Enter typed
    // while the reader started is Enter, not Ctrl-j), the one match found and shown.
    each_start(
        &[&["/"], &["-l", "全书完"], &["Enter"]],
        "the search typed at once to find the end",
        |s| {
            let status = s.lines().last().unwrap_or("");
            s.contains("全书完。") && status.contains("1/1") && status.contains("? help")
        },
    );
}
