//! Outline pane state: h/l collapse and expand nested entries, the cursor moves over the
//! entries shown, and reloading from disk keeps the reading place.

use yuedu::app::reload::Source;
use yuedu::app::{Action, App, Focus};
use yuedu::config::Config;
use yuedu::document::{Document, load};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn novel_app() -> App {
    let decoded = load::read_file(fixture("novel.txt").as_ref(), None).unwrap();
    let mut app = App::new(Document::new("novel.txt", decoded), Config::default(), 100, 10);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Outline);
    app
}

fn cursor_text(app: &App) -> std::borrow::Cow<'_, str> {
    app.doc.heading_text(&app.doc.headings[app.outline_cursor])
}

#[test]
fn collapse_and_expand_nested_entries() {
    // Outline (from reading tests/fixtures/novel.txt): 石头记（节选） > 楔子, 卷一 (第一回,
    // 第二回), 卷二 (第3节, 第壹佰贰拾回), 尾声.
    let mut app = novel_app();
    let shown = |app: &App| app.fold.visible(&app.doc.headings).len();
    assert_eq!(shown(&app), 9);
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    assert_eq!(cursor_text(&app), "卷一　梦幻");
    app.update(Action::Collapse);
    assert_eq!(shown(&app), 7, "the two chapters of 卷一 are hidden");
    app.update(Action::LineDown);
    assert_eq!(cursor_text(&app), "卷二 风月", "the cursor skips hidden entries");
    app.update(Action::Expand);
    assert_eq!(cursor_text(&app), "第3节 小试", "l on an open entry goes to its first child");
    app.update(Action::Collapse);
    assert_eq!(cursor_text(&app), "卷二 风月", "h on a leaf goes to its parent");
    app.update(Action::Collapse);
    assert_eq!(shown(&app), 5);
    app.update(Action::Bottom);
    assert_eq!(cursor_text(&app), "尾声");
    app.update(Action::Top);
    app.update(Action::Collapse);
    assert_eq!(shown(&app), 1, "collapsing the title hides everything under it");
    app.update(Action::Expand);
    assert_eq!(shown(&app), 5, "expanding the title keeps the inner folds");
}

#[test]
fn reading_a_hidden_chapter_marks_its_collapsed_volume() {
    let mut app = novel_app();
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    app.update(Action::Collapse);
    app.update(Action::FocusNext);
    let ch2 = app.doc.headings.iter().position(|h| app.doc.heading_text(h).starts_with("第二回")).unwrap();
    app.jump_to_heading(ch2);
    assert_eq!(app.current_heading(), Some(ch2));
    assert_eq!(cursor_text(&app), "卷一　梦幻");
}

#[test]
fn reload_keeps_the_place_and_survives_a_vanished_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    let original = std::fs::read_to_string(fixture("novel.txt")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let decoded = load::read_file(&path, None).unwrap();
    // Highlighting on at start (a novel starts with it off under the default "auto").
    let mut config = Config::default();
    config.highlight.figures = yuedu::config::FiguresAtStart::On;
    let mut app = App::new(Document::new("novel.txt", decoded), config, 100, 10);
    app.source = Some(Source::new(path.clone(), None));
    let ch = app.doc.headings.iter().position(|h| app.doc.heading_text(h).starts_with("卷二")).unwrap();
    app.jump_to_heading(ch);
    let offset = app.anchor();
    assert!(app.doc.text[offset..].starts_with("卷二 风月"));

    // The file grows at its end: the same byte offset is the same text.
    std::fs::write(&path, format!("{original}\n后记\n\n　　新加的一段。\n")).unwrap();
    // The event loop looks at the file between events, without a key press.
    let now = std::time::Instant::now();
    assert!(app.watch(now), "a change is reported");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("changed on disk"), "a change is reported: {msg}");
    app.update(Action::LineDown);
    assert!(!app.watch(now + yuedu::app::reload::WATCH_EVERY), "and reported once");
    app.update(Action::LineUp);
    assert!(app.message.is_none(), "and reported once: {:?}", app.message);
    app.update(Action::ToggleFigures);
    assert!(!app.figures.shown);
    app.update(Action::Reload);
    assert!(app.doc.text.ends_with("新加的一段。\n"));
    assert!(!app.figures.shown, "figure highlighting stays off after a reload");
    let offset = app.anchor();
    assert!(app.doc.text[offset..].starts_with("卷二 风月"));
    assert!(app.message.as_deref().is_some_and(|m| m.contains("reloaded")));

    std::fs::remove_file(&path).unwrap();
    app.update(Action::Reload);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("no such file") && msg.contains("novel.txt"), "{msg}");
    assert!(app.doc.text.ends_with("新加的一段。\n"), "the text loaded before stays");
}

#[test]
fn the_bundled_article_has_nothing_to_reload() {
    let mut app = App::new(Document::bundled(), Config::default(), 100, 10);
    app.update(Action::Reload);
    assert!(app.message.is_some());
}

#[test]
fn a_collapsed_entry_is_drawn_with_its_hidden_count() {
    use ratatui::{Terminal, backend::TestBackend};
    let decoded = load::read_file(fixture("novel.txt").as_ref(), None).unwrap();
    let mut app = App::new(Document::new("novel.txt", decoded), Config::default(), 100, 30);
    app.update(Action::FocusNext);
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    app.update(Action::Collapse);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| yuedu::ui::draw(&app, f)).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(100)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    // Wide characters leave a blank cell after them: compare without ASCII spaces.
    let outline: String =
        screen.lines().map(|l| l.split('│').next().unwrap_or("").replace(' ', "") + "\n").collect();
    assert!(outline.contains("卷一　梦幻(+2)\n"), "{outline}");
    assert!(!outline.contains("第一回"), "a hidden chapter is not in the outline:\n{outline}");
}
