//! Hardening: drawing at every terminal size, a resize storm in a real terminal, and a clean
//! terminal (cooked mode, main screen, cursor shown) with intact files after every way out.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Tmux, text_part};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;

fn draw(app: &App, w: u16, h: u16) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
}

/// Draws at every height 1-40 for the widths 1-200 with `w % 4 == state`, starting from one
/// of four states (0: the top of the article, 1: a middle section, 2: the end, 3: the help
/// over the text). Heights go up on odd widths and down on even ones, so resizes both grow
/// and shrink. The four states together cover every width and height once.
fn every_size_in_state(state: u16) {
    let mut app = App::new(Document::bundled(), Config::default(), 80, 24);
    match state {
        1 => app.update(Action::Section3),
        2 => app.update(Action::Bottom),
        3 => app.update(Action::Help),
        _ => {}
    }
    for w in (1..=200u16).filter(|w| w % 4 == state) {
        let heights: Vec<u16> = if w % 2 == 1 { (1..=40).collect() } else { (1..=40).rev().collect() };
        for h in heights {
            app.resize(w, h);
            assert!(app.top.block < app.doc.blocks.len(), "top {:?} out of the document at {w}x{h}", app.top);
            draw(&app, w, h);
        }
    }
}

#[test]
fn every_size_draws_at_the_top() {
    every_size_in_state(0);
}

#[test]
fn every_size_draws_in_a_middle_section() {
    every_size_in_state(1);
}

#[test]
fn every_size_draws_at_the_end() {
    every_size_in_state(2);
}

#[test]
fn every_size_draws_with_the_help_open() {
    every_size_in_state(3);
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

/// 100 random sizes in about 2 s, then a settled screen that is exactly right for the final
/// size: the first rows are `yuedu dump` at the text column's width, the outline is shown
/// exactly when that width allows it, and the status line is on the last row.
#[test]
fn a_resize_storm_ends_with_a_correct_screen() {
    let t = Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = Instant::now();
    for i in 0..100u32 {
        t.resize(1 + rng.next(200) as u16, 1 + rng.next(50) as u16);
        let due = start + Duration::from_millis(20 * u64::from(i + 1));
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
    }
    let (w, h) = (40 + rng.next(120) as u16, 10 + rng.next(30) as u16);
    t.resize(w, h);

    let panes = yuedu::app::geometry::panes(&Config::default(), Rect::new(0, 0, w, h), true, 28);
    let dump = common::stdout_of(&["dump", "--width", &panes.text.width.to_string()]);
    let expected: Vec<&str> = dump.lines().map(str::trim).take(usize::from(h) - 1).collect();
    let screen = t.wait_for(&format!("the first rows of `dump --width {}`", panes.text.width), |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() == usize::from(h) && rows.iter().zip(&expected).all(|(r, e)| text_part(r) == *e)
    });
    let rows: Vec<&str> = screen.lines().collect();
    for r in &rows {
        assert!(unicode_width::UnicodeWidthStr::width(*r) <= usize::from(w), "row wider than {w}: {r:?}");
    }
    assert_eq!(
        screen.contains("Contents"),
        panes.outline.is_some(),
        "outline state wrong at {w}x{h}:\n{screen}"
    );
    assert!(rows[usize::from(h) - 1].contains('%'), "no status line on the last row at {w}x{h}:\n{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// How the reader is made to exit.
#[derive(Debug, Clone, Copy)]
enum Exit {
    Quit,
    CtrlC,
    Term,
    Hup,
    Panic,
}

/// Starts the reader from a shell, saves a bookmark, makes it exit as `how`, and checks the
/// terminal (cooked mode and echo, main screen, cursor shown) and the files afterwards.
fn exits_cleanly(how: Exit) {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    let home = t.home().to_path_buf();
    let pid_file = home.join("pid");
    // The script records its pid, then becomes the reader (same pid).
    let panic_env = if matches!(how, Exit::Panic) { "YUEDU_TEST_PANIC=1 " } else { "" };
    let script = format!(
        "echo $$ > {}\nexec env {panic_env}{}\n",
        common::shell_quote(&pid_file.display().to_string()),
        t.command_line(&[])
    );
    std::fs::write(home.join("run.sh"), script).expect("write the script");
    t.type_text(&format!("sh {}", common::shell_quote(&home.join("run.sh").display().to_string())));
    t.keys(&["Enter"]);
    t.wait_text("Contents");
    let pid = std::fs::read_to_string(&pid_file).expect("pid file").trim().to_string();

    // A bookmark on the first quotation.
    let bookmarks = t.data_dir().join("bookmarks.toml");
    if !matches!(how, Exit::Panic) {
        t.keys(&[")", "m"]);
        wait_until("the bookmark to be saved", || {
            yuedu::store::bookmarks::Store::new(&bookmarks).load().is_ok_and(|b| b.len() == 1)
        });
    }
    let before = std::fs::read(&bookmarks).ok();

    match how {
        Exit::Quit => t.keys(&["q"]),
        Exit::CtrlC => t.keys(&["C-c"]),
        Exit::Term => signal(&pid, "TERM"),
        Exit::Hup => signal(&pid, "HUP"),
        Exit::Panic => t.keys(&["j"]),
    }
    wait_until("the reader to exit", || !alive(&pid));
    t.wait_for("the shell prompt", |s| !s.contains("Contents"));
    t.type_text("echo code-$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo; echo done-$((40+2))");
    t.keys(&["Enter"]);
    let s = t.wait_text("done-42");
    assert!(s.lines().any(|l| l.trim() == "icanon"), "{how:?}: terminal left in raw mode:\n{s}");
    assert!(s.lines().any(|l| l.trim() == "echo"), "{how:?}: echo left off:\n{s}");
    let flags = t.command(&["display", "-p", "#{alternate_on} #{cursor_flag}"]);
    assert_eq!(
        flags.trim(),
        "0 1",
        "{how:?}: alternate screen on or cursor hidden (alternate_on cursor_flag)"
    );
    match how {
        Exit::Quit | Exit::CtrlC => assert!(s.contains("code-0"), "{how:?}: exit status not 0:\n{s}"),
        Exit::Panic => {
            assert!(s.contains("code-101"), "a panic exits with 101:\n{s}");
            assert!(s.contains("YUEDU_TEST_PANIC"), "the panic message is shown on the main screen:\n{s}");
        }
        Exit::Term | Exit::Hup => {}
    }
    // The files are whole: the bookmark is there, nothing half-written is left behind.
    assert_eq!(std::fs::read(&bookmarks).ok(), before, "{how:?}: the bookmarks file changed after exit");
    check_files(&home, how);
}

/// Every file the reader wrote under `home` parses, and no temporary file is left.
fn check_files(home: &Path, how: Exit) {
    for dir in [home.join("data/yuedu"), home.join("state/yuedu")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".tmp"), "{how:?}: temporary file {name} left in {}", dir.display());
            if name.ends_with(".toml") {
                let text = std::fs::read_to_string(e.path()).expect("read");
                assert!(text.parse::<toml::Table>().is_ok(), "{how:?}: {name} is not valid TOML:\n{text}");
            }
        }
    }
    if !matches!(how, Exit::Panic) {
        let list = yuedu::store::bookmarks::Store::new(home.join("data/yuedu/bookmarks.toml")).load();
        assert_eq!(list.map(|b| b.len()).ok(), Some(1), "{how:?}: the bookmark is not in the file");
    }
}

