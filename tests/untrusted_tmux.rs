//! Untrusted input in a real terminal (tmux): escape sequences in a text or a bookmarks file
//! never reach the terminal, tabs and controls are shown, a resize storm never panics,
//! Ctrl-z suspends and `fg` resumes, and a paste arrives whole.

mod common;

use common::{Tmux, shell_quote};

/// Text that tries what an attacker would: OSC 52 (clipboard), OSC 2 (window title), SGR,
/// shift-out (line drawing), C1 CSI, a bidi override and many vertical tabs.
fn injection() -> String {
    format!(
        "标题\n\n第一段\u{1b}]52;c;cHduZWQ=\u{7}正文\u{1b}]2;pwned-title\u{7}继续\u{1b}[31m红\u{e}字\u{9b}2J尾\u{202e}反\n{}末\n",
        "\u{b}".repeat(40)
    )
}

fn state(t: &Tmux) -> (String, String) {
    (t.command(&["list-buffers"]), t.command(&["display", "-p", "#{pane_title}"]))
}

#[test]
fn dump_and_bookmarks_export_of_an_injection_file_leave_clipboard_and_title_alone() {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    t.command(&["set", "-g", "set-clipboard", "on"]);
    t.command(&["set", "-g", "allow-rename", "on"]);
    let dir = t.home().to_path_buf();
    let file = dir.join("inject.txt");
    std::fs::write(&file, injection()).expect("write");
    // A bookmark whose stored quote, note and title hold the same sequences.
    let marks = dir.join("marks.toml");
    let quote = injection().replace('\n', " ");
    let bm = toml::toml! {
        [[bookmark]]
        id = "1"
        article = "x"
        title = "t\u{1b}]2;pwned-title\u{7}"
        quote = quote
        note = "\u{1b}]52;c;cHduZWQ=\u{7}"
        line = 1
        start = 0
        end = 1
        created = "2026-01-01T00:00:00Z"
    };
    std::fs::write(&marks, toml::to_string(&bm).expect("toml")).expect("write");
    let before = state(&t);
    let f = shell_quote(&file.display().to_string());
    let m = shell_quote(&marks.display().to_string());
    let cmd = t.command_line(&[]);
    for (n, args) in [
        format!("dump --width 30 {f}"),
        format!("outline {f}"),
        format!("quotes {f}"),
        format!("--bookmarks-file {m} bookmarks export"),
        format!("--bookmarks-file {m} bookmarks --all"),
        // An error message naming a file whose name is an escape sequence.
        "dump --width 30 $'\\e]2;pwned-title\\a\\e]52;c;cHduZWQ=\\a'".to_string(),
    ]
    .iter()
    .enumerate()
    {
        t.type_text(&format!("{cmd} {args}; echo done-{n}-$((40+2))"));
        t.keys(&["Enter"]);
        t.wait_text(&format!("done-{n}-42"));
    }
    let s = t.screen();
    assert!(s.contains("^[]2;pwned-title^G"), "the sequence is shown as text:\n{s}");
    assert_eq!(state(&t), before, "the tmux buffer list or the pane title changed");
    assert_eq!(t.command(&["display", "-p", "#{alternate_on}"]).trim(), "0");
}

