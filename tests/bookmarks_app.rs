//! Quotes and bookmarks in the reader state, without a terminal: actions in, state out.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yuedu::app::{Action, App, Mode, Overlay};
use yuedu::config::Config;
use yuedu::document::{Document, load};
use yuedu::store::bookmarks::Store;

fn reader(file: &Path) -> App {
    reader_on(Document::bundled(), file)
}

fn reader_on(doc: Document, file: &Path) -> App {
    let mut app = App::new(doc, Config::default(), 100, 30);
    app.use_bookmarks_file(file);
    app
}

/// Whether byte `offset` is on a row of the text pane.
fn in_view(app: &mut App, offset: usize) -> bool {
    let block = app.doc.block_at(offset);
    let pos = yuedu::layout::Pos { block, row: app.layout.row_of(&app.doc, block, offset) };
    let height = app.text_height();
    let bottom = app.layout.forward(&app.doc, app.top, height - 1);
    app.top <= pos && pos <= bottom
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// Steps `)` until the selected quote's words start with `prefix`.
fn select(app: &mut App, prefix: &str) {
    for _ in 0..60 {
        app.update(Action::NextQuote);
        if let Some(q) = app.selected_quote()
            && q.inner(&app.doc.text).starts_with(prefix)
        {
            return;
        }
    }
    panic!("no quote starting with {prefix}");
}

#[test]
fn next_and_previous_quote_start_from_the_top_of_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(&dir.path().join("b.toml"));
    app.update(Action::NextQuote);
    let q = app.selected_quote().unwrap();
    assert_eq!(q.inner(&app.doc.text), "建框架");
    assert_eq!(app.quote_status().unwrap(), "quote 1/46 · term");
    app.update(Action::NextQuote);
    assert_eq!(app.selection.quote(), Some(1));
    app.update(Action::PrevQuote);
    assert_eq!(app.selection.quote(), Some(0));
    app.update(Action::PrevQuote);
    assert_eq!(app.selection.quote(), Some(0));
    assert!(app.message.as_deref().is_some_and(|m| m.contains("no more")));

    // From section 3, `)` starts at that section, not at the old selection.
    app.update(Action::Section3);
    app.update(Action::NextQuote);
    let q = app.selected_quote().unwrap();
    assert_eq!(q.inner(&app.doc.text), "质");
    assert_eq!(app.doc.line_of(q.start), 19);

    // A quote far below is scrolled into view.
    select(&mut app, "换句话讲");
    let start = app.selected_quote().unwrap().start;
    assert!(in_view(&mut app, start), "the quote is scrolled into view");
    // `他说` stands for 宁光, with the title he was named with in the paragraph before.
    let status = app.quote_status().unwrap();
    assert!(status.ends_with("宁光 · 中国工程院院士、上海交通大学医学院附属瑞金医院院长"), "{status}");
}

#[test]
fn m_bookmarks_the_selected_quote_with_its_speaker_and_section() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(&file);
    app.update(Action::Section1);
    select(&mut app, "算力的支持");
    app.update(Action::Bookmark);
    assert!(app.message.as_deref().unwrap().starts_with("bookmarked:"), "{:?}", app.message);
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved.len(), 1);
    let b = &saved[0];
    assert_eq!(b.speaker.as_deref(), Some("丁成"));
    assert!(b.quote.starts_with("算力的支持直接决定了") && b.quote.ends_with("至关重要。"), "{}", b.quote);
    assert_eq!(b.line, 10);
    assert_eq!(b.section, "青年驱动,未来产业跑出“加速度”");
    assert_eq!(b.article, app.doc.id());
    assert_eq!(b.title, "上海从“建框架”向“强功能”跃升");
    assert_eq!(&app.doc.text[b.start as usize..b.end as usize], format!("“{}”", b.quote));
    // The same passage again is not a second bookmark.
    app.update(Action::Bookmark);
    assert_eq!(app.message.as_deref(), Some("already bookmarked"));
    assert_eq!(Store::new(&file).load().unwrap().len(), 1);
}

