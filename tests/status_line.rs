//! The status line speaks of what is selected: the section named with a selected quote is
//! the quote's own, wherever the top of the view is.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;

fn status_line(app: &App) -> String {
    let area = app.screen;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    let buf = terminal.backend().buffer();
    let y = area.height - 1;
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
    }
    out
}

#[test]
fn a_selected_quote_names_its_own_section() {
    let mut a = App::new(Document::bundled(), Config::default(), 100, 30);
    // Every quote in turn: where the top of the view lies in another section than the
    // selected quote, the status line names the quote's.
    let mut seen = 0;
    for _ in 0..80 {
        a.update(Action::NextQuote);
        let Some(q) = a.selected_quote() else { break };
        let quote_section = a.doc.heading_at(a.doc.block_at(q.start));
        let top_section = a.current_heading();
        let status = status_line(&a);
        if !status.contains("quote ") {
            continue;
        }
        // Titles may be cut at the end of the line: their first words tell them apart.
        let head = |h: Option<usize>| h.map(|h| a.heading_label(h).chars().take(4).collect::<String>());
        let label = head(quote_section).expect("a section");
        assert!(status.contains(&label), "the quote's section {label}: {status}");
        if quote_section != top_section {
            seen += 1;
            let top = head(top_section).unwrap_or_default();
            assert!(!status.contains(&top), "not the section at the top, {top}: {status}");
        }
    }
    assert!(seen > 0, "some selected quote lay in another section than the top of the view");
}
