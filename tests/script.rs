//! Simplified / traditional display (`t`, `[script]`, `dump --script`): what is shown, and
//! that every position stays a byte offset of the source: search, the mouse, figures and
//! bookmarks; then the real binary in tmux.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App, Effect};
use yuedu::config::{Config, ShownScript};
use yuedu::document::{Document, load};
use yuedu::text::script::Script;

/// A traditional text: a title, then two paragraphs with a quotation and figures.
const TRADITIONAL: &str =
    "發展報告\n\n她的頭髮很乾淨。後來，皇后說：“發展是硬道理。”\n\n去年發展了30多家企業，發展很快。\n";

fn doc(text: &str) -> Document {
    Document::new("t.txt", load::decode(text.as_bytes(), None).expect("UTF-8 text"))
}

fn app_on(text: &str) -> App {
    App::new(doc(text), Config::default(), 60, 12)
}

fn dump(text: &str, shown: ShownScript) -> String {
    let mut config = Config::default();
    config.script.shown = shown;
    let mut out = Vec::new();
    yuedu::cli::dump(&doc(text), &config, 100, &mut out).expect("dump");
    String::from_utf8(out).expect("UTF-8")
}

fn search(app: &mut App, q: &str) {
    app.update(Action::Search);
    for c in q.chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
}

#[test]
fn dump_prints_the_text_in_each_script() {
    let simplified = dump(TRADITIONAL, ShownScript::Simplified);
    assert!(simplified.contains("她的头发很干净。后来，皇后说：“发展是硬道理。”"), "{simplified}");
    assert!(simplified.starts_with("发展报告"), "{simplified}");
    let written = dump(TRADITIONAL, ShownScript::AsWritten);
    assert!(written.contains("她的頭髮很乾淨。後來，皇后說"), "{written}");
    // Back to traditional from the simplified text: phrase by phrase (后来 → 後來, 皇后 stays).
    let simple_source = "她的头发很干净。后来，皇后说：“发展是硬道理。”\n";
    let traditional = dump(simple_source, ShownScript::Traditional);
    assert!(traditional.contains("她的頭髮很乾淨。後來，皇后說：“發展是硬道理。”"), "{traditional}");
}

#[test]
fn t_cycles_the_script_and_keeps_the_place() {
    let mut a = app_on(TRADITIONAL);
    assert_eq!(a.script, Script::AsWritten);
    let rows = |a: &App| common::buffer_text(&common::draw_buffer(a));
    assert!(rows(&a).contains("頭髮很乾淨"));
    a.update(Action::CycleScript);
    assert_eq!(a.script, Script::Simplified);
    let screen = rows(&a);
    assert!(screen.contains("头发很干净"), "{screen}");
    assert!(screen.contains("发展报告"), "the outline and title are converted too: {screen}");
    a.update(Action::CycleScript);
    assert!(matches!(a.script, Script::Traditional(_)));
    assert!(rows(&a).contains("頭髮很乾淨"));
    a.update(Action::CycleScript);
    assert_eq!(a.script, Script::AsWritten);
}

#[test]
fn search_matches_what_is_shown_with_source_offsets() {
    let mut a = app_on(TRADITIONAL);
    a.update(Action::CycleScript);
    search(&mut a, "发展");
    let all = a.search.matches().expect("matches").to_vec();
    // 發展 four times in the source (title, quotation, twice in the last paragraph).
    assert_eq!(all.len(), 4, "{all:?}");
    for m in &all {
        assert_eq!(&a.doc.text[m.clone()], "發展", "a match is a range of the source");
    }
    // 干净 is shown where the source has 乾淨 (a phrase, not a character, conversion).
    search(&mut a, "干净");
    let m = a.search.current().expect("a match");
    assert_eq!(&a.doc.text[m], "乾淨");
    // Shown as written, the simplified query finds nothing: search matches what is shown.
    a.update(Action::CycleScript);
    a.update(Action::CycleScript);
    assert_eq!(a.script, Script::AsWritten);
    search(&mut a, "干净");
    assert!(a.search.current().is_none());
    // And the current search follows a change of script: its query is converted too.
    search(&mut a, "發展");
    assert_eq!(a.search.matches().map(<[_]>::len), Some(4));
    a.update(Action::CycleScript);
    assert_eq!(a.search.query().map(|q| q.text()), Some("发展"));
    assert_eq!(a.search.matches().map(<[_]>::len), Some(4));
}

