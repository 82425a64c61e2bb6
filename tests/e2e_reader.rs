//! The real binary in a real terminal (tmux): open, navigate by section, quit cleanly.

mod common;

use common::{Tmux, text_part};

#[test]
fn opens_the_bundled_article_jumps_two_sections_and_quits() {
    let t = Tmux::start(&[], 100, 30);
    let screen = t.wait_text("青年驱动");
    // The outline pane lists the sections and the text pane starts with the title and lead.
    assert!(screen.contains("Contents"), "outline pane missing:\n{screen}");
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

#[test]
fn after_quitting_the_shell_is_usable_again() {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    t.type_text(&t.command_line(&[]));
    t.keys(&["Enter"]);
    t.wait_text("Contents");
    t.keys(&["q"]);
    t.wait_for("the shell prompt", |s| !s.contains("Contents"));
    // Cooked mode and echo are back: a typed command is echoed and runs.
    t.type_text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo; echo done-$((40+2))");
    t.keys(&["Enter"]);
    let s = t.wait_text("done-42");
    assert!(s.lines().any(|l| l.trim() == "icanon"), "terminal left in raw mode:\n{s}");
    assert!(s.lines().any(|l| l.trim() == "echo"), "echo left off:\n{s}");
}

#[test]
fn resizing_rewraps_and_a_narrow_window_hides_the_outline() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    t.resize(50, 30);
    // A screen captured between clearing and drawing is blank: wait for the text too.
    let s = t.wait_for("the outline to hide", |s| !s.contains("Contents") && s.contains("上海从"));
    for line in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 50, "{line:?}");
    }
    assert!(s.contains("上海从"), "the text is still shown:\n{s}");
    t.resize(100, 30);
    t.wait_text("Contents");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
