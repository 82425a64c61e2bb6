//! A text's identity: reading places that survive appends, edits above the place and moves,
//! and files of the earlier format read as they are.

use yuedu::app::{Action, App};
use yuedu::cli::open_document;
use yuedu::config::Config;
use yuedu::store::positions::PositionStore;

/// A text of `n` chapters, each a heading and a few distinct sentences.
fn novel(n: usize) -> String {
    let mut s = String::from("长路\n\n");
    for c in 1..=n {
        s.push_str(&format!("第{c}章 启程\n\n"));
        for p in 1..=6 {
            s.push_str(&format!("　　第{c}章第{p}段：他走过了第{p}座桥，河水在桥下流着，天色渐渐暗了。\n\n"));
        }
    }
    s
}

fn open(path: &std::path::Path, store: &PositionStore) -> App {
    let doc = open_document(Some(path), None).expect("readable");
    let mut app = App::new(doc, Config::default(), 80, 20);
    app.use_positions(store.clone(), false);
    app
}

fn text_at(app: &mut App, len: usize) -> String {
    let at = app.anchor();
    app.doc.text[at..].chars().take(len).collect()
}

#[test]
fn a_text_appended_to_resumes_at_the_same_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let mut a = open(&file, &store);
    a.update(Action::Section2);
    a.update(Action::PageDown);
    let (place, words) = (a.anchor(), text_at(&mut a, 12));
    a.save_position().expect("saved");

    std::fs::write(&file, novel(4)).expect("a chapter added");
    let mut b = open(&file, &store);
    assert_eq!(b.anchor(), place);
    assert_eq!(text_at(&mut b, 12), words);
    assert!(b.message.as_deref().unwrap_or_default().starts_with("resumed"), "{:?}", b.message);
}

#[test]
fn a_text_edited_above_the_place_resumes_at_the_same_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let mut a = open(&file, &store);
    a.update(Action::Section3);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    let (place, words) = (a.anchor(), text_at(&mut a, 16));
    a.save_position().expect("saved");

    // A preface inserted under the title and a sentence shortened in chapter 1.
    let edited = novel(3)
        .replacen("长路\n\n", "长路\n\n　　作者的话：这是修订版，改了几处错字，也加了这一段序言。\n\n", 1)
        .replacen("他走过了第1座桥，", "", 1);
    std::fs::write(&file, &edited).expect("edit");
    let mut b = open(&file, &store);
    assert_ne!(b.anchor(), place, "the offset moved");
    assert_eq!(text_at(&mut b, 16), words, "the same sentence");
}

#[test]
fn a_moved_file_keeps_its_place_and_its_record_moves_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let mut a = open(&file, &store);
    a.update(Action::Section2);
    let place = a.anchor();
    a.save_position().expect("saved");

    let moved = dir.path().join("read").join("长路.txt");
    std::fs::create_dir_all(moved.parent().expect("parent")).expect("mkdir");
    std::fs::rename(&file, &moved).expect("move");
    let mut b = open(&moved, &store);
    assert_eq!(b.anchor(), place);
    b.update(Action::LineDown);
    b.save_position().expect("saved");
    let entries = store.entries().expect("readable");
    assert_eq!(entries.len(), 1, "one record, at the new path: {entries:?}");
    assert!(entries[0].1.path.ends_with("长路.txt"), "{entries:?}");
}

#[test]
fn two_files_with_the_same_title_keep_separate_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let (one, two) = (dir.path().join("2024.txt"), dir.path().join("2025.txt"));
    std::fs::write(&one, novel(3)).expect("write");
    std::fs::write(&two, novel(3).replace("他走过", "她走过")).expect("write");
    let mut a = open(&one, &store);
    a.update(Action::Section3);
    a.save_position().expect("saved");
    let b = open(&two, &store);
    assert_eq!(b.top.block, 0, "another text starts at its beginning");
    assert!(b.message.is_none(), "{:?}", b.message);
}

#[test]
fn a_positions_file_of_the_earlier_format_loads_unchanged_and_is_upgraded_on_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("positions.toml");
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let doc = open_document(Some(&file), None).expect("readable");
    let mut probe = App::new(doc.clone(), Config::default(), 80, 20);
    probe.update(Action::Section2);
    let place = probe.anchor();
    let old = format!(
        "[position.{}]\noffset = {place}\nname = \"novel.txt\"\nsaved = \"2025-01-01T00:00:00Z\"\nzoom = 2\n\n\
         [position.0123456789abcdef]\noffset = 5\nname = \"other.txt\"\nsaved = \"2025-01-01T00:00:00Z\"\n",
        doc.legacy_id()
    );
    std::fs::write(&path, &old).expect("write");
    let store = PositionStore::new(&path);
    let mut a = open(&file, &store);
    assert_eq!(a.anchor(), place, "found under the whole-text hash");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), old, "opening writes nothing");
    a.save_position().expect("saved");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains(&doc.legacy_id()), "the old record is replaced:\n{text}");
    assert!(text.contains("[position.0123456789abcdef]") && text.contains("zoom = 2"), "{text}");
    assert!(text.contains(&format!("id = \"{}\"", doc.id())), "{text}");
    let mut b = open(&file, &store);
    assert_eq!(b.anchor(), place, "and found again under the new record");
}
