//! Whole-screen snapshots with ratatui's `TestBackend`, and drawing at every size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use yuedu::app::{Action, App, Overlay};
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

/// What a terminal shows of a drawn buffer: each cell's symbol, or `None` where a wide
/// character left of it covers the cell (a terminal draws it over that cell, whatever the
/// cell holds).
fn visible(buf: &Buffer) -> Vec<Vec<Option<String>>> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut covered_until = 0u16;
            (0..area.width)
                .map(|x| {
                    if x < covered_until {
                        return None;
                    }
                    let sym = buf[(x, y)].symbol().to_string();
                    covered_until = x + unicode_width::UnicodeWidthStr::width(sym.as_str()).max(1) as u16;
                    Some(sym)
                })
                .collect()
        })
        .collect()
}

/// The box of the overlay on screen, as (left, top, right, bottom) columns and rows of its
/// corners, found from its top-left corner in the drawn cells.
fn overlay_box(buf: &Buffer) -> Option<(u16, u16, u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            if buf[(x, y)].symbol() == "┌" {
                let right = (x + 1..area.width).find(|&r| buf[(r, y)].symbol() == "┐")?;
                let bottom = (y + 1..area.height).find(|&b| buf[(x, b)].symbol() == "└")?;
                return Some((x, y, right, bottom));
            }
        }
    }
    None
}

