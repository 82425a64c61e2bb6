//! Reading comfort in the real binary (tmux, 100 × 30): the text column's keys, quiet
//! mode, auto-scroll, the boss key and the settings panel's save.

mod common;

use common::{Tmux, text_part};
use unicode_width::UnicodeWidthStr;

/// A scratch home whose user config (`$XDG_CONFIG_HOME/yuedu/config.toml`) holds `text`.
fn home_with_config(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("config/yuedu");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("write");
    (home, path)
}

/// Esc sent alone, and a moment for the reader to take it (ESC and the next key sent
/// together read as Alt-key).
fn esc(t: &Tmux) {
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
}

fn status(s: &str) -> &str {
    s.lines().last().unwrap_or_default()
}

/// The text pane's rows (right of the outline's border), without the status line.
fn text_rows(s: &str) -> Vec<String> {
    let rows: Vec<&str> = s.lines().collect();
    rows[..rows.len().saturating_sub(1)].iter().map(|r| text_part(r).to_string()).collect()
}

/// The column the status line says the text has after `+` / `-`.
fn column_said(s: &str) -> u16 {
    let said = status(s).split("text column: ").nth(1).unwrap_or_default();
    said.split(' ').next().unwrap_or_default().parse().unwrap_or_else(|_| panic!("no column in:\n{s}"))
}

