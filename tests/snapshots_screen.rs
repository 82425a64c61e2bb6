//! Whole-screen snapshots with ratatui's `TestBackend`, and drawing at every size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::{Action, App};
use yuedu::config::Config;
use yuedu::document::Document;

fn render(app: &App) -> String {
    let area = app.screen;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn app(w: u16, h: u16) -> App {
    App::new(Document::bundled(), Config::default(), w, h)
}

#[test]
fn screen_100x30_at_start() {
    insta::assert_snapshot!(render(&app(100, 30)));
}

#[test]
fn screen_100x30_second_section() {
    let mut a = app(100, 30);
    a.update(Action::Section2);
    insta::assert_snapshot!(render(&a));
}

#[test]
fn screen_60x20_at_start() {
    insta::assert_snapshot!(render(&app(60, 20)));
}

#[test]
fn screen_60x20_help() {
    let mut a = app(60, 20);
    a.update(Action::Help);
    insta::assert_snapshot!(render(&a));
}

#[test]
fn screen_too_small() {
    assert_eq!(render(&app(3, 1)), "te…\n", "a note instead of text");
    assert_eq!(render(&app(30, 1)), format!("{:30}\n", "terminal too small"));
}

#[test]
fn every_size_draws_without_a_panic() {
    let mut a = app(1, 1);
    for w in 1..=200u16 {
        for h in (1..=40u16).step_by(if w % 7 == 0 { 1 } else { 13 }) {
            a.resize(w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| yuedu::ui::draw(&a, f)).expect("draw");
            if w % 50 == 0 {
                a.update(Action::PageDown);
            }
        }
    }
}