#[test]
fn m_without_a_selection_bookmarks_the_paragraph_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(&file);
    app.update(Action::Section2);
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    app.update(Action::Bookmark);
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].quote.starts_with("上海市科委副主任屈炜介绍"), "{}", saved[0].quote);
    assert_eq!(saved[0].speaker, None);
    assert_eq!(saved[0].line, 14);
}

#[test]
fn the_list_jumps_deletes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(&file);
    select(&mut app, "这里不仅汇聚了");
    app.update(Action::Bookmark);
    select(&mut app, "医生在临床一线");
    app.update(Action::Bookmark);
    app.update(Action::Top);
    app.update(Action::BookmarksList);
    assert_eq!(app.overlay, Some(Overlay::Bookmarks));
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.quotes.here.len(), 2);
    assert_eq!(app.quotes.cursor, 0);
    app.update(Action::LineDown);
    assert_eq!(app.quotes.cursor, 1);
    app.update(Action::Delete);
    assert_eq!(Store::new(&file).load().unwrap().len(), 1);
    assert_eq!(app.quotes.here.len(), 1);
    app.update(Action::Undo);
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved.len(), 2, "undo puts it back in the file");
    assert_eq!(app.quotes.cursor, 1, "the cursor is on the restored bookmark");
    app.update(Action::Select);
    assert_eq!(app.overlay, None);
    let q = app.selected_quote().unwrap().clone();
    assert!(q.inner(&app.doc.text).starts_with("医生在临床一线"));
    assert_eq!(q.speaker.as_deref(), Some("宁光"));
    assert!(in_view(&mut app, q.start), "jumped to the quote");
    app.update(Action::BookmarksList);
    app.update(Action::Close);
    assert_eq!(app.overlay, None);
    assert_eq!(app.mode(), Mode::Text);
}

#[test]
fn the_note_prompt_takes_chinese_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(&file);
    select(&mut app, "这里不仅汇聚了");
    app.update(Action::BookmarkWithNote);
    assert!(app.prompt_active());
    // `q` is text here, not quit.
    for c in "q值得".chars() {
        app.prompt_key(&key(KeyCode::Char(c)));
    }
    app.prompt_paste("再读");
    app.prompt_key(&key(KeyCode::Enter));
    assert!(!app.prompt_active() && !app.should_quit);
    let saved = Store::new(&file).load().unwrap();
    assert_eq!(saved[0].note, "q值得再读");

    app.update(Action::BookmarkWithNote);
    app.prompt_key(&key(KeyCode::Char('x')));
    app.prompt_key(&key(KeyCode::Esc));
    assert!(!app.prompt_active());
    assert_eq!(Store::new(&file).load().unwrap().len(), 1);
}

#[test]
fn a_corrupt_file_is_reported_never_written_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let bytes = b"[[bookmark]]\nid = \"a\"\n[broken\n".to_vec();
    std::fs::write(&file, &bytes).unwrap();
    let mut app = reader(&file);
    let msg = app.message.clone().unwrap();
    assert!(msg.starts_with(&format!("{}:3:", file.display())), "{msg}");
    app.update(Action::NextQuote);
    app.update(Action::Bookmark);
    assert!(app.message.as_deref().unwrap().starts_with("not saved"), "{:?}", app.message);
    app.update(Action::BookmarksList);
    app.update(Action::Close);
    app.update(Action::PageDown);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    // Once the file is fixed, the next bookmark is saved next to what it holds.
    std::fs::write(&file, "[[bookmark]]\nid = \"a\"\narticle = \"x\"\ntitle = \"t\"\nquote = \"q\"\nline = 1\nstart = 0\nend = 0\ncreated = \"2024-05-24T10:00:00+08:00\"\n").unwrap();
    app.update(Action::Bookmark);
    assert!(app.message.as_deref().unwrap().starts_with("bookmarked"), "{:?}", app.message);
    assert_eq!(Store::new(&file).load().unwrap().len(), 2);
}

#[test]
fn an_unwritable_place_gives_a_message_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    let mut app = reader(&blocker.join("b.toml"));
    app.update(Action::Bookmark);
    let msg = app.message.clone().unwrap();
    assert!(msg.starts_with("not saved") && msg.contains("cannot"), "{msg}");
    app.update(Action::PageDown);
    assert!(!app.should_quit);
}

