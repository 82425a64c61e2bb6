//! Colours: the dark and the light theme and how one is chosen (`interface.theme`, the
//! terminal's background, `COLORFGBG`), the styles used without colour (`NO_COLOR`), and the
//! status line's message kinds, each in a style of its own.

mod common;

use common::Tmux;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use yuedu::app::{Action, App};
use yuedu::config::{Background, Config, Role};
use yuedu::document::Document;
use yuedu::i18n::Kind;

fn config(text: &str, no_color: bool) -> Config {
    Config::parse(text, "config.toml", no_color).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn app(config: Config) -> App {
    App::new(Document::bundled(), config, 100, 30)
}

/// The status line's style (its first cell).
fn status_style(app: &App) -> Style {
    let buf = common::draw_buffer(app);
    buf[(0, buf.area.height - 1)].style()
}

#[test]
fn each_message_kind_has_its_own_style() {
    let mut a = app(config("", false));
    let theme = a.config.theme.clone();
    let plain = status_style(&a);
    assert_eq!(plain.bg, theme.style(Role::Status).bg);
    a.update(Action::ToggleFigures);
    assert_eq!(a.message.as_ref().map(|m| m.kind), Some(Kind::Info), "{:?}", a.message);
    assert_eq!(status_style(&a).bg, theme.style(Role::StatusInfo).bg);
    a.update(Action::PrevFigure);
    assert_eq!(a.message.as_ref().map(|m| m.kind), Some(Kind::Warning), "{:?}", a.message);
    assert_eq!(status_style(&a).bg, theme.style(Role::StatusWarning).bg);
    // A bookmarks file that cannot be read is an error.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bookmarks.toml");
    std::fs::write(&file, "[[bookmark]]\nid = 3\n").expect("write");
    a.use_bookmarks_file(&file);
    assert_eq!(a.message.as_ref().map(|m| m.kind), Some(Kind::Error), "{:?}", a.message);
    assert_eq!(status_style(&a).bg, theme.style(Role::StatusError).bg);
    let styles =
        [Role::Status, Role::StatusInfo, Role::StatusWarning, Role::StatusError].map(|r| theme.style(r));
    for (i, s) in styles.iter().enumerate() {
        assert!(!styles[..i].contains(s), "two status styles alike: {styles:?}");
    }
}

#[test]
fn the_theme_follows_the_choice_and_the_background() {
    let dark = config("", false);
    let light = config("[interface]\ntheme = \"light\"\n", false);
    assert_ne!(dark.theme.style(Role::Title), light.theme.style(Role::Title));
    // auto (the default) takes what the terminal's background asks for.
    let mut auto = config("", false);
    assert_eq!(auto.theme.style(Role::Status), dark.theme.style(Role::Status));
    auto.use_background(Background::Light);
    assert_eq!(auto.theme.style(Role::Status), light.theme.style(Role::Status));
    auto.use_background(Background::Dark);
    assert_eq!(auto.theme.style(Role::Status), dark.theme.style(Role::Status));
    // A theme chosen in the file stays whatever the background.
    let mut fixed = config("[interface]\ntheme = \"dark\"\n", false);
    fixed.use_background(Background::Light);
    assert_eq!(fixed.theme.style(Role::Status), dark.theme.style(Role::Status));
    // A role the user sets in [theme] is used by the light theme too; [theme_light] wins.
    let user = "[interface]\ntheme = \"light\"\n[theme]\nheading = { fg = \"red\" }\n";
    assert_eq!(config(user, false).theme.style(Role::Heading).fg, Some(Color::Red));
    let user = format!("{user}[theme_light]\nheading = {{ fg = \"blue\" }}\n");
    assert_eq!(config(&user, false).theme.style(Role::Heading).fg, Some(Color::Blue));
}

#[test]
fn the_light_theme_has_no_light_text_colours() {
    // On a white background, the bright ANSI colours of the dark theme hardly show.
    let light = config("[interface]\ntheme = \"light\"\n", false);
    let bright = [Color::White, Color::LightYellow, Color::LightGreen, Color::LightCyan, Color::Yellow];
    for &role in Role::ALL {
        let st = light.theme.style(role);
        if st.bg.is_none() {
            assert!(st.fg.is_none_or(|c| !bright.contains(&c)), "{}: {st:?}", role.name());
        }
    }
}

/// The styled runs of `rows` of a buffer: `[fg bg +MODS]text` each.
fn styled_rows(buf: &Buffer, rows: &[u16]) -> String {
    let mut out = String::new();
    for &y in rows {
        let mut last: Option<Style> = None;
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let st = cell.style();
            if last != Some(st) {
                let fg = st.fg.map_or_else(String::new, |c| format!("fg={c}"));
                let bg = st.bg.map_or_else(String::new, |c| format!(" bg={c}"));
                let mods = if st.add_modifier.is_empty() {
                    String::new()
                } else {
                    format!(" {:?}", st.add_modifier)
                };
                out.push_str(&format!("[{fg}{bg}{mods}]"));
                last = Some(st);
            }
            out.push_str(cell.symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn light_theme_100x30() {
    let mut a = app(config("[interface]\ntheme = \"light\"\n", false));
    a.update(Action::NextFigure);
    let buf = common::draw_buffer(&a);
    // The title, a body row with the selected figure and other figures, the status line.
    let row_of = |needle: &str| {
        (0..buf.area.height)
            .find(|&y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>().contains(needle))
            .unwrap_or_else(|| panic!("{needle} on screen"))
    };
    let rows = [0, row_of("2023"), row_of("6.9"), buf.area.height - 1];
    insta::assert_snapshot!(styled_rows(&buf, &rows));
}

#[test]
fn without_colour_the_marks_use_reverse_bold_and_underline() {
    let c = config("", true);
    let t = &c.theme;
    for &role in Role::ALL {
        let st = t.style(role);
        assert!(st.fg.is_none() && st.bg.is_none(), "{} keeps a colour: {st:?}", role.name());
    }
    let mods = |r: Role| t.style(r).add_modifier;
    assert!(mods(Role::FigureSelected).contains(Modifier::REVERSED));
    assert!(mods(Role::QuoteSelected).contains(Modifier::REVERSED));
    assert!(mods(Role::SearchMatch).contains(Modifier::UNDERLINED));
    assert!(mods(Role::SearchCurrent).contains(Modifier::REVERSED));
    assert!(mods(Role::Status).contains(Modifier::REVERSED));
    // Each of them differs from the text and from the others around it.
    let marks = [Role::Body, Role::Figure, Role::FigureSelected, Role::SearchMatch, Role::SearchCurrent];
    for (i, &a) in marks.iter().enumerate() {
        for &b in &marks[..i] {
            assert_ne!(mods(a), mods(b), "{} and {} look alike", a.name(), b.name());
        }
    }
    assert_ne!(mods(Role::QuoteSelected), mods(Role::Body));
    let kinds = [Role::StatusInfo, Role::StatusWarning, Role::StatusError];
    assert!(kinds.iter().all(|&k| mods(k) != mods(Role::Body)));
    assert_ne!(mods(Role::StatusWarning), mods(Role::StatusError));
}

/// SGR attributes in force for each character of a `capture-pane -e` line: bold (1),
/// underline (4), reverse (7).
fn attributes(line: &str) -> Vec<(char, [bool; 3])> {
    let mut out = Vec::new();
    let mut attrs = [false; 3];
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push((c, attrs));
            continue;
        }
        if chars.next_if_eq(&'[').is_none() {
            continue;
        }
        let mut params = String::new();
        for p in chars.by_ref() {
            if p.is_ascii_alphabetic() {
                if p == 'm' {
                    let codes: Vec<u16> = params.split(';').map(|s| s.parse().unwrap_or(0)).collect();
                    let mut i = 0;
                    while i < codes.len() {
                        match codes[i] {
                            0 => attrs = [false; 3],
                            1 => attrs[0] = true,
                            4 => attrs[1] = true,
                            7 => attrs[2] = true,
                            22 => attrs[0] = false,
                            24 => attrs[1] = false,
                            27 => attrs[2] = false,
                            38 | 48 => i += 2,
                            _ => {}
                        }
                        i += 1;
                    }
                }
                break;
            }
            params.push(p);
        }
    }
    out
}

/// The attributes of the first place `needle` appears in `screen` (escaped).
fn attributes_of(screen: &str, needle: &str) -> Option<[bool; 3]> {
    screen.lines().find_map(|line| {
        let cells = attributes(line);
        let text: String = cells.iter().map(|(c, _)| *c).collect();
        let at = text.find(needle)?;
        Some(cells[text[..at].chars().count()].1)
    })
}

#[test]
fn no_color_in_a_real_terminal_marks_with_attributes() {
    let home = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start_with_env(home, &[("NO_COLOR", "1")], &[], 100, 30);
    t.wait_text("? help");
    let plain = t.screen_escaped();
    assert!(!plain.contains("38;5;") && !plain.contains("48;5;"), "a colour under NO_COLOR:\n{plain}");
    // The status line is reversed.
    let status = plain.lines().rfind(|l| l.contains("help")).expect("status line");
    assert!(attributes(status).iter().all(|(_, a)| a[2]), "{status:?}");
    // The selected figure: reversed and bold.
    t.keys(&["}"]);
    let screen = t.wait_for("a selected figure", |s| s.contains("figure 1/"));
    let escaped = t.screen_escaped();
    let figure =
        screen.lines().last().and_then(|l| l.split(" · ").nth(1)).expect("figure in the status line");
    let figure = figure.to_string();
    assert_eq!(attributes_of(&escaped, &figure), Some([true, false, true]), "{figure}:\n{escaped}");
    // The selected quote: reversed (here in the bold title).
    t.keys(&[")"]);
    t.wait_for("a selected quote", |s| s.contains("quote 1/"));
    let escaped = t.screen_escaped();
    let rows: Vec<&str> = escaped.lines().collect();
    let quote_cells = rows[..rows.len().saturating_sub(1)]
        .iter()
        .flat_map(|l| attributes(l))
        .filter(|(c, a)| a[2] && !c.is_whitespace())
        .count();
    assert!(quote_cells > 0, "no reversed quote:\n{escaped}");
    // Search: the current match reversed, the others underlined only.
    t.keys(&["/"]);
    t.type_text("上海");
    t.keys(&["Enter"]);
    t.wait_for("the search", |s| s.contains("/上海"));
    let escaped = t.screen_escaped();
    let marks: Vec<[bool; 3]> = escaped
        .lines()
        .flat_map(|l| {
            let cells = attributes(l);
            let text: String = cells.iter().map(|(c, _)| *c).collect();
            let starts: Vec<usize> =
                text.match_indices("上海").map(|(b, _)| text[..b].chars().count()).collect();
            starts.into_iter().map(move |i| cells[i].1)
        })
        .collect();
    assert!(marks.contains(&[true, true, true]), "a current match: {marks:?}");
    assert!(marks.contains(&[false, true, false]), "other matches: {marks:?}");
    t.keys(&["q"]);
}

#[test]
fn a_light_background_from_colorfgbg_takes_the_light_theme() {
    // tmux does not answer the background question for a detached session: COLORFGBG
    // decides.
    let home = tempfile::tempdir().expect("tempdir");
    let t = Tmux::start_with_env(home, &[("COLORFGBG", "0;15")], &[], 100, 30);
    t.wait_text("? help");
    let status = t.wait_for_escaped("the light status line", |s| s.contains("48;5;252"));
    assert!(status.contains("38;5;19"), "the light theme's title:\n{status}");
    t.keys(&["q"]);
    // The same with theme = "dark" in the config: the dark status line.
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("config").join("yuedu");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), "[interface]\ntheme = \"dark\"\n").expect("write");
    let t = Tmux::start_with_env(home, &[("COLORFGBG", "0;15")], &[], 100, 30);
    t.wait_text("? help");
    let screen = t.screen_escaped();
    assert!(!screen.contains("48;5;252") && !screen.contains("38;5;19"), "{screen}");
    t.keys(&["q"]);
}
