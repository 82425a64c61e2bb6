//! `config.toml`: the embedded defaults, a user file merged over them, and the keymap and
//! theme built from the result.
//!
//! A user file is checked on its own text, with toml's spans, before anything is merged, so
//! every problem comes out as one line `file:line:col: what (expected …)` and nothing a user
//! writes can panic. Merging rules (documented at the top of `config.toml`):
//! - `[layout]`, `[text]`, `[highlight]`, `[bookmarks]`, `[quotes]`: each option given
//!   replaces the default.
//! - `[theme]`: each role given replaces that role's default style as a whole.
//! - `[keys]`: an action given gets exactly the keys listed; a key so bound is taken away from
//!   any other action's default keys where the two would clash (same mode). Two actions of the
//!   user's own file sharing a key in the same mode is an error.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::{Action, Mode};

/// The documented default configuration, embedded in the binary.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// The name errors in the embedded defaults are reported under.
const DEFAULT_NAME: &str = "built-in config.toml";

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
    /// Mouse wheel and clicks; off leaves the mouse to the terminal (its own selection).
    pub mouse: bool,
}

/// Outline pane width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineWidth {
    /// A number of columns.
    Columns(u16),
    /// A percentage of the screen width.
    Percent(u16),
}

/// Allowed outline widths, for messages.
const OUTLINE_WIDTH_EXPECTED: &str = "a number of columns 8-200 or a percentage \"10%\"-\"90%\"";

impl OutlineWidth {
    /// Parses a number of columns.
    fn from_int(n: i64) -> Option<OutlineWidth> {
        u16::try_from(n).ok().filter(|n| (8..=200).contains(n)).map(OutlineWidth::Columns)
    }

    /// Parses a percentage such as `"30%"`.
    fn from_str(s: &str) -> Option<OutlineWidth> {
        let n: u16 = s.strip_suffix('%')?.trim().parse().ok()?;
        (10..=90).contains(&n).then_some(OutlineWidth::Percent(n))
    }

    /// Columns for a screen `total` columns wide.
    pub fn columns(self, total: u16) -> u16 {
        match self {
            OutlineWidth::Columns(n) => n,
            OutlineWidth::Percent(p) => (u32::from(total) * u32::from(p) / 100) as u16,
        }
    }
}

impl<'de> Deserialize<'de> for OutlineWidth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Str(String),
        }
        let bad = || serde::de::Error::custom(format!("expected {OUTLINE_WIDTH_EXPECTED}"));
        match Raw::deserialize(d).map_err(|_| bad())? {
            Raw::Int(n) => OutlineWidth::from_int(n).ok_or_else(bad),
            Raw::Str(s) => OutlineWidth::from_str(&s).ok_or_else(bad),
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
    /// Characters read a minute, for the reading time left.
    pub reading_speed: u16,
}

/// `[highlight]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightConfig {
    /// Figures highlighted at start: always, never, or unless the text is a novel.
    pub figures: FiguresAtStart,
    /// Kinds highlighted.
    pub figure_kinds: Vec<crate::document::figures::FigureKind>,
}

/// `highlight.figures`: `true`, `false` or `"auto"` (the default): highlighted unless the
/// outline finds novel chapters, where the everyday 两个, 二人, 一面 of a story would light
/// up every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FiguresAtStart {
    /// On unless the text is a novel.
    #[default]
    Auto,
    /// Always on.
    On,
    /// Always off.
    Off,
}

impl FiguresAtStart {
    /// Whether figures are highlighted when `doc` opens.
    pub fn shown_for(self, doc: &crate::document::Document) -> bool {
        match self {
            FiguresAtStart::On => true,
            FiguresAtStart::Off => false,
            // A novel: chapters, and told as a story (a regulation has 第一章 too).
            FiguresAtStart::Auto => {
                !crate::document::outline::has_novel_chapters(doc)
                    || crate::document::figures::tells_no_story(doc)
            }
        }
    }
}

impl<'de> Deserialize<'de> for FiguresAtStart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(true) => Ok(FiguresAtStart::On),
            Raw::Bool(false) => Ok(FiguresAtStart::Off),
            Raw::Text(s) if s == "auto" => Ok(FiguresAtStart::Auto),
            Raw::Text(s) => {
                Err(serde::de::Error::custom(format!("expected true, false or \"auto\", found {s:?}")))
            }
        }
    }
}

