//! config.toml: the defaults, user files merged over them, every option doing what it says,
//! and broken files stopping with `file:line:col` messages.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use yuedu::app::{Action, App, Mode};
use yuedu::config::{Config, DEFAULT_CONFIG, OutlineWidth, Role, Side};
use yuedu::document::figures::FigureKind;
use yuedu::document::{Document, load};
use yuedu::input::Key;

/// The user file `text` merged over the defaults (colours on).
fn parse(text: &str) -> Config {
    Config::parse(text, "config.toml", false).unwrap_or_else(|e| panic!("{text:?} should load: {e}"))
}

/// The one-line error for a broken user file.
fn error(text: &str) -> String {
    match Config::parse(text, "config.toml", false) {
        Ok(_) => panic!("{text:?} should be refused"),
        Err(e) => e.to_string(),
    }
}

fn key(s: &str) -> Key {
    Key::parse(s).unwrap_or_else(|| panic!("key {s}"))
}

fn app_with(text: &str, w: u16, h: u16) -> App {
    App::new(Document::bundled(), parse(text), w, h)
}

fn doc(text: &str) -> Document {
    let decoded = load::decode(text.as_bytes(), None).expect("decode");
    Document::new("test.txt", decoded)
}

fn dump(doc: &Document, config: &Config, width: u16) -> String {
    let mut out = Vec::new();
    yuedu::cli::dump(doc, config, width, &mut out).expect("dump");
    String::from_utf8(out).expect("utf-8")
}

