//! Every string the reader shows, by message: code says *what* to tell the user
//! ([`Msg`]), a catalog per language says *how* (`en` today; a `zh` catalog is one more
//! file with the same `match`, chosen in [`text`]).
//!
//! Messages take their variable parts (numbers, names, excerpts) as fields, so a catalog
//! can order them as its language needs. Not here: what the script commands print (a data
//! format, not prose), error texts of the store and the loader (they carry their own
//! `Display`), and config-file diagnostics.

mod en;
mod msg;

pub use msg::{Lang, Msg};

use crate::input::Action;

/// The language messages are shown in.
pub const LANG: Lang = Lang::En;

/// `msg` in the interface language.
pub fn text(msg: Msg<'_>) -> String {
    match LANG {
        Lang::En => en::text(msg),
    }
}

/// What `action` does, for the help, in the interface language.
pub fn action_help(action: Action) -> &'static str {
    match LANG {
        Lang::En => en::action(action),
    }
}
