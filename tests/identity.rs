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

/// A reader on `path` keeping bookmarks in `bookmarks`.
fn with_bookmarks(path: &std::path::Path, bookmarks: &std::path::Path) -> App {
    let doc = open_document(Some(path), None).expect("readable");
    let mut app = App::new(doc, Config::default(), 80, 20);
    app.use_bookmarks_file(bookmarks);
    app
}

#[test]
fn two_files_with_the_same_title_keep_separate_bookmarks_and_a_moved_file_keeps_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let (one, two) = (dir.path().join("2024.txt"), dir.path().join("2025.txt"));
    std::fs::write(&one, novel(3)).expect("write");
    std::fs::write(&two, novel(3).replace("他走过", "她走过")).expect("write");
    let mut a = with_bookmarks(&one, &marks);
    a.update(Action::Section2);
    a.update(Action::Bookmark);
    assert!(a.message.as_deref().unwrap_or_default().starts_with("bookmarked"), "{:?}", a.message);
    assert_eq!(a.quotes.here.len(), 1);

    let b = with_bookmarks(&two, &marks);
    assert_eq!(b.doc.title(), a.doc.title(), "the same title");
    assert!(b.quotes.here.is_empty(), "not the other file's bookmark: {:?}", b.quotes.here);

    let moved = dir.path().join("moved.txt");
    std::fs::rename(&one, &moved).expect("move");
    let c = with_bookmarks(&moved, &marks);
    assert_eq!(c.quotes.here.len(), 1, "the moved file keeps its bookmark");
    assert!(c.quotes.here[0].1.is_some(), "and it is found in the text");
}

#[test]
fn a_passage_that_occurs_twice_is_found_nearest_its_old_place_and_a_lost_one_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("a.txt");
    let filler = "填充的一行。\n\n".repeat(30);
    let text = format!("标题\n\n同一句话。\n\n别的话。\n\n{filler}同一句话。\n\n尾声。\n\n{filler}");
    let text = text.as_str();
    std::fs::write(&file, text).expect("write");
    let mut a = with_bookmarks(&file, &marks);
    a.update(Action::Bottom);
    let second = text.rfind("同一句话。").expect("twice");
    a.scroll_to_offset(second);
    a.update(Action::Bookmark);
    assert_eq!(a.quotes.here[0].1.as_ref().map(|r| r.start), Some(second));
    // Edited: a line added above both, and the passage at the end gone.
    std::fs::write(&file, text.replace("别的话。", "别的话，多说了几句。").replace("尾声。", ""))
        .expect("edit");
    let b = with_bookmarks(&file, &marks);
    let found = b.quotes.here[0].1.as_ref().map(|r| r.start);
    assert_eq!(found, Some(second + "，多说了几句".len()), "the second occurrence, not the first");
    std::fs::write(&file, "标题\n\n全都改了。\n").expect("rewrite");
    let c = with_bookmarks(&file, &marks);
    assert_eq!(c.quotes.here.len(), 1, "kept, detached");
    assert!(c.quotes.here[0].1.is_none());
}