#[test]
fn shown_lines_map_every_character_to_its_source_byte() {
    let mut a = app_on(TRADITIONAL);
    a.update(Action::CycleScript);
    for (_, line) in a.view.rows() {
        let Some(line) = line else { continue };
        let src = &a.doc.text[line.start..line.end];
        let offsets: Vec<usize> = line.char_offsets(src).collect();
        assert_eq!(offsets.len(), line.text.chars().count());
        for (off, shown) in offsets.iter().zip(line.text.chars()) {
            let source = a.doc.text[line.start + off..].chars().next().expect("a character");
            // Each shown character stands for the source character at its offset: the same
            // one, or its other form.
            assert_eq!(
                yuedu::text::script::fold_char(shown),
                yuedu::text::script::fold_char(source),
                "{shown} for {source}"
            );
        }
    }
}

#[test]
fn a_click_selects_by_source_offset_and_a_bookmark_keeps_the_source_text() {
    let mut a = app_on(TRADITIONAL);
    a.update(Action::CycleScript);
    let buf = common::draw_buffer(&a);
    // Find the cell showing 硬 and ask the view which source byte it is.
    let area = a.panes.text;
    let mut found = None;
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            if buf[(x, y)].symbol() == "硬" {
                found = Some((x, y));
            }
        }
    }
    let (x, y) = found.expect("硬 on screen");
    let off = a.offset_at(x, y).expect("a character");
    assert_eq!(off, a.doc.text.find('硬').expect("硬 in the source"));
    // The quotation there, bookmarked: its saved text is the source's.
    a.update(Action::NextQuote);
    let effects = a.step(Action::Bookmark);
    let saved = effects.iter().find_map(|e| match e {
        Effect::SaveBookmark { bookmark, .. } => Some(bookmark.quote.clone()),
        _ => None,
    });
    let saved = saved.expect("a bookmark to save");
    assert!(saved.contains("發展是硬道理"), "{saved}");
}

#[test]
fn the_script_at_start_comes_from_the_config() {
    let mut config = Config::default();
    config.script.shown = ShownScript::Simplified;
    let a = App::new(doc(TRADITIONAL), config, 60, 12);
    assert_eq!(a.script, Script::Simplified);
    let user = "[script]\nshown = \"traditional\"\ntraditional = \"hk\"\n";
    let config = Config::parse(user, "user.toml", false).expect("a valid file");
    assert_eq!(config.script.at_start(), Script::Traditional(yuedu::text::script::Standard::Hk));
    let bad = Config::parse("[script]\ntraditional = \"cn\"\n", "user.toml", false).expect_err("bad");
    assert!(bad.to_string().starts_with("user.toml:2:"), "{bad}");
}

#[test]
fn t_and_search_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trad.txt");
    std::fs::write(&path, TRADITIONAL).expect("write");
    let t = common::Tmux::start(&[path.to_str().expect("UTF-8 path")], 100, 30);
    t.wait_text("頭髮很乾淨");
    t.keys(&["t"]);
    t.wait_text("shown in simplified characters");
    t.wait_text("头发很干净");
    t.keys(&["/"]);
    t.type_text("干净");
    t.keys(&["Enter"]);
    t.wait_text("/干净 1/1");
    t.keys(&["t"]);
    t.wait_text("shown in traditional characters");
    t.wait_text("頭髮很乾淨");
    t.keys(&["t"]);
    t.wait_text("shown as written");
    // Shown as written, the simplified query finds nothing.
    t.keys(&["/"]);
    t.type_text("干净");
    t.keys(&["Enter"]);
    t.wait_text("not found");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
