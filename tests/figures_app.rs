//! Figures in the reader, without a terminal: stepping, toggling, the list, and what is
//! drawn (TestBackend snapshots at 100×30 listing the highlighted runs by theme role).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Style};
use unicode_width::UnicodeWidthStr;
use yuedu::app::{Action, App, Overlay};
use yuedu::config::Config;
use yuedu::document::Document;
use yuedu::document::figures::FigureKind;

fn app() -> App {
    App::new(Document::bundled(), Config::default(), 100, 30)
}

fn status(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().trim().to_string()
}

fn render(app: &App) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
    t.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let buf = render(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += (sym.width() as u16).max(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The figure role whose style (over a body paragraph) a cell shows exactly.
fn role(config: &Config, style: Style) -> Option<String> {
    let theme = &config.theme;
    let same = |want: Style| {
        style.fg == Some(want.fg.unwrap_or(Color::Reset))
            && style.bg == Some(want.bg.unwrap_or(Color::Reset))
            && style.add_modifier == want.add_modifier
    };
    let body = theme.get("body").patch(theme.get("figure"));
    let selected = body.patch(theme.get("figure_selected"));
    // A selected figure keeps its kind's style underneath, so check every combination.
    for k in FigureKind::ALL {
        let role = format!("figure_{}", k.name());
        if same(body.patch(theme.get(&role)).patch(theme.get("figure_selected"))) || same(selected) {
            return Some("figure_selected".into());
        }
        if same(body.patch(theme.get(&role))) {
            return Some(role);
        }
    }
    None
}

/// The screen, then every run of cells in the text pane drawn in a figure style.
fn snapshot(app: &App) -> String {
    let buf = render(app);
    let area = app.panes.text;
    let mut runs = String::new();
    for y in area.top()..area.bottom() {
        let mut current: Option<(String, String)> = None;
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            x += (cell.symbol().width() as u16).max(1);
            let r = role(&app.config, cell.style());
            match (&mut current, r) {
                (Some((text, role)), Some(r)) if *role == r => text.push_str(cell.symbol()),
                (cur, r) => {
                    if let Some((text, role)) = cur.take() {
                        runs.push_str(&format!("row {y:2}: {text} = {role}\n"));
                    }
                    *cur = r.map(|r| (cell.symbol().to_string(), r));
                }
            }
        }
        if let Some((text, role)) = current {
            runs.push_str(&format!("row {y:2}: {text} = {role}\n"));
        }
    }
    format!("{}\n--- figure styles ---\n{runs}", screen(app))
}

#[test]
fn nothing_is_scanned_at_startup() {
    let app = app();
    assert!(app.figures.all().is_empty(), "the figure index is built on first use only");
    assert!(app.figures.shown);
}

#[test]
fn next_and_previous_figure_from_the_top() {
    let mut app = app();
    app.update(Action::NextFigure);
    assert_eq!(app.figure_status().as_deref(), Some("figure 1/37 · 2023年 · date"));
    assert!(status(&app).starts_with("figure 1/37 · 2023年 · date"), "{}", status(&app));
    app.update(Action::NextFigure);
    app.update(Action::NextFigure);
    assert_eq!(app.figure_status().as_deref(), Some("figure 3/37 · 1.6万亿元 · money"));
    app.update(Action::PrevFigure);
    assert_eq!(app.figure_status().as_deref(), Some("figure 2/37 · 三大 · count"));
    app.update(Action::PrevFigure);
    app.update(Action::PrevFigure);
    assert_eq!(app.message.as_deref(), Some("no figures above"));
}

#[test]
fn stepping_scrolls_the_selection_into_view() {
    let mut app = app();
    for _ in 0..30 {
        app.update(Action::NextFigure);
        assert!(app.figure_status().is_some(), "selection out of view after a step");
    }
    assert_eq!(app.figure_status().as_deref(), Some("figure 30/37 · 亿元以上 · money"));
    assert!(app.top.block > 0, "the view followed the selection");
}

#[test]
fn after_scrolling_away_the_next_figure_is_the_first_below_the_top() {
    let mut app = app();
    app.update(Action::NextFigure);
    app.update(Action::Section3);
    app.update(Action::NextFigure);
    assert_eq!(app.figure_status().as_deref(), Some("figure 34/37 · 5月24日 · date"));
    app.update(Action::Top);
    app.update(Action::PrevFigure);
    assert_eq!(app.message.as_deref(), Some("no figures above"));
}

#[test]
fn f_toggles_the_highlight() {
    let mut app = app();
    assert!(snapshot(&app).contains("1.6万亿元 = figure_money"));
    app.update(Action::ToggleFigures);
    assert!(!app.figures.shown);
    assert_eq!(app.message.as_deref(), Some("figure highlighting off"));
    assert!(!snapshot(&app).contains("= figure_"), "no figure styles when off");
    app.update(Action::ToggleFigures);
    assert_eq!(app.message.as_deref(), Some("figures highlighted"));
    assert!(snapshot(&app).contains("24.8% = figure_percent"));
}

#[test]
fn disabled_kinds_are_neither_drawn_nor_stepped() {
    let mut config = Config::default();
    config.highlight.figure_kinds = vec![FigureKind::Percent];
    let mut app = App::new(Document::bundled(), config, 100, 30);
    let shot = snapshot(&app);
    assert!(shot.contains("6.9% = figure_percent"));
    assert!(!shot.contains("= figure_money") && !shot.contains("= figure_date"), "{shot}");
    app.update(Action::NextFigure);
    assert_eq!(app.figure_status().as_deref(), Some("figure 1/4 · 6.9% · percent"));
}

#[test]
fn the_list_moves_jumps_and_closes() {
    let mut app = app();
    app.update(Action::FiguresList);
    assert_eq!(app.overlay, Some(Overlay::Figures));
    let shown = screen(&app);
    assert!(shown.contains("figures 1/37"), "{shown}");
    assert!(shown.contains("2023年") && shown.contains("date"));
    app.update(Action::Bottom);
    app.update(Action::LineUp);
    app.update(Action::Select);
    assert_eq!(app.overlay, None);
    assert_eq!(app.figure_status().as_deref(), Some("figure 36/37 · 上百例 · count"));
    app.update(Action::FiguresList);
    assert!(screen(&app).contains("figures 36/37"));
    app.update(Action::Close);
    assert_eq!(app.overlay, None);
    assert!(!app.should_quit);
}

#[test]
fn snapshot_highlighted_and_selected() {
    let mut app = app();
    for _ in 0..3 {
        app.update(Action::NextFigure);
    }
    insta::assert_snapshot!("figures_selected_100x30", snapshot(&app));
}

#[test]
fn snapshot_list() {
    let mut app = app();
    app.update(Action::NextSection);
    app.update(Action::FiguresList);
    app.update(Action::LineDown);
    insta::assert_snapshot!("figures_list_100x30", screen(&app));
}

#[test]
fn highlights_cover_exactly_the_figure_cells_at_any_width() {
    let want = "2023年三大1.6万亿元6.9%24.8%不到一年近70家40岁以下70%";
    for width in [24u16, 30, 41, 57, 64, 100, 140] {
        let app = App::new(Document::bundled(), Config::default(), width, 200);
        let shot = snapshot(&app);
        // The highlighted cells, read in order, spell the figures and nothing else.
        let runs: String = shot
            .split("--- figure styles ---\n")
            .nth(1)
            .unwrap_or("")
            .lines()
            .filter_map(|l| l.split_once(": ").and_then(|(_, r)| r.rsplit_once(" = ")).map(|(t, _)| t))
            .collect();
        assert!(runs.starts_with(want), "width {width}: {runs}\n{shot}");
    }
}

#[test]
fn a_figure_selection_replaces_a_quote_selection() {
    let mut app = app();
    app.update(Action::NextQuote);
    app.update(Action::NextFigure);
    assert!(app.selection.quote().is_none());
    assert!(status(&app).starts_with("figure 1/37"), "{}", status(&app));
}

#[test]
fn a_quote_selection_replaces_a_figure_selection() {
    // `}` then `)`: only the quote is selected, and the status line and the highlights
    // speak of it alone.
    let mut app = app();
    app.update(Action::NextFigure);
    assert!(app.selected_figure().is_some());
    app.update(Action::NextQuote);
    assert!(app.selected_figure().is_none(), "the figure is still selected");
    assert!(app.selected_quote().is_some(), "no quote is selected");
    assert!(matches!(app.selection, yuedu::app::Selection::Quote(_)));
    assert!(status(&app).starts_with("quote "), "{}", status(&app));
}

#[test]
fn small_screens_draw_the_list_and_selection_without_panic() {
    for (w, h) in [(4u16, 2u16), (10, 5), (20, 8), (33, 11), (40, 12), (61, 20)] {
        let mut app = App::new(Document::bundled(), Config::default(), w, h);
        for _ in 0..5 {
            app.update(Action::NextFigure);
            let _ = render(&app);
        }
        app.update(Action::FiguresList);
        app.update(Action::PageDown);
        let _ = render(&app);
        app.update(Action::Select);
        let _ = render(&app);
        assert!(app.figure_status().is_some() || h < 4, "{w}x{h}: selection not in view");
    }
}

#[test]
fn a_huge_paragraph_is_highlighted_like_a_small_one() {
    // One 400 KB line: drawing scans a window around the view, with the same figures.
    let unit = "营收达1.6万亿元，同比增长6.9%，员工近70人";
    let text = format!("标题\n{}", unit.repeat(400_000 / unit.len()));
    let decoded = yuedu::document::load::decode(text.as_bytes(), None).expect("UTF-8");
    let mut app = App::new(Document::new("huge.txt", decoded), Config::default(), 100, 30);
    app.update(Action::HalfPageDown);
    for _ in 0..500 {
        app.update(Action::PageDown);
    }
    let shot = snapshot(&app);
    let runs: Vec<&str> = shot.split("--- figure styles ---\n").nth(1).unwrap_or("").lines().collect();
    assert!(runs.len() > 20, "{shot}");
    let texts: String = runs.iter().filter_map(|l| l.split_once(": ").map(|(_, r)| r)).collect();
    assert!(texts.contains("1.6万亿元 = figure_money") && texts.contains("6.9% = figure_percent"));
    assert!(!texts.contains('达') && !texts.contains('，'), "{shot}");
}

/// `highlight.figures = "auto"`: off in a novel (chapters, told as a story), on in a
/// regulation whose outline has 第一章 too, and in a news report.
#[test]
fn auto_highlighting_is_off_only_in_novels() {
    use yuedu::config::FiguresAtStart;
    let doc =
        |text: String| Document::new("t.txt", yuedu::document::load::decode(text.as_bytes(), None).unwrap());
    let story = "他看着她，她笑着对他说：“我们走吧。”他点点头，我在一旁看着他们走远了。".repeat(6);
    let rule = "国务院工作人员应当依法履行职责，严格遵守工作纪律，提高工作效率和服务质量。".repeat(6);
    let novel = doc(format!("某小说\n\n第一章 开端\n\n{story}\n\n第二章 远行\n\n{story}\n"));
    let regulation = doc(format!("某规则\n\n第一章 总则\n\n{rule}\n\n第二章 职责\n\n{rule}\n"));
    assert!(!FiguresAtStart::Auto.shown_for(&novel));
    assert!(FiguresAtStart::Auto.shown_for(&regulation));
    assert!(FiguresAtStart::Auto.shown_for(&Document::bundled()));
}