#[test]
fn a_bookmarks_file_of_the_earlier_format_loads_unchanged_and_is_upgraded_on_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, novel(2)).expect("write");
    let doc = open_document(Some(&file), None).expect("readable");
    let quote = "第2章第3段：他走过了第3座桥，河水在桥下流着，天色渐渐暗了。";
    let start = doc.text.find(quote).expect("there");
    let entry = |id: &str, article: &str, quote: &str| {
        format!(
            "[[bookmark]]\nid = \"{id}\"\narticle = \"{article}\"\ntitle = \"长路\"\nquote = \"{quote}\"\n\
             line = 9\nstart = {start}\nend = {}\ncreated = \"2025-01-01T00:00:00Z\"\nfuture = true\n",
            start + quote.len()
        )
    };
    // By the whole-text hash of this very text; by title only, its passage here; by title
    // only, a passage of another text of the same title (which claims nothing).
    let old = [
        entry("hash", &doc.legacy_id(), quote),
        entry("title", "0123456789abcdef", quote),
        entry("other", "fedcba9876543210", "别的书里的一句话。"),
    ]
    .join("\n");
    std::fs::write(&marks, &old).expect("write");
    let mut a = with_bookmarks(&file, &marks);
    assert_eq!(a.quotes.here.len(), 3, "all three listed, as the earlier version did");
    assert_eq!(a.quotes.here[0].1, Some(start..start + quote.len()));
    assert_eq!(std::fs::read_to_string(&marks).expect("read"), old, "opening writes nothing");

    a.update(Action::Section3);
    a.update(Action::Bookmark);
    let all = yuedu::store::bookmarks::Store::new(&marks).load().expect("load");
    let path = std::fs::canonicalize(&file).expect("path").to_string_lossy().into_owned();
    let by = |id: &str| all.iter().find(|b| b.id == id).expect("kept");
    for id in ["hash", "title"] {
        assert_eq!(by(id).article, a.doc.id(), "{id}: keyed by the fingerprint now");
        assert_eq!(by(id).path.as_deref(), Some(path.as_str()), "{id}: and the path");
        assert_eq!(by(id).extra.get("future").and_then(|v| v.as_bool()), Some(true), "{id}");
    }
    assert_eq!(by("other").article, "fedcba9876543210", "not this text's: left as it was");
    assert_eq!(by("other").path, None);
    assert_eq!(all.len(), 4);

    // From then on they belong by identity: another file of the same title does not list them.
    let two = dir.path().join("b.txt");
    std::fs::write(&two, novel(2).replace("他走过", "她走过")).expect("write");
    let b = with_bookmarks(&two, &marks);
    assert_eq!(b.quotes.here.len(), 1, "only the unclaimed one, by title: {:?}", b.quotes.here);
    assert!(b.quotes.here[0].1.is_none());
}

#[test]
fn a_copy_is_another_text_and_leaves_the_original_its_place_and_bookmarks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let mut a = open(&file, &store);
    a.use_bookmarks_file(&marks);
    a.update(Action::Section2);
    a.update(Action::Bookmark);
    let place = a.anchor();
    a.save_position().expect("saved");

    let copy = dir.path().join("copy.txt");
    std::fs::copy(&file, &copy).expect("copy");
    let mut c = open(&copy, &store);
    c.use_bookmarks_file(&marks);
    assert_eq!(c.top.block, 0, "a copy starts at its beginning");
    assert!(c.quotes.here.is_empty(), "and has none of the original's bookmarks");
    c.update(Action::Bottom);
    c.update(Action::Bookmark);
    c.save_position().expect("saved");

    let entries = store.entries().expect("readable");
    assert_eq!(entries.len(), 2, "the original keeps its record: {entries:?}");
    let mut b = open(&file, &store);
    b.use_bookmarks_file(&marks);
    assert_eq!(b.anchor(), place, "the original still resumes at its place");
    assert_eq!(b.quotes.here.len(), 1, "with its own bookmark only");
    let path = std::fs::canonicalize(&file).expect("path").to_string_lossy().into_owned();
    let all = yuedu::store::bookmarks::Store::new(&marks).load().expect("load");
    let (mine, theirs): (Vec<_>, Vec<_>) = all.iter().partition(|b| b.path.as_deref() == Some(path.as_str()));
    assert_eq!((mine.len(), theirs.len()), (1, 1), "{all:?}");
}

#[test]
fn a_moved_file_keeps_its_bookmarks_and_their_path_is_rewritten_on_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("novel.txt");
    std::fs::write(&file, novel(3)).expect("write");
    let mut a = with_bookmarks(&file, &marks);
    a.update(Action::Section2);
    a.update(Action::Bookmark);

    let moved = dir.path().join("moved.txt");
    std::fs::rename(&file, &moved).expect("move");
    let mut b = with_bookmarks(&moved, &marks);
    assert_eq!(b.quotes.here.len(), 1, "kept");
    b.update(Action::Section3);
    b.update(Action::Bookmark);
    let now = std::fs::canonicalize(&moved).expect("path").to_string_lossy().into_owned();
    let all = yuedu::store::bookmarks::Store::new(&marks).load().expect("load");
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|b| b.path.as_deref() == Some(now.as_str())), "both at the new path: {all:?}");
}

