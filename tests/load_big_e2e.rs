//! The bench's generated novel (smaller here: ~6 MB, 2,000 chapters) in a real terminal:
//! the first page shows, `G` shows the end, and a jump through the outline lands on a late
//! chapter.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use common::{Tmux, text_part};

const CHAPTERS: usize = 2_000;

#[test]
fn a_big_novel_opens_ends_and_jumps_to_a_late_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    let text = bigtext::novel(6 << 20, CHAPTERS);
    std::fs::write(&path, &text).unwrap();
    let path = path.display().to_string();

    let t = Tmux::start(&[&path], 100, 30);
    let screen = t.wait_text("从布局国内首个大模型");
    assert!(screen.contains(bigtext::TITLE), "title on the first page:\n{screen}");
    assert!(screen.contains("第一章 "), "first chapter in view:\n{screen}");

    t.keys(&["G"]);
    // The file's end comes at once, `indexing` on the status line until the whole text is in.
    let screen = t.wait_for("the end, 100% read", |s| s.contains("全书完。") && s.contains("100%"));
    assert!(screen.contains("100%"), "the end is 100% read:\n{screen}");

    // Outline: Tab, G (last entry = the last chapter), three up, Enter.
    let target = bigtext::chapter_heading(CHAPTERS - 3);
    t.keys(&["Tab", "G", "k", "k", "k", "Enter"]);
    let screen = t.wait_for(&format!("{target} at the top of the text pane"), |s| {
        s.lines().next().is_some_and(|first| text_part(first).starts_with(&target))
    });
    assert!(screen.contains("第一千九百九十七章"), "{screen}");

    t.keys(&["Tab", "q"]);
    assert_eq!(t.wait_exit(), 0);
}