fn signal(pid: &str, sig: &str) {
    let status = std::process::Command::new("kill").args([&format!("-{sig}"), pid]).status().expect("kill");
    assert!(status.success(), "kill -{sig} {pid} failed");
}

/// Whether process `pid` is still running (a zombie left to a parent that does not reap it
/// counts as ended).
fn alive(pid: &str) -> bool {
    if Path::new("/proc/self/stat").exists() {
        return std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|s| !s.rsplit(')').next().is_some_and(|r| r.trim_start().starts_with('Z')));
    }
    std::process::Command::new("kill")
        .args(["-0", pid])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn q_leaves_a_clean_terminal() {
    exits_cleanly(Exit::Quit);
}

#[test]
fn ctrl_c_leaves_a_clean_terminal() {
    exits_cleanly(Exit::CtrlC);
}

#[test]
fn sigterm_leaves_a_clean_terminal() {
    exits_cleanly(Exit::Term);
}

#[test]
fn sighup_leaves_a_clean_terminal() {
    exits_cleanly(Exit::Hup);
}

#[test]
fn a_panic_leaves_a_clean_terminal() {
    exits_cleanly(Exit::Panic);
}

/// Closing the terminal window under the reader: it exits (no spinning on a dead terminal)
/// and the bookmark it saved is still in the file.
#[test]
fn closing_the_window_ends_the_reader_and_keeps_the_bookmark() {
    let t = Tmux::shell(100, 30);
    t.wait_text("$");
    let home = t.home().to_path_buf();
    let pid_file = home.join("pid");
    let script = format!(
        "echo $$ > {}\nexec {}\n",
        common::shell_quote(&pid_file.display().to_string()),
        t.command_line(&[])
    );
    std::fs::write(home.join("run.sh"), script).expect("write the script");
    // A second window keeps the tmux server alive when the reader's window is closed.
    t.command(&["new-window", "-d", "-n", "spare"]);
    t.type_text(&format!("sh {}", common::shell_quote(&home.join("run.sh").display().to_string())));
    t.keys(&["Enter"]);
    t.wait_text("Contents");
    let pid = std::fs::read_to_string(&pid_file).expect("pid file").trim().to_string();
    t.keys(&[")", "m"]);
    let bookmarks = t.data_dir().join("bookmarks.toml");
    wait_until("the bookmark to be saved", || {
        yuedu::store::bookmarks::Store::new(&bookmarks).load().is_ok_and(|b| b.len() == 1)
    });
    t.command(&["kill-window", "-t", ":0"]);
    wait_until("the reader to exit after its terminal closed", || !alive(&pid));
    check_files(&home, Exit::Hup);
}
