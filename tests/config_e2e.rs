//! A user config.toml in the real binary in a real terminal (tmux): the keys, the hints and
//! the colours on screen are the user's.

mod common;

use common::Tmux;

/// A reader in tmux whose `$XDG_CONFIG_HOME/yuedu/config.toml` is `config`.
fn start_with(config: &str, args: &[&str]) -> Tmux {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("config").join("yuedu");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), config).expect("write config");
    Tmux::start_in(home, args, 100, 30)
}

#[test]
fn the_users_keys_work_and_the_hints_show_them() {
    let t = start_with("[keys]\nhelp = [\"h\"]\nquit = [\"x\"]\n[layout]\noutline_side = \"right\"\n", &[]);
    let screen = t.wait_text("h help");
    // The outline is on the right: its title sits past the middle of the first row.
    let first = screen.lines().next().unwrap_or_default();
    let col = first.find("Contents").map(|b| first[..b].chars().count()).unwrap_or(0);
    assert!(col > 50, "outline title at column {col}:\n{screen}");
    // `?` no longer opens the help (were it open, `]` would only close it), `h` does.
    t.keys(&["?"]);
    t.keys(&["]"]);
    t.wait_for("the next section", |s| s.lines().last().unwrap_or_default().contains("青年驱动"));
    t.keys(&["h"]);
    // The whole overlay (a screen may be caught half drawn).
    let help = t.wait_for("the help", |s| s.contains("┌ keys") && s.contains("Show or hide this help"));
    let line = help.lines().find(|l| l.contains("Show or hide this help")).unwrap_or_default();
    let keys = line.split("Show or hide this help").next().unwrap_or_default().trim_end();
    assert!(keys.ends_with(" h") || keys.ends_with("│h"), "the help key shown is not h: {line}");
    t.keys(&["Escape"]);
    t.wait_for("the help closes", |s| !s.contains("┌ keys"));
    // `q` no longer quits; `x` does.
    t.keys(&["q"]);
    t.keys(&["x"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn theme_colours_reach_the_terminal() {
    let t = start_with("[theme]\nstatus = { fg = 196, bg = 21 }\n", &[]);
    t.wait_text("? help");
    let escaped =
        t.wait_for_escaped("the status colours", |s| s.contains("38;5;196") && s.contains("48;5;21"));
    assert!(escaped.contains("38;5;196"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_broken_user_file_stops_before_full_screen() {
    let t = start_with("[keys]\nline_down = [\"j\", \"Dwn\"]\n", &[]);
    assert_eq!(t.wait_exit(), 2);
    // The one line wraps at the pane's width.
    let screen = t.screen().replace('\n', "");
    assert!(screen.contains("config.toml:2:19: unknown key name \"Dwn\" for keys.line_down"), "{screen}");
    assert!(screen.contains("did you mean \"Down\"?)__EXIT_2__"), "{screen}");
}

#[test]
fn no_color_drops_the_colours_and_keeps_the_modifiers() {
    let t = Tmux::shell(100, 30);
    let dir = t.home().join("config").join("yuedu");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("config.toml"),
        "[theme]\nstatus = { fg = 196, bg = 21, modifiers = [\"underlined\"] }\n",
    )
    .expect("write config");
    t.wait_text("$");
    t.type_text(&format!("NO_COLOR=1 {}", t.command_line(&[])));
    t.keys(&["Enter"]);
    t.wait_text("? help");
    // The status line is underlined (SGR 4) and has none of the configured colours.
    let escaped = t.wait_for_escaped("the underlined status line", |s| {
        s.lines().last().is_some_and(|l| l.contains("\u{1b}[4m") || l.contains(";4m") || l.contains("[4;"))
    });
    assert!(!escaped.contains("38;5;196") && !escaped.contains("48;5;21"), "{escaped}");
    t.keys(&["q"]);
}