#[test]
fn tmux_plus_twice_then_minus_re_wraps_and_keeps_the_first_character_in_view() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    // Into the middle of a paragraph of the first section, then a narrower column so that
    // `+` has room.
    t.keys(&["]"]);
    for _ in 0..4 {
        t.keys(&["j"]);
    }
    for _ in 0..3 {
        t.keys(&["-"]);
    }
    let s = t.wait_for("three steps narrower", |s| status(s).contains("text column: "));
    std::thread::sleep(std::time::Duration::from_millis(300));
    let narrow = column_said(&t.screen());
    // A row on: this view is where `+ + -` starts.
    t.keys(&["j"]);
    let s0 = t.wait_for("a row on", |s| !status(s).contains("text column: "));
    let first: String = text_rows(&s0)[0].trim_start_matches('\u{3000}').chars().take(4).collect();
    assert_eq!(first.chars().count(), 4, "{s}");
    t.keys(&["+"]);
    t.wait_for("two columns wider", |s| status(s).contains(&format!("text column: {} ", narrow + 2)));
    t.keys(&["+"]);
    t.wait_for("four columns wider", |s| status(s).contains(&format!("text column: {} ", narrow + 4)));
    t.keys(&["-"]);
    let s1 = t.wait_for("two columns back", |s| status(s).contains(&format!("text column: {} ", narrow + 2)));
    let rows = text_rows(&s1);
    // Re-wrapped: no row is wider than the column, and some row uses the new room.
    let widest = rows.iter().map(|r| r.width()).max().unwrap_or(0);
    assert!(widest <= usize::from(narrow + 2), "{s1}");
    assert!(widest > usize::from(narrow), "re-wrapped to the wider column:\n{s1}");
    // The character that was first in view is still on the first row.
    let top: String = rows[..2].concat();
    let c = first.chars().next().unwrap_or(' ');
    assert!(rows[0].contains(c) && top.contains(&first), "{first}:\n{s0}\n{s1}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_z_hides_the_outline_and_the_status_line_and_z_brings_them_back() {
    let t = Tmux::start(&[], 100, 30);
    let s = t.wait_text("? help");
    assert!(s.contains("Contents"));
    t.keys(&["z"]);
    // Only the text: no outline, no border, no status line (waited for whole: a capture may
    // fall between two writes of one frame).
    t.wait_for("only the text", |s| {
        !s.contains("Contents") && !s.contains("? help") && !s.contains('│') && s.contains("上海从“建框架”")
    });
    t.keys(&["z"]);
    t.wait_for("the outline and the status line back", |s| s.contains("Contents") && s.contains("? help"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_auto_scroll_moves_and_stops_at_the_end() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&["G"]);
    let end = t.wait_for("the end", |s| status(s).contains("100%"));
    let end_rows = text_rows(&end);
    for _ in 0..3 {
        t.keys(&["k"]);
    }
    // The fastest speed, then on.
    for _ in 0..5 {
        t.keys(&[">"]);
    }
    let before = t.wait_for("the speed", |s| status(s).contains("speed 10/10"));
    assert_ne!(text_rows(&before), end_rows, "three rows above the end");
    t.keys(&["A"]);
    let s = t.wait_for("auto-scroll to reach the end", |s| {
        status(s).contains("auto-scroll stopped at the end of the text")
    });
    assert_eq!(text_rows(&s), end_rows, "it moved to the last row and stopped there:\n{s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_the_boss_key_hides_every_character_of_the_text_and_a_key_brings_it_back() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&["]"]);
    let reading = t.wait_for("the first section", |s| status(s).contains("青年驱动"));
    t.keys(&["C-b"]);
    // (Waited for whole: a capture may fall between two writes of one frame.)
    let boss = t.wait_for("the boss screen with no character of the text", |s| {
        s.contains("cargo build") && s.is_ascii()
    });
    assert!(!boss.contains("Contents") && !boss.contains("help"), "{boss}");
    t.keys(&["x"]);
    t.wait_for("the text back at the same place", |s| s == reading);
    // From a prompt too, which is there again after.
    t.keys(&["/"]);
    t.type_text("算力");
    t.wait_for("the search prompt", |s| status(s).contains("/算力"));
    t.keys(&["C-b"]);
    t.wait_for("the boss screen over the prompt", |s| s.contains("cargo build") && s.is_ascii());
    t.keys(&["x"]);
    t.wait_for("the prompt back", |s| status(s).contains("/算力") && !s.contains("cargo build"));
    esc(&t);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_settings_panel_width_change_is_saved_into_config_toml_keeping_its_comments() {
    let old =
        "# my reader\n\n[layout]\n# a narrow column, like a newspaper's\nmax_text_width = 50 # columns\n";
    let (home, path) = home_with_config(old);
    let t = Tmux::start_in(home, &[], 100, 30);
    t.wait_text("? help");
    t.keys(&[","]);
    t.wait_for("the settings panel", |s| s.contains("text width") && s.contains("50 columns"));
    t.keys(&["Right"]);
    t.wait_for("the new width in the panel", |s| s.contains("52 columns"));
    t.keys(&["s"]);
    t.wait_for("the save", |s| status(s).contains("settings saved to"));
    let new = std::fs::read_to_string(&path).expect("read");
    assert_eq!(new, old.replace("= 50", "= 52"));
    // Esc closes the panel; the text shows the wider column behind it.
    esc(&t);
    let widest = |s: &str| text_rows(s).iter().map(|r| r.width()).max().unwrap_or(0);
    t.wait_for("the panel closed over a 52-column text", |s| {
        !s.contains("text width") && widest(s) > 50 && widest(s) <= 52
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_boss_command_runs_in_the_terminal_and_the_reader_comes_back_when_it_ends() {
    let (home, _) =
        home_with_config("[boss]\ncommand = \"printf 'quarterly-report.xlsx saved\\\\n'; read line\"\n");
    let t = Tmux::start_in(home, &[], 100, 30);
    t.wait_text("? help");
    t.keys(&["]"]);
    let reading = t.wait_for("the first section", |s| status(s).contains("青年驱动"));
    t.keys(&["C-b"]);
    t.wait_for("the command's output on the shell's screen", |s| {
        s.contains("quarterly-report.xlsx saved") && s.is_ascii()
    });
    assert_eq!(t.command(&["display", "-p", "#{alternate_on}"]).trim(), "0", "out of full screen");
    t.keys(&["Enter"]);
    t.wait_for("the reader back at the same place", |s| s == reading);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn tmux_the_panel_changes_the_language_at_once_behind_it() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("? help");
    t.keys(&[","]);
    t.wait_text("language");
    for _ in 0..6 {
        t.keys(&["j"]);
    }
    // auto → English → 中文.
    t.keys(&["Right"]);
    t.wait_text("◂ English ▸");
    t.keys(&["Right"]);
    let s =
        t.wait_for("the panel and the outline in Chinese", |s| s.contains("界面语言") && s.contains("目录"));
    assert!(!s.contains("Contents"), "{s}");
    esc(&t);
    t.wait_for("the panel closed, the help hint in Chinese", |s| {
        !s.contains("界面语言") && status(s).contains("? 帮助")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