#[test]
fn of_two_moved_texts_with_the_same_beginning_the_one_of_the_same_length_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = PositionStore::new(dir.path().join("positions.toml"));
    // Longer than the fingerprint, so both begin alike: one has a chapter more.
    let (short, long) = (novel(150), novel(151));
    assert!(short.len() > yuedu::document::FINGERPRINT_BYTES);
    let (one, two) = (dir.path().join("one.txt"), dir.path().join("two.txt"));
    std::fs::write(&one, &short).expect("write");
    std::fs::write(&two, &long).expect("write");
    let mut b = open(&two, &store);
    b.update(Action::Section3);
    let place = b.anchor();
    b.save_position().expect("saved");
    let mut a = open(&one, &store);
    assert_eq!(a.doc.id(), b.doc.id(), "the same fingerprint");
    a.update(Action::Section2);
    a.save_position().expect("saved, later");

    std::fs::remove_file(&one).expect("gone");
    let moved = dir.path().join("moved.txt");
    std::fs::rename(&two, &moved).expect("move");
    let mut c = open(&moved, &store);
    assert_eq!(c.anchor(), place, "the record of the text as long as this one");
}

/// The official notice of the fixtures, whose title is set over two lines.
fn notice() -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/notice.txt", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture")
}

const NOTICE_TITLE: &str = "国务院办公厅关于印发《城市更新行动方案》的通知";
/// The title earlier versions recorded for it: its first line.
const NOTICE_FIRST_LINE: &str = "国务院办公厅关于印发";

/// Rewrites every record's title in the places file at `path` from `from` to `to`.
fn retitle(path: &std::path::Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let (from, to) = (format!("title = \"{from}\""), format!("title = \"{to}\""));
    assert!(text.contains(&from), "{text}");
    std::fs::write(path, text.replace(&from, &to)).expect("write");
}

#[test]
fn a_title_over_two_lines_is_recorded_whole_and_records_under_its_first_line_are_still_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let places = dir.path().join("positions.toml");
    let store = PositionStore::new(&places);
    let file = dir.path().join("notice.txt");
    std::fs::write(&file, notice()).expect("write");
    let mut a = open(&file, &store);
    a.update(Action::Bottom);
    let words = text_at(&mut a, 6);
    assert!(a.anchor() > a.doc.text.find("组织实施").expect("there"), "below the edit to come");
    a.save_position().expect("saved");
    let entries = store.entries().expect("readable");
    assert_eq!(entries[0].1.title, NOTICE_TITLE, "the shelf names it by its whole title");

    // The record as an earlier version wrote it, and the text edited above the place: the
    // same path and the title (its first line) find it.
    retitle(&places, NOTICE_TITLE, NOTICE_FIRST_LINE);
    std::fs::write(&file, notice().replacen("认真组织实施。", "认真贯彻落实，抓好组织实施。", 1))
        .expect("edit");
    let mut b = open(&file, &store);
    assert_eq!(text_at(&mut b, 6), words, "{:?}", b.message);
    b.save_position().expect("saved");
    assert_eq!(store.entries().expect("readable")[0].1.title, NOTICE_TITLE, "recorded whole from then on");

    // Moved: another path, the same beginning, the title as the earlier version recorded it.
    retitle(&places, NOTICE_TITLE, NOTICE_FIRST_LINE);
    let moved = dir.path().join("城市更新.txt");
    std::fs::rename(&file, &moved).expect("move");
    let mut c = open(&moved, &store);
    assert_eq!(text_at(&mut c, 6), words, "{:?}", c.message);
    c.save_position().expect("saved");
    let entries = store.entries().expect("readable");
    assert_eq!(entries.len(), 1, "the one record, moved: {entries:?}");
    assert_eq!(entries[0].1.title, NOTICE_TITLE);
}

