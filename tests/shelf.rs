//! The bookshelf: `yuedu shelf`, `yuedu --last`, and the shelf overlay (state and tmux).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use yuedu::app::reload::Source;
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

/// A reader on 甲书 keeping places in a fresh positions file; 乙书 beside it.
fn reading_jia() -> (tempfile::TempDir, PositionStore, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    std::fs::write(dir.path().join("甲.txt"), chapters("甲书", 3)).expect("write");
    std::fs::write(dir.path().join("乙.txt"), chapters("乙书", 3)).expect("write");
    let doc = open_document(Some(&dir.path().join("甲.txt")), None).expect("a");
    let mut app = App::new(doc, Config::default(), 80, 20);
    app.use_positions(store.clone(), false);
    (dir, store, app)
}

#[test]
fn the_shelf_overlay_opens_an_earlier_text_at_its_place_and_removes_entries() {
    let (dir, store, mut app) = reading_jia();
    let (a, b) = (dir.path().join("甲.txt"), dir.path().join("乙.txt"));
    app.update(Action::Section2);
    app.update(Action::LineDown);
    let place = app.anchor();
    app.open_text(&b, None);
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
    // The whole frame: a capture can catch the new text's first row drawn and the shelf not
    // yet cleared.
    t.wait_for("the first text at its place, resumed", |s| {
        first_row(s) == top && s.contains("resumed") && !s.contains("shelf (2)")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_shelf_reopens_a_text_in_the_encoding_it_was_opened_with() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let (a, b) = (dir.path().join("utf16.txt"), dir.path().join("b.txt"));
    // UTF-16 without a byte-order mark: only `--encoding` tells.
    let bytes: Vec<u8> = chapters("繁體書", 3).encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&a, bytes).expect("write");
    std::fs::write(&b, chapters("乙书", 3)).expect("write");
    let guessed = open_document(Some(&a), None).map(|d| d.title().to_string());
    assert!(guessed.as_deref().map_or(true, |t| t != "繁體書"), "not read right without it: {guessed:?}");

    let doc = open_document(Some(&a), Some("utf-16le")).expect("utf-16le");
    let mut app = App::new(doc, Config::default(), 80, 20);
    app.source = Some(Source::new(a.clone(), Some("utf-16le".into())));
    app.use_positions(store.clone(), false);
    app.update(Action::Section2);
    let place = app.anchor();
    app.open_text(&b, None);
    app.update(Action::Shelf);
    let entry = &app.shelf.entries[1].1;
    assert_eq!((entry.title.as_str(), entry.encoding.as_str()), ("繁體書", "utf-16le"));
    app.update(Action::LineDown);
    app.update(Action::Select);
    assert_eq!(app.doc.title(), "繁體書", "decoded as UTF-16 again");
    assert_eq!(app.anchor(), place);
    assert_eq!(app.source.as_ref().and_then(|s| s.encoding.as_deref()), Some("utf-16le"), "R too");
}

#[test]
fn tmux_last_reopens_a_text_in_the_encoding_it_was_opened_with() {
    let home = tempfile::tempdir().expect("tempdir");
    let a = home.path().join("utf16.txt");
    let bytes: Vec<u8> = chapters("繁體書", 3).encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&a, bytes).expect("write");
    let a_arg = a.display().to_string();
    let t = common::Tmux::start_in(home, &["--encoding", "utf-16le", &a_arg], 100, 30);
    t.wait_text("繁體書");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let mut t = t;
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);

    let t = common::Tmux::start_in(home, &["--last"], 100, 30);
    t.wait_text("繁體書第1章第1段");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_bundled_article_is_on_the_shelf_and_reopens_at_its_place() {
    let home = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(home.path().join("state/yuedu/positions.toml"));
    let b = home.path().join("b.txt");
    std::fs::write(&b, chapters("乙书", 3)).expect("write");
    let mut app = App::new(open_document(None, None).expect("bundled"), Config::default(), 80, 20);
    let title = app.doc.title().to_string();
    app.use_positions(store.clone(), false);
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let place = app.anchor();
    assert!(place > 0);
    app.open_text(&b, None);
    app.update(Action::Shelf);
    let listed: Vec<(&str, &str)> =
        app.shelf.entries.iter().map(|(_, p)| (p.title.as_str(), p.path.as_str())).collect();
    assert_eq!(listed, [("乙书", b.to_str().expect("UTF-8")), (title.as_str(), "")]);
    app.update(Action::LineDown);
    app.update(Action::Select);
    assert_eq!(app.doc.title(), title, "the bundled article again");
    assert!(app.doc.path.is_none() && app.source.is_none(), "read from the binary");
    assert_eq!(app.anchor(), place, "at its place");
    app.save_position().expect("saved");
    assert_eq!(store.shelf().expect("readable").len(), 2, "one entry for it, not one per save");

    let out = run_in(home.path(), &["shelf"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let bundled = text.lines().find(|l| l.starts_with(&title)).expect("listed");
    assert!(bundled.ends_with("(the bundled article: yuedu with no file)"), "{text}");
    assert!(!bundled.contains("missing"), "{text}");
    let out = run_in(home.path(), &["shelf", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (&v[0]["bundled"], &v[0]["missing"], &v[0]["path"]),
        (&true.into(), &false.into(), &"".into())
    );

    // First on the shelf: `--last` opens it, from the binary.
    let t = common::Tmux::start_in(home, &["--last"], 100, 30);
    let head: String = title.chars().take(8).collect();
    t.wait_for("the bundled article, resumed", |s| s.contains(&head) && s.contains("resumed"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn an_entry_removed_from_the_shelf_comes_back_with_u_keeping_its_place() {
    let (dir, store, mut app) = reading_jia();
    let b = dir.path().join("乙.txt");
    app.update(Action::Section3);
    let place = app.anchor();
    app.open_text(&b, None);
    app.update(Action::Shelf);
    app.update(Action::LineDown);
    app.update(Action::Delete);
    assert!(app.message.as_deref().unwrap_or_default().contains("u undoes"), "{:?}", app.message);
    assert_eq!(store.shelf().expect("readable").len(), 1);
    app.update(Action::Top);
    app.update(Action::Undo);
    assert_eq!(app.message.as_deref(), Some("back on the shelf: 甲书"));
    let titles: Vec<&str> = app.shelf.entries.iter().map(|(_, p)| p.title.as_str()).collect();
    assert_eq!(titles, ["乙书", "甲书"], "where it was");
    assert_eq!(app.shelf.cursor, 1, "under the cursor");
    assert_eq!(store.shelf().expect("readable").len(), 2, "in the file again");
    app.update(Action::Undo);
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    app.update(Action::Select);
    assert_eq!(app.doc.title(), "甲书");
    assert_eq!(app.anchor(), place, "its place kept");
}

#[test]
fn the_shelf_title_names_the_keys_in_force() {
    let config =
        Config::parse("[keys]\nclose = [\"x\"]\ndelete = [\"D\"]\n", "config.toml", false).expect("config");
    let mut app = App::new(yuedu::document::Document::bundled(), config, 100, 30);
    app.overlay = Some(Overlay::Shelf);
    let screen = common::buffer_text(&common::draw_buffer(&app));
    assert!(screen.contains("shelf (0) · Enter open · D remove · u undo · x close"), "{screen}");
}
