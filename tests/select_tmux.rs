//! Selecting, copying and highlighting in the real binary in tmux, with tmux taking the
//! clipboard from the reader (`set-clipboard on`): what `y` sends arrives in tmux's paste
//! buffer, a highlight is listed with the bookmarks and exported.

mod common;

use std::time::{Duration, Instant};

use common::{Tmux, text_part};

/// Starts the reader on the bundled article with tmux accepting OSC 52 from it.
fn reader() -> Tmux {
    let t = Tmux::start(&[], 100, 30);
    t.command(&["set-option", "-s", "set-clipboard", "on"]);
    t.wait_text("青年驱动");
    t
}

/// Sends each key on its own, as a user types them.
fn type_keys(t: &Tmux, keys: &[&str]) {
    for k in keys {
        t.keys(&[k]);
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// tmux's newest paste buffer, once there is one.
fn wait_buffer(t: &Tmux) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let list = t.command(&["list-buffers"]);
        if !list.trim().is_empty() {
            return t.command(&["show-buffer"]);
        }
        assert!(Instant::now() < deadline, "no paste buffer:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn v_l_l_l_y_puts_exactly_four_characters_into_the_tmux_buffer() {
    let t = reader();
    let top = t.screen().lines().next().map(|l| text_part(l).trim().to_string()).unwrap_or_default();
    type_keys(&t, &["v", "l", "l", "l"]);
    t.wait_text("selected: 4 characters");
    type_keys(&t, &["y"]);
    t.wait_text("copied 4 characters");
    let copied = wait_buffer(&t);
    assert_eq!(copied.chars().count(), 4, "{copied:?}");
    // The first four characters of the top row.
    assert!(top.starts_with(&copied), "{copied:?} is not the start of {top:?}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_highlight_is_listed_with_the_bookmarks_and_exported() {
    let t = reader();
    // The second section: its first sentence, saved as a highlight.
    type_keys(&t, &["]"]);
    t.wait_for("section 1 at the top", |s| {
        s.lines().next().is_some_and(|l| text_part(l).starts_with("青年驱动"))
    });
    type_keys(&t, &["j", "j", "v", "."]);
    t.wait_text("selected:");
    type_keys(&t, &["m"]);
    t.wait_text("highlighted: 毗邻黄浦江");
    type_keys(&t, &["'"]);
    let list = t.wait_text("bookmarks (1)");
    assert!(list.contains("毗邻黄浦江，上海中心城区坐落着"), "{list}");
    assert!(list.contains("highlight ·"), "{list}");
    t.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(50));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    let out = std::process::Command::new(common::bin())
        .args(["bookmarks", "export"])
        .env("HOME", t.home())
        .env("XDG_DATA_HOME", t.home().join("data"))
        .env("XDG_CONFIG_HOME", t.home().join("config"))
        .env("XDG_STATE_HOME", t.home().join("state"))
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("YUEDU_CONFIG")
        .output()
        .expect("yuedu bookmarks export");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    // The sentence, no more: `.` stopped at its end.
    assert!(
        md.lines().any(|l| l == "> 毗邻黄浦江，上海中心城区坐落着我国首个大模型创新生态社区模速空间。"),
        "{md}"
    );
    assert!(md.contains("《青年驱动，未来产业跑出“加速度”》"), "{md}");
}

#[test]
fn a_mouse_drag_selects_and_y_copies_what_it_passed() {
    let t = reader();
    // Where the title starts on the first row (screen columns, 0-based).
    let first = t.screen().lines().next().unwrap_or_default().to_string();
    let at = first.find("上海从").expect("the title on the first row");
    let x = unicode_width::UnicodeWidthStr::width(&first[..at]) as u16;
    // What a terminal sends for a press, a drag and a release (SGR mouse, 1-based): from
    // 上 (two columns) over 海, 从 and “ (one column) to 建.
    t.type_text(&format!("\x1b[<0;{};1M", x + 1));
    std::thread::sleep(Duration::from_millis(50));
    t.type_text(&format!("\x1b[<32;{};1M", x + 8));
    std::thread::sleep(Duration::from_millis(50));
    t.type_text(&format!("\x1b[<0;{};1m", x + 8));
    t.wait_text("selected: 5 characters");
    type_keys(&t, &["y"]);
    t.wait_text("copied 5 characters");
    assert_eq!(wait_buffer(&t), "上海从“建");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
