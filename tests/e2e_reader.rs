//! The real binary in a real terminal (tmux): open, navigate by section, quit cleanly.

mod common;

use common::{Tmux, text_part};

#[test]
fn opens_the_bundled_article_jumps_two_sections_and_quits() {
    let t = Tmux::start(&[], 100, 30);
    let screen = t.wait_text("青年驱动");
    // The outline pane lists the sections and the text pane starts with the title and lead.
    assert!(screen.contains("目录"), "outline pane missing:\n{screen}");
    assert!(screen.contains("产学研用融合"), "outline entries missing:\n{screen}");
    assert!(screen.contains("从布局国内首个大模型创新生态社区"), "first paragraph missing:\n{screen}");
    t.keys(&["]", "]"]);
    let screen = t.wait_for("创新策源 at the top of the text pane", |s| {
        s.lines().next().is_some_and(|first| text_part(first).starts_with("创新策源"))
    });
    assert!(screen.contains("上海市科委副主任屈炜"), "section text missing:\n{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
