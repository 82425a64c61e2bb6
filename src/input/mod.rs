//! The input vocabulary both the config and the reader use: every [`Action`] with the
//! [`Mode`]s it applies in, key names ([`Key`]) and the [`Keymap`] that binds one to the
//! other. It sits below both `config` (which reads `[keys]` into a keymap) and `app`
//! (which applies actions), so neither has to import the other for it.

mod action;
mod keymap;
mod keys;

pub use action::{Action, Mode};
pub use keymap::{Keymap, modes_overlap};
pub use keys::{Key, NAMED_KEYS};
