//! Bookmarks in the real binary in a real terminal (tmux): select a quote, bookmark it,
//! quit, start again in the same home, find it in the list and jump to it.

mod common;

use common::{Tmux, text_part};

#[test]
fn a_bookmarked_quote_is_listed_after_a_restart_and_enter_jumps_to_it() {
    let mut t = Tmux::start(&[], 100, 30);
    t.wait_text("青年驱动");
    // Section 1, then the third quote from its top: “加速度”, “上下楼就是上下游”, 陈海慈's.
    t.keys(&["]"]);
    t.wait_for("section 1 at the top", |s| {
        s.lines().next().is_some_and(|l| text_part(l).starts_with("青年驱动"))
    });
    t.keys(&[")", ")", ")"]);
    t.wait_text("陈海慈 ·");
    t.keys(&["m"]);
    // The bookmarked passage carries a mark (waited for with the message: a frame may be
    // captured half drawn).
    t.wait_for("the message and the mark", |s| s.contains("bookmarked: 这里不仅汇聚了") && s.contains('▍'));
    let file = std::fs::read_to_string(t.data_dir().join("bookmarks.toml")).expect("bookmarks file written");
    assert!(file.contains("speaker = \"陈海慈\""), "{file}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);
    let t = Tmux::start_in(home, &[], 100, 30);
    t.wait_text("青年驱动");
    // Go to the end, away from the passage, so that Enter has to bring it back.
    t.keys(&["G"]);
    let screen = t.wait_text("席聪聪");
    assert!(!screen.contains('▍'), "the passage is off screen:\n{screen}");
    t.keys(&["'"]);
    let screen = t.wait_text("bookmarks (1)");
    assert!(screen.contains("这里不仅汇聚了整条产业链"), "{screen}");
    assert!(screen.contains("陈海慈"), "{screen}");
    t.keys(&["Enter"]);
    // The quote's row at the top, its mark beside it, the speaker in the status line.
    t.wait_for("the quote at the top, marked, its speaker named", |s| {
        let status = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
        s.lines().next().is_some_and(|l| text_part(l).contains('“'))
            && !s.contains("bookmarks (1)")
            && s.contains('▍')
            && status.contains("陈海慈")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_note_typed_in_chinese_is_saved_and_esc_cancels() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("青年驱动");
    t.keys(&["M"]);
    t.wait_text("note:");
    t.keys(&["Escape"]);
    t.wait_text("bookmark cancelled");
    assert!(!t.data_dir().join("bookmarks.toml").exists());
    t.keys(&["M"]);
    t.wait_text("note:");
    t.type_text("值得再读");
    t.wait_text("note: 值得再读");
    t.keys(&["Enter"]);
    t.wait_text("bookmarked:");
    let file = std::fs::read_to_string(t.data_dir().join("bookmarks.toml")).expect("bookmarks file");
    assert!(file.contains("note = \"值得再读\""), "{file}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_broken_bookmarks_file_is_reported_and_left_alone() {
    let t = Tmux::shell(120, 30);
    let dir = t.home().join("data/yuedu");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bookmarks.toml");
    let bytes = b"[[bookmark]]\nid = = 1\n";
    std::fs::write(&path, bytes).unwrap();
    t.type_text(&t.command_line(&[]));
    t.keys(&["Enter"]);
    // A long path is shortened to the file's name, so the reason stays visible.
    let s = t.wait_text("bookmarks.toml:2:");
    let status = s.lines().last().unwrap_or("");
    assert!(status.contains("extra `=`"), "the reason is visible:\n{s}");
    assert!(!status.contains(&t.home().display().to_string()), "the directories give way:\n{s}");
    t.keys(&["m"]);
    t.wait_text("not saved");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    // The list names the broken file instead of saying there are no bookmarks.
    t.keys(&["'"]);
    let s = t.wait_text("cannot use the bookmarks file");
    assert!(!s.contains("no bookmarks yet"), "{s}");
    t.keys(&["Escape"]);
    t.wait_for("the list to close", |s| !s.contains("cannot use the bookmarks file"));
    t.keys(&["j"]);
    t.keys(&["q"]);
    t.wait_text("$ ");
}
