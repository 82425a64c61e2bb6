//! Files yuedu reads that are not what they should be: a FIFO, a device, `/dev/zero`, a
//! name holding an escape sequence. Each is refused with one line naming the file (exit 2),
//! never a hang or a read without end.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

/// Runs yuedu with `args`; a run still going after 20 s is a hang (killed, and the test fails).
fn run_bounded(args: &[&str]) -> (i32, String, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(common::bin())
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("yuedu {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

fn assert_refused(args: &[&str], name: &str) {
    let (code, _, err) = run_bounded(args);
    assert_eq!(code, 2, "yuedu {args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(name), "names {name}: {err}");
}

#[test]
fn a_fifo_or_a_device_as_config_or_bookmarks_is_refused_without_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe.toml");
    mkfifo(&fifo);
    let f = fifo.to_str().expect("utf-8 path");
    assert_refused(&["--config", f, "config"], f);
    assert_refused(&["--config", "/dev/zero", "config"], "/dev/zero");
    assert_refused(&["--bookmarks-file", f, "bookmarks", "--all"], f);
    assert_refused(&["--bookmarks-file", "/dev/zero", "bookmarks", "export"], "/dev/zero");
}

#[test]
fn a_config_larger_than_1_mb_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(1 << 20))).expect("write");
    let b = big.to_str().expect("utf-8 path");
    assert_refused(&["--config", b, "config"], b);
}

#[test]
fn a_file_name_holding_an_escape_sequence_is_printed_escaped() {
    let (code, out, err) = run_bounded(&["dump", "--width", "20", "\u{1b}]2;title\u{7}.txt"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(yuedu::sanitize::is_safe_output(&err, false), "{err:?}");
    assert!(err.contains("^[]2;title^G.txt"), "{err:?}");
    // clap repeats a bad value in its message: escaped too.
    let (code, _, err) = run_bounded(&["dump", "--width", "\u{1b}[31mx"]);
    assert_eq!(code, 2);
    assert!(yuedu::sanitize::is_safe_output(&err, false), "{err:?}");
}

/// A FIFO where the reading places are kept: the reader opens all the same (the place is
/// not restored), draws its first page and quits; it never waits on the FIFO.
#[test]
fn a_fifo_as_the_positions_file_does_not_stop_the_reader() {
    let home = tempfile::tempdir().expect("tempdir");
    let state = home.path().join("state/yuedu");
    std::fs::create_dir_all(&state).expect("state dir");
    mkfifo(&state.join("positions.toml"));
    let t = common::Tmux::start_in(home, &[], 100, 30);
    t.wait_text("青年驱动");
    t.keys(&["j", "q"]);
    assert_eq!(t.wait_exit(), 0);
}
