//! The mouse: wheel over the text or the outline, clicks on outline entries, figures and
//! quotes; screen cells map to the characters drawn there. State tests, with the screen
//! drawn on a `TestBackend` to find where things are, and the real binary in tmux.

mod common;

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::app::{Action, App, Focus, Overlay};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::layout::Pos;

fn app_with(config: Config) -> App {
    App::new(Document::bundled(), config, 100, 30)
}

fn app() -> App {
    app_with(Config::default())
}

fn mouse(a: &mut App, kind: MouseEventKind, x: u16, y: u16) {
    a.mouse(&MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE });
}

fn click(a: &mut App, x: u16, y: u16) {
    mouse(a, MouseEventKind::Down(MouseButton::Left), x, y);
}

/// The drawn screen as rows of (x, symbol), without the cells a wide character covers.
fn screen(a: &App) -> Vec<Vec<(u16, String)>> {
    let mut term = Terminal::new(TestBackend::new(a.screen.width, a.screen.height)).expect("terminal");
    term.draw(|f| yuedu::ui::draw(a, f)).expect("draw");
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            let mut row = Vec::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol().to_string();
                let w = unicode_width::UnicodeWidthStr::width(sym.as_str()).max(1) as u16;
                row.push((x, sym));
                x += w;
            }
            row
        })
        .collect()
}

/// The screen cell where `text` is drawn, searching cells with `x` in `xs`.
fn find(a: &App, text: &str, xs: std::ops::Range<u16>) -> Option<(u16, u16)> {
    let want: Vec<String> = text.chars().map(String::from).collect();
    for (y, row) in screen(a).iter().enumerate() {
        let row: Vec<&(u16, String)> = row.iter().filter(|(x, _)| xs.contains(x)).collect();
        for i in 0..row.len() {
            if row.len() - i >= want.len() && row[i..i + want.len()].iter().zip(&want).all(|(c, w)| &c.1 == w)
            {
                return Some((row[i].0, y as u16));
            }
        }
    }
    None
}

fn text_columns(a: &App) -> std::ops::Range<u16> {
    a.panes.text.x..a.panes.text.x + a.panes.text.width
}

#[test]
fn the_wheel_scrolls_the_text_three_rows() {
    let mut a = app();
    let (x, y) = (a.panes.text.x + 5, a.panes.text.y + 5);
    mouse(&mut a, MouseEventKind::ScrollDown, x, y);
    let mut b = app();
    b.update(Action::LineDown);
    b.update(Action::LineDown);
    b.update(Action::LineDown);
    assert_eq!(a.top, b.top);
    mouse(&mut a, MouseEventKind::ScrollUp, x, y);
    assert_eq!(a.top, Pos::default());
}

#[test]
fn the_wheel_over_the_outline_leaves_the_text_where_it_is() {
    let mut a = app();
    let outline = a.panes.outline.expect("the outline is shown at 100 columns");
    mouse(&mut a, MouseEventKind::ScrollDown, outline.x + 2, outline.y + 3);
    assert_eq!(a.top, Pos::default());
}

#[test]
fn a_click_on_an_outline_entry_jumps_there() {
    let mut a = app();
    let outline = a.panes.outline.expect("the outline is shown");
    let (x, y) = find(&a, "创新策源", outline.x..outline.x + outline.width).expect("entry drawn");
    click(&mut a, x, y);
    let h = a.current_heading().expect("a section");
    assert!(a.doc.heading_text(&a.doc.headings[h]).starts_with("创新策源"));
    assert_eq!(a.top, Pos { block: a.doc.headings[h].block, row: 0 });
    a.update(Action::JumpBack);
    assert_eq!(a.top, Pos::default(), "a click in the outline is a jump");
}

#[test]
fn a_cell_maps_to_the_character_drawn_in_it() {
    let mut a = app();
    let (x, y) = find(&a, "GDP", text_columns(&a)).expect("GDP on the first screen");
    let at = |a: &mut App, x| a.offset_at(x, y).map(|o| a.doc.text[o..].chars().take(2).collect::<String>());
    assert_eq!(at(&mut a, x).as_deref(), Some("GD"));
    assert_eq!(at(&mut a, x + 2).as_deref(), Some("P的"));
    // Both cells of a wide character are that character.
    assert_eq!(at(&mut a, x + 3).as_deref(), Some("的2"));
    assert_eq!(at(&mut a, x + 4).as_deref(), Some("的2"));
    let title_row_end = a.panes.text.x + a.panes.text.width - 1;
    assert_eq!(a.offset_at(title_row_end, a.panes.text.y), None, "past the end of the title");
}

