//! The status line's message: a text and its kind (information, warning, error), shown
//! until the next action in the kind's own style.

use std::ops::Deref;

use super::App;
use crate::i18n::{self, Kind, Msg};

/// A message for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// How it is meant.
    pub kind: Kind,
    /// What it says.
    pub text: String,
}

impl Message {
    /// `msg` in the interface language, of its own kind.
    pub fn of(msg: Msg<'_>) -> Message {
        Message { kind: msg.kind(), text: i18n::text(msg) }
    }

    /// An error whose words come from elsewhere (a file's path and the system's reason).
    pub fn error(text: String) -> Message {
        Message { kind: Kind::Error, text }
    }

    /// A warning whose words come from elsewhere (a decoding note of the loader).
    pub fn warning(text: String) -> Message {
        Message { kind: Kind::Warning, text }
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl App {
    /// Shows `msg` on the status line until the next action.
    pub fn say(&mut self, msg: Msg<'_>) {
        self.message = Some(Message::of(msg));
    }

    /// Shows an error (a store's or the loader's, which carry their own words).
    pub fn fail(&mut self, error: impl ToString) {
        self.message = Some(Message::error(error.to_string()));
    }
}
