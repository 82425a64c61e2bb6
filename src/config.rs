//! `config.toml`: the embedded defaults, a user file merged over them, and the keymap and
//! theme built from the result.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::app::{Action, Mode};

/// The documented default configuration, embedded in the binary.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// A configuration problem: one line naming the file (and line and column where known).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// `[layout]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutConfig {
    /// Outline width: columns or a percentage.
    pub outline_width: OutlineWidth,
    /// `left` or `right`.
    pub outline_side: Side,
    /// Shown at start.
    pub outline_shown: bool,
    /// Below this screen width the outline hides itself.
    pub outline_min_screen_width: u16,
    /// Widest text column.
    pub max_text_width: u16,
}

/// Outline pane width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineWidth {
    /// A number of columns.
    Columns(u16),
    /// A percentage of the screen width.
    Percent(u16),
}

impl<'de> Deserialize<'de> for OutlineWidth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Str(String),
        }
        let bad = || {
            serde::de::Error::custom("expected a number of columns (1-200) or a percentage such as \"30%\"")
        };
        match Raw::deserialize(d)? {
            Raw::Int(n) if (1..=200).contains(&n) => Ok(OutlineWidth::Columns(n as u16)),
            Raw::Str(s) => {
                let n: u16 = s.strip_suffix('%').and_then(|n| n.trim().parse().ok()).ok_or_else(bad)?;
                if (1..=90).contains(&n) { Ok(OutlineWidth::Percent(n)) } else { Err(bad()) }
            }
            Raw::Int(_) => Err(bad()),
        }
    }
}

impl OutlineWidth {
    /// Columns for a screen `total` columns wide.
    pub fn columns(self, total: u16) -> u16 {
        match self {
            OutlineWidth::Columns(n) => n,
            OutlineWidth::Percent(p) => (u32::from(total) * u32::from(p) / 100) as u16,
        }
    }
}

/// Side of the outline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left of the text.
    Left,
    /// Right of the text.
    Right,
}

/// East Asian Ambiguous width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousWidth {
    /// One column.
    Narrow,
    /// Two columns.
    Wide,
}

/// `[text]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextConfig {
    /// First-line indent of body paragraphs.
    pub first_line_indent: String,
    /// Show ASCII punctuation between hanzi as full-width marks.
    pub normalize_punctuation: bool,
    /// Width of ambiguous characters.
    pub ambiguous_width: AmbiguousWidth,
    /// Strict line breaking.
    pub strict: bool,
    /// Blank lines between paragraphs.
    pub paragraph_spacing: u8,
}

/// `[highlight]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightConfig {
    /// Figures highlighted at start.
    pub figures: bool,
    /// Kinds highlighted.
    pub figure_kinds: Vec<crate::document::figures::FigureKind>,
}

/// `[bookmarks]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookmarksConfig {
    /// The bookmarks file; empty for the default location.
    pub file: String,
}

/// A style as written in `[theme]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<ColorSpec>,
    /// Background colour.
    pub bg: Option<ColorSpec>,
    /// Modifiers.
    #[serde(default)]
    pub modifiers: Vec<String>,
}

/// A colour as written: a name, `#rrggbb` or an index.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ColorSpec {
    /// 0-255.
    Index(i64),
    /// A name or `#rrggbb`.
    Name(String),
}

/// Parses a colour name, `#rrggbb` or index.
pub fn parse_color(spec: &ColorSpec) -> Option<Color> {
    match spec {
        ColorSpec::Index(i) => u8::try_from(*i).ok().map(Color::Indexed),
        ColorSpec::Name(s) => {
            if let Some(hex) = s.strip_prefix('#') {
                if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                let v = u32::from_str_radix(hex, 16).ok()?;
                return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
            }
            COLOR_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, c)| *c)
        }
    }
}

/// Colour names accepted in `[theme]`.
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

/// Modifier names accepted in `[theme]`.
pub const MODIFIER_NAMES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

impl StyleSpec {
    /// The ratatui style; `no_color` drops colours and keeps modifiers.
    pub fn style(&self, no_color: bool) -> Style {
        let mut st = Style::default();
        if !no_color {
            if let Some(c) = self.fg.as_ref().and_then(parse_color) {
                st = st.fg(c);
            }
            if let Some(c) = self.bg.as_ref().and_then(parse_color) {
                st = st.bg(c);
            }
        }
        for m in &self.modifiers {
            if let Some((_, m)) = MODIFIER_NAMES.iter().find(|(n, _)| n == m) {
                st = st.add_modifier(*m);
            }
        }
        st
    }
}

/// The theme: ratatui styles by role.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    styles: HashMap<String, Style>,
}

impl Theme {
    /// The style for `role` (a key of `[theme]`); the default style when unknown.
    pub fn get(&self, role: &str) -> Style {
        self.styles.get(role).copied().unwrap_or_default()
    }
}

/// A key as the terminal reports it, normalised for lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key code.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

