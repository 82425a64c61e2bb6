//! Shared helpers for the end-to-end tests: the real `yuedu` binary in a real terminal
//! (tmux), with its own socket and its own XDG directories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Path of the built binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_yuedu")
}

/// A scratch home for commands run without a terminal, so that a developer's own
/// config, bookmarks and reading positions never change a test's result.
fn isolated_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("tempdir")).path()
}

/// Runs `yuedu ARGS` without a terminal (in a scratch home, in an English locale) and
/// returns its output.
pub fn run(args: &[&str]) -> Output {
    run_env(&[], args)
}

/// [`run`] with environment settings after the usual ones (`("LANG", "zh_CN.UTF-8")`).
pub fn run_env(env: &[(&str, &str)], args: &[&str]) -> Output {
    let h = isolated_home();
    Command::new(bin())
        .args(args)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("LC_MESSAGES")
        .envs(env.iter().copied())
        .env("HOME", h)
        .env("XDG_CONFIG_HOME", h.join("config"))
        .env("XDG_DATA_HOME", h.join("data"))
        .env("XDG_STATE_HOME", h.join("state"))
        .env_remove("YUEDU_CONFIG")
        .output()
        .expect("run yuedu")
}

/// Standard output of a run that must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "yuedu {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A tmux server of its own running one command in a window of a given size.
pub struct Tmux {
    socket: String,
    /// Scratch directory used as HOME and XDG base for the reader.
    pub home: tempfile::TempDir,
    /// `NAME=VALUE` settings after the usual ones (so they override them).
    env: Vec<String>,
}

impl Tmux {
    /// Starts `yuedu ARGS` in a `width` × `height` terminal with fresh XDG directories.
    pub fn start(args: &[&str], width: u16, height: u16) -> Tmux {
        let home = tempfile::tempdir().expect("tempdir");
        Tmux::start_in(home, args, width, height)
    }

    /// Like [`Tmux::start`] with a given home directory (to keep files across runs).
    pub fn start_in(home: tempfile::TempDir, args: &[&str], width: u16, height: u16) -> Tmux {
        Tmux::start_with_env(home, &[], args, width, height)
    }

    /// Like [`Tmux::start_in`] with environment settings (`("LANG", "zh_CN.UTF-8")`) after
    /// the usual ones, which they override.
    pub fn start_with_env(
        home: tempfile::TempDir,
        env: &[(&str, &str)],
        args: &[&str],
        width: u16,
        height: u16,
    ) -> Tmux {
        let socket = format!("yuedu-test-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let env = env.iter().map(|(k, v)| format!("{k}={}", shell_quote(v))).collect();
        let t = Tmux { socket, home, env };
        t.spawn(args, width, height);
        t
    }

    fn env_prefix(&self) -> String {
        let h = self.home.path().display();
        let mut prefix = format!(
            "env HOME={h} XDG_DATA_HOME={h}/data XDG_STATE_HOME={h}/state XDG_CONFIG_HOME={h}/config \
             TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8"
        );
        for setting in &self.env {
            prefix.push(' ');
            prefix.push_str(setting);
        }
        prefix
    }

    fn spawn(&self, args: &[&str], width: u16, height: u16) {
        let mut cmd = format!("{} {}", self.env_prefix(), shell_quote(bin()));
        for a in args {
            cmd.push(' ');
            cmd.push_str(&shell_quote(a));
        }
        // Keep the pane after the program exits so its last screen can still be read.
        let status = self
            .tmux()
            .args(["new-session", "-d", "-x", &width.to_string(), "-y", &height.to_string()])
            .arg(format!("{cmd}; echo __EXIT_$?__; sleep 30"))
            .status()
            .expect("tmux new-session");
        assert!(status.success(), "tmux new-session failed");
    }

    /// Starts an interactive shell instead of the reader (to run several commands).
    pub fn shell(width: u16, height: u16) -> Tmux {
        let home = tempfile::tempdir().expect("tempdir");
        let socket = format!("yuedu-test-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let t = Tmux { socket, home, env: Vec::new() };
        let status = t
            .tmux()
            .args(["new-session", "-d", "-x", &width.to_string(), "-y", &height.to_string()])
            .arg("env PS1='$ ' bash --norc --noprofile")
            .status()
            .expect("tmux new-session");
        assert!(status.success());
        t
    }

    /// The environment prefix and binary, for typing into a shell started by [`Tmux::shell`].
    pub fn command_line(&self, args: &[&str]) -> String {
        let mut cmd = format!("{} {}", self.env_prefix(), shell_quote(bin()));
        for a in args {
            cmd.push(' ');
            cmd.push_str(&shell_quote(a));
        }
        cmd
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    /// Sends keys (tmux key names such as `q`, `Enter`, `C-d`, or literal text with `-l`).
    pub fn keys(&self, keys: &[&str]) {
        let status = self.tmux().arg("send-keys").args(keys).status().expect("tmux send-keys");
        assert!(status.success());
    }

    /// Sends literal text.
    pub fn type_text(&self, text: &str) {
        let status = self.tmux().args(["send-keys", "-l", text]).status().expect("tmux send-keys");
        assert!(status.success());
    }

    /// Resizes the window.
    pub fn resize(&self, width: u16, height: u16) {
        let status = self
            .tmux()
            .args(["resize-window", "-x", &width.to_string(), "-y", &height.to_string()])
            .status()
            .expect("tmux resize-window");
        assert!(status.success());
    }

    /// Runs any tmux command on this server (e.g. `display -p '#{alternate_on}'`) and
    /// returns its standard output.
    pub fn command(&self, args: &[&str]) -> String {
        let out = self.tmux().args(args).output().expect("tmux command");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p"]).output().expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    pub fn screen_escaped(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-e"]).output().expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Like [`Tmux::wait_for`] on the screen with escape sequences.
    pub fn wait_for_escaped(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen_escaped();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `pred` holds for the screen (at most 10 s); returns the screen.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the reader exits and returns its exit code.
    pub fn wait_exit(&self) -> i32 {
        let s = self.wait_for("the reader to exit", |s| s.contains("__EXIT_"));
        let code = s.split("__EXIT_").nth(1).and_then(|r| r.split("__").next()).unwrap_or("");
        code.trim().parse().expect("exit code")
    }

    /// The scratch home directory.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The data directory the reader uses (bookmarks).
    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data/yuedu")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

/// Quotes a word for the shell.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The text pane part of a screen row (right of the outline border `│`), trimmed.
pub fn text_part(row: &str) -> &str {
    row.rsplit('│').next().unwrap_or(row).trim()
}

/// `app` drawn into a buffer of its screen's size (ratatui's test backend).
pub fn draw_buffer(app: &yuedu::app::App) -> ratatui::buffer::Buffer {
    let area = app.screen;
    let backend = ratatui::backend::TestBackend::new(area.width, area.height);
    let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// A buffer's text, row by row, each wide character once.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// A request to open the file at `path` as the reader opens a file named on the command
/// line (its name, its canonical path, no forced encoding).
pub fn file_request(path: &Path) -> yuedu::app::loading::Request {
    yuedu::app::loading::Request::file(path, None)
}
