//! Drawing reads state and indexes only: every analysis a frame shows (figures, quotes,
//! search matches) is found before drawing, so a reader whose indexes are empty draws no
//! highlight at all, whatever its switches say.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;

fn app() -> App {
    App::new(Document::bundled(), Config::default(), 100, 30)
}

fn render(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
    t.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The text pane's cells: (symbol, style) row by row.
fn text_pane(app: &App) -> Vec<(String, ratatui::style::Style)> {
    let buf = render(app);
    let area = app.panes.text;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            out.push((cell.symbol().to_string(), cell.style()));
        }
    }
    out
}

/// A reader with figures shown, a search in force and quotes on screen.
fn busy() -> App {
    let mut a = app();
    assert!(a.figures.shown, "figures are shown by default on the bundled article");
    a.update(Action::Search);
    a.prompt_paste("上海");
    a.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(a.search.current().is_some(), "the search found a match");
    a
}

/// The same reader with every highlighting feature off: no figures, no search, no quotes.
fn plain() -> App {
    let mut a = app();
    a.figures.shown = false;
    a.quotes.index = Some(Vec::new());
    a.refresh_view();
    a
}

#[test]
fn a_reader_whose_indexes_are_empty_draws_no_highlights() {
    let mut a = busy();
    // Sanity: with its indexes, the busy reader draws highlights the plain one does not.
    assert_ne!(text_pane(&a), text_pane(&plain()), "figures, quotes and matches are highlighted");
    // Empty the indexes the view found and the quote index, leaving every switch on.
    for vb in &mut a.view.blocks {
        vb.figures.clear();
        vb.matches.clear();
    }
    a.quotes.index = Some(Vec::new());
    assert!(a.figures.shown && a.search.query().is_some());
    assert_eq!(text_pane(&a), text_pane(&plain()), "drawing found something itself");
}

#[test]
fn the_view_lists_the_rows_drawn() {
    // What mouse hit-testing reads is what the text pane drew: every row of the view that
    // holds a line starts, on screen, with that line's first character.
    let a = app();
    let buf = render(&a);
    let area = a.panes.text;
    let mut rows = 0;
    for (y, (_, line)) in (area.top()..area.bottom()).zip(a.view.rows()) {
        let Some(line) = line else { continue };
        let x = area.x + line.indent as u16;
        let first = a.doc.text[line.start..].chars().next().map(String::from).unwrap_or_default();
        assert_eq!(buf[(x, y)].symbol(), first, "row {y}");
        assert_eq!(a.offset_at(x, y), Some(line.start), "row {y}");
        rows += 1;
    }
    assert!(rows > 10, "the view lists the rows of the pane ({rows})");
}