fn render(app: &App) -> ratatui::buffer::Buffer {
    let area = app.screen;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    terminal.draw(|f| yuedu::ui::draw(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------- the defaults

#[test]
fn the_default_file_is_valid_as_a_user_file_and_changes_nothing() {
    let from_file = parse(DEFAULT_CONFIG);
    let defaults = Config::default();
    for &a in Action::ALL {
        assert_eq!(from_file.keymap.keys(a), defaults.keymap.keys(a), "{}", a.name());
    }
    assert_eq!(from_file.layout.outline_width, defaults.layout.outline_width);
}

#[test]
fn every_action_is_in_the_default_file_and_has_a_key() {
    let defaults = Config::default();
    for &a in Action::ALL {
        assert!(
            DEFAULT_CONFIG.contains(&format!("\n{} = [", a.name())),
            "{} is missing from config.toml [keys]",
            a.name()
        );
        assert!(!defaults.keymap.keys(a).is_empty(), "{} has no key", a.name());
    }
}

#[test]
fn every_theme_role_drawn_is_in_the_default_theme() {
    // Drawing asks for a `Role` (a typed enum, so it cannot ask for a role that does not
    // exist); each must be in config.toml for a user to set it, and config.toml holds no
    // role that is never drawn.
    let defaults = Config::default();
    let roles: Vec<&str> = defaults.theme.roles().collect();
    for role in Role::ALL {
        assert!(roles.contains(&role.name()), "theme role {:?} is not in config.toml", role.name());
    }
    for name in &roles {
        assert!(Role::from_name(name).is_some(), "config.toml's theme role {name:?} is never drawn");
    }
    assert!(Role::ALL.len() >= 5, "found only {} theme roles", Role::ALL.len());
    // Drawing looks roles up by value only: no role name spelled as a string in src/ui.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("src/ui") {
        let p = entry.expect("entry").path();
        let src = std::fs::read_to_string(&p).expect("source");
        assert!(!src.contains("theme.get("), "{}: a theme role looked up by name", p.display());
        checked += src.matches("Role::").count();
    }
    assert!(checked >= 5, "found only {checked} theme lookups");
}

// ---------------------------------------------------------------- keys

#[test]
fn a_user_file_with_one_key_works_and_keeps_the_other_defaults() {
    let c = parse("[keys]\nhelp = [\"h\"]\n");
    assert_eq!(c.keymap.action(Mode::Text, key("h")), Some(Action::Help));
    // The action's default keys are replaced …
    assert_eq!(c.keymap.action(Mode::Text, key("?")), None);
    assert_eq!(c.keymap.keys(Action::Help), vec!["h"]);
    // … and everything else stays.
    assert_eq!(c.keymap.action(Mode::Text, key("j")), Some(Action::LineDown));
    assert_eq!(c.keymap.action(Mode::Outline, key("h")), Some(Action::Help));
    // `h` was collapse's default in the outline: the user's binding takes it over.
    assert_eq!(c.keymap.keys(Action::Collapse), vec!["Left"]);
}

#[test]
fn a_single_string_is_one_key() {
    let c = parse("[keys]\nquit = \"x\"\n");
    assert_eq!(c.keymap.action(Mode::Text, key("x")), Some(Action::Quit));
    assert_eq!(c.keymap.action(Mode::Text, key("q")), None);
}

#[test]
fn a_key_taken_from_another_default_action_leaves_that_action_its_other_keys() {
    let c = parse("[keys]\nnext_section = [\"j\"]\n");
    assert_eq!(c.keymap.action(Mode::Text, key("j")), Some(Action::NextSection));
    assert_eq!(c.keymap.keys(Action::LineDown), vec!["Down"]);
    assert_eq!(c.keymap.action(Mode::Text, key("]")), None);
}

#[test]
fn a_key_may_serve_actions_of_different_places() {
    // `close` applies in lists only, `quit` while reading: both may use x.
    let c = parse("[keys]\nclose = [\"x\"]\nquit = [\"x\"]\n");
    assert_eq!(c.keymap.action(Mode::List, key("x")), Some(Action::Close));
    assert_eq!(c.keymap.action(Mode::Text, key("x")), Some(Action::Quit));
}

#[test]
fn an_empty_list_unbinds() {
    let c = parse("[keys]\nhelp = []\n");
    assert!(c.keymap.keys(Action::Help).is_empty());
    assert_eq!(c.keymap.action(Mode::Text, key("?")), None);
    assert_eq!(c.keymap.first_key(Action::Help), None);
    // The status line then shows no help hint.
    let a = App::new(Document::bundled(), c, 100, 30);
    let status = screen_text(&render(&a));
    assert!(!status.lines().last().unwrap_or_default().contains("help"), "{status}");
}

#[test]
fn key_names_parse_like_the_terminal_reports_them() {
    let ev = |code, mods| Key::from_event(&KeyEvent::new(code, mods));
    assert_eq!(key("Ctrl-d"), ev(KeyCode::Char('d'), KeyModifiers::CONTROL));
    assert_eq!(key("ctrl-D"), ev(KeyCode::Char('d'), KeyModifiers::CONTROL));
    assert_eq!(key("G"), ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(key("Shift-g"), key("G"));
    assert_eq!(key("Shift-Tab"), ev(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(key("PageDown"), ev(KeyCode::PageDown, KeyModifiers::NONE));
    assert_eq!(key("F1"), ev(KeyCode::F(1), KeyModifiers::NONE));
    assert_eq!(key("Space"), ev(KeyCode::Char(' '), KeyModifiers::NONE));
    assert_eq!(key("Alt-Right"), ev(KeyCode::Right, KeyModifiers::ALT));
    assert_eq!(key("-"), ev(KeyCode::Char('-'), KeyModifiers::NONE));
    // What a terminal sends for these is the byte of Tab, Enter and Esc.
    assert_eq!(key("Ctrl-i"), key("Tab"));
    assert_eq!(key("Ctrl-m"), key("Enter"));
    assert_eq!(key("Ctrl-["), key("Esc"));
    for bad in ["", "Ctrl-", "F13", "F0", "Hyper-x", "PgDn", "ab", "\t"] {
        assert_eq!(Key::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn jump_forward_has_a_key_a_terminal_can_send() {
    let c = Config::default();
    let tab = Key::from_event(&KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    assert_eq!(c.keymap.action(Mode::Text, tab), Some(Action::FocusNext));
    let ctrl_n = Key::from_event(&KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
    assert_eq!(c.keymap.action(Mode::Text, ctrl_n), Some(Action::JumpForward));
    let ctrl_o = Key::from_event(&KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(c.keymap.action(Mode::Text, ctrl_o), Some(Action::JumpBack));
}

#[test]
fn the_help_and_the_status_line_show_the_users_keys() {
    let mut a = app_with("[keys]\nhelp = [\"F2\"]\nnext_section = [\"x\"]\n", 100, 30);
    let status = screen_text(&render(&a));
    assert!(status.lines().last().unwrap_or_default().contains("F2 help"), "{status}");
    a.update(Action::Help);
    let shown = screen_text(&render(&a));
    // The next and the previous section share a row, the user's key first.
    assert!(shown.contains("Next / previous section"), "{shown}");
    let line = shown.lines().find(|l| l.contains("Next / previous section")).unwrap_or_default();
    let before = line.split("Next / previous section").next().unwrap_or_default();
    assert!(before.trim_end().ends_with("│x ["), "{line}");
}

#[test]
fn the_help_lists_every_action_on_a_100x30_screen() {
    let mut a = app_with("", 100, 30);
    a.update(Action::Help);
    // Every action on one page: the help fits, so it does not scroll (its title says any
    // key closes it).
    let shown = screen_text(&render(&a));
    assert!(shown.contains("keys (any key closes)"), "{shown}");
    for &action in Action::ALL {
        if action.section_number().is_some() {
            // One row for the nine: `1–9  Jump to section N`.
            assert!(shown.lines().any(|l| l.contains("1–9") && l.contains("Jump to section N")), "{shown}");
            continue;
        }
        // Each action's first description word with its keys, whole.
        let keys = a.config.keymap.keys(action).join(" ");
        let word = action.description().split(' ').next().unwrap_or_default();
        assert!(
            shown.lines().any(|l| l.contains(&format!("{keys}  {word}")) || l.contains(&format!("{keys} "))),
            "{} ({keys}) is not in the help:\n{shown}",
            action.name()
        );
    }
    // And the overlay stays inside the screen at smaller sizes (no panic, border drawn).
    for (w, h) in [(60, 20), (40, 12), (20, 6), (6, 3)] {
        a.resize(w, h);
        let _ = render(&a);
    }
}

// ---------------------------------------------------------------- options change what they say

#[test]
fn layout_outline_width_auto_follows_the_longest_entry_up_to_35_percent() {
    assert_eq!(Config::default().layout.outline_width, OutlineWidth::Auto);
    // The longest entry, 产学研用融合，中国“质”造力领跑新赛道 (36 columns) under the title:
    // marker, indent 2, title, a blank column, border.
    let natural = 1 + 2 + 36 + 2;
    let wide = app_with("", 120, 30);
    assert_eq!(wide.panes.outline.map(|r| r.width), Some(natural));
    let shown = screen_text(&render(&wide));
    assert!(shown.contains("产学研用融合，中国“质”造力领跑新赛道 │"), "the entry whole:\n{shown}");
    for (w, cap) in [(100, 35), (80, 28)] {
        let a = app_with("", w, 30);
        assert_eq!(a.panes.outline.map(|r| r.width), Some(cap), "35% of {w}");
    }
    // A number still overrides it; "auto" can be written too.
    let a = app_with("[layout]\noutline_width = 28\n", 120, 30);
    assert_eq!(a.panes.outline.map(|r| r.width), Some(28));
    assert_eq!(parse("[layout]\noutline_width = \"auto\"\n").layout.outline_width, OutlineWidth::Auto);
    assert!(error("[layout]\noutline_width = \"automatic\"\n").contains("expected \"auto\""));
}

#[test]
fn layout_outline_width_in_columns_and_percent() {
    let a = app_with("[layout]\noutline_width = 40\n", 100, 30);
    assert_eq!(a.panes.outline.map(|r| r.width), Some(40));
    let a = app_with("[layout]\noutline_width = \"20%\"\n", 100, 30);
    assert_eq!(a.panes.outline.map(|r| r.width), Some(20));
    let a = app_with("[layout]\noutline_width = \"20%\"\n", 150, 30);
    assert_eq!(a.panes.outline.map(|r| r.width), Some(30));
    assert_eq!(parse("[layout]\noutline_width = \"25%\"").layout.outline_width, OutlineWidth::Percent(25));
}

#[test]
fn layout_outline_side() {
    let left = app_with("", 100, 30);
    let right = app_with("[layout]\noutline_side = \"right\"\n", 100, 30);
    assert_eq!(right.config.layout.outline_side, Side::Right);
    let (l, r) = (left.panes.outline.expect("outline"), right.panes.outline.expect("outline"));
    assert_eq!(l.x, 0);
    assert!(l.x < left.panes.text.x);
    assert_eq!(r.x + r.width, 100);
    assert!(r.x > right.panes.text.x);
}

#[test]
fn layout_outline_shown_and_min_screen_width() {
    assert!(app_with("", 100, 30).outline_visible());
    let mut a = app_with("[layout]\noutline_shown = false\n", 100, 30);
    assert!(!a.outline_visible());
    a.update(Action::ToggleOutline);
    assert!(a.outline_visible());
    let a = app_with("[layout]\noutline_min_screen_width = 101\n", 100, 30);
    assert!(!a.outline_visible());
    let a = app_with("[layout]\noutline_min_screen_width = 100\n", 100, 30);
    assert!(a.outline_visible());
}

#[test]
fn layout_max_text_width() {
    let a = app_with("[layout]\nmax_text_width = 40\noutline_shown = false\n", 100, 30);
    assert_eq!(a.panes.text.width, 40);
    // Centred like a page.
    assert_eq!(a.panes.text.x, 30);
    let a = app_with("[layout]\nmax_text_width = 1000\noutline_shown = false\n", 100, 30);
    assert!(a.panes.text.width > 90);
}

#[test]
fn text_first_line_indent() {
    let d = doc("标题\n\n第一段的文字。\n");
    let with = dump(&d, &parse(""), 40);
    assert!(with.contains("　　第一段的文字。"), "{with}");
    let without = dump(&d, &parse("[text]\nfirst_line_indent = \"\"\n"), 40);
    assert!(without.lines().any(|l| l == "第一段的文字。"), "{without}");
    let two = dump(&d, &parse("[text]\nfirst_line_indent = \"  \"\n"), 40);
    assert!(two.lines().any(|l| l == "  第一段的文字。"), "{two}");
}

#[test]
fn text_normalize_punctuation() {
    let d = doc("标题\n\n他说,我们走吧!\n");
    let on = dump(&d, &parse(""), 40);
    assert!(on.contains("他说，我们走吧！"), "{on}");
    let off = dump(&d, &parse("[text]\nnormalize_punctuation = false\n"), 40);
    assert!(off.contains("他说,我们走吧!"), "{off}");
}

#[test]
fn text_ambiguous_width() {
    // Ten “…” pairs: 20 ambiguous characters, 20 columns narrow or 40 wide.
    let line = "“甲”".repeat(10);
    let d = doc(&format!("标题\n\n{line}\n"));
    let cfg = |w: &str| parse(&format!("[text]\nfirst_line_indent = \"\"\nambiguous_width = \"{w}\"\n"));
    let narrow = dump(&d, &cfg("narrow"), 40);
    let wide = dump(&d, &cfg("wide"), 40);
    assert_eq!(narrow.lines().filter(|l| l.contains('甲')).count(), 1, "{narrow}");
    assert!(wide.lines().filter(|l| l.contains('甲')).count() >= 2, "{wide}");
}

#[test]
fn text_strict_and_paragraph_spacing_reach_the_layout() {
    let s = yuedu::app::settings_for(&parse("[text]\nstrict = true\nparagraph_spacing = 2\n"), 40);
    assert!(s.wrap.strict);
    assert_eq!(s.spacing, 2);
    let s = yuedu::app::settings_for(&parse(""), 40);
    assert!(!s.wrap.strict);
    assert_eq!(s.spacing, 1);
}

#[test]
fn text_paragraph_spacing_changes_the_rows() {
    let rows = |spacing: u8| {
        let mut a = app_with(&format!("[text]\nparagraph_spacing = {spacing}\n"), 100, 30);
        a.update(Action::Bottom);
        let last = a.top;
        let mut rows = 0;
        let mut pos = yuedu::layout::Pos::default();
        while pos < last {
            pos = a.layout.forward(&a.doc, pos, 1);
            rows += 1;
        }
        rows
    };
    let (zero, one, two) = (rows(0), rows(1), rows(2));
    assert!(zero < one && one < two, "{zero} {one} {two}");
}

#[test]
fn dump_puts_the_configured_blank_lines_between_paragraphs() {
    let d = doc("第一段。\n第二段。\n第三段。\n");
    for spacing in 0..=2usize {
        let out = dump(&d, &parse(&format!("[text]\nparagraph_spacing = {spacing}\n")), 40);
        let blank = "\n".repeat(spacing);
        assert_eq!(out, format!("　　第一段。\n{blank}　　第二段。\n{blank}　　第三段。\n"), "{spacing}");
    }
}

#[test]
fn theme_styles_are_drawn() {
    let a = app_with("[theme]\ntitle = { fg = \"#ff0000\", bg = 17, modifiers = [\"italic\"] }\n", 100, 30);
    let buf = render(&a);
    let x = a.panes.text.x + a.panes.text.width / 2;
    let cell = (0..a.panes.text.width)
        .map(|dx| &buf[(a.panes.text.x + dx, 0)])
        .find(|c| c.symbol().trim() != "")
        .unwrap_or(&buf[(x, 0)]);
    assert_eq!(cell.fg, Color::Rgb(255, 0, 0));
    assert_eq!(cell.bg, Color::Indexed(17));
    assert!(cell.modifier.contains(Modifier::ITALIC));
    // A role given replaces the whole default style (bold is gone).
    assert!(!cell.modifier.contains(Modifier::BOLD));
}

#[test]
fn theme_colour_names_hex_and_indices() {
    let c = parse("[theme]\nfigure = { fg = \"LightRed\", bg = \"#00ff80\" }\nquote = { fg = 255 }\n");
    assert_eq!(c.theme.get("figure").fg, Some(Color::LightRed));
    assert_eq!(c.theme.get("figure").bg, Some(Color::Rgb(0, 255, 128)));
    assert_eq!(c.theme.get("quote").fg, Some(Color::Indexed(255)));
    // Roles not given keep their defaults.
    assert_eq!(c.theme.get("title").fg, Some(Color::LightYellow));
}

#[test]
fn no_color_drops_colours_and_keeps_modifiers() {
    let c = Config::parse("[theme]\ntitle = { fg = \"red\", modifiers = [\"bold\"] }\n", "config.toml", true)
        .expect("valid");
    let title = c.theme.get("title");
    assert_eq!(title.fg, None);
    assert!(title.add_modifier.contains(Modifier::BOLD));
    assert_eq!(Config::parse("", "x", true).expect("defaults").theme.get("status").bg, None);
}

#[test]
fn highlight_figures_sets_highlighting_at_start() {
    assert!(app_with("", 100, 30).figures.shown);
    let mut a = app_with("[highlight]\nfigures = false\n", 100, 30);
    assert!(!a.figures.shown);
    a.update(Action::ToggleFigures);
    assert!(a.figures.shown);
}

#[test]
fn highlight_figure_kinds_limits_the_figures_stepped_and_drawn() {
    let mut all = app_with("", 100, 30);
    all.update(Action::NextFigure);
    let kinds_all: std::collections::HashSet<_> = all.figures.all().iter().map(|f| f.kind).collect();
    assert!(kinds_all.len() > 2, "the article has figures of several kinds");
    let mut a = app_with("[highlight]\nfigure_kinds = [\"percent\"]\n", 100, 30);
    a.update(Action::NextFigure);
    let (_, f) = a.selected_figure().expect("a percentage is selected");
    assert_eq!(f.kind, FigureKind::Percent);
    assert!(!a.figures.all().is_empty());
    assert!(a.figures.all().iter().all(|f| f.kind == FigureKind::Percent));
    // Drawing: a figure of a kind left out is not highlighted.
    let mut none = app_with("[highlight]\nfigure_kinds = []\n", 100, 30);
    none.update(Action::NextFigure);
    assert!(none.figures.all().is_empty());
}

#[test]
fn every_figure_kind_has_a_theme_role() {
    // Drawing looks up `figure_<kind>`; each must be settable.
    let c = Config::default();
    let roles: Vec<&str> = c.theme.roles().collect();
    for kind in FigureKind::ALL {
        let role = format!("figure_{}", kind.name());
        assert!(roles.contains(&role.as_str()), "{role} is not in config.toml [theme]");
        assert!(DEFAULT_CONFIG.contains(&format!("\"{}\"", kind.name())), "{} in figure_kinds", kind.name());
    }
}

#[test]
fn bookmarks_file_is_where_bookmarks_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("sub").join("marks.toml");
    let text = format!("[bookmarks]\nfile = {:?}\n", file.to_str().expect("path"));
    let mut a = app_with(&text, 100, 30);
    assert_eq!(a.quotes.store.as_ref().map(|s| s.path().to_path_buf()), Some(file.clone()));
    a.update(Action::Bookmark);
    assert!(file.is_file(), "no bookmarks file at {}", file.display());
    assert_eq!(Config::default().bookmarks.file, "");
}

// ---------------------------------------------------------------- broken files

#[test]
fn broken_files_stop_with_file_line_column_and_what_was_expected() {
    let cases: &[(&str, &str)] = &[
        (
            "[theme]\nfigure = { fg = \"yelow\" }\n",
            "config.toml:2:17: unknown colour \"yelow\" for theme.figure (expected a colour name, #rrggbb or \
             0-255; did you mean \"yellow\"?)",
        ),
        (
            "[theme]\ntitle = { bg = 256 }\n",
            "config.toml:2:16: invalid value 256 for theme.title (expected a colour name, #rrggbb or 0-255)",
        ),
        (
            "[theme]\ntitle = { fg = \"#12345\" }\n",
            "config.toml:2:16: unknown colour \"#12345\" for theme.title (expected a colour name, #rrggbb or \
             0-255)",
        ),
        (
            "# mine\n\n[theme]\ntitle = { fg = \"red\", modifiers = [\"bold\", \"blod\"] }\n",
            "config.toml:4:44: unknown modifier \"blod\" for theme.title (expected bold, dim, italic, \
             underlined, reversed or crossed_out; did you mean \"bold\"?)",
        ),
        (
            "[theme]\ntitel = { fg = \"red\" }\n",
            "config.toml:2:1: unknown theme role \"titel\" (expected a role of the default theme, see `yuedu \
             config --default`; did you mean \"title\"?)",
        ),
        (
            "[theme]\ntitle = { colour = \"red\" }\n",
            "config.toml:2:11: unknown key \"colour\" in theme.title (expected fg, bg or modifiers)",
        ),
        (
            "[theme]\ntitle = \"red\"\n",
            "config.toml:2:9: wrong type for theme.title (expected a style such as { fg = \"red\", modifiers \
             = [\"bold\"] }, found \"red\")",
        ),
        (
            "[layout]\noutline_widht = 30\n",
            "config.toml:2:1: unknown key \"outline_widht\" in [layout] (expected direction, \
             max_text_width, mouse, outline_enter_keeps_focus, outline_min_screen_width, outline_shown, \
             outline_side, outline_width or vertical_gutter; did you mean \"outline_width\"?)",
        ),
        (
            "[layout]\noutline_width = \"120%\"\n",
            "config.toml:2:17: invalid value \"120%\" for layout.outline_width (expected \"auto\", a number of columns \
             8-200 or a percentage \"10%\"-\"90%\")",
        ),
        (
            "[layout]\noutline_width = 2\n",
            "config.toml:2:17: invalid value 2 for layout.outline_width (expected \"auto\", a number of \
             columns 8-200 or a percentage \"10%\"-\"90%\")",
        ),
        (
            "[layout]\noutline_side = \"middle\"\n",
            "config.toml:2:16: invalid value \"middle\" for layout.outline_side (expected \"left\" or \"right\")",
        ),
        (
            "[layout]\noutline_shown = \"yes\"\n",
            "config.toml:2:17: wrong type for layout.outline_shown (expected true or false, found \"yes\")",
        ),
        (
            "[layout]\nmax_text_width = 5\n",
            "config.toml:2:18: invalid value 5 for layout.max_text_width (expected an integer 10-1000)",
        ),
        (
            "[layout]\nmax_text_width = 80.5\n",
            "config.toml:2:18: wrong type for layout.max_text_width (expected an integer 10-1000, found 80.5)",
        ),
        (
            "[text]\nambiguous_width = \"wdie\"\n",
            "config.toml:2:19: invalid value \"wdie\" for text.ambiguous_width (expected \"narrow\" or \
             \"wide\"; did you mean \"wide\"?)",
        ),
        (
            "[text]\nparagraph_spacing = 3\n",
            "config.toml:2:21: invalid value 3 for text.paragraph_spacing (expected an integer 0-2)",
        ),
        (
            "[text]\nfirst_line_indent = \"\\t\"\n",
            "config.toml:2:21: invalid value \"\\t\" for text.first_line_indent (expected at most 8 columns \
             of spaces, such as \"　　\" or \"    \")",
        ),
        (
            "[text]\nstrict = 1\n",
            "config.toml:2:10: wrong type for text.strict (expected true or false, found 1)",
        ),
        (
            "[highlight]\nfigure_kinds = [\"money\", \"moneys\"]\n",
            "config.toml:2:26: unknown figure kind \"moneys\" in highlight.figure_kinds (expected percent, \
             money, count, date, age, measure or other; did you mean \"money\"?)",
        ),
        (
            "[highlight]\nfigures = \"on\"\n",
            "config.toml:2:11: wrong type for highlight.figures (expected true, false or \"auto\", found \"on\")",
        ),
        (
            "[bookmarks]\nfile = 3\n",
            "config.toml:2:8: wrong type for bookmarks.file (expected a string (a file path, or \"\" for the \
             default), found 3)",
        ),
        (
            "[keys]\nline_donw = [\"j\"]\n",
            "config.toml:2:1: unknown action \"line_donw\" in [keys] (expected an action such as line_down, \
             see `yuedu config --default`; did you mean \"line_down\"?)",
        ),
        (
            "[keys]\nline_down = [\"j\", \"PgDn\"]\n",
            "config.toml:2:19: unknown key name \"PgDn\" for keys.line_down (expected one character, F1-F12 \
             or a name such as Enter, Esc, Tab, Space, PageDown, optionally after Ctrl-, Alt- or Shift-)",
        ),
        (
            "[keys]\nline_down = [\"Ctrl-Dwon\"]\n",
            "config.toml:2:14: unknown key name \"Ctrl-Dwon\" for keys.line_down (expected one character, \
             F1-F12 or a name such as Enter, Esc, Tab, Space, PageDown, optionally after Ctrl-, Alt- or \
             Shift-; did you mean \"Down\"?)",
        ),
        (
            "[keys]\nline_down = [1]\n",
            "config.toml:2:14: wrong type for keys.line_down (expected a key name such as \"j\", \"Ctrl-d\" \
             or \"PageDown\", found 1)",
        ),
        (
            "[keys]\nline_down = true\n",
            "config.toml:2:13: wrong type for keys.line_down (expected a list of keys such as [\"j\", \
             \"Down\"], found true)",
        ),
        (
            "[keys]\nnext_section = [\"x\"]\nline_up = [\"k\", \"x\"]\n",
            "config.toml:3:17: key \"x\" for keys.line_up is already bound to keys.next_section (one key can \
             serve two actions only where they apply in different places)",
        ),
        (
            "[keys]\njump_forward = [\"Ctrl-i\"]\nfocus_next = [\"Tab\"]\n",
            "config.toml:3:15: key \"Tab\" for keys.focus_next is already bound to keys.jump_forward as \
             \"Ctrl-i\", which a terminal sends as Tab (one key can serve two actions only where they apply in \
             different places)",
        ),
        (
            "[layuot]\n",
            "config.toml:1:2: unknown table [layuot] (expected bookmarks, boss, highlight, interface, keys, layout, quotes, \
             script, text, theme, theme_light or theme_no_color; did you mean \"layout\"?)",
        ),
        (
            "outline_width = 30\n",
            "config.toml:1:1: unknown option \"outline_width\" outside any table (options go under \
             [bookmarks], [boss], [highlight], [interface], [keys], [layout], [quotes], [script], [text], [theme], \
             [theme_light] or [theme_no_color])",
        ),
        (
            "[keys]\nquit = []\n",
            "config.toml:2:1: keys.quit is left without a key, so yuedu could not be closed (give quit a key)",
        ),
        (
            "[keys]\nhelp = [\"q\", \"Esc\"]\nsearch = [\"Ctrl-c\"]\n",
            "config.toml:3:1: keys.quit is left without a key, so yuedu could not be closed (give quit a key)",
        ),
        (
            "[layout]\nmouse = \"yes\"\n",
            "config.toml:2:9: wrong type for layout.mouse (expected true or false, found \"yes\")",
        ),
        (
            "[text]\nreading_speed = 10\n",
            "config.toml:2:17: invalid value 10 for text.reading_speed (expected an integer 50-5000)",
        ),
        ("layout = 3\n", "config.toml:1:10: wrong type for layout (expected a table, found 3)"),
        ("[layout\n", "config.toml:1:8: unclosed table, expected `]`"),
        ("[layout]\nmax_text_width = 80\nmax_text_width = 90\n", "config.toml:3:1: duplicate key"),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = error(text);
        if got != *expected {
            failures.push(format!("file {text:?}\n  expected {expected}\n  got      {got}"));
        }
        assert!(!got.contains('\n'), "one line: {got}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_first_problem_in_the_file_is_reported() {
    // Tables are stored by name; the report still follows the file's order.
    let e = error("[theme]\ntitle = { fg = \"nope\" }\n[layout]\nmax_text_width = 1\n");
    assert!(e.starts_with("config.toml:2:16:"), "{e}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let e = error("[text]\nfirst_line_indent = \"　　\" # 缩进\nparagraph_spacing = \"两\"\n");
    assert!(e.starts_with("config.toml:3:21:"), "{e}");
    let e = error("[text] # 正文设置，下面有错\nstrict = \"否\"\n");
    assert!(e.starts_with("config.toml:2:10:"), "{e}");
    let e = error("[theme] # 主题\ntitle = { fg = \"红\" }   # 错误在这里 \"x\"\n");
    assert!(e.starts_with("config.toml:2:16:"), "{e}");
}

#[test]
fn not_utf8_names_the_place() {
    let e = Config::from_bytes(b"[layout]\nmax_text_width = 8\xff0\n", std::path::Path::new("c.toml"))
        .expect_err("not UTF-8");
    assert_eq!(e.to_string(), "c.toml:2:19: the file is not UTF-8 text");
}

#[test]
fn a_byte_order_mark_is_allowed() {
    let c = parse("\u{feff}[layout]\nmax_text_width = 50\n");
    assert_eq!(c.layout.max_text_width, 50);
}

// ---------------------------------------------------------------- never panics

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("[layout]\n".to_string()),
            Just("[text]\n".to_string()),
            Just("[theme]\n".to_string()),
            Just("[keys]\n".to_string()),
            Just("[highlight]\n".to_string()),
            Just("[bookmarks]\n".to_string()),
            Just("[theme.title]\n".to_string()),
            "(outline_width|max_text_width|paragraph_spacing|ambiguous_width|first_line_indent|figure_kinds|\
              title|figure|fg|bg|modifiers|line_down|quit|help|file|strict) = "
                .prop_map(|s| s.to_string()),
            any::<i64>().prop_map(|n| format!("{n}\n")),
            "\"[a-zA-Z0-9#%\\- ]{0,12}\"\n".prop_map(|s| s.to_string()),
            "\\[(\"[a-zA-Z0-9\\-\\[\\]]{0,8}\", ){0,3}\\]\n".prop_map(|s| s.to_string()),
            "\\{ (fg|bg|modifiers|x) = (\"[a-z#0-9]{0,8}\"|[0-9]{1,4}|\\[\"[a-z]{0,6}\"\\]) \\}\n"
                .prop_map(|s| s.to_string()),
            Just("true\n".to_string()),
            Just("1.5\n".to_string()),
            Just("1979-05-27\n".to_string()),
            ".{0,10}".prop_map(|s| s.to_string()),
        ]
    }

    proptest! {
        #[test]
        fn any_text_never_panics(text in ".{0,400}") {
            let _ = Config::parse(&text, "config.toml", false);
        }

        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = Config::from_bytes(&bytes, std::path::Path::new("config.toml"));
        }

        #[test]
        fn config_like_text_never_panics_and_errors_are_one_located_line(
            parts in proptest::collection::vec(fragment(), 0..24)
        ) {
            let text = parts.concat();
            if let Err(e) = Config::parse(&text, "config.toml", false) {
                let e = e.to_string();
                prop_assert!(!e.contains('\n'), "{}", e);
                prop_assert!(e.starts_with("config.toml:"), "{}", e);
            }
        }

        #[test]
        fn any_key_name_never_panics(s in ".{0,12}") {
            if let Some(k) = Key::parse(&s) {
                // What is shown in the help reads back as the same key.
                prop_assert_eq!(Key::parse(&k.display()), Some(k));
            }
        }
    }
}

#[test]
fn the_readme_example_loads_and_does_what_its_comments_say() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let section = readme.split("## Configuration").nth(1).expect("a Configuration section");
    let example = section.split("```toml\n").nth(1).and_then(|s| s.split("```").next()).expect("an example");
    let c = parse(example);
    assert_eq!(c.layout.outline_width, OutlineWidth::Percent(25));
    assert_eq!(c.layout.outline_side, Side::Right);
    assert_eq!(c.keymap.action(Mode::Outline, key("h")), Some(Action::Help));
    assert_eq!(c.keymap.keys(Action::Collapse), vec!["Left"]);
    assert_eq!(c.theme.get("figure").fg, Some(Color::Rgb(0xff, 0xaf, 0)));
}

#[test]
fn layout_outline_side_right_puts_the_border_between_outline_and_text() {
    let a = app_with("[layout]\noutline_side = \"right\"\n", 100, 30);
    let buf = render(&a);
    let o = a.panes.outline.expect("outline");
    assert_eq!(buf[(o.x, 5)].symbol(), "│", "border on the outline's left");
    assert_ne!(buf[(o.x + o.width - 1, 5)].symbol(), "│");
    let a = app_with("", 100, 30);
    let buf = render(&a);
    let o = a.panes.outline.expect("outline");
    assert_eq!(buf[(o.x + o.width - 1, 5)].symbol(), "│", "border on the outline's right");
}

#[test]
fn a_help_longer_than_the_screen_scrolls_with_the_line_keys() {
    let mut a = app_with("", 60, 20);
    a.update(Action::Help);
    let first = screen_text(&render(&a));
    assert!(first.contains("Scroll down one line"), "{first}");
    assert!(!first.contains("Quit"), "{first}");
    assert!(first.contains("j/k scroll"), "{first}");
    for _ in 0..100 {
        a.update(Action::LineDown);
    }
    assert_eq!(a.overlay, Some(yuedu::app::Overlay::Help));
    let last = screen_text(&render(&a));
    assert!(last.contains("Quit"), "{last}");
    assert!(!last.contains("Scroll down one line"), "{last}");
    a.update(Action::Top);
    assert!(screen_text(&render(&a)).contains("Scroll down one line"));
    // Any other key closes it, and it opens at the top again.
    a.update(Action::Section1);
    assert_eq!(a.overlay, None);
    a.update(Action::Help);
    assert_eq!(a.help_scroll, 0);
    // Where everything fits, the line keys close the help as before.
    let mut big = app_with("", 120, 40);
    big.update(Action::Help);
    big.update(Action::LineDown);
    assert_eq!(big.overlay, None);
}

#[test]
fn every_option_in_the_default_file_is_documented_above_it() {
    // The theme tables and [keys] are documented once at their top; every other option has
    // its own.
    let mut table = "";
    let mut previous = "";
    for line in DEFAULT_CONFIG.lines() {
        if let Some(name) = line.strip_prefix('[') {
            table = name.trim_end_matches(']');
        } else if !line.starts_with('#')
            && line.contains(" = ")
            && !table.starts_with("theme")
            && table != "keys"
        {
            assert!(previous.starts_with('#'), "[{table}] {line:?} has no comment above it");
        }
        previous = line;
    }
}

#[test]
fn highlight_figures_auto_is_off_in_a_novel_only() {
    let novel = "西游记\n第一回 灵根育孕源流出\n两个猴子来了三次。\n第二回 悟彻菩提真妙理\n他走了二十里。\n";
    let app = |text: &str, cfg: &str| App::new(doc(text), parse(cfg), 100, 30);
    assert!(!app(novel, "").figures.shown, "auto: off in a novel");
    assert!(app(novel, "[highlight]\nfigures = true\n").figures.shown);
    assert!(app("标题\n增长了24.8%。\n", "").figures.shown, "auto: on in an article");
    assert!(app("标题\n增长了24.8%。\n", "[highlight]\nfigures = \"auto\"\n").figures.shown);
    let rules = "条例\n第一章 总则\n第一条 为了规范工作，制定本规则。\n";
    assert!(app(rules, "").figures.shown, "a regulation's 第一章 is no novel chapter");
}