/// `[bookmarks]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookmarksConfig {
    /// The bookmarks file; empty for the default location.
    pub file: String,
}

/// Which quotes `)` / `(` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStep {
    /// Every quotation, terms included.
    All,
    /// Speech only.
    Speech,
}

/// `[quotes]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesConfig {
    /// Which quotes `)` / `(` step through.
    pub step: QuoteStep,
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
        ColorSpec::Name(s) => parse_color_name(s),
    }
}

/// Parses a colour name or `#rrggbb`.
fn parse_color_name(s: &str) -> Option<Color> {
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    COLOR_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, c)| *c)
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

    /// The roles, for listing and tests.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.styles.keys().map(String::as_str)
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
    ///
    /// Ctrl-i, Ctrl-m and Ctrl-[ are the bytes a terminal sends for Tab, Enter and Esc, so
    /// they are read as those keys (and so clash with them).
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
            (Some(c), None) if c.is_control() => return None,
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    match c.to_ascii_lowercase() {
                        'i' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Tab
                        }
                        'm' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Enter
                        }
                        '[' => {
                            mods -= KeyModifiers::CONTROL;
                            KeyCode::Esc
                        }
                        c => KeyCode::Char(c),
                    }
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
        if let KeyCode::Char(_) = code {
            // As in `from_event`: the character carries Shift.
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

/// Whether two actions are read in a common mode (and so cannot share a key).
fn modes_overlap(a: Action, b: Action) -> bool {
    a.modes().iter().any(|m| b.modes().contains(m))
}

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

    /// The default bindings with the user's over them: an action the user lists gets exactly
    /// those keys, and other actions lose a default key the user gave away (where it clashes).
    fn build(defaults: &[(Action, Vec<Key>)], user: &[(Action, Vec<Key>)]) -> Keymap {
        let mut map = Keymap::default();
        for &action in Action::ALL {
            let keys: Vec<Key> = match user.iter().find(|(a, _)| *a == action) {
                Some((_, keys)) => keys.clone(),
                None => defaults
                    .iter()
                    .filter(|(a, _)| *a == action)
                    .flat_map(|(_, keys)| keys.iter().copied())
                    .filter(|k| {
                        !user
                            .iter()
                            .any(|(b, ks)| *b != action && modes_overlap(action, *b) && ks.contains(k))
                    })
                    .collect(),
            };
            for key in keys {
                let list = map.by_action.entry(action).or_default();
                if list.contains(&key) {
                    continue;
                }
                list.push(key);
                for &mode in action.modes() {
                    map.by_key.insert((mode, key), action);
                }
            }
        }
        map
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
    /// `[quotes]`.
    pub quotes: QuotesConfig,
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
    bookmarks: BookmarksConfig,
    quotes: QuotesConfig,
}

impl Default for Config {
    fn default() -> Self {
        // The embedded defaults are checked by the tests; an empty user file changes nothing.
        Config::parse("", DEFAULT_NAME, no_color_env()).expect("the default config.toml is valid")
    }
}

/// Whether `NO_COLOR` asks for no colours (<https://no-color.org>: set and not empty).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--config PATH`.
    Argument(PathBuf),
    /// `$YUEDU_CONFIG`.
    Environment(PathBuf),
    /// `$XDG_CONFIG_HOME/yuedu/config.toml`, which exists.
    UserDir(PathBuf),
    /// No user file: the built-in defaults (with the place a user file would go).
    Defaults(Option<PathBuf>),
}

impl Source {
    /// The user file, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Argument(p) | Source::Environment(p) | Source::UserDir(p) => Some(p),
            Source::Defaults(_) => None,
        }
    }

    /// One line for `yuedu config`.
    pub fn describe(&self) -> String {
        match self {
            Source::Argument(p) => format!("{} (from --config)", p.display()),
            Source::Environment(p) => format!("{} (from $YUEDU_CONFIG)", p.display()),
            Source::UserDir(p) => p.display().to_string(),
            Source::Defaults(Some(p)) => format!("defaults (no file at {})", p.display()),
            Source::Defaults(None) => "defaults".to_string(),
        }
    }
}

/// `$XDG_CONFIG_HOME/yuedu/config.toml` (`~/.config/yuedu/config.toml`), existing or not.
pub fn user_config_path() -> Option<PathBuf> {
    Some(directories::ProjectDirs::from("", "", "yuedu")?.config_dir().join("config.toml"))
}