#[test]
fn a_click_on_a_figure_selects_it() {
    let mut a = app();
    let (x, y) = find(&a, "24.8%", text_columns(&a)).expect("24.8% on the first screen");
    click(&mut a, x + 2, y);
    let (_, fig) = a.selected_figure().expect("a figure is selected");
    assert_eq!(fig.text(&a.doc.text), "24.8%");
}

#[test]
fn a_click_inside_a_quote_selects_it() {
    let mut a = app();
    a.update(Action::Section1);
    // A quotation on screen, and a cell inside it found through the drawn layout.
    let (view_start, view_end) = a.view_range();
    let q = a
        .quotes
        .quotes()
        .iter()
        .position(|q| q.start >= view_start && q.end <= view_end)
        .expect("a quote on screen");
    let quote = a.quotes.quotes()[q].clone();
    let text = a.panes.text;
    let cell = (text.y..text.y + text.height)
        .flat_map(|y| (text.x..text.x + text.width).map(move |x| (x, y)))
        .find(|&(x, y)| a.offset_at(x, y).is_some_and(|o| o > quote.start && o < quote.end))
        .expect("a cell inside the quote");
    // Not on a figure: a figure inside a quote is selected first.
    click(&mut a, cell.0, cell.1);
    assert_eq!(a.selection.quote(), Some(q), "{}", &a.doc.text[quote.start..quote.end]);
}

#[test]
fn mouse_false_turns_it_all_off() {
    let config = Config::from_toml("[layout]\nmouse = false\n", None).expect("valid config");
    assert!(!config.layout.mouse);
    let mut a = app_with(config);
    let (x, y) = (a.panes.text.x + 5, a.panes.text.y + 5);
    mouse(&mut a, MouseEventKind::ScrollDown, x, y);
    assert_eq!(a.top, Pos::default());
    let outline = a.panes.outline.expect("the outline is shown");
    let (x, y) = find(&a, "创新策源", outline.x..outline.x + outline.width).expect("entry drawn");
    click(&mut a, x, y);
    assert_eq!(a.top, Pos::default());
}

#[test]
fn a_click_closes_the_help_and_the_prompt_ignores_the_mouse() {
    let mut a = app();
    a.update(Action::Help);
    click(&mut a, 50, 10);
    assert_eq!(a.overlay, None::<Overlay>);
    a.update(Action::Search);
    let (x, y) = (a.panes.text.x + 5, a.panes.text.y + 5);
    mouse(&mut a, MouseEventKind::ScrollDown, x, y);
    assert_eq!(a.top, Pos::default());
}

#[test]
fn tmux_the_wheel_scrolls_the_text() {
    let t = common::Tmux::start(&[], 100, 30);
    t.wait_text("Contents");
    // An SGR wheel-down report at column 60, row 10, as a terminal sends it.
    for _ in 0..3 {
        t.type_text("\x1b[<65;60;10M");
    }
    t.wait_for("the title scrolled away", |s| {
        s.lines().next().is_some_and(|l| !common::text_part(l).starts_with("上海从"))
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_click_in_the_text_takes_the_focus_from_the_outline() {
    let mut a = app();
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Outline);
    let (x, y) = (a.panes.text.x + 5, a.panes.text.y + 2);
    click(&mut a, x, y);
    assert_eq!(a.focus, Focus::Text);
}

#[test]
fn tmux_a_click_on_an_outline_entry_jumps_there() {
    let t = common::Tmux::start(&[], 100, 30);
    let screen = t.wait_text("Contents");
    let (y, line) = screen
        .lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.contains("创新策源"))
        .expect("entry in the outline");
    let before = &line[..line.find("创新策源").expect("entry")];
    let x = unicode_width::UnicodeWidthStr::width(before);
    // An SGR left-button press and release, 1-based column and row, as a terminal sends them.
    t.type_text(&format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 2, y + 1, x + 2, y + 1));
    t.wait_for("the section at the top", |s| {
        s.lines().next().is_some_and(|l| common::text_part(l).starts_with("创新策源"))
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