#[test]
fn bookmarks_saved_under_the_first_line_of_a_title_over_two_lines_are_still_the_texts_and_take_it_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("notice.txt");
    std::fs::write(&file, notice()).expect("write");
    let doc = open_document(Some(&file), None).expect("readable");
    let path = doc.path_text();
    let quote = "完善配套设施，补齐服务短板。";
    let start = notice().find(quote).expect("there");
    let entry = |id: &str, article: &str, path: &str, title: &str| {
        format!(
            "[[bookmark]]\nid = \"{id}\"\narticle = \"{article}\"\n{path}title = \"{title}\"\nquote = \"{quote}\"\n\
             line = 14\nstart = {start}\nend = {}\ncreated = \"2025-01-01T00:00:00Z\"\n",
            start + quote.len()
        )
    };
    // An earlier version's bookmark known by title only (its whole-text hash is another's),
    // and one keyed by the text's identity, both under the title's first line.
    let old = entry("old", "0123456789abcdef", "", NOTICE_FIRST_LINE);
    let keyed = entry("keyed", &doc.id(), &format!("path = \"{path}\"\n"), NOTICE_FIRST_LINE);
    std::fs::write(&marks, format!("{old}\n{keyed}")).expect("write");
    let mut a = with_bookmarks(&file, &marks);
    assert_eq!(a.quotes.here.len(), 2, "found by the title's first line");
    assert!(a.quotes.here.iter().all(|(_, at)| *at == Some(start..start + quote.len())));

    // The next save names them by the whole title, as the new bookmark is.
    a.update(Action::Bottom);
    a.update(Action::Bookmark);
    let all = yuedu::store::bookmarks::Store::new(&marks).load().expect("load");
    assert_eq!(all.len(), 3);
    assert!(all.iter().all(|b| b.title == NOTICE_TITLE), "{all:?}");
    let by = |id: &str| all.iter().find(|b| b.id == id).expect("kept");
    assert_eq!(
        (by("old").article.as_str(), by("old").path.as_deref()),
        (doc.id().as_str(), Some(path.as_str()))
    );
    assert_eq!(
        (by("keyed").article.as_str(), by("keyed").path.as_deref()),
        (doc.id().as_str(), Some(path.as_str()))
    );

    std::fs::write(&marks, entry("other", "0123456789abcdef", "", "城市更新行动方案")).expect("write");
    let b = with_bookmarks(&file, &marks);
    assert!(b.quotes.here.is_empty(), "a line of the text that is not its title claims nothing");
}

#[test]
fn a_bookmark_known_by_the_first_line_alone_whose_passage_is_not_here_keeps_its_title() {
    // Two notices opening with the same first line: a bookmark of the other one, made by an
    // earlier version (no path, its whole-text hash is another's), lists under this one by
    // that line as the earlier version did, but is not surely this text's.
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = dir.path().join("bookmarks.toml");
    let file = dir.path().join("notice.txt");
    std::fs::write(&file, notice()).expect("write");
    let other = dir.path().join("other.txt");
    let other_text = "国务院办公厅关于印发\n《数据安全管理办法》的通知\n国办发〔2025〕3号\n\
                      数据是新型生产要素，要统筹发展和安全，守住数据安全底线。\n";
    std::fs::write(&other, other_text).expect("write");
    let quote = "守住数据安全底线。";
    let start = other_text.find(quote).expect("there");
    let old = format!(
        "[[bookmark]]\nid = \"elsewhere\"\narticle = \"0123456789abcdef\"\ntitle = \"{NOTICE_FIRST_LINE}\"\n\
         quote = \"{quote}\"\nline = 4\nstart = {start}\nend = {}\ncreated = \"2025-01-01T00:00:00Z\"\n",
        start + quote.len()
    );
    std::fs::write(&marks, &old).expect("write");
    let mut a = with_bookmarks(&file, &marks);
    assert_eq!(a.quotes.here.len(), 1, "listed by the first line, as earlier versions did");
    assert_eq!(a.quotes.here[0].1, None, "its passage is not in this text");

    a.update(Action::Bottom);
    a.update(Action::Bookmark);
    let all = yuedu::store::bookmarks::Store::new(&marks).load().expect("load");
    assert_eq!(all.len(), 2);
    let kept = all.iter().find(|b| b.id == "elsewhere").expect("kept");
    assert_eq!(
        (kept.title.as_str(), kept.article.as_str(), kept.path.as_deref()),
        (NOTICE_FIRST_LINE, "0123456789abcdef", None),
        "not this text's whole title: left as it was"
    );

    // Still its own text's: the other notice finds it, at its passage.
    let b = with_bookmarks(&other, &marks);
    let here: Vec<_> = b.quotes.here.iter().filter(|(i, _)| b.quotes.all[*i].id == "elsewhere").collect();
    assert_eq!(here.len(), 1, "{:?}", b.quotes.here);
    assert_eq!(here[0].1, Some(start..start + quote.len()));
}
