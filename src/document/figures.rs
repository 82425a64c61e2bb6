//! Numeric figures (1.6万亿元, 24.8%, 80多人 …): spans and kinds.

use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A percentage or per-mille.
    Percent,
    /// An amount of money.
    Money,
    /// A count of things or people.
    Count,
    /// A date or year.
    Date,
    /// An age.
    Age,
    /// A physical measure (length, area, weight …).
    Measure,
    /// Any other number.
    Other,
}

/// One figure: a byte range in the document text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What it measures.
    pub kind: FigureKind,
}

/// Finds the figures in one paragraph; `base` is the paragraph's offset in the document.
pub fn find_figures(paragraph: &str, base: usize) -> Vec<Figure> {
    let _ = (paragraph, base);
    Vec::new()
}