/// Largest config file read.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

impl Config {
    /// Where the configuration comes from: `--config`, `$YUEDU_CONFIG`, the XDG location.
    pub fn source_of(explicit: Option<&Path>) -> Source {
        if let Some(p) = explicit {
            return Source::Argument(p.to_path_buf());
        }
        if let Some(p) = std::env::var_os("YUEDU_CONFIG").filter(|p| !p.is_empty()) {
            return Source::Environment(PathBuf::from(p));
        }
        match user_config_path() {
            Some(p) if p.is_file() => Source::UserDir(p),
            p => Source::Defaults(p),
        }
    }

    /// Finds the user file: `--config`, `$YUEDU_CONFIG`, then the XDG location.
    pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
        Config::source_of(explicit).path().map(Path::to_path_buf)
    }

    /// Loads the defaults with the user file (if any) merged over them.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match Config::locate(explicit) {
            None => Ok(Config::default()),
            Some(path) => {
                let bytes = crate::store::toml_file::read_regular(&path, MAX_CONFIG_BYTES).map_err(|e| {
                    ConfigError(format!("{}: cannot read the config file: {e}", path.display()))
                })?;
                Config::from_bytes(&bytes, &path)
            }
        }
    }

    /// Builds the configuration from a user file's bytes merged over the defaults.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let ok = &bytes[..e.valid_up_to()];
            let text = String::from_utf8_lossy(ok);
            let (line, col) = line_col(&text, text.len());
            ConfigError(format!("{name}:{line}:{col}: the file is not UTF-8 text"))
        })?;
        let mut config = Config::parse(text, &name, no_color_env())?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Builds the configuration from a user file's text merged over the defaults.
    pub fn from_toml(user: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let name = path.map_or_else(|| "config.toml".to_string(), |p| p.display().to_string());
        let mut config = Config::parse(user, &name, no_color_env())?;
        config.source = path.map(Path::to_path_buf);
        Ok(config)
    }

    /// Checks `user` (a file called `name` in messages) and merges it over the defaults;
    /// `no_color` drops the theme's colours.
    pub fn parse(user: &str, name: &str, no_color: bool) -> Result<Config, ConfigError> {
        let defaults = Defaults::get()?;
        // A byte-order mark is not TOML; editors on some systems write one anyway.
        let user = user.strip_prefix('\u{feff}').unwrap_or(user);
        let doc = DeTable::parse(user).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            located(name, user, span.start, &one_line(e.message()))
        })?;
        let mut check = Checker::new(&defaults.table);
        check.document(doc.get_ref());
        if let Some(p) = check.problems.iter().min_by_key(|p| p.span.start) {
            return Err(located(name, user, p.span.start, &p.msg));
        }
        let keymap = Keymap::build(&defaults.bindings, &check.bindings);
        if keymap.keys(Action::Quit).is_empty() {
            // Point at the user's quit entry, or at the last entry that took one of its keys.
            let quit_keys: Vec<Key> = defaults
                .bindings
                .iter()
                .filter(|(a, _)| *a == Action::Quit)
                .flat_map(|(_, k)| k.clone())
                .collect();
            let culprit = check
                .bindings
                .iter()
                .zip(&check.spans)
                .filter(|((a, keys), _)| *a == Action::Quit || keys.iter().any(|k| quit_keys.contains(k)))
                .map(|(_, span)| span.start)
                .max()
                .unwrap_or(0);
            let msg = "keys.quit is left without a key, so yuedu could not be closed (give quit a key)";
            return Err(located(name, user, culprit, msg));
        }
        let over: toml::Table = toml::from_str(user).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            located(name, user, span.start, &one_line(e.message()))
        })?;
        let mut merged = defaults.table.clone();
        for (section, value) in over {
            if section == "keys" {
                continue;
            }
            match (merged.get_mut(&section), value) {
                (Some(toml::Value::Table(base)), toml::Value::Table(over)) => base.extend(over),
                (_, value) => {
                    merged.insert(section, value);
                }
            }
        }
        merged.remove("keys");
        // Everything was checked above; a failure here is a gap in the checks, still reported.
        let raw: RawConfig = merged
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError(format!("{name}: {}", one_line(e.message()))))?;
        let mut theme = Theme::default();
        for (role, spec) in &raw.theme {
            theme.styles.insert(role.clone(), spec.style(no_color));
        }
        Ok(Config {
            layout: raw.layout,
            text: raw.text,
            highlight: raw.highlight,
            theme,
            keymap,
            bookmarks: raw.bookmarks,
            quotes: raw.quotes,
            source: None,
        })
    }
}