/// Asserts that every border cell of the overlay is drawn as a terminal shows it; returns
/// the box.
fn assert_whole_border(buf: &Buffer, what: &str) -> (u16, u16, u16, u16) {
    let (l, t, r, b) = overlay_box(buf).unwrap_or_else(|| panic!("{what}: no overlay box"));
    let v = visible(buf);
    let at = |x: u16, y: u16| v[usize::from(y)][usize::from(x)].clone().unwrap_or_else(|| "<covered>".into());
    let screen = || {
        v.iter().map(|row| row.iter().flatten().cloned().collect::<String>()).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(at(l, t), "┌", "{what}: top-left corner\n{}", screen());
    assert_eq!(at(r, t), "┐", "{what}: top-right corner\n{}", screen());
    assert_eq!(at(l, b), "└", "{what}: bottom-left corner\n{}", screen());
    assert_eq!(at(r, b), "┘", "{what}: bottom-right corner\n{}", screen());
    for y in t + 1..b {
        assert_eq!(at(l, y), "│", "{what}: left border, row {y}\n{}", screen());
        assert_eq!(at(r, y), "│", "{what}: right border, row {y}\n{}", screen());
    }
    for x in l + 1..r {
        assert_eq!(at(x, b), "─", "{what}: bottom border, column {x}\n{}", screen());
    }
    (l, t, r, b)
}

/// Whether the screen without the overlay has a wide character crossing column `x` (one
/// starting at `x - 1`) on some row of `rows`.
fn wide_across(plain: &Buffer, x: u16, rows: std::ops::RangeInclusive<u16>) -> bool {
    x > 0 && rows.into_iter().any(|y| unicode_width::UnicodeWidthStr::width(plain[(x - 1, y)].symbol()) > 1)
}

fn draw(a: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(a.screen.width, a.screen.height)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(a, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The overlays and the actions that open them (the shelf, which needs a reading-places
/// file to open, is set directly: its empty list).
const OVERLAYS: [(&str, Option<Action>); 4] = [
    ("help", Some(Action::Help)),
    ("figures", Some(Action::FiguresList)),
    ("bookmarks", Some(Action::BookmarksList)),
    ("shelf", None),
];

fn open(a: &mut App, action: Option<Action>) {
    match action {
        Some(action) => a.update(action),
        None => a.overlay = Some(Overlay::Shelf),
    }
}

#[test]
fn every_size_draws_every_overlay_with_its_whole_border() {
    let mut a = app(1, 1);
    let mut cut_left = 0;
    let mut cut_right = 0;
    for w in 1..=200u16 {
        for h in (1..=40u16).step_by(if w % 7 == 0 { 1 } else { 13 }) {
            a.resize(w, h);
            let plain = draw(&a);
            for (name, action) in OVERLAYS {
                open(&mut a, action);
                assert!(a.overlay.is_some(), "{name} opens");
                let buf = draw(&a);
                if w >= 14 && h >= 6 {
                    let (l, t, r, b) = assert_whole_border(&buf, &format!("{name} at {w}x{h}"));
                    cut_left += usize::from(wide_across(&plain, l, t..=b));
                    cut_right += usize::from(wide_across(&plain, r + 1, t..=b));
                }
                a.update(Action::Close);
                assert!(a.overlay.is_none(), "{name} closes");
            }
            if w % 50 == 0 {
                a.update(Action::PageDown);
            }
        }
    }
    // The text under the overlays cut wide characters at both edges many times over.
    assert!(cut_left > 100 && cut_right > 100, "left {cut_left}, right {cut_right}");
}

/// A text whose rows alternate between wide characters on even and on odd columns of a
/// `width`-column text pane, with an outline of 24 sections whose entries start with a wide
/// character on the outline's second column: whatever column an overlay's edge falls on, a
/// wide character lies across it on some row.
fn staggered(width: u16) -> Document {
    let hanzi: Vec<char> =
        "人工智能是上海重点发展的先导产业如果说大模型是领跑通用人工智能的快车那算力则是其核心引擎"
            .chars()
            .collect();
    let run = |n: usize, from: usize| -> String { (0..n).map(|i| hanzi[(from + i) % hanzi.len()]).collect() };
    let digits: Vec<char> = "一二三四五六七八九".chars().collect();
    let numeral = |n: usize| match n {
        1..=9 => digits[n - 1].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", digits[n - 11]),
        _ => format!(
            "{}十{}",
            digits[n / 10 - 1],
            (n % 10).checked_sub(1).map_or(String::new(), |i| digits[i].to_string())
        ),
    };
    let w = usize::from(width);
    let mut text = String::new();
    for s in 1..=24 {
        text.push_str(&format!("{}、{}\n\n", numeral(s), run(4, s)));
        // Rows of w/2 wide characters and rows starting on an odd column, in turns; no
        // three rows in a row (the shortest overlay) all start on the same column.
        let even = |i: usize| format!("{}。\n", run(w / 2 - 1, s + i));
        let odd = |i: usize| format!("a{}。\n", run((w - 1) / 2 - 1, s + i + 3));
        for i in 0..2 {
            text.push_str(&even(i));
            text.push_str(&odd(i));
        }
        text.push_str(&even(2));
        text.push_str("去年增长24.8%，营收3.5亿元。\n");
        text.push_str(&odd(2));
        text.push('\n');
    }
    let decoded = yuedu::document::load::decode(text.as_bytes(), None).expect("UTF-8");
    Document::new("staggered.txt", decoded)
}

/// Whether columns `x0` and `x1` both lie in the text column or both in the outline's
/// entries (where a wide character can lie across the two).
fn pane_holds(a: &App, x0: u16, x1: u16) -> bool {
    let within = |r: ratatui::layout::Rect| r.x <= x0 && x0 < r.right() && r.x <= x1 && x1 < r.right();
    // An outline row: a one-column marker, the entry, the border.
    let outline =
        a.panes.outline.map(|o| ratatui::layout::Rect { x: o.x + 1, width: o.width.saturating_sub(2), ..o });
    within(a.panes.text) || outline.is_some_and(within)
}

/// Each overlay at `w` × `h` over the staggered text, with a wide character of the text
/// across each of its side edges (checked on the screen without it), drawn whole.
fn overlays_over_wide_characters(w: u16, h: u16, outline: bool) -> String {
    let config = Config::parse(
        &format!(
            "[text]\nfirst_line_indent = \"\"\nparagraph_spacing = 0\n[layout]\noutline_shown = {outline}\n"
        ),
        "config.toml",
        false,
    )
    .expect("config");
    // The outline (and so the text column) is the same whatever width the rows are made for.
    let probe = App::new(staggered(40), config.clone(), w, h);
    let mut a = App::new(staggered(probe.panes.text.width), config, w, h);
    a.update(Action::LineDown);
    let plain = draw(&a);
    let mut out = String::new();
    for (name, action) in OVERLAYS {
        open(&mut a, action);
        let buf = draw(&a);
        let what = format!("{name} at {w}x{h}");
        let (l, t, r, b) = assert_whole_border(&buf, &what);
        // Wherever a wide character of a pane can lie across an edge (both columns on
        // either side of it in the same pane), one does.
        let shown = || render(&a);
        if pane_holds(&a, l.wrapping_sub(1), l) {
            assert!(
                wide_across(&plain, l, t..=b),
                "{what}: no wide character under the left edge\n{}",
                shown()
            );
        }
        if pane_holds(&a, r, r + 1) {
            assert!(
                wide_across(&plain, r + 1, t..=b),
                "{what}: no wide character under the right edge\n{}",
                shown()
            );
        }
        out.push_str(&format!("--- {name}\n{}", render(&a)));
        a.update(Action::Close);
    }
    out
}

#[test]
fn overlays_over_wide_characters_50x20() {
    insta::assert_snapshot!(overlays_over_wide_characters(50, 20, true));
}

#[test]
fn overlays_over_wide_characters_80x24_outline_hidden() {
    insta::assert_snapshot!(overlays_over_wide_characters(80, 24, false));
}

#[test]
fn overlays_over_wide_characters_80x24() {
    insta::assert_snapshot!(overlays_over_wide_characters(80, 24, true));
}

#[test]
fn overlays_over_wide_characters_100x30() {
    insta::assert_snapshot!(overlays_over_wide_characters(100, 30, true));
}

/// The help as drawn at `w` × `h`: the rows inside its box.
fn help_at(w: u16, h: u16) -> String {
    let mut a = app(w, h);
    a.update(Action::Help);
    render(&a)
}

#[test]
fn screen_80x24_help() {
    insta::assert_snapshot!(help_at(80, 24));
}

#[test]
fn screen_100x30_help() {
    insta::assert_snapshot!(help_at(100, 30));
}

#[test]
fn the_help_cuts_no_description_from_80_columns_and_groups_the_section_jumps() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 50)] {
        let shown = help_at(w, h);
        let mut a = app(w, h);
        a.update(Action::Help);
        let buf = draw(&a);
        // No row inside the box ends a description in `…`.
        let (l, t, r, b) = assert_whole_border(&buf, &format!("help at {w}x{h}"));
        for y in t + 1..b {
            let row: String = (l + 1..r).map(|x| buf[(x, y)].symbol()).collect();
            assert!(!row.contains('…'), "{w}x{h}: a description is cut: {row}\n{shown}");
        }
        let group = shown.lines().find(|l| l.contains("Jump to section N")).unwrap_or_default();
        assert!(group.contains("│1–9 "), "{w}x{h}: the section jumps' keys:\n{shown}");
        assert!(!shown.contains("Jump to section 2"), "{w}x{h}: one row for the nine jumps:\n{shown}");
    }
    // From 100×30 up every row fits at once: the title says no scrolling (the next and the
    // previous of a kind share a row, so two columns of 28 hold them). At 80×24 it scrolls.
    for (w, h) in [(100, 30), (120, 40)] {
        assert!(help_at(w, h).contains("keys (any key closes)"), "{w}x{h}");
    }
    assert!(help_at(80, 24).contains("j/k scroll"));
}
