//! The settings panel (`,` in the text): text width, paragraph spacing, first-line indent,
//! punctuation, figure highlighting, theme, language and auto-scroll speed, each changed
//! with ← / → and applied at once behind the panel (the place kept on the same character).
//! `s` asks the runtime to write the options changed into the user's config.toml
//! ([`crate::store::settings_file`]); Esc closes without saving (what was changed holds
//! until the reader quits). The speed is also remembered at once, like `<` / `>`
//! ([`crate::store::reader_state`]); saved, it is `text.auto_scroll_speed`, the speed at
//! every start.

use super::effect::Effect;
use super::state::comfort::MIN_WIDTH;
use super::{Action, App, Overlay};
use crate::config::{LanguageChoice, ThemeChoice};
use crate::i18n::{Comfort, Msg, Setting, Value};
use crate::store::settings_file::Entry;

/// The first-line indents ← / → step through: none, one and two ideographic spaces.
const INDENTS: [&str; 3] = ["", "\u{3000}", "\u{3000}\u{3000}"];
/// The widest `max_text_width` allowed in config.toml.
const MAX_WIDTH: u16 = 1000;

impl App {
    /// The setting on the panel's row under the cursor.
    pub fn setting_under_cursor(&self) -> Setting {
        Setting::ALL[self.comfort.settings_row.min(Setting::ALL.len() - 1)]
    }

    /// A setting's value as in force now.
    pub fn setting_value(&self, s: Setting) -> Value {
        let c = &self.config;
        match s {
            Setting::TextWidth => Value::Columns(c.layout.max_text_width),
            Setting::ParagraphSpacing => Value::BlankLines(c.text.paragraph_spacing),
            Setting::Indent => match unicode_width::UnicodeWidthStr::width(c.text.first_line_indent.as_str())
            {
                0 => Value::NoIndent,
                w => Value::IndentColumns(w),
            },
            Setting::Punctuation => Value::On(c.text.normalize_punctuation),
            Setting::Figures => Value::On(self.figures.shown),
            Setting::Theme => Value::Theme(match c.interface.theme {
                ThemeChoice::Auto => "auto",
                ThemeChoice::Dark => "dark",
                ThemeChoice::Light => "light",
            }),
            Setting::Language => Value::Language(match c.interface.language {
                LanguageChoice::Auto => "auto",
                LanguageChoice::En => "en",
                LanguageChoice::Zh => "zh",
            }),
            Setting::ScrollSpeed => {
                let level = self.comfort.scroll.level;
                Value::Speed { level, rows: super::state::comfort::AutoScroll::rows_a_minute(level) }
            }
        }
    }

