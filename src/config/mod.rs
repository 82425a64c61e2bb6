//! `config.toml`: the embedded defaults, a user file merged over them, and the keymap and
//! theme built from the result.
//!
//! A user file is checked on its own text, with toml's spans, before anything is merged, so
//! every problem comes out as one line `file:line:col: what (expected …)` and nothing a user
//! writes can panic. Merging rules (documented at the top of `config.toml`):
//! - `[interface]`, `[layout]`, `[text]`, `[highlight]`, `[bookmarks]`, `[quotes]`: each
//!   option given replaces the default.
//! - `[theme]`, `[theme_light]`, `[theme_no_color]`: each role given replaces that role's
//!   default style as a whole; a role given in `[theme]` holds for the light and the
//!   colourless theme too unless the file gives it in their table as well.
//! - `[keys]`: an action given gets exactly the keys listed; a key so bound is taken away from
//!   any other action's default keys where the two would clash (same mode). Two actions of the
//!   user's own file sharing a key in the same mode is an error.
//!
//! The room: `schema` (the option sections as types), `theme` (styles by [`Role`]),
//! `check` (the checker with `file:line:col` errors); key names and the keymap live in
//! [`crate::input`], below both this module and the reader.

mod check;
mod schema;
mod theme;

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use self::check::{Checker, located, one_line};
use self::schema::RawConfig;
use crate::input::{Action, Key, Keymap};

pub use self::check::ConfigError;
pub use self::schema::{
    AmbiguousWidth, BookmarksConfig, BossConfig, CopyForm, FiguresAtStart, HighlightConfig, InterfaceConfig,
    LanguageChoice, LayoutConfig, OutlineWidth, QuoteStep, QuotesConfig, Side, TextConfig, ThemeChoice,
};
pub use self::schema::{Direction, ScriptConfig, ShownScript, TraditionalStandard};
pub use self::theme::{
    Background, COLOR_NAMES, ColorSpec, MODIFIER_NAMES, Role, StyleSpec, Theme, parse_color,
};

/// The documented default configuration, embedded in the binary.
pub const DEFAULT_CONFIG: &str = include_str!("../../config.toml");

/// The name errors in the embedded defaults are reported under.
const DEFAULT_NAME: &str = "built-in config.toml";

/// The whole configuration, ready for use.
#[derive(Debug, Clone)]
pub struct Config {
    /// `[interface]`.
    pub interface: InterfaceConfig,
    /// `[layout]`.
    pub layout: LayoutConfig,
    /// `[text]`.
    pub text: TextConfig,
    /// `[highlight]`.
    pub highlight: HighlightConfig,
    /// The theme in force: `[theme]` or `[theme_light]` (see [`Config::use_background`]).
    pub theme: Theme,
    /// The dark and the light theme, resolved.
    themes: [Theme; 2],
    /// `[keys]`, resolved.
    pub keymap: Keymap,
    /// `[bookmarks]`.
    pub bookmarks: BookmarksConfig,
    /// `[quotes]`.
    pub quotes: QuotesConfig,
    /// `[script]`.
    pub script: ScriptConfig,
    /// The user file merged over the defaults, if any.
    pub source: Option<PathBuf>,
    /// `[boss]`.
    pub boss: BossConfig,
    /// The terminal's background as told at start, for `interface.theme = "auto"`.
    background: Background,
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
        use crate::i18n::{Msg, text};
        match self {
            Source::Argument(p) => text(Msg::ConfigFromArgument(&p.display().to_string())),
            Source::Environment(p) => text(Msg::ConfigFromEnvironment(&p.display().to_string())),
            Source::UserDir(p) => p.display().to_string(),
            Source::Defaults(p) => {
                text(Msg::ConfigDefaults(p.as_ref().map(|p| p.display().to_string()).as_deref()))
            }
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

    /// Takes the theme for `background` when `interface.theme` is `"auto"` (a theme chosen
    /// in the file stays).
    pub fn use_background(&mut self, background: Background) {
        self.background = background;
        self.apply_theme();
    }

    /// Changes `interface.theme` while reading: the dark or light theme, or for `"auto"`
    /// the one the background told at start asks for.
    pub fn choose_theme(&mut self, choice: ThemeChoice) {
        self.interface.theme = choice;
        self.apply_theme();
    }

    /// Puts in force the theme `interface.theme` names, for `"auto"` the background's:
    /// the one place the theme is chosen (on reading the file, on the background told
    /// at start, on a change while reading).
    fn apply_theme(&mut self) {
        let light = match self.interface.theme {
            ThemeChoice::Light => true,
            ThemeChoice::Dark => false,
            ThemeChoice::Auto => self.background == Background::Light,
        };
        self.theme = self.themes[usize::from(light)].clone();
    }

    /// [`Config::load`], then sets the interface language the configuration asks for
    /// (before it, errors follow the environment's language).
    pub fn load_and_apply(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let config = Config::load(explicit)?;
        crate::i18n::set_lang(config.interface.language.lang());
        Ok(config)
    }

    /// Loads the defaults with the user file (if any) merged over them.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match Config::locate(explicit) {
            None => Ok(Config::default()),
            Some(path) => {
                let bytes = crate::store::toml_file::read_regular(&path, MAX_CONFIG_BYTES).map_err(|e| {
                    let why = crate::i18n::text(crate::i18n::Msg::CfgCannotRead(&e.to_string()));
                    ConfigError(format!("{}: {why}", path.display()))
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
            let (line, col) = crate::store::toml_file::line_col(&text, text.len());
            ConfigError(format!("{name}:{line}:{col}: {}", crate::i18n::text(crate::i18n::Msg::CfgNotUtf8)))
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
            let msg = crate::i18n::text(crate::i18n::Msg::CfgQuitWithoutKey);
            return Err(located(name, user, culprit, &msg));
        }
        let over: toml::Table = toml::from_str(user).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            located(name, user, span.start, &one_line(e.message()))
        })?;
        // The roles the user's file sets in each theme table: they win over the defaults'
        // layers (see `theme::Layers`).
        let user_roles = |section: &str| -> Vec<String> {
            over.get(section)
                .and_then(toml::Value::as_table)
                .map(|t| t.keys().cloned().collect())
                .unwrap_or_default()
        };
        let (user_dark, user_light, user_no_color) =
            (user_roles("theme"), user_roles("theme_light"), user_roles("theme_no_color"));
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
        // The checker admits only the defaults' roles; a default role without a `Role` is a
        // gap in this build, reported rather than dropped.
        for name in raw.theme.keys().chain(raw.theme_light.keys()).chain(raw.theme_no_color.keys()) {
            if Role::from_name(name).is_none() {
                return Err(ConfigError(format!("{DEFAULT_NAME}: theme role \"{name}\" is not drawn")));
            }
        }
        let layers = theme::Layers {
            dark: &raw.theme,
            light: &raw.theme_light,
            no_color: &raw.theme_no_color,
            user_dark: &user_dark,
            user_light: &user_light,
            user_no_color: &user_no_color,
        };
        let (dark, light) = layers.resolve(no_color);
        let mut config = Config {
            theme: dark.clone(),
            themes: [dark, light],
            interface: raw.interface,
            layout: raw.layout,
            text: raw.text,
            highlight: raw.highlight,
            keymap,
            bookmarks: raw.bookmarks,
            quotes: raw.quotes,
            script: raw.script,
            source: None,
            boss: raw.boss,
            background: Background::Dark,
        };
        config.apply_theme();
        Ok(config)
    }
}

