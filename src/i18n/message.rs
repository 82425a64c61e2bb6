//! A message as shown: its words in the interface language and its [`Kind`]. A leaf
//! below the catalogs, beside [`super::msg`] (which says what a message means).

use super::msg::Kind;

/// A message as the status line shows it: its words in the interface language, and its
/// kind (the style it is drawn in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// How it is meant.
    pub kind: Kind,
    /// What it says.
    pub text: String,
}

impl Message {
    /// An error whose words come from elsewhere (a store's or the loader's, which carry
    /// their own, themselves from the catalog).
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

impl std::ops::Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}