/// The embedded defaults, parsed: the shape a user file is checked against.
struct Defaults {
    table: toml::Table,
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Defaults {
    fn get() -> Result<Defaults, ConfigError> {
        let doc = DeTable::parse(DEFAULT_CONFIG).map_err(|e| {
            located(DEFAULT_NAME, DEFAULT_CONFIG, e.span().unwrap_or(0..0).start, &one_line(e.message()))
        })?;
        let table: toml::Table =
            toml::from_str(DEFAULT_CONFIG).map_err(|e| ConfigError(format!("{DEFAULT_NAME}: {e}")))?;
        let mut check = Checker::new(&table);
        check.document(doc.get_ref());
        if let Some(p) = check.problems.iter().min_by_key(|p| p.span.start) {
            return Err(located(DEFAULT_NAME, DEFAULT_CONFIG, p.span.start, &p.msg));
        }
        let bindings = check.bindings;
        Ok(Defaults { table, bindings })
    }
}

/// `name:line:col: msg` for byte `offset` of `text`.
fn located(name: &str, text: &str, offset: usize, msg: &str) -> ConfigError {
    let (line, col) = line_col(text, offset);
    ConfigError(format!("{name}:{line}:{col}: {msg}"))
}

/// 1-based line and column (in characters) of byte `offset`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A parser message on one line.
fn one_line(msg: &str) -> String {
    msg.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
}

/// One problem in a user file.
struct Problem {
    span: Range<usize>,
    msg: String,
}

/// Walks a user file's spanned tree against the defaults' shape, collecting problems.
struct Checker<'a> {
    defaults: &'a toml::Table,
    problems: Vec<Problem>,
    bindings: Vec<(Action, Vec<Key>)>,
    /// Where each of `bindings` is named in the file.
    spans: Vec<Range<usize>>,
}

/// "a string", "an integer" … for messages.
fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The same words for a default value.
fn toml_type_name(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a decimal number",
        toml::Value::Boolean(_) => "true or false",
        toml::Value::Datetime(_) => "a date",
        toml::Value::Array(_) => "a list",
        toml::Value::Table(_) => "a table",
    }
}

/// A value as the user wrote it, for messages.
fn shown(v: &DeValue) -> String {
    match v {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(i) => integer(i).map_or_else(|| i.as_str().to_string(), |n| n.to_string()),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        other => type_name(other).to_string(),
    }
}

fn integer(i: &toml::de::DeInteger) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// `; did you mean "x"?` when one of `candidates` is close to `got`.
fn suggest<'c>(got: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    let got_l = got.to_lowercase();
    let best = candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&got_l, &c.to_lowercase()), c))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, c)) if d <= (got.chars().count() / 3).max(1) => format!("; did you mean \"{c}\"?"),
        _ => String::new(),
    }
}

/// "a, b or c".
fn or_list<'c>(items: impl IntoIterator<Item = &'c str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

impl<'a> Checker<'a> {
    fn new(defaults: &'a toml::Table) -> Self {
        Checker { defaults, problems: Vec::new(), bindings: Vec::new(), spans: Vec::new() }
    }

    fn problem(&mut self, span: Range<usize>, msg: String) {
        self.problems.push(Problem { span, msg });
    }

    fn wrong_type(&mut self, v: &Spanned<DeValue>, path: &str, expected: &str) {
        let found = match v.get_ref() {
            DeValue::Array(_) | DeValue::Table(_) | DeValue::Datetime(_) => {
                type_name(v.get_ref()).to_string()
            }
            scalar => shown(scalar),
        };
        let msg = format!("wrong type for {path} (expected {expected}, found {found})");
        self.problem(v.span(), msg);
    }

    fn invalid(&mut self, v: &Spanned<DeValue>, path: &str, expected: &str) {
        let msg = format!("invalid value {} for {path} (expected {expected})", shown(v.get_ref()));
        self.problem(v.span(), msg);
    }