/// The embedded defaults, parsed: the shape a user file is checked against.
struct Defaults {
    table: toml::Table,
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Defaults {
    /// The embedded file read once, without its spans and unchecked: it is the documented
    /// file the tests check (`the_built_in_defaults_are_the_checked_file`), and at every start
    /// a second parse for spans and a walk of the checker over it cost as much as the rest
    /// of the configuration.
    fn get() -> Result<Defaults, ConfigError> {
        let table: toml::Table =
            toml::from_str(DEFAULT_CONFIG).map_err(|e| ConfigError(format!("{DEFAULT_NAME}: {e}")))?;
        let bindings = default_bindings(&table)?;
        Ok(Defaults { table, bindings })
    }
}

/// The defaults' `[keys]`: each action with its keys, in the order the checker lists a
/// file's bindings.
fn default_bindings(table: &toml::Table) -> Result<Vec<(Action, Vec<Key>)>, ConfigError> {
    let gap = |what: &str| ConfigError(format!("{DEFAULT_NAME}: keys.{what}"));
    let Some(keys) = table.get("keys").and_then(toml::Value::as_table) else {
        return Err(gap(""));
    };
    keys.iter()
        .map(|(name, value)| {
            let action = Action::from_name(name).ok_or_else(|| gap(name))?;
            let items = match value {
                toml::Value::Array(items) => items.as_slice(),
                one => std::slice::from_ref(one),
            };
            let keys = items.iter().map(|k| k.as_str().and_then(Key::parse).ok_or_else(|| gap(name)));
            Ok((action, keys.collect::<Result<Vec<Key>, ConfigError>>()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults read at start without spans or checks are what the checker makes of the
    /// documented file: it finds nothing wrong in it and lists the same bindings.
    #[test]
    fn the_built_in_defaults_are_the_checked_file() {
        let defaults = Defaults::get().expect("the built-in defaults read");
        let doc = DeTable::parse(DEFAULT_CONFIG).expect("config.toml parses with spans");
        let mut check = Checker::new(&defaults.table);
        check.document(doc.get_ref());
        let problems: Vec<String> = check
            .problems
            .iter()
            .map(|p| located(DEFAULT_NAME, DEFAULT_CONFIG, p.span.start, &p.msg).0)
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!defaults.bindings.is_empty());
        assert_eq!(defaults.bindings, check.bindings);
    }

    /// A broken binding in the defaults is reported, never dropped.
    #[test]
    fn a_bad_default_binding_is_reported() {
        for keys in [
            "[keys]\nquit = [\"no-such-key\"]\n",
            "[keys]\nno_such_action = [\"q\"]\n",
            "[keys]\nquit = 1\n",
            "x = 1\n",
        ] {
            let table: toml::Table = toml::from_str(keys).expect("valid toml");
            let err = default_bindings(&table).expect_err(keys);
            assert!(err.0.starts_with(DEFAULT_NAME), "{}", err.0);
        }
    }
}