#[test]
fn a_changed_article_finds_bookmarks_by_their_text_and_shows_lost_ones_detached() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.toml");
    let mut app = reader(&file);
    select(&mut app, "算力的支持");
    app.update(Action::Bookmark);
    select(&mut app, "医生在临床一线");
    app.update(Action::Bookmark);

    // The same article with a paragraph added at the top and 宁光's quote edited away.
    let text = yuedu::BUNDLED_ARTICLE.replace("医生在临床一线能感知到", "医生能感知到");
    let text = text.replacen('\n', "\n编者按:本文有改动。\n", 1);
    let doc = Document::new("shanghai.txt", load::decode(text.as_bytes(), None).unwrap());
    assert_ne!(doc.id(), app.doc.id());
    let mut app2 = reader_on(doc, &file);
    app2.update(Action::BookmarksList);
    assert_eq!(app2.quotes.here.len(), 2);
    let (i, range) = app2.quotes.here[0].clone();
    let range = range.expect("found again by its text");
    assert!(app2.doc.text[range].starts_with("算力的支持"));
    assert_eq!(app2.quotes.all[i].speaker.as_deref(), Some("丁成"));
    assert!(app2.quotes.here[1].1.is_none(), "the edited quote is detached, not dropped");
    app2.update(Action::LineDown);
    app2.update(Action::Select);
    assert!(app2.message.as_deref().unwrap().contains("detached"));
    assert_eq!(Store::new(&file).load().unwrap().len(), 2);
}

/// The screen as text without spaces (a wide character's second cell is blank), drawn by the
/// real drawing code on a test backend.
fn screen(app: &App) -> Vec<String> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| yuedu::ui::draw(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..30)
        .map(|y| (0..100).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>().replace(' ', ""))
        .collect()
}

#[test]
fn the_status_line_names_the_speaker_while_the_quote_is_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(&dir.path().join("b.toml"));
    select(&mut app, "算力的支持");
    let status = screen(&app).pop().unwrap();
    assert!(status.contains("quote18/46·丁成"), "{status}");
    app.update(Action::Bottom);
    let status = screen(&app).pop().unwrap();
    assert!(!status.contains("丁成"), "no speaker of a quote off screen: {status}");
}

#[test]
fn bookmarked_passages_carry_a_mark_in_the_margin() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(&dir.path().join("b.toml"));
    app.update(Action::Section1);
    let before = screen(&app);
    assert!(!before.iter().any(|l| l.contains('▍')));
    select(&mut app, "这里不仅汇聚了");
    app.update(Action::Bookmark);
    let after = screen(&app);
    let marked: Vec<&String> = after.iter().filter(|l| l.contains('▍')).collect();
    assert!(!marked.is_empty(), "{after:#?}");
    assert!(marked.iter().any(|l| l.contains("这里不仅")), "{marked:#?}");
    assert!(marked.iter().all(|l| !l.contains("人工智能是上海重点发展")), "only the passage is marked");
}

#[test]
fn the_list_shows_passages_as_the_pane_does_with_the_keys_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        Config::parse("[keys]\ndelete = [\"x\"]\nundo = [\"U\"]\n", "config.toml", false).expect("config");
    let mut app = App::new(Document::bundled(), config, 100, 30);
    app.use_bookmarks_file(&dir.path().join("b.toml"));
    // The passage holds `企业,还提供` in the file: the pane shows `企业，还提供`.
    select(&mut app, "这里不仅汇聚了");
    app.update(Action::Bookmark);
    let stored = Store::new(dir.path().join("b.toml")).load().unwrap();
    assert!(stored[0].quote.contains("企业,还提供"), "stored as in the text: {}", stored[0].quote);
    app.update(Action::BookmarksList);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("企业，还提供"), "{shown}");
    assert!(!shown.contains("企业,还提供"), "{shown}");
    assert!(shown.contains("Enterjump·xdelete·Uundo·Escclose"), "the title's keys:\n{shown}");
}
