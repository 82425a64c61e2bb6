//! The bookshelf: `yuedu shelf`, `yuedu --last`, and the shelf overlay (state and tmux).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use yuedu::app::{Action, App, Overlay};
use yuedu::cli::open_document;
use yuedu::config::Config;
use yuedu::store::positions::PositionStore;

/// Runs `yuedu ARGS` with its state (positions, shelf) in `home`.
fn run_in(home: &Path, args: &[&str]) -> Output {
    Command::new(common::bin())
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("YUEDU_CONFIG")
        .output()
        .expect("run yuedu")
}

fn chapters(title: &str, n: usize) -> String {
    let mut s = format!("{title}\n\n");
    for c in 1..=n {
        s.push_str(&format!("第{c}章\n\n"));
        for p in 1..=8 {
            s.push_str(&format!("　　{title}第{c}章第{p}段，写的是一段很长很长的路上发生的事情。\n\n"));
        }
    }
    s
}

#[test]
fn shelf_lists_texts_most_recent_first_with_missing_files_marked_and_names_cleaned() {
    let home = tempfile::tempdir().expect("tempdir");
    let state = home.path().join("state/yuedu");
    std::fs::create_dir_all(&state).expect("mkdir");
    let here = home.path().join("here.txt");
    std::fs::write(&here, "x").expect("write");
    let gone = home.path().join("gone.txt");
    let file = format!(
        "[position.p-1]\noffset = 10\nsaved = \"2026-01-01T00:00:00Z\"\nid = \"x3v1-1\"\npath = \"{}\"\n\
         title = \"旧\\u001b[31m书\"\npercent = 12\n\n\
         [position.p-2]\noffset = 20\nsaved = \"2026-02-01T00:00:00Z\"\nid = \"x3v1-2\"\npath = \"{}\"\n\
         title = \"新书\"\npercent = 50\n\n\
         [position.0123456789abcdef]\noffset = 5\nname = \"old-format.txt\"\nsaved = \"2026-03-01T00:00:00Z\"\n",
        gone.display(),
        here.display()
    );
    std::fs::write(state.join("positions.toml"), file).expect("write");
    let out = run_in(home.path(), &["shelf"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let expected = format!("新书\t50%\t{}\n旧^[[31m书\t12%\tmissing {}\n", here.display(), gone.display());
    assert_eq!(text, expected);

    let out = run_in(home.path(), &["shelf", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v[0]["title"], "新书");
    assert_eq!(v[0]["missing"], false);
    assert_eq!(v[1]["missing"], true);
    assert_eq!(v[1]["percent"], 12);
    assert_eq!(v.as_array().map(Vec::len), Some(2), "records without a path are not on the shelf");
}

#[test]
fn last_with_an_empty_shelf_is_a_one_line_error_naming_the_file() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run_in(home.path(), &["--last"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("positions.toml") && err.contains("no text on the shelf"), "{err}");
    let out = run_in(home.path(), &["--last", "a.txt"]);
    assert_eq!(out.status.code(), Some(2), "--last and a file conflict");
}

#[test]
fn the_shelf_overlay_opens_an_earlier_text_at_its_place_and_removes_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let (a, b) = (dir.path().join("甲.txt"), dir.path().join("乙.txt"));
    std::fs::write(&a, chapters("甲书", 3)).expect("write");
    std::fs::write(&b, chapters("乙书", 3)).expect("write");
    let mut app = App::new(open_document(Some(&a), None).expect("a"), Config::default(), 80, 20);
    app.use_positions(store.clone(), false);
    app.update(Action::Section2);
    app.update(Action::LineDown);
    let place = app.anchor();
    app.open_text(&b);
    assert_eq!(app.doc.title(), "乙书");
    assert_eq!(app.top.block, 0);

    app.update(Action::Shelf);
    assert_eq!(app.overlay, Some(Overlay::Shelf));
    let titles: Vec<&str> = app.shelf.entries.iter().map(|(_, p)| p.title.as_str()).collect();
    assert_eq!(titles, ["乙书", "甲书"], "the text being read first");
    app.update(Action::LineDown);
    app.update(Action::Select);
    assert_eq!(app.overlay, None);
    assert_eq!(app.doc.title(), "甲书");
    assert_eq!(app.anchor(), place, "at its place");
    assert!(app.source.as_ref().is_some_and(|s| s.path == a), "R reloads the new text");

    app.update(Action::Shelf);
    let before = app.shelf.entries.len();
    app.update(Action::Delete);
    assert_eq!(app.shelf.entries.len(), before - 1);
    assert!(app.message.as_deref().unwrap_or_default().starts_with("removed from the shelf"));
    assert_eq!(store.shelf().expect("readable").len(), before - 1);
    assert!(a.is_file() && b.is_file(), "the files are untouched");
    app.update(Action::Close);
    assert_eq!(app.overlay, None);
}

#[test]
fn tmux_open_two_texts_then_the_shelf_reopens_the_first_at_its_place() {
    let home = tempfile::tempdir().expect("tempdir");
    let a = home.path().join("first.txt");
    let b = home.path().join("second.txt");
    std::fs::write(&a, chapters("第一本", 4)).expect("write");
    std::fs::write(&b, chapters("第二本", 4)).expect("write");
    let a_arg = a.display().to_string();
    let t = common::Tmux::start_in(home, &[&a_arg], 100, 30);
    t.wait_text("Contents");
    t.keys(&["3"]);
    let first_row = |s: &str| s.lines().next().map(|l| common::text_part(l).to_string()).unwrap_or_default();
    let s = t.wait_for("the third section", |s| first_row(s).starts_with("第3章"));
    t.keys(&["j", "j"]);
    let s = t.wait_for("two rows down", |now| {
        first_row(now) != first_row(&s) && !first_row(now).starts_with("第3章")
    });
    let top = first_row(&s);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let mut t = t;
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);

    let b_arg = b.display().to_string();
    let t = common::Tmux::start_in(home, &[&b_arg], 100, 30);
    t.wait_text("第二本");
    t.keys(&["S"]);
    t.wait_text("shelf (2)");
    t.keys(&["j", "Enter"]);
    // The whole frame: a capture may catch the first row drawn and the status line not yet.
    t.wait_for("the first text at its place", |s| first_row(s) == top && s.contains("resumed"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_shelf_title_names_the_keys_in_force() {
    let config =
        Config::parse("[keys]\nclose = [\"x\"]\ndelete = [\"D\"]\n", "config.toml", false).expect("config");
    let mut app = App::new(yuedu::document::Document::bundled(), config, 100, 30);
    app.overlay = Some(Overlay::Shelf);
    let screen = common::buffer_text(&common::draw_buffer(&app));
    assert!(screen.contains("shelf (0) · Enter open · D remove · x close"), "{screen}");
}