impl Key {
    /// Normalises a terminal key event.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            c => c,
        };
        if let KeyCode::Char(_) = code {
            // The character already says whether Shift was held ("G", "?").
            mods -= KeyModifiers::SHIFT;
        }
        Key { code, mods }
    }

    /// Parses a key name from config.toml.
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            if let Some(r) = strip_prefix_ci(rest, "ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                    mods -= KeyModifiers::SHIFT;
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let named = NAMED_KEYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)).map(|(_, k)| *k);
                match named {
                    Some(k) => k,
                    None => {
                        let n: u8 = strip_prefix_ci(rest, "f")?.parse().ok()?;
                        if !(1..=12).contains(&n) {
                            return None;
                        }
                        KeyCode::F(n)
                    }
                }
            }
        };
        if let KeyCode::Char(' ') = code {
            return Some(Key { code, mods });
        }
        if let KeyCode::Char(_) = code {
            mods -= KeyModifiers::SHIFT;
        }
        Some(Key { code, mods })
    }

    /// The key as written in config.toml and shown in the help.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            code => {
                let name = NAMED_KEYS.iter().find(|(_, k)| *k == code).map_or("?", |(n, _)| n);
                s.push_str(name);
            }
        }
        s
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Key names accepted in `[keys]`.
pub const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Space", KeyCode::Char(' ')),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Insert", KeyCode::Insert),
    ("Delete", KeyCode::Delete),
];

/// Keys → actions, per mode, and the reverse for the help.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    by_key: HashMap<(Mode, Key), Action>,
    by_action: HashMap<Action, Vec<Key>>,
}

impl Keymap {
    /// The action bound to `key` in `mode`.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.by_key.get(&(mode, key)).copied()
    }

    /// The keys bound to `action`, as written.
    pub fn keys(&self, action: Action) -> Vec<String> {
        self.by_action.get(&action).map(|ks| ks.iter().map(Key::display).collect()).unwrap_or_default()
    }

    /// The first key bound to `action`, for hints ("? help").
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.by_action.get(&action).and_then(|ks| ks.first()).map(Key::display)
    }
}

/// The whole configuration, ready for use.
#[derive(Debug, Clone)]
pub struct Config {
    /// `[layout]`.
    pub layout: LayoutConfig,
    /// `[text]`.
    pub text: TextConfig,
    /// `[highlight]`.
    pub highlight: HighlightConfig,
    /// `[theme]`, resolved.
    pub theme: Theme,
    /// `[keys]`, resolved.
    pub keymap: Keymap,
    /// `[bookmarks]`.
    pub bookmarks: BookmarksConfig,
    /// The user file merged over the defaults, if any.
    pub source: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    layout: LayoutConfig,
    text: TextConfig,
    highlight: HighlightConfig,
    theme: HashMap<String, StyleSpec>,
    keys: HashMap<String, Vec<String>>,
    bookmarks: BookmarksConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_toml(DEFAULT_CONFIG, None).expect("the default config.toml is valid")
    }
}

impl Config {
    /// Finds the user file: `--config`, `$YUEDU_CONFIG`, then the XDG location.
    pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
        if let Some(p) = explicit {
            return Some(p.to_path_buf());
        }
        if let Some(p) = std::env::var_os("YUEDU_CONFIG").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        let p = directories::ProjectDirs::from("", "", "yuedu")?.config_dir().join("config.toml");
        p.is_file().then_some(p)
    }

    /// Loads the defaults with the user file (if any) merged over them.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match Config::locate(explicit) {
            None => Ok(Config::default()),
            Some(path) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ConfigError(format!("{}: cannot read: {e}", path.display())))?;
                Config::from_toml(&text, Some(&path))
            }
        }
    }

    /// Builds the configuration from a user file's text merged over the defaults.
    pub fn from_toml(user: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let name = path.map_or_else(|| "config.toml".to_string(), |p| p.display().to_string());
        let err = |msg: String| ConfigError(format!("{name}: {msg}"));
        let mut base: toml::Table = toml::from_str(DEFAULT_CONFIG).map_err(|e| err(e.to_string()))?;
        if path.is_some() {
            let over: toml::Table = toml::from_str(user).map_err(|e| err(e.message().to_string()))?;
            for (k, v) in over {
                match (base.get_mut(&k), v) {
                    (Some(toml::Value::Table(b)), toml::Value::Table(o)) if k != "keys" || true => {
                        for (k2, v2) in o {
                            b.insert(k2, v2);
                        }
                    }
                    (_, v) => {
                        base.insert(k, v);
                    }
                }
            }
        }
        let raw: RawConfig = base.try_into().map_err(|e: toml::de::Error| err(e.message().to_string()))?;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let mut theme = Theme::default();
        for (role, spec) in &raw.theme {
            theme.styles.insert(role.clone(), spec.style(no_color));
        }
        let mut keymap = Keymap::default();
        for (name, keys) in &raw.keys {
            let action =
                Action::from_name(name).ok_or_else(|| err(format!("unknown action \"{name}\" in [keys]")))?;
            for k in keys {
                let key = Key::parse(k).ok_or_else(|| err(format!("unknown key \"{k}\" for keys.{name}")))?;
                for &mode in action.modes() {
                    if let Some(other) = keymap.by_key.insert((mode, key), action) {
                        if other != action {
                            return Err(err(format!(
                                "key \"{k}\" is bound to both {} and {name}",
                                other.name()
                            )));
                        }
                    }
                }
                keymap.by_action.entry(action).or_default().push(key);
            }
        }
        Ok(Config {
            layout: raw.layout,
            text: raw.text,
            highlight: raw.highlight,
            theme,
            keymap,
            bookmarks: raw.bookmarks,
            source: path.map(Path::to_path_buf),
        })
    }
}