#[test]
fn a_tab_file_shows_every_character() {
    let home = tempfile::tempdir().expect("tempdir");
    let file = home.path().join("tabs.txt");
    std::fs::write(&file, "表格\n\n姓名\t年龄\t城市\n张三\t30\t上海\na\u{7}b\u{1b}c\u{8}d\n").expect("write");
    let path = file.display().to_string();
    let t = Tmux::start_in(home, &[&path], 100, 30);
    let s = t.wait_text("城市");
    for want in ["姓名    年龄    城市", "张三    30  上海", "a^Gb^[c^Hd"] {
        assert!(s.contains(want), "{want:?} not shown:\n{s}");
    }
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// A small deterministic pseudo-random sequence (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// 400 random sizes (1×1 among them), each followed by a key, ten times: the reader never
/// panics (a panic exits with 101) and still quits normally.
#[test]
fn a_resize_storm_with_keys_never_panics() {
    let keys = ["j", "k", "Space", "b", "Tab", "o", "?", "G", "g", "f", "n", ")", "(", "1", "/", "Enter"];
    for run in 0..10u64 {
        let t = Tmux::start(&[], 100, 30);
        t.wait_text("Contents");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (run + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
        for i in 0..400 {
            let (w, h) =
                if i % 97 == 0 { (1, 1) } else { (1 + rng.next(200) as u16, 1 + rng.next(50) as u16) };
            t.resize(w, h);
            t.keys(&[keys[rng.next(keys.len() as u64) as usize]]);
        }
        t.resize(100, 30);
        // Out of whatever overlay, prompt or focus the keys left: Escape closes one level
        // (it never quits); then `q` quits.
        for _ in 0..3 {
            t.keys(&["Escape"]);
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        t.keys(&["q"]);
        assert_eq!(t.wait_exit(), 0, "run {run}: the reader did not quit normally");
    }
}

/// Ctrl-z gives the shell a usable terminal, `fg` brings the reader back working; the
/// same with `kill -TSTP`.
#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    t.type_text(&t.command_line(&[]));
    t.keys(&["Enter"]);
    t.wait_text("Contents");
    for round in 0..2 {
        if round == 0 {
            t.keys(&["C-z"]);
        } else {
            // The reader is the shell's only child (env execs it).
            let shell = t.command(&["display", "-p", "#{pane_pid}"]);
            let out = std::process::Command::new("pgrep").args(["-P", shell.trim()]).output().expect("pgrep");
            let reader = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(!reader.is_empty() && !reader.contains('\n'), "one reader process: {reader:?}");
            let status = std::process::Command::new("kill").args(["-TSTP", &reader]).status().expect("kill");
            assert!(status.success(), "kill -TSTP {reader}");
        }
        t.wait_for("the shell after suspending", |s| !s.contains("Contents") && s.contains("$"));
        t.type_text(&format!(
            "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo; echo done-{round}-$((40+2))"
        ));
        t.keys(&["Enter"]);
        let s = t.wait_text(&format!("done-{round}-42"));
        assert!(s.lines().any(|l| l.trim() == "icanon"), "suspended reader left raw mode on:\n{s}");
        assert_eq!(t.command(&["display", "-p", "#{alternate_on}"]).trim(), "0");
        t.type_text("fg");
        t.keys(&["Enter"]);
        t.wait_text("Contents");
        // Raw mode is back: `?` opens the help at once, without Enter and without echo.
        t.keys(&["?"]);
        t.wait_text("keys");
        t.keys(&["Escape"]);
        t.wait_for("the help to close", |s| !s.contains("any key closes"));
    }
    t.keys(&["q"]);
    t.wait_for("the shell", |s| !s.contains("Contents"));
}

/// A 100 KB paste with a newline and a `q` in it arrives in the search prompt as text: the
/// reader does not quit, and the prompt ends with the last pasted characters.
#[test]
fn a_large_paste_arrives_whole_in_the_prompt() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    let text = format!("上海{}Z\nq", "a".repeat(100_000));
    let file = t.home().join("paste.txt");
    std::fs::write(&file, &text).expect("write");
    t.command(&["load-buffer", &file.display().to_string()]);
    t.keys(&["/"]);
    t.command(&["paste-buffer", "-p"]);
    let s =
        t.wait_for("the pasted text in the prompt", |s| s.lines().last().is_some_and(|l| l.contains("aZ q")));
    assert!(s.contains("Contents"), "the reader is still running:\n{s}");
    // Escape alone (ESC followed at once by `q` would read as Alt-q).
    t.keys(&["Escape"]);
    // Esc and q sent together read as Alt-q: wait for the prompt to close first.
    t.wait_for("the prompt to close", |s| s.lines().last().is_some_and(|l| !l.contains("aZ q")));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_window_title_names_the_text_cleaned_and_gives_the_terminal_its_own_back() {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    let title = || t.command(&["display", "-p", "#{pane_title}"]).trim().to_string();
    t.type_text("printf '\\033]2;before\\007'; clear");
    t.keys(&["Enter"]);
    t.wait_for("the shell's title", |_| title() == "before");
    // A file name that tries to end the title's sequence and set another.
    let file = t.home().join("名\u{1b}]2;pwned\u{7}.txt");
    std::fs::write(&file, "标题\n\n　　正文。\n").expect("write");
    let dir = shell_quote(&t.home().display().to_string());
    t.type_text(&format!("{} {dir}/$'名\\e]2;pwned\\a.txt'", t.command_line(&[])));
    t.keys(&["Enter"]);
    t.wait_text("正文");
    t.wait_for("the text's title", |_| title() == "名^[]2;pwned^G.txt — yuedu");
    // The boss screen keeps nothing of the text in the title.
    t.keys(&["C-b"]);
    t.wait_for("the shell's title on the boss screen", |_| title() == "before");
    t.keys(&["x"]);
    t.wait_for("the text's title again", |_| title().ends_with("— yuedu"));
    t.keys(&["q"]);
    t.wait_for("the shell's title after quitting", |_| title() == "before");
}
