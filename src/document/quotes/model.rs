//! The quotations a document holds: their spans, kind and speaker.

use serde::Serialize;

/// Whether a quotation is speech or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Something a person said.
    Speech,
    /// A short phrase in quotation marks.
    Term,
}

impl QuoteKind {
    /// The name used in command output (`speech`, `term`).
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just past the closing mark.
    pub end: usize,
    /// Speech or term.
    pub kind: QuoteKind,
    /// Who said it, when the text names them.
    pub speaker: Option<String>,
    /// The speaker's title as the text gives it before the name (`首席架构师`), in news.
    pub speaker_title: Option<String>,
}

impl Quote {
    /// The quoted words without the outer marks.
    pub fn inner<'a>(&self, text: &'a str) -> &'a str {
        let s = &text[self.start..self.end];
        let mut chars = s.chars();
        chars.next();
        chars.next_back();
        chars.as_str()
    }
}
