//! Every string the reader shows, by message: code says *what* to tell the user
//! ([`Msg`]), a catalog per language says *how*: `en` (English) and `zh` (Simplified
//! Chinese), each one exhaustive `match` over [`Msg`], so a message missing from either
//! catalog does not compile. [`text`] picks the catalog of the language in force.
//!
//! The language is chosen once at start-up ([`set_lang`]: `language` in `[interface]`,
//! `auto` following `LC_ALL`, `LC_MESSAGES`, `LANG`) and read by everything drawn after.
//!
//! Messages take their variable parts (numbers, names, excerpts) as fields, so a catalog
//! can order them as its language needs. Here too: the command line's error lines, the
//! loader's reasons, the stores' errors and every config-file diagnostic. Not here: what the
//! script commands print (a data format, not prose), the system's own reasons (`strerror`),
//! the TOML parser's syntax messages, and clap's `--help`.

mod book;
mod comfort;
mod en;
mod lang;
mod message;
mod msg;
mod zh;

pub use book::BookProblem;
pub use comfort::{Comfort, Setting, Value};
pub use message::Message;
pub use msg::{ArgProblem, Kind, Lang, Msg, Pair, Special, Step, ValueType};

use std::sync::atomic::{AtomicU8, Ordering};

use crate::input::Action;

/// The language in force: 0 English, 1 Chinese.
static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the interface language for everything shown from now on.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The interface language in force.
pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == Lang::Zh as u8 { Lang::Zh } else { Lang::En }
}

/// `msg` in the interface language.
pub fn text(msg: Msg<'_>) -> String {
    text_in(lang(), msg)
}

/// `msg` for the status line: its words in the interface language, and its kind.
pub fn message(msg: Msg<'_>) -> Message {
    Message { kind: msg.kind(), text: text(msg) }
}

/// `msg` in `lang`.
pub fn text_in(lang: Lang, msg: Msg<'_>) -> String {
    match lang {
        Lang::En => en::text(msg),
        Lang::Zh => zh::text(msg),
    }
}

/// What `action` does, for the help, in the interface language.
pub fn action_help(action: Action) -> &'static str {
    action_help_in(lang(), action)
}

/// What `action` does, in `lang`.
pub fn action_help_in(lang: Lang, action: Action) -> &'static str {
    match lang {
        Lang::En => en::action(action),
        Lang::Zh => zh::action(action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(vars: &[(&str, &str)]) -> Lang {
        Lang::from_vars(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert_eq!(lang_of(&[]), Lang::En);
        assert_eq!(lang_of(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(lang_of(&[("LANG", "zh_TW.Big5")]), Lang::Zh);
        assert_eq!(lang_of(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]), Lang::En);
        assert_eq!(lang_of(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]), Lang::Zh);
        assert_eq!(lang_of(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")]), Lang::En);
        assert_eq!(lang_of(&[("LANG", "z")]), Lang::En);
    }
}