    /// Keys while the panel is open: move, change, save, close.
    pub(super) fn update_settings(&mut self, action: Action) {
        let last = Setting::ALL.len() - 1;
        let row = self.comfort.settings_row;
        match action {
            Action::LineDown => self.comfort.settings_row = (row + 1).min(last),
            Action::LineUp => self.comfort.settings_row = row.saturating_sub(1),
            Action::Top => self.comfort.settings_row = 0,
            Action::Bottom => self.comfort.settings_row = last,
            Action::SettingLess | Action::SettingMore => {
                self.change_setting(self.setting_under_cursor(), action == Action::SettingMore)
            }
            Action::SaveSettings => self.save_settings(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Quit => self.should_quit = true,
            _ => self.overlay = None,
        }
    }

    /// Changes setting `s` one step (`up`: the value after) and applies it at once.
    pub fn change_setting(&mut self, s: Setting, up: bool) {
        let step = |n: i64, by: i64, min: i64, max: i64| (n + if up { by } else { -by }).clamp(min, max);
        match s {
            Setting::TextWidth => {
                let w = i64::from(self.config.layout.max_text_width);
                self.config.layout.max_text_width =
                    step(w, 2, i64::from(MIN_WIDTH), i64::from(MAX_WIDTH)) as u16;
                // The panel's width is the column's: a narrower one chosen with `-` goes.
                self.comfort.width = None;
            }
            Setting::ParagraphSpacing => {
                let n = i64::from(self.config.text.paragraph_spacing);
                self.config.text.paragraph_spacing = step(n, 1, 0, 2) as u8;
            }
            Setting::Indent => {
                let now = INDENTS.iter().position(|i| *i == self.config.text.first_line_indent);
                // An indent of the user's own making steps to the usual one.
                let at = now
                    .map_or(INDENTS.len() - 1, |i| step(i as i64, 1, 0, INDENTS.len() as i64 - 1) as usize);
                self.config.text.first_line_indent = INDENTS[at].to_string();
            }
            Setting::Punctuation => self.config.text.normalize_punctuation ^= true,
            Setting::Figures => self.figures.shown ^= true,
            Setting::Theme => {
                let all = [ThemeChoice::Auto, ThemeChoice::Dark, ThemeChoice::Light];
                let choice = cycle(&all, self.config.interface.theme, up);
                self.config.choose_theme(choice);
            }
            Setting::Language => {
                let all = [LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Zh];
                let choice = cycle(&all, self.config.interface.language, up);
                self.config.interface.language = choice;
                crate::i18n::set_lang(choice.lang());
            }
            Setting::ScrollSpeed => {
                let level = self.comfort.scroll.level;
                self.set_speed(if up { level + 1 } else { level - 1 });
            }
        }
        if !self.comfort.touched.contains(&s) {
            self.comfort.touched.push(s);
        }
        self.rewrap();
    }

    /// `s`: the options changed since the last save, for the runtime to write.
    fn save_settings(&mut self) {
        if self.comfort.settings_path.is_none() {
            return self.say(Msg::Comfort(Comfort::NowhereToSave));
        }
        let entries: Vec<Entry> =
            self.comfort.touched.iter().filter_map(|&s| self.setting_entry(s)).collect();
        self.effects.push(Effect::SaveSettings(entries));
    }

    /// The option of config.toml that setting `s` is, with its value now.
    fn setting_entry(&self, s: Setting) -> Option<Entry> {
        let text = |v: &str| toml::Value::String(v.to_string());
        Some(match (s, self.setting_value(s)) {
            (Setting::TextWidth, Value::Columns(n)) => {
                ("layout", "max_text_width", toml::Value::Integer(n.into()))
            }
            (Setting::ParagraphSpacing, Value::BlankLines(n)) => {
                ("text", "paragraph_spacing", toml::Value::Integer(n.into()))
            }
            (Setting::Indent, _) => ("text", "first_line_indent", text(&self.config.text.first_line_indent)),
            (Setting::Punctuation, Value::On(b)) => {
                ("text", "normalize_punctuation", toml::Value::Boolean(b))
            }
            (Setting::Figures, Value::On(b)) => ("highlight", "figures", toml::Value::Boolean(b)),
            (Setting::Theme, Value::Theme(t)) => ("interface", "theme", text(t)),
            (Setting::Language, Value::Language(l)) => ("interface", "language", text(l)),
            (Setting::ScrollSpeed, Value::Speed { level, .. }) => {
                ("text", "auto_scroll_speed", toml::Value::Integer(level.into()))
            }
            _ => return None,
        })
    }

    /// The runtime's save of the panel's settings into the user's config.toml.
    pub(super) fn save_settings_now(&mut self, entries: &[Entry]) {
        let Some(path) = self.comfort.settings_path.clone() else { return };
        let name = path.display().to_string();
        match crate::store::settings_file::save(&path, entries) {
            Ok(()) => {
                self.comfort.touched.clear();
                self.config.source = Some(path);
                self.say(Msg::Comfort(Comfort::Saved(&name)));
            }
            Err(e) => self.say(Msg::Comfort(Comfort::NotSaved(&e.to_string()))),
        }
    }
}

/// The choice after (or before) `now` in `all`, round.
fn cycle<T: Copy + PartialEq>(all: &[T], now: T, up: bool) -> T {
    let i = all.iter().position(|c| *c == now).unwrap_or(0);
    let n = all.len();
    all[if up { (i + 1) % n } else { (i + n - 1) % n }]
}