    fn document(&mut self, doc: &DeTable) {
        let sections: Vec<&str> = self.defaults.keys().map(String::as_str).collect();
        for (key, value) in doc.iter() {
            let name = key.get_ref().as_ref();
            let Some(default) = self.defaults.get(name) else {
                if !matches!(value.get_ref(), DeValue::Table(_)) {
                    let tables: Vec<String> = sections.iter().map(|s| format!("[{s}]")).collect();
                    let msg = format!(
                        "unknown option \"{name}\" outside any table (options go under {})",
                        or_list(tables.iter().map(String::as_str))
                    );
                    self.problem(key.span(), msg);
                    continue;
                }
                let msg = format!(
                    "unknown table [{name}] (expected {}{})",
                    or_list(sections.iter().copied()),
                    suggest(name, sections.iter().copied())
                );
                self.problem(key.span(), msg);
                continue;
            };
            let DeValue::Table(table) = value.get_ref() else {
                self.wrong_type(value, name, "a table");
                continue;
            };
            match name {
                "theme" => self.theme(table, default),
                "keys" => self.keys(table),
                _ => self.section(name, table, default),
            }
        }
    }

    /// `[layout]`, `[text]`, `[highlight]`, `[bookmarks]` and any plain table of options.
    fn section(&mut self, section: &str, table: &DeTable, default: &toml::Value) {
        let Some(default) = default.as_table() else { return };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("{section}.{name}");
            let Some(def) = default.get(name) else {
                let names: Vec<&str> = default.keys().map(String::as_str).collect();
                let msg = format!(
                    "unknown key \"{name}\" in [{section}] (expected {}{})",
                    or_list(names.iter().copied()),
                    suggest(name, names.iter().copied())
                );
                self.problem(key.span(), msg);
                continue;
            };
            self.option(section, name, &path, value, def);
        }
    }

    fn option(&mut self, section: &str, name: &str, path: &str, v: &Spanned<DeValue>, def: &toml::Value) {
        let value = v.get_ref();
        match (section, name) {
            ("layout", "outline_width") => {
                let ok = match value {
                    DeValue::Integer(i) => integer(i).and_then(OutlineWidth::from_int).is_some(),
                    DeValue::String(s) => OutlineWidth::from_str(s).is_some(),
                    _ => return self.wrong_type(v, path, OUTLINE_WIDTH_EXPECTED),
                };
                if !ok {
                    self.invalid(v, path, OUTLINE_WIDTH_EXPECTED);
                }
            }
            ("layout", "outline_side") => self.one_of(v, path, &["left", "right"]),
            ("text", "ambiguous_width") => self.one_of(v, path, &["narrow", "wide"]),
            ("quotes", "step") => self.one_of(v, path, &["all", "speech"]),
            ("layout", "outline_min_screen_width") => self.int_range(v, path, 0, 1000),
            ("layout", "max_text_width") => self.int_range(v, path, 10, 1000),
            ("text", "paragraph_spacing") => self.int_range(v, path, 0, 2),
            ("text", "reading_speed") => self.int_range(v, path, 50, 5000),
            ("text", "first_line_indent") => match value {
                DeValue::String(s) => {
                    let width = unicode_width::UnicodeWidthStr::width(s.as_ref());
                    if s.chars().any(char::is_control) || width > 8 {
                        self.invalid(v, path, "at most 8 columns of spaces, such as \"　　\" or \"    \"");
                    }
                }
                _ => self.wrong_type(v, path, "a string"),
            },
            ("highlight", "figure_kinds") => self.figure_kinds(v, path, def),
            // true, false, or "auto" (the one string allowed).
            ("highlight", "figures") => match value {
                DeValue::Boolean(_) => {}
                DeValue::String(s) if s.as_ref() == "auto" => {}
                _ => self.wrong_type(v, path, "true or false"),
            },
            ("bookmarks", "file") => match value {
                DeValue::String(s) if s.contains('\0') => self.invalid(v, path, "a file path"),
                DeValue::String(_) => {}
                _ => self.wrong_type(v, path, "a string (a file path, or \"\" for the default)"),
            },
            _ => {
                // An option without a rule of its own: the type of its default, and whatever
                // its Rust type accepts.
                let expected = toml_type_name(def);
                if type_name(value) != expected {
                    return self.wrong_type(v, path, expected);
                }
                self.trial(section, name, path, v);
            }
        }
    }

    /// Deserialises the defaults with this one value replaced, for options without a rule.
    fn trial(&mut self, section: &str, name: &str, path: &str, v: &Spanned<DeValue>) {
        let Some(value) = to_toml(v.get_ref()) else { return };
        let mut table = self.defaults.clone();
        table.remove("keys");
        if let Some(toml::Value::Table(t)) = table.get_mut(section) {
            t.insert(name.to_string(), value);
        }
        if let Err(e) = table.try_into::<RawConfig>() {
            let msg = format!("invalid value {} for {path} ({})", shown(v.get_ref()), one_line(e.message()));
            self.problem(v.span(), msg);
        }
    }

    fn one_of(&mut self, v: &Spanned<DeValue>, path: &str, allowed: &[&str]) {
        let quoted: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
        let expected = or_list(quoted.iter().map(String::as_str));
        match v.get_ref() {
            DeValue::String(s) if allowed.contains(&s.as_ref()) => {}
            DeValue::String(s) => {
                let msg = format!("invalid value {:?} for {path} (expected {expected}{})", s.as_ref(), {
                    suggest(s, allowed.iter().copied())
                });
                self.problem(v.span(), msg);
            }
            _ => self.wrong_type(v, path, &expected),
        }
    }

    fn int_range(&mut self, v: &Spanned<DeValue>, path: &str, min: i64, max: i64) {
        let expected = format!("an integer {min}-{max}");
        match v.get_ref() {
            DeValue::Integer(i) if integer(i).is_some_and(|n| (min..=max).contains(&n)) => {}
            DeValue::Integer(_) => self.invalid(v, path, &expected),
            _ => self.wrong_type(v, path, &expected),
        }
    }

    fn figure_kinds(&mut self, v: &Spanned<DeValue>, path: &str, def: &toml::Value) {
        let kinds: Vec<&str> =
            def.as_array().map(|a| a.iter().filter_map(toml::Value::as_str).collect()).unwrap_or_default();
        let expected = format!("a list of {}", or_list(kinds.iter().copied()));
        let DeValue::Array(items) = v.get_ref() else {
            return self.wrong_type(v, path, &expected);
        };
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    let known = crate::document::figures::FigureKind::deserialize(
                        serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s),
                    )
                    .is_ok();
                    if !known {
                        let msg = format!(
                            "unknown figure kind {:?} in {path} (expected {}{})",
                            s.as_ref(),
                            or_list(kinds.iter().copied()),
                            suggest(s, kinds.iter().copied())
                        );
                        self.problem(item.span(), msg);
                    }
                }
                _ => self.wrong_type(item, path, &expected),
            }
        }
    }

    fn theme(&mut self, table: &DeTable, default: &toml::Value) {
        let roles: Vec<&str> =
            default.as_table().map(|t| t.keys().map(String::as_str).collect()).unwrap_or_default();
        for (key, value) in table.iter() {
            let role = key.get_ref().as_ref();
            let path = format!("theme.{role}");
            if !roles.contains(&role) {
                let msg = format!(
                    "unknown theme role \"{role}\" (expected a role of the default theme, see `yuedu config \
                     --default`{})",
                    suggest(role, roles.iter().copied())
                );
                self.problem(key.span(), msg);
                continue;
            }
            let DeValue::Table(style) = value.get_ref() else {
                self.wrong_type(value, &path, "a style such as { fg = \"red\", modifiers = [\"bold\"] }");
                continue;
            };
            for (part, v) in style.iter() {
                match part.get_ref().as_ref() {
                    "fg" | "bg" => self.colour(v, &path),
                    "modifiers" => self.modifiers(v, &path),
                    other => {
                        let msg = format!(
                            "unknown key \"{other}\" in {path} (expected fg, bg or modifiers{})",
                            suggest(other, ["fg", "bg", "modifiers"])
                        );
                        self.problem(part.span(), msg);
                    }
                }
            }
        }
    }

    fn colour(&mut self, v: &Spanned<DeValue>, path: &str) {
        const EXPECTED: &str = "a colour name, #rrggbb or 0-255";
        match v.get_ref() {
            DeValue::String(s) if parse_color_name(s).is_some() => {}
            DeValue::String(s) => {
                let msg = format!(
                    "unknown colour {:?} for {path} (expected {EXPECTED}{})",
                    s.as_ref(),
                    suggest(s, COLOR_NAMES.iter().map(|(n, _)| *n))
                );
                self.problem(v.span(), msg);
            }
            DeValue::Integer(i) if integer(i).is_some_and(|n| (0..=255).contains(&n)) => {}
            DeValue::Integer(_) => self.invalid(v, path, EXPECTED),
            _ => self.wrong_type(v, path, EXPECTED),
        }
    }

    fn modifiers(&mut self, v: &Spanned<DeValue>, path: &str) {
        let names = || MODIFIER_NAMES.iter().map(|(n, _)| *n);
        let DeValue::Array(items) = v.get_ref() else {
            return self.wrong_type(v, path, &format!("a list of {}", or_list(names())));
        };
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if names().any(|n| n == s.as_ref()) => {}
                DeValue::String(s) => {
                    let msg = format!(
                        "unknown modifier {:?} for {path} (expected {}{})",
                        s.as_ref(),
                        or_list(names()),
                        suggest(s, names())
                    );
                    self.problem(item.span(), msg);
                }
                _ => self.wrong_type(item, path, &format!("a modifier name: {}", or_list(names()))),
            }
        }
    }

    fn keys(&mut self, table: &DeTable) {
        let mut seen: Vec<(Key, Action, Range<usize>, String)> = Vec::new();
        for (name, value) in table.iter() {
            let action_name = name.get_ref().as_ref();
            let Some(action) = Action::from_name(action_name) else {
                let msg = format!(
                    "unknown action \"{action_name}\" in [keys] (expected an action such as line_down, \
                     see `yuedu config --default`{})",
                    suggest(action_name, Action::ALL.iter().map(|a| a.name()))
                );
                self.problem(name.span(), msg);
                continue;
            };
            let path = format!("keys.{action_name}");
            const EXPECTED: &str = "a list of keys such as [\"j\", \"Down\"]";
            let one;
            let items: &[Spanned<DeValue>] = match value.get_ref() {
                DeValue::Array(items) => items,
                DeValue::String(_) => {
                    one = [value.clone()];
                    &one
                }
                _ => {
                    self.wrong_type(value, &path, EXPECTED);
                    continue;
                }
            };
            let mut keys = Vec::new();
            for item in items {
                let DeValue::String(s) = item.get_ref() else {
                    self.wrong_type(item, &path, "a key name such as \"j\", \"Ctrl-d\" or \"PageDown\"");
                    continue;
                };
                let Some(key) = Key::parse(s) else {
                    let named = NAMED_KEYS.iter().map(|(n, _)| *n);
                    let bare = s.rsplit('-').next().unwrap_or(s);
                    let msg = format!(
                        "unknown key name {:?} for {path} (expected one character, F1-F12 or a name such as \
                         Enter, Esc, Tab, Space, PageDown, optionally after Ctrl-, Alt- or Shift-{})",
                        s.as_ref(),
                        suggest(bare, named)
                    );
                    self.problem(item.span(), msg);
                    continue;
                };
                seen.push((key, action, item.span(), s.to_string()));
                keys.push(key);
            }
            self.bindings.push((action, keys));
            self.spans.push(name.span());
        }
        // One key, one action per mode within this file; report the later of the two.
        seen.sort_by_key(|(_, _, span, _)| span.start);
        for (i, (key, action, span, written)) in seen.iter().enumerate() {
            let clash =
                seen[..i].iter().find(|(k, a, _, _)| k == key && a != action && modes_overlap(*a, *action));
            if let Some((_, other, _, other_written)) = clash {
                // Ctrl-i is Tab and so on: say so when the two were written differently.
                let same = if other_written == written {
                    String::new()
                } else {
                    format!(" as {other_written:?}, which a terminal sends as {}", key.display())
                };
                let msg = format!(
                    "key {written:?} for keys.{} is already bound to keys.{}{same} (one key can serve two \
                     actions only where they apply in different places)",
                    action.name(),
                    other.name()
                );
                self.problem(span.clone(), msg);
            }
        }
    }
}

/// A checked value as a plain toml value (for trial deserialisation).
fn to_toml(v: &DeValue) -> Option<toml::Value> {
    Some(match v {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(i) => toml::Value::Integer(integer(i)?),
        DeValue::Float(f) => toml::Value::Float(f.as_str().parse().ok()?),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(d) => toml::Value::Datetime(*d),
        DeValue::Array(a) => {
            toml::Value::Array(a.iter().map(|e| to_toml(e.get_ref())).collect::<Option<_>>()?)
        }
        DeValue::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| Some((k.get_ref().to_string(), to_toml(v.get_ref())?)))
                .collect::<Option<_>>()?,
        ),
    })
}
